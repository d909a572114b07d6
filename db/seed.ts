// Seeds reference data (always, idempotently) and the demo pool (only into an empty pool).
// CLI: `tsx db/seed.ts [--scale N]`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { count, sql } from "drizzle-orm";
import { CATEGORIES, LANGUAGES, TOWNS } from "../app/domain";
import { recordSearchChange } from "../search/outbox";
import { openDb, type Db } from "./client";
import { generatePool } from "./demo-pool";
import { migrateDb } from "./migrate";
import {
  categories,
  committeeCategories,
  committeeMembers,
  committees,
  languages,
  mediatorCategories,
  mediatorLanguages,
  mediatorModes,
  mediators,
  mediatorTowns,
  towns,
} from "./schema";

export function seedReferenceData(db: Db): void {
  db.transaction((tx) => {
    for (const c of CATEGORIES)
      tx.insert(categories).values({ slug: c.slug, nameZh: c.zh, nameEn: c.en })
        .onConflictDoUpdate({ target: categories.slug, set: { nameZh: c.zh, nameEn: c.en } }).run();
    for (const t of TOWNS)
      tx.insert(towns).values({ slug: t.slug, nameZh: t.zh, nameEn: t.en, island: t.island })
        .onConflictDoUpdate({ target: towns.slug, set: { nameZh: t.zh, nameEn: t.en, island: t.island } }).run();
    for (const l of LANGUAGES)
      tx.insert(languages).values({ slug: l.slug, nameZh: l.zh, nameEn: l.en })
        .onConflictDoUpdate({ target: languages.slug, set: { nameZh: l.zh, nameEn: l.en } }).run();
  });
}

export function poolIsEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(mediators).get()?.n ?? 0) === 0;
}

/** Inserts the demo pool in one transaction; writes outbox rows so a shared Meilisearch index follows. */
export function seedDemoPool(db: Db, opts: { scale?: number } = {}): { mediators: number; committees: number } {
  const pool = generatePool({ scale: opts.scale });
  return db.transaction((tx) => {
    const ids: number[] = [];
    for (const m of pool.mediators) {
      const { categories: cats, languages: langs, modes, towns: ts, ...row } = m;
      const { id } = tx.insert(mediators).values(row).returning({ id: mediators.id }).get();
      ids.push(id);
      if (cats.length) tx.insert(mediatorCategories).values(cats.map((categorySlug) => ({ mediatorId: id, categorySlug }))).run();
      if (langs.length) tx.insert(mediatorLanguages).values(langs.map((languageSlug) => ({ mediatorId: id, languageSlug }))).run();
      if (modes.length) tx.insert(mediatorModes).values(modes.map((mode) => ({ mediatorId: id, mode: mode as "centre" }))).run();
      if (ts.length) tx.insert(mediatorTowns).values(ts.map((townSlug) => ({ mediatorId: id, townSlug }))).run();
    }
    const committeeIds: number[] = [];
    for (const c of pool.committees) {
      const { id } = tx
        .insert(committees)
        .values({ name: c.name, namePinyin: c.namePinyin, description: c.description, organisation: c.organisation })
        .returning({ id: committees.id })
        .get();
      committeeIds.push(id);
      tx.insert(committeeCategories).values(c.categories.map((categorySlug) => ({ committeeId: id, categorySlug }))).run();
      tx.insert(committeeMembers)
        .values(c.memberIndexes.map((i, n) => ({ committeeId: id, mediatorId: ids[i], role: n === 0 ? ("chair" as const) : ("member" as const) })))
        .run();
    }
    recordSearchChange(tx, "mediator", ids);
    recordSearchChange(tx, "committee", committeeIds);
    return { mediators: ids.length, committees: committeeIds.length };
  });
}

/** Migrate, reference data, and the demo pool when the pool is empty. What `npm start` runs first. */
export function prepareDatabase(file: string, opts: { scale?: number } = {}): { seeded: boolean } {
  const db = openDb(file);
  migrateDb(db);
  seedReferenceData(db);
  if (!poolIsEmpty(db)) return { seeded: false };
  seedDemoPool(db, opts);
  db.run(sql`pragma optimize`);
  return { seeded: true };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = process.env.DATABASE_PATH ?? "data/app.db";
  const i = process.argv.indexOf("--scale");
  const scale = i > 0 ? Number(process.argv[i + 1]) : undefined;
  if (scale !== undefined && !(Number.isInteger(scale) && scale > 0)) {
    console.error("--scale needs a positive whole number");
    process.exit(2);
  }
  const { seeded } = prepareDatabase(file, { scale });
  console.log(seeded ? `seeded the demo pool into ${file}` : `${file} already has a pool; left as it is`);
}
