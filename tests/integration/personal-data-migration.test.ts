// Migration 0013 on a database at 0012 that holds data, as production's does: `users` is rebuilt
// (e-mail and password optional) without losing an account, a session, a booking or a case row, and
// the sign-in number is filled from each phone where it is an unambiguous mainland mobile number.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const dir = path.join(import.meta.dirname, "../../db/migrations");
const journal = JSON.parse(fs.readFileSync(path.join(dir, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };

function apply(db: Database.Database, tag: string): void {
  // drizzle runs every migration in one transaction with foreign keys on: do the same.
  const statements = fs.readFileSync(path.join(dir, `${tag}.sql`), "utf8").split("--> statement-breakpoint");
  db.transaction(() => {
    for (const s of statements) if (s.trim()) db.exec(s);
  })();
}

describe("migration 0013 on a database with accounts, sessions, cases and bookings", () => {
  it("keeps every row and fills login_phone", () => {
    const db = new Database(":memory:");
    db.pragma("foreign_keys = ON");
    const tags = journal.entries.map((e) => e.tag);
    const cut = tags.findIndex((t) => t.startsWith("0013_"));
    expect(cut).toBeGreaterThan(0);
    for (const tag of tags.slice(0, cut)) apply(db, tag);

    db.exec(`insert into categories (slug, name_zh, name_en) values ('labour', '劳动争议', 'Labour');
      insert into mediators (kind, name, name_pinyin, title) values ('expert', '张伟', 'zhang wei', '专家');
      insert into users (email, password_hash, name, phone, role) values
        ('a@x.test', 'h', '甲', '+86 138-0013-8000', 'party'),
        ('b@x.test', 'h', '乙', '139 0000 0000', 'party'),
        ('c@x.test', 'h', '丙', '13900000000', 'party'),
        ('d@x.test', 'h', '丁', '0574-8888 8888', 'party'),
        ('e@x.test', 'h', '戊', null, 'staff');
      insert into sessions (id, user_id, kind, expires_at) values ('s1', 1, 'cookie', 4102444800000), ('s2', 5, 'token', 4102444800000);
      insert into cases (party_user_id, category_slug, summary, status, created_at) values (1, 'labour', '拖欠工资', 'submitted', 1000);
      insert into case_parties (case_id, side, name, user_id) values (1, 'applicant', '甲', 1);
      insert into bookings (case_id, party_user_id, mediator_id, start_at, end_at, mode, respond_by)
        values (1, 1, 1, 1000, 2000, 'online', 500);`);
    const counts = () =>
      ["users", "sessions", "cases", "case_parties", "bookings"].map(
        (t) => (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n,
      );
    const before = counts();

    apply(db, tags[cut]);

    expect(counts()).toEqual(before);
    expect(db.prepare("select id, login_phone from users order by id").all()).toEqual([
      { id: 1, login_phone: "13800138000" },
      // Two accounts gave the same number: neither signs in with it.
      { id: 2, login_phone: null },
      { id: 3, login_phone: null },
      { id: 4, login_phone: null },
      { id: 5, login_phone: null },
    ]);
    expect(db.prepare("select email, password_hash from users where id = 1").get()).toEqual({ email: "a@x.test", password_hash: "h" });
    expect(db.pragma("foreign_key_check")).toEqual([]);
    // E-mail and password may now be absent; the sign-in number is unique.
    db.exec("insert into users (name, role, login_phone) values ('己', 'party', '13700000000')");
    expect(() => db.exec("insert into users (name, role, login_phone) values ('庚', 'party', '13700000000')")).toThrow(/UNIQUE/);
    // New ids continue after the old ones.
    expect((db.prepare("select max(id) as id from users").get() as { id: number }).id).toBe(6);
  });
});
