// What the panel search needs from the database (issue 9): each candidate's hours, overrides, leave and
// the time they hold (their active booking participations, ADR 027), each room's held time; and any
// person's free slots for staff, public pool or not (GET /api/v1/people/:id/slots).
import { DateTime } from "luxon";
import { and, eq, gt, inArray, lt } from "drizzle-orm";
import { connectionOf, type Db, type Tx } from "../../db/client";
import { bookings, mediators, panelRoles, rooms } from "../../db/schema";
import { CENTRE_TIMEZONE } from "../../domain";
import type { User } from "./auth.server";
import { loadAvailability, mediatorSlots } from "./availability.server";
import { HOLDING } from "./booking-rules";
import { iso } from "./booking-view";
import { DomainError } from "./errors";
import type { PersonAvailability, RoomBusy } from "./panel-slots";
import { centreToday, MAX_SLOT_DAYS, type SlotsView } from "./slots-query.server";

type Reader = Db | Tx;
const DAY = 86_400_000;

export const isStaff = (u: User) => u.role === "staff" || u.role === "admin";

/** Epoch ms of local midnight at the centre of a YYYY-MM-DD date. */
export const centreMidnight = (date: string) => DateTime.fromISO(date, { zone: CENTRE_TIMEZONE }).startOf("day").toMillis();

/** Candidates' availability and held time around [from, to) (a day either side: buffers, late ranges). */
export function loadPeople(db: Reader, ids: number[], from: number, to: number): Map<number, PersonAvailability> {
  const people = new Map<number, PersonAvailability>();
  if (ids.length === 0) return people;
  // Read raw (arrays, one cached statement for any number of people): thousands of rows for 90 days,
  // where mapping each through the query builder cost more than the search itself.
  const busy = connectionOf(db)
    .prepare(
      `select person_id, start_at, end_at from booking_participants
       where person_id in (select value from json_each(?)) and active = 1 and start_at < ? and end_at > ?`,
    )
    .raw()
    .all(JSON.stringify(ids), to + DAY, from - DAY) as [number, number, number][];
  const byPerson = new Map<number, { start: number; end: number }[]>();
  for (const [personId, start, end] of busy) {
    const list = byPerson.get(personId);
    if (list) list.push({ start, end });
    else byPerson.set(personId, [{ start, end }]);
  }
  for (const id of ids) {
    const a = loadAvailability(db, id);
    people.set(id, {
      personId: id,
      timezone: a.rules.timezone,
      weekly: a.weekly,
      overrides: a.overrides,
      bufferMinutes: a.rules.bufferMinutes,
      minNoticeHours: a.rules.minNoticeHours,
      dailyCap: a.rules.dailyCap,
      busy: byPerson.get(id) ?? [],
    });
  }
  return people;
}

/** The centre's active rooms (by id) with the time bookings hold in each. */
export function loadRooms(db: Reader, from: number, to: number, only?: number): RoomBusy[] {
  const list = db
    .select({ id: rooms.id })
    .from(rooms)
    .where(only === undefined ? eq(rooms.active, true) : and(eq(rooms.active, true), eq(rooms.id, only)))
    .orderBy(rooms.id)
    .all();
  // One range read per room on its (room_id, start_at) index.
  return list.map((r) => ({
    roomId: r.id,
    busy: db
      .select({ start: bookings.startAt, end: bookings.endAt })
      .from(bookings)
      .where(
        and(
          eq(bookings.roomId, r.id),
          gt(bookings.startAt, from - 2 * DAY),
          lt(bookings.startAt, to + DAY),
          gt(bookings.endAt, from - DAY),
          inArray(bookings.status, [...HOLDING]),
        ),
      )
      .all(),
  }));
}

/**
 * A possible panel member's free slots, for staff: anyone holding a panel role or in the public pool,
 * listed or not. Same shape and limits as a mediator's public slots. Null when there is no such person.
 */
export function listPersonSlots(
  db: Db,
  { personId, from: fromDate, to: toDate, viewer, now }: { personId: number; from?: string; to?: string; viewer: User; now: number },
): SlotsView | null {
  if (!isStaff(viewer)) throw new DomainError("forbidden", "Only the centre's staff read the slots of panel members");
  const person = db
    .select({ id: mediators.id, listed: mediators.listed })
    .from(mediators)
    .where(and(eq(mediators.id, personId), eq(mediators.active, true)))
    .get();
  if (!person) return null;
  const hasRole = db.select({ id: panelRoles.id }).from(panelRoles).where(eq(panelRoles.personId, personId)).get();
  if (!person.listed && !hasRole) return null;
  const from = fromDate ?? centreToday(now);
  const to = toDate ?? DateTime.fromISO(from).plus({ days: 13 }).toISODate()!;
  if (DateTime.fromISO(to).diff(DateTime.fromISO(from), "days").days >= MAX_SLOT_DAYS)
    throw new DomainError("invalid_input", `at most ${MAX_SLOT_DAYS} days at a time`);
  const slots = mediatorSlots(db, personId, { from, to, now });
  return {
    timezone: CENTRE_TIMEZONE,
    slots: slots.map((s) => ({ start: iso(s.start), end: iso(s.end), modes: s.modes, towns: s.towns })),
  };
}
