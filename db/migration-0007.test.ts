// Migration 0007 on a database that holds data: the records table is new, and the seeded outcome
// counters leave `mediators` by ALTER TABLE … DROP COLUMN, never by rebuilding a table others reference.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const dir = path.join(import.meta.dirname, "migrations");
const journal = JSON.parse(fs.readFileSync(path.join(dir, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
const read = (tag: string) => fs.readFileSync(path.join(dir, `${tag}.sql`), "utf8");

function apply(db: Database.Database, tag: string): void {
  const statements = read(tag).split("--> statement-breakpoint");
  db.transaction(() => {
    for (const s of statements) if (s.trim()) db.exec(s);
  })();
}

describe("migration 0007 (records)", () => {
  it("drops the counters in place, keeps every mediator and what references them, adds records", () => {
    const sql = read("0007_records");
    expect(sql).not.toMatch(/__new_|INSERT INTO|DROP TABLE/i);
    expect(sql).toMatch(/ALTER TABLE `mediators` DROP COLUMN `closed_cases`/);

    const db = new Database(":memory:");
    db.pragma("foreign_keys = ON");
    const tags = journal.entries.map((e) => e.tag);
    const cut = tags.indexOf("0007_records");
    expect(cut).toBe(7);
    for (const tag of tags.slice(0, cut)) apply(db, tag);
    db.exec(`insert into categories (slug, name_zh, name_en) values ('labour', '劳动争议', 'Labour');
      insert into mediators (kind, name, name_pinyin, title, closed_cases, agreements) values ('expert', '张伟', 'zhang wei', '专家', 50, 45);
      insert into mediator_categories (mediator_id, category_slug) values (1, 'labour');`);
    for (const tag of tags.slice(cut)) apply(db, tag);

    const columns = (db.prepare("pragma table_info(mediators)").all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain("closed_cases");
    expect(columns).not.toContain("agreements");
    expect(db.prepare("select id, name from mediators").all()).toEqual([{ id: 1, name: "张伟" }]);
    expect(db.prepare("select * from mediator_categories").all()).toEqual([{ mediator_id: 1, category_slug: "labour" }]);
    expect(db.prepare("select count(*) as n from records").get()).toEqual({ n: 0 });
    expect(db.pragma("foreign_key_check")).toEqual([]);
  });
});
