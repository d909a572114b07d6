// What happens to a booking after it is made: the mediator confirms or declines, either side cancels,
// the party reschedules. Each is one write transaction whose WHERE clause carries the ownership rule.
import { and, eq, inArray } from "drizzle-orm";
import { bookings } from "../../db/schema";
import { getDb } from "../db.server";
import type { User } from "./auth.server";
import { HOLDING, bookingTimeChanged, loadAvailability } from "./availability.server";
import type { Tx } from "../../db/client";
import { BookingError, createBooking, expireOverdue, getBooking } from "./bookings.server";
import type { BookingView } from "./booking-view";
import { notifyMediator, notifyUser } from "./notifications.server";

type Row = typeof bookings.$inferSelect;

/** Loads a booking the user may act on as `as`, or throws 404/403. */
function ownBooking(tx: Tx, user: User, id: number, as: "mediator" | "party" | "either"): Row {
  const row = tx.select().from(bookings).where(eq(bookings.id, id)).get();
  if (!row) throw new BookingError(404, "not_found", "Booking not found");
  const isMediator = user.role === "mediator" && user.mediatorId === row.mediatorId;
  const isParty = user.role === "party" && user.id === row.partyUserId;
  const allowed = as === "mediator" ? isMediator : as === "party" ? isParty : isMediator || isParty;
  if (!allowed) throw new BookingError(403, "forbidden", "This booking is not yours to change");
  return row;
}

function respond(user: User, id: number, decision: "confirmed" | "declined", reason?: string): BookingView {
  const db = getDb();
  const now = Date.now();
  expireOverdue(db, now);
  db.transaction(
    (tx) => {
      const row = ownBooking(tx, user, id, "mediator");
      if (row.status !== "pending") throw new BookingError(409, "invalid_state", `The booking is ${row.status}, not pending`);
      tx.update(bookings)
        .set({ status: decision, declineReason: reason ?? null, updatedAt: new Date(now) })
        .where(and(eq(bookings.id, id), eq(bookings.mediatorId, user.mediatorId ?? -1), eq(bookings.status, "pending")))
        .run();
      if (decision === "declined") bookingTimeChanged(tx, row, "released");
      notifyUser(tx, row.partyUserId, {
        subject: decision === "confirmed" ? `预约 #${id} 已确认` : `预约 #${id} 被婉拒`,
        body:
          decision === "confirmed"
            ? "调解员已确认您的预约。可在预约详情中下载日历文件（.ics）。"
            : `调解员婉拒了您的预约，理由：${reason}。您可以在预约详情中查看有空档的相似调解员。`,
        bookingId: id,
      });
    },
    { behavior: "immediate" },
  );
  return getBooking({ user, id });
}

export const confirmBooking = ({ user, id }: { user: User; id: number }) => respond(user, id, "confirmed");
export const declineBooking = ({ user, id, reason }: { user: User; id: number; reason: string }) => respond(user, id, "declined", reason);

export function cancelBooking({ user, id, reason }: { user: User; id: number; reason: string }): BookingView {
  const db = getDb();
  const now = Date.now();
  db.transaction(
    (tx) => {
      const row = ownBooking(tx, user, id, "either");
      if (!HOLDING.includes(row.status as (typeof HOLDING)[number]))
        throw new BookingError(409, "invalid_state", `The booking is already ${row.status}`);
      if (row.startAt <= now) throw new BookingError(409, "invalid_state", "A session that has started cannot be cancelled");
      const by = user.role === "mediator" ? "mediator" : "party";
      tx.update(bookings)
        .set({ status: "cancelled", cancelReason: reason, cancelledBy: by, updatedAt: new Date(now) })
        .where(and(eq(bookings.id, id), inArray(bookings.status, [...HOLDING])))
        .run();
      bookingTimeChanged(tx, row, "released");
      const msg = {
        subject: `预约 #${id} 已取消`,
        body: `${by === "party" ? "当事人" : "调解员"}取消了预约，理由：${reason}`,
        bookingId: id,
      };
      if (by === "party") notifyMediator(tx, row.mediatorId, msg);
      else notifyUser(tx, row.partyUserId, msg);
    },
    { behavior: "immediate" },
  );
  return getBooking({ user, id });
}

/**
 * Moves a booking to another free slot of the same mediator, allowed until the minimum notice before
 * the original start. The old booking is cancelled and the new one made in one transaction: either
 * both happen or neither.
 */
export function rescheduleBooking({
  user,
  id,
  start,
  mode,
  town,
}: {
  user: User;
  id: number;
  start: string;
  mode?: string;
  town?: string;
}): BookingView {
  const db = getDb();
  const now = Date.now();
  const row = db.transaction((tx) => ownBooking(tx, user, id, "party"));
  if (!HOLDING.includes(row.status as (typeof HOLDING)[number]))
    throw new BookingError(409, "invalid_state", `The booking is ${row.status}`);
  const notice = loadAvailability(db, row.mediatorId).rules.minNoticeHours * 3_600_000;
  if (row.startAt - notice < now)
    throw new BookingError(409, "too_late", "Too close to the session to reschedule; cancel instead or contact the centre");
  const kase = getBooking({ user, id });
  const newMode = (mode ?? row.mode) as typeof row.mode;
  return db.transaction(
    (tx) => {
      tx.update(bookings)
        .set({ status: "cancelled", cancelReason: "rescheduled", cancelledBy: "party", updatedAt: new Date(now) })
        .where(and(eq(bookings.id, id), inArray(bookings.status, [...HOLDING])))
        .run();
      bookingTimeChanged(tx, row, "released");
      const { booking } = createBooking({
        party: user,
        now,
        input: {
          mediatorId: row.mediatorId,
          start,
          mode: newMode,
          town: newMode === "onsite" ? ((town ?? row.town ?? undefined) as never) : undefined,
          category: kase.category as never,
          summary: kase.summary,
          counterpartyName: kase.counterpartyName ?? undefined,
        },
        reuseCase: row.caseId,
        rescheduledFromId: id,
        tx,
      });
      return booking;
    },
    { behavior: "immediate" },
  );
}
