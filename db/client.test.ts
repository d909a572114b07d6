import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { immediate, openDb, preparedQueries } from "./client";
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

function withCategories(...slugs: string[]) {
  const db = openDb(":memory:");
  migrateDb(db);
  for (const slug of slugs) db.insert(categories).values({ slug, nameZh: slug, nameEn: slug }).run();
  return db;
}

describe("preparedQueries", () => {
  const built: string[] = [];
  const q = preparedQueries((db) => {
    built.push("set");
    return { bySlug: db.select().from(categories).where(eq(categories.slug, sql.placeholder("slug"))).prepare() };
  });

  it("builds a query set once per connection and answers from that connection", () => {
    const a = withCategories("labour");
    const b = withCategories("medical");
    built.length = 0;
    expect(q(a).bySlug.get({ slug: "labour" })?.slug).toBe("labour");
    expect(q(a).bySlug.get({ slug: "medical" })).toBeUndefined();
    expect(q(b).bySlug.get({ slug: "medical" })?.slug).toBe("medical");
    expect(q(a)).toBe(q(a));
    expect(built).toEqual(["set", "set"]);
  });

  it("runs inside a drizzle transaction and sees its uncommitted rows", () => {
    const db = withCategories();
    expect(() =>
      db.transaction((tx) => {
        tx.insert(categories).values({ slug: "maritime", nameZh: "海事", nameEn: "Maritime" }).run();
        expect(q(tx).bySlug.get({ slug: "maritime" })?.nameZh).toBe("海事");
        tx.rollback();
      }),
    ).toThrow("Rollback");
    expect(q(db).bySlug.get({ slug: "maritime" })).toBeUndefined();
  });
});

describe("immediate", () => {
  it("commits what fn wrote and returns its value", () => {
    const db = withCategories();
    const value = immediate(db, (h) => {
      expect(h.$client.inTransaction).toBe(true);
      h.insert(categories).values({ slug: "labour", nameZh: "劳动", nameEn: "Labour" }).run();
      return 42;
    });
    expect(value).toBe(42);
    expect(db.$client.inTransaction).toBe(false);
    expect(db.select().from(categories).all()).toHaveLength(1);
  });

  it("rolls everything back when fn throws", () => {
    const db = withCategories();
    expect(() =>
      immediate(db, (h) => {
        h.insert(categories).values({ slug: "labour", nameZh: "劳动", nameEn: "Labour" }).run();
        throw new Error("refused");
      }),
    ).toThrow("refused");
    expect(db.$client.inTransaction).toBe(false);
    expect(db.select().from(categories).all()).toHaveLength(0);
  });

  it("inside a transaction runs in a savepoint: an inner failure keeps the outer work", () => {
    const db = withCategories();
    immediate(db, (h) => {
      h.insert(categories).values({ slug: "labour", nameZh: "劳动", nameEn: "Labour" }).run();
      expect(() =>
        immediate(h, (inner) => {
          inner.insert(categories).values({ slug: "medical", nameZh: "医疗", nameEn: "Medical" }).run();
          throw new Error("inner");
        }),
      ).toThrow("inner");
    });
    expect(db.select({ slug: categories.slug }).from(categories).all()).toEqual([{ slug: "labour" }]);
  });
});
