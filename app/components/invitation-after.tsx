// After mediation, on the respondent's invitation page: the agreement (the PDF by the invitation code,
// and the acknowledgement that makes it take effect once every party has given it) and, once the case
// is closed, the rating. Plain POST forms; errors come back from the server.
import type { SubmissionResult } from "@conform-to/react";
import { useNavigation } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";
import { formatDate } from "./case-parts";
import type { InvitationPage } from "~/models/case-queue.server";
import { StepForm } from "./invitation-answer";
import { FieldErrors, SubmitButton } from "./forms";

export type StepReply = { intent: "acknowledge" | "rate"; result: SubmissionResult<string[]> } | undefined;

export function AgreementPanel({
  page,
  action,
  pdfHref,
  reply,
}: {
  page: InvitationPage;
  action: string;
  pdfHref: string;
  reply: StepReply;
}) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const a = page.agreement;
  if (!a) return null;
  const errors = reply?.intent === "acknowledge" ? reply.result.error?.[""] : null;
  return (
    <section className="panel invitation-agreement" aria-labelledby="agreement-heading">
      <h2 id="agreement-heading">{t.invitation.agreementHeading}</h2>
      <p>
        {t.invitation.agreementSigned(formatDate(a.signedOn, locale))}{" "}
        {a.effective && a.effectiveOn ? t.invitation.agreementEffective(formatDate(a.effectiveOn, locale)) : t.invitation.agreementPending}
      </p>
      <p>
        {/* A plain link: the API route takes the invitation code from the query string. */}
        <a href={pdfHref} className="button" rel="noreferrer" download>
          {t.invitation.pdfLink}
        </a>
      </p>
      {page.can.acknowledge ? (
        <StepForm action={action} intent="acknowledge">
          <p>{t.invitation.acknowledgeText}</p>
          <FieldErrors id="acknowledge-error" errors={errors} />
          <SubmitButton pending={navigation.state === "submitting"} label={t.invitation.acknowledgeButton} />
        </StepForm>
      ) : page.party.acknowledged ? (
        <p className="informed-done">✓ {t.invitation.acknowledged}</p>
      ) : null}
    </section>
  );
}

export function RatingPanel({ page, action, reply }: { page: InvitationPage; action: string; reply: StepReply }) {
  const t = useT();
  const navigation = useNavigation();
  if (!page.can.rate && !page.party.rated) return null;
  const result = reply?.intent === "rate" ? reply.result : undefined;
  const typed = (result?.initialValue ?? {}) as Record<string, unknown>;
  const starErrors = result?.error?.stars ?? null;
  const commentErrors = result?.error?.comment ?? null;
  return (
    <section className="panel invitation-rating" aria-labelledby="rating-heading">
      <h2 id="rating-heading">{t.invitation.ratingHeading}</h2>
      {page.party.rated ? (
        <p className="informed-done">✓ {t.invitation.rated}</p>
      ) : (
        <StepForm action={action} intent="rate">
          <p>{t.invitation.ratingIntro}</p>
          <FieldErrors id="rate-form-error" errors={result?.error?.[""]} />
          <fieldset className="choice-group" aria-describedby={starErrors ? "stars-error" : undefined}>
            <legend>{t.invitation.starsLegend}</legend>
            <div className="choices stars">
              {[5, 4, 3, 2, 1].map((n) => (
                <label key={n} className="choice">
                  <input
                    type="radio"
                    name="stars"
                    value={String(n)}
                    defaultChecked={typed.stars === String(n)}
                    aria-invalid={starErrors ? true : undefined}
                  />
                  <span>{t.invitation.stars(n)}</span>
                </label>
              ))}
            </div>
            <FieldErrors id="stars-error" errors={starErrors} />
          </fieldset>
          <div className="field">
            <label htmlFor="comment">{t.invitation.commentLabel}</label>
            <textarea
              id="comment"
              name="comment"
              rows={3}
              maxLength={1000}
              defaultValue={typeof typed.comment === "string" ? typed.comment : ""}
              aria-invalid={commentErrors ? true : undefined}
              aria-describedby={commentErrors ? "comment-error" : undefined}
            />
            <FieldErrors id="comment-error" errors={commentErrors} />
          </div>
          <SubmitButton pending={navigation.state === "submitting"} label={t.invitation.ratingButton} />
        </StepForm>
      )}
    </section>
  );
}
