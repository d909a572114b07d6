// The shape of the centre's figures (docs/case-figures.md), shared by the model that computes them
// from case rows and the pages, charts and CSV that show them. Rates are fractions 0–1, null when the
// denominator is 0.

export const STATS_GROUPS = ["month", "category", "town", "pool", "channel"] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

export interface CentreFigures {
  handled: number;
  online: number;
  inPerson: number;
  closed: number;
  mediated: number;
  zeroVisitRate: number | null;
  oneVisitRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  agreementRate: number | null;
  fulfilmentRate: number | null;
  judicialConfirmations: number;
  fulfilledOnTimeAfterConfirmation: number;
  enforced: number;
  majorCases: number;
  majorAgreed: number;
  islandOnlineMediations: number;
}

export interface CentreStats extends CentreFigures {
  from: string; // YYYY-MM-DD, Asia/Shanghai, inclusive
  to: string; // YYYY-MM-DD, inclusive
  groupBy?: StatsGroup;
  /** One entry per group value present in the period, in a stable order (months ascending). */
  groups?: ({ key: string } & CentreFigures)[];
}

export interface MediatorRecord {
  closed: number;
  agreements: number;
  agreementRate: number | null;
  fulfilmentRate: number | null;
  judicialConfirmations: number;
  medianDaysToClose: number | null;
  satisfaction: number | null;
  ratings: number;
  /** The small-sample-safe ranking score (ADR 014), 0–1. */
  score: number;
  /** The period the figures cover. */
  from: string;
  to: string;
}
