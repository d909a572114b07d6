// /staff/cases: the centre's case queue. Every case, oldest first by default; filters by status,
// category, channel, "due within 3 days or overdue" (decided by the model as of the loader's clock),
// date received, mediator and town (issue 11), each value with the count it would give; paged; a
// filter that is not one is named on the page (400), never a 500. A plain GET form, so it works on a tablet at the
// window without JavaScript. Each row opens the case page; open cases link to recording an answer.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { CASE_CHANNELS, CASE_STATUSES, CATEGORIES } from "../../domain";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { centreDate, formatCentreTime } from "~/i18n/format";
import { BadFilters, StaffFilterFields, StaffFilterHints } from "~/components/staff-filters";
import { QUEUE_SORTS, caseQueue, caseQueueSchema, parseStaffQuery } from "~/models/staff-lists.server";
import { requirePageUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["staff", "admin"]);
  const url = new URL(request.url);
  const params = new URLSearchParams(url.searchParams);
  params.delete("filed");
  // A filter that is not one is left out and named on the page (a 400), the others kept.
  const { query, bad } = parseStaffQuery(caseQueueSchema, params);
  const queue = caseQueue({ user, query, now: Date.now() });
  // The orders come with the data: a .server module's values do not reach the browser.
  return data({ query, queue, bad, filed: url.searchParams.get("filed"), sorts: QUEUE_SORTS }, { status: bad.length ? 400 : 200 });
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ title: `${t.staffCases.title} · ${t.siteName}` }, { name: "description", content: t.staffPages.pages.cases.description }];
};

export default function StaffCasesPage() {
  const { query, queue, bad, filed, sorts } = useLoaderData<typeof loader>();
  const t = useT();
  const s = t.staffCases;
  const locale = useLocale();
  const lang = dataLang(locale);
  const params = new URLSearchParams();
  for (const key of ["status", "category", "channel", "due", "sort", "from", "to", "mediator", "town"] as const) {
    const value = query[key];
    if (value && !(key === "sort" && value === "oldest")) params.set(key, String(value));
  }
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    if (p > 1) next.set("page", String(p));
    const qs = next.toString();
    return qs ? `/staff/cases?${qs}` : "/staff/cases";
  };
  const c = queue.counts;
  const sep = locale === "zh" ? "、" : ", ";
  return (
    <div className="staff-cases-page">
      <div className="queue-head">
        <h1>{s.heading}</h1>
        <Link to="/staff/cases/new" className="button button-primary">
          {s.newCase}
        </Link>
      </div>
      <p className="lead">{s.intro}</p>
      {filed ? <Notice>{s.filed_(filed)}</Notice> : null}
      <BadFilters bad={bad} />

      <Form method="get" action="/staff/cases" className="panel queue-filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading">{s.filtersHeading}</h2>
        <div className="queue-filter-grid">
          <div className="field">
            <label htmlFor="f-status">{s.status}</label>
            <select id="f-status" name="status" defaultValue={query.status ?? ""}>
              <option value="">{s.any(c.all)}</option>
              {CASE_STATUSES.map((st) => (
                <option key={st} value={st}>
                  {s.withCount(t.caseWords.status[st], c.status[st] ?? 0)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-category">{s.category}</label>
            <select id="f-category" name="category" defaultValue={query.category ?? ""}>
              <option value="">{s.any(Object.values(c.category).reduce((a, b) => a + b, 0))}</option>
              {CATEGORIES.map((cat) => (
                <option key={cat.slug} value={cat.slug}>
                  {s.withCount(cat[locale], c.category[cat.slug] ?? 0)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-channel">{s.channel}</label>
            <select id="f-channel" name="channel" defaultValue={query.channel ?? ""}>
              <option value="">{s.any(Object.values(c.channel).reduce((a, b) => a + b, 0))}</option>
              {CASE_CHANNELS.map((ch) => (
                <option key={ch} value={ch}>
                  {s.withCount(t.caseWords.channel[ch], c.channel[ch] ?? 0)}
                </option>
              ))}
            </select>
          </div>
          <StaffFilterFields query={query} counts={c} />
          <div className="field">
            <label htmlFor="f-sort">{s.sort}</label>
            <select id="f-sort" name="sort" defaultValue={query.sort}>
              {sorts.map((o) => (
                <option key={o} value={o}>
                  {s.sorts[o]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <StaffFilterHints dateHint={t.staffPages.filters.caseDateHint} />
        <label className="check-line">
          <input type="checkbox" name="due" value="soon" defaultChecked={query.due === "soon"} />
          <span>{s.due(c.due)}</span>
        </label>
        <div className="queue-filter-actions">
          <button type="submit" className="button button-primary">
            {s.apply}
          </button>
          {params.toString() ? <Link to="/staff/cases">{s.clear}</Link> : null}
        </div>
      </Form>

      <p role="status" className="queue-count">
        {s.count(queue.total)}
      </p>
      {queue.cases.length === 0 ? (
        <p className="notice">{s.empty}</p>
      ) : (
        <table className="data-table case-queue">
          <caption>{s.tableCaption(queue.page, queue.pages)}</caption>
          <thead>
            <tr>
              <th scope="col">{s.number}</th>
              <th scope="col">{s.parties}</th>
              <th scope="col">{s.category}</th>
              <th scope="col">{s.statusCol}</th>
              <th scope="col">{s.dueCol}</th>
              <th scope="col">{s.actions}</th>
            </tr>
          </thead>
          <tbody>
            {queue.cases.map((row) => (
              <tr key={row.id} className={row.due ? `is-${row.due}` : undefined}>
                <td data-label={s.number}>
                  <Link to={`/cases/${row.id}`} className="case-number">
                    {row.number}
                  </Link>
                  <span className="small muted queue-sub">
                    {formatCentreTime(row.createdAt, locale)} · {t.caseWords.channel[row.channel]}
                  </span>
                </td>
                <td data-label={s.parties}>
                  <span className="queue-party">
                    <span className="small muted">{s.applicant}</span> <span lang={lang}>{row.applicants.join(sep)}</span>
                  </span>
                  <span className="queue-party">
                    <span className="small muted">{s.respondent}</span>{" "}
                    <span lang={lang}>{row.respondents.map((r) => r.name).join(sep)}</span>
                  </span>
                </td>
                <td data-label={s.category}>{CATEGORIES.find((x) => x.slug === row.category)?.[locale] ?? row.category}</td>
                <td data-label={s.statusCol}>
                  <span className={`case-status case-status-${row.status}`}>{t.caseWords.status[row.status]}</span>
                  {row.outcome ? <span className="small muted queue-sub">{t.caseWords.outcome[row.outcome]}</span> : null}
                  {row.mediator ? (
                    <span className="small queue-sub" lang={lang}>
                      {s.mediator}
                      {t.colon}
                      {row.mediator.name}
                    </span>
                  ) : null}
                </td>
                <td data-label={s.dueCol} className="nowrap">
                  {row.dueAt ? centreDate(row.dueAt) : s.none}
                  {row.due ? <span className={`due-badge due-${row.due}`}>{row.due === "overdue" ? s.overdue : s.soon}</span> : null}
                </td>
                <td data-label={s.actions}>
                  {row.canRecordAnswer ? (
                    <Link to={`/staff/cases/${row.id}/consent`} aria-label={s.recordAnswerFor(row.number)}>
                      {s.recordAnswer}
                    </Link>
                  ) : (
                    s.none
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination params={params} page={queue.page} pages={queue.pages} hrefFor={hrefFor} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
