// Small form fields for the staff's case pages (intake and recorded answers), fed by a Conform reply
// rendered on the server: the errors under the field's name and what was typed, so a form that comes
// back without JavaScript keeps everything.
import type { SubmissionResult } from "@conform-to/react";
import type { ReactNode } from "react";
import { FieldFrame } from "./forms";

export type Reply = SubmissionResult<string[]> | undefined;

/** `applicants[0].name` in a Conform payload ({applicants: [{name}]}). */
export function typedValue(reply: Reply, name: string): string {
  let at: unknown = reply?.initialValue ?? {};
  for (const key of name.split(/[.[\]]+/).filter(Boolean)) at = (at as Record<string, unknown> | undefined)?.[key];
  return typeof at === "string" ? at : "";
}

export const errorsOf = (reply: Reply, name: string) => reply?.error?.[name] ?? null;
const idOf = (name: string) => name.replace(/[^a-zA-Z0-9]+/g, "-").replace(/-$/, "");

export function Input({
  reply,
  name,
  label,
  hint,
  type = "text",
  autoComplete,
  inputMode,
  maxLength,
}: {
  reply: Reply;
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "tel";
  autoComplete?: string;
  inputMode?: "text" | "tel" | "decimal";
  maxLength?: number;
}) {
  const id = idOf(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errorsOf(reply, name)}>
      {(aria) => (
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={typedValue(reply, name)}
          autoComplete={autoComplete}
          inputMode={inputMode}
          maxLength={maxLength}
          {...aria}
        />
      )}
    </FieldFrame>
  );
}

export function TextArea({
  reply,
  name,
  label,
  hint,
  maxLength,
}: {
  reply: Reply;
  name: string;
  label: string;
  hint?: string;
  maxLength?: number;
}) {
  const id = idOf(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errorsOf(reply, name)}>
      {(aria) => <textarea id={id} name={name} rows={4} maxLength={maxLength} defaultValue={typedValue(reply, name)} {...aria} />}
    </FieldFrame>
  );
}

export function Select({
  reply,
  name,
  label,
  fallback = "",
  children,
}: {
  reply: Reply;
  name: string;
  label: string;
  fallback?: string;
  children: ReactNode;
}) {
  const id = idOf(name);
  return (
    <FieldFrame id={id} label={label} errors={errorsOf(reply, name)}>
      {(aria) => (
        <select id={id} name={name} defaultValue={typedValue(reply, name) || fallback} {...aria}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

export const fieldId = idOf;

/**
 * The "rank-12" selects of a ranking form (no JavaScript: a number per mediator, blank strikes them):
 * the ranking in the order of the numbers chosen, and an error on every select whose number is used twice.
 */
export function rankingOf(formData: FormData, twice: (n: number) => string) {
  const chosen: { name: string; id: number; rank: number }[] = [];
  for (const [name, value] of formData) {
    const m = /^rank-(\d+)$/.exec(name);
    if (!m || typeof value !== "string" || value === "") continue;
    const rank = Number(value);
    if (Number.isInteger(rank) && rank > 0) chosen.push({ name, id: Number(m[1]), rank });
  }
  chosen.sort((a, b) => a.rank - b.rank || a.id - b.id);
  const errors: Record<string, string[]> = {};
  for (const c of chosen) if (chosen.some((o) => o !== c && o.rank === c.rank)) errors[c.name] = [twice(c.rank)];
  return { ranking: chosen.map((c) => c.id), errors };
}
