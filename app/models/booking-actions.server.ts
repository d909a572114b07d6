// What happens to a booking after it is made: the mediator confirms or declines, either side cancels,
// the party reschedules. Each is ONE write transaction that reads the booking as this viewer may see
// it, judges the step by the rules of booking-rules.ts, and updates only if the row is still in the
// state it was judged in (the row count is checked), so a step that another process took meanwhile
// can never be overwritten. Centre staff may confirm or decline for the mediator (issue 9): the row
// then records who acted, and the party is told "confirmed by staff X for mediator Y".
import { and, eq, inArray } from "drizzle-orm";
import { writeTransaction, type Db } from "../../db/client";
import { bookings } from "../../db/schema";
import { getDb } from "../db.server";
import type { User } from "./auth.server";
import { CENTRE_TIMEZONE } from "../../domain";
import { localDateInZone } from "../../domain/zone";
import { bookingTimeChanged, loadAvailability, mediatorSlots } from "./availability.server";
import { bookingAnswered } from "./assignment-flow.server";
import { placeBooking } from "./booking-create.server";
import { assertAllowed, HOLDING, type BookingEvent } from "./booking-rules";
import type { BookingView } from "./booking-view";
import { readBooking, viewerOf, visibleTo } from "./bookings.server";
import { caseNumberOf } from "./cases.server";
import { DomainError } from "./errors";
import { notifyMediator, notifyUser } from "./notifications.server";

type Row = typeof bookings.$inferSelect;

/**
 * The booking row if this user may see it (else `not_found`), after checking that `event` is allowed
 * for them now (else `forbidden`, `illegal_transition` or `too_late`). Runs inside the transaction.
 */
function judgedRow(tx: Db, user: User, id: number, event: BookingEvent, now: number): Row {
  if (!readBooking(tx, user, id, now)) throw new DomainError("not_found", "Booking not found");
  const row = tx.select().from(bookings).where(eq(bookings.id, id)).get()!;
  const minNoticeHours = loadAvailability(tx, row.mediatorId).rules.minNoticeHours;
  assertAllowed(event, row, viewerOf(user, row), { now, minNoticeHours });
  return row;
}

/** A conditional update that found no row in the judged state: someone else changed it meanwhile. */
function changedMeanwhile(): never {
  throw new DomainError("illegal_transition", "The booking changed meanwhile; reload it");
}

type Step = { user: User; id: number; now: number };

/**
 * A time proposed instead of a declined one must be a free slot of the same mediator, in the booking's
 * mode (and town, on site), as of now: judged in the decline's own transaction.
 */
function assertProposable(tx: Db, row: Row, start: number, now: number): void {
  const date = Number.isFinite(start) ? localDateInZone(start, CENTRE_TIMEZONE) : null;
  const slot = date
    ? mediatorSlots(tx, row.mediatorId, { from: date, to: date, mode: row.mode, now }).find((s) => s.start === start)
    : null;
  if (!slot || start === row.startAt || (row.mode === "onsite" && !slot.towns.includes(row.town ?? "")))
    throw new DomainError("not_available", "The proposed time is not a free slot of this mediator", {
      field: "start",
      reason: "not_a_slot",
    });
}

async function respond(
  { user, id, now }: Step,
  decision: "confirmed" | "declined",
  reason?: string,
  proposedStart?: number,
): Promise<BookingView> {
  const db = getDb();
  return writeTransaction(db, (tx) => {
    const row = judgedRow(tx, user, id, decision === "confirmed" ? "confirm" : "decline", now);
    const byStaff = viewerOf(user, row) === "staff";
    if (proposedStart !== undefined) assertProposable(tx, row, proposedStart, now);
    const res = tx
      .update(bookings)
      .set({
        status: decision,
        declineReason: reason ?? null,
        proposedStartAt: proposedStart ?? null,
        actedByUserId: byStaff ? user.id : null,
        updatedAt: new Date(now),
      })
      // The visibility rule again in the update: the row changes only for someone who may see it.
      .where(and(eq(bookings.id, id), eq(bookings.status, "pending"), visibleTo(user)))
      .run();
    if (res.changes !== 1) changedMeanwhile();
    if (decision === "declined") bookingTimeChanged(tx, row, "released");
    // The case's attempt follows the answer; a decline asks the next pick or the fallback at once.
    bookingAnswered(tx, row, decision === "confirmed" ? "accepted" : "declined", now);
    const view = readBooking(tx, user, id, now)!;
    const params = {
      bookingId: id,
      start: row.startAt,
      reason: reason ?? null,
      proposedStart: proposedStart ?? null,
      number: caseNumberOf(tx, row.caseId),
    };
    if (!byStaff) {
      notifyUser(tx, row.partyUserId, {
        template: decision === "confirmed" ? "booking.confirmed" : "booking.declined",
        params,
        bookingId: id,
        at: now,
      });
      return view;
    }
    // Names as stored; the template says "staff X for mediator Y" in the recipient's language.
    const message = {
      template: decision === "confirmed" ? ("booking.confirmed-for" as const) : ("booking.declined-for" as const),
      params: { ...params, staffName: user.name, mediatorName: view.mediatorName },
      bookingId: id,
      at: now,
    };
    notifyUser(tx, row.partyUserId, message);
    // The mediator (or, without an account, the desk) learns what was answered in their name.
    notifyMediator(tx, row.mediatorId, message);
    return view;
  });
}

export const confirmBooking = (step: Step) => respond(step, "confirmed");
/** Declines with a reason and, if given, another free time of the same mediator proposed instead (ISO). */
export const declineBooking = ({ reason, proposedStart, ...step }: Step & { reason: string; proposedStart?: string }) =>
  respond(step, "declined", reason, proposedStart === undefined ? undefined : Date.parse(proposedStart));

export async function cancelBooking({ user, id, reason, now }: Step & { reason: string }): Promise<BookingView> {
  return writeTransaction(getDb(), (tx) => {
    const row = judgedRow(tx, user, id, "cancel", now);
    const by = viewerOf(user, row) === "mediator" ? "mediator" : "party";
    const res = tx
      .update(bookings)
      .set({ status: "cancelled", cancelReason: reason, cancelledBy: by, updatedAt: new Date(now) })
      .where(and(eq(bookings.id, id), inArray(bookings.status, [...HOLDING])))
      .run();
    if (res.changes !== 1) changedMeanwhile();
    bookingTimeChanged(tx, row, "released");
    // An ask whose request is cancelled ends there (nobody else is asked for the party).
    bookingAnswered(tx, row, "superseded", now);
    const message = {
      template: "booking.cancelled" as const,
      params: { bookingId: id, start: row.startAt, reason, by, number: caseNumberOf(tx, row.caseId) },
      bookingId: id,
      at: now,
    };
    if (by === "party") notifyMediator(tx, row.mediatorId, message);
    else notifyUser(tx, row.partyUserId, message);
    return readBooking(tx, user, id, now)!;
  });
}

/**
 * Moves a booking to another free slot of the same mediator, allowed until the minimum notice before
 * the original start. The old booking is cancelled and the new one made in the same transaction as
 * the checks: either both happen or neither, and a decline committed by another process first makes
 * this an `illegal_transition` with nothing changed.
 */
export async function rescheduleBooking({
  user,
  id,
  start,
  mode,
  town,
  now,
}: Step & { start: string; mode?: Row["mode"]; town?: string }): Promise<BookingView> {
  return writeTransaction(getDb(), (tx) => {
    const row = judgedRow(tx, user, id, "reschedule", now);
    const kase = readBooking(tx, user, id, now)!;
    const res = tx
      .update(bookings)
      .set({ status: "cancelled", cancelReason: "rescheduled", cancelledBy: "party", updatedAt: new Date(now) })
      .where(and(eq(bookings.id, id), inArray(bookings.status, [...HOLDING])))
      .run();
    if (res.changes !== 1) changedMeanwhile();
    bookingTimeChanged(tx, row, "released");
    const newMode = mode ?? row.mode;
    const { booking } = placeBooking(
      tx,
      user,
      {
        mediatorId: row.mediatorId,
        start,
        mode: newMode,
        town: newMode === "onsite" ? ((town ?? row.town ?? undefined) as never) : undefined,
        category: kase.category as never,
        summary: kase.summary,
        counterpartyName: kase.counterpartyName ?? undefined,
      },
      now,
      { reuseCase: row.caseId, rescheduledFromId: id },
    );
    return booking;
  });
}
