// Reading and writing a mediator's availability, computing their free slots (and a committee's), and
// keeping the cached "next free slot" that search shows in step with changes and with the clock.
import { and, eq, gte, inArray, isNotNull, lte, lt, sql } from "drizzle-orm";
import { preparedQueries, writeTransaction, type Db, type Tx } from "../../db/client";
import {
  availabilityOverrides,
  availabilitySettings,
  availabilityWeekly,
  bookingParticipants,
  bookings,
  committeeMembers,
  mediators,
  rooms,
  slotHolds,
} from "../../db/schema";
import { recordSearchChange } from "../../search/outbox";
import { CENTRE_TIMEZONE, type ModeSlug, type TownSlug } from "../../domain";
import { getDb } from "../db.server";
import { localMidnightOf } from "../../domain/zone";
import { bookableNoticeHours } from "../../domain/answer-deadline";
import { DEFAULT_RULES, availabilitySchema, type AvailabilityDocument } from "./availability-schema";
import {
  computeSlots,
  firstFreeSlot,
  hhmmToMinutes,
  minutesToHhmm,
  unionSlots,
  type BookingRules,
  type DateOverride,
  type Interval,
  type Slot,
  type WeeklyRange,
} from "./slots";

import type { User } from "./auth.server";
import { HOLDING } from "./booking-rules";
import { DomainError } from "./errors";

export { HOLDING };
type Reader = Db | Tx;

export interface MediatorAvailability {
  rules: BookingRules;
  /** Confirms requests at once (issue 11): may be booked closer to the session (ADR 029). */
  instantConfirm: boolean;
  weekly: WeeklyRange[];
  overrides: DateOverride[];
}

const ph = sql.placeholder;

// The reads and writes every booking and every slot request makes, built once per connection.
const q = preparedQueries((db) => ({
  settings: db
    .select()
    .from(availabilitySettings)
    .where(eq(availabilitySettings.mediatorId, ph("id")))
    .prepare(),
  weekly: db
    .select()
    .from(availabilityWeekly)
    .where(eq(availabilityWeekly.mediatorId, ph("id")))
    .prepare(),
  overrides: db
    .select()
    .from(availabilityOverrides)
    .where(eq(availabilityOverrides.mediatorId, ph("id")))
    .prepare(),
  // A person's time is held by every active booking they take part in (ADR 027): their own sessions
  // and their seats on panels, which the overlap triggers keep in booking_participants.
  busy: db
    .select({ start: bookingParticipants.startAt, end: bookingParticipants.endAt })
    .from(bookingParticipants)
    .where(
      and(
        eq(bookingParticipants.personId, ph("id")),
        eq(bookingParticipants.active, true),
        lt(bookingParticipants.startAt, ph("to")),
        gte(bookingParticipants.endAt, ph("from")),
      ),
    )
    .prepare(),
  // Times held for a visitor signing in (slot_holds, issue 11): busy for everyone but their holder.
  held: db
    .select({ start: slotHolds.startAt, end: slotHolds.endAt })
    .from(slotHolds)
    .where(
      and(
        eq(slotHolds.mediatorId, ph("id")),
        sql`${slotHolds.expiresAt} > ${ph("now")}`,
        sql`${slotHolds.holderHash} <> ${ph("holder")}`,
        lt(slotHolds.startAt, ph("to")),
        gte(slotHolds.endAt, ph("from")),
      ),
    )
    .prepare(),
  committeeHeld: db
    .select({ start: slotHolds.startAt })
    .from(slotHolds)
    .where(
      and(
        eq(slotHolds.committeeId, ph("id")),
        sql`${slotHolds.expiresAt} > ${ph("now")}`,
        sql`${slotHolds.holderHash} <> ${ph("holder")}`,
      ),
    )
    .prepare(),
  roomCount: db
    .select({ n: sql<number>`count(*)` })
    .from(rooms)
    .where(eq(rooms.active, true))
    .prepare(),
  roomBusy: db
    .select({ start: bookings.startAt, end: bookings.endAt })
    .from(bookings)
    .where(
      and(
        isNotNull(bookings.roomId),
        inArray(bookings.status, [...HOLDING]),
        lt(bookings.startAt, ph("to")),
        gte(bookings.endAt, ph("from")),
      ),
    )
    .prepare(),
  cachedNext: db
    .select({ next: availabilitySettings.nextAvailableAt })
    .from(availabilitySettings)
    .where(eq(availabilitySettings.mediatorId, ph("id")))
    .prepare(),
  writeNext: db
    .insert(availabilitySettings)
    .values({ mediatorId: ph("id"), nextAvailableAt: ph("next"), nextAvailableValidUntil: ph("until") })
    .onConflictDoUpdate({
      target: availabilitySettings.mediatorId,
      set: { nextAvailableAt: sql`excluded.next_available_at`, nextAvailableValidUntil: sql`excluded.next_available_valid_until` },
    })
    .prepare(),
  // Holding room bookings that overlap [start, end): more than the concurrent use, never less.
  roomsInUse: db
    .select({ n: sql<number>`count(*)` })
    .from(bookings)
    .where(
      and(
        isNotNull(bookings.roomId),
        inArray(bookings.status, [...HOLDING]),
        lt(bookings.startAt, ph("end")),
        sql`${bookings.endAt} > ${ph("start")}`,
      ),
    )
    .prepare(),
  staleCentreBetween: db
    .update(availabilitySettings)
    .set({ nextAvailableValidUntil: 0 })
    .where(
      and(
        sql`(${availabilitySettings.nextAvailableAt} is null or (${availabilitySettings.nextAvailableAt} > ${ph("from")} and ${availabilitySettings.nextAvailableAt} < ${ph("to")}))`,
        sql`${availabilitySettings.mediatorId} in (
          select mediator_id from availability_weekly where modes like '%"centre"%'
          union select mediator_id from availability_overrides where modes like '%"centre"%')`,
      ),
    )
    .prepare(),
  // A booking made or released at `changedAt` can only move the next free slot if it falls before the
  // end of that slot's day (buffers and the daily cap reach across the day); later changes leave it.
  markStale: db
    .update(availabilitySettings)
    .set({ nextAvailableValidUntil: 0 })
    .where(
      and(
        eq(availabilitySettings.mediatorId, ph("id")),
        sql`(${availabilitySettings.nextAvailableAt} is null or ${ph("changedAt")} < ${availabilitySettings.nextAvailableAt} + 86400000)`,
      ),
    )
    .prepare(),
}));

export function loadAvailability(db: Reader, mediatorId: number): MediatorAvailability {
  const queries = q(db);
  const s = queries.settings.get({ id: mediatorId });
  const weekly = queries.weekly.all({ id: mediatorId });
  const overrides = queries.overrides.all({ id: mediatorId });
  return {
    rules: s
      ? {
          timezone: s.timezone,
          sessionMinutes: s.sessionMinutes,
          bufferMinutes: s.bufferMinutes,
          minNoticeHours: s.minNoticeHours,
          horizonDays: s.horizonDays,
          dailyCap: s.dailyCap,
        }
      : { timezone: CENTRE_TIMEZONE, ...DEFAULT_RULES },
    instantConfirm: s?.instantConfirm ?? false,
    weekly: weekly
      .sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute)
      .map((w) => ({
        weekday: w.weekday,
        startMinute: w.startMinute,
        endMinute: w.endMinute,
        modes: w.modes as ModeSlug[],
        towns: w.towns,
      })),
    overrides: overrides
      .sort((a, b) => a.date.localeCompare(b.date) || (a.startMinute ?? 0) - (b.startMinute ?? 0))
      .map((o) =>
        o.unavailable
          ? { date: o.date, unavailable: true as const }
          : {
              date: o.date,
              unavailable: false as const,
              startMinute: o.startMinute ?? 0,
              endMinute: o.endMinute ?? 0,
              modes: (o.modes ?? []) as ModeSlug[],
              towns: o.towns ?? [],
            },
      ),
  };
}

/** The availability as slots are offered: a notice long enough for a request to be answered in time (ADR 029). */
function bookable(a: MediatorAvailability): MediatorAvailability {
  return { ...a, rules: { ...a.rules, minNoticeHours: bookableNoticeHours(a.rules.minNoticeHours, a.instantConfirm) } };
}

/** Does this availability ever offer sessions at the centre (and so need the rooms read)? */
function offersCentre(a: MediatorAvailability): boolean {
  return a.weekly.some((w) => w.modes.includes("centre")) || a.overrides.some((o) => !o.unavailable && o.modes.includes("centre"));
}

/**
 * The mediator a user keeps hours for: a mediator account linked to a mediator record; anyone else is
 * refused. The one guard for the API and the availability page.
 */
export function ownMediatorId(user: User): number {
  if (user.role !== "mediator" || !user.mediatorId) throw new DomainError("forbidden", "This account is not linked to a mediator");
  return user.mediatorId;
}

/** The document GET /api/v1/me/availability returns: exactly what PUT accepts. */
export function getAvailabilityDocument({ mediatorId }: { mediatorId: number }): AvailabilityDocument {
  const a = loadAvailability(getDb(), mediatorId);
  return {
    weekly: a.weekly.map((w) => ({
      weekday: w.weekday,
      start: minutesToHhmm(w.startMinute),
      end: minutesToHhmm(w.endMinute),
      modes: w.modes,
      towns: w.towns as TownSlug[],
    })),
    overrides: a.overrides.map((o) =>
      o.unavailable
        ? { date: o.date, unavailable: true as const }
        : {
            date: o.date,
            start: minutesToHhmm(o.startMinute),
            end: minutesToHhmm(o.endMinute),
            modes: o.modes,
            towns: o.towns as TownSlug[],
          },
    ),
    sessionMinutes: a.rules.sessionMinutes,
    bufferMinutes: a.rules.bufferMinutes,
    minNoticeHours: a.rules.minNoticeHours,
    horizonDays: a.rules.horizonDays,
    dailyCap: a.rules.dailyCap,
  };
}

/** Replaces a mediator's availability in one write transaction and refreshes what search shows. */
export async function putAvailability({
  mediatorId,
  input,
  now,
}: {
  mediatorId: number;
  input: unknown;
  now: number;
}): Promise<AvailabilityDocument> {
  const doc = availabilitySchema.parse(input);
  await writeTransaction(getDb(), (tx) => {
    writeAvailability(tx, mediatorId, doc, now);
    refreshNextAvailable(tx, [mediatorId], now);
  });
  return getAvailabilityDocument({ mediatorId });
}

export function writeAvailability(tx: Reader, mediatorId: number, doc: AvailabilityDocument, now: number): void {
  const rules = {
    sessionMinutes: doc.sessionMinutes,
    bufferMinutes: doc.bufferMinutes,
    minNoticeHours: doc.minNoticeHours,
    horizonDays: doc.horizonDays,
    dailyCap: doc.dailyCap,
  };
  tx.insert(availabilitySettings)
    .values({ mediatorId, ...rules })
    .onConflictDoUpdate({ target: availabilitySettings.mediatorId, set: { ...rules, updatedAt: new Date(now) } })
    .run();
  tx.delete(availabilityWeekly).where(eq(availabilityWeekly.mediatorId, mediatorId)).run();
  tx.delete(availabilityOverrides).where(eq(availabilityOverrides.mediatorId, mediatorId)).run();
  if (doc.weekly.length)
    tx.insert(availabilityWeekly)
      .values(
        doc.weekly.map((w) => ({
          mediatorId,
          weekday: w.weekday,
          startMinute: hhmmToMinutes(w.start),
          endMinute: hhmmToMinutes(w.end),
          modes: w.modes,
          towns: w.towns,
        })),
      )
      .run();
  if (doc.overrides.length)
    tx.insert(availabilityOverrides)
      .values(
        doc.overrides.map((o) =>
          "start" in o
            ? {
                mediatorId,
                date: o.date,
                unavailable: false,
                startMinute: hhmmToMinutes(o.start),
                endMinute: hhmmToMinutes(o.end),
                modes: o.modes,
                towns: o.towns,
              }
            : { mediatorId, date: o.date, unavailable: true },
        ),
      )
      .run();
}

/**
 * Whose holds count as busy as of `now`: everyone's but `holder`'s (the hash of the visitor's key; ""
 * for someone holding nothing). Without it (search's cached next slot) holds do not count.
 */
export type HoldsAsOf = { now: number; holder: string };

/** Time held by a mediator's pending and confirmed bookings (and others' slot holds) that could matter to [from, to). */
function busyOf(db: Reader, mediatorId: number, from: number, to: number, holds?: HoldsAsOf): Interval[] {
  const booked = q(db).busy.all({ id: mediatorId, from, to });
  return holds ? [...booked, ...q(db).held.all({ id: mediatorId, from, to, ...holds })] : booked;
}

/** Starts of a committee held by other visitors than `holds.holder`. */
export function committeeHeldStarts(db: Reader, committeeId: number, holds: HoldsAsOf): Set<number> {
  return new Set(q(db).committeeHeld.all({ id: committeeId, ...holds }).map((h) => h.start));
}

function roomsState(db: Reader, from: number, to: number): { count: number; busy: Interval[] } {
  const queries = q(db);
  return { count: queries.roomCount.get()?.n ?? 0, busy: queries.roomBusy.all({ from, to }) };
}

const DAY = 86_400_000;

/**
 * Everything computeSlots needs for one mediator around [from, to] (local dates). Rooms are read
 * whenever the mediator offers centre sessions, even when the caller filters by another mode: every
 * slot answered lists the modes it really offers, and "at the centre" is not one when all rooms are taken.
 */
export function slotContext(db: Reader, mediatorId: number, from: string, to: string, holds?: HoldsAsOf) {
  const availability = loadAvailability(db, mediatorId);
  const zone = availability.rules.timezone;
  const start = localMidnightOf(from, zone) - 2 * DAY;
  const end = localMidnightOf(to, zone) + 3 * DAY;
  const rooms = offersCentre(availability) ? roomsState(db, start, end) : undefined;
  return { ...bookable(availability), busy: busyOf(db, mediatorId, start, end, holds), rooms };
}

/** `holder`: the visitor's hold key hash, whose own holds stay free for them (others' are busy). */
type SlotsQ = { from: string; to: string; mode?: ModeSlug; now: number; holder?: string };

export function mediatorSlots(db: Reader, mediatorId: number, q: SlotsQ): Slot[] {
  const holds = { now: q.now, holder: q.holder ?? "" };
  return computeSlots({ ...slotContext(db, mediatorId, q.from, q.to, holds), now: q.now, from: q.from, to: q.to, mode: q.mode });
}

export function committeeMemberIds(db: Reader, committeeId: number): number[] {
  return db
    .select({ id: committeeMembers.mediatorId })
    .from(committeeMembers)
    .innerJoin(mediators, eq(mediators.id, committeeMembers.mediatorId))
    .where(and(eq(committeeMembers.committeeId, committeeId), eq(mediators.active, true), eq(mediators.listed, true)))
    .all()
    .map((r) => r.id);
}

/** A committee is free whenever one of its members is. */
export function committeeSlots(db: Reader, committeeId: number, q: SlotsQ): Slot[] {
  const held = committeeHeldStarts(db, committeeId, { now: q.now, holder: q.holder ?? "" });
  return unionSlots(committeeMemberIds(db, committeeId).map((id) => mediatorSlots(db, id, q))).filter((s) => !held.has(s.start));
}

/**
 * Recomputes the cached next free slot of these mediators and, where it changed, writes a search
 * outbox row. "Valid until" is when the slot stops being bookable (start − notice); with no free slot
 * we look again in an hour, since the horizon moves on with the clock.
 */
export function refreshNextAvailable(tx: Reader, mediatorIds: number[], now: number): void {
  const changed: number[] = [];
  const queries = q(tx);
  for (const id of mediatorIds) {
    const a = bookable(loadAvailability(tx, id));
    const from = now - DAY;
    const to = now + (a.rules.horizonDays + 2) * DAY;
    const rooms = offersCentre(a) ? roomsState(tx, from, to) : undefined;
    const first = firstFreeSlot({ ...a, busy: busyOf(tx, id, from, to), rooms, now });
    const next = first?.start ?? null;
    const validUntil = first ? first.start - a.rules.minNoticeHours * 3_600_000 : now + 3_600_000;
    const before = queries.cachedNext.get({ id });
    queries.writeNext.run({ id, next, until: validUntil });
    if (!before || before.next !== next) changed.push(id);
  }
  recordSearchChange(tx, "mediator", changed);
}

/** Mediators whose cached next slot the clock has overtaken. Cheap: an indexed range read. */
export function staleAvailability(db: Reader, now: number, limit = 200): number[] {
  return db
    .select({ id: availabilitySettings.mediatorId })
    .from(availabilitySettings)
    .where(lte(availabilitySettings.nextAvailableValidUntil, now))
    .limit(limit)
    .all()
    .map((r) => r.id);
}

/**
 * Bookings call this instead of recomputing in their own transaction: it keeps the write lock short.
 * The background job (app/jobs.server.ts) recomputes stale entries within half a second.
 */
export function markAvailabilityStale(tx: Reader, mediatorIds: number[], changedAt?: number): void {
  const queries = q(tx);
  // Without a time, any change may matter: a time before every slot marks the entry stale.
  for (const id of mediatorIds) queries.markStale.run({ id, changedAt: changedAt ?? Number.MIN_SAFE_INTEGER });
}

/**
 * A booking took time (`held`) or gave it back (`released`): its mediator's cached next free slot may
 * move. A centre booking also takes or frees a room, which moves *other* mediators' next free centre
 * slot when it took the last room at that time, or freed one of a full centre. Their entries are
 * marked stale too, and the background job recomputes them within half a second.
 */
export function bookingTimeChanged(
  tx: Reader,
  b: { mediatorId: number; startAt: number; endAt: number; roomId: number | null },
  change: "held" | "released",
): void {
  markAvailabilityStale(tx, [b.mediatorId], b.startAt);
  if (b.roomId === null) return;
  const queries = q(tx);
  const rooms = queries.roomCount.get()?.n ?? 0;
  const inUse = queries.roomsInUse.get({ start: b.startAt, end: b.endAt })?.n ?? 0;
  // Sessions last under a day, so a slot that overlaps this booking starts less than a day before it.
  if (change === "held" && inUse >= rooms) queries.staleCentreBetween.run({ from: b.startAt - DAY, to: b.endAt });
  // Freed: anyone whose next free time is later may now have one here (or had none at all).
  if (change === "released" && inUse >= rooms - 1) queries.staleCentreBetween.run({ from: b.startAt - DAY, to: Number.MAX_SAFE_INTEGER });
}
