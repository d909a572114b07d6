// Background work every server process does on a short timer. Each job is idempotent and takes the
// write lock only when there is something to do, so several processes can run them side by side.
import { writeTransaction } from "../db/client";
import { getDb } from "./db.server";
import { refreshNextAvailable, staleAvailability } from "./models/availability.server";
import { expireOverdue, hasOverdue } from "./models/bookings.server";
import { deliverPending, devProvider } from "./models/notifications.server";
import { getSearchService } from "./search.server";

const g = globalThis as typeof globalThis & { __jobs?: NodeJS.Timeout };

/** One round: expire overdue requests, refresh next-free slots the clock overtook, send notifications. */
export async function runJobsOnce(now = Date.now()): Promise<void> {
  const db = getDb();
  // Writes wait for another process's lock without stalling this process's requests.
  if (hasOverdue(db, now)) await writeTransaction(db, (tx) => expireOverdue(tx, now));
  const stale = staleAvailability(db, now);
  if (stale.length) await writeTransaction(db, (tx) => refreshNextAvailable(tx, stale, now));
  await deliverPending(db, devProvider);
}

export function startBackgroundJobs(intervalMs = 500): void {
  if (g.__jobs) return;
  getSearchService(); // the index follows the outbox from the first request on
  let running = false;
  g.__jobs = setInterval(() => {
    if (running) return;
    running = true;
    runJobsOnce()
      .catch((error) => console.error(`background jobs: ${String(error)}`))
      .finally(() => (running = false));
  }, intervalMs);
  g.__jobs.unref();
}
