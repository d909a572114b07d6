// /dashboard: a mediator's requests awaiting an answer (confirm, or decline with a reason) and their
// upcoming confirmed sessions (cancel with a reason). Each row's form works on its own.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmForm, ReasonForm, StatusBadge, type StepResult } from "~/components/booking-parts";
import { whereText } from "~/i18n/booking-text";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { facetLabel } from "../../domain";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { formatCentreTime, formatSession } from "~/i18n/format";
import type { BookingView } from "~/models/booking-view";
import { mediatorAgenda } from "~/models/bookings.server";
import { hasPublicProfile } from "~/models/mediators.server";
import { idOr404, parseId } from "~/utils/api.server";
import { bookingStep } from "~/utils/booking-page.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";
import { PanelSeats } from "~/components/panel-seats";
import { panelSeatsFor } from "~/utils/panel-page.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["mediator"]);
  const url = new URL(request.url);
  const doneId = parseId(url.searchParams.get("id") ?? undefined);
  const { pending, upcoming, done } = mediatorAgenda({ user, now: Date.now(), doneId });
  return {
    mediatorId: user.mediatorId,
    // A judge or department representative seated on panels has no public profile to link to.
    listed: user.mediatorId !== null && hasPublicProfile(user.mediatorId),
    pending,
    upcoming,
    done: url.searchParams.get("done"),
    doneCase: done?.caseNumber ?? null,
    panelSeats: panelSeatsFor(user, Date.now()),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request, ["mediator"]);
  const formData = await request.formData();
  requireCsrf(request, auth, formData);
  const id = idOr404(String(formData.get("bookingId") ?? ""));
  const outcome = await bookingStep(request, auth, formData, id);
  if (!("ok" in outcome)) return outcome;
  return redirect(`/dashboard?done=${outcome.booking.status}&id=${id}`);
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ name: "description", content: t.metaDescription.dashboard }, { title: `${t.dashboard.title} · ${t.siteName}` }];
};

function Facts({ b }: { b: BookingView }) {
  const t = useT();
  const locale = useLocale();
  const lang = dataLang(locale);
  return (
    <>
      <dl className="inline-facts">
        <div>
          <dt>{t.booking.party}</dt>
          <dd lang={lang}>{b.partyName}</dd>
        </div>
        <div>
          <dt>{t.booking.where}</dt>
          <dd>{whereText(b, t, locale)}</dd>
        </div>
        <div>
          <dt>{t.booking.category}</dt>
          <dd>{facetLabel("category", b.category, locale)}</dd>
        </div>
        {b.counterpartyName ? (
          <div>
            <dt>{t.booking.counterparty}</dt>
            <dd lang={lang}>{b.counterpartyName}</dd>
          </div>
        ) : null}
      </dl>
      <p className="case-summary" lang={lang}>
        {b.summary}
      </p>
    </>
  );
}

function CardHead({ b }: { b: BookingView }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="booking-card-head">
      <h3 id={`booking-${b.id}`} className="booking-card-title">
        <Link to={`/bookings/${b.id}`} aria-label={`${formatSession(b.start, b.end, locale)}（${t.dashboard.detail(b.caseNumber)}）`}>
          {formatSession(b.start, b.end, locale)}
        </Link>
      </h3>
      <StatusBadge status={b.status} />
      {b.awaitingConsent ? <span className="status-badge status-pending">{t.booking.awaitingConsentShort}</span> : null}
      {b.changeOf ? <span className="status-badge status-pending">{t.dashboard.moveBadge}</span> : null}
    </div>
  );
}

export default function Dashboard() {
  const { mediatorId, listed, pending, upcoming, done, doneCase } = useLoaderData<typeof loader>();
  const pageResult = useActionData<typeof action>() as StepResult;
  const t = useT();
  const locale = useLocale();
  const doneText =
    doneCase && (done === "confirmed" || done === "declined" || done === "cancelled") ? t.dashboard.done[done](doneCase) : null;
  return (
    <div className="dashboard">
      <h1>{t.dashboard.heading}</h1>
      <PanelSeats panels={useLoaderData<typeof loader>().panelSeats} />
      {!mediatorId ? (
        <Notice kind="info">{t.dashboard.notLinked}</Notice>
      ) : (
        <>
          <ul className="quick-links dashboard-links">
            <li>
              <Link to="/dashboard/availability">{t.dashboard.availabilityLink}</Link>
            </li>
            <li>
              <Link to="/bookings">{t.dashboard.allBookingsLink}</Link>
            </li>
            {listed ? (
              <li>
                <Link to={`/mediators/${mediatorId}`}>{t.dashboard.profileLink}</Link>
              </li>
            ) : null}
            <li>
              <Link to="/dashboard/ties">{t.assignment.tiesHeading}</Link>
            </li>
          </ul>
          {doneText ? <Notice>{doneText}</Notice> : null}

          <section aria-labelledby="pending-heading" className="dashboard-section">
            <h2 id="pending-heading">{t.dashboard.pendingHeading(pending.length)}</h2>
            {pending.length === 0 ? (
              <p className="muted">{t.dashboard.pendingEmpty}</p>
            ) : (
              <ol className="booking-list">
                {pending.map((b) => (
                  <li key={b.id}>
                    <article className="booking-card" aria-labelledby={`booking-${b.id}`}>
                      <CardHead b={b} />
                      <p className="respond-by">{t.dashboard.respondBy(formatCentreTime(b.respondBy, locale))}</p>
                      {b.changeOf ? (
                        <p className="small" data-testid="move-of">
                          {t.journey.changeOf(formatCentreTime(b.changeOf.start, locale))}
                        </p>
                      ) : null}
                      <Facts b={b} />
                      <div className="card-actions">
                        <ConfirmForm bookingId={b.id} label={t.dashboard.confirm} pageResult={pageResult} />
                        <ReasonForm
                          intent="decline"
                          bookingId={b.id}
                          summary={t.dashboard.declineSummary}
                          label={t.booking.declineReason_label}
                          hint={t.booking.declineHint}
                          button={t.dashboard.decline}
                          pageResult={pageResult}
                        />
                      </div>
                    </article>
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section aria-labelledby="upcoming-heading" className="dashboard-section">
            <h2 id="upcoming-heading">{t.dashboard.upcomingHeading(upcoming.length)}</h2>
            {upcoming.length === 0 ? (
              <p className="muted">{t.dashboard.upcomingEmpty}</p>
            ) : (
              <ol className="booking-list">
                {upcoming.map((b) => (
                  <li key={b.id}>
                    <article className="booking-card" aria-labelledby={`booking-${b.id}`}>
                      <CardHead b={b} />
                      <Facts b={b} />
                      <div className="card-actions">
                        <ReasonForm
                          intent="cancel"
                          bookingId={b.id}
                          summary={t.dashboard.cancelSummary}
                          label={t.booking.cancelReason_label}
                          hint={t.booking.cancelHintMediator}
                          button={t.booking.cancelButton}
                          buttonClass="button button-danger"
                          pageResult={pageResult}
                        />
                      </div>
                    </article>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
