// The shared engine contract against a real Meilisearch server:
// - MEILI_URL set (and MEILI_MASTER_KEY when the server has one): that server;
// - else the installed binary (MEILI_BIN, or `meilisearch` on PATH), started here on a free 127.0.0.1
//   port with a fresh data directory and a master key, and stopped when the suite ends;
// - else the whole suite is reported as skipped, with the reason, never silently absent.
// Each engine gets its own throw-away index, deleted afterwards.
import { MeilisearchEngine } from "../../search/meilisearch";
import type { SearchEngine } from "../../search/types";
import { describeEngineContract } from "./engine-contract";
import { findMeiliBinary, startMeili, type MeiliServer } from "./meili-server";

const MEILI_URL = process.env.MEILI_URL?.trim();
const binary = MEILI_URL ? undefined : findMeiliBinary();
const skipReason = !MEILI_URL && binary && "missing" in binary ? `skipped: MEILI_URL not set and ${binary.missing}` : undefined;
const target = MEILI_URL ? `at ${MEILI_URL}` : binary && !("missing" in binary) ? `started from ${binary.path} (${binary.version})` : "";

if (skipReason) console.warn(`Meilisearch contract suite ${skipReason}`);

let server: MeiliServer | undefined;
let made = 0;

async function makeEngine(): Promise<SearchEngine> {
  const engine = new MeilisearchEngine({
    url: MEILI_URL || server!.url,
    apiKey: MEILI_URL ? process.env.MEILI_MASTER_KEY : server!.key,
    indexName: `contract_${Date.now()}_${process.pid}_${made++}`,
  });
  await engine.setup();
  return engine;
}

async function cleanup(engine: SearchEngine): Promise<void> {
  if (engine instanceof MeilisearchEngine) await engine.deleteIndex();
}

describe.skipIf(Boolean(skipReason))(`MeilisearchEngine ${skipReason ? `(${skipReason})` : target}`, () => {
  beforeAll(async () => {
    if (!MEILI_URL) server = await startMeili();
  });
  // Runs after the contract's own afterAll hooks (which delete their indexes).
  afterAll(async () => {
    await server?.stop();
  });
  describeEngineContract("meilisearch", makeEngine, { cleanup });
});
