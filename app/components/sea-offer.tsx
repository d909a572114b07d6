// The panel a booking shows when a ferry suspension caught it (issue 9): why (which towns, when, who
// would have to cross), and, for the party or staff acting for them, three plain forms: the same time
// online, one of the times after the suspension (the reschedule path), or keep it. Works without
// JavaScript: each button posts to the booking page with the CSRF token.
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { facetLabel } from "../../domain";
import { Notice, SubmitButton } from "~/components/forms";
import { CsrfInput } from "~/components/session";
import { useLocale, useT } from "~/i18n";
import { formatCentreTime, formatSession } from "~/i18n/format";
import type { SeaPanel } from "~/models/sea-offer.server";

function AnswerForm({ intent, start, label, className }: { intent: string; start?: string; label: string; className?: string }) {
  const navigation = useNavigation();
  const pending =
    navigation.state === "submitting" &&
    navigation.formData?.get("intent") === intent &&
    (start === undefined || navigation.formData?.get("start") === start);
  return (
    <Form method="post" className="sea-answer" preventScrollReset>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {start ? <input type="hidden" name="start" value={start} /> : null}
      <SubmitButton pending={pending} label={label} className={className} />
    </Form>
  );
}

export function SeaOfferPanel({ sea, viewer, done }: { sea: SeaPanel; viewer: "party" | "mediator" | "staff"; done: string | null }) {
  const t = useT();
  const s = t.sea;
  const locale = useLocale();
  const error = (useActionData() as { seaError?: keyof typeof s.errors } | undefined)?.seaError;
  const towns = sea.towns.map((town) => facetLabel("town", town, locale)).join(locale === "zh" ? "、" : ", ");
  const heading = !sea.canAnswer && sea.action !== "flagged" ? s.panelResolvedHeading : sea.online ? s.panelOnlineHeading : s.panelHeading;
  return (
    <section className="panel sea-panel" aria-labelledby="sea-heading">
      <h2 id="sea-heading">{heading}</h2>
      {done && s.done[done] ? <Notice>{s.done[done]}</Notice> : null}
      {error ? <Notice kind="error">{s.errors[error] ?? s.errors.illegal_transition}</Notice> : null}
      <p>{s.why(towns, formatCentreTime(sea.from, locale), formatCentreTime(sea.to, locale))}</p>
      <p>{viewer === "party" ? s.crossing[sea.crossing] : s.crossingOther[sea.crossing]}</p>
      {sea.note ? (
        <p className="small" lang={locale === "zh" ? undefined : "zh-CN"}>
          {s.centreNote}
          {sea.note}
        </p>
      ) : null}
      {sea.lifted ? <p>{s.lifted}</p> : null}
      <p className="sea-state">
        <strong>{s.stateLine(s.state[sea.action])}</strong>
      </p>
      {sea.canAnswer ? (
        <div className="sea-choices">
          <p>{s.nothingCancelled}</p>
          {viewer === "staff" ? <p className="small muted">{s.forParty}</p> : null}
          {sea.online ? (
            <div className="sea-choice">
              <AnswerForm intent="sea-online" label={s.onlineButton} className="button button-primary" />
              <p className="small muted">{s.onlineHint(formatSession(sea.online.start, sea.online.end, locale))}</p>
            </div>
          ) : null}
          {sea.times.length ? (
            <div className="sea-choice">
              <h3>{s.timesHeading}</h3>
              <ul className="sea-times">
                {sea.times.map((time) => (
                  <li key={time.start}>
                    <AnswerForm
                      intent="sea-time"
                      start={time.start}
                      label={s.timeButton(formatSession(time.start, time.end, locale))}
                      className="button"
                    />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="sea-choice">
            <AnswerForm intent="sea-keep" label={s.keepButton} className="button" />
            <p className="small muted">{s.keepHint}</p>
          </div>
        </div>
      ) : null}
    </section>
  );
}
