// `npm run bench:meili-lag`: how long after an edit of a mediator commits it is searchable in
// Meilisearch. Starts the installed binary (tests/contract/meili-server.ts; never built here), a fresh
// demo database, and the app's search service with the outbox polled every SEARCH_OUTBOX_POLL_MS.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findMeiliBinary, startMeili } from "../tests/contract/meili-server";
import { prepareDatabase } from "../db/seed";

const binary = findMeiliBinary();
if ("missing" in binary) {
  console.log(`bench:meili-lag skipped: ${binary.missing}`);
  process.exit(0);
}
const EDITS = Number(process.argv[2] ?? 20);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meili-lag-"));
const file = path.join(dir, "app.db");
prepareDatabase(file, { history: 0 });
const server = await startMeili();
process.env.DATABASE_PATH = file;
process.env.MEILI_URL = server.url;
process.env.MEILI_MASTER_KEY = server.key;
process.env.SEARCH_OUTBOX_POLL_MS ??= "50";
const { updateMediator } = await import("../app/models/mediator-admin.server");
const { getSearchService } = await import("../app/search.server");
const service = getSearchService();
await service.ready;
// Let the seed's outbox rows go through first.
while (service.health().meili?.lastDelivery === null) await new Promise((r) => setTimeout(r, 20));
await new Promise((r) => setTimeout(r, 500));

const lags: number[] = [];
for (let i = 0; i < EDITS; i++) {
  const title = `延迟测量${i}号专家`;
  const id = 1 + (i % 40);
  const started = performance.now();
  await updateMediator({ id, patch: { title }, now: Date.now() });
  for (;;) {
    const r = await service.search({ q: title, filters: {}, sort: "relevance", page: 1, perPage: 5 });
    if (r.engine === "meilisearch" && r.hits.some((h) => h.document.entityId === id && h.document.title === title)) break;
    await new Promise((res) => setTimeout(res, 5));
  }
  lags.push(performance.now() - started);
}
lags.sort((a, b) => a - b);
const at = (p: number) => lags[Math.min(lags.length - 1, Math.floor(p * lags.length))].toFixed(0);
console.log(
  `${binary.version}, poll ${process.env.SEARCH_OUTBOX_POLL_MS} ms, ${EDITS} edits: edit → searchable in Meilisearch p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`,
);
service.stop();
// A delivery under way finishes before the server goes.
while (service.ticking) await new Promise((r) => setTimeout(r, 20));
await server.stop();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
