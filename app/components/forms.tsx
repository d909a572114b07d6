// Form furniture shared by every page form: labelled fields with their hint and errors (linked with
// aria-describedby, marked aria-invalid), the error summary at the top of a form, notices after a
// redirect, and a submit button that says when it is sending. Works the same without JavaScript: the
// server renders the errors; with JavaScript the summary takes the focus when it appears.
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useEffect, useRef, type MouseEvent, type ReactNode } from "react";
import { useT } from "~/i18n";

export function FieldErrors({ id, errors }: { id: string; errors?: readonly string[] | null }) {
  if (!errors?.length) return null;
  return (
    <div id={id} className="field-error">
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}

export interface SummaryItem {
  /** The id of the control to jump to. */
  id: string;
  label: string;
  errors?: readonly string[] | null;
}

/** A summary link moves the focus into the field itself, not only the scroll position. */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: "center" });
}

/** Clears a password box after a failed submit (with JavaScript the page is not reloaded). */
export function useClearOnReply(id: string, reply: unknown) {
  useEffect(() => {
    const input = document.getElementById(id);
    if (reply && input instanceof HTMLInputElement) input.value = "";
  }, [id, reply]);
}

/**
 * "There are 2 problems": a list linking to each field in error, then any form-level errors. Shown
 * after a failed submit; `focusKey` changes with each reply so the summary takes the focus again.
 */
export function ErrorSummary({
  items,
  formErrors,
  focusKey,
  id = "error-summary",
}: {
  items: SummaryItem[];
  formErrors?: readonly string[] | null;
  focusKey?: unknown;
  id?: string;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const withErrors = items.filter((i) => i.errors?.length);
  const count = withErrors.reduce((n, i) => n + (i.errors?.length ?? 0), 0) + (formErrors?.length ?? 0);
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [focusKey, count]);
  if (count === 0) return null;
  return (
    <div className="notice notice-error error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.forms.summaryHeading(count)}</h2>
      <ul>
        {formErrors?.map((e) => (
          <li key={e}>{e}</li>
        ))}
        {withErrors.map((i) =>
          i.errors!.map((e) => (
            <li key={`${i.id}-${e}`}>
              <a href={`#${i.id}`} onClick={(event) => jumpTo(event, i.id)}>
                {i.label}
                {t.colon}
                {e}
              </a>
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

/** A success or information line, announced politely (it appears after a redirect or a fetch). */
export function Notice({ kind = "success", children }: { kind?: "success" | "info" | "error"; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="field-hint">
      {children}
    </p>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form shape
type Meta = FieldMetadata<any, any, string[]>;

export function TextField({
  field,
  label,
  hint,
  type = "text",
  autoComplete,
  inputMode,
  maxLength,
}: {
  field: Meta;
  label: string;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "tel";
  autoComplete?: string;
  inputMode?: "text" | "email" | "tel" | "numeric";
  maxLength?: number;
}) {
  const hintId = hint ? field.descriptionId : undefined;
  const { key, ...props } = getInputProps(field, { type, ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint id={field.descriptionId}>{hint}</Hint>
      <input key={key} {...props} autoComplete={autoComplete} inputMode={inputMode} maxLength={maxLength} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextAreaField({
  field,
  label,
  hint,
  rows = 5,
  maxLength,
}: {
  field: Meta;
  label: string;
  hint?: ReactNode;
  rows?: number;
  maxLength?: number;
}) {
  const hintId = hint ? field.descriptionId : undefined;
  const { key, ...props } = getTextareaProps(field, { ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint id={field.descriptionId}>{hint}</Hint>
      <textarea key={key} {...props} rows={rows} maxLength={maxLength} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({ field, label, hint, children }: { field: Meta; label: string; hint?: ReactNode; children: ReactNode }) {
  const hintId = hint ? field.descriptionId : undefined;
  const { key, ...props } = getSelectProps(field, { ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint id={field.descriptionId}>{hint}</Hint>
      <select key={key} {...props}>
        {children}
      </select>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** The primary button of a form; while the form is sending it says so (and stays focusable). */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
  className = "button button-primary",
  name,
  value,
}: {
  pending: boolean;
  label: string;
  pendingLabel?: string;
  className?: string;
  name?: string;
  value?: string;
}) {
  const t = useT();
  return (
    <button type="submit" className={className} name={name} value={value} data-pending={pending || undefined}>
      {pending ? (pendingLabel ?? t.forms.pending) : label}
    </button>
  );
}

/** What a control in a FieldFrame carries: marked invalid, and described by its hint and errors. */
export interface FrameAria {
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/**
 * A field fed by a server reply rather than Conform's hooks (the staff's case and sea forms): label,
 * hint (`${id}-hint`), the control the children render with the aria props given, errors (`${id}-error`).
 */
export function FieldFrame({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: readonly string[] | null;
  children: (aria: FrameAria) => ReactNode;
}) {
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      {children({ "aria-invalid": invalid || undefined, "aria-describedby": describedBy })}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}
