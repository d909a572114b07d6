// The sea (issue 9, ADR 023): staff declare a ferry suspension for some island towns and a time range.
// In ONE write transaction the suspension is recorded with every session it catches (./sea-rules.ts),
// each with what its party is offered (the same time online when the mediator works online; the
// earliest free times of the same mediator once the ferries run again), and the party, the mediator
// and the centre's staff are told through the outbox. Nothing is cancelled: the party answers
// (./sea-offer.server.ts). Lifting a suspension early records when; its sessions keep their answers.
import { and, desc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { writeTransaction, type Db, type Tx } from "../../db/client";
import { bookings, cases, mediatorModes, seaSuspensionSessions, seaSuspensions, users } from "../../db/schema";
import { CENTRE_TIMEZONE, type SeaSessionAction } from "../../domain";
import { localDateInZone } from "../../domain/zone";
import { getDb } from "../db.server";
import type { User } from "./auth.server";
import { mediatorSlots } from "./availability.server";
import { effectiveStatus, HOLDING } from "./booking-rules";
import { iso } from "./booking-view";
import { DomainError } from "./errors";
import { notifyMediator, notifyUser } from "./notifications.server";
import { affectedSessions, offeredTimes, stillUntil, type Crossing, type SuspensionFacts } from "./sea-rules";
import type { DeclareSuspensionInput } from "./sea-schemas";

type Reader = Db | Tx;
type BookingRow = typeof bookings.$inferSelect;

export interface Interval {
  start: string;
  end: string;
}
export interface SeaOffer {
  online: Interval | null;
  times: Interval[];
}
export interface DeclaredSession {
  bookingId: number;
  caseNumber?: string;
  start: string;
  mode: BookingRow["mode"];
  crossing: Crossing;
  offer: SeaOffer;
}
export interface DeclaredSuspension {
  id: number;
  towns: DeclareSuspensionInput["towns"];
  from: string;
  to: string;
  note: string;
  affected: DeclaredSession[];
}

export const isStaff = (user: User) => user.role === "staff" || user.role === "admin";
function requireStaff(user: User): void {
  if (!isStaff(user)) throw new DomainError("forbidden", "Only the centre's staff declare and read ferry suspensions");
}

/** How far past the suspension other times are looked for: four weeks is plenty for three of them. */
const LOOK_AHEAD_DAYS = 28;

/**
 * The earliest free times of the booking's own mediator, in its mode (and town, on site), that start
 * once the ferries run again. Computed with the booking's own time still held, so it is never offered.
 */
export function otherTimes(db: Reader, b: Pick<BookingRow, "mediatorId" | "mode" | "town">, s: SuspensionFacts, now: number): Interval[] {
  const from = localDateInZone(Math.max(stillUntil(s), now), CENTRE_TIMEZONE);
  const to = DateTime.fromISO(from).plus({ days: LOOK_AHEAD_DAYS }).toISODate()!;
  const slots = mediatorSlots(db, b.mediatorId, { from, to, mode: b.mode, now }).filter(
    (slot) => b.mode !== "onsite" || slot.towns.includes(b.town ?? ""),
  );
  return offeredTimes(slots, s).map((slot) => ({ start: iso(slot.start), end: iso(slot.end) }));
}

/** The sessions that might be caught: held, centre or on site, overlapping the range, not begun. */
function candidates(tx: Reader, s: SuspensionFacts, now: number) {
  return tx
    .select({ b: bookings, caseTown: cases.town, caseNumber: cases.number })
    .from(bookings)
    .innerJoin(cases, eq(cases.id, bookings.caseId))
    .where(
      and(
        inArray(bookings.status, [...HOLDING]),
        inArray(bookings.mode, ["centre", "onsite"]),
        lt(bookings.startAt, stillUntil(s)),
        gt(bookings.endAt, s.fromAt),
        gt(bookings.startAt, now),
      ),
    )
    .all();
}

const offersOnline = (tx: Reader, mediatorId: number) =>
  Boolean(
    tx
      .select({ m: mediatorModes.mode })
      .from(mediatorModes)
      .where(and(eq(mediatorModes.mediatorId, mediatorId), eq(mediatorModes.mode, "online")))
      .get(),
  );

/** Who "the staff" are for the outbox: every active staff account, and the admin who declared. */
function staffToTell(tx: Reader, declarer: User): number[] {
  const rows = tx
    .select({ id: users.id })
    .from(users)
    .where(and(isNull(users.disabledAt), or(eq(users.role, "staff"), eq(users.id, declarer.id))))
    .all();
  return rows.map((r) => r.id);
}

export async function declareSuspension({
  user,
  input,
  now,
}: {
  user: User;
  input: DeclareSuspensionInput;
  now: number;
}): Promise<DeclaredSuspension> {
  requireStaff(user);
  const facts: SuspensionFacts = { towns: input.towns, fromAt: Date.parse(input.from), toAt: Date.parse(input.to), liftedAt: null };
  return writeTransaction(getDb(), (tx) => {
    const { id } = tx
      .insert(seaSuspensions)
      .values({ towns: input.towns, fromAt: facts.fromAt, toAt: facts.toAt, note: input.note, createdByUserId: user.id, createdAt: now })
      .returning({ id: seaSuspensions.id })
      .get();
    const rows = candidates(tx, facts, now);
    const byId = new Map(rows.map((r) => [r.b.id, r]));
    const caught = affectedSessions(
      facts,
      rows.map((r) => ({ bookingId: r.b.id, ...r.b, bookingTown: r.b.town, caseTown: r.caseTown })),
      now,
    );
    const common = { towns: input.towns.join(","), from: facts.fromAt, to: facts.toAt, note: input.note || null };
    const affected = caught.map(({ bookingId, crossing }): DeclaredSession => {
      const { b, caseNumber } = byId.get(bookingId)!;
      const online = offersOnline(tx, b.mediatorId) ? { start: iso(b.startAt), end: iso(b.endAt) } : null;
      const times = otherTimes(tx, b, facts, now);
      tx.insert(seaSuspensionSessions)
        .values({ suspensionId: id, bookingId, crossing, action: "flagged", offeredOnlineAt: online ? b.startAt : null })
        .run();
      const params = {
        ...common,
        bookingId,
        number: caseNumber,
        start: b.startAt,
        mode: b.mode,
        crossing,
        online: online ? b.startAt : null,
        ...Object.fromEntries([0, 1, 2].map((i) => [`time${i + 1}`, times[i] ? Date.parse(times[i].start) : null])),
      };
      notifyUser(tx, b.partyUserId, { template: "sea.suspended-party", params, bookingId, at: now });
      notifyMediator(tx, b.mediatorId, { template: "sea.suspended-mediator", params, bookingId, at: now });
      return { bookingId, ...(caseNumber ? { caseNumber } : {}), start: iso(b.startAt), mode: b.mode, crossing, offer: { online, times } };
    });
    for (const staffId of staffToTell(tx, user))
      notifyUser(tx, staffId, {
        template: "sea.suspended-staff",
        params: { ...common, suspensionId: id, count: affected.length },
        at: now,
      });
    return { id, towns: input.towns, from: iso(facts.fromAt), to: iso(facts.toAt), note: input.note, affected };
  });
}

/** What became of a caught session: as recorded, or as its booking shows when it changed elsewhere. */
export function effectiveAction(action: SeaSessionAction, b: Pick<BookingRow, "status" | "cancelReason" | "mode">): SeaSessionAction {
  if (action !== "flagged") return action;
  // Rescheduled or cancelled through the booking's own steps: the booking is the record.
  if (b.status === "cancelled") return b.cancelReason === "rescheduled" ? "rescheduled" : "cancelled";
  if (b.status === "declined" || b.status === "expired") return "cancelled";
  if (b.mode === "online") return "moved-online";
  return "flagged";
}

export interface SuspendedSessionView {
  bookingId: number;
  caseNumber: string;
  partyName: string;
  mediatorName: string;
  start: string;
  end: string;
  mode: BookingRow["mode"];
  town: string | null;
  crossing: Crossing;
  offeredOnline: boolean;
  action: SeaSessionAction;
  resolvedAt: string | null;
  resolvedByStaff: boolean;
  /** Still waiting for an answer that can be given: not begun, suspension not lifted. */
  open: boolean;
}
export interface SuspensionView {
  id: number;
  towns: string[];
  from: string;
  to: string;
  note: string;
  createdAt: string;
  liftedAt: string | null;
  inForce: boolean;
  sessions: SuspendedSessionView[];
}

/** The newest suspensions first (at most 50), each with the sessions it caught and their state. Staff only. */
export function listSuspensions({ user, now, limit = 50 }: { user: User; now: number; limit?: number }): SuspensionView[] {
  requireStaff(user);
  const db = getDb();
  const list = db.select().from(seaSuspensions).orderBy(desc(seaSuspensions.fromAt), desc(seaSuspensions.id)).limit(limit).all();
  if (list.length === 0) return [];
  const party = sql<string>`(select name from users where users.id = ${bookings.partyUserId})`;
  const mediator = sql<string>`(select name from mediators where mediators.id = ${bookings.mediatorId})`;
  const resolver = sql<string | null>`(select role from users where users.id = ${seaSuspensionSessions.resolvedByUserId})`;
  const rows = db
    .select({ s: seaSuspensionSessions, b: bookings, number: cases.number, party, mediator, resolver })
    .from(seaSuspensionSessions)
    .innerJoin(bookings, eq(bookings.id, seaSuspensionSessions.bookingId))
    .innerJoin(cases, eq(cases.id, bookings.caseId))
    .where(
      inArray(
        seaSuspensionSessions.suspensionId,
        list.map((s) => s.id),
      ),
    )
    .orderBy(bookings.startAt)
    .all();
  return list.map((s) => ({
    id: s.id,
    towns: s.towns,
    from: iso(s.fromAt),
    to: iso(s.toAt),
    note: s.note,
    createdAt: iso(s.createdAt),
    liftedAt: s.liftedAt === null ? null : iso(s.liftedAt),
    inForce: stillUntil(s) > now,
    sessions: rows
      .filter((r) => r.s.suspensionId === s.id)
      .map((r) => ({
        bookingId: r.b.id,
        caseNumber: r.number ?? "",
        partyName: r.party,
        mediatorName: r.mediator,
        start: iso(r.b.startAt),
        end: iso(r.b.endAt),
        mode: r.b.mode,
        town: r.b.town,
        crossing: r.s.crossing,
        offeredOnline: r.s.offeredOnlineAt !== null,
        action: effectiveAction(r.s.action, r.b),
        resolvedAt: r.s.resolvedAt === null ? null : iso(r.s.resolvedAt),
        resolvedByStaff: r.resolver === "staff" || r.resolver === "admin",
        open:
          effectiveAction(r.s.action, r.b) === "flagged" &&
          r.b.startAt > now &&
          (s.liftedAt === null || s.liftedAt > now) &&
          (HOLDING as readonly string[]).includes(effectiveStatus(r.b, now)),
      })),
  }));
}

/**
 * The weather cleared: the suspension ends now. Sessions it caught keep what their parties chose; the
 * parties and mediators of those still unanswered are told the ferries run again (nothing silent).
 */
export async function liftSuspension({ user, id, now }: { user: User; id: number; now: number }): Promise<void> {
  requireStaff(user);
  await writeTransaction(getDb(), (tx) => {
    const row = tx.select().from(seaSuspensions).where(eq(seaSuspensions.id, id)).get();
    if (!row) throw new DomainError("not_found", "Suspension not found");
    const res = tx
      .update(seaSuspensions)
      .set({ liftedAt: now })
      .where(and(eq(seaSuspensions.id, id), isNull(seaSuspensions.liftedAt), gt(seaSuspensions.toAt, now)))
      .run();
    if (res.changes !== 1) throw new DomainError("illegal_transition", "The suspension is over or was lifted already");
    const caught = tx
      .select({ b: bookings, number: cases.number })
      .from(seaSuspensionSessions)
      .innerJoin(bookings, eq(bookings.id, seaSuspensionSessions.bookingId))
      .innerJoin(cases, eq(cases.id, bookings.caseId))
      .where(and(eq(seaSuspensionSessions.suspensionId, id), eq(seaSuspensionSessions.action, "flagged"), gt(bookings.startAt, now)))
      .all();
    for (const { b, number } of caught) {
      if (effectiveAction("flagged", b) !== "flagged" || !(HOLDING as readonly string[]).includes(effectiveStatus(b, now))) continue;
      const params = { bookingId: b.id, number, start: b.startAt, towns: row.towns.join(","), lifted: now };
      const message = { template: "sea.lifted" as const, params, bookingId: b.id, at: now };
      notifyUser(tx, b.partyUserId, message);
      notifyMediator(tx, b.mediatorId, message);
    }
  });
}
