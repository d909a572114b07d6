// Pieces of a booking as the pages show it: the status badge, where it happens, the reason forms
// (decline, cancel) and the one-button forms (confirm). The forms post to the page's own action with an
// `intent`; with JavaScript they go through a fetcher, so one row's form does not block the others.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useLocale, useT } from "~/i18n";
import { modeName } from "~/i18n/booking-text";
import type { BookingView } from "~/models/booking-view";
import { SubmitButton, TextAreaField } from "./forms";
import { CsrfInput } from "./session";

export type BookingStatus = BookingView["status"];

export function StatusBadge({ status }: { status: BookingStatus }) {
  const t = useT();
  return <span className={`status-badge status-${status}`}>{t.status[status]}</span>;
}

export type StepResult = { intent: string; bookingId: number; result: SubmissionResult<string[]> } | undefined;

/** The page's last reply, if it belongs to this form (without JavaScript the whole page comes back). */
export function replyFor(data: StepResult, intent: string, bookingId: number) {
  return data && data.intent === intent && data.bookingId === bookingId ? data.result : undefined;
}

/** A reason (decline or cancel) and its button. */
export function ReasonForm({
  intent,
  bookingId,
  label,
  hint,
  button,
  pageResult,
  buttonClass = "button",
  summary,
}: {
  intent: "decline" | "cancel";
  bookingId: number;
  label: string;
  hint: string;
  button: string;
  pageResult?: StepResult;
  buttonClass?: string;
  /** Folded away behind this summary until opened (or until it has an error to show). */
  summary?: string;
}) {
  const fetcher = useFetcher<StepResult>({ key: `${intent}-${bookingId}` });
  const lastResult = replyFor(fetcher.data, intent, bookingId) ?? replyFor(pageResult, intent, bookingId);
  const [form, fields] = useForm<{ reason: string }>({ id: `${intent}-${bookingId}`, lastResult });
  const body = (
    <fetcher.Form method="post" {...getFormProps(form)} className="reason-form">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="bookingId" value={bookingId} />
      {form.errors?.length ? (
        <p className="field-error" role="alert">
          {form.errors.join(" ")}
        </p>
      ) : null}
      <TextAreaField field={fields.reason} label={label} hint={hint} rows={3} maxLength={500} />
      <SubmitButton pending={fetcher.state !== "idle"} label={button} className={buttonClass} />
    </fetcher.Form>
  );
  if (!summary) return body;
  const hasErrors = Boolean(fields.reason.errors?.length || form.errors?.length);
  return (
    <details className="fold" open={hasErrors || undefined}>
      <summary>{summary}</summary>
      {body}
    </details>
  );
}

/** Confirm a pending request: one button. */
export function ConfirmForm({ bookingId, label, pageResult }: { bookingId: number; label: string; pageResult?: StepResult }) {
  const fetcher = useFetcher<StepResult>({ key: `confirm-${bookingId}` });
  const result = replyFor(fetcher.data, "confirm", bookingId) ?? replyFor(pageResult, "confirm", bookingId);
  const errors = result?.error?.[""];
  return (
    <fetcher.Form method="post" className="confirm-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="confirm" />
      <input type="hidden" name="bookingId" value={bookingId} />
      {errors?.length ? (
        <p className="field-error" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
      <SubmitButton pending={fetcher.state !== "idle"} label={label} />
    </fetcher.Form>
  );
}

export function useModeName() {
  const locale = useLocale();
  return (mode: string) => modeName(mode, locale);
}

/**
 * What just happened, at the top of the page the step lands on, with what happens next and when. Its
 * heading takes the focus (so a screen reader starts there and the next Tab continues from it); the
 * page's own focus-on-navigation leaves it, since the focus is already in the main content.
 */
export function Confirmation({ heading, children }: { heading: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [heading]);
  return (
    <section className="notice notice-success confirmation" role="status" aria-labelledby="confirmation-heading">
      <h2 id="confirmation-heading" tabIndex={-1} ref={ref}>
        {heading}
      </h2>
      {children}
    </section>
  );
}
