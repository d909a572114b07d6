// The life of a case as a pure table (no I/O, time passed in): its states, the events that move it,
// who may fire each, and the guards. The case model applies it inside the write transaction and writes
// the audit row there too; pages and the API list the events a viewer may fire from it.
import type { CaseOutcome, CaseStatus } from "../../domain";
import { DomainError } from "./errors";

/** Who is acting, relative to the case. */
export type CaseActor = "applicant" | "respondent" | "mediator" | "staff" | "system";

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
  | "reopen";

export interface CaseFacts {
  status: CaseStatus;
  outcome: CaseOutcome | null;
  mediatorId: number | null;
  /** The judicial confirmation's result, when there is one. */
  confirmation: "confirmed" | "rejected" | null;
}

interface Rule {
  from: readonly CaseStatus[];
  by: readonly CaseActor[];
  to: CaseStatus;
  /** Why it may not happen now, or null. */
  guard?: (c: CaseFacts) => string | null;
}

const OPEN: readonly CaseStatus[] = ["submitted", "mediator-agreed", "in-mediation"];

export const CASE_RULES: Record<CaseEvent, Rule> = {
  "agree-mediator": { from: ["submitted"], by: ["applicant", "respondent", "staff", "system"], to: "mediator-agreed" },
  "start-mediation": {
    from: ["mediator-agreed"],
    by: ["mediator", "staff", "system"],
    to: "in-mediation",
    guard: (c) => (c.mediatorId === null ? "no mediator has been agreed on" : null),
  },
  refuse: { from: ["submitted", "mediator-agreed"], by: ["respondent", "staff"], to: "closed" },
  withdraw: { from: OPEN, by: ["applicant", "staff"], to: "closed" },
  // Many sessions happen at a window on the spot, without a booking here: an outcome may be recorded
  // as soon as the mediator is agreed on.
  "record-outcome": {
    from: ["mediator-agreed", "in-mediation"],
    by: ["mediator", "staff"],
    to: "closed",
    guard: (c) => (c.mediatorId === null ? "no mediator has been agreed on" : null),
  },
  reopen: {
    from: ["closed"],
    by: ["staff"],
    to: "in-mediation",
    guard: (c) =>
      c.outcome !== "agreement"
        ? "only a case closed with an agreement is reopened"
        : c.confirmation !== "rejected"
          ? "only after the court rejected the confirmation"
          : null,
  },
};

export const CASE_EVENTS = Object.keys(CASE_RULES) as CaseEvent[];

export type CaseVerdict = { ok: true; to: CaseStatus } | { ok: false; code: "forbidden" | "illegal_transition"; why: string };

export function judgeCase(event: CaseEvent, c: CaseFacts, actor: CaseActor): CaseVerdict {
  const rule = CASE_RULES[event];
  if (!rule.by.includes(actor)) return { ok: false, code: "forbidden", why: `the ${actor} may not ${event} this case` };
  if (!rule.from.includes(c.status))
    return { ok: false, code: "illegal_transition", why: `a ${c.status} case cannot ${event} (it must be ${rule.from.join(" or ")})` };
  const refused = rule.guard?.(c) ?? null;
  return refused ? { ok: false, code: "illegal_transition", why: refused } : { ok: true, to: rule.to };
}

/** The state after `event`, or a domain error saying why not (409 illegal_transition, 403 forbidden). */
export function nextStatus(event: CaseEvent, c: CaseFacts, actor: CaseActor): CaseStatus {
  const verdict = judgeCase(event, c, actor);
  if (!verdict.ok) throw new DomainError(verdict.code, `Not allowed: ${verdict.why}`);
  return verdict.to;
}

/** Every event this actor may fire now, for pages and the API to offer. */
export function allowedCaseEvents(c: CaseFacts, actor: CaseActor): CaseEvent[] {
  return CASE_EVENTS.filter((e) => judgeCase(e, c, actor).ok);
}

/** The outcome an event closes a case with, when it is not the mediator's to choose. */
export const OUTCOME_OF: Partial<Record<CaseEvent, CaseOutcome>> = { refuse: "respondent-refused", withdraw: "withdrawn" };
/** Outcomes a mediator records (the others come from refusing or withdrawing). */
export const RECORDED_OUTCOMES = [
  "agreement",
  "no-agreement",
  "referred-arbitration",
  "referred-litigation",
] as const satisfies readonly CaseOutcome[];
