// Reads mediators and committees as records for search/document.ts. Pages through ids (id > lastSeen)
// so a full reindex of 100k rows never holds them all twice.
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
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
} from "../db/schema";
import type { CommitteeRecord, MediatorRecord } from "./document";

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

/** Active mediators with the given ids (or, with `afterId`, the next page of them) as records. */
export function loadMediatorRecords(db: Db, opts: { ids?: number[]; afterId?: number; limit?: number }): MediatorRecord[] {
  const where = opts.ids
    ? and(inArray(mediators.id, opts.ids), eq(mediators.active, true))
    : and(gt(mediators.id, opts.afterId ?? 0), eq(mediators.active, true));
  const rows = db
    .select()
    .from(mediators)
    .where(where)
    .orderBy(asc(mediators.id))
    .limit(opts.limit ?? 100_000)
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
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
    closedCases: r.closedCases,
    agreements: r.agreements,
    categories: catMap.get(r.id) ?? [],
    towns: townMap.get(r.id) ?? [],
    modes: modeMap.get(r.id) ?? [],
    languages: langMap.get(r.id) ?? [],
    // Cached by app/models/availability.server.ts on every change and as the clock passes it.
    nextAvailableAt: next.get(r.id) ?? null,
  }));
}

export function loadCommitteeRecords(db: Db, opts: { ids?: number[] } = {}): CommitteeRecord[] {
  const rows = db
    .select()
    .from(committees)
    .where(opts.ids ? and(inArray(committees.id, opts.ids), eq(committees.active, true)) : eq(committees.active, true))
    .orderBy(asc(committees.id))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const cats = db.select().from(committeeCategories).where(inArray(committeeCategories.committeeId, ids)).all();
  const members = db.select().from(committeeMembers).where(inArray(committeeMembers.committeeId, ids)).all();
  const memberRecords = new Map(loadMediatorRecords(db, { ids: [...new Set(members.map((m) => m.mediatorId))] }).map((m) => [m.id, m]));
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
