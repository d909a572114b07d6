// The explained suggestion (兜底, issue 9; ADR 021): who the centre proposes when a case's picks are
// exhausted or none was given. Pure: the facts arrive as data, `now` and the slot finder as arguments,
// so every criterion is unit-tested deciding on its own (fallback-rank.test.ts).
//
// Hard filters first (never proposed): already declined, expired or recused on this case, on leave in
// the response window, over capacity (cases open or sessions this week), conflicted, no free time in
// the horizon. Then, in order: a free slot in a suitable mode (an island party: online or on site
// first), the language asked for, load against capacity (in quarters, so a case more or less does not
// outweigh everything below), the small-sample-safe record in the category (to two decimals), and the
// one who was assigned least recently. The first criterion where the winner and the runner-up differ
// is the one that decided, and the reason says so.
import type { LanguageSlug, ModeSlug, TieKind } from "../../domain";

export interface CandidateFacts {
  mediatorId: number;
  languages: readonly string[];
  openCases: number;
  capacityOpenCases: number;
  sessionsWeek: number;
  capacitySessionsWeek: number;
  /** The record score in the case's category (domain/record.ts) and the cases it rests on. */
  record: { score: number; mediated: number };
  /** The latest decided_at of their assignments; null when never assigned. */
  lastAssignedAt: number | null;
  /** A day off within the response window: they could not answer in time. */
  onLeave: boolean;
  conflict: { tieId: number; kind: TieKind } | null;
  /** What became of an earlier attempt on this very case. */
  earlier: "declined" | "expired" | "recused" | "asked" | null;
  /** The cached next free slot (availability_settings) falls within the horizon. */
  hasFreeTime: boolean;
}

export interface SlotChoice {
  start: number;
  end: number;
  mode: ModeSlug;
  /** In a mode the party is offered first (an island party: online or on site in their town). */
  preferred: boolean;
}

export const SKIP_REASONS = [
  "declined",
  "expired",
  "recused",
  "already-asked",
  "on-leave",
  "over-capacity-cases",
  "over-capacity-sessions",
  "conflict",
  "no-free-slot",
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const CRITERIA = ["slot-mode", "language", "load", "record", "fairness"] as const;
export type Criterion = (typeof CRITERIA)[number] | "only-candidate" | "id";

export interface Considered {
  mediatorId: number;
  slot: { start: number; end: number; mode: ModeSlug; preferred: boolean };
  speaksLanguage: boolean | null;
  openCases: number;
  capacityOpenCases: number;
  sessionsWeek: number;
  capacitySessionsWeek: number;
  load: number;
  record: { score: number; mediated: number };
  lastAssignedAt: number | null;
}

export interface Skipped {
  mediatorId: number;
  why: SkipReason;
  tie?: { id: number; kind: TieKind };
}

export interface Ranking {
  winner: Considered | null;
  /** The criterion that put the winner before the runner-up. */
  decidedBy: Criterion | null;
  considered: Considered[];
  skipped: Skipped[];
  /** How many were considered and skipped in all (the lists are bounded). */
  counts: { candidates: number; considered: number; skipped: number };
}

export interface RankInput {
  candidates: readonly CandidateFacts[];
  language?: LanguageSlug;
  /**
   * The earliest suitable free slot of a mediator, preferred modes first; null when none. A finder that
   * reads a hard fact only for those it is asked about (leave, from the same rows as the slots) may
   * answer with the reason to skip instead.
   */
  slotOf: (mediatorId: number) => SlotChoice | { skip: SkipReason } | null;
  now: number;
  /** How many to report as considered (beyond winner and runner-up). Default 5. */
  consider?: number;
  /** How many skipped to list. Default 50. */
  listSkipped?: number;
}

/** The larger of cases open against capacity and sessions this week against capacity, 0–1+. */
export const loadOf = (c: Pick<CandidateFacts, "openCases" | "capacityOpenCases" | "sessionsWeek" | "capacitySessionsWeek">) =>
  Math.max(c.openCases / Math.max(1, c.capacityOpenCases), c.sessionsWeek / Math.max(1, c.capacitySessionsWeek));

function hardFilter(c: CandidateFacts): Skipped | null {
  const id = c.mediatorId;
  if (c.earlier === "asked") return { mediatorId: id, why: "already-asked" };
  if (c.earlier) return { mediatorId: id, why: c.earlier };
  if (c.onLeave) return { mediatorId: id, why: "on-leave" };
  if (c.openCases >= c.capacityOpenCases) return { mediatorId: id, why: "over-capacity-cases" };
  if (c.sessionsWeek >= c.capacitySessionsWeek) return { mediatorId: id, why: "over-capacity-sessions" };
  if (c.conflict) return { mediatorId: id, why: "conflict", tie: { id: c.conflict.tieId, kind: c.conflict.kind } };
  if (!c.hasFreeTime) return { mediatorId: id, why: "no-free-slot" };
  return null;
}

/** The criteria as numbers, smaller first, in the order they decide. */
function key(c: Considered): Record<(typeof CRITERIA)[number] | "id", number> {
  return {
    "slot-mode": c.slot.preferred ? 0 : 1,
    language: c.speaksLanguage === false ? 1 : 0,
    load: Math.floor(c.load * 4),
    record: -Math.round(c.record.score * 100),
    fairness: c.lastAssignedAt ?? Number.NEGATIVE_INFINITY,
    id: c.mediatorId,
  };
}

/** The first criterion on which a comes before b (negative), after it (positive), or "id". */
export function compare(a: Considered, b: Considered): { order: number; by: Criterion } {
  const ka = key(a);
  const kb = key(b);
  for (const k of [...CRITERIA, "id"] as const) if (ka[k] !== kb[k]) return { order: ka[k] < kb[k] ? -1 : 1, by: k };
  return { order: 0, by: "id" };
}

/**
 * Ranks the candidates. Slots are the costly fact, so they are asked for lazily: the eligible are put
 * in order by everything but the slot, and walked until the best with a preferred-mode slot and its
 * runner-up are known (and `consider` more for the reason). An earlier one without a preferred slot
 * can then only rank below it, so the answer equals ranking everyone with all their slots.
 */
export function rankCandidates(input: RankInput): Ranking {
  const consider = input.consider ?? 5;
  const skipped: Skipped[] = [];
  const eligible: CandidateFacts[] = [];
  for (const c of input.candidates) {
    const s = hardFilter(c);
    if (s) skipped.push(s);
    else eligible.push(c);
  }
  const toConsidered = (c: CandidateFacts, slot: SlotChoice): Considered => ({
    mediatorId: c.mediatorId,
    slot: { start: slot.start, end: slot.end, mode: slot.mode, preferred: slot.preferred },
    speaksLanguage: input.language ? c.languages.includes(input.language) : null,
    openCases: c.openCases,
    capacityOpenCases: c.capacityOpenCases,
    sessionsWeek: c.sessionsWeek,
    capacitySessionsWeek: c.capacitySessionsWeek,
    load: Math.round(loadOf(c) * 1000) / 1000,
    record: c.record,
    lastAssignedAt: c.lastAssignedAt,
  });
  // Ordered with a stand-in slot that ties on the first criterion: everything but the slot decides.
  const stand: SlotChoice = { start: 0, end: 0, mode: "online", preferred: true };
  // Keys computed once per candidate (a thousand candidates: sorting compares ~10,000 pairs).
  const keyed = eligible.map((c) => {
    const k = key(toConsidered(c, stand));
    return { c, k: [k.language, k.load, k.record, k.fairness, k.id] };
  });
  keyed.sort((a, b) => {
    for (let i = 0; i < a.k.length; i++) if (a.k[i] !== b.k[i]) return a.k[i] < b.k[i] ? -1 : 1;
    return 0;
  });
  const ordered = keyed.map((x) => x.c);
  const considered: Considered[] = [];
  let preferredFound = 0;
  for (const c of ordered) {
    if (preferredFound >= 2 && considered.length >= consider) break;
    const slot = input.slotOf(c.mediatorId);
    if (slot && "skip" in slot) {
      skipped.push({ mediatorId: c.mediatorId, why: slot.skip });
      continue;
    }
    // A slot already begun is no slot (a stale cache must not propose the past).
    if (!slot || slot.start <= input.now) {
      skipped.push({ mediatorId: c.mediatorId, why: "no-free-slot" });
      continue;
    }
    considered.push(toConsidered(c, slot));
    if (slot.preferred) preferredFound++;
  }
  considered.sort((a, b) => compare(a, b).order);
  const [winner = null, runnerUp] = considered;
  const decidedBy: Criterion | null = !winner ? null : runnerUp ? compare(winner, runnerUp).by : "only-candidate";
  return {
    winner,
    decidedBy,
    considered,
    skipped: skipped.slice(0, input.listSkipped ?? 50),
    counts: { candidates: input.candidates.length, considered: considered.length, skipped: skipped.length },
  };
}
