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
import { createCommittee, createMediator } from "../factories";

const file = freshDatabase();
const { updateMediator } = await import("~/models/mediator-admin.server");
const db = openDb(file);

const query = (q: string): SearchQuery => ({ q, filters: {}, sort: "relevance", page: 1, perPage: 20 });

describe("search outbox", () => {
  it("writes the outbox row in the same transaction as the change", async () => {
    const now = Date.now();
    const m = createMediator(db, { now });
    const rows = () => db.select().from(searchOutbox).all();
    const before = rows().length;
    expect(await updateMediator({ id: m.id, patch: { title: "海事调解专家" }, now })).toBe(true);
    expect(
      rows()
        .slice(before)
        .map((r) => [r.entity, r.entityId]),
    ).toEqual([["mediator", m.id]]);
    // A change that fails validation writes nothing.
    await expect(async () => updateMediator({ id: m.id, patch: { categories: ["nope" as never] }, now })).rejects.toThrow();
    expect(rows()).toHaveLength(before + 1);
    expect(await updateMediator({ id: 999_999, patch: { title: "x" }, now })).toBe(false);
    expect(rows()).toHaveLength(before + 1);
  });

  it("brings a renamed mediator, and the committees they sit on, into the embedded index", async () => {
    const now = Date.now();
    const member = createMediator(db, { now });
    const chair = createMediator(db, { now });
    const committee = createCommittee(db, { members: [chair.id, member.id] });
    const service = new SearchService(db, new EmbeddedEngine(), { pollMs: 1_000_000 });
    await service.ready;
    const committeeDoc = async (q: string) =>
      (await service.search(query(q))).hits.find((h) => h.document.id === `committee-${committee.id}`);
    expect((await service.search(query("欧阳澜汐"))).total).toBe(0);
    expect([...(await committeeDoc(member.name))!.document.memberNames].sort()).toEqual([chair.name, member.name].sort());
    await updateMediator({ id: member.id, patch: { name: "欧阳澜汐" }, now });
    await service.tick();
    const found = (await service.search(query("欧阳澜汐"))).hits.map((h) => h.document.id).sort();
    // The member's own document, and the committee's, whose member names now carry the new name.
    expect(found).toEqual([`committee-${committee.id}`, `mediator-${member.id}`].sort());
    expect([...(await committeeDoc("欧阳澜汐"))!.document.memberNames].sort()).toEqual([chair.name, "欧阳澜汐"].sort());
    expect((await service.search(query("ouyanglanxi"))).hits.map((h) => h.document.id)).toContain(`mediator-${member.id}`);
    await updateMediator({ id: member.id, patch: { active: false }, now });
    await service.tick();
    expect((await service.search(query("欧阳澜汐"))).hits.map((h) => h.document.id)).not.toContain(`mediator-${member.id}`);
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
    const m = createMediator(db, { now: Date.now() });
    db.update(searchOutbox).set({ meiliDeliveredAt: new Date() }).run();
    const service = new SearchService(db, flaky, { pollMs: 1_000_000, log: () => {} });
    await service.ready;
    await updateMediator({ id: m.id, patch: { title: "劳动争议调解专家" }, now: Date.now() });
    const [row] = db
      .select()
      .from(searchOutbox)
      .where(and(eq(searchOutbox.entity, "mediator"), eq(searchOutbox.entityId, m.id)))
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
    expect((await inner.search(query("劳动争议调解专家"))).hits.map((h) => h.document.id)).toContain(`mediator-${m.id}`);
    service.stop();
  });
});
