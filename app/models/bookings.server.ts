// Reading bookings: one joined query per booking or per page of bookings, the viewer's visibility in
// the WHERE clause (someone else's booking is simply not found), the status as of `now`. Reads never
// write: an overdue request reads as expired and the background job records it.
import { and, asc, count, desc, eq, gt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { preparedQueries, type Db, type Tx } from "../../db/client";
import { availabilitySettings, bookings, cases, committees, mediators, rooms, users } from "../../db/schema";
import { getDb } from "../db.server";
import { DEFAULT_RULES } from "./availability-schema";
import type { User } from "./auth.server";
import type { BookingViewer } from "./booking-rules";
import type { PageQuery } from "./booking-schemas";
import { toBookingView, type BookingView } from "./booking-view";
import { DomainError } from "./errors";

const ph = sql.placeholder;
const party = alias(users, "party");
/** The staff member who answered for the mediator, if one did. */
const actor = alias(users, "actor");
/** The booking a rescheduled one came from. */
const origin = alias(bookings, "origin");
// A confirmed session's newest move still waiting for the mediator (its deadline is judged as of now).
const change = (column: "id" | "start_at" | "respond_by") =>
  sql<number | null>`(select ch.${sql.raw(column)} from bookings ch where ch.rescheduled_from_id = ${bookings.id} and ch.status = 'pending' order by ch.id desc limit 1)`;
type BookingRow = typeof bookings.$inferSelect;

/** Placeholders of the visibility rule: staff see all; a party their own; a mediator theirs. */
function scopeOf(user: User) {
  const staff = user.role === "staff" || user.role === "admin";
  return {
    all: staff ? 1 : 0,
    party: user.role === "party" ? user.id : -1,
    mediator: user.role === "mediator" ? (user.mediatorId ?? -1) : -1,
  };
}

const visible = sql`(${ph("all")} = 1 or ${bookings.partyUserId} = ${ph("party")} or ${bookings.mediatorId} = ${ph("mediator")})`;

const joinedOn = (db: Db) =>
  db
    .select({
      b: bookings,
      c: {
        category: cases.category,
        description: cases.description,
        counterpartyName: cases.counterpartyName,
        number: cases.number,
        status: cases.status,
      },
      mediatorName: mediators.name,
      committeeName: committees.name,
      roomName: rooms.name,
      partyName: party.name,
      partyPhone: party.phone,
      actedByName: actor.name,
      originStatus: origin.status,
      originStart: origin.startAt,
      changeId: change("id"),
      changeStart: change("start_at"),
      changeRespondBy: change("respond_by"),
      minNoticeHours: availabilitySettings.minNoticeHours,
    })
    .from(bookings)
    .innerJoin(cases, eq(cases.id, bookings.caseId))
    .innerJoin(mediators, eq(mediators.id, bookings.mediatorId))
    .innerJoin(party, eq(party.id, bookings.partyUserId))
    .leftJoin(committees, eq(committees.id, bookings.committeeId))
    .leftJoin(rooms, eq(rooms.id, bookings.roomId))
    .leftJoin(actor, eq(actor.id, bookings.actedByUserId))
    .leftJoin(origin, eq(origin.id, bookings.rescheduledFromId))
    .leftJoin(availabilitySettings, eq(availabilitySettings.mediatorId, bookings.mediatorId));

const q = preparedQueries((db) => {
  const joined = () => joinedOn(db);
  return {
    one: joined()
      .where(and(eq(bookings.id, ph("id")), visible))
      .prepare(),
    page: joined().where(visible).orderBy(desc(bookings.startAt), desc(bookings.id)).limit(ph("limit")).offset(ph("offset")).prepare(),
    total: db.select({ n: count() }).from(bookings).where(visible).prepare(),
  };
});

type Joined = ReturnType<ReturnType<typeof q>["one"]["get"]> & object;
const AGENDA_LIMIT = 200;

/**
 * The viewer's relation to a booking they can see. Only the centre's staff and admins are "staff":
 * staff may answer for the mediator, so no one else may fall through to it, whatever a query returned.
 */
export function viewerOf(user: User, b: Pick<BookingRow, "partyUserId" | "mediatorId">): BookingViewer {
  if (user.role === "party" && b.partyUserId === user.id) return "party";
  if (user.role === "mediator" && user.mediatorId !== null && user.mediatorId === b.mediatorId) return "mediator";
  if (user.role === "staff" || user.role === "admin") return "staff";
  throw new DomainError("not_found", "Booking not found");
}

/**
 * The visibility rule as a condition on `bookings`, for the write paths' conditional updates: the row
 * is changed only if this user could see it, whatever the read before it found.
 */
export function visibleTo(user: User) {
  const s = scopeOf(user);
  return sql`(${s.all} = 1 or ${bookings.partyUserId} = ${s.party} or ${bookings.mediatorId} = ${s.mediator})`;
}

function toView(user: User, r: Joined, now: number): BookingView {
  const facts = {
    mediatorName: r.mediatorName,
    committeeName: r.committeeName,
    roomName: r.roomName,
    partyName: r.partyName,
    actedByName: r.actedByName,
    minNoticeHours: r.minNoticeHours ?? DEFAULT_RULES.minNoticeHours,
    partyPhone: r.partyPhone,
    change: r.changeId !== null ? { id: r.changeId, startAt: r.changeStart!, respondBy: r.changeRespondBy! } : null,
    origin: r.originStatus !== null && r.originStart !== null ? { status: r.originStatus, startAt: r.originStart } : null,
  };
  return toBookingView(r.b, r.c, facts, viewerOf(user, r.b), now);
}

/** The booking as this user may see it, read with `db` (inside a transaction: its snapshot). */
export function readBooking(db: Db | Tx, user: User, id: number, now: number): BookingView | null {
  const row = q(db).one.get({ id, ...scopeOf(user) });
  return row ? toView(user, row, now) : null;
}

/** The booking if the user may see it; otherwise `not_found`, whether it exists or not. */
export function getBooking({ user, id, now }: { user: User; id: number; now: number }): BookingView {
  const view = readBooking(getDb(), user, id, now);
  if (!view) throw new DomainError("not_found", "Booking not found");
  return view;
}

export interface BookingPage {
  bookings: BookingView[];
  total: number;
  page: number;
  perPage: number;
}

/** A page of the bookings this user may see, newest session first: two queries whatever the page size. */
export function listBookings({ user, page, now }: { user: User; page: PageQuery; now: number }): BookingPage {
  const db = getDb();
  const scope = scopeOf(user);
  const rows = q(db).page.all({ ...scope, limit: page.perPage, offset: (page.page - 1) * page.perPage });
  const total = q(db).total.get(scope)?.n ?? 0;
  return { bookings: rows.map((r) => toView(user, r, now)), total, page: page.page, perPage: page.perPage };
}

/**
 * A mediator's desk: requests still awaiting an answer (soonest deadline first) and confirmed sessions
 * not yet over (soonest first), as of `now`; at most 200 of each.
 */
export function mediatorAgenda({ user, now, doneId }: { user: User; now: number; doneId?: number | null }): {
  pending: BookingView[];
  upcoming: BookingView[];
  /** The booking a step was just taken on (for the page's notice), if it is this mediator's. */
  done: BookingView | null;
} {
  if (user.role !== "mediator" || !user.mediatorId) return { pending: [], upcoming: [], done: null };
  const db = getDb();
  const mine = eq(bookings.mediatorId, user.mediatorId);
  const pending = joinedOn(db)
    .where(and(mine, eq(bookings.status, "pending"), gt(bookings.respondBy, now)))
    .orderBy(asc(bookings.respondBy))
    .limit(AGENDA_LIMIT)
    .all();
  const upcoming = joinedOn(db)
    .where(and(mine, eq(bookings.status, "confirmed"), gt(bookings.endAt, now)))
    .orderBy(asc(bookings.startAt))
    .limit(AGENDA_LIMIT)
    .all();
  return {
    pending: pending.map((r) => toView(user, r, now)),
    upcoming: upcoming.map((r) => toView(user, r, now)),
    done: doneId ? readBooking(db, user, doneId, now) : null,
  };
}
