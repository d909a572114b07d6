// Who takes a committee order: the centre rotates among the members free at that time. A module of
// its own because assignment grows (fallback, explained suggestions) and must explain itself.
import { and, count, gte, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { bookings } from "../../db/schema";
import { HOLDING } from "./booking-rules";

const DAY = 86_400_000;

/** Fair rotation: fewest sessions held in the last 30 days, then least recently assigned, then id. */
export function pickFairly(tx: Db | Tx, candidates: number[], now: number): number {
  const since = now - 30 * DAY;
  const load = new Map(
    tx
      .select({ id: bookings.mediatorId, n: count(), last: sql<number>`max(${bookings.createdAt})` })
      .from(bookings)
      .where(and(inArray(bookings.mediatorId, candidates), inArray(bookings.status, [...HOLDING]), gte(bookings.startAt, since)))
      .groupBy(bookings.mediatorId)
      .all()
      .map((r) => [r.id, r]),
  );
  return [...candidates].sort((a, b) => {
    const la = load.get(a);
    const lb = load.get(b);
    return (la?.n ?? 0) - (lb?.n ?? 0) || (la?.last ?? 0) - (lb?.last ?? 0) || a - b;
  })[0];
}
