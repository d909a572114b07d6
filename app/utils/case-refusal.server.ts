// A refused step on a case, in the page's words and in the API's shape, decided by the refusal's
// stable reason (`DomainError.detail`, app/models/errors.ts), never by its English message: the case
// page, the respondent's invitation page and staff's record-an-answer page say the same sentence.
import type { SubmissionResult } from "@conform-to/react";
import type { Messages } from "~/i18n";
import { DomainError, type CaseReason, type ErrorCode } from "~/models/errors";
import { apiJson } from "./api.server";
import { STATUS_OF } from "./api-handler.server";

/** The case reason a refusal carries, if any (a booking's detail is not one). */
export function caseReasonOf(error: DomainError): { field: "_" | "informed" | "ranking"; reason: CaseReason } | null {
  const d = error.detail;
  return d && (d.field === "_" || d.field === "informed" || d.field === "ranking") ? d : null;
}

/**
 * Where the refusal goes on the form and what it says: on the field it concerns (`informed`,
 * `ranking`), else for the whole form; a refusal without a reason is worded by its code.
 */
export function caseRefusalWords(error: DomainError, t: Messages): { field: string | null; message: string } {
  const r = caseReasonOf(error);
  if (r) return { field: r.field === "_" ? null : r.field, message: t.caseRefusals[r.reason] };
  const e = t.casePages.errors;
  const byCode: Partial<Record<ErrorCode, string>> = { forbidden: e.forbidden, illegal_transition: e.changed, rate_limited: e.rateLimited };
  return { field: null, message: byCode[error.code] ?? e.general };
}

/** A Conform submission, as far as a refusal needs it. */
export type Reply = { reply: (o?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> };

/** The submission answered with the refusal, on its field or for the whole form. */
export function refusalReply(submission: Reply, error: DomainError, t: Messages): SubmissionResult<string[]> {
  const { field, message } = caseRefusalWords(error, t);
  return field ? submission.reply({ fieldErrors: { [field]: [message] } }) : submission.reply({ formErrors: [message] });
}

/**
 * The API's answer to a refused case step: `{error: {code, message, reason, fields}}`, `reason` the
 * stable code clients decide by (the message is English prose and may change).
 */
export function caseRefusalResponse(error: DomainError): Response | null {
  const r = caseReasonOf(error);
  if (!r) return null;
  return apiJson(
    { error: { code: error.code, message: error.message, reason: r.reason, fields: { [r.field]: [error.message] } } },
    { status: STATUS_OF[error.code] },
  );
}
