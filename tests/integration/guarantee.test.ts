// The database itself refuses double bookings (migrations 0002/0003), whatever the code above does.
// Raw inserts on purpose: the triggers are under test, not the code. The party, case, mediators and
// rooms are the factories'; the time is a fixed instant (the triggers do not read the clock).
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { createCase, createMediator, createParty, createRoom } from "../factories";

const drizzleDb = openDb(freshDatabase());
const db = drizzleDb.$client;
const now = Date.now();
const party = createParty(drizzleDb, { token: false });
const kase = createCase(drizzleDb, { partyUserId: party.user.id });
/** Mediators 1–3 and rooms 1–3 of this test. */
const mediator = [0, 1, 2].map(() => createMediator(drizzleDb, { weekly: false, now }).id);
const room = [0, 1, 2].map(() => createRoom(drizzleDb));
const insert = db.prepare(
  `insert into bookings (case_id, party_user_id, mediator_id, room_id, start_at, end_at, mode, status, respond_by)
   values (?, ?, ?, ?, ?, ?, 'centre', ?, 0)`,
);
const H = 3_600_000;
const T = Date.parse("2030-01-07T01:00:00Z");
const book = (m: number, r: number | null, start: number, end: number, status = "pending") =>
  insert.run(kase.id, party.user.id, mediator[m - 1], r === null ? null : room[r - 1], start, end, status).lastInsertRowid as number;

describe("overlap triggers", () => {
  it("refuse a second holding booking of the same mediator or room that overlaps", () => {
    book(1, 1, T, T + H);
    expect(() => book(1, null, T + H / 2, T + 2 * H)).toThrow(/slot_taken/);
    expect(() => book(2, 1, T - H / 2, T + H / 2)).toThrow(/slot_taken/);
    expect(() => book(1, 2, T - 20 * H, T + 10 * H)).toThrow(/slot_taken/);
  });

  it("allow back-to-back sessions, other mediators and rooms, and released time", () => {
    expect(book(1, 1, T + H, T + 2 * H)).toBeGreaterThan(0);
    expect(book(2, 2, T, T + H)).toBeGreaterThan(0);
    const cancelled = book(3, 3, T, T + H, "cancelled");
    expect(book(3, 3, T, T + H)).toBeGreaterThan(0);
    // Bringing a released booking back to holding time is refused while the time is taken.
    expect(() => db.prepare("update bookings set status = 'pending' where id = ?").run(cancelled)).toThrow(/slot_taken/);
  });

  it("stay cheap with a long history: the check reads only the day before the new booking", () => {
    const plan = db
      .prepare(
        `explain query plan select 1 from bookings b where b.mediator_id = 1 and b.status in ('pending','confirmed')
         and b.start_at > 0 and b.start_at < 10 and b.end_at > 0`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(" ")).toMatch(/bookings_mediator_time_idx \(mediator_id=\? AND start_at>\? AND start_at<\?\)/);
  });
});
