// Searching a remote engine without letting it hold a request: a bound on every search, and a circuit
// breaker so that a stopped or stalled server costs the bound once, not on every request.
import type { SearchResult } from "./types";

/** Why a search was answered by the embedded engine instead of Meilisearch. */
export type FallbackReason =
  /** Meilisearch did not answer within the bound. */
  | "timeout"
  /** Meilisearch answered with an error, or could not be reached. */
  | "error"
  /** A recent failure: Meilisearch is skipped until the breaker lets a probe through. */
  | "circuit-open"
  /** This process has not yet set the index up (server unreachable at start, or first fill running). */
  | "not-ready";

export interface SearchAnswer extends SearchResult {
  /** The engine that answered. */
  engine: "embedded" | "meilisearch";
  /** Set when Meilisearch is configured but the embedded engine answered. */
  fallback?: FallbackReason;
}

export class SearchTimeoutError extends Error {
  override name = "SearchTimeoutError";
}

/** `promise`, or a SearchTimeoutError after `ms`. The timer never keeps the process alive. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SearchTimeoutError(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  // The abandoned search still settles later (its own request timeout bounds it): swallow that.
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export type BreakerState = "closed" | "open" | "half-open";

/**
 * Closed: every search goes to Meilisearch. After a failure, open for `openMs`: none does. Then
 * half-open: one search probes (the others still fall back); its success closes the breaker, its
 * failure opens it again. Time is an argument, so tests need no clock.
 */
export class CircuitBreaker {
  #openedAt: number | null = null;
  #probing = false;
  lastFailure: { at: number; reason: string } | null = null;
  lastSuccessAt: number | null = null;

  constructor(readonly openMs: number) {}

  state(now: number): BreakerState {
    if (this.#openedAt === null) return "closed";
    return now - this.#openedAt < this.openMs || this.#probing ? "open" : "half-open";
  }

  /** May this search go to Meilisearch? In half-open state the first caller becomes the probe. */
  allow(now: number): boolean {
    const state = this.state(now);
    if (state === "closed") return true;
    if (state === "open") return false;
    this.#probing = true;
    return true;
  }

  /** A search that never reached the server (bad input): it proves nothing either way. */
  release(): void {
    this.#probing = false;
  }

  success(now: number): void {
    this.#openedAt = null;
    this.#probing = false;
    this.lastSuccessAt = now;
  }

  failure(now: number, reason: string): void {
    this.#openedAt = now;
    this.#probing = false;
    this.lastFailure = { at: now, reason };
  }
}
