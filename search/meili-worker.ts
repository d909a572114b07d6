// One round of the Meilisearch outbox worker: claim the due head of the outbox, deliver it, and record
// the outcome on the rows. Never called from a request: bookings and outcomes only write outbox rows.
import type { Db } from "../db/client";
import { claimMeiliRows, markMeiliDelivered, markMeiliFailed, MAX_BACKOFF_MS } from "./outbox";
import { applyOutboxRows } from "./apply";
import type { SearchEngine } from "./types";

/**
 * Back-off cap when the server could not be reached at all: it costs nothing to try again, and a
 * server that comes back should get the backlog within seconds, not after a five-minute back-off.
 */
export const UNREACHABLE_BACKOFF_MS = 5_000;

export interface DeliveryOutcome {
  delivered: number;
  /** Set when the claimed rows failed; their rows carry the same message. */
  error?: string;
  at: number;
}

/**
 * Meilisearch refused the work (a failed task, an API error): it has a code. Without one the request
 * never got an answer (refused, reset, timed out).
 */
function refusedByServer(error: unknown): boolean {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string";
}

export async function deliverOutboxToMeili(
  db: Db,
  engine: SearchEngine,
  clock: () => number,
  log: (message: string) => void,
): Promise<DeliveryOutcome | null> {
  const rows = await claimMeiliRows(db, clock());
  if (rows.length === 0) return null;
  const ids = rows.map((r) => r.id);
  try {
    await applyOutboxRows(db, engine, rows);
    const at = clock();
    await markMeiliDelivered(db, ids, at);
    return { delivered: rows.length, at };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = clock();
    await markMeiliFailed(db, ids, at, message, refusedByServer(error) ? MAX_BACKOFF_MS : UNREACHABLE_BACKOFF_MS);
    // The message names the operation, index and server's reason; keys travel in headers, never here.
    log(`search outbox: delivering rows ${ids[0]}–${ids[ids.length - 1]} to Meilisearch failed, will retry: ${message}`);
    return { delivered: 0, error: message, at };
  }
}
