// Requests nobody answered in time. Reads already show them as expired (booking-rules
// effectiveStatus); this writes it down, releases their time and tells both sides. The background job
// and every new booking (under its write lock, before it looks for a free slot) run it. An unanswered
// move of a confirmed session expires alone: the session it would have moved stands (ADR 029).
import { and, eq, lte, sql } from "drizzle-orm";
import { preparedQueries, type Db, type Tx } from "../../db/client";
import { bookings } from "../../db/schema";
import { bookingAnswered } from "./assignment-flow.server";
import { bookingTimeChanged } from "./availability.server";
import { caseNumberOf } from "./cases.server";
import { notifyMediator, notifyUser } from "./notifications.server";

const ph = sql.placeholder;
const q = preparedQueries((db) => ({
  overdue: db
    .select()
    .from(bookings)
    .where(and(eq(bookings.status, "pending"), lte(bookings.respondBy, ph("now"))))
    .prepare(),
}));

/** Are there pending requests past their response window? A read: no lock taken. */
export function hasOverdue(db: Db | Tx, now: number): boolean {
  return q(db).overdue.all({ now }).length > 0;
}

/** Inside a write transaction: overdue requests expire and release their time. Idempotent. */
export function expireOverdue(tx: Db | Tx, now: number): number {
  const overdue = q(tx).overdue.all({ now });
  let expired = 0;
  for (const b of overdue) {
    const res = tx
      .update(bookings)
      .set({ status: "expired", updatedAt: new Date(now) })
      .where(and(eq(bookings.id, b.id), eq(bookings.status, "pending")))
      .run();
    if (res.changes === 0) continue;
    expired++;
    const message = {
      template: "booking.expired" as const,
      params: { bookingId: b.id, start: b.startAt, number: caseNumberOf(tx, b.caseId) },
      bookingId: b.id,
      at: now,
    };
    // An unanswered move of a confirmed session: the session stands, and the party is told so.
    const origin =
      b.rescheduledFromId === null
        ? undefined
        : tx
            .select({ startAt: bookings.startAt })
            .from(bookings)
            .where(and(eq(bookings.id, b.rescheduledFromId), eq(bookings.status, "confirmed")))
            .get();
    notifyUser(
      tx,
      b.partyUserId,
      origin
        ? {
            template: "booking.change-declined",
            params: { ...message.params, fromStart: origin.startAt, expired: 1 },
            bookingId: b.rescheduledFromId!,
            at: now,
          }
        : message,
    );
    notifyMediator(tx, b.mediatorId, message);
    bookingTimeChanged(tx, b, "released");
    // An unanswered ask expires with its request, and the next pick or the fallback is asked.
    bookingAnswered(tx, b, "expired", now);
  }
  return expired;
}
