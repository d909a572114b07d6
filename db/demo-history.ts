// A year of case history for the seeded pool (issue 8), generated from the distribution parameters
// below so that the centre's figures reproduce its 2018 table (../shared/domain/DOMAIN.md) when the
// history has the article's 45,000 requests, and scale in proportion otherwise. Deterministic: a
// seeded PRNG (the demo pool's mulberry32), no clock — the year ends at the `now` passed in.
// Every person and firm is invented (firms are "某…公司", phones 1380000xxxx); cases write no search
// outbox rows (search indexes mediators, never cases or their parties).
import { sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  CATEGORIES,
  DEFAULT_CASE_DAYS,
  JUDICIAL_CONFIRMATION_DAYS,
  TOWNS,
  type CaseChannel,
  type CaseOutcome,
  type CaseStatus,
  type CategorySlug,
  type FulfilmentResult,
  type ModeSlug,
  type PartySide,
  type Severity,
  type TownSlug,
} from "../domain";
import type { Db, Tx } from "./client";
import { prng } from "./demo-pool";
import {
  COMMENTS_HIGH,
  COMMENTS_LOW,
  COURT,
  DEATH_SUMMARIES,
  FAILURE_NOTES,
  GIVEN,
  INDUSTRIES,
  MAJOR_SUMMARIES,
  METHODS,
  NON_MONEY,
  PAYMENT,
  SUMMARIES,
  SURNAMES,
  WINDOW_STAFF,
} from "./demo-history-words";
import {
  agreements,
  caseChoices,
  caseEvents,
  caseParties,
  cases,
  committeeCategories,
  committeeMembers,
  instalments,
  judicialConfirmations,
  mediatorCategories,
  mediators,
  mediatorTowns,
  obligations,
  ratings,
  users,
} from "./schema";

/** The centre's 2018 table: what a history of `requests` cases reproduces. */
export const FIGURES_2018 = {
  requests: 45_000,
  online: 41_000,
  inPerson: 4_000,
  zeroVisitRate: 0.773,
  oneVisitRate: 0.168,
  onTimeRate: 1,
  satisfactionRate: 0.996,
  majorCases: 88,
  deathCompensation: 62,
  islandOnlineMediations: 1_123,
  judicialConfirmations: 207,
  fulfilledOnTimeAfterConfirmation: 187,
  enforced: 20,
} as const;

/** Approximate residents (thousands) per town: where disputes come from. */
const TOWN_POPULATION: Record<TownSlug, number> = {
  shenjiamen: 150,
  donggang: 80,
  zhanmao: 25,
  goushan: 22,
  zhujiajian: 25,
  liuheng: 60,
  taohua: 12,
  xiazhi: 14,
  dongji: 3,
  putuoshan: 5,
};

/** Share of requests per category (per mille), before the town and season adjust it. */
const CATEGORY_WEIGHTS: Record<CategorySlug, number> = {
  neighbourhood: 160,
  labour: 140,
  "marriage-family": 110,
  "property-management": 100,
  "contract-debt": 100,
  "traffic-accident": 90,
  consumer: 80,
  "maritime-fishery": 50,
  "personal-injury": 40,
  "migrant-workers": 40,
  construction: 30,
  tourism: 25,
  medical: 20,
  environment: 15,
};

/** Claimed amounts, log-normal: median yuan, spread (σ of ln), and the share of claims that are money. */
const AMOUNTS: Record<CategorySlug, { median: number; sigma: number; money: number }> = {
  neighbourhood: { median: 2_000, sigma: 1.0, money: 0.45 },
  labour: { median: 8_000, sigma: 0.8, money: 0.95 },
  "marriage-family": { median: 30_000, sigma: 1.2, money: 0.55 },
  "property-management": { median: 3_000, sigma: 0.9, money: 0.85 },
  "contract-debt": { median: 50_000, sigma: 1.1, money: 1 },
  "traffic-accident": { median: 15_000, sigma: 1.0, money: 1 },
  consumer: { median: 1_500, sigma: 0.9, money: 0.95 },
  "maritime-fishery": { median: 50_000, sigma: 1.1, money: 0.95 },
  "personal-injury": { median: 30_000, sigma: 1.0, money: 1 },
  "migrant-workers": { median: 6_000, sigma: 0.8, money: 0.8 },
  construction: { median: 120_000, sigma: 1.1, money: 0.9 },
  tourism: { median: 2_000, sigma: 0.9, money: 0.95 },
  medical: { median: 60_000, sigma: 1.0, money: 1 },
  environment: { median: 20_000, sigma: 1.2, money: 0.7 },
};

/**
 * Agreement rate of mediated cases per category. The article gives 100 % only for the 88 major cases
 * and says ordering raised the success rate; official people's-mediation figures claim ~96 %. We take
 * ~92 % overall (below the official claim, harder categories lower) so records show a real spread.
 */
const AGREEMENT_RATE: Record<CategorySlug, number> = {
  neighbourhood: 0.96,
  labour: 0.92,
  "marriage-family": 0.93,
  "property-management": 0.9,
  "contract-debt": 0.88,
  "traffic-accident": 0.94,
  consumer: 0.95,
  "maritime-fishery": 0.9,
  "personal-injury": 0.9,
  "migrant-workers": 0.93,
  construction: 0.86,
  tourism: 0.95,
  medical: 0.85,
  environment: 0.85,
};

/** The distribution parameters of the history (figures of the 2018 table plus our assumptions). */
export const HISTORY_PARAMS = {
  figures: FIGURES_2018,
  days: 365,
  townPopulation: TOWN_POPULATION,
  categoryWeights: CATEGORY_WEIGHTS,
  amounts: AMOUNTS,
  agreementRate: AGREEMENT_RATE,
  /** Of closed cases: online requests whose parties came to the centre once (to mediate or sign). */
  onlineOneVisit: 0.1,
  /** Island towns' weight by how the case was handled: zero visits more, in person at the window less. */
  islandBias: { zeroVisit: 1.35, online: 0.7, window: 0.45 },
  /** Mainland zero-visit mediations held online (the rest on site by town and community mediators). */
  mainlandOnline: 0.7,
  /** Closed cases withdrawn by the applicant / refused by the respondent. */
  withdrawn: 0.025,
  refused: 0.015,
  /** Of failed mediations: referred to arbitration (labour only) and to litigation; the rest no agreement. */
  referral: { labourArbitration: 0.45, labourLitigation: 0.2, litigation: 0.4 },
  /** Cases ordered through a committee, where one covers the category. */
  committeeShare: 0.4,
  /** Mediator orders where the applicant picked (点单) rather than being dispatched (派单). */
  pickShare: 0.6,
  /** Agreements paid later (not on the spot), and of those the share paid in 2–6 instalments. */
  deferred: 0.22,
  multiInstalment: 0.6,
  lateInstalment: 0.03,
  /** Parties who rate a closed mediation; 5 stars among the satisfied. */
  rating: { applicant: 0.55, windowApplicant: 0.35, respondent: 0.25, fiveStars: 0.8 },
  /** Cases open at `now` per state: one per 150 cases, at most 36. */
  openPerState: { per: 150, max: 36 },
  /** Requests per day vary by season: months (1–12) with a factor per category. */
  seasons: {
    labour: { 1: 1.6, 2: 1.3, 12: 1.3 },
    "migrant-workers": { 1: 1.5, 2: 1.3, 12: 1.2 },
    tourism: { 5: 1.4, 7: 2, 8: 2, 10: 1.8 },
    "maritime-fishery": { 5: 0.6, 6: 0.6, 7: 0.6, 8: 0.7, 9: 1.4, 10: 1.3, 11: 1.3, 12: 1.2 },
    "traffic-accident": { 1: 1.2, 2: 1.3, 10: 1.2 },
  } as Partial<Record<CategorySlug, Record<number, number>>>,
} as const;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const OFFSET = 8 * HOUR; // Asia/Shanghai: UTC+8 all year since 1991
const ISLAND = new Set<string>(TOWNS.filter((t) => t.island).map((t) => t.slug));
const TOWN_ZH = Object.fromEntries(TOWNS.map((t) => [t.slug, t.zh.replace(/(街道|镇)$/, "")])) as Record<TownSlug, string>;
const CAT_SLUGS = CATEGORIES.map((c) => c.slug);
/** Password hash of generated accounts: not a hash, so no password matches (they never sign in). */
const NO_LOGIN = "!demo-history";

const localDate = (ms: number) => new Date(ms + OFFSET).toISOString().slice(0, 10);
const localYear = (ms: number) => new Date(ms + OFFSET).getUTCFullYear();
/** The instant a local date ends (its last millisecond). */
const endOfLocalDate = (date: string) => Date.parse(`${date}T00:00:00Z`) - OFFSET + DAY - 1;

// ── the random source ──────────────────────────────────────────────────────────────────────────────

class Rand {
  constructor(private readonly next: () => number) {}
  u = () => this.next();
  chance = (p: number) => this.next() < p;
  int = (min: number, max: number) => min + Math.floor(this.next() * (max - min + 1));
  between = (min: number, max: number) => min + this.next() * (max - min);
  pick = <T>(list: readonly T[]): T => list[Math.floor(this.next() * list.length)];
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  logNormal = (median: number, sigma: number) => median * Math.exp(sigma * this.normal());
  shuffle<T>(a: T[]): T[] {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  weighted<T>(w: Weighted<T>): T {
    const x = this.next() * w.total;
    let lo = 0;
    let hi = w.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (w.cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return w.items[lo];
  }
}

interface Weighted<T> {
  items: T[];
  cum: number[];
  total: number;
}
function weighted<T>(pairs: [T, number][]): Weighted<T> {
  const items: T[] = [];
  const cum: number[] = [];
  let total = 0;
  for (const [item, w] of pairs)
    if (w > 0) {
      total += w;
      items.push(item);
      cum.push(total);
    }
  return { items, cum, total };
}

/** Exact counts for shares of n (largest remainder), so rates hold to the rounding, not to chance. */
export function quota(n: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const raw = shares.map((s) => (n * s) / sum);
  const out = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, left = n - out.reduce((a, b) => a + b, 0); k < left; k++) out[order[k][1]]++;
  return out;
}

// ── invented people, firms and words ───────────────────────────────────────────────────────────────

const SURNAME_CHARS = [...SURNAMES];
const GIVEN_CHARS = [...GIVEN];

function personName(r: Rand): string {
  const n = r.pick(SURNAME_CHARS) + r.pick(GIVEN_CHARS);
  return r.chance(0.7) ? n + r.pick(GIVEN_CHARS) : n;
}
const firmName = (r: Rand, town: TownSlug, industry = r.pick(INDUSTRIES)) => `${TOWN_ZH[town]}某${industry}有限公司`;
/** An invented phone in the demo range 13800000100–13800009999 (below 0100 is for demo accounts). */
const phone = (r: Rand) => `1380000${String(r.int(100, 9999)).padStart(4, "0")}`;

const MAJOR_CATEGORIES: CategorySlug[] = ["labour", "construction", "property-management", "maritime-fishery", "medical", "environment"];
const GROUP_CATEGORIES = new Set<CategorySlug>(["labour", "construction", "property-management", "environment"]);

/** The format of formatCaseNumber (app/models/cases.server.ts, which db/ may not import) and of migration 0006. */
export const caseNumber = (year: number, seq: number) => `普调〔${year}〕${String(seq).padStart(5, "0")}号`;
const yuan = (fen: number) => `${Math.round(fen / 100)}元`;

// ── the pool as the generator needs it ─────────────────────────────────────────────────────────────

interface PoolView {
  byCategory: Map<CategorySlug, Weighted<number>>;
  onsite: Map<string, Weighted<number>>; // `${category}|${town}` → mediators serving that town on site
  seniors: Weighted<number>;
  chiefs: Map<CategorySlug, Weighted<number>>;
  committees: Map<CategorySlug, { id: number; members: number[] }[]>;
}

function readPool(db: Db | Tx, r: Rand): PoolView {
  const meds = db
    .select({ id: mediators.id, kind: mediators.kind, title: mediators.title })
    .from(mediators)
    .where(sql`${mediators.active} = 1`)
    .orderBy(mediators.id)
    .all();
  if (!meds.length) throw new Error("generateHistory: the pool is empty (seed the demo pool first)");
  const kindWeight = { "senior-mediator": 4, expert: 2, lawyer: 1 } as const;
  // Some mediators are in demand and some are not: a popularity factor per mediator.
  const weight = new Map(meds.map((m) => [m.id, kindWeight[m.kind] * r.logNormal(1, 0.5)]));
  const info = new Map(meds.map((m) => [m.id, m]));
  const cats = new Map<CategorySlug, number[]>();
  for (const row of db.select().from(mediatorCategories).orderBy(mediatorCategories.mediatorId, mediatorCategories.categorySlug).all())
    if (info.has(row.mediatorId))
      cats.set(row.categorySlug as CategorySlug, [...(cats.get(row.categorySlug as CategorySlug) ?? []), row.mediatorId]);
  const townsOf = new Map<number, string[]>();
  for (const row of db.select().from(mediatorTowns).orderBy(mediatorTowns.mediatorId, mediatorTowns.townSlug).all())
    townsOf.set(row.mediatorId, [...(townsOf.get(row.mediatorId) ?? []), row.townSlug]);
  const w = (ids: number[]) => weighted(ids.map((id) => [id, weight.get(id)!] as [number, number]));
  const seniorIds = meds.filter((m) => m.kind === "senior-mediator").map((m) => m.id);
  const view: PoolView = {
    byCategory: new Map(),
    onsite: new Map(),
    seniors: w(seniorIds.length ? seniorIds : meds.map((m) => m.id)),
    chiefs: new Map(),
    committees: new Map(),
  };
  for (const [cat, ids] of cats) {
    view.byCategory.set(cat, w(ids));
    const chiefs = ids.filter((id) => info.get(id)!.kind === "senior-mediator");
    if (chiefs.length) view.chiefs.set(cat, w(chiefs));
    for (const id of ids)
      for (const town of townsOf.get(id) ?? []) {
        const key = `${cat}|${town}`;
        const prev = view.onsite.get(key);
        view.onsite.set(key, w([...(prev?.items ?? []), id]));
      }
  }
  const members = new Map<number, number[]>();
  for (const row of db.select().from(committeeMembers).orderBy(committeeMembers.committeeId, committeeMembers.mediatorId).all())
    if (info.has(row.mediatorId)) members.set(row.committeeId, [...(members.get(row.committeeId) ?? []), row.mediatorId]);
  for (const row of db
    .select()
    .from(committeeCategories)
    .orderBy(committeeCategories.committeeId, committeeCategories.categorySlug)
    .all()) {
    const m = members.get(row.committeeId);
    if (m?.length)
      view.committees.set(row.categorySlug as CategorySlug, [
        ...(view.committees.get(row.categorySlug as CategorySlug) ?? []),
        { id: row.committeeId, members: m },
      ]);
  }
  return view;
}

// ── one case in memory ─────────────────────────────────────────────────────────────────────────────

interface Person {
  name: string;
  phone: string | null;
  userId?: number; // assigned at write time, in order of first filing
  firstAt?: number;
}
interface PartyPlan {
  side: PartySide;
  person: Person;
  account: boolean;
  consent: "accepted" | "refused" | null;
  consentAt: number | null;
  stars?: number;
  ratedAt?: number;
  comment?: string | null;
}
interface InstalmentPlan {
  dueOn: string;
  amountFen: number | null;
  result: FulfilmentResult | null;
  resultAt: number | null;
  remindedAt: number | null;
}
interface ObligationPlan {
  obligor: PartySide;
  description: string;
  amountFen: number | null;
  method: string | null;
  place: string | null;
  instalments: InstalmentPlan[];
}
interface CasePlan {
  createdAt: number;
  channel: CaseChannel;
  visits: number;
  town: TownSlug;
  category: CategorySlug;
  severity: Severity;
  death: boolean;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  mode: ModeSlug | null;
  mediatorId: number | null;
  committeeId: number | null;
  picks: number[];
  claimFen: number | null;
  description: string;
  agreedAt: number | null;
  startedAt: number | null;
  closedAt: number | null;
  windowStaff: number; // index into the window staff
  parties: PartyPlan[];
  agreement: { amountFen: number | null; madeAt: number; effectiveAt: number; obligations: ObligationPlan[] } | null;
  confirmation: { appliedOn: string; decidedOn: string; at: number } | null;
}

type Profile = { channel: CaseChannel; visits: number };

/** Closed cases' (channel, visits) classes with their exact shares: zero-visit, one-visit and channel hold together. */
function profileShares(): [Profile, number][] {
  const f = FIGURES_2018;
  const online = f.online / f.requests;
  const x = HISTORY_PARAMS.onlineOneVisit;
  return [
    [{ channel: "online", visits: 0 }, f.zeroVisitRate],
    [{ channel: "online", visits: 1 }, x],
    [{ channel: "online", visits: 2 }, online - f.zeroVisitRate - x],
    [{ channel: "window", visits: 1 }, f.oneVisitRate - x],
    [{ channel: "window", visits: 2 }, 1 - online - (f.oneVisitRate - x)],
  ];
}

/** The generated history's size and what it reproduces (the 2018 figures scaled to `cases`). */
export function historyTargets(casesCount: number) {
  const f = FIGURES_2018;
  const scale = (n: number) => Math.round((n * casesCount) / f.requests);
  const openPerState = Math.min(HISTORY_PARAMS.openPerState.max, Math.max(1, Math.round(casesCount / HISTORY_PARAMS.openPerState.per)));
  const open = casesCount >= 20 ? openPerState : 0;
  const confirmations = scale(f.judicialConfirmations);
  return {
    openPerState: open,
    closed: casesCount - 3 * open,
    majorCases: scale(f.majorCases),
    deathCompensation: scale(f.deathCompensation),
    islandOnlineMediations: scale(f.islandOnlineMediations),
    judicialConfirmations: confirmations,
    enforced: Math.min(confirmations, scale(f.enforced)),
  };
}

export interface HistoryResult {
  cases: number;
  open: number;
  users: number;
  ms: number;
}

/**
 * Writes a year of cases ending at `now` (epoch ms) for the pool in `db`, in one transaction with
 * batched inserts. Same pool, `cases`, `now` and `seed` → the same rows.
 */
export function generateHistory(
  db: Db,
  opts: {
    cases: number;
    now: number;
    seed?: number;
    /** Runs in the same transaction, after the rows are written. */ afterWrite?: (tx: Tx) => void;
  },
): HistoryResult {
  const started = performance.now();
  const n = Math.max(0, Math.floor(opts.cases));
  if (n === 0) return { cases: 0, open: 0, users: 0, ms: 0 };
  const r = new Rand(prng(opts.seed ?? 2018));
  const now = opts.now;
  // Index pages of a few hundred thousand rows do not fit SQLite's default 2 MB page cache.
  const cache = db.$client.pragma("cache_size", { simple: true }) as number;
  db.$client.pragma("cache_size = -131072");
  try {
    return write(db, r, n, now, started, opts.afterWrite);
  } finally {
    db.$client.pragma(`cache_size = ${cache}`);
  }
}

function write(db: Db, r: Rand, n: number, now: number, started: number, afterWrite?: (tx: Tx) => void): HistoryResult {
  return db.transaction(
    (tx) => {
      const pool = readPool(tx, r);
      const plans = planCases(r, pool, n, now);
      const written = writePlans(tx, plans, now);
      afterWrite?.(tx);
      return {
        cases: n,
        open: plans.filter((p) => p.status !== "closed").length,
        users: written.users,
        ms: Math.round(performance.now() - started),
      };
    },
    { behavior: "immediate" },
  );
}

// ── planning ───────────────────────────────────────────────────────────────────────────────────────

function planCases(r: Rand, pool: PoolView, n: number, now: number): CasePlan[] {
  const t = historyTargets(n);
  const days = HISTORY_PARAMS.days;
  const today = Math.floor((now + OFFSET) / DAY) * DAY - OFFSET; // local midnight of `now`
  const dayStart = (d: number) => today - (days - 1 - d) * DAY;
  const seasonal = new Map<CategorySlug, Weighted<number>>();
  for (const cat of CAT_SLUGS) {
    const season = HISTORY_PARAMS.seasons[cat] ?? {};
    seasonal.set(
      cat,
      weighted(
        Array.from({ length: days }, (_, d) => {
          const local = new Date(dayStart(d) + OFFSET);
          const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
          return [d, (weekend ? 0.6 : 1) * (season[local.getUTCMonth() + 1] ?? 1)] as [number, number];
        }),
      ),
    );
  }

  // Closed cases' (channel, visits) in exact shares; the major cases take 2+-visit ones (3+X panels meet).
  const shares = profileShares();
  const counts = quota(
    t.closed,
    shares.map((s) => s[1]),
  );
  const bag: Profile[] = r.shuffle(shares.flatMap(([p], i) => Array<Profile>(counts[i]).fill(p)));
  for (let i = 0; i < t.majorCases; i++)
    if (bag[i].visits < 2) {
      const j = bag.findIndex((p, k) => k >= t.majorCases && p.visits >= 2);
      [bag[i], bag[j]] = [bag[j], bag[i]];
    }

  const personPool: Person[] = [];
  const plans: CasePlan[] = [];
  for (let i = 0; i < t.closed; i++) {
    const p = bag[i];
    const major = i < t.majorCases;
    plans.push(planClosed(r, pool, { p, major, death: i < t.deathCompensation, now, dayStart, seasonal, personPool }));
  }
  const states: CaseStatus[] = ["submitted", "mediator-agreed", "in-mediation"];
  for (const status of states) for (let k = 0; k < t.openPerState; k++) plans.push(planOpen(r, pool, { status, now, personPool }));

  assignIslandModes(r, plans, t.islandOnlineMediations);
  for (const plan of plans) if (plan.outcome === "agreement") plan.agreement = planAgreement(r, plan, now);
  confirmAgreements(r, plans, t, now);
  rate(r, plans, now);
  return plans;
}

interface ClosedCtx {
  p: Profile;
  major: boolean;
  death: boolean;
  now: number;
  dayStart: (d: number) => number;
  seasonal: Map<CategorySlug, Weighted<number>>;
  personPool: Person[];
}

const townWeights = new Map<number, Weighted<TownSlug>>();
function townFor(r: Rand, bias: number): TownSlug {
  let w = townWeights.get(bias);
  if (!w) townWeights.set(bias, (w = weighted(TOWNS.map((t) => [t.slug, TOWN_POPULATION[t.slug] * (t.island ? bias : 1)]))));
  return r.weighted(w);
}

const categoryWeights = new Map<TownSlug, Weighted<CategorySlug>>();
function categoryFor(r: Rand, town: TownSlug): CategorySlug {
  let w = categoryWeights.get(town);
  if (!w) {
    const island = ISLAND.has(town);
    w = weighted(
      CAT_SLUGS.map((c) => {
        let x = CATEGORY_WEIGHTS[c];
        if (island && c === "maritime-fishery") x *= 4;
        if ((town === "putuoshan" || town === "zhujiajian") && c === "tourism") x *= 5;
        if (town === "liuheng" && (c === "migrant-workers" || c === "labour")) x *= 1.6; // shipyards
        return [c, x];
      }),
    );
    categoryWeights.set(town, w);
  }
  return r.weighted(w);
}

function applicant(r: Rand, personPool: Person[], online: boolean): Person {
  // Some people come back with another dispute within the year.
  if (online && personPool.length > 50 && r.chance(0.08)) return r.pick(personPool);
  const person = { name: personName(r), phone: r.chance(0.95) ? phone(r) : null };
  if (online) personPool.push(person);
  return person;
}

function respondentName(r: Rand, cat: CategorySlug, town: TownSlug): string {
  switch (cat) {
    case "labour":
    case "migrant-workers":
    case "construction":
    case "environment":
      return r.chance(0.85) ? firmName(r, town) : personName(r);
    case "consumer":
    case "tourism":
      return firmName(r, town, cat === "tourism" ? r.pick(["旅游开发", "民宿", "旅行社"]) : r.pick(["商贸", "电器", "健身"]));
    case "medical":
      return `${TOWN_ZH[town]}某医院`;
    case "property-management":
      return r.chance(0.6) ? firmName(r, town, "物业服务") : personName(r);
    case "contract-debt":
      return r.chance(0.6) ? personName(r) : firmName(r, town);
    default:
      return personName(r);
  }
}

function amount(r: Rand, cat: CategorySlug, death: boolean, major: boolean): number | null {
  if (death) return Math.round(r.between(600_000, 1_600_000) / 100) * 100 * 100;
  const a = AMOUNTS[cat];
  if (!major && !r.chance(a.money)) return null;
  const y = r.logNormal(a.median * (major ? 20 : 1), a.sigma);
  const step = y >= 10_000 ? 100 : 10;
  return Math.max(step, Math.round(y / step) * step) * 100;
}

function summaryOf(r: Rand, plan: Pick<CasePlan, "category" | "town" | "claimFen" | "death" | "severity">): string {
  let template: string;
  if (plan.death) template = r.pick(DEATH_SUMMARIES);
  else if (plan.severity !== "simple") template = MAJOR_SUMMARIES[plan.category]!;
  else {
    const all = SUMMARIES[plan.category];
    const fitting = all.filter((s) => s.includes("{amt}") === (plan.claimFen !== null));
    template = r.pick(fitting.length ? fitting : all);
  }
  return template
    .replace("{amt}", plan.claimFen === null ? "若干" : yuan(plan.claimFen))
    .replace("{firm}", firmName(r, plan.town))
    .replace("{n}", String(r.int(8, 40)));
}

function chooseMediator(r: Rand, pool: PoolView, plan: CasePlan): void {
  const committees = pool.committees.get(plan.category);
  if (plan.severity !== "simple") {
    // 3+X panel: a senior (chief) mediator leads it.
    plan.mediatorId = r.weighted(pool.chiefs.get(plan.category) ?? pool.seniors);
    return;
  }
  if (committees?.length && r.chance(HISTORY_PARAMS.committeeShare)) {
    const c = r.pick(committees);
    plan.committeeId = c.id;
    plan.mediatorId = r.pick(c.members);
    return;
  }
  const near = plan.mode === "onsite" ? pool.onsite.get(`${plan.category}|${plan.town}`) : undefined;
  const candidates = near ?? pool.byCategory.get(plan.category) ?? pool.seniors; // the fallback (兜底): a senior mediator
  plan.mediatorId = r.weighted(candidates);
  if (r.chance(HISTORY_PARAMS.pickShare)) {
    const picks = [plan.mediatorId];
    for (let k = r.int(0, 2); k > 0; k--) {
      const other = r.weighted(candidates);
      if (!picks.includes(other)) picks.push(other);
    }
    // Now and then the first pick declined or was struck and the second was agreed on.
    if (picks.length > 1 && r.chance(0.2)) [picks[0], picks[1]] = [picks[1], picks[0]];
    plan.picks = picks;
  }
}

function planClosed(r: Rand, pool: PoolView, c: ClosedCtx): CasePlan {
  const { p, major, death } = c;
  const bias =
    p.visits === 0
      ? HISTORY_PARAMS.islandBias.zeroVisit
      : p.channel === "window"
        ? HISTORY_PARAMS.islandBias.window
        : HISTORY_PARAMS.islandBias.online;
  const town = townFor(r, bias);
  const category: CategorySlug = death
    ? r.chance(0.55)
      ? "personal-injury"
      : "traffic-accident"
    : major
      ? MAJOR_CATEGORIES[r.int(0, MAJOR_CATEGORIES.length - 1)]
      : categoryFor(r, town);
  const severity: Severity = major && !death && GROUP_CATEGORIES.has(category) ? "group" : major ? "major" : "simple";
  // Major cases early in the year, so their instalments are all paid by now.
  const day = major ? r.int(0, HISTORY_PARAMS.days - 240) : r.weighted(c.seasonal.get(category)!);
  const createdAt = createdInstant(r, c.dayStart(day), p.channel, c.now);

  let outcome: CaseOutcome;
  const u = r.u();
  if (major) outcome = "agreement";
  else if (u < HISTORY_PARAMS.withdrawn) outcome = "withdrawn";
  else if (u < HISTORY_PARAMS.withdrawn + HISTORY_PARAMS.refused) outcome = "respondent-refused";
  else if (r.chance(AGREEMENT_RATE[category])) outcome = "agreement";
  else {
    const f = HISTORY_PARAMS.referral;
    const labour = category === "labour" || category === "migrant-workers";
    const v = r.u();
    outcome = labour
      ? v < f.labourArbitration
        ? "referred-arbitration"
        : v < f.labourArbitration + f.labourLitigation
          ? "referred-litigation"
          : "no-agreement"
      : v < f.litigation
        ? "referred-litigation"
        : "no-agreement";
  }
  const mediated = outcome !== "withdrawn" && outcome !== "respondent-refused";
  // Island zero-visit modes are settled later (the island online quota; most are on site, 上岛).
  const mode: ModeSlug | null = !mediated
    ? null
    : p.visits > 0
      ? "centre"
      : ISLAND.has(town) || !r.chance(HISTORY_PARAMS.mainlandOnline)
        ? "onsite"
        : "online";

  const claimFen = amount(r, category, death, major);
  const plan: CasePlan = {
    createdAt,
    channel: p.channel,
    visits: p.visits,
    town,
    category,
    severity,
    death,
    status: "closed",
    outcome,
    mode,
    mediatorId: null,
    committeeId: null,
    picks: [],
    claimFen,
    description: "",
    agreedAt: null,
    startedAt: null,
    closedAt: null,
    windowStaff: r.int(0, WINDOW_STAFF.length - 1),
    parties: [],
    agreement: null,
    confirmation: null,
  };
  plan.description = summaryOf(r, plan);

  // How long it took: on the spot at the window, days online, weeks for several sessions or a panel.
  const due = createdAt + DEFAULT_CASE_DAYS * DAY;
  let took: number;
  if (major) took = r.between(12, 29) * DAY;
  else if (outcome === "withdrawn") took = r.between(0.5, 10) * DAY;
  else if (outcome === "respondent-refused") took = r.between(0.5, 7) * DAY;
  else if (p.channel === "window" && p.visits === 1 && r.chance(0.7)) took = r.between(30, 240) * MINUTE;
  else if (p.visits >= 2) took = Math.min(29.5, Math.max(2, r.logNormal(12, 0.5))) * DAY;
  else took = Math.min(29, Math.max(0.2, r.logNormal(5, 0.7))) * DAY;
  let closedAt = createdAt + took;
  if (closedAt >= c.now) closedAt = createdAt + r.between(0.05, 0.95) * (c.now - createdAt);
  const latest = Math.min(due - MINUTE, c.now);
  plan.closedAt = daytime(r, Math.round(Math.min(closedAt, latest)), createdAt + 10 * MINUTE, latest);

  const refusedEarly = outcome === "respondent-refused" && r.chance(0.6);
  const withdrawnEarly = outcome === "withdrawn" && r.chance(0.4);
  if (!refusedEarly && !withdrawnEarly) {
    chooseMediator(r, pool, plan);
    plan.agreedAt = daytime(r, Math.round(createdAt + (plan.closedAt - createdAt) * r.between(0.02, 0.25)), createdAt, plan.closedAt);
    if (mediated || outcome === "withdrawn")
      plan.startedAt = daytime(
        r,
        Math.round(plan.agreedAt + (plan.closedAt - plan.agreedAt) * r.between(0.05, 0.6)),
        plan.agreedAt,
        plan.closedAt,
      );
  }
  plan.parties = parties(r, plan, c.personPool);
  return plan;
}

/** People act in the day: an instant at night moves into 9:00–18:00 of its day or the next, if that stays within [lo, hi]. */
function daytime(r: Rand, at: number, lo: number, hi: number): number {
  const local = (at + OFFSET) % DAY;
  if (local >= 8 * HOUR && local < 21 * HOUR) return at;
  const midnight = at - local;
  for (const day of local < 8 * HOUR ? [0, -1] : [1, 0]) {
    const moved = midnight + day * DAY + Math.round(r.between(9, 18) * HOUR);
    if (moved >= lo && moved <= hi) return moved;
  }
  return at;
}

function createdInstant(r: Rand, midnight: number, channel: CaseChannel, now: number): number {
  let at: number;
  if (channel === "window") {
    // Office hours on weekdays: a request that would fall on a weekend came in on the Friday before.
    const weekday = new Date(midnight + OFFSET).getUTCDay();
    const shift = weekday === 6 ? -1 : weekday === 0 ? -2 : 0;
    at = midnight + shift * DAY + r.between(8.5, 16.5) * HOUR;
  } else at = midnight + (r.chance(0.85) ? r.between(7, 22) : r.between(0, 24)) * HOUR;
  if (at >= now - HOUR) at = Math.max(midnight, now - HOUR) - r.between(0, 6) * HOUR;
  return Math.round(at);
}

function parties(r: Rand, plan: CasePlan, personPool: Person[]): PartyPlan[] {
  const online = plan.channel === "online";
  const out: PartyPlan[] = [
    { side: "applicant", person: applicant(r, personPool, online), account: online, consent: null, consentAt: null },
  ];
  if (plan.severity === "group")
    for (let k = r.int(2, 5); k > 0; k--)
      out.push({ side: "applicant", person: { name: personName(r), phone: phone(r) }, account: false, consent: null, consentAt: null });
  const answeredAt = plan.agreedAt ?? (plan.closedAt !== null ? plan.createdAt + (plan.closedAt - plan.createdAt) * 0.5 : null);
  const refused = plan.outcome === "respondent-refused";
  const answered = plan.status === "closed" || plan.status !== "submitted";
  const respondent = (name: string): PartyPlan => ({
    side: "respondent",
    person: { name, phone: r.chance(0.7) ? phone(r) : null },
    account: false,
    consent: !answered || (plan.outcome === "withdrawn" && plan.agreedAt === null) ? null : refused ? "refused" : "accepted",
    consentAt: !answered || answeredAt === null ? null : Math.round(answeredAt),
  });
  out.push(respondent(respondentName(r, plan.category, plan.town)));
  if ((plan.category === "traffic-accident" || plan.death) && r.chance(0.35)) out.push(respondent("某财产保险公司舟山中心支公司"));
  for (const party of out) if (party.consentAt === null) party.consent = null;
  return out;
}

function planOpen(r: Rand, pool: PoolView, c: { status: CaseStatus; now: number; personPool: Person[] }): CasePlan {
  const channel: CaseChannel = r.chance(0.92) ? "online" : "window";
  const town = townFor(r, channel === "online" ? HISTORY_PARAMS.islandBias.zeroVisit : HISTORY_PARAMS.islandBias.window);
  const category = categoryFor(r, town);
  const ageDays = c.status === "submitted" ? r.between(0.05, 3) : c.status === "mediator-agreed" ? r.between(2, 10) : r.between(5, 25);
  const createdAt = Math.round(c.now - ageDays * DAY);
  const plan: CasePlan = {
    createdAt,
    channel,
    visits: channel === "window" ? 1 : 0,
    town,
    category,
    severity: "simple",
    death: false,
    status: c.status,
    outcome: null,
    mode: null,
    mediatorId: null,
    committeeId: null,
    picks: [],
    claimFen: amount(r, category, false, false),
    description: "",
    agreedAt: null,
    startedAt: null,
    closedAt: null,
    windowStaff: r.int(0, WINDOW_STAFF.length - 1),
    parties: [],
    agreement: null,
    confirmation: null,
  };
  plan.description = summaryOf(r, plan);
  if (c.status === "in-mediation")
    plan.mode = ISLAND.has(town) ? (r.chance(0.5) ? "online" : "onsite") : r.chance(0.6) ? "online" : "centre";
  chooseMediator(r, pool, plan);
  if (c.status === "submitted") {
    // Not yet agreed: a committee has not assigned its member; an applicant's pick awaits the respondent.
    if (plan.committeeId === null && !plan.picks.length) plan.picks = [plan.mediatorId!];
    plan.mediatorId = null;
  } else {
    plan.agreedAt = Math.round(createdAt + (c.now - createdAt) * r.between(0.1, 0.5));
    if (c.status === "in-mediation") plan.startedAt = Math.round(plan.agreedAt + (c.now - plan.agreedAt) * r.between(0.1, 0.8));
  }
  plan.parties = parties(r, plan, c.personPool);
  return plan;
}

/** Island towns' zero-visit mediations: exactly the quota online (线上调), the rest on site (上岛). */
function assignIslandModes(r: Rand, plans: CasePlan[], online: number): void {
  const s = plans.filter((p) => p.status === "closed" && p.mode !== null && p.visits === 0 && ISLAND.has(p.town));
  r.shuffle(s).forEach((p, i) => (p.mode = i < online ? "online" : "onsite"));
}

function planAgreement(r: Rand, plan: CasePlan, now: number): NonNullable<CasePlan["agreement"]> {
  const madeAt = plan.closedAt!;
  const effectiveAt = madeAt + (plan.channel === "window" || plan.mode === "centre" ? 0 : Math.round(r.between(5, 180) * MINUTE));
  const agreedFen = plan.claimFen === null ? null : Math.round((plan.claimFen * r.between(0.6, 1)) / 10_000) * 10_000 || plan.claimFen;
  const obligationsOut: ObligationPlan[] = [];
  const madeOn = localDate(madeAt);
  const addDays = (days: number) => localDate(madeAt + days * DAY);
  if (agreedFen !== null) {
    let dues: string[];
    if (plan.severity !== "simple" ? r.chance(0.7) : r.chance(HISTORY_PARAMS.deferred)) {
      if (plan.severity !== "simple" || r.chance(HISTORY_PARAMS.multiInstalment)) {
        const k = r.int(2, 6);
        const first = r.chance(0.4) ? 0 : r.int(3, 15);
        dues = Array.from({ length: k }, (_, j) => addDays(first + 30 * j));
      } else dues = [addDays(r.int(7, 30))];
    } else dues = [madeOn];
    // Instalments in whole yuan, whole hundreds for larger sums; the last takes the remainder.
    const unit = agreedFen >= 1_000_000 ? 10_000 : 100;
    const each = Math.floor(agreedFen / dues.length / unit) * unit;
    const method = dues.length === 1 && dues[0] === madeOn ? r.pick(METHODS) : r.pick(METHODS.slice(0, 3));
    obligationsOut.push({
      obligor: "respondent",
      description: plan.death ? "支付死亡赔偿金、丧葬费等" : (PAYMENT[plan.category] ?? "支付赔偿款"),
      amountFen: agreedFen,
      method,
      place: method.startsWith("现金") ? "普陀区社会治理综合服务中心" : null,
      instalments: dues.map((dueOn, j) => ({
        ...instalmentResult(r, dueOn, madeAt, now, plan.severity !== "simple"),
        dueOn,
        amountFen: j === dues.length - 1 ? agreedFen - each * (dues.length - 1) : each,
      })),
    });
  }
  const nonMoney = NON_MONEY[plan.category];
  if (nonMoney && (agreedFen === null || r.chance(0.1))) {
    const dueOn = addDays(r.int(3, 30));
    obligationsOut.push({
      obligor: "respondent",
      description: nonMoney,
      amountFen: null,
      method: null,
      place: null,
      instalments: [{ ...instalmentResult(r, dueOn, madeAt, now, plan.severity !== "simple"), dueOn, amountFen: null }],
    });
  }
  if (!obligationsOut.length) {
    const dueOn = addDays(r.int(3, 15));
    obligationsOut.push({
      obligor: "respondent",
      description: "按协议约定履行并书面致歉",
      amountFen: null,
      method: null,
      place: null,
      instalments: [{ ...instalmentResult(r, dueOn, madeAt, now, false), dueOn, amountFen: null }],
    });
  }
  return { amountFen: agreedFen, madeAt, effectiveAt, obligations: obligationsOut };
}

function instalmentResult(
  r: Rand,
  dueOn: string,
  madeAt: number,
  now: number,
  mustFulfil: boolean,
): Omit<InstalmentPlan, "dueOn" | "amountFen"> {
  const end = endOfLocalDate(dueOn);
  const dueStart = end + 1 - DAY;
  if (end <= madeAt + DAY && dueStart <= madeAt)
    return { result: "on-time", resultAt: Math.min(now, madeAt + Math.round(r.between(1, 30) * MINUTE)), remindedAt: null };
  if (end > now) return { result: null, resultAt: null, remindedAt: null };
  if (!mustFulfil && end > now - 14 * DAY && r.chance(0.12)) return { result: null, resultAt: null, remindedAt: Math.min(now, end + HOUR) };
  if (r.chance(HISTORY_PARAMS.lateInstalment)) {
    const at = end + Math.round(r.between(1, 20) * DAY);
    if (at <= now) return { result: "late", resultAt: at, remindedAt: end + HOUR };
    if (!mustFulfil) return { result: null, resultAt: null, remindedAt: Math.min(now, end + HOUR) };
  }
  return {
    result: "on-time",
    resultAt: Math.round(Math.max(madeAt, dueStart + r.between(9, 17) * HOUR - r.int(0, 3) * DAY)),
    remindedAt: null,
  };
}

/** Judicial confirmation of agreements not fulfilled at once: the quota confirmed, of them the quota enforced. */
function confirmAgreements(r: Rand, plans: CasePlan[], t: ReturnType<typeof historyTargets>, now: number): void {
  const lastDue = (p: CasePlan) => Math.max(...p.agreement!.obligations.flatMap((o) => o.instalments.map((i) => endOfLocalDate(i.dueOn))));
  const deferred = (p: CasePlan) =>
    p.agreement!.obligations.some((o) => o.instalments.some((i) => i.dueOn !== localDate(p.agreement!.madeAt)));
  // Mostly agreements to pay: those first, then others (to remove a structure, to repair…).
  const candidates = r.shuffle(plans.filter((p) => p.agreement && deferred(p) && lastDue(p) < now - 45 * DAY));
  const eligible = [
    ...candidates.filter((p) => p.agreement!.amountFen !== null),
    ...candidates.filter((p) => p.agreement!.amountFen === null),
  ];
  const enforceable = eligible.filter((p) => p.severity === "simple" && lastDue(p) < now - 120 * DAY);
  const enforced = new Set(enforceable.slice(0, t.enforced));
  const onTime = eligible.filter((p) => !enforced.has(p)).slice(0, t.judicialConfirmations - enforced.size);
  for (const p of [...enforced, ...onTime]) {
    const a = p.agreement!;
    const applied = a.effectiveAt + Math.round(r.between(1, JUDICIAL_CONFIRMATION_DAYS - 5) * DAY);
    const decided = applied + Math.round(r.between(3, 15) * DAY);
    p.confirmation = { appliedOn: localDate(applied), decidedOn: localDate(Math.min(decided, now)), at: Math.min(decided, now) };
    const all = a.obligations.flatMap((o) => o.instalments);
    if (enforced.has(p)) {
      const deferredIdx = all.map((i, k) => (i.dueOn !== localDate(a.madeAt) ? k : -1)).filter((k) => k >= 0);
      const from = deferredIdx[r.int(0, deferredIdx.length - 1)];
      all.forEach((i, k) => {
        if (k < from) {
          if (i.result !== "on-time")
            Object.assign(i, { result: "on-time", resultAt: endOfLocalDate(i.dueOn) - 6 * HOUR, remindedAt: null });
        } else
          Object.assign(i, {
            result: "enforced",
            resultAt: Math.min(now, endOfLocalDate(i.dueOn) + Math.round(r.between(30, 100) * DAY)),
            remindedAt: endOfLocalDate(i.dueOn) + HOUR,
          });
      });
    } else
      for (const i of all)
        if (i.result !== "on-time")
          Object.assign(i, {
            result: "on-time",
            resultAt: endOfLocalDate(i.dueOn) - Math.round(r.between(6, 14) * HOUR),
            remindedAt: null,
          });
  }
}

/** Ratings: not every party rates; exactly the satisfaction share of those who do give 4–5 stars. */
function rate(r: Rand, plans: CasePlan[], now: number): void {
  const rated: { party: PartyPlan; plan: CasePlan }[] = [];
  const q = HISTORY_PARAMS.rating;
  for (const plan of plans) {
    if (plan.status !== "closed" || plan.outcome === "withdrawn" || plan.outcome === "respondent-refused") continue;
    for (const party of plan.parties) {
      const p = party.side === "respondent" ? q.respondent : party.account ? q.applicant : q.windowApplicant;
      if (party.side === "applicant" && !party.account && plan.channel === "online") continue; // group co-applicants
      if (!r.chance(p)) continue;
      party.ratedAt = Math.min(now, plan.closedAt! + Math.round(r.between(0.1, 72) * HOUR));
      rated.push({ party, plan });
    }
  }
  const low = Math.round(rated.length * (1 - FIGURES_2018.satisfactionRate));
  // The dissatisfied are mostly in mediations that failed.
  const order = rated
    .map((x, i) => ({ i, key: r.u() * (x.plan.outcome === "agreement" ? 1 : 0.1) }))
    .sort((a, b) => a.key - b.key || a.i - b.i);
  const lowSet = new Set(order.slice(0, low).map((o) => o.i));
  rated.forEach(({ party, plan }, i) => {
    if (lowSet.has(i)) {
      const v = r.u();
      party.stars = v < 0.6 ? 3 : v < 0.85 ? 2 : 1;
      party.comment = r.chance(0.6) ? r.pick(COMMENTS_LOW) : null;
    } else {
      party.stars = r.chance(plan.outcome === "agreement" ? q.fiveStars : q.fiveStars - 0.2) ? 5 : 4;
      party.comment = r.chance(0.2) ? r.pick(plan.visits === 0 ? COMMENTS_HIGH : COMMENTS_HIGH.slice(1)) : null;
    }
  });
}

// ── writing ────────────────────────────────────────────────────────────────────────────────────────

/**
 * One drizzle insert per table, prepared once with placeholders and run per row (inside the one
 * transaction). Measured on 100k rows: 0.37 s, against 1.5 s for multi-row `values([...])` batches,
 * whose cost is drizzle assembling the SQL of every batch, not SQLite.
 */
function insertAll(tx: Tx, table: SQLiteTable, rows: Record<string, unknown>[]): void {
  if (!rows.length) return;
  const keys = Object.keys(rows[0]);
  const statement = tx
    .insert(table)
    .values(Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])) as never)
    .prepare();
  for (const row of rows) statement.run(row);
}

function writePlans(tx: Tx, unsorted: CasePlan[], now: number): { users: number } {
  // Ids and numbers follow the order requests came in, as they would have.
  const plans = unsorted
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.createdAt - b.p.createdAt || a.i - b.i)
    .map((x) => x.p);
  const maxId = (name: string) => (tx.get<{ m: number | null }>(sql.raw(`select max(id) as m from ${name}`))?.m ?? 0) + 1;
  let userId = maxId("users");
  let caseId = maxId("cases");
  let partyId = maxId("case_parties");
  let eventId = maxId("case_events");
  let agreementId = maxId("agreements");
  let obligationId = maxId("obligations");
  let instalmentId = maxId("instalments");
  let confirmationId = maxId("judicial_confirmations");
  let ratingId = maxId("ratings");
  const seqs = new Map<number, number>();
  for (const row of tx.all<{ y: number; s: number }>(
    sql`select number_year as y, max(number_seq) as s from cases where number_year is not null group by number_year`,
  ))
    seqs.set(row.y, row.s);

  const periodStart = plans[0]?.createdAt ?? now;
  const userRows: Record<string, unknown>[] = [];
  const staffIds = WINDOW_STAFF.map((name) => {
    const id = userId++;
    userRows.push({
      id,
      email: `window-${id}@demo-history.invalid`,
      passwordHash: NO_LOGIN,
      name,
      phone: null,
      role: "staff",
      locale: "zh",
      createdAt: new Date(periodStart - DAY),
      updatedAt: new Date(periodStart - DAY),
    });
    return id;
  });
  const caseRows: Record<string, unknown>[] = [];
  const partyRows: Record<string, unknown>[] = [];
  const choiceRows: Record<string, unknown>[] = [];
  const eventRows: Record<string, unknown>[] = [];
  const agreementRows: Record<string, unknown>[] = [];
  const obligationRows: Record<string, unknown>[] = [];
  const instalmentRows: Record<string, unknown>[] = [];
  const confirmationRows: Record<string, unknown>[] = [];
  const ratingRows: Record<string, unknown>[] = [];

  for (const p of plans) {
    const id = caseId++;
    const year = localYear(p.createdAt);
    const seq = (seqs.get(year) ?? 0) + 1;
    seqs.set(year, seq);
    const number = caseNumber(year, seq);
    const staff = staffIds[p.windowStaff];
    const filer = p.parties[0];
    if (filer.account && filer.person.userId === undefined) {
      filer.person.userId = userId++;
      const at = new Date(p.createdAt - Math.round(10 * MINUTE));
      userRows.push({
        id: filer.person.userId,
        email: `party-${filer.person.userId}@demo-history.invalid`,
        passwordHash: NO_LOGIN,
        name: filer.person.name,
        phone: filer.person.phone,
        role: "party",
        locale: "zh",
        createdAt: at,
        updatedAt: at,
      });
    }
    const updatedAt = new Date(p.closedAt ?? p.startedAt ?? p.agreedAt ?? p.createdAt);
    caseRows.push({
      id,
      number,
      numberYear: year,
      numberSeq: seq,
      filedByUserId: filer.account ? filer.person.userId : staff,
      channel: p.channel,
      category: p.category,
      description: p.description,
      counterpartyName: null,
      town: p.town,
      amountFen: p.claimFen,
      severity: p.severity,
      status: p.status,
      outcome: p.outcome,
      mediatorId: p.mediatorId,
      committeeId: p.committeeId,
      dueAt: p.createdAt + DEFAULT_CASE_DAYS * DAY,
      closedAt: p.closedAt,
      mode: p.mode,
      visits: p.visits,
      outcomeNote: p.outcome ? (FAILURE_NOTES[p.outcome] ?? null) : null,
      createdAt: new Date(p.createdAt),
      updatedAt,
    });
    p.picks.forEach((mediatorId, k) => choiceRows.push({ caseId: id, list: "pick", mediatorId, rank: k + 1 }));

    const inPerson = p.channel === "window";
    for (const party of p.parties) {
      const pid = partyId++;
      const informedAt = party.side === "applicant" ? p.createdAt : (party.consentAt ?? null);
      partyRows.push({
        id: pid,
        caseId: id,
        side: party.side,
        name: party.person.name,
        phone: party.person.phone,
        userId: party.account ? party.person.userId : null,
        inviteCodeHash: null,
        invitedAt: party.side === "respondent" ? p.createdAt + Math.round(5 * MINUTE) : null,
        informedAt,
        consent: party.consent,
        consentAt: party.consentAt,
        consentRecordedBy: party.consent && inPerson ? staff : null,
        agreementAckAt: p.agreement ? p.agreement.effectiveAt : null,
      });
      if (party.stars !== undefined)
        ratingRows.push({
          id: ratingId++,
          caseId: id,
          casePartyId: pid,
          stars: party.stars,
          comment: party.comment ?? null,
          at: party.ratedAt,
          hiddenAt: null,
          hiddenReason: null,
          hiddenBy: null,
        });
    }

    // The audit log, in the case model's words: filed, mediator agreed, mediation started, closed, rated.
    const aid = p.agreement ? agreementId++ : null;
    const log = (at: number, who: { actor: string; actorUserId: number | null }, event: string, before: object | null, after: object) =>
      eventRows.push({ id: eventId++, caseId: id, at, ...who, event, before, after });
    const filedBy = filer.account ? { actor: "applicant", actorUserId: filer.person.userId! } : { actor: "staff", actorUserId: staff };
    const byStaff = { actor: "staff", actorUserId: staff };
    const byMediator = { actor: "mediator", actorUserId: null };
    log(p.createdAt, filedBy, "filed", null, {
      number,
      channel: p.channel,
      category: p.category,
      severity: p.severity,
      picks: p.picks,
      respondents: p.parties.filter((x) => x.side === "respondent").length,
    });
    if (p.agreedAt !== null) {
      const how =
        p.committeeId !== null
          ? "the committee assigned its member"
          : p.severity !== "simple"
            ? "3+X panel led by a senior mediator"
            : p.picks.length
              ? "respondent accepted the applicant's pick"
              : "dispatched by the centre";
      const who = p.committeeId !== null || inPerson || !p.picks.length ? byStaff : { actor: "respondent", actorUserId: null };
      log(
        p.agreedAt,
        who,
        "mediator-agreed",
        { status: "submitted", mediatorId: null },
        { status: "mediator-agreed", mediatorId: p.mediatorId, how },
      );
    }
    if (p.startedAt !== null) log(p.startedAt, byMediator, "mediation-started", { status: "mediator-agreed" }, { status: "in-mediation" });
    if (p.status === "closed") {
      const before = { status: p.startedAt !== null ? "in-mediation" : p.agreedAt !== null ? "mediator-agreed" : "submitted" };
      if (p.outcome === "withdrawn") log(p.closedAt!, filedBy, "withdrawn", before, { status: "closed", outcome: p.outcome });
      else if (p.outcome === "respondent-refused")
        log(p.closedAt!, inPerson ? byStaff : { actor: "respondent", actorUserId: null }, "refused", before, {
          status: "closed",
          outcome: p.outcome,
          recordedBy: inPerson ? staff : null,
        });
      else
        log(p.closedAt!, byMediator, "outcome", before, {
          status: "closed",
          outcome: p.outcome,
          visits: p.visits,
          agreementId: aid,
          obligations: p.agreement?.obligations.length ?? 0,
        });
    }
    if (p.confirmation) log(p.confirmation.at, byStaff, "judicial-confirmation", null, { court: COURT, result: "confirmed" });
    for (const party of p.parties)
      if (party.stars !== undefined)
        log(party.ratedAt!, { actor: party.side, actorUserId: party.account ? party.person.userId! : null }, "rated", null, {
          stars: party.stars,
        });

    if (p.agreement && aid !== null) {
      const a = p.agreement;
      agreementRows.push({
        id: aid,
        caseId: id,
        facts: p.description,
        responsibility: p.death ? "经3+X会商研判，双方在查明事实、分清责任的基础上自愿达成协议" : "双方在调解员主持下自愿达成协议",
        amountFen: a.amountFen,
        madeAt: a.madeAt,
        effectiveAt: a.effectiveAt,
      });
      for (const o of a.obligations) {
        const oid = obligationId++;
        obligationRows.push({
          id: oid,
          agreementId: aid,
          obligor: o.obligor,
          description: o.description,
          amountFen: o.amountFen,
          method: o.method,
          place: o.place,
        });
        o.instalments.forEach((i, k) =>
          instalmentRows.push({
            id: instalmentId++,
            obligationId: oid,
            seq: k + 1,
            dueOn: i.dueOn,
            amountFen: i.amountFen,
            result: i.result,
            resultAt: i.resultAt,
            remindedAt: i.remindedAt,
          }),
        );
      }
    }
    if (p.confirmation) {
      const c = p.confirmation;
      confirmationRows.push({
        id: confirmationId++,
        caseId: id,
        court: COURT,
        appliedOn: c.appliedOn,
        reference: `（${c.decidedOn.slice(0, 4)}）浙0903民特${String(confirmationRows.length + 1).padStart(3, "0")}号`,
        decidedOn: c.decidedOn,
        result: "confirmed",
        createdAt: new Date(endOfLocalDate(c.appliedOn) - 8 * HOUR),
        updatedAt: new Date(c.at),
      });
    }
  }

  insertAll(tx, users, userRows);
  insertAll(tx, cases, caseRows);
  insertAll(tx, caseParties, partyRows);
  insertAll(tx, caseChoices, choiceRows);
  insertAll(tx, caseEvents, eventRows);
  insertAll(tx, agreements, agreementRows);
  insertAll(tx, obligations, obligationRows);
  insertAll(tx, instalments, instalmentRows);
  insertAll(tx, judicialConfirmations, confirmationRows);
  insertAll(tx, ratings, ratingRows);
  return { users: userRows.length };
}
