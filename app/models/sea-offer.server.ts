// What the party of a session caught by a ferry suspension answers (issue 9, ADR 023): the same time
// online (the booking's mode becomes online and its room is released), one of the other times offered
// (the existing reschedule path), or keep it as it is (they will come anyway). Centre staff may answer
// for a party on the phone: the row records who did. Each answer is one write transaction that reads
// the booking as this user may see it (someone else's booking is not found) and checks every state
// inside it, with conditional updates whose row counts are checked.
import { and, desc, eq, inArray } from "drizzle-orm";
import { writeTransaction, type Db, type Tx } from "../../db/client";
import { bookings, seaSuspensionSessions, seaSuspensions } from "../../db/schema";
import type { SeaSessionAction } from "../../domain";
import { getDb } from "../db.server";
import type { User } from "./auth.server";
import { bookingTimeChanged } from "./availability.server";
import { rescheduleBooking } from "./booking-actions.server";
import { effectiveStatus, HOLDING } from "./booking-rules";
import { iso, type BookingView } from "./booking-view";
import { readBooking, viewerOf } from "./bookings.server";
import { caseNumberOf } from "./cases.server";
import { DomainError } from "./errors";
import { notifyMediator, notifyUser } from "./notifications.server";
import type { Crossing } from "./sea-rules";
import { stillUntil } from "./sea-rules";
import { effectiveAction, otherTimes, type Interval } from "./sea.server";
import type { SeaOfferInput } from "./sea-schemas";

type Reader = Db | Tx;

/** The newest suspension that caught this booking, with the row recording it. */
function caughtBy(db: Reader, bookingId: number) {
  return db
    .select({ s: seaSuspensionSessions, sus: seaSuspensions })
    .from(seaSuspensionSessions)
    .innerJoin(seaSuspensions, eq(seaSuspensions.id, seaSuspensionSessions.suspensionId))
    .where(eq(seaSuspensionSessions.bookingId, bookingId))
    .orderBy(desc(seaSuspensions.id))
    .get();
}

export interface SeaPanel {
  towns: string[];
  from: string;
  to: string;
  note: string;
  lifted: boolean;
  crossing: Crossing;
  action: SeaSessionAction;
  /** The same time online, while it may still be taken. */
  online: Interval | null;
  /** Other free times once the ferries run again (the party's reschedule path; none for others). */
  times: Interval[];
  /** This viewer may answer now (the party, or staff for them). */
  canAnswer: boolean;
}

/** What the booking page shows about a suspension that caught this booking (the viewer already sees it). */
export function seaPanelFor({ booking, now }: { booking: BookingView; now: number }): SeaPanel | null {
  const db = getDb();
  const hit = caughtBy(db, booking.id);
  if (!hit) return null;
  const row = db.select().from(bookings).where(eq(bookings.id, booking.id)).get()!;
  const action = effectiveAction(hit.s.action, row);
  const lifted = hit.sus.liftedAt !== null && hit.sus.liftedAt <= now;
  const open = action === "flagged" && !lifted && row.startAt > now && (HOLDING as readonly string[]).includes(effectiveStatus(row, now));
  const canAnswer = open && (booking.viewer === "party" || booking.viewer === "staff");
  const online = open && hit.s.offeredOnlineAt === row.startAt ? { start: iso(row.startAt), end: iso(row.endAt) } : null;
  // Only the party reschedules (booking-rules.ts), and only while the notice allows it.
  const times = canAnswer && booking.viewer === "party" && booking.actions.reschedule === true ? otherTimes(db, row, hit.sus, now) : [];
  return {
    towns: hit.sus.towns,
    from: iso(hit.sus.fromAt),
    to: iso(stillUntil(hit.sus)),
    note: hit.sus.note,
    lifted,
    crossing: hit.s.crossing,
    action,
    online,
    times,
    canAnswer,
  };
}

function openRow(tx: Reader, user: User, id: number, now: number) {
  const view = readBooking(tx, user, id, now);
  if (!view) throw new DomainError("not_found", "Booking not found");
  const row = tx.select().from(bookings).where(eq(bookings.id, id)).get()!;
  const viewer = viewerOf(user, row);
  if (viewer === "mediator") throw new DomainError("forbidden", "The party answers the offer, or staff for them");
  const hit = caughtBy(tx, id);
  if (!hit || effectiveAction(hit.s.action, row) !== "flagged" || (hit.sus.liftedAt !== null && hit.sus.liftedAt <= now))
    throw new DomainError("illegal_transition", "No open offer for this booking: it was answered, or no suspension caught it");
  if (!(HOLDING as readonly string[]).includes(effectiveStatus(row, now)) || row.startAt <= now)
    throw new DomainError("illegal_transition", "The booking is no longer held, or has begun");
  return { row, hit, byStaff: viewer === "staff" };
}

function resolve(tx: Reader, user: User, bookingId: number, action: SeaSessionAction, now: number, required = true): void {
  const res = tx
    .update(seaSuspensionSessions)
    .set({ action, resolvedAt: now, resolvedByUserId: user.id })
    .where(and(eq(seaSuspensionSessions.bookingId, bookingId), eq(seaSuspensionSessions.action, "flagged")))
    .run();
  if (required && res.changes < 1) throw new DomainError("illegal_transition", "The offer was answered meanwhile; reload it");
}

/** The same time online, or keep it as it is. */
export async function answerSeaOffer({
  user,
  id,
  answer,
  now,
}: {
  user: User;
  id: number;
  answer: SeaOfferInput["accept"];
  now: number;
}): Promise<BookingView> {
  return writeTransaction(getDb(), (tx) => {
    const { row, hit, byStaff } = openRow(tx, user, id, now);
    const params = { bookingId: id, number: caseNumberOf(tx, row.caseId), start: row.startAt, staffName: byStaff ? user.name : null };
    if (answer === "online") {
      if (hit.s.offeredOnlineAt !== row.startAt)
        throw new DomainError("not_available", "This session was not offered online: the mediator does not work online", {
          field: "start",
          reason: "not_a_slot",
        });
      const res = tx
        .update(bookings)
        .set({ mode: "online", roomId: null, town: null, updatedAt: new Date(now) })
        .where(
          and(eq(bookings.id, id), inArray(bookings.status, [...HOLDING]), eq(bookings.mode, row.mode), eq(bookings.startAt, row.startAt)),
        )
        .run();
      if (res.changes !== 1) throw new DomainError("illegal_transition", "The booking changed meanwhile; reload it");
      // The room (and, for other mediators, a full centre's last room) is free again.
      bookingTimeChanged(tx, row, "released");
    }
    resolve(tx, user, id, answer === "online" ? "moved-online" : "kept", now);
    const message = {
      template: answer === "online" ? ("sea.moved-online" as const) : ("sea.kept" as const),
      params,
      bookingId: id,
      at: now,
    };
    notifyMediator(tx, row.mediatorId, message);
    if (answer === "online" || byStaff) notifyUser(tx, row.partyUserId, message);
    return readBooking(tx, user, id, now)!;
  });
}

/**
 * One of the other times offered: the booking's own reschedule step (a new booking at that time, the
 * old one cancelled, in one transaction), then the suspension's row records it. Should the second
 * write not happen, the row still reads as rescheduled from the booking (effectiveAction).
 */
export async function rescheduleFromSea({
  user,
  id,
  start,
  now,
}: {
  user: User;
  id: number;
  start: string;
  now: number;
}): Promise<BookingView> {
  const db = getDb();
  const { row, hit } = openRow(db, user, id, now);
  const offered = otherTimes(db, row, hit.sus, now).map((t) => Date.parse(t.start));
  if (!offered.includes(Date.parse(start)))
    throw new DomainError("not_available", "This time is not one of those offered", { field: "start", reason: "not_a_slot" });
  const moved = await rescheduleBooking({ user, id, start, now });
  await writeTransaction(db, (tx) => {
    const old = tx.select().from(bookings).where(eq(bookings.id, id)).get()!;
    // The move stands whatever this finds: another answer recorded meanwhile is left as it is.
    if (old.status === "cancelled" && old.cancelReason === "rescheduled") resolve(tx, user, id, "rescheduled", now, false);
  });
  return moved;
}

/**
 * The booking page's three buttons (intents `sea-online`, `sea-keep`, `sea-time` with a `start`), and
 * where the page goes next: this booking, or the new one a time moved it to.
 */
export async function answerSeaForm({
  user,
  id,
  intent,
  start,
  now,
}: {
  user: User;
  id: number;
  intent: string;
  start: string;
  now: number;
}): Promise<{ bookingId: number; done: "sea-moved-online" | "sea-kept" | "rescheduled" }> {
  if (intent === "sea-online" || intent === "sea-keep") {
    await answerSeaOffer({ user, id, answer: intent === "sea-online" ? "online" : "keep", now });
    return { bookingId: id, done: intent === "sea-online" ? "sea-moved-online" : "sea-kept" };
  }
  if (intent === "sea-time") return { bookingId: (await rescheduleFromSea({ user, id, start, now })).id, done: "rescheduled" };
  throw new DomainError("invalid_input", "Unknown answer to the offer");
}
