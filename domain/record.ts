// A record's window of months, and its ranking score (ADR 014): small-sample safe, and fair to whoever takes the hard cases.
// A mediator's agreements are compared with what the pool achieves on the same case mix (category ×
// severity): the indirectly standardised rate p0 · O / E, where O is the mediator's agreements and E
// the agreements the pool's rate per cell would give on the mediator's mediated cases. That rate is
// then pulled toward the pool's rate by a few cases' worth of prior and taken at the lower bound of
// its Wilson interval (domain/score.ts), so 1 of 1 never outranks 45 of 50.
import { successScore } from "./score";

/**
 * Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so local months and dates of the
 * figures are taken with a fixed offset, in SQL as here (a zone library per row would be the slow part).
 */
export const CENTRE_OFFSET_MS = 8 * 3_600_000;

/** "YYYY-MM" in Asia/Shanghai of an instant. */
export function localMonth(ms: number): string {
  return new Date(ms + CENTRE_OFFSET_MS).toISOString().slice(0, 7);
}

/** The month `n` months after "YYYY-MM" (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

export interface RecordWindow {
  fromMonth: string;
  toMonth: string;
  /** Epoch ms bounds of those months: [fromMs, toMs). */
  fromMs: number;
  toMs: number;
  /** YYYY-MM-DD, inclusive: the first of fromMonth, and the local date of `now`. */
  from: string;
  to: string;
}

/** The months a record covers: the month of `now` (Asia/Shanghai) and the `months − 1` before it. */
export function recordWindow(now: number, months = 12): RecordWindow {
  const toMonth = localMonth(now);
  const fromMonth = addMonths(toMonth, -(Math.max(1, Math.floor(months)) - 1));
  const monthStart = (m: string) => Date.parse(`${m}-01T00:00:00Z`) - CENTRE_OFFSET_MS;
  return {
    fromMonth,
    toMonth,
    fromMs: monthStart(fromMonth),
    toMs: monthStart(addMonths(toMonth, 1)),
    from: `${fromMonth}-01`,
    to: new Date(now + CENTRE_OFFSET_MS).toISOString().slice(0, 10),
  };
}

/**
 * A satisfied rating (满意): this many stars or more, of 1–5. The one threshold of satisfaction, for a
 * record's `satisfaction` and the centre's `satisfactionRate` alike (the SQL in case-figures.ts reads it).
 */
export const SATISFIED_MIN_STARS = 4;

export const isSatisfiedRating = (stars: number): boolean => stars >= SATISFIED_MIN_STARS;

/** Satisfaction, 0–1: the share of ratings that are satisfied; null with no ratings. */
export function satisfactionShare(satisfied: number, ratings: number): number | null {
  return ratings > 0 ? satisfied / ratings : null;
}

/** Mediated cases and agreements in one (category, severity) cell. */
export interface ScoreCell {
  category: string;
  severity: string;
  mediated: number;
  agreements: number;
}

/** Pseudo-cases at the pool's rate that every record starts from (and all a record without cases has). */
export const PRIOR_CASES = 5;
/**
 * Pseudo-cases that steady a thin cell's rate: a cell leans on its severity's rate across categories,
 * which leans on the pool's overall rate (a rare medical group dispute is judged like group disputes).
 */
export const CELL_PRIOR_CASES = 10;

const key = (c: { category: string; severity: string }) => `${c.category}\u0000${c.severity}`;

export interface ScoreParts {
  /** The pool's overall agreement rate ((A + 1) / (N + 2): one half for an empty pool). */
  poolRate: number;
  observed: number;
  expected: number;
  mediated: number;
  /** p0 · O / E, at most 1. */
  standardisedRate: number;
  score: number;
}

/** The score with its parts (the ADR's formula, step by step). `pool` holds every mediator's cells. */
export function recordScoreParts(own: readonly ScoreCell[], pool: readonly ScoreCell[]): ScoreParts {
  const cells = new Map<string, { mediated: number; agreements: number }>();
  const severities = new Map<string, { mediated: number; agreements: number }>();
  const add = (map: typeof cells, k: string, c: ScoreCell) => {
    const sum = map.get(k) ?? { mediated: 0, agreements: 0 };
    sum.mediated += c.mediated;
    sum.agreements += c.agreements;
    map.set(k, sum);
  };
  let poolMediated = 0;
  let poolAgreements = 0;
  for (const c of pool) {
    add(cells, key(c), c);
    add(severities, c.severity, c);
    poolMediated += c.mediated;
    poolAgreements += c.agreements;
  }
  const poolRate = (poolAgreements + 1) / (poolMediated + 2);
  const shrunk = (sum: { mediated: number; agreements: number } | undefined, toward: number) =>
    sum ? (sum.agreements + CELL_PRIOR_CASES * toward) / (sum.mediated + CELL_PRIOR_CASES) : toward;
  let observed = 0;
  let expected = 0;
  let mediated = 0;
  for (const c of own) {
    if (c.mediated <= 0) continue;
    const cellRate = shrunk(cells.get(key(c)), shrunk(severities.get(c.severity), poolRate));
    observed += c.agreements;
    expected += c.mediated * cellRate;
    mediated += c.mediated;
  }
  const standardisedRate = mediated === 0 ? poolRate : Math.min(1, expected > 0 ? (poolRate * observed) / expected : observed / mediated);
  const score = successScore(mediated + PRIOR_CASES, standardisedRate * mediated + poolRate * PRIOR_CASES);
  return { poolRate, observed, expected, mediated, standardisedRate, score };
}

/** The ranking score, 0–1 (ADR 014). */
export function recordScore(own: readonly ScoreCell[], pool: readonly ScoreCell[]): number {
  return recordScoreParts(own, pool).score;
}
