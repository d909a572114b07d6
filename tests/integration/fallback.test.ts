// The fallback (兜底, issue 9, ADR 021) through the API routes and the job, on a real database: the
// explained suggestion is category-matched, free, unconflicted and island-aware; a decline produces a
// different one; picks are asked in order and expire into the next through the job on an injected
// clock; staff act with and without the suggestion; a committee order goes to an unconflicted member.
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { bookings, caseAssignments, cases, categorySettings, notifications } from "../../db/schema";
import {
  committeeFreeSlots,
  createCommittee,
  createMediator,
  createParty,
  createStaff,
  createTie,
  localDate,
  retireDemoPool,
} from "../factories";

const db = openDb(freshDatabase());
const fallbackRoute = await import("~/routes/api.v1.cases.$id.fallback");
const assignRoute = await import("~/routes/api.v1.cases.$id.assign");
const declineRoute = await import("~/routes/api.v1.cases.$id.decline");
const recuseRoute = await import("~/routes/api.v1.cases.$id.recuse");
const bookingsRoute = await import("~/routes/api.v1.bookings");
const { fileCase } = await import("~/models/cases.server");
const { cancelBooking, declineBooking } = await import("~/models/booking-actions.server");
const recusalRequestRoute = await import("~/routes/api.v1.cases.$id.recusal-request");
const { runJobsOnce } = await import("~/jobs.server");
const { assignmentsOf } = await import("~/models/assignment.server");
const { assignmentSentence } = await import("~/i18n/messages-assignment");
const { CENTRE_DESK } = await import("~/models/notifications.server");

const HOUR = 3_600_000;
const NOW = Date.now();
const staff = createStaff(db, { now: NOW });
beforeAll(() => retireDemoPool(db));

const post = (mod: Parameters<typeof call>[0], caseId: number, token: string, body: unknown = {}) =>
  call(mod, `/api/v1/cases/${caseId}/x`, { method: "POST", params: { id: String(caseId) }, token, body });
const attempts = (caseId: number) =>
  db.select().from(caseAssignments).where(eq(caseAssignments.caseId, caseId)).orderBy(asc(caseAssignments.id)).all();

async function fileFor(o: {
  category: "labour" | "medical" | "neighbourhood";
  town?: "liuheng" | "shenjiamen";
  respondent?: string;
  picks?: number[];
  now?: number;
}) {
  const party = createParty(db, { now: NOW });
  const filed = await fileCase({
    user: party.user,
    input: {
      category: o.category,
      description: "拖欠工资三个月未发，要求调解",
      town: o.town,
      respondents: [{ name: o.respondent ?? "某公司" }],
      picks: o.picks,
    },
    now: o.now ?? NOW,
  });
  return { party, caseId: filed.id };
}

describe("the explained suggestion", () => {
  it("is category-matched, free, unconflicted and island-aware, and says why the others were skipped", async () => {
    const conflicted = createMediator(db, { categories: ["neighbourhood"], modes: ["online"], now: NOW });
    createTie(db, conflicted.id, "employer", "舟山測試漁業有限公司", NOW);
    const centreOnly = createMediator(db, { categories: ["neighbourhood"], modes: ["centre"], now: NOW });
    const online = createMediator(db, { categories: ["neighbourhood"], modes: ["online"], now: NOW });
    const otherCategory = createMediator(db, { categories: ["medical"], modes: ["online"], now: NOW });
    const onLeave = createMediator(db, {
      categories: ["neighbourhood"],
      modes: ["online"],
      overrides: [{ date: localDate(NOW), unavailable: true }],
      now: NOW,
    });
    const noHours = createMediator(db, { categories: ["neighbourhood"], modes: ["online"], weekly: false, now: NOW });
    const { caseId } = await fileFor({ category: "neighbourhood", town: "liuheng", respondent: "舟山测试渔业有限公司" });

    const res = await post(fallbackRoute, caseId, staff.token);
    expect(res.status).toBe(200);
    expect(res.body.suggestion.mediatorId).toBe(online.id);
    expect(res.body.suggestion.slot.mode).toBe("online");
    expect(Date.parse(res.body.suggestion.slot.start)).toBeGreaterThan(NOW);
    const why = Object.fromEntries(res.body.reason.skipped.map((s: { mediatorId: number; why: string }) => [s.mediatorId, s.why]));
    expect(why).toMatchObject({ [conflicted.id]: "conflict", [onLeave.id]: "on-leave", [noHours.id]: "no-free-slot" });
    // The centre-only mediator is considered but ranks below: the island party should not need the ferry.
    const centre = res.body.reason.considered.find((c: { mediatorId: number }) => c.mediatorId === centreOnly.id);
    expect(centre.slot).toMatchObject({ mode: "centre", preferred: false });
    expect(res.body.reason).toMatchObject({ rule: "suggestion", decidedBy: "slot-mode", island: true });
    const everyone = [...res.body.reason.considered, ...res.body.reason.skipped].map((c: { mediatorId: number }) => c.mediatorId);
    expect(everyone).not.toContain(otherCategory.id);
    // Nothing was booked, no attempt recorded; the party's name is nowhere in the reason.
    expect(db.select().from(bookings).where(eq(bookings.caseId, caseId)).all()).toEqual([]);
    expect(attempts(caseId)).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain("渔业");
  });

  it("is for staff only", async () => {
    const { caseId, party } = await fileFor({ category: "neighbourhood" });
    expect((await post(fallbackRoute, caseId, party.token)).status).toBe(403);
  });
});

describe("staff act on it, and a decline produces a different one", () => {
  it("accept in one step; the mediator declines; the next suggestion is someone else; another needs a reason", async () => {
    const a = createMediator(db, { categories: ["labour"], modes: ["online"], account: true, now: NOW });
    const b = createMediator(db, { categories: ["labour"], modes: ["online"], now: NOW });
    const { caseId } = await fileFor({ category: "labour" });
    const first = (await post(fallbackRoute, caseId, staff.token)).body;
    const chosen = first.suggestion.mediatorId as number;
    const other = chosen === a.id ? b.id : a.id;

    const noReason = await post(assignRoute, caseId, staff.token, {
      mediatorId: other,
      start: first.suggestion.slot.start,
      mode: "online",
    });
    expect(noReason.status).toBe(400);
    const booked = await post(assignRoute, caseId, staff.token, { mediatorId: chosen, ...first.suggestion.slot, end: undefined });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ mediatorId: chosen, status: "pending", assignmentReason: "suggestion" });
    expect(attempts(caseId).map((r) => [r.rule, r.status, r.mediatorId, r.decidedByUserId])).toEqual([
      ["suggestion", "asked", chosen, staff.user.id],
    ]);

    // The asked mediator declines (staff for the one without an account): the case waits for staff again.
    const declined = await post(declineRoute, caseId, chosen === a.id ? a.account!.token : staff.token, {
      ...(chosen === a.id ? {} : { mediatorId: chosen }),
      reason: "本周出差",
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ caseId, declined: chosen, next: null });
    expect(db.select().from(bookings).where(eq(bookings.id, booked.body.id)).get()!.status).toBe("declined");
    const second = (await post(fallbackRoute, caseId, staff.token)).body;
    expect(second.suggestion.mediatorId).toBe(other);
    expect(second.reason.skipped).toContainEqual({ mediatorId: chosen, why: "declined" });
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.to, CENTRE_DESK), eq(notifications.template, "assignment.waiting")))
        .all().length,
    ).toBeGreaterThan(0);

    // Staff choose someone other than the suggestion, with a reason.
    const third = createMediator(db, { categories: ["labour"], modes: ["online"], now: NOW });
    const slot = (await post(fallbackRoute, caseId, staff.token)).body.suggestion.slot;
    const mine = await post(assignRoute, caseId, staff.token, {
      mediatorId: third.id,
      start: slot.start,
      mode: "online",
      reason: "当事人熟悉该调解员",
    });
    expect(mine.status).toBe(201);
    const last = attempts(caseId).at(-1)!;
    expect([last.rule, last.note, (last.reason as { suggested: number }).suggested]).toEqual(["staff-choice", "当事人熟悉该调解员", other]);
  });

  it("refuses a conflicted mediator whoever chooses them", async () => {
    const m = createMediator(db, { categories: ["labour"], modes: ["online"], now: NOW });
    createTie(db, m.id, "kin", "李某某", NOW);
    const { caseId } = await fileFor({ category: "labour", respondent: "李某某" });
    const start = new Date(NOW + 30 * HOUR).toISOString();
    const res = await post(assignRoute, caseId, staff.token, { mediatorId: m.id, start, mode: "online", reason: "指定" });
    expect(res.status).toBe(409);
  });
});

describe("picks asked in order", () => {
  it("the job asks pick 1; an unanswered ask expires into pick 2 on the clock; a decline asks pick 3 at the same time", async () => {
    const picks = [0, 1, 2].map(() => createMediator(db, { categories: ["medical"], modes: ["online"], account: true, now: NOW }));
    const { caseId } = await fileFor({ category: "medical", picks: picks.map((p) => p.id) });
    // Two rounds at once (as two processes' timers would): one ask, however often the job runs.
    await Promise.all([runJobsOnce(NOW), runJobsOnce(NOW)]);
    await runJobsOnce(NOW);
    let rows = attempts(caseId);
    expect(rows.map((r) => [r.rule, r.pickRank, r.status, r.mediatorId])).toEqual([["pick", 1, "asked", picks[0].id]]);
    const firstBooking = db.select().from(bookings).where(eq(bookings.caseId, caseId)).get()!;
    expect(rows[0].respondBy).toBe(firstBooking.respondBy);

    const later = Math.max(firstBooking.respondBy, NOW) + HOUR;
    await runJobsOnce(later);
    rows = attempts(caseId);
    expect(rows.map((r) => [r.pickRank, r.status])).toEqual([
      [1, "expired"],
      [2, "asked"],
    ]);
    const second = db
      .select()
      .from(bookings)
      .where(and(eq(bookings.caseId, caseId), eq(bookings.status, "pending")))
      .get()!;
    expect(second.mediatorId).toBe(picks[1].id);
    expect(second.startAt).toBeGreaterThan(later);

    await declineBooking({ user: picks[1].account!.user, id: second.id, reason: "回避", now: later });
    rows = attempts(caseId);
    expect(rows.map((r) => [r.pickRank, r.status])).toEqual([
      [1, "expired"],
      [2, "declined"],
      [3, "asked"],
    ]);
    const third = db
      .select()
      .from(bookings)
      .where(and(eq(bookings.caseId, caseId), eq(bookings.status, "pending")))
      .get()!;
    expect([third.mediatorId, third.startAt]).toEqual([picks[2].id, second.startAt]);
    // Staff read the data; a mediator only their own attempt's; the party only the sentence's.
    expect(assignmentsOf({ user: staff.user, caseId }).entries.at(-1)!.reason).toMatchObject({ rule: "pick", sameTime: true });
    const asMediator = assignmentsOf({ user: picks[2].account!.user, caseId }).entries;
    expect(asMediator.map((e) => e.reason !== null)).toEqual([false, false, true]);
  });

  it("a category on automatic assignment books the suggestion when the picks are exhausted and tells the desk", async () => {
    db.insert(categorySettings)
      .values({ category: "medical", autoAssign: true, updatedAt: NOW })
      .onConflictDoUpdate({ target: categorySettings.category, set: { autoAssign: true } })
      .run();
    const only = createMediator(db, { categories: ["medical"], modes: ["online"], now: NOW });
    retireOthers("medical", only.id);
    const { caseId } = await fileFor({ category: "medical" });
    await runJobsOnce(NOW);
    const [row] = attempts(caseId);
    expect([row.rule, row.status, row.mediatorId]).toEqual(["automatic", "asked", only.id]);
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.template, "assignment.applied"), eq(notifications.to, CENTRE_DESK)))
        .all().length,
    ).toBe(1);
    const view = assignmentsOf({ user: staff.user, caseId }).entries[0];
    expect(assignmentSentence(view.sentence, "zh", NOW)).toMatch(/^由中心指派：符合本案条件，.+可线上调解。$/);
    db.update(categorySettings).set({ autoAssign: false }).where(eq(categorySettings.category, "medical")).run();
  });

  it("a recusal asks the next pick", async () => {
    const [p1, p2] = [0, 1].map(() => createMediator(db, { categories: ["labour"], modes: ["online"], account: true, now: NOW }));
    const { caseId } = await fileFor({ category: "labour", picks: [p1.id, p2.id] });
    await runJobsOnce(NOW);
    const res = await post(recuseRoute, caseId, p1.account!.token, { reason: "与申请人是邻居" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "granted", next: { rule: "pick", mediatorId: p2.id } });
    expect(attempts(caseId).map((r) => r.status)).toEqual(["recused", "asked"]);
  });
});

describe("recusal requests and cancelled asks", () => {
  it("a party asks for a recusal; staff grant it and the next pick is asked", async () => {
    const [p1, p2] = [0, 1].map(() => createMediator(db, { categories: ["labour"], modes: ["online"], now: NOW }));
    const { caseId, party } = await fileFor({ category: "labour", picks: [p1.id, p2.id] });
    await runJobsOnce(NOW);
    const asked = await call(recusalRequestRoute, `/api/v1/cases/${caseId}/recusal-request`, {
      method: "POST",
      params: { id: String(caseId) },
      token: party.token,
      body: { reason: "调解员是对方的亲戚" },
    });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ status: "requested" });
    expect(attempts(caseId).map((r) => r.status)).toEqual(["asked"]);
    // Only staff decide; a party cannot grant their own request.
    expect((await post(recuseRoute, caseId, party.token, { recusalId: asked.body.recusalId, grant: true })).status).toBe(403);
    const granted = await post(recuseRoute, caseId, staff.token, { recusalId: asked.body.recusalId, grant: true });
    expect(granted.body).toMatchObject({ status: "granted", next: { rule: "pick", mediatorId: p2.id } });
    expect(attempts(caseId).map((r) => [r.mediatorId, r.status])).toEqual([
      [p1.id, "recused"],
      [p2.id, "asked"],
    ]);
    // Decided once.
    expect((await post(recuseRoute, caseId, staff.token, { recusalId: asked.body.recusalId, grant: false })).status).toBe(409);
  });

  it("a party who cancels the request ends the ask; nobody else is asked for them", async () => {
    const [p1, p2] = [0, 1].map(() => createMediator(db, { categories: ["labour"], modes: ["online"], now: NOW }));
    const { caseId, party } = await fileFor({ category: "labour", picks: [p1.id, p2.id] });
    await runJobsOnce(NOW);
    const b = db.select().from(bookings).where(eq(bookings.caseId, caseId)).get()!;
    await cancelBooking({ user: party.user, id: b.id, reason: "改日再约", now: NOW });
    expect(attempts(caseId).map((r) => [r.mediatorId, r.status])).toEqual([[p1.id, "superseded"]]);
  });
});

describe("the party's sentence", () => {
  it("is rendered from the reason's data in the reader's language, relative to when it is read", () => {
    const read = Date.parse("2030-03-04T12:00:00+08:00"); // a fixed instant: the words depend only on it
    const data = { rule: "suggestion", decidedBy: "record", slot: { start: "2030-03-05T09:00:00+08:00", mode: "online" } };
    expect(assignmentSentence(data, "zh", read)).toBe("由中心指派：同类纠纷经验丰富，明天上午可线上调解。");
    expect(assignmentSentence(data, "en", read)).toBe(
      "Assigned by the centre: experienced in disputes like this one; can mediate online tomorrow morning.",
    );
    const dialect = {
      rule: "automatic",
      decidedBy: "language",
      language: "zhoushan-dialect",
      slot: { start: "2030-03-08T15:00:00+08:00", mode: "onsite" },
    };
    expect(assignmentSentence(dialect, "zh", read)).toBe("由中心指派：会讲舟山话，3月8日下午可上门/上岛调解。");
    expect(assignmentSentence({ ...dialect, language: "english" }, "en", read)).toMatch(/^Assigned by the centre: mediates in English; /);
    expect(assignmentSentence({ rule: "pick", status: "asked" }, "zh", read)).toBe("已请您点选的调解员答复。");
    expect(assignmentSentence({ rule: "general-window" }, "en", read)).toBe("Your case is with the centre's general mediation window.");
  });
});

/** Other active mediators of a category made by earlier tests leave the candidates. */
function retireOthers(category: string, keep: number) {
  db.$client
    .prepare(
      `update mediators set active = 0 where id != ? and id in (select mediator_id from mediator_categories where category_slug = ?)`,
    )
    .run(keep, category);
}

describe("committee orders", () => {
  it("go to the unconflicted member by the same ranking, with the reason recorded", async () => {
    const [m1, m2] = [0, 1].map(() => createMediator(db, { categories: ["maritime-fishery"], modes: ["online"], now: NOW }));
    createTie(db, m1.id, "boat", "浙普渔 60123", NOW);
    const committee = createCommittee(db, { categories: ["maritime-fishery"], members: [m1.id, m2.id] });
    const party = createParty(db, { now: NOW });
    const [{ start }] = committeeFreeSlots(db, committee.id, { now: NOW, mode: "online" });
    const res = await call(bookingsRoute, "/api/v1/bookings", {
      method: "POST",
      token: party.token,
      body: {
        committeeId: committee.id,
        start,
        mode: "online",
        category: "maritime-fishery",
        summary: "渔船浙普渔60123号碰撞损失赔偿",
        counterpartyName: "某渔业合作社",
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.mediatorId).toBe(m2.id);
    const kase = db.select().from(cases).where(eq(cases.id, res.body.caseId)).get()!;
    const [row] = attempts(kase.id);
    expect([row.rule, row.committeeId, row.mediatorId, row.status]).toEqual(["committee-member", committee.id, m2.id, "asked"]);
    expect((row.reason as { skipped: unknown[] }).skipped).toContainEqual({
      mediatorId: m1.id,
      why: "conflict",
      tie: { id: expect.any(Number), kind: "boat" },
    });
  });
});
