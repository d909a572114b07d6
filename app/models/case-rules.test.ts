// The case state machine, pair by pair: every event from every state, by every actor, with its guards.
import { describe, expect, it } from "vitest";
import { CASE_STATUSES, type CaseStatus } from "../../domain";
import { allowedCaseEvents, CASE_EVENTS, judgeCase, nextStatus, type CaseActor, type CaseEvent, type CaseFacts } from "./case-rules";
import { DomainError } from "./errors";

const ACTORS: CaseActor[] = ["applicant", "respondent", "mediator", "staff", "system"];

/** The table written out independently of the code: event → [from states, actors, to]. */
const EXPECTED: Record<CaseEvent, { from: CaseStatus[]; by: CaseActor[]; to: CaseStatus }> = {
  "agree-mediator": { from: ["submitted"], by: ["applicant", "respondent", "staff", "system"], to: "mediator-agreed" },
  "start-mediation": { from: ["mediator-agreed"], by: ["mediator", "staff", "system"], to: "in-mediation" },
  refuse: { from: ["submitted", "mediator-agreed"], by: ["respondent", "staff"], to: "closed" },
  withdraw: { from: ["submitted", "mediator-agreed", "in-mediation"], by: ["applicant", "staff"], to: "closed" },
  "record-outcome": { from: ["mediator-agreed", "in-mediation"], by: ["mediator", "staff"], to: "closed" },
  reopen: { from: ["closed"], by: ["staff"], to: "in-mediation" },
};

// Facts under which every guard passes, so the pair alone decides.
const passing = (status: CaseStatus): CaseFacts => ({
  status,
  outcome: status === "closed" ? "agreement" : null,
  mediatorId: 7,
  confirmation: "rejected",
});

describe("every (state, event, actor)", () => {
  it("covers every event", () => expect([...CASE_EVENTS].sort()).toEqual(Object.keys(EXPECTED).sort()));
  for (const event of CASE_EVENTS)
    for (const status of CASE_STATUSES)
      for (const actor of ACTORS) {
        const e = EXPECTED[event];
        const want = !e.by.includes(actor) ? "forbidden" : !e.from.includes(status) ? "illegal_transition" : e.to;
        it(`${event} from ${status} by ${actor} → ${want}`, () => {
          const v = judgeCase(event, passing(status), actor);
          expect(v.ok ? v.to : v.code).toBe(want);
        });
      }
});

describe("guards", () => {
  it("an outcome or a start needs an agreed mediator", () => {
    const c: CaseFacts = { status: "mediator-agreed", outcome: null, mediatorId: null, confirmation: null };
    expect(judgeCase("record-outcome", c, "staff")).toMatchObject({
      ok: false,
      code: "illegal_transition",
      why: "no mediator has been agreed on",
    });
    expect(judgeCase("start-mediation", c, "mediator")).toMatchObject({ ok: false, code: "illegal_transition" });
  });
  it("reopening needs an agreement whose confirmation the court rejected", () => {
    const closed = (outcome: CaseFacts["outcome"], confirmation: CaseFacts["confirmation"]): CaseFacts => ({
      status: "closed",
      outcome,
      mediatorId: 1,
      confirmation,
    });
    expect(judgeCase("reopen", closed("agreement", "rejected"), "staff")).toEqual({ ok: true, to: "in-mediation" });
    expect(judgeCase("reopen", closed("agreement", "confirmed"), "staff").ok).toBe(false);
    expect(judgeCase("reopen", closed("agreement", null), "staff").ok).toBe(false);
    expect(judgeCase("reopen", closed("no-agreement", "rejected"), "staff").ok).toBe(false);
  });
  it("a refusal says why, as a domain error", () => {
    const c: CaseFacts = { status: "closed", outcome: "withdrawn", mediatorId: 1, confirmation: null };
    try {
      nextStatus("record-outcome", c, "mediator");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("illegal_transition");
      expect((error as DomainError).message).toContain("a closed case cannot record-outcome");
    }
  });
  it("lists what each actor may do", () => {
    const c: CaseFacts = { status: "submitted", outcome: null, mediatorId: 3, confirmation: null };
    expect(allowedCaseEvents(c, "respondent")).toEqual(["agree-mediator", "refuse"]);
    expect(allowedCaseEvents(c, "applicant")).toEqual(["agree-mediator", "withdraw"]);
    expect(allowedCaseEvents(c, "mediator")).toEqual([]);
  });
});
