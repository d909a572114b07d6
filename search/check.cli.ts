// `npm run search:check`: compares the Meilisearch index with the documents the database gives (the
// embedded engine's). Exits 1 on any disagreement, 2 when it could not check. Needs MEILI_URL.
import { openDb } from "../db/client";
import { env } from "../config/env.mjs";
import { checkIndex, formatCheckReport } from "./check";
import { MeilisearchEngine } from "./meilisearch";

const e = env();
if (!e.MEILI_URL) {
  console.error("search:check compares Meilisearch with the database: set MEILI_URL (and MEILI_MASTER_KEY)");
  process.exit(2);
}
const engine = new MeilisearchEngine({ url: e.MEILI_URL, masterKey: e.MEILI_MASTER_KEY, indexName: e.MEILI_INDEX });
try {
  const report = await checkIndex(openDb(e.DATABASE_PATH), engine);
  console.log(formatCheckReport(engine.indexName, report));
  process.exit(report.agrees ? 0 : 1);
} catch (error) {
  // The engine's messages name the operation, index and reason; never a key.
  console.error(`search:check could not read the index: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
