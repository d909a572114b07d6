// /staff/cases/:id/assign: the explained suggestion for a case, and staff's three steps: accept it in
// one step, choose another mediator (a reason required), or route the case to the general mediation
// window. Plain forms (no script needed), CSRF on each; the model decides and explains refusals.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AssignmentReasonTable } from "~/components/assignment-reason";
import { Notice } from "~/components/forms";
import { CsrfInput } from "~/components/session";
import { localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { formatCentreTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { assignSheet } from "~/models/assignment-page.server";
import { assignSchema, generalWindowSchema } from "~/models/assignment-schemas";
import { assignCase, routeToGeneralWindow } from "~/models/assignment-staff.server";
import { isDomainError } from "~/models/errors";
import { facetLabel, MODE_SLUGS } from "../../domain";
import { idOr404 } from "~/utils/api.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["staff", "admin"]);
  const id = idOr404(params.id);
  try {
    return { sheet: assignSheet({ user, caseId: id, now: Date.now() }), done: new URL(request.url).searchParams.get("done") };
  } catch (error) {
    if (isDomainError(error, "not_found")) throw new Response(null, { status: 404 });
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = requirePageUser(request, ["staff", "admin"]);
  const id = idOr404(params.id);
  const form = await request.formData();
  requireCsrf(request, auth, form);
  const t = messages[getLocale(request)];
  const now = Date.now();
  try {
    if (form.get("intent") === "general-window") {
      const input = generalWindowSchema.parse({ note: String(form.get("note") ?? "") || undefined });
      await routeToGeneralWindow({ user: auth.user, caseId: id, note: input.note, now });
      return redirect(`/staff/cases/${id}/assign?done=routed`);
    }
    const parsed = assignSchema.safeParse({
      mediatorId: Number(form.get("mediatorId")),
      start: String(form.get("start") ?? ""),
      mode: String(form.get("mode") ?? ""),
      reason: String(form.get("reason") ?? "") || undefined,
    });
    if (!parsed.success) return data({ error: t.assignment.note }, { status: 400 });
    await assignCase({ user: auth.user, caseId: id, input: parsed.data, now });
    return redirect(`/staff/cases/${id}/assign?done=assigned`);
  } catch (error) {
    if (isDomainError(error)) return data({ error: `${t.assignment.noSuggestion} (${error.message})` }, { status: 409 });
    throw error;
  }
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [
    { name: "description", content: t.metaDescription.assign },
    { title: `${loaded ? `${t.assignment.open} ${loaded.sheet.case.number}` : t.meta.error} · ${t.siteName}` },
  ];
};

export default function AssignPage() {
  const { sheet, done } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const w = t.assignment;
  const locale = useLocale();
  const s = sheet.suggestion;
  return (
    <div className="assign-page">
      <p className="back-link">
        <Link to={`/cases/${sheet.case.id}`}>{sheet.case.number}</Link>
      </p>
      <h1>
        {w.open} <span className="case-number">{sheet.case.number}</span>
      </h1>
      {done === "assigned" ? <Notice>{w.assigned}</Notice> : done === "routed" ? <Notice>{w.routed}</Notice> : null}
      {failed && "error" in failed ? <Notice kind="error">{failed.error}</Notice> : null}
      <section className="panel" aria-labelledby="suggestion-heading">
        <h2 id="suggestion-heading">{w.suggestionHeading}</h2>
        {s ? (
          <>
            <p className="lead">
              <strong>{sheet.names[s.mediatorId]}</strong> · {formatCentreTime(s.slot.start, locale)} ·{" "}
              {facetLabel("mode", s.slot.mode, locale)}
              {sheet.reason.decidedBy ? <> · {w.decidedBy[sheet.reason.decidedBy]}</> : null}
            </p>
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="mediatorId" value={s.mediatorId} />
              <input type="hidden" name="start" value={s.slot.start} />
              <input type="hidden" name="mode" value={s.slot.mode} />
              <button type="submit" className="button button-primary">
                {w.accept}
              </button>
            </Form>
          </>
        ) : (
          <p>{w.noSuggestion}</p>
        )}
        <AssignmentReasonTable reason={sheet.reason} names={sheet.names} />
      </section>
      <section className="panel" aria-labelledby="other-heading">
        <h2 id="other-heading">{w.chooseOther}</h2>
        <Form method="post" className="stack">
          <CsrfInput />
          <div className="field">
            <label htmlFor="other-mediator">{w.mediatorId}</label>
            <input id="other-mediator" name="mediatorId" inputMode="numeric" required />
          </div>
          <div className="field">
            <label htmlFor="other-start">{w.start}</label>
            <input id="other-start" name="start" defaultValue={s?.slot.start ?? ""} required />
          </div>
          <div className="field">
            <label htmlFor="other-mode">{w.mode}</label>
            <select id="other-mode" name="mode" defaultValue={s?.slot.mode ?? "online"}>
              {MODE_SLUGS.map((m) => (
                <option key={m} value={m}>
                  {facetLabel("mode", m, locale)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="other-reason">{w.note}</label>
            <textarea id="other-reason" name="reason" required minLength={2} rows={2} />
          </div>
          <button type="submit" className="button">
            {w.chooseOther}
          </button>
        </Form>
      </section>
      <p>
        <Link to="/staff/categories">{w.categoriesLink}</Link>
      </p>
      <section className="panel" aria-labelledby="window-heading">
        <h2 id="window-heading">{w.generalWindow}</h2>
        <Form method="post" className="stack">
          <CsrfInput />
          <input type="hidden" name="intent" value="general-window" />
          <div className="field">
            <label htmlFor="window-note">{w.generalWindowNote}</label>
            <input id="window-note" name="note" />
          </div>
          <button type="submit" className="button">
            {w.generalWindow}
          </button>
        </Form>
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
