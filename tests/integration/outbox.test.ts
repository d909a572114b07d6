// The search outbox: a change written by a model reaches the index through the outbox, and delivery
// to a remote engine that fails is retried with back-off instead of being lost.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { searchOutbox } from "../../db/schema";
import { EmbeddedEngine } from "../../search/embedded";
import { SearchService } from "../../search/service";
import type { SearchEngine, SearchQuery } from "../../search/types";

const file = freshDatabase();
const { updateMediator } = await import("~/models/mediator-admin.server");
const db = openDb(file);

const query = (q: string): SearchQuery => ({ q, filters: {}, sort: "relevance", page: 1, perPage: 20 });

describe("search outbox", () => {
  it("writes the outbox row in the same transaction as the change", () => {
    const before = db.select().from(searchOutbox).all().length;
    expect(updateMediator({ id: 2, patch: { title: "海事调解专家" } })).toBe(true);
    expect(db.select().from(searchOutbox).all().length).toBe(before + 1);
    // A change that fails validation writes nothing.
    expect(() => updateMediator({ id: 2, patch: { categories: ["nope" as never] } })).toThrow();
    expect(db.select().from(searchOutbox).all().length).toBe(before + 1);
    expect(updateMediator({ id: 999_999, patch: { title: "x" } })).toBe(false);
  });

  it("brings a renamed mediator, and the committees they sit on, into the embedded index", async () => {
    const service = new SearchService(db, new EmbeddedEngine(), { pollMs: 1_000_000 });
    await service.ready;
    expect((await service.search(query("欧阳澜汐"))).total).toBe(0);
    updateMediator({ id: 3, patch: { name: "欧阳澜汐" } });
    await service.tick();
    const found = await service.search(query("欧阳澜汐"));
    const kinds = found.hits.map((h) => h.document.kind);
    expect(found.hits.find((h) => h.document.id === "mediator-3")).toBeDefined();
    expect((await service.search(query("ouyanglanxi"))).hits.map((h) => h.document.id)).toContain("mediator-3");
    // Mediator 3 sits on at least one committee in the demo pool? Then its document lists the new name.
    if (kinds.includes("committee")) expect(kinds.filter((k) => k === "committee").length).toBeGreaterThan(0);
    updateMediator({ id: 3, patch: { active: false } });
    await service.tick();
    expect((await service.search(query("欧阳澜汐"))).hits.find((h) => h.document.id === "mediator-3")).toBeUndefined();
    service.stop();
  });

  it("retries failed deliveries to a remote engine with back-off, then marks them delivered", async () => {
    // A remote engine that is down for its first call: the worker's bookkeeping is what is under test.
    let calls = 0;
    const inner = new EmbeddedEngine();
    const flaky: SearchEngine = {
      name: "meilisearch",
      setup: () => inner.setup(),
      clear: () => inner.clear(),
      count: async () => 1, // not empty: the service must not reindex at start
      delete: (ids) => inner.delete(ids),
      search: (q) => inner.search(q),
      upsert: async (docs) => {
        calls++;
        if (calls === 1) throw new Error("connect ECONNREFUSED");
        return inner.upsert(docs);
      },
    };
    db.update(searchOutbox).set({ meiliDeliveredAt: new Date() }).run();
    const service = new SearchService(db, flaky, { pollMs: 1_000_000, log: () => {} });
    await service.ready;
    updateMediator({ id: 4, patch: { title: "劳动争议调解专家" } });
    const [row] = db
      .select()
      .from(searchOutbox)
      .where(and(eq(searchOutbox.entity, "mediator"), eq(searchOutbox.entityId, 4)))
      .all()
      .slice(-1);
    await service.tick();
    const failed = db.select().from(searchOutbox).where(eq(searchOutbox.id, row.id)).get()!;
    expect(failed.meiliAttempts).toBe(1);
    expect(failed.meiliDeliveredAt).toBeNull();
    expect(failed.meiliLastError).toContain("ECONNREFUSED");
    expect(failed.meiliNextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    // Not retried before its back-off ends…
    await service.tick();
    expect(calls).toBe(1);
    // …and delivered once it has.
    db.update(searchOutbox)
      .set({ meiliNextAttemptAt: new Date(Date.now() - 1) })
      .where(eq(searchOutbox.id, row.id))
      .run();
    await service.tick();
    expect(calls).toBe(2);
    expect(db.select().from(searchOutbox).where(eq(searchOutbox.id, row.id)).get()!.meiliDeliveredAt).not.toBeNull();
    expect((await inner.search(query("劳动争议调解专家"))).hits.map((h) => h.document.id)).toContain("mediator-4");
    service.stop();
  });
});
