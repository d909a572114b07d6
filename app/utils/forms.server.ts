// Page forms: parse a POSTed form with a model's zod schema into a Conform submission, with the
// messages in the page's language. Routes pick the fields a schema knows from the form (the schemas are
// strict and the form also carries `csrf`, `intent` and the like) and reply with `submission.reply()`.
import { parse, type Submission } from "@conform-to/react";
import type { z } from "zod";
import type { Locale } from "../../domain";
import { issueMessage } from "~/i18n/validation";

/** A zod issue path as a form field name: ["weekly", 2, "end"] → "weekly[2].end"; [] → "" (the form). */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = "";
  for (const key of path) {
    if (typeof key === "number") name += `[${key}]`;
    else name += name ? `.${String(key)}` : String(key);
  }
  return name;
}

/**
 * Every issue under its field, in `locale`: the one translation of zod issues for pages (field names as
 * forms spell them, `weekly[2].end`; "" for the form) and the API (`dotted`: `weekly.2.end`, `_`).
 */
export function fieldErrors(error: z.ZodError, locale: Locale, names: "form" | "dotted" = "form"): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = names === "form" ? fieldName(issue.path) : issue.path.length ? issue.path.join(".") : "_";
    const list = (out[key] ??= []);
    const message = issueMessage(issue as Parameters<typeof issueMessage>[0], locale);
    if (!list.includes(message)) list.push(message);
  }
  return out;
}

/** A form value as a string, or undefined when absent or blank. */
export function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  return value.trim() === "" ? undefined : value;
}

/**
 * `messages` replaces whatever the schema said about a field with one sentence that fits the page
 * ("choose a time" rather than "an ISO 8601 time with offset").
 */
export function parseForm<S extends z.ZodType>(
  formData: FormData,
  options: {
    schema: S;
    locale: Locale;
    input: (payload: Record<string, unknown>) => unknown;
    messages?: Record<string, string>;
  },
): Submission<z.output<S>> {
  return parse(formData, {
    resolve(payload) {
      const result = options.schema.safeParse(options.input(payload), { reportInput: true });
      if (result.success) return { value: result.data as z.output<S> };
      const errors = fieldErrors(result.error, options.locale);
      for (const [name, message] of Object.entries(options.messages ?? {})) if (errors[name]) errors[name] = [message];
      return { error: errors };
    },
  }) as Submission<z.output<S>>;
}
