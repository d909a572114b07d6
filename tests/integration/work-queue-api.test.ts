// The queue's API (GET /api/v1/queue) and the pre-litigation fast track (POST /api/v1/cases/:id/pre-litigation),
// through their route modules: the answer's shape (ISO times with +08:00, every reason counted), the
// refusals (no token, a party, a mediator; bad filters), and the flag's rules (simple and open only,
// once, audited) with the case showing under its own reason.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { caseEvents, cases } from "../../db/schema";
import { QUEUE_REASONS } from "../../domain";
import { createAccount, createMediator, createParty, createQueueCase, createStaff } from "../factories";

const db = openDb(freshDatabase());
const queueRoute = await import("~/routes/api.v1.queue");
const queuePage = await import("~/routes/staff.queue");
const { createSession, csrfTokenFor } = await import("~/models/auth.server");
const flagRoute = await import("~/routes/api.v1.cases.$id.pre-litigation");

const { expectDescribed } = await import("./described");

const DAY = 86_400_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+08:00$/;
const staff = createStaff(db);
const party = createParty(db);
const flag = (id: number | string, token?: string) =>
  call(flagRoute, `/api/v1/cases/${id}/pre-litigation`, { method: "POST", params: { id: String(id) }, token });

describe("GET /api/v1/queue", () => {
  it("answers staff with items (caseId, reason, since, dueAt, …) and every reason's count", async () => {
    const now = Date.now();
    const c = createQueueCase(db, { category: "medical", town: "dongji", createdAt: now - 3 * DAY, dueAt: now - DAY });
    const res = await call(queueRoute, "/api/v1/queue?category=medical&town=dongji", { token: staff.token });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.counts).sort()).toEqual([...QUEUE_REASONS].sort());
    expect(res.body.counts).toMatchObject({ "no-mediator": 1, overdue: 1, "due-soon": 0 });
    expect(res.body.items.map((i: { reason: string }) => i.reason)).toEqual(["no-mediator", "overdue"]);
    const [first] = res.body.items;
    expect(first).toMatchObject({ caseId: c.id, number: c.number, category: "medical", town: "dongji", channel: "online" });
    expect(first.since).toMatch(INSTANT);
    expect(first.dueAt).toMatch(INSTANT);
    expect(Date.parse(first.since)).toBe(Math.floor((now - 3 * DAY) / 1000) * 1000);
    expect([res.body.total, res.body.page, res.body.perPage, res.body.pages]).toEqual([2, 1, 20, 1]);
    expectDescribed("get", "/api/v1/queue", 200, res.body);
    // No party's name or phone travels with the queue.
    expect(JSON.stringify(res.body)).not.toMatch(/phone|applicant|respondent/);

    const overdue = await call(queueRoute, "/api/v1/queue?category=medical&town=dongji&reason=overdue&perPage=1", { token: staff.token });
    expect(overdue.body.items).toHaveLength(1);
    expect(overdue.body.total).toBe(1);
    expect(overdue.body.counts["no-mediator"]).toBe(1);
  });

  it("refuses no token (401), a party and a mediator (403), and a filter that is not one (400)", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["online"], account: true, now });
    expect((await call(queueRoute, "/api/v1/queue")).status).toBe(401);
    expect((await call(queueRoute, "/api/v1/queue", { token: party.token })).status).toBe(403);
    expect((await call(queueRoute, "/api/v1/queue", { token: m.account!.token })).status).toBe(403);
    const bad = await call(queueRoute, "/api/v1/queue?reason=nobody&perPage=500", { token: staff.token });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["perPage", "reason"]);
    expectDescribed("get", "/api/v1/queue", 400, bad.body);
    const admin = createAccount(db, "admin");
    expect((await call(queueRoute, "/api/v1/queue", { token: admin.token })).status).toBe(200);
  });
});

describe("POST /api/v1/cases/:id/pre-litigation", () => {
  it("flags a simple open case once, audited, and the queue shows it under its own reason", async () => {
    const now = Date.now();
    const c = createQueueCase(db, { category: "contract-debt", town: "xiazhi", createdAt: now - 2 * DAY, dueAt: null });
    const inQueue = async () =>
      (await call(queueRoute, "/api/v1/queue?category=contract-debt&town=xiazhi", { token: staff.token })).body.items.map(
        (i: { reason: string }) => i.reason,
      );
    expect(await inQueue()).toEqual(["no-mediator"]);
    const res = await flag(c.id, staff.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ caseId: c.id, number: c.number });
    expect(res.body.preLitigationAt).toMatch(INSTANT);
    expectDescribed("post", "/api/v1/cases/{id}/pre-litigation", 200, res.body);
    expect(await inQueue()).toEqual(["pre-litigation"]);
    // Again: the first time stands and nothing more is written.
    const again = await flag(c.id, staff.token);
    expect([again.status, again.body.preLitigationAt]).toEqual([200, res.body.preLitigationAt]);
    const events = db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.event, "pre-litigation-flagged")))
      .all();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: "staff", actorUserId: staff.user.id, before: { preLitigationAt: null } });
    expect(events[0].after?.preLitigationAt).toBe(db.select().from(cases).where(eq(cases.id, c.id)).get()?.preLitigationAt);
  });

  it("refuses a major or group case and a closed one (409), a party (403), no case (404), a GET (405)", async () => {
    const now = Date.now();
    const major = createQueueCase(db, { severity: "major", createdAt: now - DAY });
    const group = createQueueCase(db, { severity: "group", createdAt: now - DAY });
    const closed = createQueueCase(db, { status: "closed", createdAt: now - DAY });
    const simple = createQueueCase(db, { createdAt: now - DAY });
    for (const c of [major, group, closed]) {
      const res = await flag(c.id, staff.token);
      expect([res.status, res.body.error.code]).toEqual([409, "illegal_transition"]);
      expectDescribed("post", "/api/v1/cases/{id}/pre-litigation", 409, res.body);
      expect(db.select().from(cases).where(eq(cases.id, c.id)).get()?.preLitigationAt).toBeNull();
    }
    expect((await flag(simple.id, party.token)).status).toBe(403);
    expect((await flag(simple.id)).status).toBe(401);
    expect((await flag(999_999, staff.token)).status).toBe(404);
    expect((await flag("abc", staff.token)).status).toBe(404);
    expect((await call(flagRoute, `/api/v1/cases/${simple.id}/pre-litigation`, { params: { id: String(simple.id) } })).status).toBe(405);
    expect(db.select().from(cases).where(eq(cases.id, simple.id)).get()?.preLitigationAt).toBeNull();
  });

  it("the model refuses anyone but staff even when called directly", async () => {
    const { flagPreLitigation } = await import("~/models/pre-litigation.server");
    const c = createQueueCase(db, { createdAt: Date.now() - DAY });
    await expect(flagPreLitigation({ user: party.user, caseId: c.id, now: Date.now() })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the queue page's flag", () => {
  /** Posts the row's form with the session's CSRF token: the answer's status and where it leads. */
  async function postFlag(userId: number, caseId: number, search = "") {
    const { secret } = await createSession(userId, "cookie", Date.now());
    const request = new Request(`http://test.local/staff/queue${search}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `sid=${secret}`, Origin: "http://test.local" },
      body: new URLSearchParams({ csrf: csrfTokenFor(secret), intent: "pre-litigation", caseId: String(caseId) }),
    });
    try {
      const res = (await queuePage.action({ request, params: {}, context: {} })) as unknown;
      if (res instanceof Response) return { status: res.status, location: res.headers.get("Location") };
      return { status: (res as { init?: ResponseInit | null }).init?.status ?? 200, location: null };
    } catch (thrown) {
      if (thrown instanceof Response) return { status: thrown.status, location: null };
      throw thrown;
    }
  }

  it("flags a simple case and comes back to the same filters with its number; refuses a major one and a party", async () => {
    const now = Date.now();
    const c = createQueueCase(db, { category: "consumer", createdAt: now - DAY, dueAt: null });
    const res = await postFlag(staff.user.id, c.id, "?category=consumer&flagged=x&page=2");
    expect(res.status).toBe(302);
    const back = new URL(res.location!, "http://test.local");
    expect([back.pathname, back.searchParams.get("category"), back.searchParams.get("page"), back.searchParams.get("flagged")]).toEqual([
      "/staff/queue",
      "consumer",
      "2",
      c.number,
    ]);
    expect(db.select().from(cases).where(eq(cases.id, c.id)).get()?.preLitigationAt).not.toBeNull();
    // The page it leads back to says so, and does not take the notice for an unknown filter.
    const { secret } = await createSession(staff.user.id, "cookie", now);
    const page = (await queuePage.loader({
      request: new Request(back.href, { headers: { Cookie: `sid=${secret}` } }),
      params: {},
      context: {},
    })) as { flagged: string | null; invalid: boolean; query: { category?: string; page: number } };
    expect([page.flagged, page.invalid, page.query.category, page.query.page]).toEqual([c.number, false, "consumer", 2]);
    const major = createQueueCase(db, { severity: "major", createdAt: now - DAY });
    expect((await postFlag(staff.user.id, major.id)).status).toBe(409);
    expect((await postFlag(party.user.id, c.id)).status).toBe(403);
    expect((await postFlag(staff.user.id, 999_999)).status).toBe(404);
  });
});
