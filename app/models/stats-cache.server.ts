// The centre's figures, remembered per query until any case changes (ADR 018). A year's figures cost
// ~150 ms of SQL on the event loop; they change only when a case does, and every change to a case,
// its parties, agreement, instalments, ratings or judicial confirmation writes its audit row in the
// same transaction (case-audit.server.ts; the demo-history generator writes those rows too). So the
// largest id of `case_events` is a version of everything the figures read: an answer is reused only
// while that version is unchanged, read in the same call, and cannot drift from the rows. (The
// figures also read mediators' kinds and towns' island flags, which nothing changes after seeding.)
// One cache per process and database, bounded (least recently used out first); `STATS_CACHE_ENTRIES=0`
// turns it off (the benchmark's cold baseline).
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { env } from "../env.server";
import { getDb } from "../db.server";
import { localMonth } from "./case-figures";
import { centreStats } from "./stats.server";
import type { CentreStats } from "./stats-types";

type Args = Parameters<typeof centreStats>[0];

interface Entry {
  version: number;
  value: CentreStats;
}

/** A bounded map whose oldest-used key goes first (a Map keeps insertion order; a hit re-inserts). */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
  get size(): number {
    return this.map.size;
  }
}

/** The data version the figures are read at: the last case change's audit id (0 with no cases). */
export const caseDataVersion = (db: Db): number => db.get<{ v: number | null }>(sql`select max(id) as v from case_events`)?.v ?? 0;

const caches = new WeakMap<Db, Lru<Entry>>();
let counts = { hits: 0, misses: 0 };

/** Hits and misses since the process started (or since `resetStatsCache`), for tests and the bench. */
export const statsCacheCounts = () => ({ ...counts });

/** Forgets every answer (tests). */
export function resetStatsCache(db: Db = getDb()): void {
  caches.delete(db);
  counts = { hits: 0, misses: 0 };
}

/**
 * `centreStats`, answered from the cache while no case changed since it was computed. The key is the
 * query and the centre's month at `now` (a month-grouped answer lists months up to now's); the role is
 * checked by `centreStats` before anything is cached, and here before anything is read from it. `max`:
 * the answers one process keeps (STATS_CACHE_ENTRIES, default 64: a dashboard's presets and groupings
 * are a few dozen).
 */
export function cachedCentreStats(args: Args, max = env().STATS_CACHE_ENTRIES): CentreStats {
  if (max <= 0 || (args.viewer.role !== "staff" && args.viewer.role !== "admin")) return centreStats(args);
  const db = getDb();
  // Read the version first: a change committed by another process after this read is then at worst
  // inside the answer cached under the older version, which the next call (newer version) replaces.
  const version = caseDataVersion(db);
  const key = JSON.stringify([args.from, args.to, args.groupBy ?? null, localMonth(args.now)]);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Lru<Entry>(max)));
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    counts.hits++;
    return hit.value;
  }
  counts.misses++;
  const value = deepFreeze(centreStats(args));
  cache.set(key, { version, value });
  return value;
}

/** Answers are shared between requests: frozen, so no caller can change another's copy. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
