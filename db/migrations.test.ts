// Migrations applied to a database that already holds data, as production's does: 0006 (cases) must
// keep every booking and give each existing case its number, its state and its parties.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const dir = path.join(import.meta.dirname, "migrations");
const journal = JSON.parse(fs.readFileSync(path.join(dir, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };

function apply(db: Database.Database, tag: string): void {
  // drizzle runs every migration in one transaction with foreign keys on: do the same.
  const statements = fs.readFileSync(path.join(dir, `${tag}.sql`), "utf8").split("--> statement-breakpoint");
  db.transaction(() => {
    for (const s of statements) if (s.trim()) db.exec(s);
  })();
}

describe("migration 0006 on a database with cases and bookings", () => {
  it("keeps the rows and fills in numbers, states and parties", () => {
    const db = new Database(":memory:");
    db.pragma("foreign_keys = ON");
    const tags = journal.entries.map((e) => e.tag);
    const cut = tags.indexOf("0006_cases");
    expect(cut).toBeGreaterThan(0);
    for (const tag of tags.slice(0, cut)) apply(db, tag);

    db.exec(`insert into categories (slug, name_zh, name_en) values ('labour', '劳动争议', 'Labour');
      insert into mediators (kind, name, name_pinyin, title) values ('expert', '张伟', 'zhang wei', '专家');
      insert into users (email, password_hash, name, phone, role) values ('a@x.test', 'h', '王海燕', '13800000000', 'party');
      insert into cases (party_user_id, category_slug, summary, counterparty_name, status, created_at)
        values (1, 'labour', '拖欠工资', '某水产公司', 'open', ${Date.UTC(2025, 11, 31, 17)}),
               (1, 'labour', '工伤赔偿', null, 'closed', ${Date.UTC(2026, 0, 5)});
      insert into bookings (case_id, party_user_id, mediator_id, start_at, end_at, mode, respond_by)
        values (1, 1, 1, 1000, 2000, 'online', 500);`);

    for (const tag of tags.slice(cut)) apply(db, tag);

    const cases = db.prepare("select id, number, status, mediator_id, due_at, created_at from cases order by id").all() as Record<
      string,
      number | string
    >[];
    // 2025-12-31 17:00 UTC is 2026-01-01 01:00 in Shanghai: the number's year is the centre's.
    expect(cases.map((c) => [c.number, c.status, c.mediator_id])).toEqual([
      ["普调〔2026〕00001号", "submitted", 1],
      ["普调〔2026〕00002号", "closed", null],
    ]);
    expect(cases[0].due_at).toBe(Number(cases[0].created_at) + 30 * 86_400_000);
    expect(db.prepare("select case_id, side, name, user_id from case_parties order by id").all()).toEqual([
      { case_id: 1, side: "applicant", name: "王海燕", user_id: 1 },
      { case_id: 2, side: "applicant", name: "王海燕", user_id: 1 },
      { case_id: 1, side: "respondent", name: "某水产公司", user_id: null },
    ]);
    expect(db.prepare("select count(*) as n from bookings").get()).toEqual({ n: 1 });
    expect(db.pragma("foreign_key_check")).toEqual([]);
  });
});
