// /invitations/:id?code=…: the respondent's page, opened from the text message's link, on a phone,
// without an account and without JavaScript. Without a (right) code: the code form. With it: who asks,
// the case, what people's mediation is (acknowledged by a required tick), and three answers: accept the
// applicant's pick, rank the shortlist, or decline (after a confirmation; then the other routes). Later:
// the agreement to acknowledge and download, and the rating. Every code tried counts against the same
// per-address limit as the API's (a right one is taken back). The code is in the address: the access
// log drops query strings (server/app.mjs) and no Referer from this page carries more than the origin.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { isRouteErrorResponse, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { AgreementPanel, RatingPanel, type StepReply } from "~/components/invitation-after";
import { AnswerForm, ConfirmRefuse, StopMediation, type AnswerReply } from "~/components/invitation-answer";
import { rankingOf } from "~/components/invitation-fields";
import { CodeForm, NextSteps, OtherRoutes } from "~/components/invitation-parts";
import { CaseSessions } from "~/components/case-sections";
import { facetLabel } from "../../domain";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { consentByCode } from "~/models/case-consent.server";
import { acknowledgeAgreement, rateCase } from "~/models/case-outcome.server";
import { invitationPage, withCodeAttempt } from "~/models/case-queue.server";
import { consentSchema, ratingSchema } from "~/models/case-schemas";
import { DomainError, isDomainError } from "~/models/errors";
import { idOr404 } from "~/utils/api.server";
import { STATUS_OF } from "~/utils/api-handler.server";
import { clientAddress } from "~/utils/auth.server";
import { refusalReply } from "~/utils/case-refusal.server";
import { CODE_LIMIT } from "~/utils/case-route.server";
import { parseForm, text } from "~/utils/forms.server";
import { requireSameOrigin } from "~/utils/session.server";

/** The code from the address (the text message's link, or the code form). */
function codeOf(request: Request): string | null {
  const code = new URL(request.url).searchParams.get("code")?.trim();
  return code && code.length <= 40 ? code : null;
}

/**
 * Runs a step with the code, counted against the per-address limit: a 429 (with the wait) past it;
 * null when the code (or the case) is wrong.
 */
async function withCode<T>(context: unknown, step: () => T | Promise<T>): Promise<T | null> {
  try {
    const attempt = await withCodeAttempt({ address: clientAddress(context), limit: CODE_LIMIT, now: Date.now() }, step);
    if (!attempt.ok)
      throw data({ retryAfter: attempt.retryAfter }, { status: 429, headers: { "Retry-After": String(attempt.retryAfter) } });
    return attempt.value;
  } catch (error) {
    if (isDomainError(error, "not_found")) return null;
    throw error;
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = idOr404(params.id);
  const code = codeOf(request);
  if (!code) return { kind: "code" as const, id, wrong: new URL(request.url).searchParams.has("code") };
  const page = await withCode(context, () => invitationPage({ caseId: id, code, now: Date.now() }));
  if (!page) return data({ kind: "code" as const, id, wrong: true }, { status: 404 });
  return { kind: "invitation" as const, id, code, page, done: new URL(request.url).searchParams.get("done") };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const id = idOr404(params.id);
  const code = codeOf(request);
  if (!code) throw redirect(`/invitations/${id}`);
  const formData = await request.formData();
  const locale = getLocale(request);
  const t = messages[locale];
  const now = Date.now();
  const here = `/invitations/${id}?code=${encodeURIComponent(code)}`;
  const intent = String(formData.get("intent") ?? "");

  /** Runs the step; a wrong code goes back to the code form, a refusal is said on the page. */
  const run = async <R,>(step: () => Promise<unknown>, onRefusal: (error: DomainError) => R): Promise<R | null> => {
    try {
      const done = await withCode(context, step);
      if (done === null) throw redirect(`/invitations/${id}?code=`);
      return null;
    } catch (error) {
      if (error instanceof DomainError) return onRefusal(error);
      throw error;
    }
  };

  if (intent === "answer") {
    const choice = String(formData.get("choice") ?? "");
    const ticked = formData.get("informed") === "on";
    const extra: Record<string, string[]> = {};
    if (formData.get("askedInformed") === "1" && !ticked) extra.informed = [t.invitation.errors.informed];
    const ranks = rankingOf(formData, t.invitation.errors.rankTwice);
    if (choice === "rank") {
      Object.assign(extra, ranks.errors);
      if (ranks.ranking.length === 0) extra.ranking = [t.invitation.errors.rankNone];
    }
    const submission = parseForm(formData, {
      schema: consentSchema,
      locale,
      input: () => ({
        code,
        informed: ticked ? true : undefined,
        ...(choice === "accept" ? { accept: true } : choice === "rank" ? { ranking: ranks.ranking } : { refuse: true }),
      }),
    });
    if (submission.status !== "success" || Object.keys(extra).length)
      return data({ intent: "answer" as const, result: submission.reply({ fieldErrors: extra }) }, { status: 400 });
    if (choice === "refuse-ask") return { intent: "answer" as const, confirmRefuse: true, result: submission.reply() };
    const refused = await run(
      () => consentByCode({ caseId: id, code, input: submission.value, now }),
      (error) => data({ intent: "answer" as const, result: refusalReply(submission, error, t) }, { status: STATUS_OF[error.code] }),
    );
    if (refused) return refused;
    const done = choice === "accept" ? "accepted" : choice === "rank" ? "ranked" : "refused";
    return redirect(`${here}&done=${done}`);
  }
  if (intent === "acknowledge" || intent === "rate") {
    const submission = parseForm(formData, {
      schema: intent === "rate" ? ratingSchema : z.object({ code: z.string() }),
      locale,
      input: (p) => ({
        code,
        ...(intent === "rate" ? { stars: p.stars ? Number(p.stars) : undefined, comment: text(p.comment) } : {}),
      }),
      messages: { stars: t.invitation.errors.stars },
    });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const value = submission.value as { stars?: number; comment?: string };
    const refused = await run(
      () =>
        intent === "rate"
          ? rateCase({ code, caseId: id, stars: value.stars!, comment: value.comment, now })
          : acknowledgeAgreement({ code, caseId: id, now }),
      (error) => data({ intent, result: refusalReply(submission, error, t) }, { status: STATUS_OF[error.code] }),
    );
    if (refused) return refused;
    return redirect(`${here}&done=${intent === "rate" ? "rated" : "acknowledged"}`);
  }
  throw new Response("Unknown intent", { status: 400 });
}

export const headers: HeadersFunction = ({ errorHeaders }) => {
  const wait = errorHeaders?.get("Retry-After");
  return {
    // The address holds the invitation code: no Referer ever carries more than the site's origin, and
    // no cache keeps the page. (Not `no-referrer`: under it browsers send `Origin: null` with the page's
    // own form posts, which server/app.mjs refuses as cross-site.)
    "Referrer-Policy": "strict-origin",
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex",
    ...(wait ? { "Retry-After": wait } : {}),
  };
};

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [
    { title: `${t.invitation.title} · ${t.siteName}` },
    { name: "description", content: t.metaDescription.invitation },
    { name: "referrer", content: "strict-origin" },
    { name: "robots", content: "noindex" },
  ];
};

export default function InvitationRoute() {
  const loaded = useLoaderData<typeof loader>();
  // Redirects are not data: what comes back is an answer's or a step's reply.
  const reply = useActionData<typeof action>() as unknown as AnswerReply | StepReply | undefined;
  const t = useT();
  const locale = useLocale();
  const lang = dataLang(locale);
  if (loaded.kind === "code")
    return (
      <div className="invitation-page">
        <h1>{t.invitation.heading}</h1>
        <CodeForm caseId={loaded.id} wrong={loaded.wrong} />
      </div>
    );
  const { page, code, id, done } = loaded;
  const c = page.case;
  const action = `/invitations/${id}?code=${encodeURIComponent(code)}`;
  const answerReply = reply?.intent === "answer" ? reply : undefined;
  const stepReply = reply?.intent === "acknowledge" || reply?.intent === "rate" ? reply : undefined;
  const applicants = c.applicants.join(locale === "zh" ? "、" : ", ");
  return (
    <div className="invitation-page">
      <h1>{t.invitation.heading}</h1>
      {done && t.invitation.done[done] ? <Notice>{t.invitation.done[done]}</Notice> : null}
      <p className="lead" lang={lang}>
        {t.invitation.intro(applicants)}
      </p>
      <section className="panel" aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t.invitation.factsHeading}</h2>
        <dl className="facts">
          <div>
            <dt>{t.invitation.number}</dt>
            <dd className="case-number">{c.number}</dd>
          </div>
          <div>
            <dt>{t.invitation.applicant}</dt>
            <dd lang={lang}>{applicants}</dd>
          </div>
          <div>
            <dt>{t.invitation.category}</dt>
            <dd>{facetLabel("category", c.category, locale)}</dd>
          </div>
          {c.town ? (
            <div>
              <dt>{t.invitation.town}</dt>
              <dd>{facetLabel("town", c.town, locale)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t.invitation.description}</dt>
            <dd className="bio" lang={lang}>
              {c.description}
            </dd>
          </div>
          <div>
            <dt>{t.invitation.status}</dt>
            <dd>
              {t.caseWords.status[c.status]}
              {c.outcome ? `（${t.caseWords.outcome[c.outcome]}）` : null}
            </dd>
          </div>
          {c.mediator ? (
            <div>
              <dt>{t.invitation.mediator}</dt>
              <dd lang={lang}>{c.mediator.name}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      {page.sessions.length && page.stage !== "refused" && page.stage !== "closed" ? <CaseSessions sessions={page.sessions} /> : null}
      {answerReply?.confirmRefuse && page.can.refuse ? (
        <ConfirmRefuse action={action} informed={!page.party.informed} />
      ) : page.can.answer ? (
        <AnswerForm page={page} action={action} reply={answerReply} />
      ) : null}
      <NextSteps page={page} />
      {page.can.stop && !answerReply?.confirmRefuse ? <StopMediation action={action} /> : null}
      {page.showRoutes ? <OtherRoutes /> : null}
      <AgreementPanel
        page={page}
        action={action}
        pdfHref={`/api/v1/cases/${id}/agreement.pdf?code=${encodeURIComponent(code)}`}
        reply={stepReply}
      />
      <RatingPanel page={page} action={action} reply={stepReply} />
    </div>
  );
}

function LimitedPage() {
  const t = useT();
  const error = useRouteError();
  const seconds = isRouteErrorResponse(error) ? Number((error.data as { retryAfter?: unknown } | null)?.retryAfter) || 60 : 60;
  return (
    <div className="error-page">
      <p className="error-code">429</p>
      <h1>{t.invitation.limitedHeading}</h1>
      <p>{t.invitation.limitedBody(Math.max(1, Math.ceil(seconds / 60)))}</p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusHandlers={{ 429: () => <LimitedPage /> }} />;
}
