// Records through the API and into search: GET /api/v1/{mediators,committees}/:id/record, and an
// outcome recorded in a case's transaction reaching the search hit's stats at the next outbox tick.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import type { Json } from "./call";
import { openDb } from "../../db/client";
import { EmbeddedEngine } from "../../search/embedded";
import { SearchService } from "../../search/service";
import type { SearchQuery } from "../../search/types";
import { createClosedCase, createCommittee, createMediator, createOutcomeHistory } from "../factories";

const db = openDb(freshDatabase());
const mediatorRecord = await import("~/routes/api.v1.mediators.$id.record");
const committeeRecord = await import("~/routes/api.v1.committees.$id.record");

async function get(mod: { loader: (args: LoaderFunctionArgs) => Promise<Response> | Response }, url: string, id: string) {
  const res = await mod.loader({ request: new Request(`http://test${url}`), params: { id }, context: {} });
  return { status: res.status, body: (await res.json()) as Json };
}

describe("GET /api/v1/mediators/:id/record and /committees/:id/record", () => {
  it("answers the record of the last 12 months, for all categories or one", async () => {
    const now = Date.now();
    const m = createMediator(db, { now, categories: ["labour", "medical"] });
    const c = createCommittee(db, { members: [m.id] });
    createOutcomeHistory(db, { mediatorId: m.id, committeeId: c.id, mediated: 5, agreements: 4, withdrawn: 1, closedBefore: now });
    createOutcomeHistory(db, { mediatorId: m.id, category: "medical", mediated: 2, agreements: 1, closedBefore: now });
    const all = await get(mediatorRecord, `/api/v1/mediators/${m.id}/record`, String(m.id));
    expect(all.status).toBe(200);
    expect(Object.keys(all.body).sort()).toEqual(
      [
        "agreementRate",
        "agreements",
        "closed",
        "from",
        "fulfilmentRate",
        "judicialConfirmations",
        "medianDaysToClose",
        "mediated",
        "ratings",
        "satisfaction",
        "score",
        "to",
      ].sort(),
    );
    expect(all.body).toMatchObject({ closed: 8, mediated: 7, agreements: 5, agreementRate: 5 / 7, medianDaysToClose: 10 });
    const medical = await get(mediatorRecord, `/api/v1/mediators/${m.id}/record?category=medical`, String(m.id));
    expect(medical.body).toMatchObject({ closed: 2, agreements: 1, agreementRate: 0.5 });
    const committee = await get(committeeRecord, `/api/v1/committees/${c.id}/record`, String(c.id));
    expect(committee.body).toMatchObject({ closed: 6, agreements: 4, agreementRate: 0.8 });
  });

  it("404s for unknown ids and 400s for an unknown category", async () => {
    for (const [mod, path] of [
      [mediatorRecord, "mediators"],
      [committeeRecord, "committees"],
    ] as const) {
      for (const id of ["999999", "0", "abc"]) {
        const { status, body } = await get(mod, `/api/v1/${path}/${id}/record`, id);
        expect(status).toBe(404);
        expect(body.error.code).toBe("not_found");
      }
      const { status, body } = await get(mod, `/api/v1/${path}/1/record?category=nope`, "1");
      expect(status).toBe(400);
      expect(body.error.code).toBe("invalid_input");
      expect(Object.keys(body.error.fields)).toEqual(["category"]);
    }
  });
});

describe("profiles", () => {
  it("carry the record of the last 12 months, the same figures as the hit's stats", async () => {
    const { getMediator, getCommittee } = await import("~/models/mediators.server");
    const now = Date.now();
    const m = createMediator(db, { now });
    const c = createCommittee(db, { members: [m.id] });
    createOutcomeHistory(db, { mediatorId: m.id, committeeId: c.id, mediated: 25, agreements: 23, withdrawn: 2, closedBefore: now });
    const profile = getMediator({ id: m.id, now })!;
    expect(profile.record).toMatchObject({ closed: 27, mediated: 25, agreements: 23, agreementRate: 0.92 });
    expect(profile.stats).toMatchObject({ closed: 27, agreements: 23, successRate: 0.92 });
    expect(profile.stats.score).toBeCloseTo(profile.record!.score, 3);
    expect(getCommittee({ id: c.id, now })!.record).toMatchObject({ closed: 27, mediated: 25, agreements: 23 });
    // Without `now` (the profile API), the hit's stats only.
    expect(getMediator({ id: m.id })!.record).toBeUndefined();
  });
});

describe("a record in search", () => {
  it("changes the search hit's stats at the next outbox tick after an outcome", async () => {
    const now = Date.now();
    const m = createMediator(db, { title: "潮汐记录评议员", now });
    const c = createCommittee(db, { name: "测试潮汐调解委员会", members: [m.id] });
    const service = new SearchService(db, new EmbeddedEngine(), { pollMs: 1_000_000 });
    await service.ready;
    const query = (q: string, sort: SearchQuery["sort"] = "relevance"): SearchQuery => ({ q, filters: {}, sort, page: 1, perPage: 20 });
    const stats = async (id: string) => (await service.search(query("潮汐"))).hits.find((h) => h.document.id === id)!.document;
    expect(await stats(`mediator-${m.id}`)).toMatchObject({ closed: 0, agreements: 0, successRate: null });
    const before = (await stats(`mediator-${m.id}`)).score;

    // The outcome's transaction refreshes the records, which writes the outbox rows.
    createClosedCase(db, { mediatorId: m.id, committeeId: c.id, outcome: "agreement", closedAt: now - 60_000 });
    await service.tick();
    const after = await stats(`mediator-${m.id}`);
    expect(after).toMatchObject({ closed: 1, agreements: 1, successRate: 1 });
    expect(after.score).toBeGreaterThan(before);
    expect(await stats(`committee-${c.id}`)).toMatchObject({ closed: 1, agreements: 1, successRate: 1 });
    service.stop();
  });

  it("sorts by the score, so 45 of 50 ranks above 1 of 1", async () => {
    const now = Date.now();
    const lucky = createMediator(db, { title: "珊瑚礁评议员", now });
    const proven = createMediator(db, { title: "珊瑚礁评议员", now });
    createOutcomeHistory(db, { mediatorId: lucky.id, mediated: 1, agreements: 1, closedBefore: now });
    createOutcomeHistory(db, { mediatorId: proven.id, mediated: 50, agreements: 45, closedBefore: now });
    const service = new SearchService(db, new EmbeddedEngine(), { pollMs: 1_000_000 });
    await service.ready;
    const hits = (await service.search({ q: "珊瑚礁评议员", filters: {}, sort: "success", page: 1, perPage: 20 })).hits;
    expect(hits.map((h) => h.document.entityId)).toEqual([proven.id, lucky.id]);
    expect(hits.map((h) => h.document.successRate)).toEqual([0.9, 1]);
    service.stop();
  });
});
