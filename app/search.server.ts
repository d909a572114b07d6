// The process's search service: Meilisearch when MEILI_URL is set (with the embedded engine kept in
// step beside it, answering when Meilisearch cannot: ADR 017), else the embedded engine alone.
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
    // The master key only obtains the search and indexing keys (search/meilisearch/keys.ts).
    const engine = e.MEILI_URL
      ? new MeilisearchEngine({
          url: e.MEILI_URL,
          masterKey: e.MEILI_MASTER_KEY,
          indexName: e.MEILI_INDEX,
          searchTimeoutMs: e.MEILI_SEARCH_TIMEOUT_MS,
        })
      : new EmbeddedEngine();
    g.__searchService = new SearchService(getDb(), engine, {
      pollMs: e.SEARCH_OUTBOX_POLL_MS,
      searchTimeoutMs: e.MEILI_SEARCH_TIMEOUT_MS,
      breakerMs: e.MEILI_BREAKER_MS,
    });
  }
  return g.__searchService;
}
