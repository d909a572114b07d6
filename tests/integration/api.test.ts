// The v1 JSON API, through the route modules themselves against a real seeded SQLite file. Tests about
// the demo pool read it; the others build their own mediators and committees with the factories.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import type { Json } from "./call";
import { openDb } from "../../db/client";
import { CATEGORIES, FACETS, TOWNS } from "../../domain";
import { createCommittee, createMediator, createOutcomeHistory, type MediatorFixture } from "../factories";

const db = openDb(freshDatabase());
const search = await import("~/routes/api.v1.search");
const mediator = await import("~/routes/api.v1.mediators.$id");
const committee = await import("~/routes/api.v1.committees.$id");
const catchAll = await import("~/routes/api.v1.$");

async function get(
  mod: { loader: (args: LoaderFunctionArgs) => Promise<Response> | Response },
  url: string,
  params: Record<string, string> = {},
) {
  const res = await mod.loader({ request: new Request(`http://test${url}`), params, context: {} });
  return { status: res.status, body: (await res.json()) as Json };
}

// A perfect record over three cases and a good one over three hundred, under a title no demo record has
// (experts: the demo pool has "30+", so the pool test below still counts the demo exactly).
const SAMPLE_TITLE = "鲸歌礁石评议员";
let tiny: MediatorFixture;
let proven: MediatorFixture;

beforeAll(async () => {
  const now = Date.now();
  tiny = createMediator(db, { kind: "expert", title: SAMPLE_TITLE, now });
  proven = createMediator(db, { kind: "expert", title: SAMPLE_TITLE, now });
  createOutcomeHistory(db, { mediatorId: tiny.id, mediated: 3, agreements: 3, closedBefore: now });
  createOutcomeHistory(db, { mediatorId: proven.id, mediated: 300, agreements: 240, closedBefore: now });
  const { getSearchService } = await import("~/search.server");
  await getSearchService().ready;
});

describe("GET /api/v1/search", () => {
  it("returns the documented shape", async () => {
    const { status, body } = await get(search, "/api/v1/search?q=医疗");
    expect(status).toBe(200);
    expect(body).toMatchObject({ page: 1, perPage: 20, engine: "embedded" });
    expect(typeof body.tookMs).toBe("number");
    expect(body.total).toBeGreaterThan(0);
    expect(Object.keys(body.facets).sort()).toEqual([...FACETS].sort());
    const hit = body.hits[0];
    for (const key of [
      "id",
      "kind",
      "name",
      "namePinyin",
      "title",
      "organisation",
      "categories",
      "towns",
      "modes",
      "languages",
      "yearsOfExperience",
      "stats",
      "nextAvailableAt",
      "highlight",
    ])
      expect(hit).toHaveProperty(key);
    expect(Object.keys(hit.stats).sort()).toEqual(["agreements", "closed", "score", "successRate"]);
  });

  it("reproduces the centre's pool: 10 senior mediators, 30+ experts, 43 lawyers, 12 committees", async () => {
    const { body } = await get(search, "/api/v1/search");
    expect(body.facets.kind["senior-mediator"]).toBe(10);
    expect(body.facets.kind.expert).toBeGreaterThanOrEqual(30);
    expect(body.facets.kind.lawyer).toBe(43);
    expect(body.facets.kind.committee).toBe(12);
    for (const c of CATEGORIES) expect(body.facets.category[c.slug], c.slug).toBeGreaterThan(0);
    for (const t of TOWNS) expect(body.facets.town[t.slug], t.slug).toBeGreaterThan(0);
    expect(body.facets.language["zhoushan-dialect"]).toBeGreaterThan(0);
    expect(body.facets.mode.onsite).toBeGreaterThan(0);
  });

  it("filters: values of one facet are OR, facets are AND", async () => {
    const a = await get(search, "/api/v1/search?category=medical&perPage=50");
    const b = await get(search, "/api/v1/search?category=labour&perPage=50");
    const both = await get(search, "/api/v1/search?category=medical&category=labour&perPage=50");
    const union = new Set([...a.body.hits, ...b.body.hits].map((h: Json) => `${h.kind}:${h.id}`));
    expect(both.body.total).toBe(union.size);
    const and = await get(search, "/api/v1/search?category=medical&kind=expert&perPage=50");
    expect(and.body.total).toBeGreaterThan(0);
    for (const h of and.body.hits) {
      expect(h.kind).toBe("expert");
      expect(h.categories).toContain("medical");
    }
    // Disjunctive: the category counts ignore the category selection itself.
    expect(and.body.facets.category.labour).toBeGreaterThan(0);
  });

  it("sorts by the small-sample-safe success score", async () => {
    const { body } = await get(search, "/api/v1/search?sort=success&perPage=50");
    const scores = body.hits.map((h: Json) => h.stats.score);
    expect(scores).toEqual([...scores].sort((x: number, y: number) => y - x));
  });

  it("ranks a record of 240 agreements in 300 cases above 3 in 3 (a perfect rate on a small sample)", async () => {
    const { body } = await get(search, `/api/v1/search?q=${encodeURIComponent(SAMPLE_TITLE)}&sort=success`);
    expect(body.hits.map((h: Json) => h.id)).toEqual([proven.id, tiny.id]);
    expect(body.hits.map((h: Json) => h.stats.successRate)).toEqual([0.8, 1]);
  });

  it("pages through results without overlap", async () => {
    const p1 = await get(search, "/api/v1/search?perPage=10&page=1");
    const p2 = await get(search, "/api/v1/search?perPage=10&page=2");
    expect(p1.body.hits).toHaveLength(10);
    const ids1 = new Set(p1.body.hits.map((h: Json) => `${h.kind}:${h.id}`));
    for (const h of p2.body.hits) expect(ids1.has(`${h.kind}:${h.id}`)).toBe(false);
    expect(p2.body.total).toBe(p1.body.total);
  });

  it.each([
    ["perPage=51", "perPage"],
    ["perPage=0", "perPage"],
    ["page=-1", "page"],
    ["page=abc", "page"],
    ["page=1.5", "page"],
    ["sort=bogus", "sort"],
    ["sort=success&sort=relevance", "sort"],
    ["category=not-a-category", "category"],
    ["kind=judge", "kind"],
    ["town=hangzhou", "town"],
    ["mode=teleport", "mode"],
    ["language=klingon", "language"],
    [`q=${"调".repeat(101)}`, "q"],
    ["page=10000&perPage=50", "page"],
  ])("rejects %s with 400 and a field error", async (query, field) => {
    const { status, body } = await get(search, `/api/v1/search?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_query");
    expect(typeof body.error.message).toBe("string");
    expect(body.error.fields[field]).toBeDefined();
  });

  it("accepts odd but harmless input without a 500", async () => {
    for (const q of ["'; drop table mediators; --", "<script>alert(1)</script>", "%%%", "🙂", "   ", "a".repeat(100), "\u0000"]) {
      const { status } = await get(search, `/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
    }
  });
});

describe("GET /api/v1/mediators/:id and /api/v1/committees/:id", () => {
  it("returns a mediator profile with the committees they sit on", async () => {
    const now = Date.now();
    const m = createMediator(db, { kind: "expert", name: "林海潮", categories: ["maritime-fishery"], now });
    const c = createCommittee(db, { name: "测试海事调解委员会", members: [m.id] });
    const { status, body } = await get(mediator, `/api/v1/mediators/${m.id}`, { id: String(m.id) });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: m.id, kind: "expert", name: "林海潮", namePinyin: "lin hai chao", categories: ["maritime-fishery"] });
    expect(body.committees).toEqual([{ id: c.id, name: "测试海事调解委员会", role: "chair" }]);
  });

  it("returns a committee with its members, chair first", async () => {
    const now = Date.now();
    // The chair has the weakest record: still listed first.
    const members = [0, 300, 100].map((mediated) => {
      const m = createMediator(db, { now });
      createOutcomeHistory(db, { mediatorId: m.id, mediated, agreements: mediated / 2, closedBefore: now });
      return m;
    });
    const c = createCommittee(db, { members: members.map((m) => m.id) });
    const { status, body } = await get(committee, `/api/v1/committees/${c.id}`, { id: String(c.id) });
    expect(status).toBe(200);
    expect(body.kind).toBe("committee");
    expect(body.members.map((m: Json) => [m.id, m.role])).toEqual([
      [members[0].id, "chair"],
      [members[1].id, "member"],
      [members[2].id, "member"],
    ]);
  });

  it.each(["999999", "0", "abc", "1e3", "-1", "99999999999999999999"])("404s for id %s", async (id) => {
    for (const [mod, path] of [
      [mediator, "mediators"],
      [committee, "committees"],
    ] as const) {
      const { status, body } = await get(mod, `/api/v1/${path}/${id}`, { id });
      expect(status).toBe(404);
      expect(body.error.code).toBe("not_found");
    }
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const { status, body } = await get(catchAll, "/api/v1/nope", { "*": "nope" });
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });
});
