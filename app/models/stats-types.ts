// The shape of the centre's figures (docs/case-figures.md), shared by the model that computes them
// from case rows and the pages, charts and CSV that show them. Rates are fractions 0–1, null when the
// denominator is 0.

import { CASE_OUTCOMES, type CaseOutcome } from "../../domain";

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

/** The rows of the major-case table: the two severities of a 3+X panel, and the death-compensation cases. */
export const SEVERE_KINDS = ["major", "group", "deathCompensation"] as const;
export type SevereKind = (typeof SEVERE_KINDS)[number];

/** Cases of one kind closed in the period: how many, per outcome, and agreements fulfilled in full. */
export interface SevereFigures {
  closed: number;
  outcomes: Record<CaseOutcome, number>;
  fulfilled: number;
}

export const noSevereFigures = (): SevereFigures => ({
  closed: 0,
  outcomes: Object.fromEntries(CASE_OUTCOMES.map((o) => [o, 0])) as Record<CaseOutcome, number>,
  fulfilled: 0,
});
export const noSevereCases = (): Record<SevereKind, SevereFigures> => ({
  major: noSevereFigures(),
  group: noSevereFigures(),
  deathCompensation: noSevereFigures(),
});

export interface CentreStats extends CentreFigures {
  from: string; // YYYY-MM-DD, Asia/Shanghai, inclusive
  to: string; // YYYY-MM-DD, inclusive
  /** Major and group cases (and the death-compensation ones, whatever their severity) closed in the period. */
  severeCases: Record<SevereKind, SevereFigures>;
  /** Major and group cases closed in the period whose agreement is fulfilled in full. */
  majorFulfilled: number;
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
