// The shared engine contract against a real Meilisearch server. Needs MEILI_URL (and MEILI_MASTER_KEY
// when the server has one); without it the suite is reported as skipped, never silently absent.
// Each engine gets its own throw-away index, deleted afterwards.
import { MeilisearchEngine } from "../../search/meilisearch";
import type { SearchEngine } from "../../search/types";
import { describeEngineContract } from "./engine-contract";

const MEILI_URL = process.env.MEILI_URL;
const SKIPPED = "skipped: MEILI_URL not set";

if (!MEILI_URL) console.warn(`Meilisearch contract suite ${SKIPPED} (start a server and set MEILI_URL to run it)`);

let made = 0;

async function makeEngine(): Promise<SearchEngine> {
  const engine = new MeilisearchEngine({
    url: MEILI_URL ?? "",
    apiKey: process.env.MEILI_MASTER_KEY,
    indexName: `contract_${Date.now()}_${process.pid}_${made++}`,
  });
  await engine.setup();
  return engine;
}

async function cleanup(engine: SearchEngine): Promise<void> {
  if (engine instanceof MeilisearchEngine) await engine.deleteIndex();
}

describe.skipIf(!MEILI_URL)(`MeilisearchEngine${MEILI_URL ? ` at ${MEILI_URL}` : ` (${SKIPPED})`}`, () => {
  describeEngineContract("meilisearch", makeEngine, { cleanup });
});
