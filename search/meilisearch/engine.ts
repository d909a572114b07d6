// The SearchEngine port on a Meilisearch server, through the official client. The request/response
// shaping is pure and lives in query.ts, response.ts, filters.ts, documents.ts and settings.ts; this
// file only talks to the server and turns every failure into a MeilisearchEngineError.
import { Meilisearch, type EnqueuedTaskPromise, type IndexObject, type MultiSearchResponse, type RecordAny } from "meilisearch";
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from "../types";
import { PRIMARY_KEY, toMeiliDocument, type MeiliDocument } from "./documents";
import { apiErrorCode, assertTaskSucceeded, MeilisearchEngineError, wrapError } from "./errors";
import { MeiliClients } from "./clients";
import type { MeiliKeys } from "./keys";
import { buildSearchRequest, dropLastWord, type MeiliSearchPlan } from "./query";
import { mergeSearchResponses } from "./response";
import { buildIndexSettings } from "./settings";

export interface MeilisearchEngineOptions {
  /** e.g. "http://127.0.0.1:7700". */
  url: string;
  /** One key for everything (the contract suite's master key, or a server without keys). */
  apiKey?: string;
  /**
   * The master key: used only to obtain the search and indexing keys (keys.ts), on first use and again
   * after the server refused a key. Takes precedence over apiKey.
   */
  masterKey?: string;
  /** Already obtained keys (a reindex copy shares its engine's). */
  keys?: MeiliKeys;
  indexName: string;
  /** How long to wait for one indexing task (settings changes reindex everything). Default 60 s. */
  taskTimeoutMs?: number;
  /** Timeout of each HTTP request of indexing and setup. Default 10 s. */
  requestTimeoutMs?: number;
  /** Timeout of each search request (connect and answer). Default: requestTimeoutMs. */
  searchTimeoutMs?: number;
}

const isFiltered = (query: SearchQuery) =>
  query.availableBefore !== undefined || Object.values(query.filters ?? {}).some((values) => (values?.length ?? 0) > 0);

/** Meilisearch index uids: letters, digits, `-` and `_`, at most 400 bytes. */
const INDEX_UID = /^[A-Za-z0-9_-]{1,400}$/;
/** Documents per addDocuments call, to keep each payload and task small. */
export const UPSERT_BATCH_SIZE = 1_000;
/** What Meilisearch answers when a search names a field the index's settings do not have yet. */
const OLDER_SETTINGS_CODES = ["invalid_search_attributes_to_search_on", "invalid_search_filter"];
/** How long searches go without the newer fields before trying them again (a reindex may have run). */
const LEGACY_RETRY_MS = 60_000;
/** Searches with fewer words after a query matched nothing (the embedded engine takes at most 10 words). */
const MAX_RETRIES = 10;

export class MeilisearchEngine implements SearchEngine {
  readonly name = "meilisearch" as const;
  readonly indexName: string;
  readonly #options: MeilisearchEngineOptions;
  readonly #clients: MeiliClients;
  /** Until when searches leave out what an index with older settings refuses (see #searchOnce). */
  #legacyUntil = 0;
  #warnedLegacy = false;

  constructor(options: MeilisearchEngineOptions) {
    if (!options.url?.trim()) throw new Error("MeilisearchEngine needs a url (MEILI_URL)");
    if (!INDEX_UID.test(options.indexName ?? "")) {
      throw new Error(`Invalid Meilisearch index name ${JSON.stringify(options.indexName)}: use letters, digits, - and _`);
    }
    this.indexName = options.indexName;
    this.#options = { ...options, url: options.url.trim() };
    this.#clients = new MeiliClients(this.#options);
  }

  #getClients() {
    return this.#clients.get();
  }

  async #admin(): Promise<Meilisearch> {
    return (await this.#getClients()).admin;
  }

  async #adminIndex() {
    return (await this.#admin()).index<MeiliDocument>(this.indexName);
  }

  /** The same server and keys on another index (a reindex copy). */
  async sibling(indexName: string): Promise<MeilisearchEngine> {
    const { keys } = await this.#run("obtain API keys", () => this.#getClients());
    return new MeilisearchEngine({ ...this.#options, indexName, keys, masterKey: keys ? undefined : this.#options.masterKey });
  }

  /** The search key (tests check what it may not do); undefined without a master key. */
  async searchKey(): Promise<string | undefined> {
    return (await this.#run("obtain API keys", () => this.#getClients())).keys?.searchKey;
  }

  /** Run one operation; whatever goes wrong leaves as a MeilisearchEngineError naming it. */
  async #run<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      // Someone deleted our keys (or the master key changed): obtain them again on the next use.
      if (apiErrorCode(error) === "invalid_api_key" && this.#options.masterKey) this.#clients.forget();
      throw wrapError(operation, this.indexName, error);
    }
  }

  /**
   * Wait for an enqueued task and fail unless it succeeded (waitTask also resolves failed tasks).
   * `tolerate` names error codes that mean "already so" for this operation.
   */
  async #wait(operation: string, enqueued: EnqueuedTaskPromise, tolerate: string[] = []): Promise<void> {
    const task = await enqueued.waitTask();
    if (task.error && tolerate.includes(task.error.code)) return;
    assertTaskSucceeded(operation, this.indexName, task);
  }

  async #rawIndex(): Promise<IndexObject | undefined> {
    try {
      return await (await this.#admin()).getRawIndex(this.indexName);
    } catch (error) {
      if (apiErrorCode(error) === "index_not_found") return undefined;
      throw error;
    }
  }

  async #ensureIndex(): Promise<void> {
    let info = await this.#rawIndex();
    if (!info) {
      // Another process may have created it between our look and our create: that is fine.
      await this.#wait("create index", (await this.#admin()).createIndex(this.indexName, { primaryKey: PRIMARY_KEY }), [
        "index_already_exists",
      ]);
      info = await this.#rawIndex();
    }
    if (!info?.primaryKey) {
      await this.#wait("set primary key", (await this.#admin()).updateIndex(this.indexName, { primaryKey: PRIMARY_KEY }));
    } else if (info.primaryKey !== PRIMARY_KEY) {
      throw new MeilisearchEngineError(
        "setup",
        this.indexName,
        `the index has primary key "${info.primaryKey}", not "${PRIMARY_KEY}"; delete the index and reindex`,
      );
    }
  }

  /** Create the index if missing (primary key `id`), leaving its settings as they are. */
  async ensureIndex(): Promise<void> {
    await this.#run("setup", () => this.#ensureIndex());
  }

  /** Create the index if missing (primary key `id`) and apply settings.ts, waiting until applied. */
  async setup(): Promise<void> {
    await this.#run("setup", async () => {
      await this.#ensureIndex();
      await this.#wait("update settings", (await this.#adminIndex()).updateSettings(buildIndexSettings()));
    });
  }

  /** Add or replace whole documents by id (replace, so a field that became null is really dropped). */
  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.#run("upsert", async () => {
      const docs = documents.map(toMeiliDocument);
      // Enqueue the batches in order (a later copy of an id must win), then wait for them all;
      // Meilisearch indexes consecutive additions to one index together.
      const enqueued: EnqueuedTaskPromise[] = [];
      const index = await this.#adminIndex();
      for (let i = 0; i < docs.length; i += UPSERT_BATCH_SIZE) {
        const task = index.addDocuments(docs.slice(i, i + UPSERT_BATCH_SIZE), { primaryKey: PRIMARY_KEY });
        await task;
        enqueued.push(task);
      }
      for (const task of enqueued) await this.#wait("add documents", task);
    });
  }

  /** Deleting from an index that does not exist yet is already done. */
  async delete(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.#run("delete", async () =>
      this.#wait("delete documents", (await this.#adminIndex()).deleteDocuments(ids), ["index_not_found"]),
    );
  }

  async clear(): Promise<void> {
    await this.#run("clear", async () =>
      this.#wait("delete all documents", (await this.#adminIndex()).deleteAllDocuments(), ["index_not_found"]),
    );
  }

  /** A missing index holds no documents: 0, so a fresh deployment's first count() says "reindex me". */
  async count(): Promise<number> {
    return this.#run("count", async () => {
      try {
        return (await (await this.#adminIndex()).getStats()).numberOfDocuments;
      } catch (error) {
        if (apiErrorCode(error) === "index_not_found") return 0;
        throw error;
      }
    });
  }

  /** One multiSearch round trip: the main query plus one query per facet with a selection. */
  async search(query: SearchQuery): Promise<SearchResult> {
    // Bad input (an unknown facet) throws here, before any request, as its own error type.
    let q = query.q ?? "";
    // Each retry drops a word; the bound only guards against a segmentation that keeps regrowing.
    for (let attempt = 0; ; attempt++) {
      const result = await this.#searchOnce({ ...query, q });
      // Nothing matches every word: retry with the last word dropped (each retry has fewer words).
      const shorter = result.total === 0 && attempt < MAX_RETRIES ? dropLastWord(q) : null;
      if (shorter === null) return result;
      // Only when the words themselves match nothing: filters that leave nothing leave nothing.
      if (
        isFiltered(query) &&
        (await this.#searchOnce({ ...query, q, filters: {}, availableBefore: undefined, page: 1, perPage: 0 })).total > 0
      ) {
        return result;
      }
      q = shorter;
    }
  }

  async #searchOnce(query: SearchQuery): Promise<SearchResult> {
    const legacy = Date.now() < this.#legacyUntil;
    try {
      return await this.#multiSearch(buildSearchRequest(this.indexName, query, { legacySettings: legacy }));
    } catch (error) {
      if (legacy || !(error instanceof MeilisearchEngineError) || !OLDER_SETTINGS_CODES.includes(error.code ?? "")) throw error;
      // The index was set up by older code (settings.ts changed, no reindex since): answer without the
      // newer fields for a while rather than fail every search, and say what to do.
      this.#legacyUntil = Date.now() + LEGACY_RETRY_MS;
      if (!this.#warnedLegacy) {
        this.#warnedLegacy = true;
        console.warn(`${error.message}: searching without the newer fields; run npm run search:reindex to apply the settings`);
      }
      return this.#multiSearch(buildSearchRequest(this.indexName, query, { legacySettings: true }));
    }
  }

  async #multiSearch(plan: MeiliSearchPlan): Promise<SearchResult> {
    const response: MultiSearchResponse<RecordAny> = await this.#run("search", async () =>
      (await this.#getClients()).search.multiSearch({ queries: plan.queries }),
    );
    return mergeSearchResponses(plan, response);
  }

  /** Drop the whole index (test cleanup, or before a reindex that changes the primary key). */
  async deleteIndex(): Promise<void> {
    await this.#run("delete index", async () =>
      this.#wait("delete index", (await this.#admin()).deleteIndex(this.indexName), ["index_not_found"]),
    );
  }

  /** Every stored document, a page at a time, in the index's order (search:check reads them all). */
  async *documents(pageSize = 1_000): AsyncGenerator<Record<string, unknown>[]> {
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.#run("read documents", async () => {
        try {
          return (await (await this.#adminIndex()).getDocuments({ offset, limit: pageSize })).results;
        } catch (error) {
          if (apiErrorCode(error) === "index_not_found") return [];
          throw error;
        }
      });
      if (page.length) yield page as Record<string, unknown>[];
      if (page.length < pageSize) return;
    }
  }

  /**
   * Swap this index's contents with `other`'s (Meilisearch's atomic index swap), then delete `other`,
   * which now holds the old contents. The swap task has no index, so the indexing key cannot see it;
   * the deletion, enqueued after it, is processed after it, and waiting for that waits for both.
   */
  async swapInAndDrop(other: string): Promise<void> {
    await this.#run("swap indexes", async () => {
      const admin = await this.#admin();
      await admin.swapIndexes([{ indexes: [this.indexName, other], rename: false }]);
      await this.#wait("delete old index", admin.deleteIndex(other));
    });
  }
}
