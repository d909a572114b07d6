// What happens to a booking after it is made: the mediator confirms or declines, either side cancels,
// the party reschedules (a confirmed session keeps its time until the move is confirmed, ADR 029), the
// mediator proposes another time for a confirmed session and the party accepts or refuses it. Each is ONE write transaction that reads the booking as this viewer may see
// it, judges the step by the rules of booking-rules.ts, and updates only if the row is still in the
// state it was judged in (the row count is checked), so a step that another process took meanwhile
// can never be overwritten. Centre staff may confirm or decline for the mediator (issue 9): the row
// then records who acted, and the party is told "confirmed by staff X for mediator Y".
import { and, desc, eq, gt, inArray, isNotNull } from "drizzle-orm";
import { writeTransaction, type Db } from "../../db/client";
import { bookings } from "../../db/schema";
import { getDb } from "../db.server";
import type { User } from "./auth.server";
import { CENTRE_TIMEZONE } from "../../domain";
import { localDateInZone } from "../../domain/zone";
import { bookingTimeChanged, loadAvailability, mediatorSlots } from "./availability.server";
import { bookingAnswered } from "./assignment-flow.server";
import { placeBooking } from "./booking-create.server";
import { assertAllowed, HOLDING, rescheduleEffect, type BookingEvent } from "./booking-rules";
import { iso, type BookingView } from "./booking-view";
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
  assertAllowed(event, { ...row, openChange: openChangeOf(tx, id, now) !== null }, viewerOf(user, row), { now, minNoticeHours });
  return row;
}

/** The pending move of a session, still answerable as of now. */
function openChangeOf(tx: Db, id: number, now: number): Row | null {
  return (
    tx
      .select()
      .from(bookings)
      .where(and(eq(bookings.rescheduledFromId, id), eq(bookings.status, "pending"), gt(bookings.respondBy, now)))
      .orderBy(desc(bookings.id))
      .get() ?? null
  );
}

/** The confirmed session this pending request would move (null when it moves nothing that stands). */
function originOf(tx: Db, row: Row): Row | null {
  if (row.rescheduledFromId === null) return null;
  return (
    tx
      .select()
      .from(bookings)
      .where(and(eq(bookings.id, row.rescheduledFromId), eq(bookings.status, "confirmed")))
      .get() ?? null
  );
}

/** The moved session gives up its time: recorded as rescheduled, by whoever asked for the move. */
function releaseOrigin(tx: Db, origin: Row, by: "party" | "mediator", now: number): void {
  const res = tx
    .update(bookings)
    .set({ status: "cancelled", cancelReason: "rescheduled", cancelledBy: by, proposedStartAt: null, updatedAt: new Date(now) })
    .where(and(eq(bookings.id, origin.id), eq(bookings.status, "confirmed")))
    .run();
  if (res.changes !== 1) changedMeanwhile();
  bookingTimeChanged(tx, origin, "released");
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
    const origin = originOf(tx, row);
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
    if (origin) {
      // A move of a confirmed session: confirmed, the old time is released; declined, the old one stands.
      if (decision === "confirmed") releaseOrigin(tx, origin, "party", now);
      notifyUser(tx, row.partyUserId, {
        template: decision === "confirmed" ? "booking.change-confirmed" : "booking.change-declined",
        params: {
          bookingId: id,
          start: row.startAt,
          fromStart: origin.startAt,
          reason: reason ?? null,
          number: caseNumberOf(tx, row.caseId),
        },
        bookingId: decision === "confirmed" ? id : origin.id,
        at: now,
      });
      return readBooking(tx, user, id, now)!;
    }
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
    // A session cancelled while its move waits takes the move with it.
    const move = openChangeOf(tx, id, now);
    if (move) {
      tx.update(bookings)
        .set({ status: "cancelled", cancelReason: reason, cancelledBy: by, updatedAt: new Date(now) })
        .where(and(eq(bookings.id, move.id), eq(bookings.status, "pending")))
        .run();
      bookingTimeChanged(tx, move, "released");
    }
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
 * the original start. A confirmed session keeps its time: the move is a new request, and the session
 * is released only when the mediator confirms it (a decline, or no answer, leaves it standing). A
 * request not yet answered is replaced at once (a move of a move still points at the session that
 * stands). Everything is judged and written in one transaction: a decline committed by another process
 * first makes this an `illegal_transition` with nothing changed.
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
    const effect = rescheduleEffect(row.status);
    const standing = effect === "request-change" ? row : originOf(tx, row);
    if (effect === "replace") {
      const res = tx
        .update(bookings)
        .set({ status: "cancelled", cancelReason: "rescheduled", cancelledBy: "party", updatedAt: new Date(now) })
        .where(and(eq(bookings.id, id), inArray(bookings.status, [...HOLDING])))
        .run();
      if (res.changes !== 1) changedMeanwhile();
      bookingTimeChanged(tx, row, "released");
    }
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
        meetingPoint: newMode === "onsite" ? (row.meetingPoint ?? undefined) : undefined,
        contactPhone: row.contactPhone ?? undefined,
      },
      now,
      {
        reuseCase: row.caseId,
        rescheduledFromId: standing?.id ?? id,
        keepsOrigin: standing !== null,
        originStart: standing?.startAt,
      },
    );
    // A mediator who confirms at once confirms the move too: the old time goes now.
    if (standing && booking.status === "confirmed") {
      releaseOrigin(tx, standing, "party", now);
      return readBooking(tx, user, booking.id, now)!;
    }
    return booking;
  });
}

/**
 * The mediator side proposes another free time for a confirmed session (with a note for the party).
 * Nothing moves until the party accepts; refusing, or not answering, leaves the session as it is.
 */
export async function proposeTime({ user, id, start, note, now }: Step & { start: string; note?: string }): Promise<BookingView> {
  return writeTransaction(getDb(), (tx) => {
    const row = judgedRow(tx, user, id, "propose", now);
    const at = Date.parse(start);
    assertProposable(tx, row, at, now);
    const res = tx
      .update(bookings)
      .set({ proposedStartAt: at, updatedAt: new Date(now) })
      .where(and(eq(bookings.id, id), eq(bookings.status, "confirmed"), visibleTo(user)))
      .run();
    if (res.changes !== 1) changedMeanwhile();
    const view = readBooking(tx, user, id, now)!;
    notifyUser(tx, row.partyUserId, {
      template: "booking.time-proposed",
      params: {
        bookingId: id,
        start: row.startAt,
        proposedStart: at,
        reason: note ?? null,
        mediatorName: view.mediatorName,
        number: view.caseNumber,
      },
      bookingId: id,
      at: now,
    });
    return view;
  });
}

/**
 * The party answers the mediator's proposed time. Accepted: the session moves there, confirmed at once
 * (the mediator offered it), if it is still free; the old time is released. Refused: the proposal is
 * cleared and the session stands. The mediator is told either way.
 */
export async function answerProposal({ user, id, accept, now }: Step & { accept: boolean }): Promise<BookingView> {
  return writeTransaction(getDb(), (tx) => {
    const row = judgedRow(tx, user, id, accept ? "accept" : "refuse", now);
    const proposed = row.proposedStartAt!;
    const params = { bookingId: id, start: row.startAt, proposedStart: proposed, number: caseNumberOf(tx, row.caseId) };
    if (!accept) {
      const res = tx
        .update(bookings)
        .set({ proposedStartAt: null, updatedAt: new Date(now) })
        .where(and(eq(bookings.id, id), eq(bookings.status, "confirmed"), isNotNull(bookings.proposedStartAt)))
        .run();
      if (res.changes !== 1) changedMeanwhile();
      notifyMediator(tx, row.mediatorId, { template: "booking.proposal-refused", params, bookingId: id, at: now });
      return readBooking(tx, user, id, now)!;
    }
    const kase = readBooking(tx, user, id, now)!;
    releaseOrigin(tx, row, "mediator", now);
    const { booking } = placeBooking(
      tx,
      user,
      {
        mediatorId: row.mediatorId,
        start: iso(proposed),
        mode: row.mode,
        town: row.mode === "onsite" ? ((row.town ?? undefined) as never) : undefined,
        category: kase.category as never,
        summary: kase.summary,
        counterpartyName: kase.counterpartyName ?? undefined,
        meetingPoint: row.meetingPoint ?? undefined,
        contactPhone: row.contactPhone ?? undefined,
      },
      now,
      { reuseCase: row.caseId, rescheduledFromId: id, confirmed: true, originStart: row.startAt },
    );
    const moved = { ...params, bookingId: booking.id, start: proposed, fromStart: row.startAt };
    notifyMediator(tx, row.mediatorId, { template: "booking.proposal-accepted", params: moved, bookingId: booking.id, at: now });
    notifyUser(tx, row.partyUserId, { template: "booking.change-confirmed", params: moved, bookingId: booking.id, at: now });
    return booking;
  });
}
