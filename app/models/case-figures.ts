// The one implementation of docs/case-figures.md: what a closed, mediated, agreed, fulfilled, on-time…
// case is, as SQL fragments over the case tables, and the few pure helpers (rates, medians, local
// months) the figures need. The records projection (records.server.ts) and the centre's stats
// (stats.server.ts) build their queries from these; neither spells a definition again.
//
// Every fragment takes the `cases` table it is about (the table itself, or an `alias(cases, "c")`), so
// a query may join or alias it freely; correlated subqueries reach the agreement, its instalments, the
// judicial confirmation and the ratings through that table's `id`.
import { sql, type SQL } from "drizzle-orm";
import { agreements, cases, instalments, judicialConfirmations, obligations, ratings } from "../../db/schema";
import type { CaseOutcome, FulfilmentResult } from "../../domain";
import { CENTRE_OFFSET_MS, SATISFIED_MIN_STARS } from "../../domain/record";

export { addMonths, CENTRE_OFFSET_MS, localMonth, recordWindow } from "../../domain/record";

/** The cases table or an alias of it. */
export type CasesTable = typeof cases;

/** Outcomes that count as mediated: a withdrawn request or a refusal is nobody's failure. */
export const MEDIATED_OUTCOMES = [
  "agreement",
  "no-agreement",
  "referred-arbitration",
  "referred-litigation",
] as const satisfies readonly CaseOutcome[];

/** Instalment results that fulfil it (late still fulfils; enforcement does not). */
export const FULFILLED_RESULTS = ["on-time", "late"] as const satisfies readonly FulfilmentResult[];
/** Instalment results that mean the court was asked to enforce. */
export const ENFORCED_RESULTS = ["enforcement-requested", "enforced"] as const satisfies readonly FulfilmentResult[];

/** Severities counted as major/group cases (the 3+X panel's). */
export const MAJOR_SEVERITIES = ["major", "group"] as const;

const MS_PER_DAY = 86_400_000;
const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** SQL 0/1 of a condition, for `sum(...)`. */
export const flag = (condition: SQL): SQL<number> => sql<number>`(case when ${condition} then 1 else 0 end)`;

// ── per case ───────────────────────────────────────────────────────────────────────────────────────

/** The case is closed (it has a closing instant; only closed cases carry an outcome). */
export const closedSql = (c: CasesTable = cases): SQL => sql`(${c.status} = 'closed' and ${c.closedAt} is not null)`;

/** Mediated: closed with an outcome in MEDIATED_OUTCOMES. The denominator of the agreement rate. */
export const mediatedSql = (c: CasesTable = cases): SQL => sql`(${closedSql(c)} and ${c.outcome} in (${list(MEDIATED_OUTCOMES)}))`;

/** An agreement (调解成功): closed with outcome `agreement`. The agreement rate's numerator. */
export const agreementSql = (c: CasesTable = cases): SQL => sql`(${closedSql(c)} and ${c.outcome} = 'agreement')`;

/** On time (按时办结): closed at or before its due instant. A case without a due instant is not on time. */
export const onTimeSql = (c: CasesTable = cases): SQL => sql`(${closedSql(c)} and ${c.dueAt} is not null and ${c.closedAt} <= ${c.dueAt})`;

/** Zero visits (零跑) and one visit (只跑一次) of a closed case. */
export const zeroVisitSql = (c: CasesTable = cases): SQL => sql`(${closedSql(c)} and ${c.visits} = 0)`;
export const oneVisitSql = (c: CasesTable = cases): SQL => sql`(${closedSql(c)} and ${c.visits} = 1)`;

/** A major or group case (severity), whatever its outcome. */
export const majorSql = (c: CasesTable = cases): SQL => sql`(${c.severity} in (${list(MAJOR_SEVERITIES)}))`;

/** Milliseconds from filing to closing (integer, exact: sums of it compare equal however they are made). */
export const msToCloseSql = (c: CasesTable = cases): SQL<number> => sql<number>`(${c.closedAt} - ${c.createdAt})`;

/** Days from filing to closing (real). */
export const daysToCloseSql = (c: CasesTable = cases): SQL<number> => sql<number>`((${c.closedAt} - ${c.createdAt}) / ${MS_PER_DAY}.0)`;

/** "YYYY-MM" in Asia/Shanghai of an epoch-ms column or expression. */
export const localMonthSql = (ms: SQL | SQL.Aliased | CasesTable["closedAt"]): SQL<string> =>
  sql<string>`strftime('%Y-%m', (${ms} + ${CENTRE_OFFSET_MS}) / 1000, 'unixepoch')`;

/** "YYYY-MM-DD" in Asia/Shanghai of an epoch-ms column or expression. */
export const localDateSql = (ms: SQL | CasesTable["closedAt"]): SQL<string> =>
  sql<string>`strftime('%Y-%m-%d', (${ms} + ${CENTRE_OFFSET_MS}) / 1000, 'unixepoch')`;

// ── the agreement's fulfilment and judicial confirmation ───────────────────────────────────────────

/** The instalments of the case's agreement, with a condition on them (`true` for all). */
const instalmentsWhere = (c: CasesTable, condition: SQL) =>
  sql`(select 1 from ${instalments}
        join ${obligations} on ${obligations.id} = ${instalments.obligationId}
        join ${agreements} on ${agreements.id} = ${obligations.agreementId}
       where ${agreements.caseId} = ${c.id} and ${condition})`;

/**
 * Fulfilment decided (the fulfilment rate's denominator): an agreement every instalment of which has a
 * result. An agreement with no instalment at all has nothing to fulfil and is left out of the rate.
 */
export const fulfilmentDecidedSql = (c: CasesTable = cases): SQL =>
  sql`(${agreementSql(c)} and exists ${instalmentsWhere(c, sql`1 = 1`)}
       and not exists ${instalmentsWhere(c, sql`${instalments.result} is null`)})`;

/** Fulfilled (履行): an agreement every instalment of which is `on-time` or `late`. */
export const fulfilledSql = (c: CasesTable = cases): SQL =>
  sql`(${agreementSql(c)} and exists ${instalmentsWhere(c, sql`1 = 1`)}
       and not exists ${instalmentsWhere(c, sql`(${instalments.result} is null or ${instalments.result} not in (${list(FULFILLED_RESULTS)}))`)})`;

/** Fulfilled on time: an agreement every instalment of which is `on-time`. */
export const fulfilledOnTimeSql = (c: CasesTable = cases): SQL =>
  sql`(${agreementSql(c)} and exists ${instalmentsWhere(c, sql`1 = 1`)}
       and not exists ${instalmentsWhere(c, sql`(${instalments.result} is null or ${instalments.result} <> 'on-time')`)})`;

/** Enforced: an agreement with an instalment whose result is `enforcement-requested` or `enforced`. */
export const enforcedSql = (c: CasesTable = cases): SQL =>
  sql`(${agreementSql(c)} and exists ${instalmentsWhere(c, sql`${instalments.result} in (${list(ENFORCED_RESULTS)})`)})`;

/** The case's agreement was judicially confirmed (result `confirmed`), whenever it was decided. */
export const judiciallyConfirmedSql = (c: CasesTable = cases): SQL =>
  sql`exists (select 1 from ${judicialConfirmations}
              where ${judicialConfirmations.caseId} = ${c.id} and ${judicialConfirmations.result} = 'confirmed')`;

/**
 * Judicial confirmations are dated by `decided_on` (a local date, YYYY-MM-DD): this is the condition
 * on the judicial_confirmations table itself, for counting confirmations decided in a period.
 */
export const confirmationSql = (): SQL =>
  sql`(${judicialConfirmations.result} = 'confirmed' and ${judicialConfirmations.decidedOn} is not null)`;

/** "YYYY-MM" of the confirmation's decision. */
export const confirmationMonthSql = (): SQL<string> => sql<string>`substr(${judicialConfirmations.decidedOn}, 1, 7)`;

// ── ratings ────────────────────────────────────────────────────────────────────────────────────────

/** A satisfied rating (满意): SATISFIED_MIN_STARS (4) or more. Ratings count for the period their case closed in. */
export const satisfiedRatingSql = (): SQL => sql`(${ratings.stars} >= ${SATISFIED_MIN_STARS})`;

/** Number of ratings of the case, and the sum of their stars (the projection's; satisfaction is a share, above). */
export const ratingsCountSql = (c: CasesTable = cases): SQL<number> =>
  sql<number>`(select count(*) from ${ratings} where ${ratings.caseId} = ${c.id})`;
export const starsSumSql = (c: CasesTable = cases): SQL<number> =>
  sql<number>`(select coalesce(sum(${ratings.stars}), 0) from ${ratings} where ${ratings.caseId} = ${c.id})`;

// ── pure helpers ───────────────────────────────────────────────────────────────────────────────────

/** A rate 0–1, null when there is nothing to divide by. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** The median (mean of the middle two for an even count), null for none. Does not change `values`. */
export function medianDays(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Days of a millisecond span. */
export const msToDays = (ms: number): number => ms / MS_PER_DAY;
