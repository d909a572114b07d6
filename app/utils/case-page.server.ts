// The case pages' actions: filing a case (/cases/new) and every step on a case's page (/cases/:id),
// each a plain form posted with an `intent`. A form is parsed with the model's own schema (the field
// names are the schema's paths, as Conform spells them), one model function is called, and a refusal
// comes back in the page's words on the field it concerns (`caseFormRefusal`, like formRefusal for
// bookings). Conform's own list intents (add a respondent, an obligation, an instalment) post the
// whole form back and return it with one row more, so nothing typed is lost without JavaScript.
import type { SubmissionResult } from "@conform-to/react";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import type { Locale } from "../../domain";
import { messages, type Messages } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { consentAsUser } from "~/models/case-consent.server";
import {
  acknowledgeAgreement,
  rateCase,
  recordFulfilment,
  recordJudicialConfirmation,
  recordOutcome,
  startMediation,
  withdrawCase,
} from "~/models/case-outcome.server";
import {
  consentSchema,
  fileCaseSchema,
  fulfilmentSchema,
  judicialConfirmationSchema,
  outcomeSchema,
  ratingSchema,
  withdrawSchema,
} from "~/models/case-schemas";
import { fileCase } from "~/models/cases.server";
import { DomainError } from "~/models/errors";
import type { Auth } from "./auth.server";
import { STATUS_OF } from "./api-handler.server";
import { refusalReply, type Reply } from "./case-refusal.server";
import { parseForm, text } from "./forms.server";

/**
 * A domain error in the page's words. Not-found is the page's 404, unless the form names a field it
 * belongs to (a picked mediator no longer listed).
 */
export function caseFormRefusal(error: unknown, submission: Reply, t: Messages, opts: { notFoundField?: string } = {}) {
  if (!(error instanceof DomainError)) throw error;
  if (error.code === "not_found" && !opts.notFoundField) throw new Response(null, { status: 404 });
  const result =
    error.code === "not_found"
      ? submission.reply({ fieldErrors: { [opts.notFoundField!]: [t.casePages.errors.pickNotFound] } })
      : refusalReply(submission, error, t);
  return { result, status: STATUS_OF[error.code] };
}

/** A yuan amount as typed ("32,000", "1500.50"); anything else stays text so the schema refuses it. */
function yuan(value: unknown): number | string | undefined {
  const s = text(value);
  if (s === undefined) return undefined;
  const clean = s.replace(/[,，\s]/g, "");
  return /^\d+(\.\d{1,2})?$/.test(clean) ? Number(clean) : s;
}
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const str = (value: unknown) => (typeof value === "string" ? value : "");
const ids = (value: unknown) =>
  list(value)
    .map((v) => text(v))
    .filter((v): v is string => v !== undefined)
    .map(Number);

/** On the page the acknowledgement of what mediation is is required (the API may leave it for later). */
const filingSchema = fileCaseSchema.extend({ informed: z.literal(true) });

/** POST /cases/new: a party files a case; success goes to its page. */
export async function fileCaseAction(request: Request, auth: Auth, formData: FormData) {
  const locale = getLocale(request);
  const t = messages[locale];
  const e = t.casePages.errors;
  const submission = parseForm(formData, {
    schema: filingSchema,
    locale,
    input: (p) => ({
      category: text(p.category),
      description: str(p.description),
      town: text(p.town),
      amountYuan: yuan(p.amountYuan),
      respondents: list(p.respondents).map((r) => ({ name: str(record(r).name), phone: text(record(r).phone) })),
      picks: ids(p.picks),
      informed: p.informed === "on" ? true : undefined,
    }),
    messages: { category: e.chooseCategory, amountYuan: e.amount, informed: t.casePages.file.informedRequired },
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: submission.status ? 400 : 200 });
  const input = submission.value;
  try {
    const filed = await fileCase({ user: auth.user, input, now: Date.now() });
    return redirect(`/cases/${filed.id}?done=filed`);
  } catch (error) {
    const { result, status } = caseFormRefusal(error, submission, t, { notFoundField: "picks" });
    return data({ result }, { status });
  }
}

/** The outcome form as the schema's input: the agreement only when there is one, blank rows dropped. */
function outcomeInput(p: Record<string, unknown>) {
  const a = record(p.agreement);
  const visits = text(p.visits);
  return {
    outcome: text(p.outcome),
    visits: visits === undefined ? undefined : /^[0-2]$/.test(visits) ? Number(visits) : visits,
    mode: text(p.mode),
    note: text(p.note),
    agreement:
      p.outcome === "agreement"
        ? {
            facts: str(a.facts),
            responsibility: text(a.responsibility),
            amountYuan: yuan(a.amountYuan),
            obligations: list(a.obligations).map((raw) => {
              const o = record(raw);
              const rows = list(o.instalments)
                .map(record)
                .filter((r) => text(r.dueOn) !== undefined || text(r.amountYuan) !== undefined)
                .map((r) => ({ dueOn: str(r.dueOn), amountYuan: yuan(r.amountYuan) }));
              return {
                obligor: text(o.obligor),
                description: str(o.description),
                amountYuan: yuan(o.amountYuan),
                method: text(o.method),
                place: text(o.place),
                ...(o.schedule === "instalments" ? { instalments: rows } : { dueOn: text(o.dueOn) ?? "" }),
              };
            }),
          }
        : undefined,
  };
}

/** Page words for the outcome form's amount fields, whichever rows were posted. */
function outcomeMessages(p: Record<string, unknown>, t: Messages): Record<string, string> {
  const e = t.casePages.errors;
  const out: Record<string, string> = { outcome: e.chooseOutcome, visits: e.chooseVisits, "agreement.amountYuan": e.amount };
  list(record(p.agreement).obligations).forEach((raw, i) => {
    out[`agreement.obligations[${i}].amountYuan`] = e.amount;
    list(record(raw).instalments).forEach((_, j) => (out[`agreement.obligations[${i}].instalments[${j}].amountYuan`] = e.amount));
  });
  return out;
}

export type CaseStepReply = { intent: string; result: SubmissionResult<string[]> };

/**
 * A step on a case from its page. The model checks who may do what; success redirects back to the
 * page with `?done=`, a refusal returns the form with its errors in the page's language.
 */
export async function caseStep(request: Request, auth: Auth, formData: FormData, caseId: number) {
  const locale: Locale = getLocale(request);
  const t = messages[locale];
  const e = t.casePages.errors;
  const intent = String(formData.get("intent") ?? "");
  const user = auth.user;
  const now = Date.now();
  const reply = (result: SubmissionResult<string[]>, status: number) => data({ intent, result } satisfies CaseStepReply, { status });
  const done = (word: string) => redirect(`/cases/${caseId}?done=${word}#case-status`);
  async function attempt<S extends z.ZodType>(
    schema: S,
    input: (p: Record<string, unknown>) => unknown,
    run: (value: z.output<S>) => Promise<unknown>,
    word: string,
    fieldMessages: (p: Record<string, unknown>) => Record<string, string> = () => ({}),
  ) {
    let payload: Record<string, unknown> = {};
    const submission = parseForm(formData, {
      schema,
      locale,
      input: (p) => {
        payload = p;
        return input(p);
      },
    });
    if (submission.status !== "success") {
      // Replace the schema's words for fields whose page words say it better.
      const result = submission.reply();
      const words = fieldMessages(payload);
      for (const name of Object.keys(result.error ?? {})) if (words[name] && result.error?.[name]) result.error[name] = [words[name]];
      return reply(result, submission.status ? 400 : 200);
    }
    try {
      await run(submission.value);
      return done(word);
    } catch (error) {
      const { result, status } = caseFormRefusal(error, submission, t);
      return reply(result, status);
    }
  }

  switch (intent) {
    case "rank":
      return attempt(
        consentSchema,
        (p) => ({ informed: p.informed === "on" ? true : undefined, ranking: ids(p.ranking) }),
        (input) => consentAsUser({ user, caseId, input, now }),
        "ranked",
        (p): Record<string, string> => (ids(p.ranking).length ? {} : { ranking: e.rankOne }),
      );
    case "withdraw":
      return attempt(
        withdrawSchema,
        (p) => ({ reason: str(p.reason) }),
        (v) => withdrawCase({ user, caseId, reason: v.reason, now }),
        "withdrawn",
      );
    case "start":
      return attempt(
        z.object({}),
        () => ({}),
        () => startMediation({ user, caseId, now }),
        "started",
      );
    case "outcome":
      return attempt(
        outcomeSchema,
        outcomeInput,
        (input) => recordOutcome({ user, caseId, input, now }),
        "outcome",
        (p) => outcomeMessages(p, t),
      );
    case "acknowledge":
      return attempt(
        z.object({}),
        () => ({}),
        () => acknowledgeAgreement({ user, caseId, now }),
        "acknowledged",
      );
    case "confirmation":
      return attempt(
        judicialConfirmationSchema,
        (p) => ({
          court: str(p.court),
          appliedOn: str(p.appliedOn),
          reference: text(p.reference),
          decidedOn: text(p.decidedOn),
          result: text(p.result),
        }),
        (input) => recordJudicialConfirmation({ user, caseId, input, now }),
        "confirmation",
      );
    case "fulfilment":
      return attempt(
        fulfilmentSchema,
        (p) => ({ instalmentId: Number(text(p.instalmentId)), result: text(p.result) }),
        (v) => recordFulfilment({ user, caseId, instalmentId: v.instalmentId, result: v.result, now }),
        "fulfilment",
        () => ({ result: e.chooseResult }),
      );
    case "rate":
      return attempt(
        ratingSchema,
        (p) => {
          const stars = text(p.stars);
          return { stars: stars === undefined ? undefined : Number(stars), comment: text(p.comment) };
        },
        (v) => rateCase({ user, caseId, stars: v.stars, comment: v.comment, now }),
        "rated",
        () => ({ stars: e.chooseStars }),
      );
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}
