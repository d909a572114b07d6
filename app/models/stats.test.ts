// The centre's figures on a small hand-made history whose every answer is worked out below: nine cases
// (one filed before the period, one closed after it), their agreements' instalments, ratings and
// judicial confirmations, counted whole and grouped, with empty groups and empty denominators.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../tests/integration/setup-db";
import { openDb } from "../../db/client";
import {
  agreements,
  caseParties,
  cases,
  committees,
  instalments,
  judicialConfirmations,
  mediators,
  obligations,
  ratings,
} from "../../db/schema";
import { createParty } from "../../tests/factories";
import type { CaseOutcome } from "../../domain";
import { noSevereCases, noSevereFigures, type CentreFigures, type SevereFigures } from "./stats-types";

const db = openDb(freshDatabase());
const { centreStats, statsQuerySchema, last12Months, wholeMonth } = await import("./stats.server");
const { DomainError } = await import("./errors");

/** An instant given as local time at the centre. */
const at = (local: string) => Date.parse(`${local}:00+08:00`);
const NOW = at("2026-06-15T12:00");
const PERIOD = { from: "2026-01-01", to: "2026-03-31" };

type Result = "on-time" | "late" | "enforcement-requested" | "enforced" | null;
interface Made {
  created: string;
  channel: "online" | "window";
  category: string;
  town: string | null;
  pool: "senior-mediator" | "expert" | "lawyer" | "committee" | null;
  closed?: string;
  due?: string;
  outcome?: CaseOutcome;
  mode?: "online" | "centre" | "onsite";
  visits?: number;
  severity?: "simple" | "major" | "group";
  /** A death-compensation claim (the case's flag). */
  death?: boolean;
  /** The agreement's instalments (an agreement without any when empty). */
  instalments?: Result[];
  stars?: number[];
  confirmation?: { decidedOn: string; result: "confirmed" | "rejected" };
}

// C1…C9, worked through in the expectations below.
const HISTORY: Made[] = [
  // C1: Jan, labour, island, online mediation, agreed; paid on time then late; confirmed in Feb.
  {
    created: "2026-01-05T10:00",
    channel: "online",
    category: "labour",
    town: "liuheng",
    pool: "senior-mediator",
    closed: "2026-01-20T16:00",
    due: "2026-02-04T10:00",
    outcome: "agreement",
    mode: "online",
    visits: 0,
    instalments: ["on-time", "late"],
    stars: [5, 4],
    confirmation: { decidedOn: "2026-02-10", result: "confirmed" },
  },
  // C2: Jan at the window, major, closed late in Feb without agreement, one visit.
  {
    created: "2026-01-10T09:00",
    channel: "window",
    category: "labour",
    town: "shenjiamen",
    pool: "expert",
    closed: "2026-02-15T11:00",
    due: "2026-02-09T09:00",
    outcome: "no-agreement",
    mode: "centre",
    visits: 1,
    severity: "major",
    stars: [2],
  },
  // C3: Feb, medical, a group case through a committee, online for an island; one instalment enforced.
  {
    created: "2026-02-01T08:30",
    channel: "online",
    category: "medical",
    town: "taohua",
    pool: "committee",
    closed: "2026-02-20T15:00",
    due: "2026-03-03T08:30",
    outcome: "agreement",
    mode: "online",
    visits: 0,
    severity: "group",
    instalments: ["on-time", "enforced"],
    stars: [4],
    confirmation: { decidedOn: "2026-03-05", result: "confirmed" },
  },
  // C4: Feb, withdrawn in Mar (closed, not mediated), no town, no mediator, two visits.
  {
    created: "2026-02-03T14:00",
    channel: "online",
    category: "medical",
    town: null,
    pool: null,
    closed: "2026-03-01T10:00",
    due: "2026-03-05T14:00",
    outcome: "withdrawn",
    visits: 2,
  },
  // C5: Mar at the window, still in mediation.
  { created: "2026-03-10T10:00", channel: "window", category: "medical", town: "liuheng", pool: "lawyer" },
  // C6: filed in Dec 2025, agreed in Jan on site; its instalment has no result yet; confirmation rejected.
  {
    created: "2025-12-20T10:00",
    channel: "online",
    category: "labour",
    town: "dongji",
    pool: "senior-mediator",
    closed: "2026-01-08T10:00",
    due: "2026-01-19T10:00",
    outcome: "agreement",
    mode: "onsite",
    visits: 0,
    instalments: [null],
    stars: [3],
    confirmation: { decidedOn: "2026-02-01", result: "rejected" },
  },
  // C7: Mar, closed in Apr (after the period).
  {
    created: "2026-03-20T10:00",
    channel: "online",
    category: "consumer",
    town: "zhanmao",
    pool: "lawyer",
    closed: "2026-04-05T10:00",
    due: "2026-04-19T10:00",
    outcome: "agreement",
    mode: "online",
    visits: 0,
  },
  // C8: Jan, agreed at the centre, paid on time, confirmed in Jan.
  {
    created: "2026-01-02T09:00",
    channel: "online",
    category: "labour",
    town: "goushan",
    pool: "expert",
    closed: "2026-01-25T10:00",
    due: "2026-02-01T09:00",
    outcome: "agreement",
    mode: "centre",
    visits: 1,
    instalments: ["on-time"],
    confirmation: { decidedOn: "2026-01-30", result: "confirmed" },
  },
  // C9: Mar at the window, agreed with nothing to pay (no instalments: left out of the fulfilment rate).
  {
    created: "2026-03-02T09:00",
    channel: "window",
    category: "consumer",
    town: "shenjiamen",
    pool: "senior-mediator",
    closed: "2026-03-15T10:00",
    due: "2026-04-01T09:00",
    outcome: "agreement",
    mode: "centre",
    visits: 1,
    instalments: [],
  },
];

const staff = { role: "staff" as const };

/** Inserts hand-made cases with their agreements, instalments, ratings and confirmations. */
function insertHistory(history: Made[]): void {
  const party = createParty(db, { token: false }).user;
  const mediatorOf = (kind: string) =>
    db
      .select({ id: mediators.id })
      .from(mediators)
      .where(eq(mediators.kind, kind as "expert"))
      .get()!.id;
  const committeeId = db.select({ id: committees.id }).from(committees).get()!.id;
  for (const [n, c] of history.entries()) {
    const row = db
      .insert(cases)
      .values({
        filedByUserId: party.id,
        channel: c.channel,
        category: c.category,
        description: `手工案例 C${n + 1}`,
        town: c.town,
        severity: c.severity ?? "simple",
        deathCompensation: c.death ?? false,
        status: c.closed ? "closed" : "in-mediation",
        outcome: c.outcome ?? null,
        mediatorId: c.pool === null ? null : mediatorOf(c.pool === "committee" ? "lawyer" : c.pool),
        committeeId: c.pool === "committee" ? committeeId : null,
        dueAt: c.due ? at(c.due) : null,
        closedAt: c.closed ? at(c.closed) : null,
        mode: c.mode ?? null,
        visits: c.visits ?? 0,
        createdAt: new Date(at(c.created)),
        updatedAt: new Date(at(c.created)),
      })
      .returning({ id: cases.id })
      .get();
    if (c.instalments) {
      const agreement = db
        .insert(agreements)
        .values({ caseId: row.id, facts: "事实", madeAt: at(c.closed!) })
        .returning({ id: agreements.id })
        .get();
      if (c.instalments.length) {
        const obligation = db
          .insert(obligations)
          .values({ agreementId: agreement.id, obligor: "respondent", description: "赔偿" })
          .returning({ id: obligations.id })
          .get();
        c.instalments.forEach((result, i) =>
          db
            .insert(instalments)
            .values({ obligationId: obligation.id, seq: i + 1, dueOn: "2026-05-01", result, resultAt: result ? at(c.closed!) : null })
            .run(),
        );
      }
    }
    for (const stars of c.stars ?? []) {
      const p = db
        .insert(caseParties)
        .values({ caseId: row.id, side: "applicant", name: "当事人" })
        .returning({ id: caseParties.id })
        .get();
      db.insert(ratings)
        .values({ caseId: row.id, casePartyId: p.id, stars, at: at(c.closed!) })
        .run();
    }
    if (c.confirmation)
      db.insert(judicialConfirmations)
        .values({
          caseId: row.id,
          court: "普陀区人民法院",
          appliedOn: c.created.slice(0, 10),
          decidedOn: c.confirmation.decidedOn,
          result: c.confirmation.result,
        })
        .run();
  }
}

beforeAll(() => insertHistory(HISTORY));

const EMPTY: CentreFigures = {
  handled: 0,
  online: 0,
  inPerson: 0,
  closed: 0,
  mediated: 0,
  zeroVisitRate: null,
  oneVisitRate: null,
  onTimeRate: null,
  satisfactionRate: null,
  agreementRate: null,
  fulfilmentRate: null,
  judicialConfirmations: 0,
  fulfilledOnTimeAfterConfirmation: 0,
  enforced: 0,
  majorCases: 0,
  majorAgreed: 0,
  islandOnlineMediations: 0,
};

describe("the centre's figures for a period", () => {
  it("counts every figure by its own date: filed, closed, rated, confirmed", () => {
    expect(centreStats({ viewer: staff, ...PERIOD, now: NOW })).toEqual({
      ...PERIOD,
      handled: 8, // C1–C5, C7–C9 (C6 was filed in December)
      online: 5,
      inPerson: 3,
      closed: 7, // C1–C4, C6, C8, C9 (C5 open, C7 closed in April)
      mediated: 6, // C4 was withdrawn
      zeroVisitRate: 3 / 7,
      oneVisitRate: 3 / 7,
      onTimeRate: 6 / 7, // C2 closed after its due date
      satisfactionRate: 3 / 5, // 5, 4, 2, 4, 3
      agreementRate: 5 / 6,
      fulfilmentRate: 2 / 3, // C1 and C8 of C1, C3, C8 (C6 undecided, C9 has nothing to pay)
      judicialConfirmations: 3, // C1, C3, C8 (C6's was rejected)
      fulfilledOnTimeAfterConfirmation: 1, // C8
      enforced: 1, // C3
      majorCases: 2, // C2 major, C3 group
      majorAgreed: 1,
      islandOnlineMediations: 2, // C1 Liuheng, C3 Taohua (C6 on site)
      severeCases: {
        major: severe(1, { "no-agreement": 1 }, 0), // C2
        group: severe(1, { agreement: 1 }, 0), // C3: one instalment enforced, so not fulfilled
        deathCompensation: noSevereFigures(),
      },
      majorFulfilled: 0,
    });
  });

  it("groups by month at the centre, dating each figure as the whole does", () => {
    const stats = centreStats({ viewer: staff, ...PERIOD, groupBy: "month", now: NOW });
    expect(stats.groupBy).toBe("month");
    expect(stats.groups).toEqual([
      {
        key: "2026-01",
        ...EMPTY,
        handled: 3,
        online: 2,
        inPerson: 1,
        closed: 3,
        mediated: 3,
        zeroVisitRate: 2 / 3,
        oneVisitRate: 1 / 3,
        onTimeRate: 1,
        satisfactionRate: 2 / 3,
        agreementRate: 1,
        fulfilmentRate: 1,
        judicialConfirmations: 1,
        fulfilledOnTimeAfterConfirmation: 1,
        islandOnlineMediations: 1,
      },
      {
        key: "2026-02",
        ...EMPTY,
        handled: 2,
        online: 2,
        closed: 2,
        mediated: 2,
        zeroVisitRate: 1 / 2,
        oneVisitRate: 1 / 2,
        onTimeRate: 1 / 2,
        satisfactionRate: 1 / 2,
        agreementRate: 1 / 2,
        fulfilmentRate: 0,
        judicialConfirmations: 1,
        majorCases: 2,
        majorAgreed: 1,
        islandOnlineMediations: 1,
      },
      {
        key: "2026-03",
        ...EMPTY,
        handled: 3,
        online: 1,
        inPerson: 2,
        closed: 2,
        mediated: 1,
        zeroVisitRate: 0,
        oneVisitRate: 1 / 2,
        onTimeRate: 1,
        agreementRate: 1,
        judicialConfirmations: 1,
        enforced: 1,
      },
    ]);
  });

  it("a period is whole local days: C7 is filed on 20 March and closed in April", () => {
    const april = centreStats({ viewer: staff, from: "2026-04-01", to: "2026-04-30", now: NOW });
    expect(april).toMatchObject({ handled: 0, closed: 1, mediated: 1, islandOnlineMediations: 0 });
    expect(centreStats({ viewer: staff, from: "2026-03-20", to: "2026-03-20", now: NOW })).toMatchObject({ handled: 1, closed: 0 });
    expect(centreStats({ viewer: staff, from: "2026-03-21", to: "2026-03-21", now: NOW })).toMatchObject({ handled: 0 });
  });

  it("lists empty months with zeros and null rates, and no month after now's", () => {
    const stats = centreStats({ viewer: staff, from: "2025-11-01", to: "2025-12-31", groupBy: "month", now: NOW });
    expect(stats.groups).toEqual([
      { key: "2025-11", ...EMPTY },
      { key: "2025-12", ...EMPTY, handled: 1, online: 1 },
    ]);
    const future = centreStats({ viewer: staff, from: "2027-01-01", to: "2027-12-31", groupBy: "month", now: at("2027-03-10T09:00") });
    expect(future.groups).toEqual(["2027-01", "2027-02", "2027-03"].map((key) => ({ key, ...EMPTY })));
    expect(centreStats({ viewer: staff, from: "2027-01-01", to: "2027-12-31", now: NOW })).toEqual({
      from: "2027-01-01",
      to: "2027-12-31",
      ...EMPTY,
      severeCases: noSevereCases(),
      majorFulfilled: 0,
    });
  });

  it("groups by category in the domain's order, listing only categories with figures", () => {
    const stats = centreStats({ viewer: staff, ...PERIOD, groupBy: "category", now: NOW });
    expect(stats.groups).toEqual([
      {
        key: "medical", // C3, C4, C5
        ...EMPTY,
        handled: 3,
        online: 2,
        inPerson: 1,
        closed: 2,
        mediated: 1,
        zeroVisitRate: 1 / 2,
        oneVisitRate: 0,
        onTimeRate: 1,
        satisfactionRate: 1,
        agreementRate: 1,
        fulfilmentRate: 0,
        judicialConfirmations: 1,
        enforced: 1,
        majorCases: 1,
        majorAgreed: 1,
        islandOnlineMediations: 1,
      },
      {
        key: "labour", // C1, C2, C8 filed; C1, C2, C6, C8 closed
        ...EMPTY,
        handled: 3,
        online: 2,
        inPerson: 1,
        closed: 4,
        mediated: 4,
        zeroVisitRate: 2 / 4,
        oneVisitRate: 2 / 4,
        onTimeRate: 3 / 4,
        satisfactionRate: 2 / 4,
        agreementRate: 3 / 4,
        fulfilmentRate: 1,
        judicialConfirmations: 2,
        fulfilledOnTimeAfterConfirmation: 1,
        majorCases: 1,
        islandOnlineMediations: 1,
      },
      {
        key: "consumer", // C7 filed, C9 filed and closed
        ...EMPTY,
        handled: 2,
        online: 1,
        inPerson: 1,
        closed: 1,
        mediated: 1,
        zeroVisitRate: 0,
        oneVisitRate: 1,
        onTimeRate: 1,
        agreementRate: 1,
      },
    ]);
  });

  it("groups by channel, pool and town; a case without a town or a mediator is `none`, last", () => {
    const channel = centreStats({ viewer: staff, ...PERIOD, groupBy: "channel", now: NOW }).groups!;
    expect(channel.map((g) => [g.key, g.handled, g.closed, g.mediated, g.satisfactionRate])).toEqual([
      ["online", 5, 5, 4, 3 / 4], // C1 C3 C4 C7 C8 filed; C1 C3 C4 C6 C8 closed; ratings 5 4 4 3
      ["window", 3, 2, 2, 0], // C2 C5 C9 filed; C2 C9 closed; rating 2
    ]);

    const pool = centreStats({ viewer: staff, ...PERIOD, groupBy: "pool", now: NOW }).groups!;
    expect(pool.map((g) => [g.key, g.handled, g.closed, g.agreementRate, g.judicialConfirmations])).toEqual([
      ["senior-mediator", 2, 3, 1, 1], // C1 C9 filed; C1 C6 C9 closed; C1 confirmed
      ["expert", 2, 2, 1 / 2, 1], // C2 C8
      ["lawyer", 2, 0, null, 0], // C5 C7 filed, neither closed in the period
      ["committee", 1, 1, 1, 1], // C3, whose mediator is a lawyer: the committee is its pool
      ["none", 1, 1, null, 0], // C4, withdrawn
    ]);

    const town = centreStats({ viewer: staff, ...PERIOD, groupBy: "town", now: NOW }).groups!;
    expect(town.map((g) => [g.key, g.handled, g.closed, g.islandOnlineMediations])).toEqual([
      ["shenjiamen", 2, 2, 0], // C2 C9
      ["zhanmao", 1, 0, 0], // C7
      ["goushan", 1, 1, 0], // C8
      ["liuheng", 2, 1, 1], // C1 C5
      ["taohua", 1, 1, 1], // C3
      ["dongji", 0, 1, 0], // C6, filed before the period
      ["none", 1, 1, 0], // C4
    ]);
  });

  it("the groups add up to the whole", () => {
    const whole = centreStats({ viewer: staff, ...PERIOD, now: NOW });
    for (const groupBy of ["month", "category", "town", "pool", "channel"] as const) {
      const groups = centreStats({ viewer: staff, ...PERIOD, groupBy, now: NOW }).groups!;
      for (const figure of [
        "handled",
        "online",
        "inPerson",
        "closed",
        "mediated",
        "judicialConfirmations",
        "enforced",
        "majorCases",
      ] as const)
        expect(
          groups.reduce((n, g) => n + g[figure], 0),
          `${groupBy} ${figure}`,
        ).toBe(whole[figure]);
    }
  });
});

/** A row of the major-case table: closed, the outcomes that are not 0, fulfilled. */
const severe = (closed: number, outcomes: Partial<SevereFigures["outcomes"]>, fulfilled: number): SevereFigures => ({
  closed,
  outcomes: { ...noSevereFigures().outcomes, ...outcomes },
  fulfilled,
});

// D1…D10, in May 2024 (no other test's period): major and group cases with every kind of outcome, and
// death-compensation ones, one of them `simple`.
const SEVERE_HISTORY: Made[] = (
  [
    // D1: major, death compensation, agreed, paid on time then late: fulfilled.
    { severity: "major", death: true, outcome: "agreement", instalments: ["on-time", "late"] },
    // D2: major, agreed, its second instalment not yet due: not fulfilled (yet).
    { severity: "major", outcome: "agreement", instalments: ["on-time", null] },
    // D3–D5: group cases without agreement, referred to litigation, withdrawn.
    { severity: "group", outcome: "no-agreement" },
    { severity: "group", outcome: "referred-litigation" },
    { severity: "group", outcome: "withdrawn" },
    // D6: major, the respondent refused mediation.
    { severity: "major", outcome: "respondent-refused" },
    // D7: group, agreed, enforced: not fulfilled.
    { severity: "group", outcome: "agreement", instalments: ["enforced"] },
    // D8: a simple case that is a death-compensation claim, agreed and paid.
    { severity: "simple", death: true, outcome: "agreement", instalments: ["on-time"] },
    // D9: major, agreed and paid, but closed in June.
    { severity: "major", outcome: "agreement", instalments: ["on-time"], closed: "2024-06-03T10:00" },
    // D10: major, still in mediation; D11: simple, agreed and paid.
    { severity: "major", closed: undefined },
    { severity: "simple", outcome: "agreement", instalments: ["on-time"] },
  ] as Partial<Made>[]
).map((c) => ({
  created: "2024-05-02T09:00",
  channel: "online",
  category: "construction",
  town: "shenjiamen",
  pool: "senior-mediator",
  visits: 2,
  mode: c.outcome === "withdrawn" || c.outcome === "respondent-refused" ? undefined : "centre",
  due: "2024-06-01T09:00",
  ...("closed" in c ? {} : { closed: "2024-05-20T10:00" }),
  ...c,
}));

describe("major and group cases and their outcomes", () => {
  beforeAll(() => insertHistory(SEVERE_HISTORY));

  it("counts those closed in the period per severity and outcome, fulfilled ones, and death compensation", () => {
    const may = centreStats({ viewer: staff, from: "2024-05-01", to: "2024-05-31", now: NOW });
    expect(may.severeCases).toEqual({
      major: severe(3, { agreement: 2, "respondent-refused": 1 }, 1), // D1, D2, D6; D1 fulfilled
      group: severe(4, { "no-agreement": 1, "referred-litigation": 1, withdrawn: 1, agreement: 1 }, 0), // D3–D5, D7
      deathCompensation: severe(2, { agreement: 2 }, 2), // D1 (major) and D8 (simple)
    });
    expect(may.majorFulfilled).toBe(1);
    expect([may.majorCases, may.majorAgreed]).toEqual([7, 3]);
    // D9 counts in June.
    const june = centreStats({ viewer: staff, from: "2024-06-01", to: "2024-06-30", now: NOW });
    expect([june.severeCases.major, june.majorFulfilled]).toEqual([severe(1, { agreement: 1 }, 1), 1]);
  });
});

describe("the fulfilment aggregate is case-figures.ts's definition", () => {
  it("counts the same agreements as fulfilmentDecidedSql and fulfilledSql, per month", async () => {
    const { sql } = await import("drizzle-orm");
    const { fulfilmentDecidedSql, fulfilledSql, localMonthSql } = await import("./case-figures");
    const byFragments = db.all<{ key: string; decided: number; fulfilled: number }>(
      sql`select ${localMonthSql(cases.closedAt)} as key, sum(${fulfilmentDecidedSql()}) as decided, sum(${fulfilledSql()}) as fulfilled
            from ${cases} where ${cases.closedAt} is not null group by key order by key`,
    );
    const all = centreStats({ viewer: staff, from: "2026-01-01", to: "2026-04-30", groupBy: "month", now: NOW });
    const closedMonths = byFragments.filter((r) => r.key >= "2026-01");
    expect(closedMonths.map((r) => [r.key, r.decided ? r.fulfilled / r.decided : null])).toEqual(
      all.groups!.map((g) => [g.key, g.fulfilmentRate]),
    );
  });
});

describe("who may read them, and the query", () => {
  it("only staff and admins", () => {
    expect(() => centreStats({ viewer: { role: "admin" }, ...PERIOD, now: NOW })).not.toThrow();
    for (const role of ["party", "mediator"] as const) {
      const error = (() => {
        try {
          centreStats({ viewer: { role }, ...PERIOD, now: NOW });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DomainError);
      expect((error as InstanceType<typeof DomainError>).code).toBe("forbidden");
    }
  });

  it("defaults to this year so far at the centre, and refuses bad periods", () => {
    // 23:30 on 31 December 2026 UTC is already 1 January 2027 at the centre.
    const schema = statsQuerySchema(Date.parse("2026-12-31T16:30:00Z"));
    expect(schema.parse({})).toEqual({ from: "2027-01-01", to: "2027-01-01" });
    expect(schema.parse({ from: "2026-01-01", to: "2026-12-31", groupBy: "month" })).toEqual({
      from: "2026-01-01",
      to: "2026-12-31",
      groupBy: "month",
    });
    for (const bad of [
      { from: "2026-02-30" },
      { from: "2026-1-1" },
      { from: "2026-03-01", to: "2026-02-01" },
      { from: "2010-01-01", to: "2026-01-01" },
      { groupBy: "mediator" },
      { extra: "1" },
    ])
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(() => centreStats({ viewer: staff, from: "2026-03-01", to: "2026-02-01", now: NOW })).toThrow(DomainError);
  });

  it("presets: the last 12 calendar months and a whole month", () => {
    expect(last12Months(NOW)).toEqual({ from: "2025-07-01", to: "2026-06-15" });
    expect(wholeMonth("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });
});
