// The database itself refuses double bookings (migrations 0002/0003), whatever the code above does.
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";

const db = openDb(freshDatabase()).$client;
db.prepare("insert into cases (party_user_id, category_slug, summary) values (1, 'labour', 'x')").run();
const insert = db.prepare(
  `insert into bookings (case_id, party_user_id, mediator_id, room_id, start_at, end_at, mode, status, respond_by)
   values (1, 1, ?, ?, ?, ?, 'centre', ?, 0)`,
);
const H = 3_600_000;
const T = Date.parse("2030-01-07T01:00:00Z");
const book = (mediator: number, room: number | null, start: number, end: number, status = "pending") =>
  insert.run(mediator, room, start, end, status).lastInsertRowid as number;

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
