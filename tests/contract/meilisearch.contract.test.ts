// The shared engine contract against a real Meilisearch server:
// - MEILI_URL set (and MEILI_MASTER_KEY when the server has one): that server;
// - else the installed binary (MEILI_BIN, or `meilisearch` on PATH), started here on a free 127.0.0.1
//   port with a fresh data directory and a master key, and stopped when the suite ends;
// - else the whole suite is reported as skipped, with the reason, never silently absent.
// Each engine gets its own throw-away index, deleted afterwards.
import { Meilisearch } from "meilisearch";
import { buildIndexSettings, MeilisearchEngine } from "../../search/meilisearch";
import { CHARACTERS_FIELD, LATIN_WORDS_FIELD } from "../../search/meilisearch/documents";
import type { SearchEngine } from "../../search/types";
import { describeEngineContract } from "./engine-contract";
import { fixtureDocuments } from "./fixtures";
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

  // Not part of the shared contract: an index set up by older code (no reindex since settings.ts gained
  // the Meilisearch-only fields) still answers, without them, instead of failing every search.
  describe("an index with older settings", () => {
    let engine: MeilisearchEngine;
    beforeAll(async () => {
      engine = (await makeEngine()) as MeilisearchEngine;
      await engine.upsert(fixtureDocuments());
      const older = buildIndexSettings();
      older.searchableAttributes = older.searchableAttributes!.filter((a) => a !== CHARACTERS_FIELD && a !== LATIN_WORDS_FIELD);
      older.filterableAttributes = older.filterableAttributes!.filter((a) => a !== CHARACTERS_FIELD);
      const client = new Meilisearch({ host: MEILI_URL || server!.url, apiKey: MEILI_URL ? process.env.MEILI_MASTER_KEY : server!.key });
      const task = await client.index(engine.indexName).updateSettings(older).waitTask();
      expect(task.status).toBe("succeeded");
    });
    afterAll(async () => {
      if (engine) await cleanup(engine);
    });

    it("answers words and single characters, less exactly, until reindexed", async () => {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const words = await engine.search({ q: "医疗纠纷", filters: {}, sort: "relevance", page: 1, perPage: 20 });
      expect(words.total).toBeGreaterThan(3);
      const one = await engine.search({ q: "陈", filters: {}, sort: "relevance", page: 1, perPage: 20 });
      expect(one.hits[0].document.name).toBe("陈海");
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toMatch(/npm run search:reindex/);
      warn.mockRestore();
    });
  });

  // Not part of the shared contract: a regression guard for the client's transport (engine.ts asks for
  // uncompressed answers; compressed ones stalled every search on a delayed ACK, about 45 ms).
  describe("transport", () => {
    let engine: SearchEngine;
    beforeAll(async () => {
      engine = await makeEngine();
      await engine.upsert(fixtureDocuments());
    });
    afterAll(async () => {
      if (engine) await cleanup(engine);
    });

    it("a search on a kept-alive connection does not wait for a delayed ACK", async () => {
      const median = async (fn: () => Promise<unknown>) => {
        const times: number[] = [];
        for (let i = 0; i < 9; i++) {
          const started = performance.now();
          await fn();
          times.push(performance.now() - started);
        }
        return times.sort((a, b) => a - b)[4];
      };
      // Against the round trip of the smallest request, so a server further away than 127.0.0.1 passes too.
      const roundTrip = await median(() => fetch(`${MEILI_URL || server!.url}/health`).then((r) => r.text()));
      const search = await median(() => engine.search({ q: "医疗", filters: {}, sort: "relevance", page: 1, perPage: 20 }));
      expect(search).toBeLessThan(roundTrip + 20);
    });
  });
});
