// The booked sessions a change of availability would strand, inside the editor's form (ADR 030): one
// group of choices per session (keep, move with an offer, cancel with a reason). Saving again posts the
// whole form, the change and these answers together, so it works without JavaScript.
import { useEffect, useRef } from "react";
import { facetLabel } from "../../domain";
import { useLocale, useT } from "~/i18n";
import { formatSession } from "~/i18n/format";
import { FieldErrors } from "./forms";

export interface StrandedView {
  bookingId: number;
  caseNumber: string | null;
  status: "pending" | "confirmed";
  start: string;
  end: string;
  mode: string;
  town: string | null;
}

type Decisions = Record<string, { action: string; reason: string }>;

function StrandedSessionFields({
  s,
  decision,
  errors,
}: {
  s: StrandedView;
  decision?: Decisions[string];
  errors: Record<string, string[]>;
}) {
  const t = useT();
  const locale = useLocale();
  const id = s.bookingId;
  const decisionErrors = errors[`decision-${id}`];
  const reasonErrors = errors[`reason-${id}`];
  const where =
    s.mode === "onsite" && s.town
      ? `${facetLabel("mode", s.mode, locale)} · ${facetLabel("town", s.town, locale)}`
      : facetLabel("mode", s.mode, locale);
  return (
    <li className="stranded-session">
      <input type="hidden" name="stranded" value={id} />
      <fieldset className="checks" aria-describedby={decisionErrors?.length ? `decision-${id}-error` : undefined}>
        <legend>
          <span className="stranded-when">{t.leave.strandedSession(formatSession(s.start, s.end, locale), s.caseNumber ?? "")}</span>{" "}
          <span className="small muted">
            {s.status === "confirmed" ? t.leave.statusConfirmed : t.leave.statusPending} · {where}
          </span>
        </legend>
        <FieldErrors id={`decision-${id}-error`} errors={decisionErrors} />
        <div className="choices choices-stacked">
          {(["keep", "move", "cancel"] as const).map((a) => (
            <label key={a} className="choice" htmlFor={`decision-${id}-${a}`}>
              <input
                type="radio"
                id={`decision-${id}-${a}`}
                name={`decision-${id}`}
                value={a}
                defaultChecked={decision?.action === a}
                aria-invalid={decisionErrors?.length ? true : undefined}
              />
              {t.leave[a]}
            </label>
          ))}
        </div>
        <div className="field">
          <label htmlFor={`reason-${id}`}>{t.leave.reason}</label>
          <textarea
            id={`reason-${id}`}
            name={`reason-${id}`}
            rows={2}
            maxLength={500}
            defaultValue={decision?.reason ?? ""}
            placeholder={t.leave.reasonPlaceholder}
            aria-invalid={reasonErrors?.length ? true : undefined}
            aria-describedby={reasonErrors?.length ? `reason-${id}-error` : undefined}
          />
          <FieldErrors id={`reason-${id}-error`} errors={reasonErrors} />
        </div>
      </fieldset>
    </li>
  );
}

export function StrandedSessions({
  sessions,
  decisions,
  errors,
}: {
  sessions: StrandedView[];
  decisions: Decisions;
  errors: Record<string, string[]>;
}) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const hasErrors = Object.keys(errors).length > 0;
  // The list is the page's answer to "save": the reader is taken to it (the error summary, when there
  // are errors, takes the focus itself).
  useEffect(() => {
    if (sessions.length && !hasErrors) heading.current?.focus();
  }, [sessions, hasErrors]);
  if (sessions.length === 0) return null;
  return (
    <section className="panel stranded" aria-labelledby="stranded-heading">
      <h2 id="stranded-heading" ref={heading} tabIndex={-1}>
        {t.leave.strandedHeading(sessions.length)}
      </h2>
      <p>{t.leave.strandedIntro}</p>
      <ol className="stranded-list">
        {sessions.map((s) => (
          <StrandedSessionFields key={s.bookingId} s={s} decision={decisions[String(s.bookingId)]} errors={errors} />
        ))}
      </ol>
      <p>
        <button type="submit" name="intent" value="save" className="button button-primary">
          {t.leave.saveWithDecisions}
        </button>
      </p>
    </section>
  );
}
