// The embedded engine behind the search port. All work is synchronous and in memory (see
// embedded-index.ts); the async methods only satisfy the port, which Meilisearch needs async.
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from "../types";
import { EmbeddedIndex } from "./embedded-index";

export class EmbeddedEngine implements SearchEngine {
  readonly name = "embedded" as const;
  private readonly index = new EmbeddedIndex();

  /** No settings: field weights and synonyms are compiled in. */
  async setup(): Promise<void> {}

  async upsert(documents: SearchDocument[]): Promise<void> {
    this.index.upsert(documents);
  }

  async delete(ids: string[]): Promise<void> {
    this.index.delete(ids);
  }

  async clear(): Promise<void> {
    this.index.clear();
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    return this.index.search(query);
  }

  async count(): Promise<number> {
    return this.index.count();
  }
}
