// A replacement racing a single booking across two processes (issue 9): staff were offered a chief
// mediator to replace one who declined; meanwhile, in another process, a party books that person for
// the panel's time. The single booking commits while the replacement waits for the write lock; the
// replacement's checks and the participants' trigger run inside its own write transaction, so it
// answers 409 slot_taken and writes nothing: no participant, no seat, no invitation.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { bookingParticipants, rooms } from "../../db/schema";
import { at, createParty, createRoom, createStaff } from "../factories";
import { createPanelCase, createPanelPeople, createPanelPerson, membersOf, putAwaySeedPanelPeople } from "../factories-panels";
import { expectLine } from "./child-lines";
import { panelRowCounts } from "./panel-rows";

const file = freshDatabase();
const db = openDb(file);
// Only this file's people hold panel roles: suggestions and candidates do not depend on the date.
putAwaySeedPanelPeople(db);
const { bookPanel, replacementCandidates, replacePanelMember, respondToPanelSeat } = await import("~/models/panels.server");
const { DomainError } = await import("~/models/errors");

const root = path.resolve(import.meta.dirname, "../..");
let child: ChildProcessWithoutNullStreams | undefined;
afterAll(() => child?.kill());

const count = () => panelRowCounts(db);

describe("a replacement against a single booking in another process", () => {
  it("the single booking lands first: the replacement is a 409 slot_taken and nothing is written", async () => {
    const now = Date.now();
    db.update(rooms).set({ active: false }).run();
    const room = createRoom(db);
    const staff = createStaff(db, { now });
    const party = createParty(db, { now });
    const opts = { weekly: { start: "09:00", end: "17:00" }, minNoticeHours: 0, now };
    const people = createPanelPeople(db, opts);
    // Another chief mediator in the public pool, so a party can book them.
    const other = createPanelPerson(db, { ...opts, role: "chief-mediator", listed: true });
    const kase = createPanelCase(db, { partyUserId: party.user.id });
    // Far enough ahead for a request to be answered comfortably (domain/answer-deadline).
    const start = at(now, 4, "10:00");
    const panel = await bookPanel(db, {
      caseId: kase.id,
      start,
      minutes: 120,
      roomId: room,
      members: membersOf(people),
      actor: staff.user,
      now,
    });
    await respondToPanelSeat(db, { panelId: panel.id, personId: people.chief.id, answer: "decline", actor: staff.user, now });
    const offered = replacementCandidates(db, { panelId: panel.id, declinedPersonId: people.chief.id, actor: staff.user, now });
    // The seeded pool's own chief mediators may be free then too, depending on the weekday.
    expect(offered.map((c) => c.personId)).toContain(other.id);
    expect(offered.map((c) => c.personId)).not.toContain(people.chief.id);
    const before = count();

    child = spawn(
      path.join(root, "node_modules/.bin/tsx"),
      [path.join(root, "tests/integration/helpers/book-under-lock.ts"), file, JSON.stringify(party.user), String(other.id), panel.start],
      { cwd: root, env: { ...process.env } },
    );
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const lines = readline.createInterface({ input: child.stdout });
    await expectLine(lines, "locked").catch((e) => Promise.reject(new Error(`${e.message}: ${stderr}`)));

    let settled = false;
    const replacing = replacePanelMember(db, {
      panelId: panel.id,
      declinedPersonId: people.chief.id,
      personId: other.id,
      actor: staff.user,
      now: Date.now(),
    }).finally(() => (settled = true));
    const failed = replacing.catch((error: unknown) => error);
    await new Promise((r) => setTimeout(r, 200));
    expect(settled).toBe(false);

    const booked = expectLine(lines, "booked");
    child.stdin.write("go\n");
    await booked.catch((e) => Promise.reject(new Error(`${e.message}: ${stderr}`)));

    const error = await failed;
    expect(error).toBeInstanceOf(DomainError);
    expect((error as InstanceType<typeof DomainError>).code).toBe("slot_taken");
    // Only the single booking (and its one participant) was added; the seat is still open.
    expect(count()).toEqual({ ...before, bookings: before.bookings + 1, participants: before.participants + 1 });
    const held = db.select().from(bookingParticipants).where(eq(bookingParticipants.personId, other.id)).all();
    expect(held.map((p) => [p.role, p.active, p.startAt])).toEqual([["mediator", true, start]]);
    // The one who took the time is no longer offered (a seeded chief mediator free then still may be).
    const after = replacementCandidates(db, { panelId: panel.id, declinedPersonId: people.chief.id, actor: staff.user, now });
    expect(after.map((c) => c.personId)).not.toContain(other.id);
    expect(after.length).toBe(offered.length - 1);
  }, 60_000);
});
