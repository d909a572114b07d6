// Fixed-window counters in SQLite, so every server process sees the same counts. An attempt is counted
// *before* the work it guards (an argon2 verify, an account insert), in one statement that increments
// and returns the count: concurrent attempts cannot all see "under the limit" and all go through.
// Callers run these inside `writeTransaction` (the one write primitive of request paths).
import { eq, sql } from "drizzle-orm";
import { rateLimits } from "../../db/schema";
import type { Db, Tx } from "../../db/client";

export interface Limit {
  max: number;
  windowMs: number;
}

/**
 * Counts one attempt for `key` and says whether it is within the limit: `retryAfter` is 0 when it is,
 * otherwise the seconds until the window ends. Attempts past the limit are counted too (they change
 * nothing: the window does not move).
 */
export function consume(db: Db | Tx, key: string, limit: Limit, now: number): { count: number; retryAfter: number } {
  const expired = sql`${now} - ${rateLimits.windowStart} >= ${limit.windowMs}`;
  const row = db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then ${now} else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart })
    .get();
  const retryAfter = row.count > limit.max ? Math.max(1, Math.ceil((row.windowStart + limit.windowMs - now) / 1000)) : 0;
  return { count: row.count, retryAfter };
}

/** Takes back one counted attempt (a login that succeeded is not a failure of its address). */
export function refund(db: Db | Tx, key: string): void {
  db.update(rateLimits)
    .set({ count: sql`max(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key))
    .run();
}

export function reset(db: Db | Tx, key: string): void {
  db.delete(rateLimits).where(eq(rateLimits.key, key)).run();
}

/** Counters whose window ended: nothing reads them again. The longest window is an hour. */
export function pruneRateLimits(tx: Db | Tx, now: number, olderThanMs = 2 * 3_600_000): number {
  return tx
    .delete(rateLimits)
    .where(sql`${rateLimits.windowStart} < ${now - olderThanMs}`)
    .run().changes;
}
