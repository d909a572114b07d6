// Writing to and reading from the search outbox. `recordSearchChange` must be called inside the
// transaction that changes the indexed rows, so the outbox row commits or rolls back with the change.
import { and, asc, gt, inArray, isNull, sql, lt, isNotNull } from "drizzle-orm";
import { writeTransaction, type Db } from "../db/client";
import { searchOutbox } from "../db/schema";

export type OutboxEntity = "mediator" | "committee";
export type OutboxRow = typeof searchOutbox.$inferSelect;

/** Accepts the db or a transaction handle (drizzle's tx has the same insert API). */
export function recordSearchChange(tx: Pick<Db, "insert">, entity: OutboxEntity, ids: number[]): void {
  // In chunks: one statement for 100k rows would pass SQLite's limit on bound parameters.
  for (let i = 0; i < ids.length; i += 1000)
    tx.insert(searchOutbox)
      .values(ids.slice(i, i + 1000).map((entityId) => ({ entity, entityId })))
      .run();
}

export function latestOutboxId(db: Db): number {
  const row = db
    .select({ id: sql<number>`coalesce(max(${searchOutbox.id}), 0)` })
    .from(searchOutbox)
    .get();
  return row?.id ?? 0;
}

/** Rows after a process's own cursor: how every embedded index follows the database. */
export function outboxRowsAfter(db: Db, cursor: number, limit = 1000): OutboxRow[] {
  return db.select().from(searchOutbox).where(gt(searchOutbox.id, cursor)).orderBy(asc(searchOutbox.id)).limit(limit).all();
}

const LEASE_MS = 30_000;

/**
 * Claims undelivered rows for the Meilisearch worker, oldest first, in one write transaction that
 * pushes their next attempt past a lease, so another process's worker does not deliver the same rows
 * meanwhile. Head of line: only the unbroken run of due rows from the oldest undelivered one is taken,
 * so a row waiting for its back-off (or leased by another process) holds back every later row, and
 * Meilisearch receives the changes in the order they were made.
 */
export function claimMeiliRows(db: Db, now: number, limit = 500): Promise<OutboxRow[]> {
  return writeTransaction(db, (tx) => {
    const pending = tx
      .select()
      .from(searchOutbox)
      .where(isNull(searchOutbox.meiliDeliveredAt))
      .orderBy(asc(searchOutbox.id))
      .limit(limit)
      .all();
    const due = (r: OutboxRow) => r.meiliNextAttemptAt === null || r.meiliNextAttemptAt.getTime() <= now;
    const firstWaiting = pending.findIndex((r) => !due(r));
    const rows = firstWaiting === -1 ? pending : pending.slice(0, firstWaiting);
    if (rows.length) {
      tx.update(searchOutbox)
        .set({ meiliNextAttemptAt: new Date(now + LEASE_MS) })
        .where(
          inArray(
            searchOutbox.id,
            rows.map((r) => r.id),
          ),
        )
        .run();
    }
    return rows;
  });
}

export async function markMeiliDelivered(db: Db, ids: number[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await writeTransaction(db, (tx) =>
    tx.run(sql`update search_outbox set meili_delivered_at = ${now}, meili_last_error = null, meili_next_attempt_at = null
             where id in (${sql.join(
               ids.map((i) => sql`${i}`),
               sql`, `,
             )})`),
  );
}

/** The longest back-off of a row whose delivery failed. */
export const MAX_BACKOFF_MS = 300_000;

/**
 * Failed rows come back after an exponential back-off (1 s, 2 s, 4 s … at most `maxBackoffMs`, by
 * default 5 min). The worker caps it lower when the server was unreachable, so a returning server
 * gets the backlog within seconds, while a task Meilisearch rejected is not hammered.
 */
export async function markMeiliFailed(db: Db, ids: number[], now: number, error: string, maxBackoffMs = MAX_BACKOFF_MS): Promise<void> {
  if (ids.length === 0) return;
  await writeTransaction(db, (tx) =>
    tx.run(sql`update search_outbox
             set meili_attempts = meili_attempts + 1,
                 meili_last_error = ${error.slice(0, 500)},
                 meili_next_attempt_at = ${now} + min(${maxBackoffMs}, 1000 * (1 << min(meili_attempts, 9)))
             where id in (${sql.join(
               ids.map((i) => sql`${i}`),
               sql`, `,
             )})`),
  );
}

export interface OutboxBacklog {
  /** Rows not yet delivered to Meilisearch. */
  undelivered: number;
  /** Of those, rows whose last delivery failed. */
  failing: number;
  /** The oldest undelivered rows, oldest first (at most `limit`). */
  rows: OutboxRow[];
}

/** What the staff's search page shows: the rows Meilisearch has not received yet, oldest first. */
export function meiliBacklog(db: Db, limit = 100): OutboxBacklog {
  const counts = db
    .select({
      undelivered: sql<number>`count(*)`,
      failing: sql<number>`coalesce(sum(${searchOutbox.meiliAttempts} > 0), 0)`,
    })
    .from(searchOutbox)
    .where(isNull(searchOutbox.meiliDeliveredAt))
    .get();
  const rows = db.select().from(searchOutbox).where(isNull(searchOutbox.meiliDeliveredAt)).orderBy(asc(searchOutbox.id)).limit(limit).all();
  return { undelivered: counts?.undelivered ?? 0, failing: counts?.failing ?? 0, rows };
}

/**
 * Old rows are kept for an hour so a slow process can still catch up; with Meilisearch only once
 * delivered. A process that starts later builds its index from the tables, not from the outbox.
 */
export async function pruneOutbox(db: Db, now: number, meili: boolean): Promise<number> {
  const cutoff = new Date(now - 3_600_000);
  const res = await writeTransaction(db, (tx) =>
    tx
      .delete(searchOutbox)
      .where(meili ? and(lt(searchOutbox.createdAt, cutoff), isNotNull(searchOutbox.meiliDeliveredAt)) : lt(searchOutbox.createdAt, cutoff))
      .run(),
  );
  return res.changes;
}
