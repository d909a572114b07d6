// The explained suggestion's ranking (ADR 021): each criterion decides on its own, the skipped list
// says why, the lazy walk equals ranking everyone with all their slots, and fairness turns in a row.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compare, rankCandidates, type CandidateFacts, type Considered, type SlotChoice } from "./fallback-rank";

const NOW = Date.UTC(2030, 0, 7, 2); // any instant: nothing here reads the clock
const HOUR = 3_600_000;

function facts(id: number, o: Partial<CandidateFacts> = {}): CandidateFacts {
  return {
    mediatorId: id,
    languages: [],
    openCases: 0,
    capacityOpenCases: 8,
    sessionsWeek: 0,
    capacitySessionsWeek: 10,
    record: { score: 0.5, mediated: 0 },
    lastAssignedAt: null,
    onLeave: false,
    conflict: null,
    earlier: null,
    hasFreeTime: true,
    ...o,
  };
}
const slot = (preferred = true, hours = 24): SlotChoice => ({
  start: NOW + hours * HOUR,
  end: NOW + (hours + 1) * HOUR,
  mode: preferred ? "online" : "centre",
  preferred,
});
const everyoneFree = () => slot();

describe("each criterion decides", () => {
  it("a slot in a preferred mode (an island party) before everything else", () => {
    const r = rankCandidates({
      candidates: [facts(1, { record: { score: 0.9, mediated: 40 } }), facts(2)],
      slotOf: (id) => (id === 1 ? slot(false) : slot(true)),
      now: NOW,
    });
    expect(r.winner?.mediatorId).toBe(2);
    expect(r.decidedBy).toBe("slot-mode");
  });

  it("the language asked for, before load and record", () => {
    const r = rankCandidates({
      candidates: [facts(1, { record: { score: 0.9, mediated: 40 } }), facts(2, { languages: ["zhoushan-dialect"], openCases: 3 })],
      language: "zhoushan-dialect",
      slotOf: everyoneFree,
      now: NOW,
    });
    expect(r.winner?.mediatorId).toBe(2);
    expect(r.decidedBy).toBe("language");
    expect(r.considered.find((c) => c.mediatorId === 1)?.speaksLanguage).toBe(false);
  });

  it("load against capacity (by quarters), before the record", () => {
    const r = rankCandidates({
      candidates: [facts(1, { openCases: 6, record: { score: 0.9, mediated: 40 } }), facts(2, { openCases: 1 })],
      slotOf: everyoneFree,
      now: NOW,
    });
    expect(r.winner?.mediatorId).toBe(2);
    expect(r.decidedBy).toBe("load");
    // One case more within the same quarter does not decide: the record does.
    const close = rankCandidates({
      candidates: [facts(1, { openCases: 1, record: { score: 0.9, mediated: 40 } }), facts(2, { openCases: 0 })],
      slotOf: everyoneFree,
      now: NOW,
    });
    expect(close.winner?.mediatorId).toBe(1);
    expect(close.decidedBy).toBe("record");
  });

  it("sessions this week count as load too", () => {
    const r = rankCandidates({
      candidates: [facts(1, { sessionsWeek: 8 }), facts(2, { sessionsWeek: 1 })],
      slotOf: everyoneFree,
      now: NOW,
    });
    expect([r.winner?.mediatorId, r.decidedBy]).toEqual([2, "load"]);
  });

  it("the record, before fairness", () => {
    const r = rankCandidates({
      candidates: [
        facts(1, { record: { score: 0.61, mediated: 30 } }),
        facts(2, { record: { score: 0.72, mediated: 30 }, lastAssignedAt: NOW - HOUR }),
      ],
      slotOf: everyoneFree,
      now: NOW,
    });
    expect([r.winner?.mediatorId, r.decidedBy]).toEqual([2, "record"]);
  });

  it("fairness among equals: never assigned, then least recently", () => {
    const r = rankCandidates({
      candidates: [
        facts(1, { lastAssignedAt: NOW - HOUR }),
        facts(2, { lastAssignedAt: NOW - 5 * HOUR }),
        facts(3, { lastAssignedAt: NOW - 2 * HOUR }),
      ],
      slotOf: everyoneFree,
      now: NOW,
    });
    expect([r.winner?.mediatorId, r.decidedBy]).toEqual([2, "fairness"]);
    expect(r.considered.map((c) => c.mediatorId)).toEqual([2, 3, 1]);
  });

  it("only one who qualifies says so", () => {
    const r = rankCandidates({ candidates: [facts(1), facts(2, { onLeave: true })], slotOf: everyoneFree, now: NOW });
    expect([r.winner?.mediatorId, r.decidedBy]).toEqual([1, "only-candidate"]);
  });
});

describe("the hard filters", () => {
  it("never propose someone on leave, over capacity, conflicted, already tried or without time, and say why", () => {
    const r = rankCandidates({
      candidates: [
        facts(1, { earlier: "declined" }),
        facts(2, { earlier: "recused" }),
        facts(3, { onLeave: true }),
        facts(4, { openCases: 8 }),
        facts(5, { sessionsWeek: 10 }),
        facts(6, { conflict: { tieId: 77, kind: "boat" } }),
        facts(7, { hasFreeTime: false }),
        facts(8),
        facts(9, { earlier: "expired" }),
        facts(10),
      ],
      slotOf: (id) => (id === 8 ? null : slot()),
      now: NOW,
    });
    expect(r.winner?.mediatorId).toBe(10);
    expect(Object.fromEntries(r.skipped.map((s) => [s.mediatorId, s.why]))).toEqual({
      1: "declined",
      2: "recused",
      3: "on-leave",
      4: "over-capacity-cases",
      5: "over-capacity-sessions",
      6: "conflict",
      7: "no-free-slot",
      8: "no-free-slot",
      9: "expired",
    });
    expect(r.skipped.find((s) => s.mediatorId === 6)?.tie).toEqual({ id: 77, kind: "boat" });
    expect(r.counts).toEqual({ candidates: 10, considered: 1, skipped: 9 });
  });

  it("capacity: one below is eligible, at capacity is not", () => {
    const r = rankCandidates({ candidates: [facts(1, { openCases: 7 }), facts(2, { openCases: 8 })], slotOf: everyoneFree, now: NOW });
    expect(r.winner?.mediatorId).toBe(1);
    expect(r.skipped).toEqual([{ mediatorId: 2, why: "over-capacity-cases" }]);
  });

  it("a slot already begun is no slot", () => {
    const r = rankCandidates({ candidates: [facts(1)], slotOf: () => slot(true, -1), now: NOW });
    expect(r.winner).toBeNull();
    expect(r.skipped).toEqual([{ mediatorId: 1, why: "no-free-slot" }]);
  });
});

describe("fairness over a sequence of assignments", () => {
  it("equal mediators take turns, each assignment moving its mediator to the back", () => {
    const pool = [1, 2, 3].map((id) => facts(id));
    const order: number[] = [];
    for (let k = 0; k < 6; k++) {
      const r = rankCandidates({ candidates: pool, slotOf: everyoneFree, now: NOW + k * HOUR });
      const w = r.winner!.mediatorId;
      order.push(w);
      pool[w - 1] = { ...pool[w - 1], lastAssignedAt: NOW + k * HOUR };
    }
    expect(order).toEqual([1, 2, 3, 1, 2, 3]);
  });
});

describe("the lazy walk", () => {
  it("equals ranking everyone with all their slots", () => {
    const candidate = fc.record({
      preferred: fc.option(fc.boolean(), { nil: null }),
      speaks: fc.boolean(),
      openCases: fc.integer({ min: 0, max: 9 }),
      record: fc.integer({ min: 30, max: 80 }),
      last: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(candidate, { minLength: 1, maxLength: 25 }), (list) => {
        const cands = list.map((c, i) =>
          facts(i + 1, {
            languages: c.speaks ? ["zhoushan-dialect"] : [],
            openCases: c.openCases,
            record: { score: c.record / 100, mediated: 10 },
            lastAssignedAt: c.last === null ? null : NOW - c.last * HOUR,
          }),
        );
        const slotOf = (id: number) => (list[id - 1].preferred === null ? null : slot(list[id - 1].preferred!));
        const r = rankCandidates({ candidates: cands, language: "zhoushan-dialect", slotOf, now: NOW, consider: 1 });
        const full: Considered[] = rankCandidates({
          candidates: cands,
          language: "zhoushan-dialect",
          slotOf,
          now: NOW,
          consider: 1000,
        }).considered;
        const best = [...full].sort((a, b) => compare(a, b).order)[0];
        expect(r.winner?.mediatorId).toBe(best?.mediatorId);
        // Two or more considered: the criterion that split the first two; one: it was the only one; none: null.
        expect(r.decidedBy).toBe(full.length > 1 ? compare(full[0], full[1]).by : full.length === 1 ? "only-candidate" : null);
      }),
    );
  });
});
