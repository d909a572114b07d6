// Keeps the engines in step with the database and answers searches.
// - embedded (always): at start the index is built from the tables, then the process follows the outbox
//   from the cursor it read *before* building (replaying a change twice is harmless: upserts are
//   idempotent). Every process does this for itself, so several processes on one file answer alike.
// - meilisearch (when configured): one shared index; the worker delivers the claimed head of the outbox
//   and retries failures (meili-worker.ts). Searches go there first, bounded by a timeout and a circuit
//   breaker, and the embedded index answers whenever Meilisearch cannot (ADR 017).
import type { Db } from "../db/client";
import { allDocuments, applyOutboxRows, reindexAll } from "./apply";
import { EmbeddedEngine } from "./embedded";
import { CircuitBreaker, SearchTimeoutError, withTimeout, type BreakerState, type FallbackReason, type SearchAnswer } from "./fallback";
import { deliverOutboxToMeili, type DeliveryOutcome } from "./meili-worker";
import { UnknownFacetError } from "./meilisearch/filters";
import { latestOutboxId, outboxRowsAfter, pruneOutbox } from "./outbox";
import type { SearchEngine, SearchQuery } from "./types";

export { allDocuments, applyOutboxRows, reindexAll } from "./apply";
export type { FallbackReason, SearchAnswer } from "./fallback";

/** Default bound on one search of Meilisearch (MEILI_SEARCH_TIMEOUT_MS). */
export const DEFAULT_SEARCH_TIMEOUT_MS = 800;
/** Default time Meilisearch is skipped after a failed search before one search probes it again. */
export const DEFAULT_BREAKER_MS = 5_000;
/** How soon setting up the Meilisearch index is tried again after it failed (server down at start). */
const INIT_RETRY_MS = 2_000;

export interface SearchServiceOptions {
  pollMs: number;
  /** Log sink; the default is console.error for failures only. */
  log?: (message: string) => void;
  /** With a remote engine: the embedded engine kept alongside it. Default: a new EmbeddedEngine. */
  fallback?: SearchEngine;
  /** Bound on one remote search, connect and answer (ms). */
  searchTimeoutMs?: number;
  /** How long the remote engine is skipped after a failed search (ms). */
  breakerMs?: number;
}

export interface SearchHealth {
  /** "meilisearch" when configured, else "embedded". */
  primary: SearchEngine["name"];
  embedded: { ready: boolean; cursor: number };
  meili?: {
    indexReady: boolean;
    breaker: BreakerState;
    lastSearchOkAt: number | null;
    lastSearchFailure: { at: number; reason: string } | null;
    lastDelivery: DeliveryOutcome | null;
    lastInitError: string | null;
  };
}

export class SearchService {
  private cursor = 0;
  private timer: NodeJS.Timeout | undefined;
  private following = false;
  private delivering = false;
  private lastPrune = 0;
  private stopped = false;
  private localReady = false;
  /** The embedded engine: the engine itself, or the fallback kept beside a remote one. */
  readonly local: SearchEngine;
  private readonly remote: SearchEngine | undefined;
  private remoteReady = false;
  private remoteRetryAt = 0;
  private lastInitError: string | null = null;
  private lastDelivery: DeliveryOutcome | null = null;
  readonly breaker: CircuitBreaker;
  private readonly searchTimeoutMs: number;
  /** Resolves once the embedded index is built and the first attempt to set up the remote one ended. */
  ready: Promise<void>;

  constructor(
    private readonly db: Db,
    /** The configured engine: where searches go first. */
    readonly engine: SearchEngine,
    private readonly options: SearchServiceOptions,
  ) {
    this.remote = engine.name === "embedded" ? undefined : engine;
    this.local = this.remote ? (options.fallback ?? new EmbeddedEngine()) : engine;
    this.breaker = new CircuitBreaker(options.breakerMs ?? DEFAULT_BREAKER_MS);
    this.searchTimeoutMs = options.searchTimeoutMs ?? DEFAULT_SEARCH_TIMEOUT_MS;
    this.ready = this.start();
  }

  /** True while a round of following or delivering is under way (tests wait for it before stopping). */
  get ticking(): boolean {
    return this.following || this.delivering;
  }

  private async start(): Promise<void> {
    this.cursor = latestOutboxId(this.db);
    for (const docs of allDocuments(this.db)) if (docs.length) await this.local.upsert(docs);
    this.localReady = true;
    if (this.remote) await this.initRemote(Date.now());
    if (this.stopped) return;
    this.timer = setInterval(() => void this.tick(), this.options.pollMs);
    this.timer.unref();
  }

  /**
   * A fresh Meilisearch index is filled once (searches meanwhile go to the embedded engine, so nobody
   * sees it half-built); afterwards only the outbox feeds it. Never throws: retried from tick().
   */
  private async initRemote(now: number): Promise<void> {
    if (!this.remote || this.remoteReady || now < this.remoteRetryAt) return;
    try {
      if ((await this.remote.count()) === 0) await reindexAll(this.db, this.remote);
      this.remoteReady = true;
      this.lastInitError = null;
    } catch (error) {
      this.remoteRetryAt = Date.now() + INIT_RETRY_MS;
      this.lastInitError = message(error);
      this.log(`search: Meilisearch index not ready, searching the embedded index meanwhile: ${message(error)}`);
    }
  }

  /** One round of following the outbox. Public so tests can drive it without waiting. */
  async tick(): Promise<void> {
    await Promise.all([this.followLocal(), this.deliverRemote()]);
  }

  /** The embedded index follows by its own cursor, whatever Meilisearch is doing. */
  private async followLocal(): Promise<void> {
    if (this.following || !this.localReady) return;
    this.following = true;
    try {
      for (;;) {
        const rows = outboxRowsAfter(this.db, this.cursor);
        if (rows.length === 0) break;
        await applyOutboxRows(this.db, this.local, rows);
        this.cursor = rows[rows.length - 1].id;
      }
      const now = Date.now();
      if (now - this.lastPrune > 60_000) {
        this.lastPrune = now;
        await pruneOutbox(this.db, now, this.remote !== undefined);
      }
    } catch (error) {
      this.log(`search outbox: ${message(error)}`);
    } finally {
      this.following = false;
    }
  }

  private async deliverRemote(): Promise<void> {
    if (!this.remote || this.delivering) return;
    this.delivering = true;
    try {
      await this.initRemote(Date.now());
      if (!this.remoteReady) return;
      // Rounds until the backlog is through, so a returning server gets it at once, not 500 rows a tick.
      for (let round = 0; round < 20; round++) {
        const outcome = await deliverOutboxToMeili(this.db, this.remote, Date.now, (m) => this.log(m));
        if (!outcome) break;
        this.lastDelivery = outcome;
        if (outcome.error) break;
      }
    } catch (error) {
      this.log(`search outbox: ${message(error)}`);
    } finally {
      this.delivering = false;
    }
  }

  /** Meilisearch when configured and answering; otherwise the embedded index, saying why. */
  async search(query: SearchQuery): Promise<SearchAnswer> {
    await this.ready;
    if (!this.remote) return { ...(await this.local.search(query)), engine: "embedded" };
    let reason: FallbackReason;
    if (!this.remoteReady) reason = "not-ready";
    else if (!this.breaker.allow(Date.now())) reason = "circuit-open";
    else {
      try {
        const result = await withTimeout(this.remote.search(query), this.searchTimeoutMs);
        this.breaker.success(Date.now());
        return { ...result, engine: "meilisearch" };
      } catch (error) {
        if (error instanceof UnknownFacetError) {
          this.breaker.release();
          throw error;
        }
        reason = error instanceof SearchTimeoutError ? "timeout" : "error";
        this.breaker.failure(Date.now(), message(error));
        this.log(
          `search: Meilisearch failed (${reason}), answering from the embedded index for ${this.breaker.openMs} ms: ${message(error)}`,
        );
      }
    }
    return { ...(await this.local.search(query)), engine: "embedded", fallback: reason };
  }

  health(): SearchHealth {
    const embedded = { ready: this.localReady, cursor: this.cursor };
    if (!this.remote) return { primary: "embedded", embedded };
    return {
      primary: this.remote.name,
      embedded,
      meili: {
        indexReady: this.remoteReady,
        breaker: this.breaker.state(Date.now()),
        lastSearchOkAt: this.breaker.lastSuccessAt,
        lastSearchFailure: this.breaker.lastFailure,
        lastDelivery: this.lastDelivery,
        lastInitError: this.lastInitError,
      },
    };
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  private log(m: string) {
    (this.options.log ?? console.error)(m);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
