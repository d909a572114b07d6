// The centre's figures (docs/case-figures.md) for a period, whole and grouped: what the staff dashboard,
// its CSV and GET /api/v1/stats show. Every definition comes from case-figures.ts; this module only
// says which rows a figure is dated by and how they are grouped, and adds them up in SQL (one GROUP BY
// query per dating: filed, closed, rated, confirmed), so a year of 45,000 cases costs a few queries,
// not a loop over rows. Staff and admins only.
import { and, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { DateTime } from "luxon";
import { z } from "zod";
import { agreements, cases, instalments, judicialConfirmations, mediators, obligations, ratings, SEVERE_CASE_WHERE, towns } from "../../db/schema";
import { CASE_CHANNELS, CATEGORY_SLUGS, CENTRE_TIMEZONE, MEDIATOR_KINDS, TOWN_SLUGS } from "../../domain";
import { satisfactionShare } from "../../domain/record";
import { localMidnightOf } from "../../domain/zone";
import { historyTargets } from "../../db/demo-history-params";
import { getDb } from "../db.server";
import type { User } from "./auth.server";
import {
  addMonths,
  agreementSql,
  closedSql,
  confirmationMonthSql,
  confirmationSql,
  enforcedSql,
  flag,
  FULFILLED_RESULTS,
  fulfilledOnTimeSql,
  localMonth,
  localMonthSql,
  majorSql,
  mediatedSql,
  oneVisitSql,
  onTimeSql,
  rate,
  satisfiedRatingSql,
  zeroVisitSql,
} from "./case-figures";
import { DomainError } from "./errors";
import { ISSUES } from "./issues";
import {
  noSevereCases,
  STATS_GROUPS,
  type CentreFigures,
  type CentreStats,
  type SevereFigures,
  type SevereKind,
  type StatsGroup,
} from "./stats-types";

/** Longest period one request may ask for (grouped by month: 60 groups). */
export const MAX_STATS_DAYS = 5 * 366;
/** The group of a case that has none of that kind (no town recorded; no mediator agreed yet). */
export const NO_GROUP = "none";
/** Pools as case-figures.md names them: the agreed mediator's kind, or `committee`. */
export const STATS_POOLS = [...MEDIATOR_KINDS, "committee"] as const;

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, ISSUES.dateFormat)
  .refine((d) => DateTime.fromISO(d).isValid, ISSUES.dateUnreal);

const real = (...dates: string[]) => dates.every((d) => date.safeParse(d).success);

/** The centre's calendar date at `now`. */
export const centreDate = (now: number): string => DateTime.fromMillis(now, { zone: CENTRE_TIMEZONE }).toISODate()!;

/** This year so far: 1 January to today at the centre. */
export function thisYear(now: number): { from: string; to: string } {
  const today = centreDate(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The last 12 months: the first day of the month 11 months back to today (12 calendar months). */
export function last12Months(now: number): { from: string; to: string } {
  const today = centreDate(now);
  return { from: `${addMonths(today.slice(0, 7), -11)}-01`, to: today };
}

/** A whole calendar month, "YYYY-MM". */
export function wholeMonth(month: string): { from: string; to: string } {
  const first = DateTime.fromISO(`${month}-01`, { zone: CENTRE_TIMEZONE });
  return { from: first.toISODate()!, to: first.endOf("month").toISODate()! };
}

/**
 * The stats API's query: `from`/`to` (local dates, inclusive; this year so far unless given) and
 * `groupBy`. The schema reads no clock: the caller passes `now` to get the defaults.
 */
export const statsQuerySchema = (now: number) => {
  const year = thisYear(now);
  return (
    z
      .object({ from: date.default(year.from), to: date.default(year.to), groupBy: z.enum(STATS_GROUPS).optional() })
      .strict()
      // Judged only between two real dates (a bad date has its own message already).
      .refine((v) => !real(v.from, v.to) || v.to >= v.from, { path: ["to"], message: ISSUES.toBeforeFrom })
      .refine((v) => !real(v.from, v.to) || DateTime.fromISO(v.to).diff(DateTime.fromISO(v.from), "days").days < MAX_STATS_DAYS, {
        path: ["to"],
        // TODO(issues): a code of its own ("at most 5 years"); range_too_long's words say 62 days.
        message: `At most ${MAX_STATS_DAYS} days`,
      })
  );
};
export type StatsQuery = z.output<ReturnType<typeof statsQuerySchema>>;

// TODO(case-figures): move — the island-town figure and the pool grouping are definitions of
// docs/case-figures.md that case-figures.ts does not have yet.
/** Online mediations for island towns: mediated cases held online whose town is an island town. */
const islandOnlineSql = (): SQL =>
  sql`(${mediatedSql()} and ${cases.mode} = 'online'
       and ${cases.town} in (select ${towns.slug} from ${towns} where ${towns.island} = 1))`;
/** The pool of a case: `committee` when it went through a committee, else the agreed mediator's kind. */
const poolSql = (): SQL<string> =>
  sql<string>`(case when ${cases.committeeId} is not null then 'committee'
    else coalesce((select ${mediators.kind} from ${mediators} where ${mediators.id} = ${cases.mediatorId}), ${NO_GROUP}) end)`;

// TODO(case-figures): move — fulfilmentDecidedSql/fulfilledSql as one aggregate per agreement. Their
// EXISTS form looks the instalments up four times per agreement: over a year's 40,000 agreements that
// was 120 of the dashboard's 200 ms, this is 45. Same definitions, counted instead of tested for
// existence (an agreement without instalments has no row here, so it is in neither, as there);
// stats.test.ts holds the two forms equal on its history.
/** Per group: agreements every instalment of which has a result, and every one of which fulfils. */
function fulfilmentByGroup(key: SQL<string>, where: SQL | undefined): SQL {
  const fulfils = sql`${instalments.result} in (${sql.join(
    FULFILLED_RESULTS.map((r) => sql`${r}`),
    sql`, `,
  )})`;
  return sql`with per_agreement as (
      select ${key} as key, count(*) as n, count(${instalments.result}) as decided, sum(${flag(fulfils)}) as paid
        from ${cases}
        join ${agreements} on ${agreements.caseId} = ${cases.id}
        join ${obligations} on ${obligations.agreementId} = ${agreements.id}
        join ${instalments} on ${instalments.obligationId} = ${obligations.id}
       where ${where} and ${agreementSql()}
       group by ${agreements.id})
    select key, sum(n = decided) as fulfilmentDecided, sum(n = paid) as fulfilled from per_agreement group by key`;
}

/** The group key of a case row; `month` is of the instant (or local date) the figure is dated by. */
function groupKey(groupBy: StatsGroup | undefined, month: SQL<string>): SQL<string> {
  switch (groupBy) {
    case "month":
      return month;
    case "category":
      return sql<string>`${cases.category}`;
    case "town":
      return sql<string>`coalesce(${cases.town}, ${NO_GROUP})`;
    case "pool":
      return poolSql();
    case "channel":
      return sql<string>`${cases.channel}`;
    default:
      return sql<string>`''`;
  }
}

/** What each query adds up for a group; figures are made from these, the whole from the groups' sums. */
interface Counts {
  handled: number;
  online: number;
  inPerson: number;
  closed: number;
  mediated: number;
  agreed: number;
  zeroVisit: number;
  oneVisit: number;
  onTime: number;
  majorCases: number;
  majorAgreed: number;
  islandOnline: number;
  fulfilmentDecided: number;
  fulfilled: number;
  ratings: number;
  satisfied: number;
  judicialConfirmations: number;
  fulfilledOnTimeAfterConfirmation: number;
  enforced: number;
}
const zero = (): Counts => ({
  handled: 0,
  online: 0,
  inPerson: 0,
  closed: 0,
  mediated: 0,
  agreed: 0,
  zeroVisit: 0,
  oneVisit: 0,
  onTime: 0,
  majorCases: 0,
  majorAgreed: 0,
  islandOnline: 0,
  fulfilmentDecided: 0,
  fulfilled: 0,
  ratings: 0,
  satisfied: 0,
  judicialConfirmations: 0,
  fulfilledOnTimeAfterConfirmation: 0,
  enforced: 0,
});

const sum = (condition: SQL) => sql<number>`sum(${flag(condition)})`;

function figures(c: Counts): CentreFigures {
  return {
    handled: c.handled,
    online: c.online,
    inPerson: c.inPerson,
    closed: c.closed,
    mediated: c.mediated,
    zeroVisitRate: rate(c.zeroVisit, c.closed),
    oneVisitRate: rate(c.oneVisit, c.closed),
    onTimeRate: rate(c.onTime, c.closed),
    satisfactionRate: satisfactionShare(c.satisfied, c.ratings),
    agreementRate: rate(c.agreed, c.mediated),
    fulfilmentRate: rate(c.fulfilled, c.fulfilmentDecided),
    judicialConfirmations: c.judicialConfirmations,
    fulfilledOnTimeAfterConfirmation: c.fulfilledOnTimeAfterConfirmation,
    enforced: c.enforced,
    majorCases: c.majorCases,
    majorAgreed: c.majorAgreed,
    islandOnlineMediations: c.islandOnline,
  };
}

/** Groups in the domain's order (months ascending), then anything unforeseen, then `none`. */
function orderOf(groupBy: StatsGroup): readonly string[] {
  switch (groupBy) {
    case "category":
      return CATEGORY_SLUGS;
    case "town":
      return [...TOWN_SLUGS, NO_GROUP];
    case "pool":
      return [...STATS_POOLS, NO_GROUP];
    case "channel":
      return CASE_CHANNELS;
    default:
      return [];
  }
}

/** Every month of the period, up to the month of `now` (months not yet begun have no figures). */
function monthsOf(from: string, to: string, now: number): string[] {
  const last = [to.slice(0, 7), localMonth(now)].sort()[0];
  const months: string[] = [];
  for (let m = from.slice(0, 7); m <= last; m = addMonths(m, 1)) months.push(m);
  return months;
}

/**
 * The centre's figures for `from`–`to` (local dates at the centre, inclusive), and per group when
 * `groupBy` is given. Each figure is dated as case-figures.md says: requests by filing, closed cases,
 * their ratings and their agreements' fulfilment by closing, judicial confirmations by decision.
 * Grouped by month, every month of the period so far is listed (empty ones with zeros and null rates);
 * by anything else, the values that have a figure in the period.
 */
export function centreStats({
  viewer,
  from,
  to,
  groupBy,
  now,
}: {
  viewer: Pick<User, "role">;
  from: string;
  to: string;
  groupBy?: StatsGroup;
  now: number;
}): CentreStats {
  if (viewer.role !== "staff" && viewer.role !== "admin") throw new DomainError("forbidden", "Only the centre's staff read its figures");
  const start = localMidnightOf(from, CENTRE_TIMEZONE);
  const end = localMidnightOf(DateTime.fromISO(to).plus({ days: 1 }).toISODate() ?? "", CENTRE_TIMEZONE);
  if (!(start < end)) throw new DomainError("invalid_input", "from must be a date on or before to");

  const db = getDb();
  const byKey = new Map<string, Counts>();
  const add = (rows: { key: string | null }[], fields: (keyof Counts)[]) => {
    for (const row of rows) {
      const key = row.key ?? NO_GROUP;
      const counts = byKey.get(key) ?? zero();
      for (const f of fields) counts[f] += Number((row as unknown as Record<string, unknown>)[f] ?? 0);
      byKey.set(key, counts);
    }
  };

  // Requests handled: filed in the period.
  const filedKey = groupKey(groupBy, localMonthSql(sql`${cases.createdAt}`));
  add(
    db
      .select({
        key: filedKey,
        handled: sql<number>`count(*)`,
        online: sum(sql`${cases.channel} = 'online'`),
        inPerson: sum(sql`${cases.channel} = 'window'`),
      })
      .from(cases)
      .where(and(gte(sql`${cases.createdAt}`, start), lt(sql`${cases.createdAt}`, end)))
      .groupBy(filedKey)
      .all(),
    ["handled", "online", "inPerson"],
  );

  // Closed in the period: outcomes, visits, timeliness, major cases, island towns, fulfilment.
  const closedInPeriod = and(closedSql(), gte(cases.closedAt, start), lt(cases.closedAt, end));
  const closedKey = groupKey(groupBy, localMonthSql(cases.closedAt));
  add(
    db
      .select({
        key: closedKey,
        closed: sql<number>`count(*)`,
        mediated: sum(mediatedSql()),
        agreed: sum(agreementSql()),
        zeroVisit: sum(zeroVisitSql()),
        oneVisit: sum(oneVisitSql()),
        onTime: sum(onTimeSql()),
        majorCases: sum(majorSql()),
        majorAgreed: sum(sql`${majorSql()} and ${agreementSql()}`),
        islandOnline: sum(islandOnlineSql()),
      })
      .from(cases)
      .where(closedInPeriod)
      .groupBy(closedKey)
      .all(),
    ["closed", "mediated", "agreed", "zeroVisit", "oneVisit", "onTime", "majorCases", "majorAgreed", "islandOnline"],
  );

  // Fulfilment of the agreements of the cases closed in the period.
  add(db.all<{ key: string }>(fulfilmentByGroup(closedKey, closedInPeriod)), ["fulfilmentDecided", "fulfilled"]);

  // Satisfaction: the ratings of the cases closed in the period.
  add(
    db
      .select({ key: closedKey, ratings: sql<number>`count(*)`, satisfied: sum(satisfiedRatingSql()) })
      .from(ratings)
      .innerJoin(cases, eq(cases.id, ratings.caseId))
      .where(closedInPeriod)
      .groupBy(closedKey)
      .all(),
    ["ratings", "satisfied"],
  );

  // Judicial confirmations decided in the period, and what became of those agreements.
  const confirmedKey = groupKey(groupBy, confirmationMonthSql());
  add(
    db
      .select({
        key: confirmedKey,
        judicialConfirmations: sql<number>`count(*)`,
        fulfilledOnTimeAfterConfirmation: sum(fulfilledOnTimeSql()),
        enforced: sum(enforcedSql()),
      })
      .from(judicialConfirmations)
      .innerJoin(cases, eq(cases.id, judicialConfirmations.caseId))
      .where(and(confirmationSql(), gte(judicialConfirmations.decidedOn, from), sql`${judicialConfirmations.decidedOn} <= ${to}`))
      .groupBy(confirmedKey)
      .all(),
    ["judicialConfirmations", "fulfilledOnTimeAfterConfirmation", "enforced"],
  );

  const severeCases = severeCasesOf(closedInPeriod);
  const whole = zero();
  for (const counts of byKey.values()) for (const f of Object.keys(whole) as (keyof Counts)[]) whole[f] += counts[f];
  const stats: CentreStats = {
    from,
    to,
    ...figures(whole),
    severeCases,
    majorFulfilled: severeCases.major.fulfilled + severeCases.group.fulfilled,
  };
  if (!groupBy) return stats;

  let keys: string[];
  // A month after now's that has figures anyway (rows stamped ahead of the clock) is listed too.
  if (groupBy === "month") keys = [...new Set([...monthsOf(from, to, now), ...byKey.keys()])].sort();
  else {
    const order = orderOf(groupBy);
    const known = order.filter((k) => byKey.has(k));
    const other = [...byKey.keys()].filter((k) => !order.includes(k)).sort();
    keys = [...known.filter((k) => k !== NO_GROUP), ...other, ...known.filter((k) => k === NO_GROUP)];
  }
  return { ...stats, groupBy, groups: keys.map((key) => ({ key, ...figures(byKey.get(key) ?? zero()) })) };
}

/**
 * Major and group cases, and death-compensation ones (a flag on the case: a major case mostly, but the
 * flag decides), closed in the period (`closedInPeriod`): per outcome, and agreements fulfilled in full
 * (every instalment paid, as the fulfilment rate counts them). A case of both counts in both rows. Two
 * small queries over the few such cases, not more sums over every closed case.
 */
function severeCasesOf(closedInPeriod: SQL | undefined): Record<SevereKind, SevereFigures> {
  const db = getDb();
  // Word for word the partial index's condition (db/schema/cases.ts), so SQLite reads the few severe rows.
  const severe = and(closedInPeriod, sql.raw(`(${SEVERE_CASE_WHERE})`));
  const out = noSevereCases();
  const kindsOf = (severity: string, death: boolean): SevereKind[] => {
    const kinds: SevereKind[] = severity === "major" || severity === "group" ? [severity] : [];
    return death ? [...kinds, "deathCompensation"] : kinds;
  };
  const rows = db
    .select({ severity: cases.severity, death: cases.deathCompensation, outcome: cases.outcome, n: sql<number>`count(*)` })
    .from(cases)
    .where(severe)
    .groupBy(cases.severity, cases.deathCompensation, cases.outcome)
    .all();
  for (const row of rows)
    for (const kind of kindsOf(row.severity, row.death)) {
      out[kind].closed += row.n;
      if (row.outcome) out[kind].outcomes[row.outcome] += row.n;
    }
  // The fulfilment aggregate, keyed by severity and flag ("major:1").
  const key = sql<string>`${cases.severity} || ':' || ${cases.deathCompensation}`;
  for (const row of db.all<{ key: string; fulfilled: number }>(fulfilmentByGroup(key, severe))) {
    const [severity, death] = row.key.split(":");
    for (const kind of kindsOf(severity, death === "1")) out[kind].fulfilled += Number(row.fulfilled ?? 0);
  }
  return out;
}

/**
 * What the demo-history generator aims at for `requests` cases (db/demo-history-params.ts, the one
 * place its parameters live): the seed's column beside the 2018 table, at the period's size.
 */
export const seedTargets = (requests: number) => historyTargets(requests);

export const STATS_PRESETS = ["year", "last12", "month", "custom"] as const;
export type StatsPreset = (typeof STATS_PRESETS)[number];

/** What the dashboard's GET form says, resolved to a period (its page and its CSV read it alike). */
export interface DashboardQuery {
  preset: StatsPreset;
  month: string;
  from: string;
  to: string;
  groupBy?: StatsGroup;
}

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, ISSUES.dateFormat);
const dashboardFormSchema = z.object({
  preset: z.enum(STATS_PRESETS).optional(),
  month: monthSchema.optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  groupBy: z.enum([...STATS_GROUPS, "none"]).optional(),
});

/**
 * The dashboard form's query (`preset` = year | last12 | month | custom, `month`, `from`, `to`,
 * `groupBy`) as a period, through the stats API's own schema. Without a preset, a month or dates
 * given say which one was meant; with nothing, this year so far. Blank fields count as absent.
 */
export function dashboardQuery(
  params: URLSearchParams,
  now: number,
): { ok: true; query: DashboardQuery } | { ok: false; query: DashboardQuery; error: z.ZodError } {
  const raw = Object.fromEntries([...params].filter(([, v]) => v.trim() !== ""));
  const form = dashboardFormSchema.safeParse(raw, { reportInput: true });
  const year = thisYear(now);
  const fallback: DashboardQuery = { preset: "year", month: centreDate(now).slice(0, 7), ...year };
  if (!form.success) return { ok: false, query: { ...fallback, ...pick(raw) }, error: form.error };
  const v = form.data;
  const preset: StatsPreset = v.preset ?? (v.month ? "month" : v.from || v.to ? "custom" : "year");
  const groupBy = v.groupBy === "none" ? undefined : v.groupBy;
  const month = v.month ?? fallback.month;
  const period =
    preset === "year"
      ? year
      : preset === "last12"
        ? last12Months(now)
        : preset === "month"
          ? wholeMonth(month)
          : { from: v.from ?? year.from, to: v.to ?? year.to };
  const query: DashboardQuery = { preset, month, ...period, groupBy };
  const checked = statsQuerySchema(now).safeParse({ from: query.from, to: query.to, groupBy }, { reportInput: true });
  return checked.success ? { ok: true, query } : { ok: false, query, error: checked.error };
}

const pick = (raw: Record<string, string>) => ({
  ...(typeof raw.from === "string" ? { from: raw.from } : {}),
  ...(typeof raw.to === "string" ? { to: raw.to } : {}),
  ...(typeof raw.month === "string" ? { month: raw.month } : {}),
});
