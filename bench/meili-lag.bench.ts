// `npm run bench:meili-lag [N]`: how long after a change commits it is visible in Meilisearch, for the
// three changes issue 10 names: an edit of a mediator (a new title), an outcome that changes a record
// (a closed case: the hit's closed count), and leave that moves the next free time (a day off on the day of the
// next free slot). Starts the installed binary (tests/contract/meili-server.ts; never built here), a
// fresh demo database and the app's search service with the outbox polled as `npm start` polls it
// (SEARCH_OUTBOX_POLL_MS, default 200 ms). Each lag is measured from just before the change's
// transaction to the first Meilisearch answer (engine "meilisearch", not the fallback) that shows it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findMeiliBinary, startMeili } from "../tests/contract/meili-server";
import { prepareDatabase } from "../db/seed";
import { localDateInZone } from "../domain/zone";
import { CENTRE_TIMEZONE } from "../domain";

const binary = findMeiliBinary();
if ("missing" in binary) {
  console.log(`bench:meili-lag skipped: ${binary.missing}`);
  process.exit(0);
}
const N = Number(process.argv[2] ?? 10);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meili-lag-"));
const file = path.join(dir, "app.db");
prepareDatabase(file, { history: 0 });
const server = await startMeili();
process.env.DATABASE_PATH = file;
process.env.MEILI_URL = server.url;
process.env.MEILI_MASTER_KEY = server.key;
const { updateMediator } = await import("../app/models/mediator-admin.server");
const { getAvailabilityDocument, putAvailability } = await import("../app/models/availability.server");
const { getSearchService } = await import("../app/search.server");
const { getDb } = await import("../app/db.server");
const { createClosedCase } = await import("../tests/factories");
const service = getSearchService();
await service.ready;
// Let the seed's outbox rows go through first.
while (service.health().meili?.lastDelivery === null) await new Promise((r) => setTimeout(r, 20));
await new Promise((r) => setTimeout(r, 500));

type Doc = { entityId: number; title: string; closed: number; nextAvailableAt: number | null };
/** The mediator's document as Meilisearch answers it (searched by its own name, filtered to it). */
async function meiliDoc(id: number, q: string): Promise<Doc | undefined> {
  const r = await service.search({ q, filters: {}, sort: "relevance", page: 1, perPage: 20 });
  if (r.engine !== "meilisearch") return undefined;
  return r.hits.map((h) => h.document as unknown as Doc).find((d) => d.entityId === id);
}

async function lag(change: () => Promise<void> | void, visible: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  await change();
  while (!(await visible())) await new Promise((res) => setTimeout(res, 5));
  return performance.now() - started;
}

const db = getDb();
const names = new Map(
  db.$client
    .prepare("select id, name from mediators where active = 1 order by id limit 40")
    .all()
    .map((r) => {
      const row = r as { id: number; name: string };
      return [row.id, row.name] as const;
    }),
);
const ids = [...names.keys()];
const lags: Record<"edit" | "outcome" | "leave", number[]> = { edit: [], outcome: [], leave: [] };
for (let i = 0; i < N; i++) {
  const id = ids[i % ids.length];
  const name = names.get(id)!;
  const title = `延迟测量${i}号专家`;
  lags.edit.push(
    await lag(
      async () => void (await updateMediator({ id, patch: { title }, now: Date.now() })),
      async () => (await meiliDoc(id, title))?.title === title,
    ),
  );
  const closedBefore = (await meiliDoc(id, name))!.closed;
  lags.outcome.push(
    await lag(
      () => void createClosedCase(db, { mediatorId: id, closedAt: Date.now() }),
      async () => (await meiliDoc(id, name))?.closed === closedBefore + 1,
    ),
  );
  const nextBefore = (await meiliDoc(id, name))!.nextAvailableAt;
  if (nextBefore === null) continue;
  const doc = getAvailabilityDocument({ mediatorId: id });
  const day = localDateInZone(nextBefore, CENTRE_TIMEZONE);
  const overrides = [...doc.overrides.filter((o) => o.date !== day), { date: day, unavailable: true as const }];
  lags.leave.push(
    await lag(
      () => putAvailability({ mediatorId: id, input: { ...doc, overrides }, now: Date.now() }).then(() => undefined),
      async () => {
        const next = (await meiliDoc(id, name))?.nextAvailableAt;
        return next !== undefined && next !== nextBefore;
      },
    ),
  );
}
const poll = process.env.SEARCH_OUTBOX_POLL_MS ?? "200 (default)";
console.log(
  `${binary.version}, outbox poll ${poll} ms, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
for (const [kind, values] of Object.entries(lags)) {
  values.sort((a, b) => a - b);
  const at = (p: number) => values[Math.min(values.length - 1, Math.floor(p * values.length))].toFixed(0);
  console.log(
    `  ${kind.padEnd(8)} ${values.length} changes → visible in Meilisearch: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`,
  );
}
service.stop();
// A delivery under way finishes before the server goes.
while (service.ticking) await new Promise((r) => setTimeout(r, 20));
await server.stop();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
