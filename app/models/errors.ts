// Domain errors: what a use case refuses, as a code, never as an HTTP status. One place maps codes to
// statuses (app/utils/api-handler.server.ts), one place to messages for pages (app/i18n, both languages).
// A refusal a page must word precisely carries a `detail` with a stable `reason`: pages and the API
// decide by it, never by the English message (which may be reworded).
import type { CaseRefusalReason } from "./case-rules";
import type { PanelRefusalReason } from "./panel-types";
import type { PersonRoleRefusal } from "./person-roles.server";

export const ERROR_CODES = [
  "invalid_input",
  "not_found",
  "forbidden",
  "slot_taken",
  "not_available",
  "illegal_transition",
  "too_late",
  "idempotency_mismatch",
  "email_taken",
  "conflict",
  "rate_limited",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why a time could not be booked, so a page can say precisely what to change: the mode or the town is
 * not offered at that start (with what is), or the time is not a free slot at all.
 */
export type RefusalDetail =
  | { field: "mode"; reason: "mode_not_offered"; offered: string[] }
  | { field: "town"; reason: "town_not_offered"; offered: string[] }
  | { field: "start"; reason: "not_a_slot" | "taken" | "too_soon" }
  /**
   * Why a step on a case was refused, on the answer's field it concerns: `informed` (first acknowledge
   * what people's mediation is), `ranking` (a mediator not on the shortlist), or `_` (the whole step:
   * the case rules' reasons, case-rules.ts, and the answer's own).
   */
  | { field: "_"; reason: CaseRefusalReason | "no_pick" | "applicant_withdraws" | "changed_meanwhile" }
  /** A 3+X panel step refused (panel-types.ts): not a major or group case, a seat its person cannot take… */
  | { field: "_"; reason: PanelRefusalReason }
  /** The pre-litigation fast track has nobody to take the case: no judge holds the team's role (ADR 035). */
  | { field: "_"; reason: "no_team_judge" }
  /** A role grant or removal refused by the admin's roles page (ADR 038): held already, not in the pool… */
  | { field: "person"; reason: PersonRoleRefusal }
  | { field: "informed"; reason: "not_informed" }
  | { field: "ranking"; reason: "not_on_shortlist" }
  /** A fulfilment that names no instalment could not choose one (ADR 036): several or none are unsettled. */
  | { field: "obligation"; reason: "name_the_instalment" | "obligation_settled" };

/** Every reason a case refusal may carry (the consent answer's own and the case rules'). */
export type CaseReason = Extract<RefusalDetail, { field: "_" | "informed" | "ranking" }>["reason"];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: RefusalDetail,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const isDomainError = (error: unknown, code?: ErrorCode): error is DomainError =>
  error instanceof DomainError && (code === undefined || error.code === code);

/** better-sqlite3's error for a violated constraint carries a code; the overlap triggers raise `slot_taken`. */
export function sqliteErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
