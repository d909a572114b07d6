// One search end to end on a real Meilisearch: the installed binary (tests/contract/meili-server.ts) is
// started on a free 127.0.0.1 port, the app's search service is pointed at it with MEILI_URL, the demo
// pool is seeded into a fresh database and indexed through the service's own first-start reindex, and
// `/api/v1/search` is called through its route module. Without a binary (and without MEILI_URL) the
// whole file is reported as skipped, with the reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findMeiliBinary, startMeili, type MeiliServer } from "../contract/meili-server";
import { openDb } from "../../db/client";
import { MeilisearchEngine } from "../../search/meilisearch";
import type { SearchService } from "../../search/service";
import { call, type RouteModule } from "./call";
import { freshDatabase } from "./setup-db";

const external = process.env.MEILI_URL?.trim();
const binary = external ? undefined : findMeiliBinary();
const skipReason = !external && binary && "missing" in binary ? `skipped: MEILI_URL not set and ${binary.missing}` : undefined;
if (skipReason) console.warn(`Meilisearch end-to-end search ${skipReason}`);

let server: MeiliServer | undefined;
let dbFile = "";
if (!skipReason) {
  dbFile = freshDatabase();
  if (!external) {
    server = await startMeili();
    process.env.MEILI_URL = server.url;
    process.env.MEILI_MASTER_KEY = server.key;
  }
  // A throw-away index on an external server; the started server is thrown away whole.
  process.env.MEILI_INDEX = `e2e_${Date.now()}_${process.pid}`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the assertions are the type check
type Json = any;
let search: RouteModule;
let service: SearchService | undefined;

describe.skipIf(Boolean(skipReason))(`GET /api/v1/search on Meilisearch ${skipReason ? `(${skipReason})` : ""}`, () => {
  beforeAll(async () => {
    search = await import("~/routes/api.v1.search");
    const { getSearchService } = await import("~/search.server");
    service = getSearchService();
    await service.ready;
  });
  afterAll(async () => {
    service?.stop();
    // A delivery already under way finishes before the server goes (no "connection refused" retries).
    for (let i = 0; i < 200 && (service as unknown as { ticking?: boolean })?.ticking; i++) await new Promise((r) => setTimeout(r, 50));
    if (external && service?.engine instanceof MeilisearchEngine) await service.engine.deleteIndex();
    await server?.stop();
  });

  const get = async (qs: string) => {
    const res = await call(search, `/api/v1/search?${qs}`);
    expect(res.status).toBe(200);
    return res.body as Json;
  };
  const names = (body: Json) => (body.hits as Json[]).map((h) => h.name as string);

  it("answers from Meilisearch, with the whole demo pool indexed", async () => {
    const body = await get("perPage=1");
    expect(body.engine).toBe("meilisearch");
    // db/demo-pool.ts: 10 senior mediators, 36 experts, 43 lawyers and 12 committees.
    expect(body.total).toBe(10 + 36 + 43 + 12);
    expect(body.facets.kind).toEqual({ "senior-mediator": 10, expert: 36, lawyer: 43, committee: 12 });
  });

  it("the seed's outbox rows are delivered to Meilisearch", async () => {
    const db = openDb(dbFile);
    const undelivered = () =>
      (db.$client.prepare("select count(*) as n from search_outbox where meili_delivered_at is null").get() as { n: number }).n;
    for (let i = 0; i < 200 && undelivered() > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(undelivered()).toBe(0);
  });

  it("欠薪 reaches the labour committee and the mediators who recover unpaid wages", async () => {
    const body = await get(`q=${encodeURIComponent("欠薪")}&perPage=10`);
    expect(body.engine).toBe("meilisearch");
    // The committee's description and every demo bio with 欠薪追讨 (卢辉帅, 朱平, 余霞颖, 金杰) say 欠薪.
    expect(names(body)).toEqual(expect.arrayContaining(["劳动争议调解委员会", "卢辉帅", "朱平", "余霞颖", "金杰"]));
    for (const hit of body.hits as Json[]) expect(hit.categories).toContain("labour");
    const committee = (body.hits as Json[]).find((h) => h.name === "劳动争议调解委员会");
    expect(committee.kind).toBe("committee");
    expect(committee.highlight.bio).toContain("<mark>欠薪</mark>");
  });

  it("a name typed in pinyin, with a facet filter", async () => {
    const body = await get("q=longxu&town=liuheng");
    expect(body.engine).toBe("meilisearch");
    expect(names(body)).toEqual(["龙旭"]);
    expect(body.hits[0].highlight.name).toBe("<mark>龙旭</mark>");
    expect(body.facets.town.liuheng).toBe(1);
  });
});
