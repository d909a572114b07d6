// The answer deadline of a booking request (domain/answer-deadline.ts, ADR 029), at its edges. Times
// are built from an arbitrary instant, so the cases hold on any date.
import { describe, expect, it } from "vitest";
import { answerDeadline, answerLeadHours, needsSeaCrossing, type DeadlineFacts } from "../../domain/answer-deadline";

const HOUR = 3_600_000;
const created = Date.UTC(2027, 11, 31, 15, 30); // any instant: the rule only compares differences
const facts = (o: Partial<DeadlineFacts>): DeadlineFacts => ({
  createdAt: created,
  startAt: created + 72 * HOUR,
  responseHours: 48,
  mode: "online",
  sessionTown: null,
  partyTown: null,
  ...o,
});

describe("needsSeaCrossing", () => {
  it.each([
    ["online from an island", { mode: "online", sessionTown: null, partyTown: "dongji" }, false],
    ["centre from the mainland", { mode: "centre", sessionTown: null, partyTown: "donggang" }, false],
    ["centre, town not said", { mode: "centre", sessionTown: null, partyTown: null }, false],
    ["centre from an island", { mode: "centre", sessionTown: null, partyTown: "dongji" }, true],
    ["on site in an island town", { mode: "onsite", sessionTown: "liuheng", partyTown: "liuheng" }, true],
    ["on site on the mainland", { mode: "onsite", sessionTown: "zhanmao", partyTown: "zhanmao" }, false],
    ["on site on the mainland, party from an island", { mode: "onsite", sessionTown: "zhanmao", partyTown: "taohua" }, true],
  ] as const)("%s: %s", (_name, f, expected) => {
    expect(needsSeaCrossing(f)).toBe(expected);
  });

  it("gives the longer lead exactly when a crossing is needed", () => {
    expect(answerLeadHours({ mode: "centre", sessionTown: null, partyTown: "xiazhi" })).toBe(24);
    expect(answerLeadHours({ mode: "centre", sessionTown: null, partyTown: "goushan" })).toBe(12);
  });
});

describe("answerDeadline", () => {
  it("is the response window when the session is far off", () => {
    expect(answerDeadline(facts({ startAt: created + 30 * 24 * HOUR }))).toEqual({ kind: "ask", respondBy: created + 48 * HOUR, leadHours: 12 });
  });

  it("is 12 hours before the session when that comes first, never the session's start", () => {
    expect(answerDeadline(facts({ startAt: created + 40 * HOUR }))).toEqual({ kind: "ask", respondBy: created + 28 * HOUR, leadHours: 12 });
  });

  it("is 24 hours before the session for an islander coming to the centre", () => {
    const d = answerDeadline(facts({ startAt: created + 40 * HOUR, mode: "centre", partyTown: "dongji" }));
    expect(d).toEqual({ kind: "ask", respondBy: created + 16 * HOUR, leadHours: 24 });
  });

  it("asks while one hour is left to answer, and is instant-only a minute later", () => {
    expect(answerDeadline(facts({ startAt: created + 13 * HOUR }))).toEqual({ kind: "ask", respondBy: created + HOUR, leadHours: 12 });
    expect(answerDeadline(facts({ startAt: created + 13 * HOUR - 60_000 }))).toEqual({
      kind: "instant-only",
      leadHours: 12,
      latestAskAt: created - 60_000,
    });
  });

  it("makes a time 20 hours away instant-only across the water, and askable online", () => {
    const start = created + 20 * HOUR;
    expect(answerDeadline(facts({ startAt: start, mode: "onsite", sessionTown: "dongji", partyTown: "dongji" })).kind).toBe("instant-only");
    expect(answerDeadline(facts({ startAt: start })).kind).toBe("ask");
  });

  it("with a response window shorter than the lead, is the window", () => {
    expect(answerDeadline(facts({ startAt: created + 13 * HOUR, responseHours: 0.5 }))).toEqual({
      kind: "instant-only",
      leadHours: 12,
      latestAskAt: created,
    });
    expect(answerDeadline(facts({ responseHours: 2 }))).toEqual({ kind: "ask", respondBy: created + 2 * HOUR, leadHours: 12 });
  });
});
