// The records projection against two references: after any sequence of case events, refreshed
// incrementally in each event's transaction, it equals a full rebuild, and it equals the figures
// computed here directly from the rows in plain code (docs/case-figures.md read a second time).
// Then reading a record: the window, a category, the median, the score, unknown ids.
import fc from "fast-check";
import { DateTime } from "luxon";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../tests/integration/setup-db";
import { openDb, type Tx } from "../../db/client";
import {
  agreements,
  caseParties,
  cases,
  instalments,
  judicialConfirmations,
  obligations,
  ratings,
  records,
  searchOutbox,
} from "../../db/schema";
import { CENTRE_TIMEZONE, type CaseOutcome, type FulfilmentResult } from "../../domain";
import { createCommittee, createMediator, createOutcomeHistory, insertClosedCase } from "../../tests/factories";

const db = openDb(freshDatabase());
const { refreshRecords, rebuildAllRecords, getMediatorRecord, getCommitteeRecord } = await import("./records.server");
const { DomainError } = await import("./errors");

const DAY = 86_400_000;
/** A fixed instant (local noon, 15 June 2026); the tests pass on any date because they never read the clock. */
const NOW = Date.parse("2026-06-15T12:00:00+08:00");

// ── the reference: the figures of docs/case-figures.md computed in plain code from the rows ────────

const MEDIATED: CaseOutcome[] = ["agreement", "no-agreement", "referred-arbitration", "referred-litigation"];
const month = (ms: number) => DateTime.fromMillis(ms, { zone: CENTRE_TIMEZONE }).toFormat("yyyy-MM");

function directProjection(): Map<string, number[]> {
  const all = db.select().from(cases).all();
  const inst = db
    .select({ caseId: agreements.caseId, result: instalments.result })
    .from(instalments)
    .innerJoin(obligations, eq(obligations.id, instalments.obligationId))
    .innerJoin(agreements, eq(agreements.id, obligations.agreementId))
    .all();
  const confirmations = db.select().from(judicialConfirmations).all();
  const rated = db.select().from(ratings).all();
  const out = new Map<string, number[]>();
  const add = (subject: string, id: number | null, category: string, severity: string, m: string, v: number[]) => {
    if (id === null) return;
    for (const [c, s] of [
      [category, severity],
      [category, ""],
      ["", severity],
      ["", ""],
    ]) {
      const key = JSON.stringify([subject, id, c, s, m]);
      const sum = out.get(key) ?? v.map(() => 0);
      out.set(
        key,
        sum.map((x, i) => x + v[i]),
      );
    }
  };
  for (const c of all) {
    const subjects = [
      ["mediator", c.mediatorId],
      ["committee", c.committeeId],
    ] as const;
    if (c.status === "closed" && c.closedAt !== null) {
      const results = inst.filter((i) => i.caseId === c.id).map((i) => i.result);
      const agreed = c.outcome === "agreement";
      const decided = agreed && results.length > 0 && results.every((r) => r !== null);
      const fulfilled = decided && results.every((r) => r === "on-time" || r === "late");
      const stars = rated.filter((r) => r.caseId === c.id).map((r) => r.stars);
      const v = [
        1,
        MEDIATED.includes(c.outcome!) ? 1 : 0,
        agreed ? 1 : 0,
        fulfilled ? 1 : 0,
        decided ? 1 : 0,
        0,
        stars.length,
        stars.reduce((a, b) => a + b, 0),
        c.closedAt - c.createdAt.getTime(),
      ];
      for (const [s, id] of subjects) add(s, id, c.category, c.severity, month(c.closedAt), v);
    }
    for (const j of confirmations.filter((j) => j.caseId === c.id && j.result === "confirmed" && j.decidedOn))
      for (const [s, id] of subjects) add(s, id, c.category, c.severity, j.decidedOn!.slice(0, 7), [0, 0, 0, 0, 0, 1, 0, 0, 0]);
  }
  return out;
}

function projection(): Map<string, number[]> {
  return new Map(
    db
      .select()
      .from(records)
      .all()
      .map((r) => [
        JSON.stringify([r.subject, r.subjectId, r.category, r.severity, r.month]),
        [
          r.closed,
          r.mediated,
          r.agreements,
          r.fulfilled,
          r.fulfilmentDecided,
          r.judicialConfirmations,
          r.ratings,
          r.starsSum,
          r.msToCloseSum,
        ],
      ]),
  );
}

const sorted = (m: Map<string, number[]>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

// ── the events ─────────────────────────────────────────────────────────────────────────────────────

let mediatorIds: number[] = [];
let committeeIds: number[] = [];

beforeAll(() => {
  mediatorIds = [0, 1, 2].map(() => createMediator(db, { now: NOW, weekly: false }).id);
  committeeIds = [createCommittee(db, { members: mediatorIds.slice(0, 2) }).id];
});

const RESULTS: (FulfilmentResult | null)[] = ["on-time", "late", "enforcement-requested", "enforced", null];

type Event =
  | {
      kind: "close";
      mediator: number | null;
      committee: number | null;
      outcome: CaseOutcome;
      category: "labour" | "medical";
      severity: "simple" | "major" | "group";
      daysAgo: number;
      days: number;
      instalments: (FulfilmentResult | null)[];
    }
  | { kind: "instalment"; pick: number; which: number; result: FulfilmentResult | null }
  | { kind: "rating"; pick: number; stars: number }
  | { kind: "confirmation"; pick: number; result: "confirmed" | "rejected"; daysLater: number };

const eventArb: fc.Arbitrary<Event> = fc.oneof(
  fc.record({
    kind: fc.constant("close" as const),
    mediator: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
    committee: fc.option(fc.constant(0), { nil: null }),
    outcome: fc.oneof(
      { arbitrary: fc.constant<CaseOutcome>("agreement"), weight: 4 },
      {
        arbitrary: fc.constantFrom<CaseOutcome>(
          "no-agreement",
          "withdrawn",
          "respondent-refused",
          "referred-arbitration",
          "referred-litigation",
        ),
        weight: 3,
      },
    ),
    category: fc.constantFrom("labour" as const, "medical" as const),
    severity: fc.constantFrom("simple" as const, "major" as const, "group" as const),
    // Up to 15 months back, so a month boundary and the 12-month window are crossed.
    daysAgo: fc.integer({ min: 0, max: 450 }),
    days: fc.integer({ min: 0, max: 60 }),
    instalments: fc.array(fc.constantFrom(...RESULTS), { maxLength: 3, size: "max" }),
  }),
  fc.record({ kind: fc.constant("instalment" as const), pick: fc.nat(), which: fc.nat(), result: fc.constantFrom(...RESULTS) }),
  fc.record({ kind: fc.constant("rating" as const), pick: fc.nat(), stars: fc.integer({ min: 1, max: 5 }) }),
  fc.record({
    kind: fc.constant("confirmation" as const),
    pick: fc.nat(),
    result: fc.constantFrom("confirmed" as const, "rejected" as const),
    daysLater: fc.integer({ min: 0, max: 40 }),
  }),
);

/** Applies one event in one transaction, refreshing the records of the case it touched (as the case model does). */
function apply(e: Event, made: number[]): void {
  db.transaction((tx) => {
    let caseId: number;
    if (e.kind === "close") {
      const closedAt = NOW - e.daysAgo * DAY;
      caseId = insertClosedCase(tx, {
        mediatorId: e.mediator === null ? null : mediatorIds[e.mediator],
        committeeId: e.committee === null ? null : committeeIds[e.committee],
        outcome: e.outcome,
        category: e.category,
        severity: e.severity,
        closedAt,
        createdAt: closedAt - e.days * DAY - 3_600_000,
        instalments: e.outcome === "agreement" ? e.instalments : [],
      }).id;
      made.push(caseId);
    } else {
      if (made.length === 0) return;
      caseId = made[e.pick % made.length];
      if (e.kind === "instalment") {
        const due = tx
          .select({ id: instalments.id })
          .from(instalments)
          .innerJoin(obligations, eq(obligations.id, instalments.obligationId))
          .innerJoin(agreements, eq(agreements.id, obligations.agreementId))
          .where(eq(agreements.caseId, caseId))
          .all();
        if (due.length === 0) return;
        tx.update(instalments)
          .set({ result: e.result })
          .where(eq(instalments.id, due[e.which % due.length].id))
          .run();
      } else if (e.kind === "rating") {
        insertRating(tx, caseId, e.stars);
      } else {
        const c = tx.select().from(cases).where(eq(cases.id, caseId)).get()!;
        if (c.outcome !== "agreement") return;
        const decidedOn = DateTime.fromMillis(c.closedAt! + e.daysLater * DAY, { zone: CENTRE_TIMEZONE }).toISODate()!;
        tx.insert(judicialConfirmations)
          .values({ caseId, court: "普陀区人民法院", appliedOn: decidedOn, decidedOn, result: e.result })
          .onConflictDoUpdate({ target: judicialConfirmations.caseId, set: { result: e.result, decidedOn } })
          .run();
      }
    }
    const c = tx.select({ m: cases.mediatorId, k: cases.committeeId }).from(cases).where(eq(cases.id, caseId)).get()!;
    refreshRecords(tx, { mediatorIds: [c.m], committeeIds: [c.k] });
  });
}

function insertRating(tx: Tx, caseId: number, stars: number) {
  const party = tx.insert(caseParties).values({ caseId, side: "applicant", name: "测试当事人" }).returning({ id: caseParties.id }).get();
  tx.insert(ratings).values({ caseId, casePartyId: party.id, stars, at: NOW }).run();
}

describe("the records projection", () => {
  it("refreshed event by event equals a full rebuild and the figures computed from the rows", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 5, maxLength: 40, size: "max" }), (events) => {
        const made: number[] = [];
        for (const e of events) apply(e, made);
        const incremental = sorted(projection());
        expect(incremental).toEqual(sorted(directProjection()));
        db.transaction((tx) => rebuildAllRecords(tx));
        expect(sorted(projection())).toEqual(incremental);
      }),
      { numRuns: 40 },
    );
  });

  it("writes a search outbox row for the subjects whose figures changed, and none when nothing did", () => {
    const [a, b] = mediatorIds;
    const outbox = () => db.select().from(searchOutbox).all();
    const before = outbox().length;
    db.transaction((tx) => {
      insertClosedCase(tx, { mediatorId: a, committeeId: committeeIds[0], closedAt: NOW - DAY });
      refreshRecords(tx, { mediatorIds: [a, b], committeeIds: [committeeIds[0], null] });
    });
    const rows = outbox()
      .slice(before)
      .map((r) => [r.entity, r.entityId]);
    expect(rows).toEqual([
      ["mediator", a],
      ["committee", committeeIds[0]],
    ]);
    db.transaction((tx) => refreshRecords(tx, { mediatorIds: [a, b], committeeIds: committeeIds }));
    expect(outbox()).toHaveLength(before + 2);
  });
});

describe("getMediatorRecord", () => {
  it("sums the last 12 months, one category or all, with the median from the cases", () => {
    const m = createMediator(db, { now: NOW, weekly: false, categories: ["labour", "medical"] });
    const made = (o: Parameters<typeof insertClosedCase>[1]) => db.transaction((tx) => insertClosedCase(tx, o));
    const closedAt = (daysAgo: number) => NOW - daysAgo * DAY;
    // Labour: 3 agreements (one fulfilled on time, one enforced, one with a pending instalment), one
    // no-agreement, one withdrawn (closed, not mediated). Medical: one agreement, judicially confirmed.
    made({ mediatorId: m.id, closedAt: closedAt(5), createdAt: closedAt(9), instalments: ["on-time", "late"], ratings: [5, 4] });
    made({ mediatorId: m.id, closedAt: closedAt(40), createdAt: closedAt(41), instalments: ["enforced"], ratings: [2] });
    made({ mediatorId: m.id, closedAt: closedAt(70), createdAt: closedAt(90), instalments: ["on-time", null] });
    made({ mediatorId: m.id, outcome: "no-agreement", closedAt: closedAt(100), createdAt: closedAt(103) });
    made({ mediatorId: m.id, outcome: "withdrawn", closedAt: closedAt(200), createdAt: closedAt(202) });
    made({
      mediatorId: m.id,
      category: "medical",
      closedAt: closedAt(30),
      createdAt: closedAt(36),
      instalments: ["on-time"],
      judicialConfirmation: { result: "confirmed", decidedOn: DateTime.fromMillis(closedAt(20), { zone: CENTRE_TIMEZONE }).toISODate()! },
    });
    // Outside the window: closed 13 months ago.
    made({ mediatorId: m.id, closedAt: NOW - 400 * DAY });
    db.transaction((tx) => refreshRecords(tx, { mediatorIds: [m.id] }));

    const all = getMediatorRecord({ mediatorId: m.id, now: NOW })!;
    expect(all).toMatchObject({
      closed: 6,
      agreements: 4,
      agreementRate: 4 / 5,
      // Decided: the first, the enforced one and the medical one; fulfilled: the first and the medical.
      fulfilmentRate: 2 / 3,
      judicialConfirmations: 1,
      ratings: 3,
      // Stars 5, 4 and 2: two of three ratings are satisfied (4–5 stars).
      satisfaction: 2 / 3,
      // Days to close: 4, 1, 20, 3, 2, 6 → median (3 + 4) / 2.
      medianDaysToClose: 3.5,
      from: "2025-07-01",
      to: "2026-06-15",
    });
    expect(all.score).toBeGreaterThan(0);
    expect(all.score).toBeLessThan(1);

    const labour = getMediatorRecord({ mediatorId: m.id, category: "labour", now: NOW })!;
    expect(labour).toMatchObject({ closed: 5, agreements: 3, agreementRate: 3 / 4, fulfilmentRate: 1 / 2, judicialConfirmations: 0 });
    expect(labour.medianDaysToClose).toBe(3);

    // A shorter window: the last 2 months (May and June 2026).
    expect(getMediatorRecord({ mediatorId: m.id, now: NOW, months: 2 })).toMatchObject({ closed: 3, agreements: 3, from: "2026-05-01" });
    // Fourteen months on, nothing is left in the window: zeros, nulls and the neutral score.
    const later = getMediatorRecord({ mediatorId: m.id, now: NOW + 430 * DAY })!;
    expect(later).toMatchObject({
      closed: 0,
      agreements: 0,
      agreementRate: null,
      fulfilmentRate: null,
      medianDaysToClose: null,
      satisfaction: null,
    });
    const fresh = createMediator(db, { now: NOW, weekly: false });
    expect(getMediatorRecord({ mediatorId: fresh.id, now: NOW + 430 * DAY })!.score).toBe(later.score);
  });

  it("ranks a proven mediator above a lucky newcomer", () => {
    const lucky = createMediator(db, { now: NOW, weekly: false });
    const proven = createMediator(db, { now: NOW, weekly: false });
    createOutcomeHistory(db, { mediatorId: lucky.id, mediated: 1, agreements: 1, closedBefore: NOW });
    createOutcomeHistory(db, { mediatorId: proven.id, mediated: 50, agreements: 45, closedBefore: NOW });
    expect(getMediatorRecord({ mediatorId: proven.id, now: NOW })!.score).toBeGreaterThan(
      getMediatorRecord({ mediatorId: lucky.id, now: NOW })!.score,
    );
  });

  it("answers null for an unknown mediator or committee and refuses an unknown category", () => {
    expect(getMediatorRecord({ mediatorId: 999_999, now: NOW })).toBeNull();
    expect(getCommitteeRecord({ committeeId: 999_999, now: NOW })).toBeNull();
    expect(() => getMediatorRecord({ mediatorId: mediatorIds[0], category: "nope" as never, now: NOW })).toThrow(DomainError);
  });

  it("gives a committee the cases that went through it", () => {
    const [member] = mediatorIds;
    const committee = createCommittee(db, { members: [member] });
    createOutcomeHistory(db, { mediatorId: member, committeeId: committee.id, mediated: 4, agreements: 3, closedBefore: NOW });
    expect(getCommitteeRecord({ committeeId: committee.id, now: NOW })).toMatchObject({ closed: 4, agreements: 3, agreementRate: 0.75 });
  });
});
