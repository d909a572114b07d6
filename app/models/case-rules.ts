// The life of a case as one pure table (no I/O, time passed in): the events, the states each may be
// fired from, who may fire it, and its guards, each refusal with a stable reason. Some events move the
// case (agree on the mediator … close, reopen); the others record something on a closed case (an
// acknowledgement, a rating, the court's confirmation, a fulfilment) and leave its status as it is:
// their `to` is "stays". The case models judge every step here inside their write transaction; pages
// and the API list the steps a viewer may take from the same table, so the two cannot disagree.
import { JUDICIAL_CONFIRMATION_DAYS, type CaseOutcome, type CaseStatus } from "../../domain";
import { DomainError } from "./errors";

/** Who is acting, relative to the case. */
export type CaseActor = "applicant" | "respondent" | "mediator" | "staff" | "system";
export const CASE_ACTORS = ["applicant", "respondent", "mediator", "staff", "system"] as const satisfies readonly CaseActor[];

export type CaseEvent =
  /** Both sides have agreed on the mediator (a pick accepted, a ranking resolved, staff recorded it). */
  | "agree-mediator"
  /** Mediation begins: a session is held or the mediator opens the case. */
  | "start-mediation"
  /** The respondent declines mediation: it is voluntary. */
  | "refuse"
  /** The applicant withdraws the request. */
  | "withdraw"
  /** The assigned mediator (or staff) records how mediation ended. */
  | "record-outcome"
  /** A court rejected the judicial confirmation: the case goes back to mediation. */
  | "reopen"
  /** A party acknowledges the agreement; it takes effect when every party has. */
  | "acknowledge-agreement"
  /** A party rates the mediation. */
  | "rate"
  /** Staff record that the parties applied to the court for judicial confirmation. */
  | "apply-confirmation"
  /** Staff record the court's decision on that application (or correct it). */
  | "record-confirmation-result"
  /** Staff record whether an instalment was paid on time or late. */
  | "record-fulfilment"
  /** Staff record that enforcement was requested from, or carried out by, the court. */
  | "mark-enforcement";

/** Why a step may not happen: stable codes the API returns and app/i18n words for pages. */
export const CASE_REFUSAL_REASONS = [
  "not_your_step",
  "mediator_settled",
  "not_awaiting_start",
  "too_late_to_refuse",
  "case_closed",
  "no_outcome_now",
  "no_mediator",
  "reopen_not_closed",
  "reopen_needs_agreement",
  "reopen_needs_rejection",
  "no_agreement",
  "already_acknowledged",
  "rate_after_close",
  "no_one_mediated",
  "already_rated",
  "agreement_not_effective",
  "confirmation_applied",
  "confirmation_too_late",
  "no_confirmation_application",
  "not_confirmed",
] as const;
export type CaseRefusalReason = (typeof CASE_REFUSAL_REASONS)[number];

export interface CaseFacts {
  status: CaseStatus;
  outcome: CaseOutcome | null;
  mediatorId: number | null;
  /** The judicial confirmation: none, applied for (no decision yet), or the court's decision. */
  confirmation: "applied" | "confirmed" | "rejected" | null;
  /** When the agreement took effect (every party acknowledged it); null or absent: not (yet). */
  agreementEffectiveAt?: number | null;
  /** The acting party's own steps, for the events only a party fires; absent when not a party. */
  party?: { acknowledged: boolean; rated: boolean } | null;
}

/** One guard: the reason it refuses, or null. */
type Guard = (c: CaseFacts, now: number) => CaseRefusalReason | null;

interface Rule {
  from: readonly CaseStatus[];
  by: readonly CaseActor[];
  /** The status after the event; "stays" for events that record something and leave the status. */
  to: CaseStatus | "stays";
  /** Why not, when the case is in none of `from`. */
  notFrom: CaseRefusalReason;
  /** Checked in order once actor and state allow the event: the first refusal counts. */
  guards?: readonly Guard[];
}

const DAY = 86_400_000;
const OPEN: readonly CaseStatus[] = ["submitted", "mediator-agreed", "in-mediation"];
const PARTIES: readonly CaseActor[] = ["applicant", "respondent"];

const needsMediator: Guard = (c) => (c.mediatorId === null ? "no_mediator" : null);
const needsAgreement: Guard = (c) => (c.outcome !== "agreement" ? "no_agreement" : null);

/** The last instant an application for judicial confirmation may be recorded (the law's 30 days). */
export const confirmationDeadline = (effectiveAt: number) => effectiveAt + JUDICIAL_CONFIRMATION_DAYS * DAY;

export const CASE_RULES: Record<CaseEvent, Rule> = {
  "agree-mediator": {
    from: ["submitted"],
    by: ["applicant", "respondent", "staff", "system"],
    to: "mediator-agreed",
    notFrom: "mediator_settled",
  },
  "start-mediation": {
    from: ["mediator-agreed"],
    by: ["mediator", "staff", "system"],
    to: "in-mediation",
    notFrom: "not_awaiting_start",
    guards: [needsMediator],
  },
  // Once mediation is under way either side may still stop it, but that is an outcome, not a refusal.
  refuse: { from: ["submitted", "mediator-agreed"], by: ["respondent", "staff"], to: "closed", notFrom: "too_late_to_refuse" },
  withdraw: { from: OPEN, by: ["applicant", "staff"], to: "closed", notFrom: "case_closed" },
  // Many sessions happen at a window on the spot, without a booking here: an outcome may be recorded
  // as soon as the mediator is agreed on.
  "record-outcome": {
    from: ["mediator-agreed", "in-mediation"],
    by: ["mediator", "staff"],
    to: "closed",
    notFrom: "no_outcome_now",
    guards: [needsMediator],
  },
  reopen: {
    from: ["closed"],
    by: ["staff"],
    to: "in-mediation",
    notFrom: "reopen_not_closed",
    guards: [
      (c) => (c.outcome !== "agreement" ? "reopen_needs_agreement" : null),
      (c) => (c.confirmation !== "rejected" ? "reopen_needs_rejection" : null),
    ],
  },
  "acknowledge-agreement": {
    from: ["closed"],
    by: PARTIES,
    to: "stays",
    notFrom: "no_agreement",
    // Acknowledging is a recorded click with its time: a second one would overwrite the first's time.
    guards: [needsAgreement, (c) => (c.party?.acknowledged ? "already_acknowledged" : null)],
  },
  rate: {
    from: ["closed"],
    by: PARTIES,
    to: "stays",
    notFrom: "rate_after_close",
    // A case declined before anyone mediated has no mediation to rate, even with a mediator agreed on.
    guards: [
      (c) => (c.mediatorId === null || c.outcome === "respondent-refused" ? "no_one_mediated" : null),
      (c) => (c.party?.rated ? "already_rated" : null),
    ],
  },
  // The law gives the parties 30 days from the agreement taking effect to apply; the application is
  // judged by when it is recorded (`now`), as the court's own dates are typed by staff.
  "apply-confirmation": {
    from: ["closed"],
    by: ["staff"],
    to: "stays",
    notFrom: "no_agreement",
    guards: [
      needsAgreement,
      (c) => (c.agreementEffectiveAt == null ? "agreement_not_effective" : null),
      (c) => (c.confirmation !== null ? "confirmation_applied" : null),
      (c, now) => (now > confirmationDeadline(c.agreementEffectiveAt!) ? "confirmation_too_late" : null),
    ],
  },
  // A decision recorded wrongly is corrected by recording it again (the log keeps both).
  "record-confirmation-result": {
    from: ["closed"],
    by: ["staff"],
    to: "stays",
    notFrom: "no_agreement",
    guards: [needsAgreement, (c) => (c.confirmation === null ? "no_confirmation_application" : null)],
  },
  "record-fulfilment": { from: ["closed"], by: ["staff"], to: "stays", notFrom: "no_agreement", guards: [needsAgreement] },
  // Only a judicially confirmed agreement can be enforced by the court; otherwise a party sues.
  "mark-enforcement": {
    from: ["closed"],
    by: ["staff"],
    to: "stays",
    notFrom: "no_agreement",
    guards: [needsAgreement, (c) => (c.confirmation !== "confirmed" ? "not_confirmed" : null)],
  },
};

export const CASE_EVENTS = Object.keys(CASE_RULES) as CaseEvent[];
/** The events that change a case's status (what a case's `actions` list). */
export const CASE_MOVES = CASE_EVENTS.filter((e) => CASE_RULES[e].to !== "stays");

export type CaseVerdict =
  | { ok: true; to: CaseStatus; moves: boolean }
  | { ok: false; code: "forbidden" | "illegal_transition"; reason: CaseRefusalReason; why: string };

/** English, for the API's message and the logs; pages word the reason from app/i18n. */
const WHY: Record<CaseRefusalReason, string> = {
  not_your_step: "it is not this person's step",
  mediator_settled: "the mediator is settled already",
  not_awaiting_start: "mediation starts once the mediator is agreed on, and only once",
  too_late_to_refuse: "mediation is under way or over: it can no longer be refused",
  case_closed: "the case is closed",
  no_outcome_now: "an outcome is recorded once the mediator is agreed on, and only once",
  no_mediator: "no mediator has been agreed on",
  reopen_not_closed: "only a closed case is reopened",
  reopen_needs_agreement: "only a case closed with an agreement is reopened",
  reopen_needs_rejection: "only after the court rejected the confirmation",
  no_agreement: "the case did not close with an agreement",
  already_acknowledged: "this party has acknowledged the agreement already",
  rate_after_close: "a case is rated once it is closed",
  no_one_mediated: "no one mediated this case: there is nothing to rate",
  already_rated: "each party rates a case once",
  agreement_not_effective: "the agreement takes effect when every party has acknowledged it",
  confirmation_applied: "the application is recorded already: record the court's decision",
  confirmation_too_late: `judicial confirmation is applied for within ${JUDICIAL_CONFIRMATION_DAYS} days of the agreement taking effect`,
  no_confirmation_application: "no application for judicial confirmation is recorded",
  not_confirmed: "only an agreement the court confirmed is enforced",
};

/** May `actor` fire `event` on a case with these facts at `now`? The first refusal says why. */
export function judgeCase(event: CaseEvent, c: CaseFacts, actor: CaseActor, now: number): CaseVerdict {
  const rule = CASE_RULES[event];
  if (!rule.by.includes(actor))
    return { ok: false, code: "forbidden", reason: "not_your_step", why: `the ${actor} may not ${event} this case` };
  if (!rule.from.includes(c.status))
    return {
      ok: false,
      code: "illegal_transition",
      reason: rule.notFrom,
      why: `a ${c.status} case cannot ${event} (it must be ${rule.from.join(" or ")}): ${WHY[rule.notFrom]}`,
    };
  for (const guard of rule.guards ?? []) {
    const reason = guard(c, now);
    if (reason) return { ok: false, code: "illegal_transition", reason, why: WHY[reason] };
  }
  return rule.to === "stays" ? { ok: true, to: c.status, moves: false } : { ok: true, to: rule.to, moves: true };
}

/** The case refusal as a domain error: the code (403/409), the English sentence, the stable reason. */
export const caseRefusal = (code: "forbidden" | "illegal_transition", reason: CaseRefusalReason, why = WHY[reason]) =>
  new DomainError(code, `Not allowed: ${why}`, { field: "_", reason });

/** The state after `event` (the same one for a recording step), or the domain error saying why not. */
export function nextStatus(event: CaseEvent, c: CaseFacts, actor: CaseActor, now: number): CaseStatus {
  const verdict = judgeCase(event, c, actor, now);
  if (!verdict.ok) throw caseRefusal(verdict.code, verdict.reason, verdict.why);
  return verdict.to;
}

/** Every event this actor may fire now, for pages and the API to offer. */
export function allowedCaseEvents(c: CaseFacts, actor: CaseActor, now: number, events: readonly CaseEvent[] = CASE_EVENTS): CaseEvent[] {
  return events.filter((e) => judgeCase(e, c, actor, now).ok);
}

/**
 * The moves this actor may make (a case's `actions`). No move has a guard on time, so reads that have
 * no `now` (a case's view) need none: NaN compares false with every deadline (case-rules.test.ts
 * holds the moves alike at any instant).
 */
export const allowedMoves = (c: CaseFacts, actor: CaseActor): CaseEvent[] => allowedCaseEvents(c, actor, Number.NaN, CASE_MOVES);

/** The confirmation fact from its row: none, applied for, or decided. */
export const confirmationState = (row: { result: "confirmed" | "rejected" | null } | null | undefined): CaseFacts["confirmation"] =>
  row ? (row.result ?? "applied") : null;

/** The outcome an event closes a case with, when it is not the mediator's to choose. */
export const OUTCOME_OF: Partial<Record<CaseEvent, CaseOutcome>> = { refuse: "respondent-refused", withdraw: "withdrawn" };
/** Outcomes a mediator records (the others come from refusing or withdrawing). */
export const RECORDED_OUTCOMES = [
  "agreement",
  "no-agreement",
  "referred-arbitration",
  "referred-litigation",
] as const satisfies readonly CaseOutcome[];
