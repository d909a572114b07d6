// What the dashboard, its charts and its CSV show of CentreStats, in one place: group labels, the
// order of the columns, the 2018 figures of DOMAIN.md, the chart data and the CSV text. Pure: the
// route draws the charts (render.server.ts) and the page renders the tables from the same data.
import { facetLabel, type Locale } from "../../../domain";
import { messages } from "../../i18n";
import type { CentreFigures, CentreStats, StatsGroup } from "../../models/stats-types";

/** The centre's own figures for 2018 (../shared/domain/DOMAIN.md), as rates 0–1 where they are rates. */
export const CENTRE_2018 = {
  handled: 45_000,
  online: 41_000,
  inPerson: 4_000,
  zeroVisitRate: 0.773,
  oneVisitRate: 0.168,
  onTimeRate: 1,
  satisfactionRate: 0.996,
  majorCases: 88,
  majorAgreementRate: 1,
  judicialConfirmations: 207,
  fulfilledOnTimeAfterConfirmation: 187,
  enforced: 20,
  islandOnlineMediations: 1_123,
} as const;

/** Every figure, in the order the grid, the tables and the CSV show them. */
export const FIGURE_KEYS = [
  "handled",
  "online",
  "inPerson",
  "closed",
  "mediated",
  "zeroVisitRate",
  "oneVisitRate",
  "onTimeRate",
  "satisfactionRate",
  "agreementRate",
  "fulfilmentRate",
  "judicialConfirmations",
  "fulfilledOnTimeAfterConfirmation",
  "enforced",
  "majorCases",
  "majorAgreed",
  "islandOnlineMediations",
] as const satisfies readonly (keyof CentreFigures)[];

export const RATE_KEYS = ["zeroVisitRate", "oneVisitRate", "onTimeRate", "satisfactionRate", "agreementRate", "fulfilmentRate"] as const;
const RATES = new Set<string>(RATE_KEYS);
export const isRate = (key: keyof CentreFigures): boolean => RATES.has(key);

/** The name of a group in the page's language. */
export function groupLabel(groupBy: StatsGroup, key: string, locale: Locale): string {
  const t = messages[locale].centreStats;
  switch (groupBy) {
    case "month":
      return t.monthLabel(key);
    case "category":
      return facetLabel("category", key, locale);
    case "town":
      return key === "none" ? t.none : facetLabel("town", key, locale);
    case "pool":
      return t.pools[key] ?? key;
    case "channel":
      return t.channels[key] ?? key;
  }
}

/** Nothing happened in the period: no request filed, none closed, no confirmation decided. */
export const isEmpty = (f: CentreFigures): boolean => f.handled === 0 && f.closed === 0 && f.judicialConfirmations === 0;

/** The rows a chart or a table shows: the groups, or the whole period as one row. */
export function rowsOf(stats: CentreStats, locale: Locale): { label: string; figures: CentreFigures }[] {
  // A grouping with no group at all (nothing in the period) shows the whole period's zeros.
  if (stats.groupBy && stats.groups?.length)
    return stats.groups.map((g) => ({ label: groupLabel(stats.groupBy!, g.key, locale), figures: g }));
  return [{ label: messages[locale].centreStats.all, figures: stats }];
}

export interface ChartData {
  id: "handled" | "rates" | "vs2018";
  title: string;
  kind: "bar" | "stacked-bar" | "line";
  percent: boolean;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

/** The three charts' data: requests handled, the rates per group, and the rates beside 2018's. */
export function chartData(stats: CentreStats, locale: Locale): ChartData[] {
  const t = messages[locale].centreStats;
  const rows = rowsOf(stats, locale);
  const categories = rows.map((r) => r.label);
  const chartRates = ["zeroVisitRate", "onTimeRate", "satisfactionRate", "agreementRate", "fulfilmentRate"] as const;
  const compared = ["zeroVisitRate", "oneVisitRate", "onTimeRate", "satisfactionRate"] as const;
  return [
    {
      id: "handled",
      title: t.charts.handled,
      kind: "stacked-bar",
      percent: false,
      categories,
      series: [
        { name: t.figures.online, values: rows.map((r) => r.figures.online) },
        { name: t.figures.inPerson, values: rows.map((r) => r.figures.inPerson) },
      ],
    },
    {
      id: "rates",
      title: t.charts.rates,
      kind: stats.groupBy === "month" ? "line" : "bar",
      percent: true,
      categories,
      series: chartRates.map((key) => ({ name: t.figures[key], values: rows.map((r) => r.figures[key]) })),
    },
    {
      id: "vs2018",
      title: t.charts.vs2018,
      kind: "bar",
      percent: true,
      categories: compared.map((key) => t.figures[key]),
      series: [
        { name: t.charts.year2018, values: compared.map((key) => CENTRE_2018[key]) },
        { name: t.charts.thisPeriod, values: compared.map((key) => stats[key]) },
      ],
    },
  ];
}

/** A rate as the page shows it: "77.3%" (one decimal), "—" for none. */
export function percent(rate: number | null): string {
  if (rate === null) return "—";
  const tenths = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)}%`;
}

/** A chart value as its data table shows it. */
export const chartValue = (chart: Pick<ChartData, "percent">, v: number | null, locale: Locale): string =>
  v === null ? messages[locale].centreStats.charts.noData : chart.percent ? percent(v) : String(v);

/** A short spoken summary of a chart for its text alternative ("2026年1月: 3, …"). */
export function chartSummary(chart: ChartData, locale: Locale): string {
  const sep = locale === "zh" ? "；" : "; ";
  return chart.series
    .map(
      (s) =>
        `${s.name}${locale === "zh" ? "：" : ": "}${chart.categories.map((c, i) => `${c} ${chartValue(chart, s.values[i], locale)}`).join(", ")}`,
    )
    .join(sep);
}

const csvCell = (value: string | number | null): string => {
  if (value === null) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The CSV of a period: UTF-8 with a byte-order mark (so Excel reads Chinese), CRLF line ends (RFC 4180),
 * a header row, one row per group and the whole period last. Rates are fractions 0–1 with four decimals,
 * empty when there was nothing to divide by. Text cells are quoted when they must be, and a cell that
 * would start a formula in a spreadsheet (= + - @) is prefixed with an apostrophe.
 */
export function statsCsv(stats: CentreStats, locale: Locale): string {
  const t = messages[locale].centreStats;
  const text = (s: string) => csvCell(/^[=+\-@]/.test(s) ? `'${s}` : s);
  const header = [t.groupColumn, ...FIGURE_KEYS.map((k) => (isRate(k) ? `${t.figures[k]} (0–1)` : t.figures[k]))];
  const line = (label: string, f: CentreFigures) => [
    text(label),
    ...FIGURE_KEYS.map((k) => {
      const v = f[k];
      return csvCell(v === null ? null : isRate(k) ? Number(v.toFixed(4)) : v);
    }),
  ];
  const rows = stats.groupBy && stats.groups ? stats.groups.map((g) => line(groupLabel(stats.groupBy!, g.key, locale), g)) : [];
  rows.push(line(stats.groupBy ? t.total : t.all, stats));
  return "\uFEFF" + [header.map(text), ...rows].map((r) => r.join(",")).join("\r\n") + "\r\n";
}
