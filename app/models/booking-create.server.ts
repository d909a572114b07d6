// Ordering a session. The check that a slot is free and the insert happen in ONE write transaction,
// so they hold across processes sharing the file; the database triggers of migrations 0002/0003
// refuse an overlapping booking even if a check here were wrong.
import { and, eq, sql } from "drizzle-orm";
import { preparedQueries, writeTransaction, type Db, type Tx } from "../../db/client";
import { availabilitySettings, bookings, cases, committees, mediators } from "../../db/schema";
import { answerDeadline } from "../../domain/answer-deadline";
import { MODE_SLUGS, TOWN_SLUGS, type ModeSlug } from "../../domain";
import { getDb } from "../db.server";
import { env } from "../env.server";
import { freeRoom, slotAt } from "./assignment-book.server";
import { chooseMember, recordOrder } from "./assignment.server";
import { bookingAnswered } from "./assignment-flow.server";
import type { User } from "./auth.server";
import { expireOverdue } from "./booking-expiry.server";
import type { CreateBookingInput } from "./booking-schemas";
import type { BookingView } from "./booking-view";
import { bookingTimeChanged, committeeMemberIds } from "./availability.server";
import { readBooking } from "./bookings.server";
import { openCase } from "./cases.server";
import { DomainError, sqliteErrorCode } from "./errors";
import { notifyMediator, notifyUser } from "./notifications.server";
import { settleHolds } from "./slot-holds.server";
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
      status: ph("status"),
      assignmentReason: ph("reason"),
      respondBy: ph("respondBy"),
      idempotencyKey: ph("key"),
      rescheduledFromId: ph("from"),
      meetingPoint: ph("meetingPoint"),
      contactPhone: ph("contactPhone"),
      createdAt: ph("at"),
      updatedAt: ph("at"),
    })
    .returning()
    .prepare(),
  instant: db
    .select({ instant: availabilitySettings.instantConfirm })
    .from(availabilitySettings)
    .where(eq(availabilitySettings.mediatorId, ph("id")))
    .prepare(),
  caseTown: db
    .select({ town: cases.town })
    .from(cases)
    .where(eq(cases.id, ph("id")))
    .prepare(),
}));

const confirmsAtOnce = (tx: Db | Tx, mediatorId: number) => q(tx).instant.get({ id: mediatorId })?.instant === true;

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
  /** The party moves a confirmed session: it stands until this request is confirmed (told so). */
  keepsOrigin?: boolean;
  /** The mediator proposed this time, so it is confirmed as soon as the party takes it. */
  confirmed?: boolean;
  /** When the session being moved starts (for the messages). */
  originStart?: number;
  /** The browser's slot-hold key: its hold on this time is consumed, others' holds refuse it. */
  holder?: string | null;
}

export type Created = { booking: BookingView; replayed: boolean };

/**
 * Orders a session. While another server process holds the write lock it waits without stalling this
 * process's other requests (writeTransaction); `now` is the time the request arrived.
 */
export async function createBooking({
  party,
  input,
  now,
  holder,
}: {
  party: User;
  input: CreateBookingInput;
  now: number;
  holder?: string | null;
}): Promise<Created> {
  if (party.role !== "party") throw new DomainError("forbidden", "Only parties order sessions");
  try {
    return await writeTransaction(getDb(), (tx) => placeBooking(tx, party, input, now, { holder }));
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
  // Another visitor's hold (issue 11) takes the time as a booking would; the party's own is used up.
  const longest = Math.max(...[...fits.values()].map((s) => s.end));
  const heldByOthers = settleHolds(tx, {
    mediatorIds: [...fits.keys()],
    committeeId: input.committeeId,
    start,
    end: longest,
    holder: opts.holder ?? null,
    now,
  });
  for (const id of heldByOthers) fits.delete(id);
  if (fits.size === 0)
    throw new DomainError("slot_taken", "Someone else holds this time; pick another slot", { field: "start", reason: "taken" });
  // The answer deadline (ADR 029): well before the session, longer across the water. A time too close
  // for that is only for a mediator who confirms at once.
  const caseTown = opts.reuseCase !== undefined ? (q(tx).caseTown.get({ id: opts.reuseCase })?.town ?? null) : null;
  const deadline = answerDeadline({
    createdAt: now,
    startAt: start,
    responseHours: env().BOOKING_RESPONSE_HOURS,
    mode: input.mode,
    sessionTown: input.mode === "onsite" ? (input.town ?? null) : null,
    partyTown: input.mode === "onsite" ? (input.town ?? null) : (input.partyTown ?? caseTown),
  });
  if (deadline.kind === "instant-only" && !opts.confirmed) for (const id of [...fits.keys()]) if (!confirmsAtOnce(tx, id)) fits.delete(id);
  if (fits.size === 0)
    throw new DomainError("not_available", "Too close to the session for a request to be answered in time; pick a later time", {
      field: "start",
      reason: "too_soon",
    });
  // A committee order goes to the member the fallback ranking puts first among those free then.
  const member = input.committeeId ? chooseMember(tx, input.committeeId, fits, { party, input, now }) : null;
  const mediatorId = member ? member.mediatorId : [...fits.keys()][0];
  const end = fits.get(mediatorId)!.end;
  const confirmed = opts.confirmed === true || confirmsAtOnce(tx, mediatorId);
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
      // Where the party sets out from: the on-site town, or the town they said for a centre session.
      town: input.town ?? input.partyTown,
      applicants: [{ name: party.name, phone: party.phone, userId: party.id }],
      respondents: input.counterpartyName ? [{ name: input.counterpartyName, phone: input.counterpartyPhone }] : [],
      picks: input.mediatorId !== undefined ? [input.mediatorId] : [],
      committeeId: input.committeeId ?? null,
      quiet: true,
      sessionStart: start,
      now,
    }).id;
  const respondBy = confirmed || deadline.kind !== "ask" ? now : deadline.respondBy;
  const row = queries.insertBooking.get({
    status: confirmed ? "confirmed" : "pending",
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
    meetingPoint: input.mode === "onsite" ? (input.meetingPoint ?? null) : null,
    contactPhone: input.contactPhone ?? null,
    at: new Date(now),
  })!;
  bookingTimeChanged(tx, row, "held");
  recordOrder(tx, { booking: row, member, rescheduledFromId: opts.rescheduledFromId, now });
  // Confirmed at once: the case's ask is answered now, as a mediator's confirmation would.
  if (confirmed && !opts.rescheduledFromId) bookingAnswered(tx, row, "accepted", now);
  const view = readBooking(tx, party, row.id, now)!;
  const params = {
    bookingId: row.id,
    start,
    respondBy,
    mode: input.mode,
    mediatorName: view.mediatorName,
    partyName: view.partyName,
    fromBookingId: opts.rescheduledFromId ?? null,
    fromStart: opts.originStart ?? null,
    number: view.caseNumber,
  };
  // Accepting the mediator's own proposal tells them in rescheduleBooking's caller; everything else here.
  if (!opts.confirmed)
    notifyMediator(tx, mediatorId, {
      template: confirmed ? "booking.instant-confirmed" : opts.rescheduledFromId ? "booking.rescheduleRequested" : "booking.requested",
      params,
      bookingId: row.id,
      at: now,
    });
  const toParty = confirmed
    ? opts.keepsOrigin
      ? "booking.change-confirmed"
      : "booking.confirmed"
    : opts.keepsOrigin
      ? "booking.change-submitted"
      : "booking.submitted";
  if (!opts.confirmed) notifyUser(tx, party.id, { template: toParty, params, bookingId: row.id, at: now });
  return { booking: view, replayed: false };
}
