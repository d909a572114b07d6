// The distribution parameters of the demo history (db/demo-history.ts): the centre's 2018 table and
// our assumptions where the article gives none (docs/performance.md, "Demo history", says why).
import type { CaseChannel, CategorySlug, TownSlug } from "../domain";

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
export const TOWN_POPULATION: Record<TownSlug, number> = {
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
export const CATEGORY_WEIGHTS: Record<CategorySlug, number> = {
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
export const AMOUNTS: Record<CategorySlug, { median: number; sigma: number; money: number }> = {
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
export const AGREEMENT_RATE: Record<CategorySlug, number> = {
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

export type Profile = { channel: CaseChannel; visits: number };

/** Closed cases' (channel, visits) classes with their exact shares: zero-visit, one-visit and channel hold together. */
export function profileShares(): [Profile, number][] {
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

/**
 * The generated history's size and what it reproduces (the 2018 figures scaled to `cases`): what the
 * generator plans to and what the dashboard shows as the seed's figure beside the 2018 table.
 */
export function historyTargets(casesCount: number) {
  const f = FIGURES_2018;
  const scale = (n: number) => Math.round((n * casesCount) / f.requests);
  const openPerState = Math.min(HISTORY_PARAMS.openPerState.max, Math.max(1, Math.round(casesCount / HISTORY_PARAMS.openPerState.per)));
  const open = casesCount >= 20 ? openPerState : 0;
  const confirmations = scale(f.judicialConfirmations);
  const enforced = Math.min(confirmations, scale(f.enforced));
  return {
    requests: casesCount,
    online: scale(f.online),
    inPerson: casesCount - scale(f.online),
    openPerState: open,
    closed: casesCount - 3 * open,
    // Shares of the closed cases (profileShares), every one closed by its due date, ratings' share satisfied.
    zeroVisitRate: f.zeroVisitRate,
    oneVisitRate: f.oneVisitRate,
    onTimeRate: f.onTimeRate,
    satisfactionRate: f.satisfactionRate,
    // Every major case agreed and fulfilled.
    majorCases: scale(f.majorCases),
    deathCompensation: scale(f.deathCompensation),
    islandOnlineMediations: scale(f.islandOnlineMediations),
    judicialConfirmations: confirmations,
    fulfilledOnTimeAfterConfirmation: confirmations - enforced,
    enforced,
  };
}
