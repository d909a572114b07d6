// The no-double-booking guarantee on participants (migration 0015, ADR 027): no person and no room in
// two overlapping active bookings, whichever role the person holds in each. Raw SQL on purpose: the
// triggers are under test, not the code. A single booking's mediator becomes its participant by trigger
// and follows it; a panel seat is a participant row of its own; a declined seat holds no time.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { createCase, createMediator, createParty, createRoom } from "../factories";

const drizzleDb = openDb(freshDatabase());
const db = drizzleDb.$client;
const now = Date.now();
const party = createParty(drizzleDb, { token: false });
const kase = createCase(drizzleDb, { partyUserId: party.user.id });
const person = [0, 1, 2, 3, 4].map(() => createMediator(drizzleDb, { weekly: false, now }).id);
const room = [0, 1].map(() => createRoom(drizzleDb));
const H = 3_600_000;
const T = Date.parse("2030-01-07T01:00:00Z");

const insertBooking = db.prepare(
  `insert into bookings (case_id, party_user_id, mediator_id, room_id, start_at, end_at, mode, status, respond_by)
   values (?, ?, ?, ?, ?, ?, 'centre', ?, 0)`,
);
const book = (p: number, r: number | null, start: number, end: number, status = "pending") =>
  insertBooking.run(kase.id, party.user.id, person[p], r === null ? null : room[r], start, end, status).lastInsertRowid as number;
const seat = (bookingId: number, p: number, start: number, end: number) =>
  db
    .prepare(`insert into booking_participants (booking_id, person_id, role, start_at, end_at) values (?, ?, 'panel-member', ?, ?)`)
    .run(bookingId, person[p], start, end).lastInsertRowid as number;
const rowsOf = (bookingId: number) =>
  db
    .prepare("select person_id as personId, role, start_at as startAt, active from booking_participants where booking_id = ? order by id")
    .all(bookingId);

describe("participant triggers", () => {
  it("give every booking its mediator as a participant, which follows the booking", () => {
    const id = book(0, null, T, T + H);
    expect(rowsOf(id)).toEqual([{ personId: person[0], role: "mediator", startAt: T, active: 1 }]);
    db.prepare("update bookings set start_at = ?, end_at = ? where id = ?").run(T + 10 * H, T + 11 * H, id);
    db.prepare("update bookings set mediator_id = ? where id = ?").run(person[1], id);
    expect(rowsOf(id)).toEqual([{ personId: person[1], role: "mediator", startAt: T + 10 * H, active: 1 }]);
    db.prepare("update bookings set status = 'cancelled' where id = ?").run(id);
    expect(rowsOf(id)).toEqual([{ personId: person[1], role: "mediator", startAt: T + 10 * H, active: 0 }]);
  });

  it("refuse a person in two overlapping bookings, whatever their role in each", () => {
    const single = book(2, null, T, T + H);
    const panel = book(3, 0, T, T + 2 * H, "confirmed");
    // Person 2 already has a session then: a seat on the panel is refused, and the panel keeps its rows.
    expect(() => seat(panel, 2, T, T + 2 * H)).toThrow(/slot_taken/);
    seat(panel, 4, T, T + 2 * H);
    // Person 4 sits on the panel: a single booking of theirs then is refused, back to back is not.
    expect(() => book(4, null, T + H, T + 3 * H)).toThrow(/slot_taken/);
    expect(book(4, null, T + 2 * H, T + 3 * H)).toBeGreaterThan(0);
    // Moving the single session into the panel's time is refused too.
    expect(() => db.prepare("update bookings set mediator_id = ? where id = ?").run(person[4], single)).toThrow(/slot_taken/);
    expect(rowsOf(panel).map((r) => (r as { personId: number }).personId)).toEqual([person[3], person[4]]);
  });

  it("release a declined seat's time, and re-check a row that starts holding time again", () => {
    const panel = book(0, 1, T + 20 * H, T + 22 * H, "confirmed");
    const row = seat(panel, 1, T + 20 * H, T + 22 * H);
    expect(() => book(1, null, T + 20 * H, T + 21 * H)).toThrow(/slot_taken/);
    db.prepare("update booking_participants set active = 0, declined_at = ? where id = ?").run(now, row);
    const single = book(1, null, T + 20 * H, T + 21 * H);
    expect(single).toBeGreaterThan(0);
    expect(() => db.prepare("update booking_participants set active = 1, declined_at = null where id = ?").run(row)).toThrow(/slot_taken/);
    // A status change of the panel's booking keeps the declined seat released.
    db.prepare("update bookings set status = 'pending' where id = ?").run(panel);
    expect(db.prepare("select active from booking_participants where id = ?").get(row)).toEqual({ active: 0 });
  });

  it("still refuse a room in two overlapping bookings", () => {
    book(0, 0, T + 40 * H, T + 41 * H);
    expect(() => book(1, 0, T + 40 * H + H / 2, T + 42 * H)).toThrow(/slot_taken/);
  });
});

describe("migration 0015 on a database with bookings", () => {
  it("gives each booking its mediator's participant row, active while it holds time", () => {
    const dir = path.resolve(import.meta.dirname, "../../db/migrations");
    const journal = JSON.parse(fs.readFileSync(path.join(dir, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
    const tags = journal.entries.map((e) => e.tag);
    const raw = new Database(":memory:");
    raw.pragma("foreign_keys = ON");
    const apply = (tag: string) =>
      raw.transaction(() => {
        for (const s of fs.readFileSync(path.join(dir, `${tag}.sql`), "utf8").split("--> statement-breakpoint")) if (s.trim()) raw.exec(s);
      })();
    const cut = tags.indexOf("0015_panels_and_participants");
    for (const tag of tags.slice(0, cut)) apply(tag);
    raw.exec(`insert into categories (slug, name_zh, name_en) values ('labour', '劳动争议', 'Labour');
      insert into mediators (kind, name, name_pinyin, title) values ('expert', '张伟', 'zhang wei', '专家');
      insert into users (email, password_hash, name, role) values ('a@x.test', 'h', '王海燕', 'party');
      insert into cases (party_user_id, category_slug, summary) values (1, 'labour', '拖欠工资');
      insert into bookings (case_id, party_user_id, mediator_id, start_at, end_at, mode, status, respond_by)
        values (1, 1, 1, 1000, 2000, 'online', 'confirmed', 500), (1, 1, 1, 1000, 2000, 'online', 'cancelled', 500);`);
    for (const tag of tags.slice(cut)) apply(tag);
    expect(raw.prepare("select booking_id, person_id, role, active from booking_participants order by id").all()).toEqual([
      { booking_id: 1, person_id: 1, role: "mediator", active: 1 },
      { booking_id: 2, person_id: 1, role: "mediator", active: 0 },
    ]);
    expect(raw.prepare("select listed from mediators").all()).toEqual([{ listed: 1 }]);
  });
});
