// Ordering a session. The check that a slot is free and the insert happen in ONE write transaction,
// so they hold across processes sharing the file; the database triggers of migrations 0002/0003
// refuse an overlapping booking even if a check here were wrong.
import { and, eq, sql } from "drizzle-orm";
import { preparedQueries, writeTransaction, type Db, type Tx } from "../../db/client";
import { bookings, committees, mediators } from "../../db/schema";
import { MODE_SLUGS, TOWN_SLUGS, type ModeSlug } from "../../domain";
import { getDb } from "../db.server";
import { env } from "../env.server";
import { freeRoom, slotAt } from "./assignment-book.server";
import { chooseMember, recordOrder } from "./assignment.server";
import type { User } from "./auth.server";
import { expireOverdue } from "./booking-expiry.server";
import type { CreateBookingInput } from "./booking-schemas";
import type { BookingView } from "./booking-view";
import { bookingTimeChanged, committeeMemberIds } from "./availability.server";
import { readBooking } from "./bookings.server";
import { openCase } from "./cases.server";
import { DomainError, sqliteErrorCode } from "./errors";
import { notifyMediator, notifyUser } from "./notifications.server";
import type { Slot } from "./slots";

const ph = sql.placeholder;

// What every booking request runs, built once per connection (see preparedQueries).
const q = preparedQueries((db) => ({
  activeMediator: db
    .select({ id: mediators.id })
    .from(mediators)
    .where(and(eq(mediators.id, ph("id")), eq(mediators.active, true), eq(mediators.listed, true)))
    .prepare(),
  activeCommittee: db
    .select({ id: committees.id })
    .from(committees)
    .where(and(eq(committees.id, ph("id")), eq(committees.active, true)))
    .prepare(),
  byIdempotencyKey: db
    .select()
    .from(bookings)
    .where(and(eq(bookings.partyUserId, ph("party")), eq(bookings.idempotencyKey, ph("key"))))
    .prepare(),
  insertBooking: db
    .insert(bookings)
    .values({
      caseId: ph("caseId"),
      partyUserId: ph("party"),
      mediatorId: ph("mediatorId"),
      committeeId: ph("committeeId"),
      roomId: ph("roomId"),
      startAt: ph("start"),
      endAt: ph("end"),
      mode: ph("mode"),
      town: ph("town"),
      status: "pending",
      assignmentReason: ph("reason"),
      respondBy: ph("respondBy"),
      idempotencyKey: ph("key"),
      rescheduledFromId: ph("from"),
      createdAt: ph("at"),
      updatedAt: ph("at"),
    })
    .returning()
    .prepare(),
}));

const fitsTown = (slot: Slot, mode: ModeSlug, town: string | undefined) => mode !== "onsite" || slot.towns.includes(town ?? "");

/**
 * Why none of the candidates can take this time, said precisely: the time is free but not in this
 * mode, or not in this town (with what is offered then); someone holds it; or it is no slot at all.
 */
function refusal(tx: Db | Tx, candidates: number[], start: number, input: CreateBookingInput, now: number): DomainError {
  const free = candidates.map((id) => slotAt(tx, id, start, undefined, now)).filter((s): s is Slot => s !== null);
  if (free.length) {
    const modes = MODE_SLUGS.filter((m) => free.some((s) => s.modes.includes(m)));
    if (!modes.includes(input.mode))
      return new DomainError("not_available", `This time is free only for: ${modes.join(", ")}`, {
        field: "mode",
        reason: "mode_not_offered",
        offered: modes,
      });
    const towns = TOWN_SLUGS.filter((t) => free.some((s) => s.modes.includes("onsite") && s.towns.includes(t)));
    if (input.mode === "onsite")
      return new DomainError("not_available", `On-site sessions at this time only in: ${towns.join(", ")}`, {
        field: "town",
        reason: "town_not_offered",
        offered: towns,
      });
  }
  if (candidates.some((id) => slotAt(tx, id, start, input.mode, now, true)))
    return new DomainError("slot_taken", "Someone else holds this time; pick another slot", { field: "start", reason: "taken" });
  return new DomainError("not_available", "This time is not a free slot (past, outside hours, too soon, or wrong mode or town)", {
    field: "start",
    reason: "not_a_slot",
  });
}

/** The overlap triggers refuse with their own constraint name. */
const isTriggerRefusal = (error: unknown) =>
  sqliteErrorCode(error) === "SQLITE_CONSTRAINT_TRIGGER" && (error as Error).message === "slot_taken";

export interface PlaceOptions {
  /** Rescheduling keeps the case and records where the booking came from. */
  reuseCase?: number;
  rescheduledFromId?: number;
}

export type Created = { booking: BookingView; replayed: boolean };

/**
 * Orders a session. While another server process holds the write lock it waits without stalling this
 * process's other requests (writeTransaction); `now` is the time the request arrived.
 */
export async function createBooking({ party, input, now }: { party: User; input: CreateBookingInput; now: number }): Promise<Created> {
  if (party.role !== "party") throw new DomainError("forbidden", "Only parties order sessions");
  try {
    return await writeTransaction(getDb(), (tx) => placeBooking(tx, party, input, now, {}));
  } catch (error) {
    if (isTriggerRefusal(error)) throw new DomainError("slot_taken", "Someone else holds this time; pick another slot");
    throw error;
  }
}

/** Inside the caller's write transaction: the checks, the insert and the notifications. */
export function placeBooking(tx: Db | Tx, party: User, input: CreateBookingInput, now: number, opts: PlaceOptions): Created {
  const start = Date.parse(input.start);
  const queries = q(tx);
  if (input.idempotencyKey) {
    const prior = queries.byIdempotencyKey.get({ party: party.id, key: input.idempotencyKey });
    if (prior) {
      const same =
        prior.startAt === start &&
        prior.mode === input.mode &&
        (input.mediatorId ? prior.mediatorId === input.mediatorId && !prior.committeeId : prior.committeeId === input.committeeId);
      if (!same) throw new DomainError("idempotency_mismatch", "This idempotencyKey was used for a different booking");
      return { booking: readBooking(tx, party, prior.id, now)!, replayed: true };
    }
  }
  expireOverdue(tx, now);
  let candidates: number[];
  if (input.mediatorId !== undefined) {
    const m = queries.activeMediator.get({ id: input.mediatorId });
    if (!m) throw new DomainError("not_found", "Mediator not found");
    candidates = [m.id];
  } else {
    const c = queries.activeCommittee.get({ id: input.committeeId! });
    if (!c) throw new DomainError("not_found", "Committee not found");
    candidates = committeeMemberIds(tx, c.id);
  }
  const fits = new Map<number, Slot>();
  for (const id of candidates) {
    const slot = slotAt(tx, id, start, input.mode, now);
    if (slot && fitsTown(slot, input.mode, input.town)) fits.set(id, slot);
  }
  if (fits.size === 0) throw refusal(tx, candidates, start, input, now);
  // A committee order goes to the member the fallback ranking puts first among those free then.
  const member = input.committeeId ? chooseMember(tx, input.committeeId, fits, { party, input, now }) : null;
  const mediatorId = member ? member.mediatorId : [...fits.keys()][0];
  const end = fits.get(mediatorId)!.end;
  const roomId = input.mode === "centre" ? freeRoom(tx, start, end) : null;
  if (input.mode === "centre" && roomId === null)
    throw new DomainError("slot_taken", "No room is free at the centre at this time", { field: "start", reason: "taken" });
  // Ordering a mediator or a committee files the case the booking belongs to: the ordered mediator is
  // the applicant's pick, and the other side is invited to agree (when a phone is given).
  const caseId =
    opts.reuseCase ??
    openCase(tx, {
      filedBy: party,
      channel: "online",
      category: input.category,
      description: input.summary,
      town: input.town,
      applicants: [{ name: party.name, phone: party.phone, userId: party.id }],
      respondents: input.counterpartyName ? [{ name: input.counterpartyName, phone: input.counterpartyPhone }] : [],
      picks: input.mediatorId !== undefined ? [input.mediatorId] : [],
      committeeId: input.committeeId ?? null,
      quiet: true,
      sessionStart: start,
      now,
    }).id;
  const respondBy = Math.min(now + env().BOOKING_RESPONSE_HOURS * 3_600_000, start);
  const row = queries.insertBooking.get({
    caseId,
    party: party.id,
    mediatorId,
    committeeId: input.committeeId ?? null,
    roomId,
    start,
    end,
    mode: input.mode,
    town: input.town ?? null,
    reason: input.committeeId ? "committee-rotation" : "picked",
    respondBy,
    key: input.idempotencyKey ?? null,
    from: opts.rescheduledFromId ?? null,
    at: new Date(now),
  })!;
  bookingTimeChanged(tx, row, "held");
  recordOrder(tx, { booking: row, member, rescheduledFromId: opts.rescheduledFromId, now });
  const view = readBooking(tx, party, row.id, now)!;
  const params = {
    bookingId: row.id,
    start,
    respondBy,
    mode: input.mode,
    mediatorName: view.mediatorName,
    partyName: view.partyName,
    fromBookingId: opts.rescheduledFromId ?? null,
    number: view.caseNumber,
  };
  notifyMediator(tx, mediatorId, {
    template: opts.rescheduledFromId ? "booking.rescheduleRequested" : "booking.requested",
    params,
    bookingId: row.id,
    at: now,
  });
  notifyUser(tx, party.id, { template: "booking.submitted", params, bookingId: row.id, at: now });
  return { booking: view, replayed: false };
}
