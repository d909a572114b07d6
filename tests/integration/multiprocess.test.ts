// Two server processes on one database file: a change written by a third process reaches both
// processes' embedded indexes through the outbox within a second.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { ensureBuilt, startServer, type RunningServer } from "./server";
import { openDb } from "../../db/client";
import { createMediator, type MediatorFixture } from "../factories";

const file = freshDatabase();
const { updateMediator } = await import("~/models/mediator-admin.server");
const db = openDb(file);

let servers: RunningServer[] = [];
let m: MediatorFixture;

beforeAll(async () => {
  m = createMediator(db, { kind: "expert", now: Date.now() });
  ensureBuilt();
  servers = await Promise.all([0, 1].map(() => startServer({ DATABASE_PATH: file, SEARCH_OUTBOX_POLL_MS: "200" })));
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

async function ids(server: RunningServer, q: string): Promise<string[]> {
  const res = await fetch(`${server.url}/api/v1/search?q=${encodeURIComponent(q)}`);
  const body = (await res.json()) as { hits: { kind: string; id: number }[] };
  return body.hits.map((h) => `${h.kind}:${h.id}`);
}

async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 25));
  }
  return Number.POSITIVE_INFINITY;
}

describe("several processes sharing one database", () => {
  it("both answer a change within 1 s", async () => {
    for (const s of servers) expect(await ids(s, "司徒静岚")).toEqual([]);
    await updateMediator({ id: m.id, patch: { name: "司徒静岚" }, now: Date.now() });
    const took = await Promise.all(servers.map((s) => within(1000, async () => (await ids(s, "司徒静岚")).includes(`expert:${m.id}`))));
    for (const t of took) expect(t).toBeLessThanOrEqual(1000);
  });

  it("both drop a deactivated mediator within 1 s", async () => {
    await updateMediator({ id: m.id, patch: { active: false }, now: Date.now() });
    const took = await Promise.all(servers.map((s) => within(1000, async () => !(await ids(s, "司徒静岚")).includes(`expert:${m.id}`))));
    for (const t of took) expect(t).toBeLessThanOrEqual(1000);
  });
});
