// A real race across two processes (issue 9): staff book a panel while, in another process, a party
// books a single session with one of its members for the same time. The single booking commits while
// the panel waits for the write lock; the panel's checks and the participants' triggers run inside its
// own write transaction, so it answers 409 slot_taken and books nothing: no booking, no participant,
// no panel, no seat, no invitation.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { bookingParticipants, rooms } from "../../db/schema";
import { createParty, createRoom, createStaff, localDate } from "../factories";
import { createPanelCase, createPanelPeople, membersOf, SEATS, putAwaySeedPanelPeople } from "../factories-panels";
import { expectLine } from "./child-lines";
import { panelRowCounts } from "./panel-rows";

const file = freshDatabase();
const db = openDb(file);
// Only this file's people hold panel roles: suggestions and candidates do not depend on the date.
putAwaySeedPanelPeople(db);
const { bookPanel, suggestPanelSlots } = await import("~/models/panels.server");
const { DomainError } = await import("~/models/errors");

const root = path.resolve(import.meta.dirname, "../..");
let child: ChildProcessWithoutNullStreams | undefined;
afterAll(() => child?.kill());

const count = () => panelRowCounts(db);

describe("a panel against a single booking in another process", () => {
  it("the single booking lands first: the panel is a 409 slot_taken and nothing of it is booked", async () => {
    const now = Date.now();
    db.update(rooms).set({ active: false }).run();
    const room = createRoom(db);
    const staff = createStaff(db, { now });
    const party = createParty(db, { now });
    const people = createPanelPeople(db, { weekly: { start: "09:00", end: "17:00" }, minNoticeHours: 0, now });
    const kase = createPanelCase(db, { partyUserId: party.user.id });
    const [slot] = suggestPanelSlots(db, {
      caseId: kase.id,
      roles: SEATS,
      // Far enough ahead for a request to be answered comfortably (domain/answer-deadline).
      from: localDate(now, 4),
      to: localDate(now, 5),
      minutes: 120,
      actor: staff.user,
      now,
    }).slots;
    const before = count();

    // The chief mediator is in the public pool: the party books them for the panel's first hour.
    child = spawn(
      path.join(root, "node_modules/.bin/tsx"),
      [
        path.join(root, "tests/integration/helpers/book-under-lock.ts"),
        file,
        JSON.stringify(party.user),
        String(people.chief.id),
        slot.start,
      ],
      { cwd: root, env: { ...process.env } },
    );
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const lines = readline.createInterface({ input: child.stdout });
    await expectLine(lines, "locked").catch((e) => Promise.reject(new Error(`${e.message}: ${stderr}`)));

    let settled = false;
    const booking = bookPanel(db, {
      caseId: kase.id,
      start: Date.parse(slot.start),
      minutes: 120,
      roomId: room,
      members: membersOf(people),
      actor: staff.user,
      now: Date.now(),
    }).finally(() => (settled = true));
    const failed = booking.catch((error: unknown) => error);
    await new Promise((r) => setTimeout(r, 200));
    expect(settled).toBe(false);

    const booked = expectLine(lines, "booked");
    child.stdin.write("go\n");
    await booked.catch((e) => Promise.reject(new Error(`${e.message}: ${stderr}`)));

    const error = await failed;
    expect(error).toBeInstanceOf(DomainError);
    expect((error as InstanceType<typeof DomainError>).code).toBe("slot_taken");
    // Only the single booking (and its one participant) was added.
    expect(count()).toEqual({ ...before, bookings: before.bookings + 1, participants: before.participants + 1 });
    const chiefs = db.select().from(bookingParticipants).where(eq(bookingParticipants.personId, people.chief.id)).all();
    expect(chiefs.map((p) => [p.role, p.active, p.startAt])).toEqual([["mediator", true, Date.parse(slot.start)]]);
  }, 60_000);
});
