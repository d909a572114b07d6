import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDb } from "./client";
import { migrateDb } from "./migrate";
import { categories } from "./schema";

describe("the prepared-statement cache", () => {
  it("hands out one statement per SQL text, reset from drizzle's raw mode", () => {
    const db = openDb(":memory:");
    migrateDb(db);
    db.insert(categories).values({ slug: "labour", nameZh: "劳动争议", nameEn: "Labour" }).run();
    const text = "select slug, name_zh from categories";
    const a = db.$client.prepare(text);
    expect(db.$client.prepare(text)).toBe(a);
    // drizzle reads selected fields in raw (array) mode; the next plain user must get objects again.
    expect(db.select({ slug: categories.slug }).from(categories).all()).toEqual([{ slug: "labour" }]);
    a.raw(true);
    expect(db.$client.prepare(text).all()).toEqual([{ slug: "labour", name_zh: "劳动争议" }]);
    expect(db.get(sql`select count(*) as n from categories`)).toEqual({ n: 1 });
  });

  it("does not share a statement that is still iterating", () => {
    const db = openDb(":memory:");
    db.$client.exec("create table t (x); insert into t values (1), (2)");
    const text = "select x from t";
    const outer = db.$client.prepare(text);
    const seen: number[] = [];
    for (const row of outer.iterate() as Iterable<{ x: number }>) {
      seen.push(row.x, (db.$client.prepare(text).all() as { x: number }[]).length);
    }
    expect(seen).toEqual([1, 2, 2, 2]);
  });
});
