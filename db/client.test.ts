import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { closeDb, immediate, openDb, preparedQueries, writeTransaction } from "./client";
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
    return {
      bySlug: db
        .select()
        .from(categories)
        .where(eq(categories.slug, sql.placeholder("slug")))
        .prepare(),
    };
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

describe("writeTransaction", () => {
  /** A database file, and a second connection to it standing in for another server process. */
  function twoConnections() {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "write-tx-")), "t.db");
    const db = openDb(file);
    migrateDb(db);
    const other = new Database(file);
    other.pragma("busy_timeout = 0");
    return { db, other, done: () => (other.close(), closeDb(db)) };
  }

  it("waits for another connection's write lock without blocking the event loop, then commits", async () => {
    const { db, other, done } = twoConnections();
    other.exec("BEGIN IMMEDIATE");
    let ticks = 0;
    const timer = setInterval(() => ticks++, 2);
    const write = writeTransaction(db, (h) => {
      h.insert(categories).values({ slug: "labour", nameZh: "劳动", nameEn: "Labour" }).run();
      return "written";
    });
    await new Promise((r) => setTimeout(r, 40));
    // Still waiting for the lock, and the event loop kept running meanwhile.
    expect(db.select().from(categories).all()).toHaveLength(0);
    expect(ticks).toBeGreaterThan(5);
    other.exec("COMMIT");
    expect(await write).toBe("written");
    clearInterval(timer);
    expect(db.select().from(categories).all()).toHaveLength(1);
    done();
  });

  it("gives up with SQLITE_BUSY after the wait limit, without running fn", async () => {
    const { db, other, done } = twoConnections();
    other.exec("BEGIN IMMEDIATE");
    let ran = false;
    const started = Date.now();
    await expect(writeTransaction(db, () => (ran = true), 60)).rejects.toMatchObject({ code: "SQLITE_BUSY" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);
    expect(ran).toBe(false);
    expect(db.$client.inTransaction).toBe(false);
    other.exec("ROLLBACK");
    // The connection's usual busy timeout is back for everything else.
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
    done();
  });

  it("rolls back when fn throws and passes the error on", async () => {
    const { db, done } = twoConnections();
    await expect(
      writeTransaction(db, (h) => {
        h.insert(categories).values({ slug: "labour", nameZh: "劳动", nameEn: "Labour" }).run();
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(db.select().from(categories).all()).toHaveLength(0);
    done();
  });
});
