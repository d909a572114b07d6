// /staff/panels/new?case=ID: convene a 3+X joint panel for a major or group case (issue 9). The GET
// form asks for the earliest common free times (?seat=…&from=&to=&minutes=&search=1); each time found
// is booked with one POST: every member and a room in one transaction, all or nothing. When someone or
// the room was taken meanwhile (409 slot_taken) nothing is booked and the page comes back with the
// message and fresh suggestions (a redirect to the same search with ?taken=1).
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { PanelSearchForm, PanelSuggestions } from "~/components/panel-convene";
import { getDb } from "~/db.server";
import { localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { formatSession } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { getCase } from "~/models/cases.server";
import { isDomainError } from "~/models/errors";
import { bookPanelSchema, MAX_PANEL_HORIZON_DAYS, suggestPanelSchema } from "~/models/panel-schemas";
import { PANEL_SEVERITIES } from "~/models/panel-types";
import { bookPanel, panelCandidates, suggestPanelSlots } from "~/models/panels.server";
import { facetLabel } from "../../domain";
import { idOr404, parseId } from "~/utils/api.server";
import { casePanelFor, defaultSearch, FIXED_SEATS, PANEL_LENGTHS, panelRefusal, readSearch } from "~/utils/panel-page.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";
import panelsHref from "~/styles/panels.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: panelsHref }];

const STAFF = ["staff", "admin"] as const;
/** How many common times to offer at once. */
const SHOWN = 6;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, STAFF);
  const url = new URL(request.url);
  const caseId = parseId(url.searchParams.get("case") ?? undefined);
  if (caseId === null) return redirect("/staff/panels");
  const t = messages[getLocale(request)];
  let c;
  try {
    c = getCase({ user, id: caseId });
  } catch (error) {
    if (isDomainError(error, "not_found")) throw new Response(null, { status: 404 });
    throw error;
  }
  const kase = { id: c.id, number: c.number, severity: c.severity, category: c.category };
  const now = Date.now();
  const db = getDb();
  const departments = [
    ...new Set(
      panelCandidates(db, { role: "department" })
        .map((x) => x.category)
        .filter((x): x is string => !!x),
    ),
  ];
  const { asked, search, seats, raw } = readSearch(url, caseId);
  const base = defaultSearch(now);
  const form = {
    caseId,
    seats: asked ? seats : [...FIXED_SEATS, ...(departments.includes(c.category) ? [`department:${c.category}`] : [])],
    from: raw.from || base.from,
    to: raw.to || base.to,
    minutes: search?.minutes ?? base.minutes,
  };
  const forPanels = (PANEL_SEVERITIES as readonly string[]).includes(c.severity);
  // A case with a booked panel gets no second one (the model refuses it): say so and link to it.
  const current = casePanelFor(user, caseId);
  const booked = current?.status === "booked" ? { id: current.id, start: current.start, end: current.end } : null;
  let slots = null;
  let refused: string | null = null;
  if (forPanels && !booked && search) {
    try {
      slots = suggestPanelSlots(db, { ...search, actor: user, now, limit: SHOWN }).slots;
    } catch (error) {
      refused = panelRefusal(error, t).message;
    }
  }
  return {
    kase,
    forPanels,
    booked,
    departments,
    lengths: [...PANEL_LENGTHS],
    maxDays: MAX_PANEL_HORIZON_DAYS - 1,
    form,
    invalid: asked && !search,
    slots,
    refused,
    taken: url.searchParams.get("taken") === "1",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request, STAFF);
  const form = await request.formData();
  requireCsrf(request, auth, form);
  const t = messages[getLocale(request)];
  // Each member comes as "seat|personId" (one hidden field per seat of the time chosen).
  const members = form.getAll("member").map((m) => {
    const [role, personId] = String(m).split("|");
    return { role, personId: Number(personId) };
  });
  const caseId = idOr404(String(form.get("caseId") ?? ""));
  const parsed = bookPanelSchema.safeParse({
    caseId,
    start: form.get("start"),
    minutes: Number(form.get("minutes")),
    roomId: Number(form.get("roomId")),
    members,
  });
  if (!parsed.success) return data({ error: t.panels.errors.invalid_input }, { status: 400 });
  const input = parsed.data;
  try {
    const panel = await bookPanel(getDb(), { ...input, start: Date.parse(input.start), actor: auth.user, now: Date.now() });
    return redirect(`/panels/${panel.id}?done=booked`);
  } catch (error) {
    if (isDomainError(error, "slot_taken")) {
      // The same search again, rebuilt from validated values only, with the message.
      const again = suggestPanelSchema.safeParse({
        caseId,
        roles: form.getAll("seat"),
        from: form.get("from"),
        to: form.get("to"),
        minutes: input.minutes,
      });
      const qs = new URLSearchParams({ case: String(caseId) });
      if (again.success) {
        for (const s of again.data.roles) qs.append("seat", s);
        qs.set("from", again.data.from);
        qs.set("to", again.data.to);
        qs.set("minutes", String(again.data.minutes));
        qs.set("search", "1");
      }
      qs.set("taken", "1");
      return redirect(`/staff/panels/new?${qs}`);
    }
    const refusal = panelRefusal(error, t);
    return data({ error: refusal.message }, { status: refusal.status });
  }
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [
    { name: "description", content: t.metaDescription.panelNew },
    { title: `${loaded && "kase" in loaded ? t.panels.newTitle(loaded.kase.number) : t.panels.title} · ${t.siteName}` },
  ];
};

export default function ConvenePanelPage() {
  const { kase, forPanels, booked, departments, lengths, maxDays, form, invalid, slots, refused, taken } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const p = t.panels;
  const locale = useLocale();
  return (
    <div className="panels-page panel-convene-page">
      <p className="back-link">
        <Link to={`/cases/${kase.id}`}>{p.caseLink(kase.number)}</Link> · <Link to="/staff/panels">{p.listHeading}</Link>
      </p>
      <h1>{p.newHeading}</h1>
      <p className="lead">
        {p.caseLine(kase.number, p.severity[kase.severity] ?? kase.severity, facetLabel("category", kase.category, locale))}
      </p>
      {taken ? <Notice kind="error">{p.slotTaken}</Notice> : null}
      {failed && "error" in failed ? <Notice kind="error">{failed.error}</Notice> : null}
      {refused ? <Notice kind="error">{refused}</Notice> : null}
      {!forPanels ? (
        <Notice kind="info">{p.notForSimple}</Notice>
      ) : booked ? (
        <Notice kind="info">
          {p.alreadyBooked(formatSession(booked.start, booked.end, locale))} <Link to={`/panels/${booked.id}`}>{p.open}</Link>
        </Notice>
      ) : (
        <>
          <PanelSearchForm search={form} departments={departments} lengths={lengths} maxDays={maxDays} invalid={invalid} />
          {slots ? <PanelSuggestions slots={slots} search={form} /> : null}
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
