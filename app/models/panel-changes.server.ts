// Changing a booked 3+X joint panel (issue 9, ADR 027): staff seat a replacement for a member who
// declined (the declined seat stays in the record; the replacement takes the same position, invited
// like the others) and cancel a panel with a reason (its booking is cancelled, so the participants
// trigger frees everyone's time; every member is told; the case may convene another). Staff only, in
// the model; `now` is an argument.
import { and, eq, inArray, ne } from "drizzle-orm";
import { writeTransaction, type Db, type Tx } from "../../db/client";
import { bookingParticipants, bookings, mediators, panelMembers, panels } from "../../db/schema";
import { env } from "../env.server";
import type { User } from "./auth.server";
import { markAvailabilityStale } from "./availability.server";
import { DomainError, sqliteErrorCode } from "./errors";
import { notifyMediator } from "./notifications.server";
import { isStaff, loadPeople } from "./panel-people.server";
import { freeIntervals } from "./panel-slots";
import type { PanelCandidateView, PanelRefusalReason, PanelView } from "./panel-types";
import { getPanel, panelCandidates, panelFacts } from "./panel-views.server";

type Reader = Db | Tx;
const refuse = (code: "illegal_transition" | "invalid_input", reason: PanelRefusalReason, message: string) =>
  new DomainError(code, message, { field: "_", reason });
const panelLink = (id: number) => `${env().PUBLIC_URL}/panels/${id}`;
const seatOf = (role: string, category: string | null) => (category ? `${role}:${category}` : role);

function requireStaff(actor: User, what: string): void {
  if (!isStaff(actor)) throw new DomainError("forbidden", `Only the centre's staff ${what}`);
}

/** The panel with its booking's time and room, for a change to it; a 404 when there is none. */
function panelOr404(db: Reader, panelId: number) {
  const p = panelFacts(db, panelId);
  if (!p) throw new DomainError("not_found", "Panel not found");
  return p;
}

/**
 * The declined seat a replacement would take: declined, and not refilled yet (a replacement takes
 * the declined seat's position, so a position with a seat still standing is filled).
 */
function openSeat(db: Reader, panelId: number, declinedPersonId: number) {
  const seats = db.select().from(panelMembers).where(eq(panelMembers.panelId, panelId)).all();
  const seat = seats.find((s) => s.personId === declinedPersonId);
  if (!seat) throw new DomainError("not_found", "Seat not found");
  if (seat.status !== "declined") throw refuse("illegal_transition", "seat_not_declined", "Only a declined seat is replaced");
  if (seats.some((s) => s.position === seat.position && s.status !== "declined"))
    throw refuse("illegal_transition", "seat_filled", "This seat has been filled by a replacement already");
  return { seat, seats };
}

/** Is this person free for exactly [start, end): their hours, notice and leave, and nothing they hold? */
function freeFor(db: Reader, ids: number[], start: number, end: number, now: number) {
  const people = loadPeople(db, ids, start, end);
  return (id: number, ignoreBusy = false) => {
    const p = people.get(id);
    if (!p) return false;
    const free = freeIntervals(ignoreBusy ? { ...p, busy: [] } : p, start, end, now);
    return free.length === 1 && free[0].start === start && free[0].end === end;
  };
}

/** Who may replace a declined member: people who can take that seat, not seated on the panel, free then. */
export function replacementCandidates(
  db: Reader,
  a: { panelId: number; declinedPersonId: number; actor: User; now: number },
): PanelCandidateView[] {
  requireStaff(a.actor, "replace panel members");
  const p = panelOr404(db, a.panelId);
  if (p.status !== "booked") throw refuse("illegal_transition", "panel_not_booked", "The panel is no longer booked");
  const { seat, seats } = openSeat(db, a.panelId, a.declinedPersonId);
  const seated = new Set(seats.map((s) => s.personId));
  const candidates = panelCandidates(db, { role: seat.role, category: seat.category }).filter((c) => !seated.has(c.personId));
  const free = freeFor(
    db,
    candidates.map((c) => c.personId),
    p.start,
    p.end,
    a.now,
  );
  return candidates.filter((c) => free(c.personId));
}

const isTriggerRefusal = (error: unknown) =>
  sqliteErrorCode(error) === "SQLITE_CONSTRAINT_TRIGGER" && (error as Error).message === "slot_taken";
const taken = () =>
  new DomainError("slot_taken", "The replacement was taken at that time meanwhile; nothing was changed", {
    field: "start",
    reason: "taken",
  });

/**
 * Seats `personId` in place of the declined `declinedPersonId`, in one write transaction: a participant
 * row holding their time (the overlap trigger refuses it if they were booked meanwhile: 409, nothing
 * written), their seat in the declined one's position, and their invitation.
 */
export async function replacePanelMember(
  db: Db,
  a: { panelId: number; declinedPersonId: number; personId: number; actor: User; now: number },
): Promise<PanelView> {
  requireStaff(a.actor, "replace panel members");
  await writeTransaction(db, (tx) => {
    const p = panelOr404(tx, a.panelId);
    if (p.status !== "booked") throw refuse("illegal_transition", "panel_not_booked", "The panel is no longer booked");
    const { seat, seats } = openSeat(tx, a.panelId, a.declinedPersonId);
    if (seats.some((s) => s.personId === a.personId))
      throw refuse("invalid_input", "already_seated", "This person already has a seat on this panel");
    if (!panelCandidates(tx, { role: seat.role, category: seat.category }).some((c) => c.personId === a.personId))
      throw refuse("invalid_input", "not_a_candidate", `Person ${a.personId} cannot take the seat ${seatOf(seat.role, seat.category)}`);
    const free = freeFor(tx, [a.personId], p.start, p.end, a.now);
    if (!free(a.personId, true))
      throw new DomainError("not_available", `Person ${a.personId} does not sit at this time (hours, notice or leave)`, {
        field: "start",
        reason: "not_a_slot",
      });
    if (!free(a.personId)) throw taken();
    try {
      tx.insert(bookingParticipants)
        .values({ bookingId: p.bookingId, personId: a.personId, role: "panel-member", startAt: p.start, endAt: p.end })
        .run();
    } catch (error) {
      if (isTriggerRefusal(error)) throw taken();
      throw error;
    }
    tx.insert(panelMembers)
      .values({ panelId: a.panelId, personId: a.personId, role: seat.role, category: seat.category, position: seat.position })
      .run();
    markAvailabilityStale(tx, [a.personId], p.start);
    // The roster as it now stands: the seats still held, the replacement among them.
    const standing = tx
      .select({ name: mediators.name, role: panelMembers.role, category: panelMembers.category })
      .from(panelMembers)
      .innerJoin(mediators, eq(mediators.id, panelMembers.personId))
      .where(and(eq(panelMembers.panelId, a.panelId), ne(panelMembers.status, "declined")))
      .orderBy(panelMembers.position)
      .all();
    notifyMediator(tx, a.personId, {
      template: "panel.invited",
      params: {
        number: p.number,
        start: p.start,
        end: p.end,
        room: p.room,
        seat: seatOf(seat.role, seat.category),
        members: standing.map((s) => `${s.name}|${seatOf(s.role, s.category)}`).join(";"),
        link: panelLink(p.id),
      },
      at: a.now,
    });
  });
  return getPanel(db, { panelId: a.panelId, viewer: a.actor })!;
}

/**
 * Cancels a booked panel with a reason: its booking is cancelled (the participants trigger frees every
 * seat's and the room's time in the same statement), the panel is cancelled, and every member is told,
 * a declined one too (they were asked). The case may then convene another panel.
 */
export async function cancelPanel(db: Db, a: { panelId: number; reason: string; actor: User; now: number }): Promise<PanelView> {
  requireStaff(a.actor, "cancel panels");
  await writeTransaction(db, (tx) => {
    const p = panelOr404(tx, a.panelId);
    const changed = tx
      .update(panels)
      .set({ status: "cancelled" })
      .where(and(eq(panels.id, a.panelId), eq(panels.status, "booked")))
      .run().changes;
    if (changed !== 1) throw refuse("illegal_transition", "panel_not_booked", "The panel is cancelled or its minutes are recorded");
    tx.update(bookings)
      .set({ status: "cancelled", cancelReason: a.reason, cancelledBy: "staff", updatedAt: new Date(a.now) })
      .where(eq(bookings.id, p.bookingId))
      .run();
    const seats = tx
      .select({ personId: panelMembers.personId, role: panelMembers.role, category: panelMembers.category })
      .from(panelMembers)
      .where(eq(panelMembers.panelId, a.panelId))
      .all();
    const ids = seats.map((s) => s.personId);
    markAvailabilityStale(tx, ids, p.start);
    const names = new Map(
      tx
        .select({ id: mediators.id, name: mediators.name })
        .from(mediators)
        .where(inArray(mediators.id, ids))
        .all()
        .map((m) => [m.id, m.name]),
    );
    for (const s of seats)
      notifyMediator(tx, s.personId, {
        template: "panel.cancelled",
        params: {
          number: p.number,
          start: p.start,
          end: p.end,
          room: p.room,
          seat: seatOf(s.role, s.category),
          name: names.get(s.personId) ?? "",
          reason: a.reason,
          staffName: a.actor.name,
          link: panelLink(p.id),
        },
        at: a.now,
      });
  });
  return getPanel(db, { panelId: a.panelId, viewer: a.actor })!;
}
