// /staff/panels: the centre's 3+X joint panels (issue 9), upcoming first (soonest on top) then those
// held or past (latest on top), filtered by status in a plain GET form; each card links to its panel
// page. "Convene a panel" takes a case's ID here (the case page and the work queue link straight to
// /staff/panels/new?case=ID). The model decides which panels the viewer sees.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { PanelFacts } from "~/components/panel-parts";
import { localeFromMatches, messages, useT } from "~/i18n";
import { PANEL_STATUSES, type PanelListItem } from "~/models/panel-types";
import { getDb } from "~/db.server";
import { listPanels } from "~/models/panels.server";
import { requirePageUser } from "~/utils/session.server";
import panelsHref from "~/styles/panels.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: panelsHref }];

const querySchema = z.object({ status: z.enum(PANEL_STATUSES).optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["staff", "admin"]);
  const url = new URL(request.url);
  const parsed = querySchema.safeParse({ status: url.searchParams.get("status") || undefined });
  const status = parsed.success ? parsed.data.status : undefined;
  const now = Date.now();
  const all = listPanels(getDb(), { viewer: user }).filter((p) => !status || p.status === status);
  const upcoming = all.filter((p) => p.status === "booked" && Date.parse(p.end) >= now).sort((a, b) => a.start.localeCompare(b.start));
  const past = all.filter((p) => !upcoming.includes(p)).sort((a, b) => b.start.localeCompare(a.start));
  return { status: status ?? "", invalid: !parsed.success, upcoming, past };
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ name: "description", content: t.metaDescription.panels }, { title: `${t.panels.title} · ${t.siteName}` }];
};

function PanelCard({ panel }: { panel: PanelListItem }) {
  const t = useT();
  const p = t.panels;
  const confirmed = panel.members.filter((m) => m.status === "confirmed").length;
  const declined = panel.members.filter((m) => m.status === "declined").length;
  return (
    <article className="panel panel-card" aria-labelledby={`panel-card-${panel.id}`}>
      <h3 id={`panel-card-${panel.id}`} className="panel-card-title">
        <Link to={`/panels/${panel.id}`} aria-label={p.openFor(panel.caseNumber)}>
          <span className="case-number">{panel.caseNumber}</span>
        </Link>
        <span className="small muted"> · {p.severity[panel.severity] ?? panel.severity}</span>
      </h3>
      <PanelFacts panel={panel} />
      <p className="small">
        {p.seatsLine(confirmed, panel.members.length)}
        {declined ? ` · ${p.declinedCount(declined)}` : ""}
      </p>
    </article>
  );
}

export default function StaffPanelsPage() {
  const { status, invalid, upcoming, past } = useLoaderData<typeof loader>();
  const t = useT();
  const p = t.panels;
  return (
    <div className="panels-page">
      <h1>{p.heading}</h1>
      <p className="lead">{p.intro}</p>
      {invalid ? <Notice kind="info">{p.errors.invalid_input}</Notice> : null}

      <div className="panels-tools">
        <Form method="get" action="/staff/panels/new" className="panel panels-convene" aria-labelledby="convene-heading">
          <h2 id="convene-heading">{p.conveneHeading}</h2>
          <p className="small">{p.conveneIntro}</p>
          <div className="field">
            <label htmlFor="convene-case">{p.caseIdLabel}</label>
            <p id="convene-case-hint" className="field-hint">
              {p.caseIdHint}
            </p>
            <input
              id="convene-case"
              name="case"
              type="text"
              inputMode="numeric"
              pattern="[0-9]*"
              required
              aria-describedby="convene-case-hint"
            />
          </div>
          <button type="submit" className="button button-primary">
            {p.conveneButton}
          </button>
        </Form>

        <Form method="get" action="/staff/panels" className="panel panels-filter" aria-labelledby="filter-heading">
          <h2 id="filter-heading">{p.filterHeading}</h2>
          <div className="field">
            <label htmlFor="panels-status">{p.filterLabel}</label>
            <select id="panels-status" name="status" defaultValue={status}>
              <option value="">{p.filterAll}</option>
              {PANEL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {p.status[s]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {p.filterButton}
          </button>
        </Form>
      </div>

      <section aria-labelledby="upcoming-heading" className="panels-list-section">
        <h2 id="upcoming-heading">{p.upcomingHeading(upcoming.length)}</h2>
        {upcoming.length === 0 ? (
          <p className="muted">{p.empty}</p>
        ) : (
          <ol className="panel-card-list">
            {upcoming.map((panel) => (
              <li key={panel.id}>
                <PanelCard panel={panel} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="past-heading" className="panels-list-section">
        <h2 id="past-heading">{p.pastHeading(past.length)}</h2>
        {past.length === 0 ? (
          <p className="muted">{p.empty}</p>
        ) : (
          <ol className="panel-card-list">
            {past.map((panel) => (
              <li key={panel.id}>
                <PanelCard panel={panel} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
