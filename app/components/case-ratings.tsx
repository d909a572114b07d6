// The case page's ratings: staff read every rating (stars, comment, which side, when, hidden or not
// and why) and hide an abusive comment with a reason; a party reads their own. What each viewer gets
// is the model's (getCasePage filters in the query): this part only shows it. The hide form is a plain
// POST with the CSRF token; its errors come back to the rating they belong to.
import { getFormProps, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { dataLang, useLocale, useT } from "~/i18n";
import { formatCentreTime } from "~/i18n/format";
import type { CaseRatingView } from "~/models/case-pages.server";
import { Fact, replyOf, type CaseReply } from "./case-parts";
import { SubmitButton, TextAreaField } from "./forms";
import { CsrfInput } from "./session";

/** The intent a rating's hide form posts and its reply comes back under. */
export const hideIntent = (ratingId: number) => `hide-rating-${ratingId}`;

function HideForm({ caseId, ratingId, reply }: { caseId: number; ratingId: number; reply: CaseReply }) {
  const w = useT().casePages.page;
  const intent = hideIntent(ratingId);
  const lastResult = replyOf(reply, intent);
  const [form, fields] = useForm<{ reason: string }>({ id: intent, lastResult });
  const navigation = useNavigation();
  const pending = navigation.state === "submitting" && navigation.formData?.get("ratingId") === String(ratingId);
  return (
    <details className="fold" open={lastResult ? true : undefined}>
      <summary>{w.hideSummary}</summary>
      <Form method="post" action={`/cases/${caseId}#${form.id}`} {...getFormProps(form)} className="case-step-form">
        <CsrfInput />
        <input type="hidden" name="intent" value="hide-rating" />
        <input type="hidden" name="ratingId" value={ratingId} />
        <TextAreaField field={fields.reason} label={w.hideReason} hint={w.hideHint} rows={2} maxLength={500} />
        <SubmitButton pending={pending} label={w.hideButton} className="button button-danger" />
      </Form>
    </details>
  );
}

export function CaseRatings({
  caseId,
  ratings,
  staff,
  reply,
}: {
  caseId: number;
  ratings: CaseRatingView[];
  staff: boolean;
  reply: CaseReply;
}) {
  const t = useT();
  const w = t.casePages.page;
  const locale = useLocale();
  const lang = dataLang(locale);
  if (ratings.length === 0) return null;
  return (
    <section className="panel" id="ratings" aria-labelledby="ratings-heading">
      <h2 id="ratings-heading">{staff ? w.ratingsHeading : w.myRatingHeading}</h2>
      <ul className="case-ratings">
        {ratings.map((r) => (
          <li key={r.id} className="case-rating">
            <dl className="facts">
              {staff ? <Fact label={w.ratedBy}>{w.ratingBy[r.side]}</Fact> : null}
              <Fact label={w.stars}>{w.starLabel(r.stars)}</Fact>
              <Fact label={w.ratedAt}>{formatCentreTime(r.at, locale)}</Fact>
              <Fact label={w.comment} lang={r.comment ? lang : undefined}>
                {r.comment ?? <span className="muted">{w.noComment}</span>}
              </Fact>
              {r.comment ? (
                <Fact label={w.commentStatus}>{r.hidden ? (staff ? w.commentHidden : w.hiddenByCentre) : w.commentShown}</Fact>
              ) : null}
              {r.hidden?.reason ? (
                <Fact label={w.hiddenReasonLabel}>
                  <span lang={lang}>{r.hidden.reason}</span> · {formatCentreTime(r.hidden.at, locale)}
                </Fact>
              ) : null}
            </dl>
            {staff && r.comment && !r.hidden ? <HideForm caseId={caseId} ratingId={r.id} reply={reply} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
