// Seeds reference data (always, idempotently), the demo pool and a year of case history (only into an
// empty pool). CLI: `tsx db/seed.ts [--scale N] [--history N]`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { count, eq, inArray, sql } from "drizzle-orm";
import { CATEGORIES, LANGUAGES, TOWNS } from "../domain";
import { recordSearchChange } from "../search/outbox";
import { openDb, type Db, type Tx } from "./client";
import { generatePool } from "./demo-pool";
import { generateHistory, type HistoryResult } from "./demo-history";
import { rebuildAllRecords } from "../app/models/records.server";
import { DEMO_ROOMS, demoAvailability, demoInstantConfirm } from "./demo-availability";
import { CHIEF_MEDIATOR_RANKS, demoPanelPeople, PRE_LITIGATION_TEAM } from "./demo-panel";
import { hashSync } from "@node-rs/argon2";
import { writeAvailability, refreshNextAvailable } from "../app/models/availability.server";
import { availabilitySchema } from "../app/models/availability-schema";
import { env } from "../config/env.mjs";
import { migrateDb } from "./migrate";
import {
  availabilitySettings,
  categories,
  committeeCategories,
  committeeMembers,
  committees,
  languages,
  rooms,
  users,
  mediatorCategories,
  mediatorLanguages,
  mediatorModes,
  mediators,
  mediatorTowns,
  panelRoles,
  towns,
} from "./schema";

export function seedReferenceData(db: Db): void {
  db.transaction((tx) => {
    for (const c of CATEGORIES)
      tx.insert(categories)
        .values({ slug: c.slug, nameZh: c.zh, nameEn: c.en })
        .onConflictDoUpdate({ target: categories.slug, set: { nameZh: c.zh, nameEn: c.en } })
        .run();
    for (const t of TOWNS)
      tx.insert(towns)
        .values({ slug: t.slug, nameZh: t.zh, nameEn: t.en, island: t.island })
        .onConflictDoUpdate({ target: towns.slug, set: { nameZh: t.zh, nameEn: t.en, island: t.island } })
        .run();
    for (const l of LANGUAGES)
      tx.insert(languages)
        .values({ slug: l.slug, nameZh: l.zh, nameEn: l.en })
        .onConflictDoUpdate({ target: languages.slug, set: { nameZh: l.zh, nameEn: l.en } })
        .run();
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
      if (cats.length)
        tx.insert(mediatorCategories)
          .values(cats.map((categorySlug) => ({ mediatorId: id, categorySlug })))
          .run();
      if (langs.length)
        tx.insert(mediatorLanguages)
          .values(langs.map((languageSlug) => ({ mediatorId: id, languageSlug })))
          .run();
      if (modes.length)
        tx.insert(mediatorModes)
          .values(modes.map((mode) => ({ mediatorId: id, mode: mode as "centre" })))
          .run();
      if (ts.length)
        tx.insert(mediatorTowns)
          .values(ts.map((townSlug) => ({ mediatorId: id, townSlug })))
          .run();
    }
    const committeeIds: number[] = [];
    for (const c of pool.committees) {
      const { id } = tx
        .insert(committees)
        .values({ name: c.name, namePinyin: c.namePinyin, description: c.description, organisation: c.organisation })
        .returning({ id: committees.id })
        .get();
      committeeIds.push(id);
      tx.insert(committeeCategories)
        .values(c.categories.map((categorySlug) => ({ committeeId: id, categorySlug })))
        .run();
      tx.insert(committeeMembers)
        .values(
          c.memberIndexes.map((i, n) => ({
            committeeId: id,
            mediatorId: ids[i],
            role: n === 0 ? ("chair" as const) : ("member" as const),
          })),
        )
        .run();
    }
    const now = Date.now(); // the seed is an edge: it reads the clock once
    pool.mediators.forEach((m, i) => writeAvailability(tx, ids[i], availabilitySchema.parse(demoAvailability(m, i)), now));
    const instant = ids.filter((_, i) => demoInstantConfirm(i));
    if (instant.length)
      tx.update(availabilitySettings).set({ instantConfirm: true }).where(inArray(availabilitySettings.mediatorId, instant)).run();
    if (tx.select({ n: count() }).from(rooms).get()?.n === 0)
      tx.insert(rooms)
        .values(DEMO_ROOMS.map((name) => ({ name })))
        .run();
    const panelIds = seedPanelPeople(tx, pool, ids, now);
    refreshNextAvailable(tx, [...ids, ...panelIds], now);
    recordSearchChange(tx, "mediator", ids);
    recordSearchChange(tx, "committee", committeeIds);
    return { mediators: ids.length, committees: committeeIds.length };
  });
}

/**
 * The 3+X panels' people outside the public pool (ADR 027: listed = false, so never searched or
 * suggested) with their hours and roles, the chief-mediator role for two pool senior mediators, and
 * the pre-litigation team (ADR 035): two of the judges guide it, five pool mediators take its cases.
 */
function seedPanelPeople(tx: Tx, pool: ReturnType<typeof generatePool>, poolIds: number[], now: number): number[] {
  const ids: number[] = [];
  for (const p of demoPanelPeople()) {
    const kind = p.role === "legal-aid-lawyer" ? ("lawyer" as const) : ("expert" as const);
    const { id } = tx
      .insert(mediators)
      .values({
        kind,
        name: p.name,
        namePinyin: p.namePinyin,
        title: p.title,
        organisation: p.organisation,
        yearsOfExperience: 12,
        listed: false,
      })
      .returning({ id: mediators.id })
      .get();
    ids.push(id);
    if (p.category) tx.insert(mediatorCategories).values({ mediatorId: id, categorySlug: p.category }).run();
    tx.insert(mediatorModes)
      .values([
        { mediatorId: id, mode: "centre" as const },
        { mediatorId: id, mode: "online" as const },
      ])
      .run();
    tx.insert(panelRoles).values({ personId: id, role: p.role, category: p.category }).run();
    if (p.guidesPreLitigation) tx.insert(panelRoles).values({ personId: id, role: "pre-litigation-judge" }).run();
    const doc = {
      overrides: [],
      weekly: p.weekly,
      sessionMinutes: 60,
      bufferMinutes: 15,
      minNoticeHours: 24,
      horizonDays: 90,
      dailyCap: 4,
    };
    writeAvailability(tx, id, availabilitySchema.parse(doc), now);
  }
  const seniors = poolIds.filter((_, i) => pool.mediators[i].kind === "senior-mediator");
  for (const rank of CHIEF_MEDIATOR_RANKS)
    if (seniors[rank] !== undefined) tx.insert(panelRoles).values({ personId: seniors[rank], role: "chief-mediator" }).run();
  const lawyers = poolIds.filter((_, i) => pool.mediators[i].kind === "lawyer");
  const team = [
    ...PRE_LITIGATION_TEAM.seniorRanks.map((r) => seniors[r]),
    ...PRE_LITIGATION_TEAM.lawyerRanks.map((r) => lawyers[r]),
  ].filter((id) => id !== undefined);
  for (const personId of team) tx.insert(panelRoles).values({ personId, role: "pre-litigation-mediator" }).run();
  return ids;
}

export const DEMO_PASSWORD = "demo12345";

/** The README's demo logins. Never in production (unless DEMO_ACCOUNTS=1 asks for them). */
export function seedDemoAccounts(db: Db): number {
  const mediatorId = db
    .select({ id: mediators.id })
    .from(mediators)
    .where(eq(mediators.kind, "senior-mediator"))
    .orderBy(mediators.id)
    .get()?.id;
  const judgeId = db
    .select({ id: panelRoles.personId })
    .from(panelRoles)
    .where(eq(panelRoles.role, "judge"))
    .orderBy(panelRoles.id)
    .get()?.id;
  const passwordHash = hashSync(DEMO_PASSWORD);
  const accounts = [
    { email: "party@example.com", name: "王海燕（示例当事人）", phone: "13800000001", role: "party" as const },
    { email: "party2@example.com", name: "李建国（示例当事人）", phone: null, role: "party" as const },
    { email: "mediator@example.com", name: "示例调解员账号", phone: null, role: "mediator" as const, mediatorId },
    { email: "staff@example.com", name: "中心工作人员（示例）", phone: null, role: "staff" as const },
    { email: "admin@example.com", name: "系统管理员（示例）", phone: null, role: "admin" as const },
    // A judge who sits on 3+X panels (not in the public pool): confirms seats, reads the minutes.
    ...(judgeId === undefined
      ? []
      : [{ email: "judge@example.com", name: "王振国（示例法官）", phone: null, role: "mediator" as const, mediatorId: judgeId }]),
  ];
  let n = 0;
  for (const a of accounts)
    n += db
      .insert(users)
      .values({ ...a, passwordHash })
      .onConflictDoNothing()
      .run().changes;
  return n;
}

function wantsDemoAccounts(): boolean {
  return process.env.DEMO_ACCOUNTS === "1" || (process.env.NODE_ENV !== "production" && process.env.DEMO_ACCOUNTS !== "0");
}

/**
 * Cases of history seeded with a new pool: 5,000 (six weeks of the centre's 2018 pace, spread over the
 * year) fills every page and chart in about 1 s; none under NODE_ENV=test, where each test makes the
 * cases it asserts on. `db:seed -- --history 45000` gives the article's whole year (about 5 s).
 */
export const DEFAULT_HISTORY = 5_000;

function defaultHistory(): number {
  return process.env.NODE_ENV === "test" ? 0 : DEFAULT_HISTORY;
}

/** A year of cases ending now, and the records projection rebuilt from them, in one transaction. */
export function seedHistory(db: Db, cases: number, now = Date.now()): HistoryResult | null {
  if (!(cases > 0)) return null;
  return generateHistory(db, { cases, now, afterWrite: (tx) => rebuildAllRecords(tx) });
}

function hasCases(db: Db): boolean {
  return db.get<{ n: number }>(sql`select count(*) as n from cases`).n > 0;
}

/**
 * Migrate, reference data, and the demo pool (with `history` cases, default DEFAULT_HISTORY) when the
 * pool is empty; an explicit `history` also fills a database that has a pool but no cases yet.
 * What `npm start` runs first.
 */
export function prepareDatabase(
  file: string,
  opts: { scale?: number; demoAccounts?: boolean; history?: number } = {},
): { seeded: boolean; history: HistoryResult | null } {
  const db = openDb(file);
  migrateDb(db);
  seedReferenceData(db);
  const empty = poolIsEmpty(db);
  if (empty) seedDemoPool(db, opts);
  if (opts.demoAccounts ?? wantsDemoAccounts()) seedDemoAccounts(db);
  const history = empty || (opts.history !== undefined && !hasCases(db)) ? seedHistory(db, opts.history ?? defaultHistory()) : null;
  if (empty || history) db.run(sql`pragma optimize`);
  return { seeded: empty, history };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = env().DATABASE_PATH;
  const i = process.argv.indexOf("--scale");
  const scale = i > 0 ? Number(process.argv[i + 1]) : undefined;
  if (scale !== undefined && !(Number.isInteger(scale) && scale > 0)) {
    console.error("--scale needs a positive whole number");
    process.exit(2);
  }
  const h = process.argv.indexOf("--history");
  const history = h > 0 ? Number(process.argv[h + 1]) : undefined;
  if (history !== undefined && !(Number.isInteger(history) && history >= 0)) {
    console.error("--history needs a whole number of cases (0 for none)");
    process.exit(2);
  }
  const { seeded, history: made } = prepareDatabase(file, { scale, history });
  console.log(seeded ? `seeded the demo pool into ${file}` : `${file} already has a pool; left as it is`);
  if (made) console.log(`seeded ${made.cases} cases of history (${made.open} open at now) in ${made.ms} ms`);
  else if (history && !seeded) console.log(`${file} already has cases: no history added`);
}
