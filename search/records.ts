// Reads mediators and committees as records for search/document.ts. Pages through ids (id > lastSeen)
// so a full reindex of 100k rows never holds them all twice. A record's figures come from the records
// projection (db/schema/records.ts, kept by app/models/records.server.ts) over the last 12 months.
import { and, asc, eq, gt, gte, inArray, lte, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import {
  availabilitySettings,
  committeeCategories,
  committeeMembers,
  committees,
  mediatorCategories,
  mediatorLanguages,
  mediatorModes,
  mediators,
  mediatorTowns,
  records,
} from "../db/schema";
import { recordScore, recordWindow, type RecordWindow, type ScoreCell } from "../domain/record";
import type { CommitteeRecord, MediatorRecord, RecordStats } from "./document";

/** The months search documents' figures cover. */
export const SEARCH_RECORD_MONTHS = 12;

const inWindow = (window: RecordWindow) => and(gte(records.month, window.fromMonth), lte(records.month, window.toMonth));

/** The pool's (category, severity) cells over the window: every mediator's, what scores compare with. */
export function poolCells(db: Db | Tx, window: RecordWindow): ScoreCell[] {
  return db
    .select({
      category: records.category,
      severity: records.severity,
      mediated: sql<number>`sum(${records.mediated})`,
      agreements: sql<number>`sum(${records.agreements})`,
    })
    .from(records)
    .where(and(eq(records.subject, "mediator"), ne(records.category, ""), ne(records.severity, ""), inWindow(window)))
    .groupBy(records.category, records.severity)
    .all();
}

/** Closed, mediated, agreements and the score (ADR 014) of each subject over the window. */
export function loadRecordStats(
  db: Db | Tx,
  subject: "mediator" | "committee",
  ids: number[],
  window: RecordWindow,
  pool: ScoreCell[] = poolCells(db, window),
): Map<number, RecordStats> {
  const totals = new Map<number, { closed: number; mediated: number; agreements: number }>();
  const cells = new Map<number, ScoreCell[]>();
  for (let i = 0; i < ids.length; i += 5000) {
    const where = and(eq(records.subject, subject), inArray(records.subjectId, ids.slice(i, i + 5000)), inWindow(window));
    for (const r of db
      .select({
        id: records.subjectId,
        category: records.category,
        severity: records.severity,
        closed: sql<number>`sum(${records.closed})`,
        mediated: sql<number>`sum(${records.mediated})`,
        agreements: sql<number>`sum(${records.agreements})`,
      })
      .from(records)
      .where(where)
      .groupBy(records.subjectId, records.category, records.severity)
      .all()) {
      if (r.category === "" && r.severity === "") totals.set(r.id, r);
      else if (r.category !== "" && r.severity !== "") {
        const list = cells.get(r.id);
        if (list) list.push(r);
        else cells.set(r.id, [r]);
      }
    }
  }
  const stats = new Map<number, RecordStats>();
  for (const id of ids) {
    const t = totals.get(id) ?? { closed: 0, mediated: 0, agreements: 0 };
    stats.set(id, { closed: t.closed, mediated: t.mediated, agreements: t.agreements, score: recordScore(cells.get(id) ?? [], pool) });
  }
  return stats;
}

function groupBy<T>(rows: T[], key: (r: T) => number, value: (r: T) => string): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(value(r));
    else map.set(k, [value(r)]);
  }
  return map;
}

/** Active mediators of the public pool (listed, ADR 027) with the given ids (or, with `afterId`, the next page of them) as records. */
/** `now` (default: the clock) dates the record's 12 months. */
export function loadMediatorRecords(db: Db, opts: { ids?: number[]; afterId?: number; limit?: number; now?: number }): MediatorRecord[] {
  const where = opts.ids
    ? and(inArray(mediators.id, opts.ids), eq(mediators.active, true), eq(mediators.listed, true))
    : and(gt(mediators.id, opts.afterId ?? 0), eq(mediators.active, true), eq(mediators.listed, true));
  const rows = db
    .select()
    .from(mediators)
    .where(where)
    .orderBy(asc(mediators.id))
    .limit(opts.limit ?? 100_000)
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const stats = loadRecordStats(db, "mediator", ids, recordWindow(opts.now ?? Date.now(), SEARCH_RECORD_MONTHS));
  // Chunked to stay under SQLite's bound-parameter limit.
  const cats: { mediatorId: number; categorySlug: string }[] = [];
  const langs: { mediatorId: number; languageSlug: string }[] = [];
  const modes: { mediatorId: number; mode: string }[] = [];
  const towns: { mediatorId: number; townSlug: string }[] = [];
  const next = new Map<number, number | null>();
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    cats.push(...db.select().from(mediatorCategories).where(inArray(mediatorCategories.mediatorId, chunk)).all());
    langs.push(...db.select().from(mediatorLanguages).where(inArray(mediatorLanguages.mediatorId, chunk)).all());
    modes.push(...db.select().from(mediatorModes).where(inArray(mediatorModes.mediatorId, chunk)).all());
    towns.push(...db.select().from(mediatorTowns).where(inArray(mediatorTowns.mediatorId, chunk)).all());
    for (const a of db
      .select({ id: availabilitySettings.mediatorId, next: availabilitySettings.nextAvailableAt })
      .from(availabilitySettings)
      .where(inArray(availabilitySettings.mediatorId, chunk))
      .all())
      next.set(a.id, a.next);
  }
  const catMap = groupBy(
    cats,
    (r) => r.mediatorId,
    (r) => r.categorySlug,
  );
  const langMap = groupBy(
    langs,
    (r) => r.mediatorId,
    (r) => r.languageSlug,
  );
  const modeMap = groupBy(
    modes,
    (r) => r.mediatorId,
    (r) => r.mode,
  );
  const townMap = groupBy(
    towns,
    (r) => r.mediatorId,
    (r) => r.townSlug,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    namePinyin: r.namePinyin,
    title: r.title,
    organisation: r.organisation,
    bio: r.bio,
    yearsOfExperience: r.yearsOfExperience,
    record: stats.get(r.id)!,
    categories: catMap.get(r.id) ?? [],
    towns: townMap.get(r.id) ?? [],
    modes: modeMap.get(r.id) ?? [],
    languages: langMap.get(r.id) ?? [],
    // Cached by app/models/availability.server.ts on every change and as the clock passes it.
    nextAvailableAt: next.get(r.id) ?? null,
  }));
}

export function loadCommitteeRecords(db: Db, opts: { ids?: number[]; now?: number } = {}): CommitteeRecord[] {
  const rows = db
    .select()
    .from(committees)
    .where(opts.ids ? and(inArray(committees.id, opts.ids), eq(committees.active, true)) : eq(committees.active, true))
    .orderBy(asc(committees.id))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const now = opts.now ?? Date.now();
  const stats = loadRecordStats(db, "committee", ids, recordWindow(now, SEARCH_RECORD_MONTHS));
  const cats = db.select().from(committeeCategories).where(inArray(committeeCategories.committeeId, ids)).all();
  // Ordered, so a committee's document is the same whether it is read alone (an outbox batch) or with
  // every other (a reindex): search:check compares them.
  const members = db
    .select()
    .from(committeeMembers)
    .where(inArray(committeeMembers.committeeId, ids))
    .orderBy(asc(committeeMembers.committeeId), asc(committeeMembers.mediatorId))
    .all();
  const memberRecords = new Map(
    loadMediatorRecords(db, { ids: [...new Set(members.map((m) => m.mediatorId))], now }).map((m) => [m.id, m]),
  );
  const catMap = groupBy(
    cats,
    (r) => r.committeeId,
    (r) => r.categorySlug,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    namePinyin: r.namePinyin,
    description: r.description,
    organisation: r.organisation,
    categories: catMap.get(r.id) ?? [],
    record: stats.get(r.id)!,
    members: members
      .filter((m) => m.committeeId === r.id)
      .map((m) => memberRecords.get(m.mediatorId))
      .filter((m): m is MediatorRecord => m !== undefined),
  }));
}

/** Committees a mediator belongs to: a change to the mediator changes those committees' documents. */
export function committeeIdsOfMediators(db: Db, mediatorIds: number[]): number[] {
  if (mediatorIds.length === 0) return [];
  const rows = db
    .selectDistinct({ id: committeeMembers.committeeId })
    .from(committeeMembers)
    .where(inArray(committeeMembers.mediatorId, mediatorIds))
    .all();
  return rows.map((r) => r.id);
}
