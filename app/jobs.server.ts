// Background work every server process does on a short timer. Each job is idempotent and takes the
// write lock only when there is something to do, so several processes can run them side by side. The
// timer is the edge that reads the clock: every job is handed `now`.
import { writeTransaction } from "../db/client";
import { getDb } from "./db.server";
import { renderNotification } from "./i18n/notifications";
import { refreshNextAvailable, staleAvailability } from "./models/availability.server";
import { expireOverdue, hasOverdue } from "./models/booking-expiry.server";
import { remindConfirmedSessions } from "./models/booking-reminders.server";
import { casesToStart, startCases } from "./models/assignment-flow.server";
import { deliverPending, devProvider } from "./models/notifications.server";
import { pruneRateLimits } from "./models/rate-limit.server";
import { dueReminders, sendFulfilmentReminders } from "./models/case-reminders.server";
import { runWaitlist } from "./models/waitlist.server";
import { getSearchService } from "./search.server";

const g = globalThis as typeof globalThis & { __jobs?: NodeJS.Timeout };
/** Spent rate-limit counters are dropped once a minute (each distinct address and account leaves one). */
const PRUNE_EVERY_MS = 60_000;
let lastPrune = Number.NEGATIVE_INFINITY;

/**
 * One round: expire overdue requests, refresh next-free slots the clock overtook, send notifications,
 * and move the write-ahead log into the database file.
 */
export async function runJobsOnce(now: number): Promise<void> {
  const db = getDb();
  // Writes wait for another process's lock without stalling this process's requests.
  if (hasOverdue(db, now)) await writeTransaction(db, (tx) => expireOverdue(tx, now));
  // Cases filed without a booking ask their first pick (or the fallback) here; read again under the lock.
  if (casesToStart(db, now).length) await writeTransaction(db, (tx) => startCases(tx, now));
  // Read again under the lock: another process may have refreshed them meanwhile.
  if (staleAvailability(db, now).length) await writeTransaction(db, (tx) => refreshNextAvailable(tx, staleAvailability(tx, now), now));
  if (dueReminders(db, now).length) await writeTransaction(db, (tx) => sendFulfilmentReminders(tx, now));
  await runWaitlist(db, now); // a free time opened in a party's waitlist range: tell them once (ADR 030)
  await remindConfirmedSessions(db, now); // the day before and two hours before a confirmed session
  await deliverPending({ db, provider: devProvider, render: renderNotification, now });
  if (now - lastPrune >= PRUNE_EVERY_MS) {
    lastPrune = now;
    await writeTransaction(db, (tx) => pruneRateLimits(tx, now));
  }
  checkpoint(db);
}

/**
 * Server processes checkpoint here rather than in whichever request's COMMIT crosses SQLite's
 * 1,000-page mark: the index pages every booking touches were copied into the database file again and
 * again (in-process createBooking 4,400/s with auto-checkpoints, 6,700/s without). PASSIVE never waits
 * for readers or writers; several processes may run it side by side.
 */
function checkpoint(db: ReturnType<typeof getDb>): void {
  db.$client.pragma("wal_checkpoint(PASSIVE)");
}

export function startBackgroundJobs(intervalMs = 500): void {
  if (g.__jobs) return;
  const connection = getDb().$client;
  connection.pragma("wal_autocheckpoint = 0");
  // After a checkpoint lets the log restart, keep its file from staying at its busiest size.
  connection.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  getSearchService(); // the index follows the outbox from the first request on
  let running = false;
  g.__jobs = setInterval(() => {
    if (running) return;
    running = true;
    runJobsOnce(Date.now())
      .catch((error) => console.error(`background jobs: ${String(error)}`))
      .finally(() => (running = false));
  }, intervalMs);
  g.__jobs.unref();
}
