// The facts behind the explained suggestion (ADR 021), read in a handful of set queries over the
// candidates (never one mediator at a time), then ranked by the pure ./fallback-rank.ts. Slots are
// computed only for the few the ranking walks to. Reads only: the suggestion itself books nothing.
import { connectionOf, type Db, type Tx } from "../../db/client";
import { CENTRE_TIMEZONE, TOWNS, type LanguageSlug, type ModeSlug } from "../../domain";
import { recordScore, recordWindow, type ScoreCell } from "../../domain/record";
import { isoInZone, localDateInZone, localMidnightOf } from "../../domain/zone";
import { env } from "../env.server";
import { slotContext } from "./availability.server";
import { conflictOf, foldCaseText, type Tie } from "./conflicts";
import { rankCandidates, type CandidateFacts, type Considered, type Ranking, type SlotChoice } from "./fallback-rank";
import { computeSlots, type Slot } from "./slots";

const DAY = 86_400_000;
/** How far ahead a suggested session may lie: a case should start within two weeks. */
export const SUGGESTION_HORIZON_DAYS = 14;

export interface CaseForFallback {
  id: number;
  category: string;
  town: string | null;
  description: string;
  /** The parties' names when the case is not written yet (a committee order files it after choosing). */
  partyNames?: string[];
  /** Flagged for the pre-litigation fast track: only the team's mediators are candidates (ADR 035). */
  preLitigation?: boolean;
}

export interface SuggestOptions {
  /** A language the party asked for (舟山话): the case has no field for it yet, so the caller gives it. */
  language?: LanguageSlug;
  /** A committee order: only its members are candidates. */
  committeeId?: number | null;
  /** A time to keep if the mediator is free then (the next pick of a booking: the same time). */
  preferStart?: number;
  preferMode?: ModeSlug;
}

/** The reason stored with an assignment and answered by the API: data, worded only when shown. */
export type FallbackReason = {
  rule: "suggestion" | "committee-member";
  /** Whose people were the candidates when not the whole pool of the category: the fast track's team. */
  team: "pre-litigation" | null;
  decidedBy: Ranking["decidedBy"];
  island: boolean;
  language: LanguageSlug | null;
  horizonDays: number;
  considered: (Omit<Considered, "slot" | "lastAssignedAt"> & {
    slot: { start: string; end: string; mode: ModeSlug; preferred: boolean };
    lastAssignedAt: string | null;
  })[];
  skipped: Ranking["skipped"];
  counts: Ranking["counts"];
};

export interface Suggestion {
  winner: Considered | null;
  reason: FallbackReason;
}

const iso = (ms: number) => isoInZone(ms, CENTRE_TIMEZONE);

/** The party is on an island when the case's town is (towns.island; DOMAIN.md). */
export const isIslandTown = (town: string | null) => TOWNS.some((t) => t.slug === town && t.island);

type Reader = Db | Tx;

function all<T>(db: Reader, source: string, ...params: unknown[]): T[] {
  return connectionOf(db)
    .prepare(source)
    .all(...params) as T[];
}

/**
 * The candidate set as a CTE: a committee's active members; for a case on the fast track, the
 * pre-litigation team's active mediators (of any category: the team takes every simple case it is
 * given; in the public pool, so the party can read who mediates); else the category's active mediators.
 */
function candidatesCte(opts: SuggestOptions, c: CaseForFallback): { cte: string; params: unknown[] } {
  if (opts.committeeId)
    return {
      cte: `with cand as (select m.id from mediators m join committee_members cm on cm.mediator_id = m.id and cm.committee_id = ? where m.active = 1 and m.listed = 1)`,
      params: [opts.committeeId],
    };
  if (c.preLitigation)
    return {
      cte: `with cand as (select distinct m.id from mediators m join panel_roles r on r.person_id = m.id and r.role = 'pre-litigation-mediator' where m.active = 1 and m.listed = 1)`,
      params: [],
    };
  return {
    cte: `with cand as (select mc.mediator_id id from mediator_categories mc join mediators m on m.id = mc.mediator_id where mc.category_slug = ? and m.active = 1 and m.listed = 1)`,
    params: [c.category],
  };
}

/** Every fact the ranking needs, for every candidate, in set queries. */
export function loadCandidateFacts(db: Reader, c: CaseForFallback, opts: SuggestOptions, now: number): CandidateFacts[] {
  const { cte, params } = candidatesCte(opts, c);
  const horizonEnd = now + SUGGESTION_HORIZON_DAYS * DAY;
  const base = all<{ id: number; capCases: number; capSessions: number; next: number | null }>(
    db,
    `${cte} select m.id, m.capacity_open_cases capCases, m.capacity_sessions_week capSessions, s.next_available_at next
       from cand join mediators m on m.id = cand.id left join availability_settings s on s.mediator_id = m.id`,
    ...params,
  );
  // mediator_categories is keyed by mediator first, so finding a category's mediators is a scan: done
  // once above, then the other queries take the ids as a JSON list.
  const ids = JSON.stringify(base.map((m) => m.id));
  const cand = `with cand as (select value id from json_each(?))`;
  const count = (source: string, ...p: unknown[]) =>
    new Map(all<{ id: number; n: number }>(db, `${cand} ${source}`, ids, ...p).map((r) => [r.id, r.n]));
  const openCases = count(
    `select mid id, count(distinct cid) n from (
       select c.mediator_id mid, c.id cid from cases c where c.closed_at is null and c.mediator_id in (select id from cand)
       union select a.mediator_id, a.case_id from case_assignments a join cases c on c.id = a.case_id
         where a.status in ('asked', 'accepted') and c.closed_at is null and a.mediator_id in (select id from cand)
     ) group by mid`,
  );
  // "This week": the centre's calendar week (Monday 00:00 local) that holds `now`.
  const today = localDateInZone(now, CENTRE_TIMEZONE);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const weekStart = localMidnightOf(today, CENTRE_TIMEZONE) - weekday * DAY;
  const sessions = count(
    `select mediator_id id, count(*) n from bookings where status in ('pending', 'confirmed') and start_at >= ? and start_at < ?
       and mediator_id in (select id from cand) group by mediator_id`,
    weekStart,
    weekStart + 7 * DAY,
  );
  const lastAssigned = count(
    `select mediator_id id, max(decided_at) n from case_assignments where mediator_id in (select id from cand) group by mediator_id`,
  );
  const speaks = opts.language
    ? count(
        `select mediator_id id, 1 n from mediator_languages where language_slug = ? and mediator_id in (select id from cand)`,
        opts.language,
      )
    : new Map<number, number>();
  const ties = new Map<number, Tie[]>();
  for (const t of all<Tie>(
    db,
    `${cand} select id, mediator_id mediatorId, kind, normalized from mediator_ties where removed_at is null and mediator_id in (select id from cand)`,
    ids,
  ))
    ties.set(t.mediatorId, [...(ties.get(t.mediatorId) ?? []), t]);
  const text = ties.size
    ? foldCaseText({
        partyNames: c.partyNames ?? all<{ name: string }>(db, `select name from case_parties where case_id = ?`, c.id).map((p) => p.name),
        description: c.description,
      })
    : null;
  const earlier = new Map<number, CandidateFacts["earlier"]>();
  for (const a of all<{ id: number; status: string }>(
    db,
    `select mediator_id id, status from case_assignments where case_id = ? and mediator_id is not null order by id`,
    c.id,
  )) {
    const was = a.status === "accepted" || a.status === "asked" ? "asked" : a.status === "superseded" ? null : a.status;
    if (was) earlier.set(a.id, was as CandidateFacts["earlier"]);
  }
  for (const r of all<{ id: number }>(db, `select mediator_id id from recusals where case_id = ? and status = 'granted'`, c.id))
    earlier.set(r.id, "recused");
  const records = recordCells(db, c.category, now);
  return base.map((m) => {
    const conflict = text ? conflictOf(ties.get(m.id) ?? [], text) : null;
    return {
      mediatorId: m.id,
      languages: speaks.has(m.id) && opts.language ? [opts.language] : [],
      openCases: openCases.get(m.id) ?? 0,
      capacityOpenCases: m.capCases,
      sessionsWeek: sessions.get(m.id) ?? 0,
      capacitySessionsWeek: m.capSessions,
      record: records(m.id),
      lastAssignedAt: lastAssigned.get(m.id) ?? null,
      // Read with the slots, for the few the ranking walks to (slotFinder).
      onLeave: false,
      conflict: conflict ? { tieId: conflict.id, kind: conflict.kind } : null,
      earlier: earlier.get(m.id) ?? null,
      hasFreeTime: m.next !== null && m.next <= horizonEnd,
    };
  });
}

/** Each mediator's record in the category against the pool's on the same mix (ADR 014), over the record window. */
function recordCells(db: Reader, category: string, now: number): (id: number) => { score: number; mediated: number } {
  const w = recordWindow(now);
  const rows = all<{ id: number; severity: string; mediated: number; agreements: number }>(
    db,
    `select subject_id id, severity, sum(mediated) mediated, sum(agreements) agreements from records
      where subject = 'mediator' and category = ? and severity != '' and month >= ? and month <= ? group by subject_id, severity`,
    category,
    w.fromMonth,
    w.toMonth,
  );
  const own = new Map<number, ScoreCell[]>();
  const pool = new Map<string, ScoreCell>();
  for (const r of rows) {
    const cell = { category, severity: r.severity, mediated: r.mediated, agreements: r.agreements };
    own.set(r.id, [...(own.get(r.id) ?? []), cell]);
    const p = pool.get(r.severity) ?? { category, severity: r.severity, mediated: 0, agreements: 0 };
    p.mediated += r.mediated;
    p.agreements += r.agreements;
    pool.set(r.severity, p);
  }
  const poolCells = [...pool.values()];
  const empty = recordScore([], poolCells);
  return (id) => {
    const cells = own.get(id);
    if (!cells) return { score: Math.round(empty * 1000) / 1000, mediated: 0 };
    return { score: Math.round(recordScore(cells, poolCells) * 1000) / 1000, mediated: cells.reduce((n, x) => n + x.mediated, 0) };
  };
}

/** The mode a slot is offered to this party in, preferred modes first; null when none suits. */
export function modeFor(slot: Slot, town: string | null, island: boolean): { mode: ModeSlug; preferred: boolean } | null {
  const onsite = town !== null && slot.modes.includes("onsite") && slot.towns.includes(town);
  // An island party should not need the ferry: online, or the mediator comes to the island.
  const order: ModeSlug[] = island ? ["online", "onsite", "centre"] : ["centre", "online", "onsite"];
  for (const mode of order) {
    if (mode === "onsite" ? !onsite : !slot.modes.includes(mode)) continue;
    return { mode, preferred: !island || mode !== "centre" };
  }
  return null;
}

/** The earliest suitable slot of one mediator within the horizon: a preferred mode's if any. */
export function slotFinder(
  db: Reader,
  c: CaseForFallback,
  opts: SuggestOptions,
  now: number,
): (id: number) => SlotChoice | { skip: "on-leave" } | null {
  const island = isIslandTown(c.town);
  const from = localDateInZone(now, CENTRE_TIMEZONE);
  const to = localDateInZone(now + SUGGESTION_HORIZON_DAYS * DAY, CENTRE_TIMEZONE);
  // On leave: a day off on a date the response window touches, so they could not answer in time.
  const windowEnd = localDateInZone(now + env().BOOKING_RESPONSE_HOURS * 3_600_000, CENTRE_TIMEZONE);
  return (id) => {
    const ctx = slotContext(db, id, from, to);
    if (ctx.overrides.some((o) => o.unavailable && o.date >= from && o.date <= windowEnd)) return { skip: "on-leave" as const };
    const slots = computeSlots({ ...ctx, now, from, to });
    if (opts.preferStart !== undefined) {
      const same = slots.find((s) => s.start === opts.preferStart);
      const m =
        same &&
        (opts.preferMode && same.modes.includes(opts.preferMode)
          ? { mode: opts.preferMode, preferred: true }
          : modeFor(same, c.town, island));
      if (same && m) return { start: same.start, end: same.end, ...m };
    }
    let fallback: SlotChoice | null = null;
    for (const s of slots) {
      const m = modeFor(s, c.town, island);
      if (!m) continue;
      if (m.preferred) return { start: s.start, end: s.end, ...m };
      fallback ??= { start: s.start, end: s.end, ...m };
    }
    return fallback;
  };
}

/** The suggestion for a case, with its reason as data. Nothing is written. */
export function suggest(db: Reader, c: CaseForFallback, opts: SuggestOptions, now: number): Suggestion {
  const candidates = loadCandidateFacts(db, c, opts, now);
  const ranking = rankCandidates({ candidates, language: opts.language, slotOf: slotFinder(db, c, opts, now), now });
  return { winner: ranking.winner, reason: toReason(ranking, c, opts) };
}

export function toReason(ranking: Ranking, c: CaseForFallback, opts: SuggestOptions): FallbackReason {
  return {
    rule: opts.committeeId ? "committee-member" : "suggestion",
    team: !opts.committeeId && c.preLitigation ? "pre-litigation" : null,
    decidedBy: ranking.decidedBy,
    island: isIslandTown(c.town),
    language: opts.language ?? null,
    horizonDays: SUGGESTION_HORIZON_DAYS,
    considered: ranking.considered.map((x) => ({
      ...x,
      slot: { ...x.slot, start: iso(x.slot.start), end: iso(x.slot.end) },
      lastAssignedAt: x.lastAssignedAt === null ? null : iso(x.lastAssignedAt),
    })),
    skipped: ranking.skipped,
    counts: ranking.counts,
  };
}
