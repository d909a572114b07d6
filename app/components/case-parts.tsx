// Pieces the case pages share: the status badge (the outcome in words once closed), money and dates
// as people read them, a plain input for the few fields TextField does not cover (amounts, dates), a
// group of radio buttons bound to a Conform field, and the reply of the page's last post for one form.
import { getInputProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import type { ReactNode } from "react";
import type { CaseOutcome, CaseStatus, Locale } from "../../domain";
import { useT } from "~/i18n";
import { FieldErrors } from "./forms";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form shape
type Meta = FieldMetadata<any, any, string[]>;

export function CaseStatusBadge({ status, outcome }: { status: CaseStatus; outcome: CaseOutcome | null }) {
  const t = useT();
  return (
    <span className={`status-badge case-status case-${status}${outcome ? ` case-outcome-${outcome}` : ""}`}>
      {outcome ? t.casePages.outcome[outcome] : t.casePages.status[status]}
    </span>
  );
}

/** 32000 → "32,000", 1500.5 → "1,500.50". */
/** One term of a case's description list (`<dl className="facts">`). */
export function Fact({ label, children, lang }: { label: string; children: ReactNode; lang?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd lang={lang}>{children}</dd>
    </div>
  );
}

export function formatYuan(amount: number): string {
  const [whole, cents] = amount.toFixed(2).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return cents === "00" ? grouped : `${grouped}.${cents}`;
}

/** A local date "2026-12-31" as "2026年12月31日" / "31 Dec 2026". */
export function formatDate(date: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return locale === "zh" ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}

export type CaseReply = { intent: string; result: SubmissionResult<string[]> } | undefined;

/** The page's last reply, if it belongs to this form (without JavaScript the whole page comes back). */
export function replyOf(data: CaseReply, intent: string) {
  return data && data.intent === intent ? data.result : undefined;
}

/** A labelled input (amounts, dates) with its hint and errors. */
export function PlainField({
  field,
  label,
  hint,
  type = "text",
  inputMode,
  autoComplete,
}: {
  field: Meta;
  label: string;
  hint?: ReactNode;
  type?: "text" | "date" | "tel";
  inputMode?: "decimal" | "tel" | "text";
  autoComplete?: string;
}) {
  const { key, ...props } = getInputProps(field, { type, ariaDescribedBy: hint ? field.descriptionId : undefined });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={field.descriptionId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input key={key} {...props} inputMode={inputMode} autoComplete={autoComplete} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** Radio buttons for one Conform field, as a fieldset with its legend and errors. */
export function RadioGroup({
  field,
  legend,
  options,
  inline = false,
}: {
  field: Meta;
  legend: string;
  options: { value: string; label: string }[];
  inline?: boolean;
}) {
  const chosen = typeof field.initialValue === "string" ? field.initialValue : undefined;
  const invalid = Boolean(field.errors?.length);
  return (
    <fieldset
      className={`choice-group${inline ? " choice-inline" : ""}`}
      id={field.id}
      tabIndex={-1}
      aria-describedby={invalid ? field.errorId : undefined}
    >
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="choice">
          <input
            type="radio"
            name={field.name}
            value={o.value}
            defaultChecked={chosen === o.value}
            aria-invalid={invalid || undefined}
            form={field.formId}
          />{" "}
          {o.label}
        </label>
      ))}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}
