// Records (issue 8): a mediator's or committee's outcomes, derived from case rows only. The `records`
// projection (db/schema/records.ts) holds per subject, category, severity and month the sums of
// docs/case-figures.md's figures (case-figures.ts); `refreshRecords` recomputes a few subjects inside
// the write transaction of the change that moved them (an outcome, a fulfilment, a rating, a judicial
// confirmation), `rebuildAllRecords` all of them, and both write the search outbox for the subjects
// whose rows changed, so search follows within a second. Reads sum the window's months; the median
// is taken from the subject's cases themselves (cases_mediator_idx).
import { and, asc, eq, gte, inArray, isNotNull, lt, lte, ne, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client";
import { cases, committees, judicialConfirmations, mediators, ratings, records } from "../../db/schema";
import { CATEGORY_SLUGS, HIT_ENTITIES, type CategorySlug } from "../../domain";
import { recordScore, recordWindow, satisfactionShare } from "../../domain/record";
import { recordSearchChange } from "../../search/outbox";
import { poolCells } from "../../search/records";
import { getDb } from "../db.server";
import {
  agreementSql,
  closedSql,
  confirmationMonthSql,
  confirmationSql,
  flag,
  fulfilledSql,
  fulfilmentDecidedSql,
  localMonthSql,
  mediatedSql,
  medianDays,
  msToCloseSql,
  msToDays,
  rate,
  ratingsCountSql,
  satisfiedRatingSql,
  starsSumSql,
} from "./case-figures";
import { DomainError } from "./errors";
import type { MediatorRecord } from "./stats-types";

export type RecordSubject = (typeof HIT_ENTITIES)[number];
export type RecordRow = typeof records.$inferSelect;
type Handle = Db | Tx;

/** The case's column naming each kind of subject. */
const SUBJECT_COLUMN = { mediator: cases.mediatorId, committee: cases.committeeId } as const;

const idList = (ids: readonly number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/**
 * One row per closed case (its figures as 0/1 and sums) and one per confirmed judicial confirmation
 * (dated by its decision), for the subjects of one kind selected by `which`.
 */
function facts(subject: RecordSubject, which: SQL): SQL {
  const column = SUBJECT_COLUMN[subject];
  return sql`
    select ${subject} as subject, ${column} as subject_id, ${cases.category} as category, ${cases.severity} as severity,
           ${localMonthSql(cases.closedAt)} as month, 1 as closed, ${flag(mediatedSql())} as mediated,
           ${flag(agreementSql())} as agreements, ${flag(fulfilledSql())} as fulfilled,
           ${flag(fulfilmentDecidedSql())} as fulfilment_decided, 0 as judicial_confirmations,
           ${ratingsCountSql()} as ratings, ${starsSumSql()} as stars_sum, ${msToCloseSql()} as ms_to_close_sum
      from ${cases}
     where ${closedSql()} and ${column} ${which}
    union all
    select ${subject}, ${column}, ${cases.category}, ${cases.severity}, ${confirmationMonthSql()}, 0, 0, 0, 0, 0, 1, 0, 0, 0
      from ${judicialConfirmations} join ${cases} on ${cases.id} = ${judicialConfirmations.caseId}
     where ${confirmationSql()} and ${column} ${which}`;
}

const SUMS = sql.raw(`sum(closed), sum(mediated), sum(agreements), sum(fulfilled), sum(fulfilment_decided),
  sum(judicial_confirmations), sum(ratings), sum(stars_sum), sum(ms_to_close_sum)`);

/**
 * Inserts the rows of the selected subjects: each (category, severity) cell, and '' for "all". The
 * facts are gathered once (a materialised CTE) and summed four ways.
 */
function insertRecords(tx: Handle, subject: RecordSubject, which: SQL): void {
  tx.run(sql`
    with f as materialized (${facts(subject, which)})
    insert into ${records} (subject, subject_id, category, severity, month, closed, mediated, agreements, fulfilled,
                            fulfilment_decided, judicial_confirmations, ratings, stars_sum, ms_to_close_sum)
    select subject, subject_id, category, severity, month, ${SUMS} from f group by subject_id, category, severity, month
    union all
    select subject, subject_id, category, '', month, ${SUMS} from f group by subject_id, category, month
    union all
    select subject, subject_id, '', severity, month, ${SUMS} from f group by subject_id, severity, month
    union all
    select subject, subject_id, '', '', month, ${SUMS} from f group by subject_id, month`);
}

const rowKey = (r: RecordRow) => JSON.stringify(r);

function rowsOf(tx: Handle, subject: RecordSubject, ids: readonly number[] | null): Map<number, string> {
  const rows = tx
    .select()
    .from(records)
    .where(ids ? and(eq(records.subject, subject), inArray(records.subjectId, [...ids])) : eq(records.subject, subject))
    .orderBy(asc(records.subjectId), asc(records.category), asc(records.severity), asc(records.month))
    .all();
  const bySubject = new Map<number, string>();
  for (const r of rows) bySubject.set(r.subjectId, (bySubject.get(r.subjectId) ?? "") + rowKey(r));
  return bySubject;
}

/** Recomputes one kind's subjects (all of them with `ids` null); returns the ids whose rows changed. */
function recompute(tx: Handle, subject: RecordSubject, ids: readonly number[] | null): number[] {
  const before = rowsOf(tx, subject, ids);
  if (ids) {
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      tx.delete(records)
        .where(and(eq(records.subject, subject), inArray(records.subjectId, chunk)))
        .run();
      insertRecords(tx, subject, sql`in (${idList(chunk)})`);
    }
  } else {
    tx.delete(records).where(eq(records.subject, subject)).run();
    insertRecords(tx, subject, sql`is not null`);
  }
  const after = rowsOf(tx, subject, ids);
  const changed = new Set<number>();
  for (const [id, rows] of after) if (before.get(id) !== rows) changed.add(id);
  for (const id of before.keys()) if (!after.has(id)) changed.add(id);
  return [...changed].sort((a, b) => a - b);
}

export interface RecordSubjects {
  mediatorIds?: readonly (number | null | undefined)[];
  committeeIds?: readonly (number | null | undefined)[];
}

const present = (ids: RecordSubjects["mediatorIds"]) => [...new Set((ids ?? []).filter((id): id is number => typeof id === "number"))];

/**
 * Recomputes these subjects' rows from case rows (delete + insert), inside the caller's write
 * transaction, and writes a search outbox row for each whose figures changed. Null ids (a case without
 * a committee) are skipped. Returns the subjects that changed.
 */
export function refreshRecords(tx: Handle, subjects: RecordSubjects): { mediatorIds: number[]; committeeIds: number[] } {
  const mediatorIds = recompute(tx, "mediator", present(subjects.mediatorIds));
  const committeeIds = recompute(tx, "committee", present(subjects.committeeIds));
  if (mediatorIds.length) recordSearchChange(tx, "mediator", mediatorIds);
  if (committeeIds.length) recordSearchChange(tx, "committee", committeeIds);
  return { mediatorIds, committeeIds };
}

/** Every subject's rows from case rows (after an import, or when in doubt); outbox rows as above. */
export function rebuildAllRecords(tx: Handle): { mediatorIds: number[]; committeeIds: number[] } {
  const mediatorIds = recompute(tx, "mediator", null);
  const committeeIds = recompute(tx, "committee", null);
  if (mediatorIds.length) recordSearchChange(tx, "mediator", mediatorIds);
  if (committeeIds.length) recordSearchChange(tx, "committee", committeeIds);
  return { mediatorIds, committeeIds };
}

// ── reading a record ───────────────────────────────────────────────────────────────────────────────

/** The record API's query string: `?category=` (one of the categories), nothing else required. */
export const recordQuerySchema = z.object({ category: z.enum(CATEGORY_SLUGS).optional() });

/**
 * A profile's `?category=` (the category the party searched): a known slug, or none. Unlike the API, a
 * page ignores an unknown one and shows the overall record only: a stale link should not break a profile.
 */
export function profileCategory(value: string | null): CategorySlug | undefined {
  const parsed = recordQuerySchema.shape.category.safeParse(value ?? undefined);
  return parsed.success ? parsed.data : undefined;
}

export interface RecordQuery {
  category?: CategorySlug;
  now: number;
  months?: number;
}

/** A record as the API and the profiles show it: stats-types' MediatorRecord and the agreement rate's denominator. */
export interface RecordView extends MediatorRecord {
  /** Cases mediated (the agreement rate's denominator), so "23 of 25" can be said. */
  mediated: number;
  /** The share of ratings with 4 or 5 stars (SATISFIED_MIN_STARS), 0–1; null with no ratings. */
  satisfaction: number | null;
}

function readRecord(subject: RecordSubject, id: number, q: RecordQuery): RecordView {
  const db = getDb();
  const window = recordWindow(q.now, q.months ?? 12);
  const inWindow = and(
    eq(records.subject, subject),
    eq(records.subjectId, id),
    gte(records.month, window.fromMonth),
    lte(records.month, window.toMonth),
  );
  const sums = db
    .select({
      closed: sql<number>`coalesce(sum(${records.closed}), 0)`,
      agreements: sql<number>`coalesce(sum(${records.agreements}), 0)`,
      mediated: sql<number>`coalesce(sum(${records.mediated}), 0)`,
      fulfilled: sql<number>`coalesce(sum(${records.fulfilled}), 0)`,
      fulfilmentDecided: sql<number>`coalesce(sum(${records.fulfilmentDecided}), 0)`,
      judicialConfirmations: sql<number>`coalesce(sum(${records.judicialConfirmations}), 0)`,
      ratings: sql<number>`coalesce(sum(${records.ratings}), 0)`,
    })
    .from(records)
    .where(and(inWindow, eq(records.category, q.category ?? ""), eq(records.severity, "")))
    .get()!;
  const own = db
    .select({
      category: records.category,
      severity: records.severity,
      mediated: sql<number>`sum(${records.mediated})`,
      agreements: sql<number>`sum(${records.agreements})`,
    })
    .from(records)
    .where(and(inWindow, q.category ? eq(records.category, q.category) : ne(records.category, ""), ne(records.severity, "")))
    .groupBy(records.category, records.severity)
    .all();
  const column = SUBJECT_COLUMN[subject];
  // The window's cases themselves give the median, and the satisfied ratings (the projection holds
  // sums of stars, and a share of 4–5-star ratings needs their count: read here, as the dashboard does).
  const windowCases = and(
    eq(column, id),
    isNotNull(cases.closedAt),
    gte(cases.closedAt, window.fromMs),
    lt(cases.closedAt, window.toMs),
    closedSql(),
    q.category ? eq(cases.category, q.category) : undefined,
  );
  const spans = db.select({ ms: msToCloseSql() }).from(cases).where(windowCases).all();
  const median = medianDays(spans.map((s) => msToDays(s.ms)));
  const rated = db
    .select({ ratings: sql<number>`count(*)`, satisfied: sql<number>`coalesce(sum(${flag(satisfiedRatingSql())}), 0)` })
    .from(ratings)
    .innerJoin(cases, eq(cases.id, ratings.caseId))
    .where(windowCases)
    .get()!;
  return {
    closed: sums.closed,
    mediated: sums.mediated,
    agreements: sums.agreements,
    agreementRate: rate(sums.agreements, sums.mediated),
    fulfilmentRate: rate(sums.fulfilled, sums.fulfilmentDecided),
    judicialConfirmations: sums.judicialConfirmations,
    medianDaysToClose: median === null ? null : Math.round(median * 10) / 10,
    // The share of 4–5-star ratings, as the centre's satisfactionRate (domain/record.ts), not a mean of stars.
    satisfaction: satisfactionShare(rated.satisfied, rated.ratings),
    ratings: sums.ratings,
    score: recordScore(own, poolCells(db, window)),
    from: window.from,
    to: window.to,
  };
}

function checkCategory(category: string | undefined): void {
  if (category !== undefined && !(CATEGORY_SLUGS as readonly string[]).includes(category))
    throw new DomainError("invalid_input", `unknown category: ${category}`);
}

/** An active mediator's record over the window (12 months to `now`), all categories or one; null when unknown. */
export function getMediatorRecord(q: RecordQuery & { mediatorId: number }): RecordView | null {
  checkCategory(q.category);
  const found = getDb()
    .select({ id: mediators.id })
    .from(mediators)
    .where(and(eq(mediators.id, q.mediatorId), eq(mediators.active, true), eq(mediators.listed, true)))
    .get();
  return found ? readRecord("mediator", q.mediatorId, q) : null;
}

/** An active committee's record: the cases that went through it. Null when unknown. */
export function getCommitteeRecord(q: RecordQuery & { committeeId: number }): RecordView | null {
  checkCategory(q.category);
  const found = getDb()
    .select({ id: committees.id })
    .from(committees)
    .where(and(eq(committees.id, q.committeeId), eq(committees.active, true)))
    .get();
  return found ? readRecord("committee", q.committeeId, q) : null;
}
