// /bookings/:id: one booking as its party, its mediator or centre staff sees it. The status and what it
// means; the case summary (the other side's name only reaches those who may see the booking at all);
// the calendar file once confirmed; and what the viewer may do now: the mediator confirms or declines,
// either side cancels with a reason, the party reschedules to another free slot of the same mediator.
// Centre staff see the mediator's answer forms too, headed "acting for the mediator" (issue 9).
// A declined or expired request shows similar mediators who have free time soon.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { ConfirmForm, ReasonForm, StatusBadge, replyFor, type StepResult } from "~/components/booking-parts";
import { DoneNotice, ProposalAnswer } from "~/components/booking-journey";
import { ProposeForm } from "~/components/booking-propose";
import { modeName, whereText } from "~/i18n/booking-text";
import { revalidateAfterConflict } from "~/components/booking-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { HitCard } from "~/components/hit-card";
import { CsrfInput } from "~/components/session";
import { SlotPicker, slotPickerFocusId, type CalendarWindow, type SlotView } from "~/components/slot-calendar";
import { facetLabel } from "../../domain";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { formatCentreTime, formatSession } from "~/i18n/format";
import { suggestAlternatives } from "~/models/alternatives.server";
import type { Role } from "~/models/auth.server";
import { getBooking } from "~/models/bookings.server";
import { isDomainError } from "~/models/errors";
import { rescheduleSlots } from "~/models/slots-query.server";
import { answerSeaForm, seaPanelFor } from "~/models/sea-offer.server";
import { SeaOfferPanel } from "~/components/sea-offer";
import { BookingPractical } from "~/components/what-to-bring";
import { onlineRoomUrl } from "~/models/centre-info.server";
import { STATUS_OF } from "~/utils/api-handler.server";
import { idOr404 } from "~/utils/api.server";
import { bookingStep, calendarWindow, proposeSlots } from "~/utils/booking-page.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";

/**
 * Anyone signed in may ask for a booking; the model answers only its party, its mediator and staff
 * (anyone else gets the 404 of a booking that is not there), with the actions this viewer may take.
 */
function loadBooking(request: Request, raw: string | undefined, roles?: readonly Role[]) {
  const auth = requirePageUser(request, roles);
  const id = idOr404(raw);
  const now = Date.now();
  try {
    return { auth, now, booking: getBooking({ user: auth.user, id, now }) };
  } catch (error) {
    if (isDomainError(error, "not_found")) throw new Response(null, { status: 404 });
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { auth, booking, now } = loadBooking(request, params.id);
  const url = new URL(request.url);
  const window = calendarWindow(url.searchParams.get("from"), now);
  const reschedule =
    booking.actions.reschedule === "too_late"
      ? ("too-late" as const)
      : booking.actions.reschedule
        ? { window, slots: rescheduleSlots({ booking, from: window.from, to: window.to, now }) }
        : null;
  const alternatives =
    booking.viewer === "party" && (booking.status === "declined" || booking.status === "expired")
      ? await suggestAlternatives({ user: auth.user, id: booking.id, now })
      : null;
  const propose = booking.actions.decline || booking.actions.propose ? { window, slots: proposeSlots(booking, window, now) } : null;
  return {
    booking,
    propose,
    reschedule,
    alternatives,
    sea: seaPanelFor({ booking, now }),
    roomUrl: booking.mode === "online" && booking.status === "confirmed" ? onlineRoomUrl(booking.id) : null,
    created: url.searchParams.has("created"),
    done: url.searchParams.get("done"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { auth, booking } = loadBooking(request, params.id, ["party", "mediator", "staff", "admin"]);
  const formData = await request.formData();
  requireCsrf(request, auth, formData);
  // The offer of a ferry suspension (issue 9): answered in its own panel, refusals shown there.
  const intent = String(formData.get("intent") ?? "");
  if (intent.startsWith("sea-")) {
    const start = String(formData.get("start") ?? "");
    try {
      const done = await answerSeaForm({ user: auth.user, id: booking.id, intent, start, now: Date.now() });
      return redirect(`/bookings/${done.bookingId}?done=${done.done}`);
    } catch (error) {
      if (!isDomainError(error) || error.code === "not_found") throw error;
      return data({ seaError: error.code }, { status: STATUS_OF[error.code] });
    }
  }
  const outcome = await bookingStep(request, auth, formData, booking.id);
  if (!("ok" in outcome)) return outcome;
  // A reschedule makes a new booking: show that one (a move of a confirmed session, or the moved one).
  const b = outcome.booking;
  const done =
    outcome.intent === "reschedule"
      ? b.changeOf
        ? "change-requested"
        : b.status === "confirmed"
          ? "moved"
          : "rescheduled"
      : outcome.intent === "propose"
        ? "proposed"
        : outcome.intent === "propose-time"
          ? "time-proposed"
          : outcome.intent === "accept-proposal"
            ? "moved"
            : outcome.intent === "refuse-proposal"
              ? "kept"
              : b.status;
  return redirect(`/bookings/${outcome.booking.id}?done=${done}`);
}

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = messages[localeFromMatches(matches)];
  if (!data) return [{ name: "description", content: t.metaDescription.booking }, { title: `${t.meta.error} · ${t.siteName}` }];
  return [
    { name: "description", content: t.metaDescription.booking },
    { title: `${t.booking.title(data.booking.caseNumber)}（${t.status[data.booking.status]}） · ${t.siteName}` },
  ];
};

function Reschedule({ bookingId, window, slots, mode }: { bookingId: number; window: CalendarWindow; slots: SlotView[]; mode: string }) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const navigation = useNavigation();
  const pageResult = useActionData<typeof action>() as StepResult;
  const lastResult = replyFor(pageResult, "reschedule", bookingId);
  const [form, fields] = useForm<{ start: string }>({ id: "reschedule", lastResult });
  const [start, setStart] = useState<string | null>(null);
  const pending = navigation.state === "submitting" && navigation.formData?.get("intent") === "reschedule";
  return (
    <section className="panel" aria-labelledby="reschedule-heading">
      <h2 id="reschedule-heading">{t.booking.rescheduleHeading}</h2>
      <p>{t.booking.rescheduleIntro}</p>
      <p className="small muted">{t.booking.rescheduleMode(modeName(mode, locale))}</p>
      <details className="fold" open={Boolean(lastResult) || new URLSearchParams(location.search).has("from") || undefined}>
        <summary>{t.booking.rescheduleOpen}</summary>
        <Form method="post" {...getFormProps(form)}>
          <ErrorSummary
            id="reschedule-summary"
            focusKey={lastResult}
            formErrors={form.errors}
            items={[{ id: slotPickerFocusId("start", slots), label: t.calendar.legend, errors: fields.start.errors }]}
          />
          <CsrfInput />
          <input type="hidden" name="intent" value="reschedule" />
          <SlotPicker
            name="start"
            slots={slots}
            window={window}
            hrefFor={(from) => `${location.pathname}?from=${from}#reschedule-heading`}
            selected={start}
            onSelect={setStart}
            errors={fields.start.errors}
            errorId={fields.start.errorId}
          />
          <SubmitButton pending={pending} label={t.booking.rescheduleButton} />
        </Form>
      </details>
    </section>
  );
}

export default function BookingPage() {
  const { booking: b, propose, reschedule, alternatives, sea, created, done, roomUrl } = useLoaderData<typeof loader>();
  const { viewer, actions: can, committeeName } = b;
  const pageResult = useActionData<typeof action>() as StepResult;
  const t = useT();
  const locale = useLocale();
  const lang = dataLang(locale);
  const category = facetLabel("category", b.category, locale);
  const cancelledText = b.cancelReason === "rescheduled" ? t.booking.rescheduledAway : b.cancelReason;
  return (
    <div className="booking-page">
      <p className="back-link">
        <Link to={viewer === "mediator" ? "/dashboard" : "/bookings"}>
          {viewer === "mediator" ? `← ${t.dashboard.heading}` : viewer === "staff" ? t.booking.backStaff : t.booking.back}
        </Link>
      </p>
      <header className="booking-head">
        <h1>{t.booking.title(b.caseNumber)}</h1>
        <StatusBadge status={b.status} />
      </header>
      <DoneNotice booking={b} done={done} created={created} />
      {b.pendingChange ? (
        <p className="respond-by pending-change">
          {t.journey.pendingChange(formatCentreTime(b.pendingChange.start, locale), formatCentreTime(b.pendingChange.respondBy, locale))}{" "}
          <Link to={`/bookings/${b.pendingChange.id}`}>{t.journey.pendingChangeLink}</Link>
        </p>
      ) : null}
      {b.changeOf && !(created || done === "change-requested") ? (
        <p className="respond-by change-of">
          {t.journey.changeOf(formatCentreTime(b.changeOf.start, locale))}{" "}
          <Link to={`/bookings/${b.changeOf.id}`}>{t.journey.changeOfLink}</Link>
        </p>
      ) : null}
      {b.status === "pending" ? <p className="respond-by">{t.booking.respondBy(formatCentreTime(b.respondBy, locale))}</p> : null}
      {b.status === "expired" ? <p className="respond-by">{t.booking.expiredNote}</p> : null}
      {b.awaitingConsent ? <p className="respond-by awaiting-consent">{t.booking.awaitingConsent}</p> : null}
      {sea ? <SeaOfferPanel sea={sea} viewer={viewer} done={done} /> : null}

      <section className="panel" aria-labelledby="details-heading">
        <h2 id="details-heading">{t.booking.details}</h2>
        <dl className="facts">
          <div>
            <dt>{t.booking.when}</dt>
            <dd>
              <strong>{formatSession(b.start, b.end, locale)}</strong>
            </dd>
          </div>
          <div>
            <dt>{t.booking.mediator}</dt>
            <dd>
              <Link to={`/mediators/${b.mediatorId}`} lang={lang}>
                {b.mediatorName}
              </Link>
              {b.committeeId ? <span className="muted">（{t.booking.assignedByCommittee}）</span> : null}
            </dd>
          </div>
          {b.committeeId ? (
            <div>
              <dt>{t.booking.committee}</dt>
              <dd>
                <Link to={`/committees/${b.committeeId}`} lang={lang}>
                  {committeeName ?? t.booking.committee}
                </Link>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t.booking.where}</dt>
            <dd>{whereText(b, t, locale)}</dd>
          </div>
          <div>
            <dt>{t.booking.category}</dt>
            <dd>{category}</dd>
          </div>
          <div>
            <dt>{t.booking.summary}</dt>
            <dd className="bio" lang={lang}>
              {b.summary}
            </dd>
          </div>
          {b.counterpartyName ? (
            <div>
              <dt>{t.booking.counterparty}</dt>
              <dd lang={lang}>{b.counterpartyName}</dd>
            </div>
          ) : null}
          {viewer !== "party" ? (
            <div>
              <dt>{t.booking.party}</dt>
              <dd lang={lang}>{b.partyName}</dd>
            </div>
          ) : null}
          {b.meetingPoint ? (
            <div>
              <dt>{t.journey.meetingPoint}</dt>
              <dd lang={lang}>{b.meetingPoint}</dd>
            </div>
          ) : null}
          {b.partyContact && viewer === "mediator" ? (
            <div className="party-contact">
              <dt>{t.journey.partyContact}</dt>
              <dd>
                {[b.partyContact.contactPhone, b.partyContact.phone]
                  .filter((x, i, all): x is string => Boolean(x) && all.indexOf(x) === i)
                  .join(" / ")}
              </dd>
            </div>
          ) : null}
          {b.partyContact && viewer === "party" && b.partyContact.contactPhone ? (
            <div>
              <dt>{t.journey.contactPhoneLabel}</dt>
              <dd>{b.partyContact.contactPhone}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t.booking.caseNo}</dt>
            <dd>
              <Link to={`/cases/${b.caseId}`}>{b.caseNumber}</Link>
            </dd>
          </div>
          {b.actedByName && (b.status === "confirmed" || b.status === "declined") ? (
            <div>
              <dt>{t.booking.answeredBy}</dt>
              <dd lang={lang}>{t.booking.actedBy(b.actedByName, b.mediatorName, b.status)}</dd>
            </div>
          ) : null}
          {b.declineReason ? (
            <div>
              <dt>{t.booking.declineReason}</dt>
              <dd lang={lang}>{b.declineReason}</dd>
            </div>
          ) : null}
          {b.status === "cancelled" && cancelledText ? (
            <div>
              <dt>{t.booking.cancelReason}</dt>
              <dd>
                <span lang={b.cancelReason === "rescheduled" ? undefined : lang}>{cancelledText}</span>
                {b.cancelledBy ? <span className="muted">（{t.booking.cancelledBy[b.cancelledBy] ?? b.cancelledBy}）</span> : null}
              </dd>
            </div>
          ) : null}
          {b.rescheduledFromId ? (
            <div>
              <dt>{t.booking.rescheduleHeading}</dt>
              <dd>
                <Link to={`/bookings/${b.rescheduledFromId}`}>{t.booking.rescheduledFrom}</Link>
              </dd>
            </div>
          ) : null}
        </dl>
        {b.status === "pending" || b.status === "confirmed" ? (
          <p className="ics">
            {/* A plain link: the file comes from the API route, which accepts the session cookie. */}
            <a
              href={`/api/v1/bookings/${b.id}/calendar.ics`}
              download={`booking-${b.id}.ics`}
              className="button"
              aria-describedby="ics-hint"
            >
              {t.booking.ics}
            </a>
            <span id="ics-hint" className="small muted">
              {t.booking.icsHint}
            </span>
          </p>
        ) : null}
      </section>

      <BookingPractical booking={b} roomUrl={roomUrl} />

      {can.confirm || can.decline ? (
        <section className="panel" aria-labelledby="respond-heading">
          <h2 id="respond-heading">{viewer === "staff" ? t.booking.actingForHeading : t.booking.respondHeading}</h2>
          {viewer === "staff" ? (
            <p className="small muted" lang={lang}>
              {t.booking.actingForIntro(b.mediatorName)}
            </p>
          ) : null}
          <div className="respond-forms">
            <ConfirmForm bookingId={b.id} label={t.booking.confirmButton} pageResult={pageResult} />
            <ReasonForm
              intent="decline"
              bookingId={b.id}
              label={t.booking.declineReason_label}
              hint={t.booking.declineHint}
              button={t.booking.declineButton}
              pageResult={pageResult}
            />
          </div>
          {propose ? <ProposeForm bookingId={b.id} window={propose.window} slots={propose.slots} /> : null}
        </section>
      ) : null}

      {b.status === "confirmed" && b.proposedStart ? <ProposalAnswer b={b} /> : null}

      {can.propose && propose ? (
        <section className="panel" aria-labelledby="move-heading">
          <h2 id="move-heading">{t.journey.proposeHeading}</h2>
          <ProposeForm bookingId={b.id} window={propose.window} slots={propose.slots} variant="move" />
        </section>
      ) : null}

      {b.proposedStart && b.status === "declined" ? (
        <section className="panel" aria-labelledby="proposed-heading">
          <h2 id="proposed-heading">{t.booking.proposedHeading}</h2>
          <p>{t.booking.proposedBody(formatCentreTime(b.proposedStart, locale))}</p>
          {viewer === "party" ? (
            <p>
              <Link to={`/mediators/${b.mediatorId}/book?from=${b.proposedStart.slice(0, 10)}`} className="button button-primary">
                {t.booking.proposedBook}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {reschedule === "too-late" ? (
        <section className="panel" aria-labelledby="reschedule-heading">
          <h2 id="reschedule-heading">{t.booking.rescheduleHeading}</h2>
          <p>{t.booking.rescheduleTooLate}</p>
        </section>
      ) : reschedule ? (
        <Reschedule bookingId={b.id} window={reschedule.window} slots={reschedule.slots} mode={b.mode} />
      ) : null}

      {can.cancel ? (
        <section className="panel" aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">{t.booking.cancelHeading}</h2>
          <ReasonForm
            intent="cancel"
            bookingId={b.id}
            label={t.booking.cancelReason_label}
            hint={viewer === "party" ? t.booking.cancelHintParty : t.booking.cancelHintMediator}
            button={t.booking.cancelButton}
            buttonClass="button button-danger"
            pageResult={pageResult}
          />
        </section>
      ) : null}

      {alternatives ? (
        <section aria-labelledby="alternatives-heading" className="alternatives">
          <h2 id="alternatives-heading">{t.booking.alternativesHeading}</h2>
          {alternatives.length ? (
            <>
              <p>{t.booking.alternativesIntro}</p>
              <ul className="hits">
                {alternatives.map((hit) => (
                  <li key={hit.id} className="alternative">
                    <HitCard hit={hit} />
                    <p className="alternative-book">
                      <Link to={`/mediators/${hit.id}/book`} className="button button-primary">
                        {t.booking.bookThis(hit.name)}
                      </Link>
                    </p>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t.booking.alternativesNone}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
