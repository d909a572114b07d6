// 3+X joint panels (会商研判, issue 9; ADR 027): staff propose the earliest common slots of a major or
// group case's panel and book one all-or-nothing (one booking holding the room, a participant row per
// seat: the overlap triggers refuse the whole booking if anyone or the room was taken meanwhile);
// members confirm or decline their seats (or staff for them); staff or the chief mediator record the
// minutes. Every step checks the actor in its own query; `now` is an argument.
import { and, eq, inArray } from "drizzle-orm";
import { writeTransaction, type Db, type Tx } from "../../db/client";
import { bookingParticipants, bookings, cases, mediators, panelMembers, panels, rooms } from "../../db/schema";
import { CENTRE_TIMEZONE } from "../../domain";
import { PANEL_SEVERITIES } from "../../domain/panel";
import { env } from "../env.server";
import type { User } from "./auth.server";
import { markAvailabilityStale } from "./availability.server";
import { iso } from "./booking-view";
import { DomainError, sqliteErrorCode } from "./errors";
import { CENTRE_DESK, notifyAddress, notifyMediator } from "./notifications.server";
import { centreMidnight, isStaff, loadPeople, loadRooms } from "./panel-people.server";
import { parseSeat, seatName, type ParsedSeat, type PanelMinutesInput } from "./panel-schemas";
import { freeIntervals, searchPanelSlots } from "./panel-slots";
import type { PanelAnswer, PanelMemberInput, PanelRefusalReason, PanelSuggestionView, PanelView } from "./panel-types";
import { getPanel, panelCandidates, panelFacts } from "./panel-views.server";

export { getCasePanel, getPanel, listPanels, panelCandidates } from "./panel-views.server";
export { listPersonSlots } from "./panel-people.server";
export { cancelPanel, replacementCandidates, replacePanelMember } from "./panel-changes.server";

const DAY = 86_400_000;
const MINUTE = 60_000;
const refuse = (code: "illegal_transition" | "invalid_input" | "forbidden", reason: PanelRefusalReason, message: string) =>
  new DomainError(code, message, { field: "_", reason });

function requireStaff(actor: User, what: string): void {
  if (!isStaff(actor)) throw new DomainError("forbidden", `Only the centre's staff ${what}`);
}

/** The case a panel is for: it exists and is major or group. */
function panelCase(db: Db | Tx, caseId: number) {
  const c = db
    .select({ id: cases.id, number: cases.number, severity: cases.severity, category: cases.category })
    .from(cases)
    .where(eq(cases.id, caseId))
    .get();
  if (!c) throw new DomainError("not_found", "Case not found");
  if (!(PANEL_SEVERITIES as readonly string[]).includes(c.severity))
    throw refuse("illegal_transition", "panel_not_major", "Joint panels are for major and group cases only");
  return c;
}

function seatsOf(roles: string[]): ParsedSeat[] {
  return roles.map((r) => {
    const seat = parseSeat(r);
    if (!seat) throw new DomainError("invalid_input", `Not a seat: ${r}`);
    return seat;
  });
}

/** The earliest common slots for these seats between two dates (inclusive) at the centre. */
export function suggestPanelSlots(
  db: Db,
  a: { caseId: number; roles: string[]; from: string; to: string; minutes: number; actor: User; now: number; limit?: number },
): PanelSuggestionView {
  requireStaff(a.actor, "compose panels");
  panelCase(db, a.caseId);
  const seats = seatsOf(a.roles);
  const from = centreMidnight(a.from);
  const to = centreMidnight(a.to) + DAY;
  const candidates = seats.map((s) => panelCandidates(db, { role: s.role, category: s.category }));
  const ids = [...new Set(candidates.flat().map((c) => c.personId))];
  const names = new Map(candidates.flat().map((c) => [c.personId, c.name]));
  const roomRows = loadRooms(db, from, to);
  const roomNames = new Map(
    db
      .select({ id: rooms.id, name: rooms.name })
      .from(rooms)
      .all()
      .map((r) => [r.id, r.name]),
  );
  const slots = searchPanelSlots({
    seats: seats.map((s, i) => ({ seat: seatName(s), candidates: candidates[i].map((c) => c.personId) })),
    people: loadPeople(db, ids, from, to),
    rooms: roomRows,
    from,
    to,
    minutes: a.minutes,
    now: a.now,
    limit: a.limit ?? 5,
  });
  return {
    timezone: CENTRE_TIMEZONE,
    slots: slots.map((s) => ({
      start: iso(s.start),
      end: iso(s.end),
      roomId: s.roomId,
      roomName: roomNames.get(s.roomId) ?? "",
      members: s.members.map((m) => ({ role: m.seat, personId: m.personId, name: names.get(m.personId) ?? "" })),
    })),
  };
}

const isTriggerRefusal = (error: unknown) =>
  sqliteErrorCode(error) === "SQLITE_CONSTRAINT_TRIGGER" && (error as Error).message === "slot_taken";
const taken = () =>
  new DomainError("slot_taken", "Someone on the panel or the room was taken meanwhile; nothing was booked", {
    field: "start",
    reason: "taken",
  });

/** Checks made inside the write transaction: seats its people can take, their hours, the room. */
function checkComposition(
  tx: Db,
  caseId: number,
  seats: ParsedSeat[],
  members: PanelMemberInput[],
  start: number,
  end: number,
  now: number,
) {
  if (new Set(members.map((m) => m.personId)).size !== members.length)
    throw refuse("invalid_input", "duplicate_member", "One person cannot take two seats");
  members.forEach((m, i) => {
    const ok = panelCandidates(tx, { role: seats[i].role, category: seats[i].category }).some((c) => c.personId === m.personId);
    if (!ok) throw refuse("invalid_input", "not_a_candidate", `Person ${m.personId} cannot take the seat ${m.role}`);
  });
  const open = tx
    .select({ id: panels.id })
    .from(panels)
    .where(and(eq(panels.caseId, caseId), eq(panels.status, "booked")))
    .get();
  if (open) throw refuse("illegal_transition", "panel_exists", "This case already has a booked panel");
  // Within everyone's hours, notice and leave, ignoring what they hold (that is the triggers' part).
  const people = loadPeople(
    tx,
    members.map((m) => m.personId),
    start,
    end,
  );
  for (const m of members) {
    const p = people.get(m.personId)!;
    const hours = freeIntervals({ ...p, busy: [] }, start, end, now);
    if (!(hours.length === 1 && hours[0].start === start && hours[0].end === end))
      throw new DomainError("not_available", `Person ${m.personId} does not sit at this time (hours, notice or leave)`, {
        field: "start",
        reason: "not_a_slot",
      });
    if (freeIntervals(p, start, end, now).length !== 1) throw taken();
  }
}

/**
 * Books the panel: one booking (the chief mediator's seat, or the first, as its mediator; the room;
 * confirmed: the centre composed it) and a participant per other seat, the panel and its seats, and
 * the invitations, all in one write transaction. Nothing is booked when anyone or the room is taken.
 */
export async function bookPanel(
  db: Db,
  a: { caseId: number; start: number; minutes: number; roomId: number; members: PanelMemberInput[]; actor: User; now: number },
): Promise<PanelView> {
  requireStaff(a.actor, "book panels");
  const seats = seatsOf(a.members.map((m) => m.role));
  const start = a.start;
  const end = start + a.minutes * MINUTE;
  if (start % (15 * MINUTE) !== 0)
    throw new DomainError("invalid_input", "Panels start on the quarter hour", { field: "start", reason: "not_a_slot" });
  const panelId = await writeTransaction(db, (tx) => {
    const c = panelCase(tx, a.caseId);
    checkComposition(tx, a.caseId, seats, a.members, start, end, a.now);
    const room = tx
      .select({ id: rooms.id, name: rooms.name })
      .from(rooms)
      .where(and(eq(rooms.id, a.roomId), eq(rooms.active, true)))
      .get();
    if (!room) throw refuse("invalid_input", "no_room", "No such room at the centre");
    if (loadRooms(tx, start, end, room.id)[0].busy.some((b) => b.start < end && b.end > start)) throw taken();
    const lead =
      a.members[
        Math.max(
          0,
          seats.findIndex((s) => s.role === "chief-mediator"),
        )
      ];
    // The overlap triggers refuse a taken seat or room inside these inserts: the error rolls back the
    // whole transaction, so nothing of the panel is left behind.
    try {
      const booking = tx
        .insert(bookings)
        .values({
          caseId: c.id,
          partyUserId: a.actor.id,
          mediatorId: lead.personId,
          roomId: room.id,
          startAt: start,
          endAt: end,
          mode: "centre",
          status: "confirmed",
          assignmentReason: "panel",
          respondBy: start,
          createdAt: new Date(a.now),
          updatedAt: new Date(a.now),
        })
        .returning({ id: bookings.id })
        .get();
      const others = a.members.filter((m) => m.personId !== lead.personId);
      if (others.length)
        tx.insert(bookingParticipants)
          .values(
            others.map((m) => ({
              bookingId: booking.id,
              personId: m.personId,
              role: "panel-member" as const,
              startAt: start,
              endAt: end,
            })),
          )
          .run();
      const panel = tx
        .insert(panels)
        .values({ caseId: c.id, bookingId: booking.id, roomId: room.id, createdByUserId: a.actor.id, createdAt: a.now })
        .returning({ id: panels.id })
        .get();
      tx.insert(panelMembers)
        .values(
          a.members.map((m, i) => ({
            panelId: panel.id,
            personId: m.personId,
            role: seats[i].role,
            category: seats[i].category,
            position: i,
          })),
        )
        .run();
      markAvailabilityStale(
        tx,
        a.members.map((m) => m.personId),
        start,
      );
      const names = new Map(
        tx
          .select({ id: mediators.id, name: mediators.name })
          .from(mediators)
          .where(
            inArray(
              mediators.id,
              a.members.map((m) => m.personId),
            ),
          )
          .all()
          .map((r) => [r.id, r.name]),
      );
      const roster = a.members.map((m, i) => `${names.get(m.personId)}|${seatName(seats[i])}`).join(";");
      for (const [i, m] of a.members.entries())
        notifyMediator(tx, m.personId, {
          template: "panel.invited",
          params: { number: c.number, start, end, room: room.name, seat: seatName(seats[i]), members: roster, link: panelLink(panel.id) },
          at: a.now,
        });
      return panel.id;
    } catch (error) {
      if (isTriggerRefusal(error)) throw taken();
      throw error;
    }
  });
  return getPanel(db, { panelId, viewer: a.actor })!;
}

const panelLink = (id: number) => `${env().PUBLIC_URL}/panels/${id}`;

/**
 * A member confirms or declines their own seat; staff answer for any member (by phone). A declined
 * seat's time is released (its participant row stops holding it); the desk is told either way.
 */
export async function respondToPanelSeat(
  db: Db,
  a: { panelId: number; personId: number; answer: PanelAnswer; actor: User; now: number },
): Promise<PanelView> {
  const staff = isStaff(a.actor);
  if (!staff && a.actor.mediatorId !== a.personId) throw new DomainError("not_found", "Seat not found");
  await writeTransaction(db, (tx) => {
    const p = panelFacts(tx, a.panelId);
    const seat =
      p &&
      tx
        .select()
        .from(panelMembers)
        .where(and(eq(panelMembers.panelId, a.panelId), eq(panelMembers.personId, a.personId)))
        .get();
    if (!p || !seat) throw new DomainError("not_found", "Seat not found");
    if (p.status !== "booked") throw refuse("illegal_transition", "panel_not_booked", "The panel is no longer booked");
    const from = a.answer === "confirm" ? ["invited"] : ["invited", "confirmed"];
    const changed = tx
      .update(panelMembers)
      .set({
        status: a.answer === "confirm" ? "confirmed" : "declined",
        respondedAt: a.now,
        respondedByUserId: staff && a.actor.mediatorId !== a.personId ? a.actor.id : null,
      })
      .where(
        and(
          eq(panelMembers.panelId, a.panelId),
          eq(panelMembers.personId, a.personId),
          inArray(panelMembers.status, from as ("invited" | "confirmed")[]),
        ),
      )
      .run().changes;
    if (changed !== 1) throw refuse("illegal_transition", "seat_answered", "This seat has been answered already");
    tx.update(bookingParticipants)
      .set(a.answer === "confirm" ? { confirmedAt: a.now } : { declinedAt: a.now, active: false })
      .where(and(eq(bookingParticipants.bookingId, p.bookingId), eq(bookingParticipants.personId, a.personId)))
      .run();
    if (a.answer === "decline") markAvailabilityStale(tx, [a.personId], p.start);
    const name = tx.select({ name: mediators.name }).from(mediators).where(eq(mediators.id, a.personId)).get()?.name ?? "";
    notifyAddress(
      tx,
      { channel: "email", to: CENTRE_DESK, locale: "zh" },
      {
        template: "panel.seat-answered",
        params: {
          number: p.number,
          start: p.start,
          end: p.end,
          name,
          seat: seat.category ? `${seat.role}:${seat.category}` : seat.role,
          answer: a.answer,
          staffName: staff && a.actor.mediatorId !== a.personId ? a.actor.name : null,
          link: panelLink(p.id),
        },
        at: a.now,
      },
    );
  });
  return getPanel(db, { panelId: a.panelId, viewer: a.actor })!;
}

/** The minutes (会商纪要), once the panel has sat: by staff or the seated chief mediator. The panel is then held. */
export async function recordPanelMinutes(db: Db, a: PanelMinutesInput & { panelId: number; actor: User; now: number }): Promise<PanelView> {
  await writeTransaction(db, (tx) => {
    const p = panelFacts(tx, a.panelId);
    const seats = p ? tx.select().from(panelMembers).where(eq(panelMembers.panelId, a.panelId)).all() : [];
    const own = seats.find((s) => a.actor.mediatorId !== null && s.personId === a.actor.mediatorId);
    if (!p || (!isStaff(a.actor) && !own)) throw new DomainError("not_found", "Panel not found");
    if (!isStaff(a.actor) && !(own?.role === "chief-mediator" && own.status !== "declined"))
      throw refuse("forbidden", "not_chief", "The centre's staff or the chief mediator record the minutes");
    if (p.status !== "booked") throw refuse("illegal_transition", "panel_not_booked", "The panel is cancelled or its minutes are recorded");
    if (a.now < p.start) throw refuse("illegal_transition", "panel_not_started", "Minutes are recorded once the panel has sat");
    const seated = new Set(seats.map((s) => s.personId));
    const entries = a.entries.map((e) => {
      if (e.personId !== null && !seated.has(e.personId))
        throw new DomainError("invalid_input", `Person ${e.personId} has no seat on this panel`);
      return { personId: e.personId, speaker: e.speaker ?? "", said: e.said };
    });
    const changed = tx
      .update(panels)
      .set({
        status: "held",
        minutesEntries: entries,
        plan: a.plan,
        dissent: a.dissent,
        outcome: a.outcome,
        minutesByUserId: a.actor.id,
        minutesAt: a.now,
      })
      .where(and(eq(panels.id, a.panelId), eq(panels.status, "booked")))
      .run().changes;
    if (changed !== 1) throw refuse("illegal_transition", "panel_not_booked", "The panel changed meanwhile");
    notifyAddress(
      tx,
      { channel: "email", to: CENTRE_DESK, locale: "zh" },
      {
        template: "panel.minutes",
        params: { number: p.number, start: p.start, end: p.end, outcome: a.outcome, link: panelLink(p.id) },
        at: a.now,
      },
    );
  });
  return getPanel(db, { panelId: a.panelId, viewer: a.actor })!;
}
