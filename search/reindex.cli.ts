// `npm run search:reindex`: rebuilds the configured engine's index from the database. For Meilisearch
// this is the repair tool, and it builds a new index and swaps it in (search/reindex.ts), so searches
// never see it half-built; the embedded index is rebuilt at every start anyway, so there it only reports
// what would be indexed.
import { openDb } from "../db/client";
import { env } from "../config/env.mjs";
import { EmbeddedEngine } from "./embedded";
import { MeilisearchEngine } from "./meilisearch";
import { reindexAll } from "./apply";
import { reindexBySwap } from "./reindex";

const e = env();
const db = openDb(e.DATABASE_PATH);
if (e.MEILI_URL) {
  // The master key only obtains the indexing key (search/meilisearch/keys.ts).
  const engine = new MeilisearchEngine({ url: e.MEILI_URL, masterKey: e.MEILI_MASTER_KEY, indexName: e.MEILI_INDEX });
  try {
    const r = await reindexBySwap(db, engine, Date.now());
    console.log(
      `meilisearch: indexed ${r.documents} documents from ${e.DATABASE_PATH} into ${r.builtAs}, swapped into "${engine.indexName}" in ${r.ms} ms`,
    );
  } catch (error) {
    console.error(`search:reindex failed, the live index is unchanged: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
} else {
  const started = performance.now();
  const n = await reindexAll(db, new EmbeddedEngine());
  console.log(`embedded: indexed ${n} documents from ${e.DATABASE_PATH} in ${Math.round(performance.now() - started)} ms`);
  console.log("(the embedded index lives in each server process and is rebuilt when it starts)");
}
