// Planning the demo history in memory (db/demo-history.ts writes it): each case's channel, visits,
// town, category, dates, outcome, mediator, parties, agreement, confirmation and ratings, drawn from a
// seeded PRNG with the quotas that make the 2018 figures hold exactly. Pure: no database, no clock.
import {
  caseDaysFor,
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
import {
  COMMENTS_HIGH,
  COMMENTS_LOW,
  DEATH_SUMMARIES,
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
  AGREEMENT_RATE,
  AMOUNTS,
  CATEGORY_WEIGHTS,
  FIGURES_2018,
  HISTORY_PARAMS,
  TOWN_POPULATION,
  historyTargets,
  profileShares,
  type Profile,
} from "./demo-history-params";

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const OFFSET = 8 * HOUR; // Asia/Shanghai: UTC+8 all year since 1991
const ISLAND = new Set<string>(TOWNS.filter((t) => t.island).map((t) => t.slug));
const TOWN_ZH = Object.fromEntries(TOWNS.map((t) => [t.slug, t.zh.replace(/(街道|镇)$/, "")])) as Record<TownSlug, string>;
const CAT_SLUGS = CATEGORIES.map((c) => c.slug);
export const localDate = (ms: number) => new Date(ms + OFFSET).toISOString().slice(0, 10);
export const localYear = (ms: number) => new Date(ms + OFFSET).getUTCFullYear();
/** The instant a local date ends (its last millisecond). */
export const endOfLocalDate = (date: string) => Date.parse(`${date}T00:00:00Z`) - OFFSET + DAY - 1;

// ── the random source ──────────────────────────────────────────────────────────────────────────────

export class Rand {
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

export interface Weighted<T> {
  items: T[];
  cum: number[];
  total: number;
}
export function weighted<T>(pairs: [T, number][]): Weighted<T> {
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

const yuan = (fen: number) => `${Math.round(fen / 100)}元`;

export interface PoolView {
  byCategory: Map<CategorySlug, Weighted<number>>;
  onsite: Map<string, Weighted<number>>; // `${category}|${town}` → mediators serving that town on site
  seniors: Weighted<number>;
  chiefs: Map<CategorySlug, Weighted<number>>;
  committees: Map<CategorySlug, { id: number; members: number[] }[]>;
}

// ── one case in memory ─────────────────────────────────────────────────────────────────────────────

interface Person {
  name: string;
  phone: string | null;
  userId?: number; // assigned at write time, in order of first filing
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
export interface CasePlan {
  createdAt: number;
  channel: CaseChannel;
  visits: number;
  town: TownSlug;
  category: CategorySlug;
  severity: Severity;
  death: boolean;
  status: CaseStatus;
  /** Due by the category's days (caseDaysFor, as filing does): labour 15, the rest 30. */
  dueAt: number;
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
  agreement: { amountFen: number | null; madeAt: number; effectiveAt: number | null; obligations: ObligationPlan[] } | null;
  confirmation: { appliedOn: string; decidedOn: string; at: number } | null;
}

// ── planning ───────────────────────────────────────────────────────────────────────────────────────

export function planCases(r: Rand, pool: PoolView, n: number, now: number): CasePlan[] {
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
      if (j >= 0) [bag[i], bag[j]] = [bag[j], bag[i]];
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
    dueAt: createdAt + caseDaysFor(category) * DAY,
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

  // How long it took: on the spot at the window, days online, weeks for several sessions or a panel;
  // drawn for the usual 30 days and shrunk to a category with fewer (labour's 15), so every case still
  // closes within its own due date.
  const due = plan.dueAt;
  const fit = caseDaysFor(category) / DEFAULT_CASE_DAYS;
  let took: number;
  if (major) took = r.between(12, 29) * fit * DAY;
  else if (outcome === "withdrawn") took = r.between(0.5, 10) * fit * DAY;
  else if (outcome === "respondent-refused") took = r.between(0.5, 7) * fit * DAY;
  else if (p.channel === "window" && p.visits === 1 && r.chance(0.7)) took = r.between(30, 240) * MINUTE;
  else if (p.visits >= 2) took = Math.min(29.5, Math.max(2, r.logNormal(12, 0.5))) * fit * DAY;
  else took = Math.min(29, Math.max(0.2, r.logNormal(5, 0.7))) * fit * DAY;
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
  // A refusal is the answer that closed the case; an acceptance is what agreed the mediator.
  const refused = plan.outcome === "respondent-refused";
  const answeredAt = refused ? plan.closedAt : plan.agreedAt;
  const answered = plan.status !== "submitted";
  const respondent = (name: string): PartyPlan => ({
    side: "respondent",
    person: { name, phone: r.chance(0.7) ? phone(r) : null },
    account: false,
    consent: refused ? "refused" : "accepted",
    consentAt: answered ? answeredAt : null,
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
  // Ages drawn for the usual 30 days, shrunk to the category's own (none is overdue at now).
  const days = caseDaysFor(category);
  const fit = days / DEFAULT_CASE_DAYS;
  const ageDays =
    (c.status === "submitted" ? r.between(0.05, 3) : c.status === "mediator-agreed" ? r.between(2, 10) : r.between(5, 25)) * fit;
  const createdAt = daytime(r, Math.round(c.now - ageDays * DAY), c.now - (days - 1) * DAY, c.now - 10 * MINUTE);
  const plan: CasePlan = {
    createdAt,
    channel,
    visits: channel === "window" ? 1 : 0,
    town,
    category,
    severity: "simple",
    death: false,
    status: c.status,
    dueAt: createdAt + days * DAY,
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
    plan.agreedAt = daytime(r, Math.round(createdAt + (c.now - createdAt) * r.between(0.1, 0.5)), createdAt, c.now);
    if (c.status === "in-mediation")
      plan.startedAt = daytime(r, Math.round(plan.agreedAt + (c.now - plan.agreedAt) * r.between(0.1, 0.8)), plan.agreedAt, c.now);
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
  // Signed on the spot at the centre; acknowledged online within hours (not yet, when that is after now).
  const acknowledged = madeAt + (plan.channel === "window" || plan.mode === "centre" ? 0 : Math.round(r.between(5, 180) * MINUTE));
  const effectiveAt = acknowledged <= now ? acknowledged : null;
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
    const applied = (a.effectiveAt ?? a.madeAt) + Math.round(r.between(1, JUDICIAL_CONFIRMATION_DAYS - 5) * DAY);
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
            // The court enforces after the due date passed unpaid and after it confirmed the agreement.
            resultAt: Math.min(now, Math.max(endOfLocalDate(i.dueOn), decided + 10 * DAY) + Math.round(r.between(30, 100) * DAY)),
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
