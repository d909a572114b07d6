// The pre-litigation team as a role (issue 9, ADR 035): flagging a simple case gives it the team's judge
// with the fewest open cases to guide (ties: lowest id), and refuses when the team has no judge; a
// flagged case's suggestion compares only the team's mediators and says so, while an unflagged case of
// the same category is suggested its category's pool; the guiding judge reads the case (without the
// parties' phones), a mediator outside it does not; the party's sentence names the team.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { caseEvents, caseParties, cases, panelRoles } from "../../db/schema";
import { TEAM_ROLES } from "../../domain/panel";
import { createMediator, createQueueCase, createStaff, retireDemoPool } from "../factories";
import { createPanelPerson } from "../factories-panels";

const db = openDb(freshDatabase());
const flagRoute = await import("~/routes/api.v1.cases.$id.pre-litigation");
const fallbackRoute = await import("~/routes/api.v1.cases.$id.fallback");
const caseRoute = await import("~/routes/api.v1.cases.$id");
const { assignmentSentence } = await import("~/i18n/messages-assignment");
const { expectDescribed } = await import("./described");

const DAY = 86_400_000;
const NOW = Date.now();
const staff = createStaff(db, { now: NOW });
const HOURS = { weekly: { start: "09:00", end: "17:00" }, minNoticeHours: 0, now: NOW };
// The seed's pool and its team are put away: only this file's people can be chosen, on any date.
retireDemoPool(db);
db.delete(panelRoles)
  .where(inArray(panelRoles.role, [...TEAM_ROLES]))
  .run();
const judgeA = createPanelPerson(db, { ...HOURS, role: "pre-litigation-judge", name: "甲法官", account: true });
const judgeB = createPanelPerson(db, { ...HOURS, role: "pre-litigation-judge", name: "乙法官", account: true });
// A team mediator of no category of its own, and a pool mediator of the cases' category who is not on it.
const teamMediator = createPanelPerson(db, { ...HOURS, role: "pre-litigation-mediator", listed: true, name: "团队调解员" });
const poolMediator = createMediator(db, { ...HOURS, categories: ["contract-debt"], name: "池中调解员", account: true });

const flag = (id: number) =>
  call(flagRoute, `/api/v1/cases/${id}/pre-litigation`, { method: "POST", params: { id: String(id) }, token: staff.token });
const fallback = (id: number) =>
  call(fallbackRoute, `/api/v1/cases/${id}/fallback`, { method: "POST", params: { id: String(id) }, token: staff.token, body: {} });
const newCase = () => createQueueCase(db, { category: "contract-debt", createdAt: NOW - DAY, dueAt: null });

beforeAll(() => {
  expect([judgeA.id < judgeB.id, teamMediator.id !== poolMediator.id]).toEqual([true, true]);
});

describe("flagging a case for the fast track", () => {
  it("gives it the judge guiding the fewest open cases, ties to the lowest id, and audits the judge", async () => {
    const first = newCase();
    const second = newCase();
    const a = await flag(first.id);
    expect(a.status).toBe(200);
    expect(a.body.judge).toEqual({ personId: judgeA.id, name: "甲法官" });
    expectDescribed("post", "/api/v1/cases/{id}/pre-litigation", 200, a.body);
    // A has one to guide, B none: the next goes to B.
    expect((await flag(second.id)).body.judge.personId).toBe(judgeB.id);
    // Flagging again keeps the judge it has.
    expect((await flag(first.id)).body.judge.personId).toBe(judgeA.id);
    // A's case closes: A guides none, B one, so the third goes to A.
    db.update(cases).set({ status: "closed", outcome: "withdrawn", closedAt: NOW }).where(eq(cases.id, first.id)).run();
    const third = newCase();
    expect((await flag(third.id)).body.judge.personId).toBe(judgeA.id);
    const events = db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, second.id), eq(caseEvents.event, "pre-litigation-flagged")))
      .all();
    expect(events.map((e) => e.after)).toEqual([{ preLitigationAt: expect.any(Number), preLitigationJudgeId: judgeB.id }]);
    expect(db.select().from(cases).where(eq(cases.id, second.id)).get()?.preLitigationJudgeId).toBe(judgeB.id);
  });
});

describe("the fast track's suggestion", () => {
  it("compares only the team's mediators for a flagged case; the same category unflagged gets its pool", async () => {
    const flagged = newCase();
    await flag(flagged.id);
    const res = await fallback(flagged.id);
    expect(res.status).toBe(200);
    expect(res.body.suggestion.mediatorId).toBe(teamMediator.id);
    expect(res.body.reason.team).toBe("pre-litigation");
    const looked = [...res.body.reason.considered, ...res.body.reason.skipped].map((c: { mediatorId: number }) => c.mediatorId);
    expect(looked).toEqual([teamMediator.id]);
    expectDescribed("post", "/api/v1/cases/{id}/fallback", 200, res.body);

    const plain = await fallback(newCase().id);
    expect([plain.body.suggestion.mediatorId, plain.body.reason.team]).toEqual([poolMediator.id, null]);
  });

  it("tells the party the team takes the case, in both languages", () => {
    const slot = { start: new Date(NOW + DAY).toISOString(), mode: "online" };
    const sentence = { rule: "suggestion", team: "pre-litigation", decidedBy: "only-candidate", slot };
    expect(assignmentSentence(sentence, "zh", NOW)).toMatch(/^由诉前调解团队承办/);
    expect(assignmentSentence(sentence, "en", NOW)).toMatch(/^Taken by the pre-litigation team/);
  });
});

describe("who reads a flagged case", () => {
  it("the guiding judge reads it without the parties' phones; a mediator outside it gets 404", async () => {
    const c = newCase();
    db.insert(caseParties).values({ caseId: c.id, side: "respondent", name: "某渔业公司", phone: "13912345678" }).run();
    const guide = (await flag(c.id)).body.judge.personId === judgeA.id ? judgeA : judgeB;
    const asJudge = await call(caseRoute, `/api/v1/cases/${c.id}`, { params: { id: String(c.id) }, token: guide.account!.token });
    expect(asJudge.status).toBe(200);
    expect(asJudge.body.parties.map((p: { phone: string | null }) => p.phone)).toEqual(asJudge.body.parties.map(() => null));
    expect(asJudge.body.actions).toEqual([]);
    const asOther = await call(caseRoute, `/api/v1/cases/${c.id}`, { params: { id: String(c.id) }, token: poolMediator.account!.token });
    expect(asOther.status).toBe(404);
    const otherJudge = guide === judgeA ? judgeB : judgeA;
    expect(
      (await call(caseRoute, `/api/v1/cases/${c.id}`, { params: { id: String(c.id) }, token: otherJudge.account!.token })).status,
    ).toBe(404);
    const asStaff = await call(caseRoute, `/api/v1/cases/${c.id}`, { params: { id: String(c.id) }, token: staff.token });
    expect(asStaff.body.parties.find((p: { side: string }) => p.side === "respondent").phone).toBe("13912345678");
  });
});

describe("a team without a judge", () => {
  it("refuses to flag with a 409 that says why, and writes nothing", async () => {
    db.delete(panelRoles).where(eq(panelRoles.role, "pre-litigation-judge")).run();
    const c = newCase();
    const res = await flag(c.id);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("illegal_transition");
    expectDescribed("post", "/api/v1/cases/{id}/pre-litigation", 409, res.body);
    expect(db.select().from(cases).where(eq(cases.id, c.id)).get()).toMatchObject({ preLitigationAt: null, preLitigationJudgeId: null });
  });
});
