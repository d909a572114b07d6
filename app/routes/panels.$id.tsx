// /panels/:id: one 3+X joint panel (issue 9), for the centre's staff and the panel's own members: the
// case it is for, when and where, each member's role and seat (invited, confirmed, declined), the
// viewer's own seat to confirm or decline, staff answering for a member who phoned, the minutes and
// outcome, and the way to record them for those who may; staff seat a replacement beside a declined
// member and cancel the panel with a reason. Someone not entitled gets a 404. Every form is
// a plain POST that redirects back here.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { CancelPanelForm, type PanelChangeFailure } from "~/components/panel-changes";
import { PanelFacts, PanelLinks, PanelMembers, PanelMinutes, YourSeat } from "~/components/panel-parts";
import { useUser } from "~/components/session";
import { getDb } from "~/db.server";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { cancelPanelSchema, panelSeatAnswerSchema, replacePanelMemberSchema } from "~/models/panel-schemas";
import { cancelPanel, replacePanelMember, respondToPanelSeat } from "~/models/panels.server";
import { facetLabel } from "../../domain";
import { DomainError } from "~/models/errors";
import { idOr404 } from "~/utils/api.server";
import { panelById, panelRefusal, replacementsFor } from "~/utils/panel-page.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";
import panelsHref from "~/styles/panels.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: panelsHref }];

const ROLES = ["staff", "admin", "mediator"] as const;
const DONE = ["booked", "confirmed", "declined", "minuted", "replaced", "cancelled"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ROLES);
  const id = idOr404(params.id);
  const done = new URL(request.url).searchParams.get("done");
  const panel = panelById(user, id);
  return {
    panel,
    replacements: replacementsFor(user, panel, Date.now()),
    done: (DONE as readonly string[]).includes(done ?? "") ? (done as (typeof DONE)[number]) : null,
  };
}

type Failure = PanelChangeFailure;
const fail = (f: Failure, status: number) => data(f, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = requirePageUser(request, ROLES);
  const panelId = idOr404(params.id);
  const form = await request.formData();
  requireCsrf(request, auth, form);
  const t = messages[getLocale(request)];
  const intent = form.get("intent");
  const now = Date.now();
  // Staff's changes: a replacement for a declined seat, or cancelling with a reason (the model checks staff).
  if (intent === "replace") {
    const declinedPersonId = Number(form.get("declinedPersonId"));
    const parsed = replacePanelMemberSchema.safeParse({ declinedPersonId, personId: Number(form.get("personId")) });
    if (!parsed.success) return fail({ intent, declinedPersonId, error: t.panels.needReplacement }, 400);
    try {
      await replacePanelMember(getDb(), { panelId, ...parsed.data, actor: auth.user, now });
      return redirect(`/panels/${panelId}?done=replaced`);
    } catch (error) {
      const refusal = panelRefusal(error, t);
      const taken = error instanceof DomainError && error.code === "slot_taken";
      return fail({ intent, declinedPersonId, error: taken ? t.panels.replaceTaken : refusal.message }, refusal.status);
    }
  }
  if (intent === "cancel") {
    const reason = String(form.get("reason") ?? "");
    const parsed = cancelPanelSchema.safeParse({ reason });
    if (!parsed.success) return fail({ intent, reason, error: t.panels.needReason }, 400);
    try {
      await cancelPanel(getDb(), { panelId, reason: parsed.data.reason, actor: auth.user, now });
      return redirect(`/panels/${panelId}?done=cancelled`);
    } catch (error) {
      const refusal = panelRefusal(error, t);
      return fail({ intent, reason, error: refusal.message }, refusal.status);
    }
  }
  const parsed = panelSeatAnswerSchema.safeParse({ answer: form.get("answer"), personId: Number(form.get("personId")) });
  if (intent !== "answer" || !parsed.success || parsed.data.personId === undefined)
    return fail({ intent: "answer", error: t.panels.errors.invalid_input }, 400);
  try {
    await respondToPanelSeat(getDb(), {
      panelId,
      personId: parsed.data.personId,
      answer: parsed.data.answer,
      actor: auth.user,
      now,
    });
    return redirect(`/panels/${panelId}?done=${parsed.data.answer === "confirm" ? "confirmed" : "declined"}`);
  } catch (error) {
    const refusal = panelRefusal(error, t);
    return fail({ intent: "answer", error: refusal.message }, refusal.status);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [
    { name: "description", content: t.metaDescription.panel },
    { title: `${loaded ? t.panels.panelTitle(loaded.panel.caseNumber) : t.meta.error} · ${t.siteName}` },
  ];
};

export default function PanelPage() {
  const { panel, replacements, done } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const p = t.panels;
  const locale = useLocale();
  const user = useUser();
  const staff = user?.role === "staff" || user?.role === "admin";
  const doneWords =
    done === "booked"
      ? p.booked
      : done === "confirmed"
        ? p.confirmed
        : done === "declined"
          ? p.declined
          : done === "minuted"
            ? p.minutesSaved
            : done === "replaced"
              ? p.replaced
              : done === "cancelled"
                ? p.cancelledNotice
                : null;
  return (
    <div className="panels-page panel-page">
      <p className="back-link">
        {staff ? (
          <>
            <Link to="/staff/panels">{p.listHeading}</Link> ·{" "}
          </>
        ) : null}
        <Link to={staff ? `/cases/${panel.caseId}` : "/dashboard"}>{staff ? p.caseLink(panel.caseNumber) : t.dashboard.heading}</Link>
      </p>
      {doneWords ? <Notice>{doneWords}</Notice> : null}
      {/* A seat's answer fails at the top; a replacement or a cancellation next to its field. */}
      {failed?.intent === "answer" ? <Notice kind="error">{failed.error}</Notice> : null}
      <h1>
        {p.panelHeading} <span className="case-number">{panel.caseNumber}</span>
      </h1>
      <p className="lead">
        {p.severity[panel.severity] ?? panel.severity} · {facetLabel("category", panel.category, locale)}
      </p>
      {panel.summary ? (
        <p className="case-summary" lang={dataLang(locale)}>
          {panel.summary}
        </p>
      ) : null}
      <section className="panel" aria-labelledby="panel-when-heading">
        <h2 id="panel-when-heading" className="visually-hidden">
          {p.when}
        </h2>
        <PanelFacts panel={panel} />
        <YourSeat panel={panel} headingLevel={3} />
      </section>
      <section className="panel" aria-labelledby={`panel-${panel.id}-members`}>
        <PanelMembers panel={panel} replacements={replacements} failed={failed} />
      </section>
      <section className="panel" aria-labelledby="panel-minutes-heading">
        <PanelMinutes minutes={panel.minutes} id="panel-minutes-heading" />
        <PanelLinks panel={panel} self />
      </section>
      {panel.actions.cancel ? (
        <section className="panel" aria-labelledby="panel-cancel-heading">
          <h2 id="panel-cancel-heading">{p.cancelHeading}</h2>
          <CancelPanelForm panelId={panel.id} failed={failed} />
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
