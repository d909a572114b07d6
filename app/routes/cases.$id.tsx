// /cases/:id: the case page every viewer shares — its parties, its mediator (and the mediators merely
// picked), staff. The number is the heading; status and outcome in words; the progress line; the
// facts, the mediator, the parties and the sessions; then what this viewer may do now, as the model
// says (`can`, from the case rules): rank the shortlist or withdraw, begin mediation or record the
// outcome, acknowledge the agreement, record the judicial confirmation and the fulfilment, rate. Every
// form posts here with an `intent`; the log is shown to staff, and the ratings (staff read them all
// and hide a comment; a party reads their own).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ButtonForm, ConfirmationForm, FulfilmentForm, RankForm, RatingForm, WithdrawForm } from "~/components/case-forms";
import { OutcomeForm } from "~/components/case-outcome-form";
import { CaseRatings, hideIntent } from "~/components/case-ratings";
import { CaseStatusBadge, type CaseReply } from "~/components/case-parts";
import {
  AgreementTerms,
  CaseDetails,
  CaseLog,
  CaseMediator,
  CaseParties,
  CaseSessions,
  CaseTimeline,
  ConfirmationCountdown,
} from "~/components/case-sections";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { localeFromMatches, messages, useT } from "~/i18n";
import { getCasePage, hideCaseRating } from "~/models/case-pages.server";
import { withdrawSchema } from "~/models/case-schemas";
import { isDomainError } from "~/models/errors";
import { idOr404 } from "~/utils/api.server";
import { caseFormRefusal, caseStep } from "~/utils/case-page.server";
import { parseForm, text } from "~/utils/forms.server";
import { getLocale } from "~/i18n/locale.server";
import type { Auth } from "~/utils/auth.server";
import { AssignmentPanel } from "~/components/assignment-panel";
import { assignmentsOf } from "~/models/assignment.server";
import { CasePanelSection } from "~/components/panel-section";
import { casePanelFor } from "~/utils/panel-page.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";

/** Someone who may not see the case gets the 404 of a case that is not there. */
function loadCase(request: Request, raw: string | undefined) {
  const auth = requirePageUser(request);
  const id = idOr404(raw);
  try {
    return { auth, page: getCasePage({ user: auth.user, id, now: Date.now() }) };
  } catch (error) {
    if (isDomainError(error, "not_found")) throw new Response(null, { status: 404 });
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { page, auth } = loadCase(request, params.id);
  return {
    ...page,
    done: new URL(request.url).searchParams.get("done"),
    assignments: assignmentsOf({ user: auth.user, caseId: page.case.id }),
    panel: casePanelFor(auth.user, page.case.id),
  };
}

/** The API's reason for hiding (withdrawSchema), and which rating. */
const hideSchema = withdrawSchema.extend({ ratingId: z.number().int().positive() });

/** Staff hide a rating's comment: the reason is required; the model checks the role and audits it. */
async function hideRating(request: Request, auth: Auth, formData: FormData, caseId: number) {
  const locale = getLocale(request);
  const ratingId = Number(text(formData.get("ratingId")));
  const intent = hideIntent(Number.isInteger(ratingId) ? ratingId : 0);
  const submission = parseForm(formData, {
    schema: hideSchema,
    locale,
    input: (p) => ({ reason: typeof p.reason === "string" ? p.reason : "", ratingId }),
  });
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: submission.status ? 400 : 200 });
  try {
    await hideCaseRating({ user: auth.user, caseId, ratingId, reason: submission.value.reason, now: Date.now() });
    return redirect(`/cases/${caseId}?done=rating-hidden#ratings`);
  } catch (error) {
    const { result, status } = caseFormRefusal(error, submission, messages[locale]);
    return data({ intent, result }, { status });
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = requirePageUser(request);
  const id = idOr404(params.id);
  const formData = await request.formData();
  requireCsrf(request, auth, formData);
  if (formData.get("intent") === "hide-rating") return hideRating(request, auth, formData, id);
  return caseStep(request, auth, formData, id);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = messages[localeFromMatches(matches)];
  if (!data) return [{ name: "description", content: t.metaDescription.caseRecord }, { title: `${t.meta.error} · ${t.siteName}` }];
  const c = data.case;
  return [
    { name: "description", content: t.metaDescription.caseRecord },
    { title: `${c.number}（${c.outcome ? t.casePages.outcome[c.outcome] : t.casePages.status[c.status]}） · ${t.siteName}` },
  ];
};

export default function CasePage() {
  const { case: c, me, shortlist, myRanking, timeline, sessions, agreement, can, log, done, ratings } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as CaseReply;
  const t = useT();
  const w = t.casePages.page;
  const doneWords = done === "filed" ? t.casePages.file.filed(c.number) : done ? w.done[done] : undefined;
  return (
    <div className="case-page">
      <p className="back-link">
        <Link to="/cases">{w.back}</Link>
      </p>
      {doneWords ? <Notice>{doneWords}</Notice> : null}
      <header className="case-head" id="case-status">
        <p className="small muted">{w.numberLabel}</p>
        <h1>{c.number}</h1>
        <CaseStatusBadge status={c.status} outcome={null} />
        {c.outcome ? (
          <p className="case-status-line">
            {w.outcomeLabel}
            {t.colon}
            <strong>{t.casePages.outcome[c.outcome]}</strong>
          </p>
        ) : null}
        {can.seeLog ? (
          <p className="small">
            <a href="#log">{w.logLink}</a>
          </p>
        ) : null}
      </header>

      <div className="case-grid">
        <div className="case-main">
          <CaseTimeline timeline={timeline} />
          <AssignmentPanel caseId={c.id} assignments={useLoaderData<typeof loader>().assignments} />
          <CasePanelSection panel={useLoaderData<typeof loader>().panel} caseId={c.id} severity={c.severity} />

          {can.rank ? (
            <section className="panel panel-action" aria-labelledby="rank-heading">
              <h2 id="rank-heading">{w.rankHeading}</h2>
              <p>{w.rankIntro}</p>
              <RankForm caseId={c.id} shortlist={shortlist} ranking={myRanking} needsInformed={!me?.informed} reply={reply} />
            </section>
          ) : null}

          {can.start ? (
            <section className="panel panel-action" aria-labelledby="start-heading">
              <h2 id="start-heading">{w.startHeading}</h2>
              <p>{w.startIntro}</p>
              <ButtonForm caseId={c.id} intent="start" label={w.startButton} reply={reply} />
            </section>
          ) : null}

          {can.recordOutcome ? (
            <section className="panel panel-action" aria-labelledby="outcome-heading">
              <h2 id="outcome-heading">{w.outcomeHeading}</h2>
              <OutcomeForm caseId={c.id} reply={reply} />
            </section>
          ) : null}

          {agreement ? (
            <section className="panel" aria-labelledby="agreement-heading">
              <h2 id="agreement-heading">{w.agreementSection}</h2>
              <AgreementTerms
                caseId={c.id}
                agreement={agreement}
                instalmentExtra={
                  can.recordFulfilment
                    ? (i) => <FulfilmentForm caseId={c.id} instalmentId={i.id} seq={i.seq} result={i.result} reply={reply} />
                    : undefined
                }
              />
              {can.acknowledge ? (
                <div className="case-subsection" aria-labelledby="acknowledge-heading" role="group">
                  <h3 id="acknowledge-heading">{w.acknowledgeHeading}</h3>
                  <p>{w.acknowledgeIntro}</p>
                  <ButtonForm caseId={c.id} intent="acknowledge" label={w.acknowledgeButton} reply={reply} />
                </div>
              ) : me?.acknowledged ? (
                <p className="small muted">{w.acknowledgedNote}</p>
              ) : null}
            </section>
          ) : null}

          {agreement?.effectiveAt ? (
            <section className="panel" aria-labelledby="confirmation-heading">
              <h2 id="confirmation-heading">{w.confirmationHeading}</h2>
              <ConfirmationCountdown agreement={agreement} />
              {can.recordConfirmation ? <ConfirmationForm caseId={c.id} current={agreement.confirmation} reply={reply} /> : null}
            </section>
          ) : null}

          {can.rate ? (
            <section className="panel panel-action" aria-labelledby="rate-heading">
              <h2 id="rate-heading">{w.rateHeading}</h2>
              <RatingForm caseId={c.id} reply={reply} />
            </section>
          ) : me?.rated ? (
            <p className="small muted">{w.ratedNote}</p>
          ) : null}

          <CaseRatings caseId={c.id} ratings={ratings} staff={can.hideRating} reply={reply} />

          {can.withdraw ? (
            <section className="panel" aria-labelledby="withdraw-heading">
              <h2 id="withdraw-heading" className="visually-hidden">
                {w.withdrawHeading}
              </h2>
              <WithdrawForm caseId={c.id} reply={reply} />
            </section>
          ) : null}
        </div>

        <div className="case-side">
          <CaseDetails c={c} />
          <CaseMediator c={c} />
          <CaseParties c={c} myPartyId={me?.partyId ?? null} />
          <CaseSessions sessions={sessions} />
        </div>
      </div>

      {can.seeLog && log ? <CaseLog log={log} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
