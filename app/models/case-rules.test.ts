// The case state machine, pair by pair: every event from every state, by every actor, with its guards.
// The expected table is written out here independently of the code, so a change to one without the
// other fails; every refusal is checked for its code and its reason.
import { describe, expect, it } from "vitest";
import { CASE_OUTCOMES, CASE_STATUSES, JUDICIAL_CONFIRMATION_DAYS, type CaseStatus } from "../../domain";
import {
  allowedCaseEvents,
  allowedMoves,
  CASE_ACTORS,
  CASE_EVENTS,
  CASE_MOVES,
  CASE_REFUSAL_REASONS,
  confirmationState,
  judgeCase,
  nextStatus,
  type CaseActor,
  type CaseEvent,
  type CaseFacts,
  type CaseRefusalReason,
} from "./case-rules";
import { DomainError } from "./errors";

const DAY = 86_400_000;
// Any instant will do: the rules read no clock, so the tests hold on any date.
const NOW = 1_900_000_000_000;
const PARTIES: CaseActor[] = ["applicant", "respondent"];

/** event → [from states, actors, to, the reason when the state is wrong]. */
const EXPECTED: Record<CaseEvent, { from: CaseStatus[]; by: CaseActor[]; to: CaseStatus | "stays"; notFrom: CaseRefusalReason }> = {
  "agree-mediator": {
    from: ["submitted"],
    by: ["applicant", "respondent", "staff", "system"],
    to: "mediator-agreed",
    notFrom: "mediator_settled",
  },
  "start-mediation": { from: ["mediator-agreed"], by: ["mediator", "staff", "system"], to: "in-mediation", notFrom: "not_awaiting_start" },
  refuse: { from: ["submitted", "mediator-agreed"], by: ["respondent", "staff"], to: "closed", notFrom: "too_late_to_refuse" },
  withdraw: { from: ["submitted", "mediator-agreed", "in-mediation"], by: ["applicant", "staff"], to: "closed", notFrom: "case_closed" },
  "record-outcome": { from: ["mediator-agreed", "in-mediation"], by: ["mediator", "staff"], to: "closed", notFrom: "no_outcome_now" },
  reopen: { from: ["closed"], by: ["staff"], to: "in-mediation", notFrom: "reopen_not_closed" },
  "acknowledge-agreement": { from: ["closed"], by: PARTIES, to: "stays", notFrom: "no_agreement" },
  rate: { from: ["closed"], by: PARTIES, to: "stays", notFrom: "rate_after_close" },
  "apply-confirmation": { from: ["closed"], by: ["staff"], to: "stays", notFrom: "no_agreement" },
  "record-confirmation-result": { from: ["closed"], by: ["staff"], to: "stays", notFrom: "no_agreement" },
  "record-fulfilment": { from: ["closed"], by: ["staff"], to: "stays", notFrom: "no_agreement" },
  "mark-enforcement": { from: ["closed"], by: ["staff"], to: "stays", notFrom: "no_agreement" },
};

/**
 * Facts under which every guard of `event` passes, so the (state, actor) pair alone decides: an
 * agreement in effect since yesterday, a mediator, and the confirmation each event needs.
 */
function passing(event: CaseEvent, status: CaseStatus): CaseFacts {
  const confirmation: CaseFacts["confirmation"] =
    event === "apply-confirmation" ? null : event === "mark-enforcement" ? "confirmed" : "rejected";
  return {
    status,
    outcome: status === "closed" ? "agreement" : null,
    mediatorId: 7,
    confirmation,
    agreementEffectiveAt: NOW - DAY,
    party: { acknowledged: false, rated: false },
  };
}

describe("every (event, state, actor)", () => {
  it("covers every event and words every reason", () => {
    expect([...CASE_EVENTS].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(CASE_MOVES).toEqual(CASE_EVENTS.filter((e) => EXPECTED[e].to !== "stays"));
  });
  const cases = CASE_EVENTS.flatMap((event) => CASE_STATUSES.flatMap((status) => CASE_ACTORS.map((actor) => ({ event, status, actor }))));
  it(`judges all ${cases.length} triples`, () => expect(cases.length).toBe(CASE_EVENTS.length * CASE_STATUSES.length * 5));
  it.each(cases)("$event from $status by $actor", ({ event, status, actor }) => {
    const e = EXPECTED[event];
    const v = judgeCase(event, passing(event, status), actor, NOW);
    // One expected verdict per triple, written from the table above (the actor first, then the state).
    const expected = !e.by.includes(actor)
      ? { ok: false, code: "forbidden", reason: "not_your_step" }
      : !e.from.includes(status)
        ? { ok: false, code: "illegal_transition", reason: e.notFrom }
        : { ok: true, to: e.to === "stays" ? status : e.to, moves: e.to !== "stays" };
    // A refusal is compared without its message (worded elsewhere); a pass exactly.
    expect(v.ok ? v : { ok: v.ok, code: v.code, reason: v.reason }).toEqual(expected);
  });
});

/** A closed case with an agreement in effect, adjusted. */
const closed = (o: Partial<CaseFacts> = {}): CaseFacts => ({
  status: "closed",
  outcome: "agreement",
  mediatorId: 1,
  confirmation: null,
  agreementEffectiveAt: NOW - DAY,
  party: { acknowledged: false, rated: false },
  ...o,
});
const reasonOf = (event: CaseEvent, c: CaseFacts, actor: CaseActor, now = NOW) => {
  const v = judgeCase(event, c, actor, now);
  return v.ok ? "ok" : v.reason;
};

describe("guards, each refusal with its reason", () => {
  it("an outcome or a start needs an agreed mediator", () => {
    const c: CaseFacts = { status: "mediator-agreed", outcome: null, mediatorId: null, confirmation: null };
    expect(judgeCase("record-outcome", c, "staff", NOW)).toMatchObject({ ok: false, code: "illegal_transition", reason: "no_mediator" });
    expect(reasonOf("start-mediation", c, "mediator")).toBe("no_mediator");
  });

  it("reopening needs an agreement whose confirmation the court rejected", () => {
    expect(judgeCase("reopen", closed({ confirmation: "rejected" }), "staff", NOW)).toEqual({ ok: true, to: "in-mediation", moves: true });
    expect(reasonOf("reopen", closed({ confirmation: "confirmed" }), "staff")).toBe("reopen_needs_rejection");
    expect(reasonOf("reopen", closed({ confirmation: "applied" }), "staff")).toBe("reopen_needs_rejection");
    expect(reasonOf("reopen", closed({ confirmation: null }), "staff")).toBe("reopen_needs_rejection");
    expect(reasonOf("reopen", closed({ outcome: "no-agreement", confirmation: "rejected" }), "staff")).toBe("reopen_needs_agreement");
  });

  it("each party acknowledges an agreement once", () => {
    for (const actor of PARTIES) {
      expect(reasonOf("acknowledge-agreement", closed(), actor)).toBe("ok");
      expect(reasonOf("acknowledge-agreement", closed({ party: { acknowledged: true, rated: false } }), actor)).toBe(
        "already_acknowledged",
      );
    }
  });

  it("rating only after the case closes, only of a mediation, once per party", () => {
    expect(reasonOf("rate", { ...closed(), status: "in-mediation", outcome: null }, "applicant")).toBe("rate_after_close");
    expect(reasonOf("rate", closed({ outcome: "no-agreement" }), "respondent")).toBe("ok");
    expect(reasonOf("rate", closed({ mediatorId: null, outcome: "withdrawn" }), "applicant")).toBe("no_one_mediated");
    expect(reasonOf("rate", closed({ outcome: "respondent-refused" }), "applicant")).toBe("no_one_mediated");
    expect(reasonOf("rate", closed({ party: { acknowledged: true, rated: true } }), "applicant")).toBe("already_rated");
  });

  it("judicial confirmation only for an agreement in effect, within 30 days of it taking effect", () => {
    const effective = NOW - 10 * DAY;
    const c = closed({ agreementEffectiveAt: effective });
    const deadline = effective + JUDICIAL_CONFIRMATION_DAYS * DAY;
    expect(reasonOf("apply-confirmation", c, "staff", deadline)).toBe("ok");
    expect(reasonOf("apply-confirmation", c, "staff", deadline + 1)).toBe("confirmation_too_late");
    expect(reasonOf("apply-confirmation", closed({ agreementEffectiveAt: null }), "staff")).toBe("agreement_not_effective");
    expect(reasonOf("apply-confirmation", closed({ agreementEffectiveAt: undefined }), "staff")).toBe("agreement_not_effective");
    expect(reasonOf("apply-confirmation", closed({ confirmation: "applied" }), "staff")).toBe("confirmation_applied");
    for (const outcome of CASE_OUTCOMES.filter((o) => o !== "agreement"))
      expect(reasonOf("apply-confirmation", closed({ outcome }), "staff")).toBe("no_agreement");
    // The decision (or its correction) needs the application, not the 30 days.
    expect(reasonOf("record-confirmation-result", c, "staff", deadline + 100 * DAY)).toBe("no_confirmation_application");
    for (const confirmation of ["applied", "confirmed", "rejected"] as const)
      expect(reasonOf("record-confirmation-result", closed({ confirmation }), "staff", deadline + 100 * DAY)).toBe("ok");
  });

  it("fulfilment only on an agreement; enforcement only of a confirmed one", () => {
    for (const outcome of CASE_OUTCOMES) {
      const want = outcome === "agreement" ? "ok" : "no_agreement";
      expect(reasonOf("record-fulfilment", closed({ outcome }), "staff")).toBe(want);
      expect(reasonOf("mark-enforcement", closed({ outcome, confirmation: "confirmed" }), "staff")).toBe(want);
    }
    for (const confirmation of [null, "applied", "rejected"] as const)
      expect(reasonOf("mark-enforcement", closed({ confirmation }), "staff")).toBe("not_confirmed");
  });

  it("a refusal says why, as a domain error with its reason", () => {
    const c: CaseFacts = { status: "closed", outcome: "withdrawn", mediatorId: 1, confirmation: null };
    try {
      nextStatus("record-outcome", c, "mediator", NOW);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "illegal_transition", detail: { field: "_", reason: "no_outcome_now" } });
      expect((error as DomainError).message).toContain("a closed case cannot record-outcome");
    }
    expect(() => nextStatus("reopen", c, "applicant", NOW)).toThrow(
      expect.objectContaining({ code: "forbidden", detail: { field: "_", reason: "not_your_step" } }),
    );
  });

  it("a recording step leaves the status as it is", () => {
    expect(nextStatus("record-fulfilment", closed(), "staff", NOW)).toBe("closed");
    expect(nextStatus("withdraw", { status: "in-mediation", outcome: null, mediatorId: 1, confirmation: null }, "applicant", NOW)).toBe(
      "closed",
    );
  });

  it("every reason is reachable", () => {
    const seen = new Set<string>();
    const facts: CaseFacts[] = [];
    for (const status of CASE_STATUSES)
      for (const outcome of [null, ...CASE_OUTCOMES])
        for (const mediatorId of [null, 1])
          for (const confirmation of [null, "applied", "confirmed", "rejected"] as const)
            for (const agreementEffectiveAt of [null, NOW - DAY, NOW - 40 * DAY])
              for (const flag of [false, true])
                facts.push({ status, outcome, mediatorId, confirmation, agreementEffectiveAt, party: { acknowledged: flag, rated: flag } });
    for (const c of facts)
      for (const event of CASE_EVENTS)
        for (const actor of CASE_ACTORS) {
          const v = judgeCase(event, c, actor, NOW);
          if (!v.ok) seen.add(v.reason);
        }
    expect([...seen].sort()).toEqual([...CASE_REFUSAL_REASONS].sort());
  });
});

describe("what each actor is offered", () => {
  it("lists what each actor may do", () => {
    const c: CaseFacts = { status: "submitted", outcome: null, mediatorId: 3, confirmation: null };
    expect(allowedCaseEvents(c, "respondent", NOW)).toEqual(["agree-mediator", "refuse"]);
    expect(allowedCaseEvents(c, "applicant", NOW)).toEqual(["agree-mediator", "withdraw"]);
    expect(allowedCaseEvents(c, "mediator", NOW)).toEqual([]);
  });
  it("on a closed agreement: the parties acknowledge and rate, staff record the court and the payments", () => {
    expect(allowedCaseEvents(closed(), "applicant", NOW)).toEqual(["acknowledge-agreement", "rate"]);
    expect(allowedCaseEvents(closed(), "staff", NOW)).toEqual(["apply-confirmation", "record-fulfilment"]);
    expect(allowedCaseEvents(closed({ confirmation: "confirmed" }), "staff", NOW)).toEqual([
      "record-confirmation-result",
      "record-fulfilment",
      "mark-enforcement",
    ]);
    expect(allowedCaseEvents(closed({ confirmation: "rejected" }), "staff", NOW, CASE_MOVES)).toEqual(["reopen"]);
  });
  it("moves need no clock: allowedMoves equals the moves judged at any instant", () => {
    for (const status of CASE_STATUSES)
      for (const confirmation of [null, "applied", "confirmed", "rejected"] as const)
        for (const actor of CASE_ACTORS) {
          const c = { ...closed({ confirmation }), status };
          for (const at of [0, NOW, NOW + 400 * DAY]) expect(allowedMoves(c, actor)).toEqual(allowedCaseEvents(c, actor, at, CASE_MOVES));
        }
  });
  it("reads the confirmation's row as a fact", () => {
    expect([null, { result: null }, { result: "confirmed" as const }, { result: "rejected" as const }].map(confirmationState)).toEqual([
      null,
      "applied",
      "confirmed",
      "rejected",
    ]);
  });
});
