// The index follows the database through faults (issue 10, ADR 017), on the installed Meilisearch
// binary: a slow server (a real loopback proxy that holds its answers back), a stopped one (killed, then
// restarted on the same port and data), and a task Meilisearch fails. Without a binary the whole file is
// reported as skipped, with the reason. The app's own search service runs against it (MEILI_URL).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Meilisearch } from "meilisearch";
import { startSlowProxy } from "../contract/meili-server";
import { openDb } from "../../db/client";
import { checkIndex } from "../../search/check";
import { MeilisearchEngine } from "../../search/meilisearch";
import { reindexBySwap } from "../../search/reindex";
import { SearchService } from "../../search/service";
import { createAccount } from "../factories";
import { call, type Json, type RouteModule } from "./call";
import { eventually, meiliApp, sleep, stopMeiliApp } from "./meili-app";

const { skipReason, version, server, dbFile, index: INDEX } = await meiliApp("fault");
/** Everything the service and engines wrote to the console, to prove no key is in it. */
const logged: string[] = [];
const db = skipReason ? (undefined as never) : openDb(dbFile);
type Row = {
  id: number;
  entity_id: number;
  meili_attempts: number;
  meili_last_error: string | null;
  meili_next_attempt_at: number | null;
  meili_delivered_at: number | null;
};
const rowsOf = (entityId: number): Row[] =>
  db.$client.prepare("select * from search_outbox where entity = 'mediator' and entity_id = ? order by id").all(entityId) as Row[];
const undelivered = () =>
  (db.$client.prepare("select count(*) as n from search_outbox where meili_delivered_at is null").get() as { n: number }).n;
const mediatorIds = () =>
  (db.$client.prepare("select id from mediators where active = 1 order by id limit 6").all() as { id: number }[]).map((r) => r.id);

describe.skipIf(Boolean(skipReason))(`Meilisearch faults ${skipReason ? `(${skipReason})` : `(${version})`}`, () => {
  let api: RouteModule;
  let staffPage: RouteModule;
  let service: SearchService;
  let updateMediator: typeof import("~/models/mediator-admin.server").updateMediator;
  let staffCookie = "";
  let master: Meilisearch;
  let keys: { search: string; admin: string };

  beforeAll(async () => {
    for (const level of ["error", "warn", "log", "info"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    }
    api = await import("~/routes/api.v1.search");
    staffPage = await import("~/routes/staff.search");
    ({ updateMediator } = await import("~/models/mediator-admin.server"));
    const { getSearchService } = await import("~/search.server");
    const { insertSession } = await import("~/models/auth.server");
    service = getSearchService();
    await service.ready;
    const staff = createAccount(db, "staff");
    staffCookie = `sid=${insertSession(db, staff.user.id, "cookie", Date.now()).secret}`;
    master = new Meilisearch({ host: server!.url, apiKey: server!.key });
    const engine = service.engine as MeilisearchEngine;
    const { keySpecs } = await import("../../search/meilisearch/keys");
    const specs = keySpecs(INDEX);
    keys = { search: (await engine.searchKey())!, admin: (await master.getKey(specs.admin.uid)).key };
  });
  afterAll(async () => {
    await stopMeiliApp(service, server);
  });

  const search = async (q: string) => {
    const res = await call(api, `/api/v1/search?q=${encodeURIComponent(q)}&perPage=50`);
    expect(res.status).toBe(200);
    return res;
  };
  const staffStatus = async () => {
    const url = "http://test.local/staff/search";
    const data = (await staffPage.loader!({
      request: new Request(url, { headers: { Cookie: staffCookie } }),
      params: {},
      context: {},
    })) as Json;
    return data;
  };

  it("searches with a search-only key, which Meilisearch refuses to add documents with (403)", async () => {
    const res = await search("医疗");
    expect(res.body).toMatchObject({ engine: "meilisearch", fallback: false });
    expect(res.body.total).toBeGreaterThan(0);
    expect(keys.search).toMatch(/^[0-9a-f]{64}$/);
    expect(keys.search).not.toBe(server!.key);
    const add = await fetch(`${server!.url}/indexes/${INDEX}/documents`, {
      method: "POST",
      headers: { Authorization: `Bearer ${keys.search}`, "Content-Type": "application/json" },
      body: JSON.stringify([{ id: "mediator-999999", name: "x" }]),
    });
    expect(add.status).toBe(403);
    expect((await add.json()).code).toBe("invalid_api_key");
    // …nor read documents: it may only search.
    const other = await fetch(`${server!.url}/indexes/${INDEX}/documents`, { headers: { Authorization: `Bearer ${keys.search}` } });
    expect(other.status).toBe(403);
  });

  it("a slow server: the search falls back within the bound, the breaker skips it, then a probe finds it again", async () => {
    const proxy = await startSlowProxy(server!.url);
    const engine = new MeilisearchEngine({ url: proxy.url, masterKey: server!.key, indexName: INDEX, searchTimeoutMs: 800 });
    const slow = new SearchService(db, engine, { pollMs: 1_000_000, searchTimeoutMs: 800, breakerMs: 1_000, log: (m) => logged.push(m) });
    try {
      await slow.ready;
      const q = { q: "医疗", filters: {}, sort: "relevance" as const, page: 1, perPage: 20 };
      expect((await slow.search(q)).engine).toBe("meilisearch");
      proxy.delayMs = 4_000;
      let started = performance.now();
      const timedOut = await slow.search(q);
      const boundMs = performance.now() - started;
      expect(timedOut).toMatchObject({ engine: "embedded", fallback: "timeout" });
      expect(timedOut.total).toBeGreaterThan(0);
      expect(boundMs).toBeGreaterThanOrEqual(790);
      expect(boundMs).toBeLessThan(1_300);
      started = performance.now();
      expect(await slow.search(q)).toMatchObject({ engine: "embedded", fallback: "circuit-open" });
      const skippedMs = performance.now() - started;
      expect(skippedMs).toBeLessThan(200);
      // Still slow when the breaker lets one probe through: that probe is bounded too.
      await sleep(1_050);
      started = performance.now();
      expect(await slow.search(q)).toMatchObject({ engine: "embedded", fallback: "timeout" });
      expect(performance.now() - started).toBeLessThan(1_300);
      proxy.delayMs = 0;
      await sleep(1_050);
      expect((await slow.search(q)).engine).toBe("meilisearch");
      process.stdout.write(
        `slow Meilisearch: fell back after ${Math.round(boundMs)} ms (bound 800 ms); breaker skip ${skippedMs.toFixed(1)} ms\n`,
      );
    } finally {
      slow.stop();
      await proxy.close();
    }
  });

  it("a stopped server: changes go on, search answers from the embedded index, the outbox drains in order once it is back", async () => {
    const [a, b, c] = mediatorIds();
    const names = ["停机甲调解", "停机乙调解", "停机丙调解"];
    await server!.kill();
    const before = (db.$client.prepare("select coalesce(max(id), 0) as id from search_outbox").get() as { id: number }).id;
    for (const [i, id] of [a, b, c].entries()) {
      const started = performance.now();
      expect(await updateMediator({ id, patch: { name: names[i] }, now: Date.now() })).toBe(true);
      // A change never waits for Meilisearch.
      expect(performance.now() - started).toBeLessThan(500);
    }
    const fallback = await eventually(
      "the embedded index has the new name",
      async () => (await search(names[0])).body,
      (body) => (body.hits as Json[]).some((h) => h.id === a),
    );
    expect(fallback.engine).toBe("embedded");
    expect(fallback.fallback).toBe(true);
    expect(["error", "circuit-open"]).toContain(fallback.fallbackReason);

    const failed = await eventually(
      "the rows record the failed delivery",
      () => [a, b, c].map((id) => rowsOf(id).filter((r) => r.id > before)[0]),
      (rows) => rows.every((r) => r && r.meili_attempts > 0),
    );
    for (const r of failed) {
      expect(r.meili_delivered_at).toBeNull();
      expect(r.meili_last_error).toMatch(/ECONNREFUSED|fetch failed|has failed/);
      expect(r.meili_next_attempt_at).not.toBeNull();
    }
    const shown = await staffStatus();
    expect(shown.undelivered).toBeGreaterThanOrEqual(3);
    const listed = (shown.rows as Json[]).find((r) => r.id === failed[0].id);
    expect(listed).toMatchObject({ entity: "mediator", entityId: a });
    expect(listed.attempts).toBeGreaterThan(0);
    expect(listed.lastError).toMatch(/ECONNREFUSED|fetch failed|has failed/);

    const restartedAt = Date.now();
    await server!.restart();
    await eventually("the outbox drains", undelivered, (n) => n === 0);
    const drainMs = Date.now() - restartedAt;
    const delivered = [a, b, c].map((id) => rowsOf(id).filter((r) => r.id > before)[0]);
    // In id order: each row delivered no earlier than the one before it.
    for (let i = 1; i < delivered.length; i++) {
      expect(delivered[i].id).toBeGreaterThan(delivered[i - 1].id);
      expect(delivered[i].meili_delivered_at!).toBeGreaterThanOrEqual(delivered[i - 1].meili_delivered_at!);
    }
    const back = await eventually(
      "Meilisearch answers again, with the new name",
      async () => (await search(names[2])).body,
      (body) => body.engine === "meilisearch" && (body.hits as Json[]).some((h) => h.id === c),
    );
    expect(back.fallback).toBe(false);
    const report = await checkIndex(db, new MeilisearchEngine({ url: server!.url, apiKey: keys.admin, indexName: INDEX }));
    expect(report).toMatchObject({ agrees: true, missing: [], extra: [], differing: [] });
    process.stdout.write(`stopped Meilisearch: outbox drained ${drainMs} ms after the restart began\n`);
  });

  it("a task Meilisearch fails: recorded on the rows, retried with back-off, logged, shown to staff; later rows wait", async () => {
    const [, , , d, e] = mediatorIds();
    // A real failing task: the index recreated with another primary key refuses our documents
    // ("index_primary_key_already_exists"), as a bad document or a full disk would fail a task.
    expect((await master.deleteIndex(INDEX).waitTask()).status).toBe("succeeded");
    expect((await master.createIndex(INDEX, { primaryKey: "entityId" }).waitTask()).status).toBe("succeeded");
    await updateMediator({ id: d, patch: { title: "任务失败调解员" }, now: Date.now() });
    const head = await eventually(
      "the failure is on the row",
      () => rowsOf(d).at(-1)!,
      (r) => r.meili_attempts > 0,
    );
    expect(head.meili_delivered_at).toBeNull();
    expect(head.meili_last_error).toMatch(/index_primary_key_already_exists/);
    expect(head.meili_next_attempt_at!).toBeGreaterThan(Date.now() - 1_000);
    expect(logged.some((l) => l.includes("index_primary_key_already_exists") && l.includes("will retry"))).toBe(true);

    await updateMediator({ id: e, patch: { title: "排在后面的调解员" }, now: Date.now() });
    const later = rowsOf(e).at(-1)!;
    // Retried with back-off: the attempts grow, and the later row is never delivered before the head.
    const retried = await eventually(
      "the head is retried",
      () => rowsOf(d).find((r) => r.id === head.id)!,
      (r) => r.meili_attempts >= 2,
      10_000,
    );
    expect(retried.meili_delivered_at).toBeNull();
    expect(rowsOf(e).find((r) => r.id === later.id)!.meili_delivered_at).toBeNull();
    const shown = await staffStatus();
    expect(shown.failing).toBeGreaterThanOrEqual(1);
    expect((shown.rows as Json[])[0].id).toBeLessThanOrEqual(head.id);
    expect((shown.rows as Json[]).find((r) => r.id === head.id).lastError).toMatch(/index_primary_key_already_exists/);
    expect(shown.meili.lastDelivery.error).toMatch(/index_primary_key_already_exists/);

    // Repaired (the index removed: the next delivery recreates it): both rows go through, in order.
    expect((await master.deleteIndex(INDEX).waitTask()).status).toBe("succeeded");
    await eventually("the outbox drains", undelivered, (n) => n === 0, 30_000);
    const [h, l] = [rowsOf(d).find((r) => r.id === head.id)!, rowsOf(e).find((r) => r.id === later.id)!];
    expect(l.meili_delivered_at!).toBeGreaterThanOrEqual(h.meili_delivered_at!);
    // The recreated index holds only what was delivered since: the reindex puts the pool back.
    const adminEngine = new MeilisearchEngine({ url: server!.url, apiKey: keys.admin, indexName: INDEX });
    expect((await checkIndex(db, adminEngine)).agrees).toBe(false);
    await reindexBySwap(db, adminEngine, Date.now());
    expect((await checkIndex(db, adminEngine)).agrees).toBe(true);
  });

  it("no key is in a log line, an API answer or the staff page's data", async () => {
    const res = await search("调解");
    const page = JSON.stringify(await staffStatus());
    const everything = [...logged, res.text, page].join("\n");
    expect(logged.length).toBeGreaterThan(0);
    for (const secret of [server!.key, keys.search, keys.admin]) expect(everything).not.toContain(secret);
  });
});
