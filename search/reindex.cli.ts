// `npm run search:reindex`: applies the index settings and rebuilds the configured engine's index from
// the database. For Meilisearch this is the repair tool; the embedded index is rebuilt at every start
// anyway, so there it only reports what would be indexed.
import { openDb } from "../db/client";
import { env } from "../config/env.mjs";
import { EmbeddedEngine } from "./embedded";
import { MeilisearchEngine } from "./meilisearch";
import { reindexAll } from "./service";

const e = env();
const engine = e.MEILI_URL
  ? new MeilisearchEngine({ url: e.MEILI_URL, apiKey: e.MEILI_MASTER_KEY, indexName: e.MEILI_INDEX })
  : new EmbeddedEngine();
const started = performance.now();
const n = await reindexAll(openDb(e.DATABASE_PATH), engine);
const ms = Math.round(performance.now() - started);
console.log(`${engine.name}: indexed ${n} documents from ${e.DATABASE_PATH} in ${ms} ms`);
if (engine.name === "embedded") console.log("(the embedded index lives in each server process and is rebuilt when it starts)");
