// The booking an assignment makes: the centre asks a mediator by booking them a free time for the
// case (the party's next pick, the suggestion, staff's choice), so the mediator answers as they answer
// every request (confirm or decline, staff for them when they have no account) and an unanswered ask
// expires with the booking. The slot checks are booking-create's, shared from here.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { bookings, caseParties, cases, mediators, rooms, users } from "../../db/schema";
import { CENTRE_TIMEZONE, type ModeSlug } from "../../domain";
import { localDateInZone } from "../../domain/zone";
import { env } from "../env.server";
import { bookingTimeChanged, slotContext } from "./availability.server";
import { HOLDING } from "./booking-rules";
import { DomainError } from "./errors";
import { notifyMediator, notifyUser } from "./notifications.server";
import { computeSlots, type Slot } from "./slots";

/** The slot of this mediator that starts at `start`, in any mode; `ignoreBookings` asks "ever?". */
export function slotAt(
  tx: Db | Tx,
  mediatorId: number,
  start: number,
  mode: ModeSlug | undefined,
  now: number,
  ignoreBookings = false,
): Slot | null {
  const date = localDateInZone(start, CENTRE_TIMEZONE);
  const ctx = slotContext(tx, mediatorId, date, date);
  const slots = computeSlots({
    ...ctx,
    busy: ignoreBookings ? [] : ctx.busy,
    rooms: ignoreBookings && ctx.rooms ? { count: ctx.rooms.count, busy: [] } : ctx.rooms,
    now,
    from: date,
    to: date,
    mode,
  });
  return slots.find((s) => s.start === start) ?? null;
}

export function freeRoom(tx: Db | Tx, start: number, end: number): number | null {
  const taken = tx
    .select({ id: bookings.roomId })
    .from(bookings)
    .where(
      and(
        inArray(bookings.status, [...HOLDING]),
        sql`${bookings.roomId} is not null`,
        sql`${bookings.startAt} < ${end}`,
        sql`${bookings.endAt} > ${start}`,
      ),
    )
    .all()
    .map((r) => r.id);
  const room = tx
    .select({ id: rooms.id })
    .from(rooms)
    .where(
      and(
        eq(rooms.active, true),
        taken.length
          ? sql`${rooms.id} not in (${sql.join(
              taken.map((t) => sql`${t}`),
              sql`, `,
            )})`
          : undefined,
      ),
    )
    .orderBy(rooms.id)
    .get();
  return room?.id ?? null;
}

/** Who a booking made for the case belongs to: the applicant's account, else whoever filed it. */
export function partyUserOf(tx: Db | Tx, caseId: number): number {
  const applicant = tx
    .select({ userId: caseParties.userId })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), eq(caseParties.side, "applicant"), sql`${caseParties.userId} is not null`))
    .orderBy(caseParties.id)
    .get();
  if (applicant?.userId) return applicant.userId;
  return tx.select({ id: cases.filedByUserId }).from(cases).where(eq(cases.id, caseId)).get()!.id;
}

export interface BookFor {
  caseId: number;
  partyUserId: number;
  mediatorId: number;
  committeeId?: number | null;
  start: number;
  mode: ModeSlug;
  town: string | null;
  /** The booking's short reason (its API field): the assignment rule. */
  label: string;
  now: number;
}

/**
 * Inside the caller's write transaction: checks the time is still a free slot of the mediator in this
 * mode (and town, on site) and a room is free for a centre session, inserts the pending request and
 * tells the mediator and the party. The overlap triggers refuse a clash whatever this checked.
 */
export function bookFor(tx: Db | Tx, b: BookFor): typeof bookings.$inferSelect {
  const slot = slotAt(tx, b.mediatorId, b.start, b.mode, b.now);
  if (!slot || (b.mode === "onsite" && !slot.towns.includes(b.town ?? "")))
    throw new DomainError("not_available", "This time is not a free slot of this mediator in this mode", {
      field: "start",
      reason: "not_a_slot",
    });
  const roomId = b.mode === "centre" ? freeRoom(tx, b.start, slot.end) : null;
  if (b.mode === "centre" && roomId === null)
    throw new DomainError("slot_taken", "No room is free at the centre at this time", { field: "start", reason: "taken" });
  const respondBy = Math.min(b.now + env().BOOKING_RESPONSE_HOURS * 3_600_000, b.start);
  const row = tx
    .insert(bookings)
    .values({
      caseId: b.caseId,
      partyUserId: b.partyUserId,
      mediatorId: b.mediatorId,
      committeeId: b.committeeId ?? null,
      roomId,
      startAt: b.start,
      endAt: slot.end,
      mode: b.mode,
      town: b.mode === "onsite" ? b.town : null,
      status: "pending",
      assignmentReason: b.label,
      respondBy,
      createdAt: new Date(b.now),
      updatedAt: new Date(b.now),
    })
    .returning()
    .get();
  bookingTimeChanged(tx, row, "held");
  const number = tx.select({ number: cases.number }).from(cases).where(eq(cases.id, b.caseId)).get()?.number ?? "";
  const mediatorName = tx.select({ name: mediators.name }).from(mediators).where(eq(mediators.id, b.mediatorId)).get()?.name ?? "";
  const partyName = tx.select({ name: users.name }).from(users).where(eq(users.id, b.partyUserId)).get()?.name ?? "";
  const params = { bookingId: row.id, start: row.startAt, respondBy, mode: b.mode, partyName, mediatorName, number };
  notifyMediator(tx, b.mediatorId, { template: "booking.requested", params, bookingId: row.id, at: b.now });
  notifyUser(tx, b.partyUserId, { template: "booking.submitted", params, bookingId: row.id, at: b.now });
  return row;
}
