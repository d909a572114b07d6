// A real race across two processes: a party reschedules while the mediator, in another process,
// declines. The decline commits while the reschedule waits for the write lock, after the party's page
// had shown the request as pending. Every state check sits inside the reschedule's own write
// transaction, so it answers 409 (illegal_transition) and changes nothing.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { bookings, notifications } from "../../db/schema";
import { createBooking, createMediator, createParty, freeSlots } from "../factories";
import { expectLine } from "./child-lines";

const file = freshDatabase();
const db = openDb(file);
const { rescheduleBooking } = await import("~/models/booking-actions.server");
const { getBooking } = await import("~/models/bookings.server");
const { DomainError } = await import("~/models/errors");
const { STATUS_OF } = await import("~/utils/api-handler.server");

const root = path.resolve(import.meta.dirname, "../..");
let child: ChildProcessWithoutNullStreams | undefined;
afterAll(() => child?.kill());

describe("reschedule against a decline in another process", () => {
  it("the decline lands first: the reschedule is a 409 and nothing else changes", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["online"], minNoticeHours: 1, account: true, now });
    const party = createParty(db);
    const [first, second] = freeSlots(db, m.id, { now, mode: "online", days: 7 }).filter((_, i) => i % 3 === 0);
    const booking = createBooking(db, { partyUserId: party.user.id, mediatorId: m.id, start: first.start, mode: "online", now });
    // The party's page shows a request it may move.
    expect(getBooking({ user: party.user, id: booking.id, now }).actions.reschedule).toBe(true);
    const before = db.select().from(bookings).all().length;

    child = spawn(
      path.join(root, "node_modules/.bin/tsx"),
      [path.join(root, "tests/integration/helpers/decline-under-lock.ts"), file, String(booking.id), JSON.stringify(m.account!.user)],
      { cwd: root, env: { ...process.env } },
    );
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const lines = readline.createInterface({ input: child.stdout });
    await expectLine(lines, "locked").catch((e) => Promise.reject(new Error(`${e.message}: ${stderr}`)));

    // The reschedule starts while the other process holds the lock, and waits for it.
    let settled = false;
    const moved = rescheduleBooking({ user: party.user, id: booking.id, start: second.start, now: Date.now() }).finally(
      () => (settled = true),
    );
    const failed = moved.catch((error: unknown) => error);
    await new Promise((r) => setTimeout(r, 200));
    expect(settled).toBe(false);

    const declined = expectLine(lines, "declined");
    child.stdin.write("go\n");
    await declined;

    const error = await failed;
    expect(error).toBeInstanceOf(DomainError);
    expect((error as InstanceType<typeof DomainError>).code).toBe("illegal_transition");
    expect(STATUS_OF.illegal_transition).toBe(409);

    // Nothing but the decline happened: no new booking, the old one declined with its reason.
    const after = db.select().from(bookings).all();
    expect(after.length).toBe(before);
    const row = after.find((b) => b.id === booking.id)!;
    expect(row.status).toBe("declined");
    expect(row.declineReason).toBe("当天另有安排");
    expect(row.cancelReason).toBeNull();
    expect(after.some((b) => b.rescheduledFromId === booking.id)).toBe(false);
    const sent = db.select().from(notifications).where(eq(notifications.bookingId, booking.id)).all();
    expect(sent.map((n) => n.template)).toEqual(sent.map(() => "booking.declined"));
  }, 60_000);
});
