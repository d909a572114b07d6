// Fixed-window counters in SQLite, so every server process sees the same counts.
import { eq, sql } from "drizzle-orm";
import { rateLimits } from "../../db/schema";
import type { Db } from "../../db/client";

export interface Limit {
  max: number;
  windowMs: number;
}

/** Seconds until `key` may try again, or 0 when it is under its limit. Does not count. */
export function retryAfter(db: Db, key: string, limit: Limit, now: number): number {
  const row = db.select().from(rateLimits).where(eq(rateLimits.key, key)).get();
  if (!row || now - row.windowStart >= limit.windowMs || row.count < limit.max) return 0;
  return Math.ceil((row.windowStart + limit.windowMs - now) / 1000);
}

export function hit(db: Db, key: string, limit: Limit, now: number): void {
  db.insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${now} - ${rateLimits.windowStart} >= ${limit.windowMs} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${now} - ${rateLimits.windowStart} >= ${limit.windowMs} then ${now} else ${rateLimits.windowStart} end`,
      },
    })
    .run();
}

export function reset(db: Db, key: string): void {
  db.delete(rateLimits).where(eq(rateLimits.key, key)).run();
}
