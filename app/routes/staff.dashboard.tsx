// /staff/dashboard: the centre's figures for a period (docs/case-figures.md), whole and grouped, as a
// grid, three server-drawn charts with their data tables, a CSV and the 2018 table beside this
// period's. The form is a plain GET form: everything works without JavaScript. Staff and admins.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { data } from "@remix-run/node";
import { ChartFigure } from "~/components/charts/chart-figure";
import { CENTRE_2018, FIGURE_KEYS, chartData, chartSummary, isEmpty, isRate, percent, rowsOf } from "~/components/charts/centre-figures";
import { renderChart } from "~/components/charts/render.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { SEVERE_KINDS, STATS_GROUPS, type CentreStats } from "~/models/stats-types";
import { CASE_OUTCOMES } from "../../domain";
import { cachedCentreStats } from "~/models/stats-cache.server";
import { dashboardQuery, seedTargets, type StatsPreset } from "~/models/stats.server";
import { fieldErrors } from "~/utils/forms.server";
import { requirePageUser } from "~/utils/session.server";

// The radios in their order. A .server module is empty in the browser, so the page keeps its own list of
// the model's presets; the type below fails to compile if one is missing.
const PRESETS = ["year", "last12", "month", "custom"] as const satisfies readonly StatsPreset[];
const everyPreset: Exclude<StatsPreset, (typeof PRESETS)[number]> extends never ? true : never = true;
void everyPreset;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["staff", "admin"]);
  const locale = getLocale(request);
  const now = Date.now();
  const parsed = dashboardQuery(new URL(request.url).searchParams, now);
  if (!parsed.ok)
    return data(
      { query: parsed.query, errors: fieldErrors(parsed.error, locale), stats: null, seed: null, charts: [], csvHref: null },
      { status: 400 },
    );
  const { query } = parsed;
  const stats = cachedCentreStats({ viewer: user, from: query.from, to: query.to, groupBy: query.groupBy, now });
  const charts = chartData(stats, locale).map((chart) => {
    const t = messages[locale].centreStats.charts;
    const alt = chart.id === "handled" ? t.handledAlt : chart.id === "rates" ? t.ratesAlt : t.vs2018Alt;
    return { chart, svg: renderChart({ ...chart, label: alt(chartSummary(chart, locale)) }) };
  });
  const csv = new URLSearchParams({ from: query.from, to: query.to, ...(query.groupBy ? { groupBy: query.groupBy } : {}) });
  // The generator's targets at this period's size: the seed's column beside the 2018 table.
  return { query, errors: null, stats, seed: seedTargets(stats.handled), charts, csvHref: `/staff/dashboard.csv?${csv}` };
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ title: `${t.centreStats.title} · ${t.siteName}` }, { name: "description", content: t.staffPages.pages.dashboard.description }];
};

export default function CentreDashboard() {
  const { query, errors, stats, seed, charts, csvHref } = useLoaderData<typeof loader>();
  const t = useT();
  const s = t.centreStats;
  const locale = useLocale();
  const errorList = errors
    ? Object.entries(errors).flatMap(([field, list]) => list.map((m) => `${fieldLabel(field, s)}${t.colon}${m}`))
    : [];
  return (
    <div className="centre-dashboard">
      <h1>{s.heading}</h1>
      <p className="lead">{s.intro}</p>

      <Form method="get" className="stats-form" aria-label={s.periodLegend}>
        <fieldset className="choice-group">
          <legend>{s.periodLegend}</legend>
          <div className="choices">
            {PRESETS.map((p) => (
              <label className="choice" key={p}>
                <input type="radio" name="preset" value={p} defaultChecked={query.preset === p} />
                {s.presets[p]}
              </label>
            ))}
          </div>
          <div className="stats-dates">
            <div className="field">
              <label htmlFor="stats-month">{s.month}</label>
              <input id="stats-month" type="month" name="month" defaultValue={query.month} pattern="\d{4}-\d{2}" placeholder="2026-01" />
            </div>
            <div className="field">
              <label htmlFor="stats-from">{s.from}</label>
              <input id="stats-from" type="date" name="from" defaultValue={query.from} aria-invalid={errors?.from ? true : undefined} />
            </div>
            <div className="field">
              <label htmlFor="stats-to">{s.to}</label>
              <input id="stats-to" type="date" name="to" defaultValue={query.to} aria-invalid={errors?.to ? true : undefined} />
            </div>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="stats-group">{s.groupBy}</label>
          <select id="stats-group" name="groupBy" defaultValue={query.groupBy ?? "none"}>
            {(["none", ...STATS_GROUPS] as const).map((g) => (
              <option key={g} value={g}>
                {s.groups[g]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary">
          {s.show}
        </button>
      </Form>

      {errorList.length ? (
        <div className="notice notice-error" role="alert">
          <p>{s.invalid}</p>
          <ul>
            {errorList.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {stats ? (
        <>
          <div className="stats-period">
            <p>
              <strong>{s.period(stats.from, stats.to)}</strong>
              {stats.groupBy ? ` · ${s.groups[stats.groupBy]}` : null}
            </p>
            {csvHref ? (
              <a className="button" href={csvHref} download>
                {s.csv}
              </a>
            ) : null}
          </div>
          {isEmpty(stats) ? <p className="notice notice-info">{s.noCases}</p> : null}

          <section aria-labelledby="stats-figures">
            <h2 id="stats-figures">{s.figuresHeading}</h2>
            <FigureGrid stats={stats} />
          </section>

          <section aria-labelledby="stats-charts">
            <h2 id="stats-charts">{s.chartsHeading}</h2>
            <div className="charts">
              {charts.map(({ chart, svg }) => (
                <ChartFigure key={chart.id} chart={chart} svg={svg} locale={locale} />
              ))}
            </div>
          </section>

          {stats.groupBy ? <GroupsTable stats={stats} /> : null}

          <SevereTable stats={stats} />

          {seed ? <Beside2018 stats={stats} seed={seed} /> : null}
        </>
      ) : null}
    </div>
  );
}

function fieldLabel(field: string, s: ReturnType<typeof useT>["centreStats"]): string {
  if (field === "from") return s.from;
  if (field === "to") return s.to;
  if (field === "month") return s.month;
  if (field === "groupBy") return s.groupBy;
  return s.periodLegend;
}

function FigureGrid({ stats }: { stats: CentreStats }) {
  const s = useT().centreStats;
  const cards: { key: string; label: string; value: string; hint?: string }[] = [
    { key: "handled", label: s.figures.handled, value: String(stats.handled), hint: s.hints.handled(stats.online, stats.inPerson) },
    { key: "closed", label: s.figures.closed, value: String(stats.closed) },
    { key: "zero", label: s.figures.zeroVisitRate, value: percent(stats.zeroVisitRate), hint: s.hints.ofClosed(stats.closed) },
    { key: "one", label: s.figures.oneVisitRate, value: percent(stats.oneVisitRate), hint: s.hints.ofClosed(stats.closed) },
    { key: "onTime", label: s.figures.onTimeRate, value: percent(stats.onTimeRate), hint: s.hints.ofClosed(stats.closed) },
    { key: "satisfaction", label: s.figures.satisfactionRate, value: percent(stats.satisfactionRate), hint: s.hints.ofRated },
    { key: "agreement", label: s.figures.agreementRate, value: percent(stats.agreementRate), hint: s.hints.ofMediated(stats.mediated) },
    { key: "fulfilment", label: s.figures.fulfilmentRate, value: percent(stats.fulfilmentRate), hint: s.hints.ofDecided },
    {
      key: "judicial",
      label: s.figures.judicialConfirmations,
      value: String(stats.judicialConfirmations),
      hint: s.hints.confirmations(stats.fulfilledOnTimeAfterConfirmation, stats.enforced),
    },
    { key: "major", label: s.figures.majorCases, value: String(stats.majorCases), hint: s.hints.major(stats.majorAgreed) },
    { key: "island", label: s.figures.islandOnlineMediations, value: String(stats.islandOnlineMediations) },
  ];
  return (
    <dl className="figure-grid">
      {cards.map((c) => (
        <div className="figure-card" key={c.key}>
          <dt>{c.label}</dt>
          <dd className="figure-value">{c.value}</dd>
          {c.hint ? <dd className="figure-hint">{c.hint}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

function GroupsTable({ stats }: { stats: CentreStats }) {
  const s = useT().centreStats;
  const locale = useLocale();
  const rows = rowsOf(stats, locale);
  return (
    <section aria-labelledby="stats-groups">
      <h2 id="stats-groups">{s.groups[stats.groupBy!]}</h2>
      <div className="table-scroll" role="region" aria-labelledby="stats-groups-caption" tabIndex={0}>
        <table className="data-table groups-table">
          <caption id="stats-groups-caption">{s.period(stats.from, stats.to)}</caption>
          <thead>
            <tr>
              <th scope="col">{s.groupColumn}</th>
              {FIGURE_KEYS.map((k) => (
                <th scope="col" key={k}>
                  {s.figures[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...rows, { label: s.total, figures: stats }].map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {FIGURE_KEYS.map((k) => (
                  <td key={k} className="num" data-label={s.figures[k]}>
                    {isRate(k) ? percent(r.figures[k] as number | null) : String(r.figures[k])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SevereTable({ stats }: { stats: CentreStats }) {
  const t = useT();
  const v = t.centreStats.severe;
  return (
    <section aria-labelledby="stats-severe">
      <h2 id="stats-severe">{v.heading}</h2>
      <p>{v.intro}</p>
      <div className="table-scroll" role="region" aria-labelledby="stats-severe-caption" tabIndex={0}>
        <table className="data-table severe-table">
          <caption id="stats-severe-caption">{`${v.heading} · ${t.centreStats.period(stats.from, stats.to)}`}</caption>
          <thead>
            <tr>
              <th scope="col">{v.kind}</th>
              <th scope="col">{v.closed}</th>
              {CASE_OUTCOMES.map((o) => (
                <th scope="col" key={o}>
                  {t.casePages.outcome[o]}
                </th>
              ))}
              <th scope="col">{v.fulfilled}</th>
            </tr>
          </thead>
          <tbody>
            {SEVERE_KINDS.map((kind) => {
              const row = stats.severeCases[kind];
              return (
                <tr key={kind}>
                  <th scope="row">{v.kinds[kind]}</th>
                  <td className="num" data-label={v.closed}>
                    {row.closed}
                  </td>
                  {CASE_OUTCOMES.map((o) => (
                    <td className="num" key={o} data-label={t.casePages.outcome[o]}>
                      {row.outcomes[o]}
                    </td>
                  ))}
                  <td className="num" data-label={v.fulfilled}>
                    {row.fulfilled}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

type SeedTargets = ReturnType<typeof seedTargets>;

/** Each row: the figure, then 2018 as published, the seed's target at this size, and the rows' figure. */
function Beside2018({ stats, seed }: { stats: CentreStats; seed: SeedTargets }) {
  const b = useT().centreStats.beside2018;
  const death = stats.severeCases.deathCompensation.closed;
  const rows: [string, string, string, string][] = [
    [
      b.rows.handled,
      b.values2018.handled,
      b.period.handled(seed.requests, seed.online, seed.inPerson),
      b.period.handled(stats.handled, stats.online, stats.inPerson),
    ],
    [b.rows.zeroVisit, percent(CENTRE_2018.zeroVisitRate), percent(seed.zeroVisitRate), percent(stats.zeroVisitRate)],
    [b.rows.oneVisit, percent(CENTRE_2018.oneVisitRate), percent(seed.oneVisitRate), percent(stats.oneVisitRate)],
    [b.rows.onTime, percent(CENTRE_2018.onTimeRate), percent(seed.onTimeRate), percent(stats.onTimeRate)],
    [b.rows.satisfaction, percent(CENTRE_2018.satisfactionRate), percent(seed.satisfactionRate), percent(stats.satisfactionRate)],
    [
      b.rows.major,
      b.values2018.major,
      b.period.seedMajor(seed.majorCases, seed.deathCompensation),
      b.period.major(
        stats.majorCases,
        stats.majorAgreed,
        percent(stats.majorCases ? stats.majorAgreed / stats.majorCases : null),
        death,
        stats.majorFulfilled,
      ),
    ],
    [b.rows.court, b.values2018.court, b.notSeeded, b.notRecorded],
    [b.rows.island, b.values2018.island, b.period.island(seed.islandOnlineMediations), b.period.island(stats.islandOnlineMediations)],
    [
      b.rows.judicial,
      b.values2018.judicial,
      b.period.judicial(seed.judicialConfirmations, seed.fulfilledOnTimeAfterConfirmation, seed.enforced),
      b.period.judicial(stats.judicialConfirmations, stats.fulfilledOnTimeAfterConfirmation, stats.enforced),
    ],
  ];
  return (
    <section aria-labelledby="stats-2018">
      <h2 id="stats-2018">{b.heading}</h2>
      <p>{b.intro}</p>
      <div className="table-scroll" role="region" aria-labelledby="stats-2018-caption" tabIndex={0}>
        <table className="data-table beside-2018">
          <caption id="stats-2018-caption">{`${b.year2018} · ${b.seed} · ${b.thisPeriod}`}</caption>
          <thead>
            <tr>
              <th scope="col">{b.figure}</th>
              <th scope="col">{b.year2018}</th>
              <th scope="col">{b.seed}</th>
              <th scope="col">{b.thisPeriod}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, then, target, now]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td data-label={b.year2018}>{then}</td>
                <td data-label={b.seed}>{target}</td>
                <td data-label={b.thisPeriod}>{now}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
