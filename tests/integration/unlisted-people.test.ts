// People outside the public pool (ADR 027: a judge, a legal-aid lawyer, a department's representative,
// rows of `mediators` with listed = false) never appear where the public pool does: not in search
// (embedded engine), not as a profile or public slots (404), not as a pick, never suggested by the
// fallback, not counted in the pool. Each read is checked beside a listed mediator of the same
// category who does appear, so the test fails if the filter is lost.
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { createMediator, createParty, createStaff, retireDemoPool } from "../factories";
import { createPanelPerson } from "../factories-panels";

const db = openDb(freshDatabase());
const searchRoute = await import("~/routes/api.v1.search");
const profileRoute = await import("~/routes/api.v1.mediators.$id");
const slotsRoute = await import("~/routes/api.v1.mediators.$id.slots");
const fallbackRoute = await import("~/routes/api.v1.cases.$id.fallback");
const { fileCase } = await import("~/models/cases.server");
const { getPoolCounts } = await import("~/models/mediators.server");
const { listPickableMediators } = await import("~/models/case-pages.server");

const NOW = Date.now();
const staff = createStaff(db, { now: NOW });
const party = createParty(db, { now: NOW });
let listed: { id: number };
let unlisted: { id: number };

beforeAll(async () => {
  retireDemoPool(db);
  // Both serve labour disputes online, all day: only `listed` tells them apart.
  listed = createMediator(db, { name: "公开调解员", categories: ["labour"], modes: ["online"], now: NOW });
  unlisted = createPanelPerson(db, { name: "劳动部门代表", role: "department", category: "labour", modes: ["online"], now: NOW });
  const { getSearchService } = await import("~/search.server");
  await getSearchService().ready;
});

const get = (mod: Parameters<typeof call>[0], url: string, params: Record<string, string> = {}) => call(mod, url, { params });

describe("a person outside the public pool", () => {
  it("is never a search hit", async () => {
    const byCategory = await get(searchRoute, "/api/v1/search?category=labour&kind=senior-mediator&perPage=50");
    expect(byCategory.body.hits.map((h: { id: number }) => h.id)).toEqual([listed.id]);
    const byName = await get(searchRoute, `/api/v1/search?q=${encodeURIComponent("劳动部门代表")}`);
    expect(byName.body.total).toBe(0);
  });

  it("has no profile and no public slots", async () => {
    expect((await get(profileRoute, `/api/v1/mediators/${unlisted.id}`, { id: String(unlisted.id) })).status).toBe(404);
    expect((await get(profileRoute, `/api/v1/mediators/${listed.id}`, { id: String(listed.id) })).status).toBe(200);
    expect((await get(slotsRoute, `/api/v1/mediators/${unlisted.id}/slots`, { id: String(unlisted.id) })).status).toBe(404);
    expect((await get(slotsRoute, `/api/v1/mediators/${listed.id}/slots`, { id: String(listed.id) })).status).toBe(200);
  });

  it("is not a pick, not counted, and never suggested by the fallback", async () => {
    expect(listPickableMediators().map((m) => m.id)).toEqual([listed.id]);
    expect(getPoolCounts()["senior-mediator"]).toBe(1);
    const filed = await fileCase({
      user: party.user,
      input: { category: "labour", description: "拖欠工资三个月未发，要求调解", respondents: [{ name: "某公司" }] },
      now: NOW,
    });
    const res = await call(fallbackRoute, `/api/v1/cases/${filed.id}/fallback`, {
      method: "POST",
      params: { id: String(filed.id) },
      token: staff.token,
      body: {},
    });
    expect(res.body.suggestion.mediatorId).toBe(listed.id);
    const everyone = [...res.body.reason.considered, ...res.body.reason.skipped].map((c: { mediatorId: number }) => c.mediatorId);
    expect(everyone).toEqual([listed.id]);
  });
});
