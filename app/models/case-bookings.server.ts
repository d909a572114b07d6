// A case's held sessions (pending or confirmed bookings) are given up when the case no longer needs
// them: both sides chose another mediator, the respondent refused, or the case closed before a booked
// session (an agreement reached at the window, a withdrawal). The time is released for others and the
// mediator and the party are told why. Sessions that already began stay as they are: they happened.
import { and, eq, gt, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { bookings, cases } from "../../db/schema";
import { bookingTimeChanged } from "./availability.server";
import { HOLDING } from "./booking-rules";
import { notifyMediator, notifyUser } from "./notifications.server";

type CaseRow = typeof cases.$inferSelect;

export interface ReleaseWhy {
  zh: string;
  en: string;
}

/**
 * Cancels the case's held bookings, except those with `keepMediatorId`; with `onlyAfter`, only those
 * starting after that instant. Runs inside the caller's write transaction.
 */
export function releaseCaseBookings(
  tx: Db | Tx,
  c: Pick<CaseRow, "id" | "number">,
  opts: { keepMediatorId?: number | null; onlyAfter?: number },
  why: ReleaseWhy,
  now: number,
): number {
  const conditions = [eq(bookings.caseId, c.id), inArray(bookings.status, [...HOLDING])];
  if (opts.onlyAfter !== undefined) conditions.push(gt(bookings.startAt, opts.onlyAfter));
  const held = tx
    .select()
    .from(bookings)
    .where(and(...conditions))
    .all()
    .filter((b) => opts.keepMediatorId == null || b.mediatorId !== opts.keepMediatorId);
  let released = 0;
  for (const b of held) {
    const res = tx
      .update(bookings)
      .set({ status: "cancelled", cancelReason: why.en, cancelledBy: "staff", updatedAt: new Date(now) })
      .where(and(eq(bookings.id, b.id), inArray(bookings.status, [...HOLDING])))
      .run();
    if (res.changes !== 1) continue;
    released++;
    bookingTimeChanged(tx, b, "released");
    const message = {
      template: "case.booking-released" as const,
      params: { bookingId: b.id, number: c.number, reasonZh: why.zh, reasonEn: why.en },
      bookingId: b.id,
      at: now,
    };
    notifyMediator(tx, b.mediatorId, message);
    notifyUser(tx, b.partyUserId, message);
  }
  return released;
}

/** Why a closed case gives up its later sessions. */
export const CASE_CLOSED: ReleaseWhy = { zh: "本案已结案", en: "the case is closed" };
