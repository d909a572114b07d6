// The stats cache (ADR 018): a cached answer equals a fresh computation; after a case changes (an
// outcome recorded through the API, or another process writing the file) the next answer reflects it;
// the cache is bounded, can be turned off, and never answers someone who may not read the figures.
import Database from "better-sqlite3";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { notifications } from "../../db/schema";
import { createMediator, createParty, createStaff } from "../factories";

const file = freshDatabase({ history: 400 });
const db = openDb(file);
const statsRoute = await import("~/routes/api.v1.stats");
const casesRoute = await import("~/routes/api.v1.cases");
const consent = await import("~/routes/api.v1.cases.$id.consent");
const outcome = await import("~/routes/api.v1.cases.$id.outcome");
const { centreStats, last12Months } = await import("~/models/stats.server");
const { cachedCentreStats, caseDataVersion, Lru, resetStatsCache, statsCacheCounts } = await import("~/models/stats-cache.server");

const staff = createStaff(db);
const now = Date.now();
// The history ends now: the last 12 months hold it, on any date.
const period = last12Months(now);
const url = `/api/v1/stats?from=${period.from}&to=${period.to}&groupBy=month`;
const fresh = () => JSON.parse(JSON.stringify(centreStats({ viewer: { role: "staff" }, ...period, groupBy: "month", now: Date.now() })));
const get = () => call(statsRoute, url, { token: staff.token });

beforeEach(() => resetStatsCache(db));

describe("GET /api/v1/stats through the cache", () => {
  it("answers the second call from the cache, equal to a fresh computation", async () => {
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.body.handled).toBeGreaterThan(0);
    const second = await get();
    expect(second.body).toEqual(first.body);
    expect(second.body).toEqual(fresh());
    expect(statsCacheCounts()).toEqual({ hits: 1, misses: 1 });
  });

  it("reflects an outcome recorded after it was cached: no stale answer", async () => {
    const before = (await get()).body;
    expect((await get()).body).toEqual(before);
    const m = createMediator(db, { categories: ["labour"], modes: ["online"], account: true, now });
    const applicant = createParty(db);
    const filed = await call(casesRoute, "/api/v1/cases", {
      method: "POST",
      token: applicant.token,
      body: {
        category: "labour",
        description: "拖欠工资两个月。",
        respondents: [{ name: "某示例公司", phone: "13800000321" }],
        picks: [m.id],
      },
    });
    const id = filed.body.id as number;
    const afterFiling = (await get()).body;
    expect(afterFiling.handled).toBe(before.handled + 1);
    const code = db
      .select()
      .from(notifications)
      .where(and(eq(notifications.to, "13800000321"), eq(notifications.template, "case.invitation")))
      .all()
      .find((n) => n.params?.caseId === id)!.params!.code;
    const post = (mod: typeof consent, body: unknown, token?: string) =>
      call(mod, `/api/v1/cases/${id}/x`, { method: "POST", params: { id: String(id) }, body, token });
    expect((await post(consent, { code, informed: true, accept: true })).status).toBe(200);
    expect((await post(outcome, { outcome: "no-agreement", visits: 1 }, m.account!.token)).status).toBe(200);
    const after = (await get()).body;
    expect(after.closed).toBe(before.closed + 1);
    expect(after.mediated).toBe(before.mediated + 1);
    expect(after).toEqual(fresh());
    expect(statsCacheCounts().misses).toBe(3);
  });

  it("sees another process's change by the version read in the same call", async () => {
    await get();
    const version = caseDataVersion(db);
    // Another connection (as another server process would) closes a case and writes its audit row.
    const other = new Database(file);
    const open = other
      .prepare("select id, mediator_id from cases where status = 'in-mediation' and mediator_id is not null limit 1")
      .get() as { id: number } | undefined;
    expect(open).toBeDefined();
    other.transaction(() => {
      other
        .prepare("update cases set status = 'closed', outcome = 'no-agreement', closed_at = ?, visits = 1 where id = ?")
        .run(Date.now(), open!.id);
      other.prepare("insert into case_events (case_id, at, actor, event) values (?, ?, 'staff', 'outcome')").run(open!.id, Date.now());
    })();
    other.close();
    expect(caseDataVersion(db)).toBeGreaterThan(version);
    const after = (await get()).body;
    expect(after).toEqual(fresh());
    expect(statsCacheCounts()).toEqual({ hits: 0, misses: 2 });
  });

  it("refuses a party without reading or filling the cache", async () => {
    const party = createParty(db);
    expect((await call(statsRoute, url, { token: party.token })).status).toBe(403);
    expect(() => cachedCentreStats({ viewer: { role: "party" }, ...period, now })).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(statsCacheCounts()).toEqual({ hits: 0, misses: 0 });
  });

  it("keys by the query and the month of now, and shares frozen answers", () => {
    const a = cachedCentreStats({ viewer: { role: "staff" }, ...period, groupBy: "category", now });
    expect(cachedCentreStats({ viewer: { role: "admin" }, ...period, groupBy: "category", now })).toBe(a);
    expect(cachedCentreStats({ viewer: { role: "staff" }, ...period, groupBy: "town", now })).not.toBe(a);
    expect(cachedCentreStats({ viewer: { role: "staff" }, ...period, groupBy: "category", now: now + 40 * 86_400_000 })).not.toBe(a);
    expect(() => {
      (a as { handled: number }).handled = -1;
    }).toThrow(TypeError);
  });

  it("turned off, computes every time", () => {
    const args = { viewer: { role: "staff" as const }, ...period, now };
    expect(cachedCentreStats(args, 0)).not.toBe(cachedCentreStats(args, 0));
    expect(statsCacheCounts()).toEqual({ hits: 0, misses: 0 });
  });
});

describe("Lru", () => {
  it("keeps at most `max` entries, the least recently used going first", () => {
    const lru = new Lru<number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // a is now the most recent
    lru.set("c", 3);
    expect([lru.get("a"), lru.get("b"), lru.get("c"), lru.size]).toEqual([1, undefined, 3, 2]);
  });
});
