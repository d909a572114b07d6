// What the booking page says after a step (issue 11): a confirmation at the top with what happens next
// and when (its heading takes the focus), and the party's answer to a time the mediator proposes for
// a confirmed session.
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";
import { formatCentreTime, formatSession } from "~/i18n/format";
import type { BookingView } from "~/models/booking-view";
import { Confirmation, replyFor, type StepResult } from "./booking-parts";
import { Notice, SubmitButton } from "./forms";
import { CsrfInput } from "./session";

/** After a step: a confirmation with what happens next (focus on its heading), or a short notice. */
export function DoneNotice({ booking: b, done, created }: { booking: BookingView; done: string | null; created: boolean }) {
  const t = useT();
  const locale = useLocale();
  const when = formatSession(b.start, b.end, locale);
  if ((created || done === "moved") && b.status === "confirmed")
    return (
      <Confirmation heading={created ? t.journey.confirmedHeading : t.journey.movedHeading}>
        <p>{created ? t.journey.confirmedNext(when) : t.journey.movedNext(when)}</p>
      </Confirmation>
    );
  if (created || done === "change-requested")
    return b.changeOf ? (
      <Confirmation heading={t.journey.changeHeading}>
        <p>{t.journey.changeNext(formatCentreTime(b.changeOf.start, locale), formatCentreTime(b.respondBy, locale))}</p>
      </Confirmation>
    ) : (
      <Confirmation heading={t.journey.createdHeading}>
        <p>{t.journey.createdNext(formatCentreTime(b.respondBy, locale))}</p>
        <p className="small">{t.journey.createdNextFallback}</p>
      </Confirmation>
    );
  if (done === "rescheduled")
    return (
      <Confirmation heading={t.journey.rescheduledHeading}>
        <p>{t.booking.done.rescheduled}</p>
        <p>{t.journey.createdNext(formatCentreTime(b.respondBy, locale))}</p>
      </Confirmation>
    );
  if (done === "time-proposed")
    return (
      <Confirmation heading={t.journey.proposedSentHeading}>
        <p>{t.journey.proposedSentNext}</p>
      </Confirmation>
    );
  if (done === "kept")
    return (
      <Confirmation heading={t.journey.refusedHeading}>
        <p>{t.journey.refusedNext}</p>
      </Confirmation>
    );
  const known = t.booking.done as Record<string, string>;
  return done && known[done] ? <Notice>{known[done]}</Notice> : null;
}

/** The mediator's proposed time for a confirmed session: the party agrees (it moves) or keeps theirs. */
export function ProposalAnswer({ b }: { b: BookingView }) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const pageResult = useActionData() as StepResult;
  const errors = (replyFor(pageResult, "accept-proposal", b.id) ?? replyFor(pageResult, "refuse-proposal", b.id))?.error?.[""];
  const when = formatCentreTime(b.proposedStart!, locale);
  return (
    <section className="panel" aria-labelledby="proposal-heading">
      <h2 id="proposal-heading">{t.journey.proposalHeading}</h2>
      {b.viewer === "party" ? (
        <>
          <p>{t.journey.proposalBody(when)}</p>
          {errors?.length ? (
            <p className="field-error" role="alert">
              {errors.join(" ")}
            </p>
          ) : null}
          <div className="respond-forms">
            {(["accept-proposal", "refuse-proposal"] as const).map((intent) => (
              <Form method="post" key={intent}>
                <CsrfInput />
                <input type="hidden" name="intent" value={intent} />
                <SubmitButton
                  pending={navigation.formData?.get("intent") === intent}
                  label={intent === "accept-proposal" ? t.journey.acceptButton : t.journey.refuseButton}
                  className={intent === "accept-proposal" ? "button button-primary" : "button"}
                />
              </Form>
            ))}
          </div>
        </>
      ) : (
        <p>{t.journey.proposalWaiting(when)}</p>
      )}
    </section>
  );
}
