// The process's search service: Meilisearch when MEILI_URL is set, else the embedded engine.
// Kept on globalThis so a dev-server rebuild does not start a second outbox follower.
import { EmbeddedEngine } from "../search/embedded";
import { MeilisearchEngine } from "../search/meilisearch";
import { SearchService } from "../search/service";
import { getDb } from "./db.server";
import { env } from "./env.server";

const g = globalThis as typeof globalThis & { __searchService?: SearchService };

export function getSearchService(): SearchService {
  if (!g.__searchService) {
    const e = env();
    const engine = e.MEILI_URL
      ? new MeilisearchEngine({ url: e.MEILI_URL, apiKey: e.MEILI_MASTER_KEY, indexName: e.MEILI_INDEX })
      : new EmbeddedEngine();
    g.__searchService = new SearchService(getDb(), engine, { pollMs: e.SEARCH_OUTBOX_POLL_MS });
  }
  return g.__searchService;
}
