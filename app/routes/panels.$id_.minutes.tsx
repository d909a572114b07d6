// /panels/:id/minutes: record the minutes of a 3+X joint panel (会商纪要, issue 9): staff or the panel's
// chief mediator (the model's `recordMinutes` action says who). A fixed number of empty rows (?rows=N
// asks for more), "add a row" that keeps what was typed, then one POST that saves and redirects to the
// panel. Rows left empty are dropped; a row with only a speaker or only words is an error on that row.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { PanelMinutesForm, type MinutesErrors, type MinutesValues } from "~/components/panel-minutes-form";
import { getDb } from "~/db.server";
import { localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { formatCentreTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { panelMinutesSchema } from "~/models/panel-schemas";
import { recordPanelMinutes } from "~/models/panels.server";
import { idOr404 } from "~/utils/api.server";
import { panelById, panelRefusal } from "~/utils/panel-page.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";
import panelsHref from "~/styles/panels.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: panelsHref }];

const ROLES = ["staff", "admin", "mediator"] as const;
const MIN_ROWS = 3;
const MAX_ROWS = 40;
/** What one entry may hold (the schema's bound, said again so the row gets the error). */
const MAX_SAID = 2000;
const rowsOf = (raw: unknown, members: number) => {
  const n = z.coerce.number().int().min(1).max(MAX_ROWS).safeParse(raw);
  return n.success ? n.data : Math.max(MIN_ROWS, Math.min(members, MAX_ROWS));
};

/** The panel, if the viewer may record its minutes (others get a 403, like the model would). */
function loadPanel(request: Request, raw: string | undefined) {
  const auth = requirePageUser(request, ROLES);
  const panel = panelById(auth.user, idOr404(raw));
  if (!panel.actions.recordMinutes) throw new Response(null, { status: 403 });
  return { auth, panel };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { panel } = loadPanel(request, params.id);
  const rows = rowsOf(new URL(request.url).searchParams.get("rows") ?? undefined, panel.members.length);
  const values: MinutesValues = {
    entries: Array.from({ length: rows }, () => ({ personId: "", said: "" })),
    plan: "",
    dissent: "",
    outcome: "",
  };
  // The model refuses minutes before the panel has sat; the page says so instead of offering the form.
  const started = Date.parse(panel.start) <= Date.now();
  return { panel: { id: panel.id, caseNumber: panel.caseNumber, start: panel.start, members: panel.members }, started, values };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { auth, panel } = loadPanel(request, params.id);
  const form = await request.formData();
  requireCsrf(request, auth, form);
  const t = messages[getLocale(request)];
  const p = t.panels;
  const rows = rowsOf(form.get("rows"), panel.members.length);
  const str = (k: string) => String(form.get(k) ?? "");
  const values: MinutesValues = {
    entries: Array.from({ length: rows }, (_, i) => ({ personId: str(`person-${i}`), said: str(`said-${i}`) })),
    plan: str("plan"),
    dissent: str("dissent"),
    outcome: str("outcome"),
  };
  if (form.get("intent") === "add-row") {
    if (rows < MAX_ROWS) values.entries.push({ personId: "", said: "" });
    return data({ values, errors: null, error: null });
  }
  const seated = new Set(panel.members.map((m) => String(m.personId)));
  const errors: MinutesErrors = {};
  const entries: { personId: number | null; said: string }[] = [];
  values.entries.forEach((e, i) => {
    const said = e.said.trim();
    if (!e.personId && !said) return;
    if (!seated.has(e.personId) || !said || said.length > MAX_SAID) errors[`said-${i}`] = [p.entryIncomplete];
    else entries.push({ personId: Number(e.personId), said });
  });
  if (entries.length === 0 && Object.keys(errors).length === 0) errors["minutes-entries"] = [p.needEntry];
  const parsed = panelMinutesSchema.safeParse({ entries, plan: values.plan, dissent: values.dissent, outcome: values.outcome });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === "plan") errors["minutes-plan"] = [p.needPlan];
      if (issue.path[0] === "outcome") errors["minutes-outcome"] = [p.needOutcome];
    }
  if (Object.keys(errors).length || !parsed.success) return data({ values, errors, error: null }, { status: 400 });
  try {
    await recordPanelMinutes(getDb(), { panelId: panel.id, ...parsed.data, actor: auth.user, now: Date.now() });
    return redirect(`/panels/${panel.id}?done=minuted`);
  } catch (error) {
    const refusal = panelRefusal(error, t);
    return data({ values, errors: null, error: refusal.message }, { status: refusal.status });
  }
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [
    { name: "description", content: t.metaDescription.minutes },
    { title: `${loaded ? t.panels.minutesTitle(loaded.panel.caseNumber) : t.meta.error} · ${t.siteName}` },
  ];
};

export default function PanelMinutesPage() {
  const { panel, started, values: fresh } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const t = useT();
  const p = t.panels;
  const locale = useLocale();
  const values = reply?.values ?? fresh;
  return (
    <div className="panels-page panel-minutes-page">
      <p className="back-link">
        <Link to={`/panels/${panel.id}`}>{p.panelTitle(panel.caseNumber)}</Link>
      </p>
      <h1>
        {p.minutesFormHeading} <span className="case-number">{panel.caseNumber}</span>
      </h1>
      <p className="lead">{p.minutesFormIntro}</p>
      {reply?.error ? <Notice kind="error">{reply.error}</Notice> : null}
      {/* Without JavaScript the page is drawn anew from the values that came back; with it the typed fields stay as they are. */}
      {started ? (
        <PanelMinutesForm members={panel.members} values={values} errors={reply?.errors ?? null} />
      ) : (
        <Notice kind="info">{p.notStarted(formatCentreTime(panel.start, locale))}</Notice>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
