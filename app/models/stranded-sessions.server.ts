// Sessions a change of availability would strand (issue 11, ADR 030): leave, a day off or shorter hours
// that take a pending or confirmed session out of the mediator's hours. Saving such a change never
// happens silently: without a decision for every stranded session the save is refused with their list
// (the page asks, the API answers 409 sessions_stranded); with them, the availability, the decisions
// and the notifications are ONE write transaction.
//   keep   – the mediator holds the session anyway (nobody is told: nothing changes for the party);
//   move   – a confirmed session gets the earliest free time proposed (the booking's own proposal: the
//            party accepts or refuses it on the booking page, and keeps the old time meanwhile); a
//            request not yet answered is declined with that time proposed instead. The party is told
//            the earliest three free times, found as the sea's offers are (sea.server.ts otherTimes);
//   cancel – cancelled by the mediator with the reason, which the party reads.
import { and, eq, gt, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import { writeTransaction, type Db, type Tx } from "../../db/client";
import { availabilitySettings, bookings, cases, mediators } from "../../db/schema";
import type { ModeSlug } from "../../domain";
import { getDb } from "../db.server";
import { env } from "../env.server";
import { bookingAnswered } from "./assignment-flow.server";
import {
  availabilityPutSchema,
  type AvailabilityDocument,
  type AvailabilityView,
  type StrandedAction,
  type StrandedDecision,
} from "./availability-schema";
import {
  bookingTimeChanged,
  getAvailabilityDocument,
  loadAvailability,
  refreshNextAvailable,
  writeAvailability,
  type MediatorAvailability,
} from "./availability.server";
import { effectiveStatus, HOLDING } from "./booking-rules";
import { iso } from "./booking-view";
import { notifyMediator, notifyUser } from "./notifications.server";
import { otherTimes } from "./sea.server";
import { hhmmToMinutes } from "./slots";

type Reader = Db | Tx;
type Row = typeof bookings.$inferSelect;
type Hours = Pick<MediatorAvailability, "weekly" | "overrides">;

/** A stranded session as the page and the API list it (no party names: the list is about times). */
export interface StrandedSession {
  bookingId: number;
  caseNumber: string | null;
  status: "pending" | "confirmed";
  start: string;
  end: string;
  mode: ModeSlug;
  town: string | null;
}

/** What a save answered: saved, or the sessions still waiting for a decision (and those that cannot move). */
export type SaveAvailabilityResult =
  | { ok: true; document: AvailabilityView }
  | { ok: false; stranded: StrandedSession[]; unmovable: number[] };

/**
 * Does this availability cover the session: one range (weekly hours or a date's own hours, starting on
 * its day or the day before when it runs past midnight) holds it whole, in its mode (and town on
 * site), and neither its first nor its last minute falls on a day off. The same reading computeSlots
 * gives the hours, without the slot grid: a session booked at 10:30 in 09:00–17:00 is covered.
 */
export function covers(hours: Hours, zone: string, s: Pick<Row, "startAt" | "endAt" | "mode" | "town">): boolean {
  const local = (ms: number) => DateTime.fromMillis(ms, { zone });
  const offDays = new Set(hours.overrides.filter((o) => o.unavailable).map((o) => o.date));
  if (offDays.has(local(s.startAt).toISODate()!) || offDays.has(local(s.endAt - 1).toISODate()!)) return false;
  const day = local(s.startAt).startOf("day");
  for (const d of [day.minus({ days: 1 }), day]) {
    const date = d.toISODate()!;
    const ranges = [
      ...hours.weekly.filter((w) => w.weekday === d.weekday),
      ...hours.overrides.flatMap((o) => (!o.unavailable && o.date === date ? [o] : [])),
    ];
    for (const r of ranges) {
      const at = (minutes: number) => d.plus({ minutes }).toMillis();
      const start = at(r.startMinute);
      const end = at(r.endMinute <= r.startMinute ? r.endMinute + 1440 : r.endMinute);
      const place = s.mode !== "onsite" || r.towns.includes(s.town ?? "");
      if (start <= s.startAt && s.endAt <= end && r.modes.includes(s.mode) && place) return true;
    }
  }
  return false;
}

/** The document's hours in the form the slot code reads. */
function hoursOf(doc: AvailabilityDocument): Hours {
  return {
    weekly: doc.weekly.map((w) => ({
      weekday: w.weekday,
      startMinute: hhmmToMinutes(w.start),
      endMinute: hhmmToMinutes(w.end),
      modes: w.modes,
      towns: w.towns,
    })),
    overrides: doc.overrides.map((o) =>
      "start" in o
        ? {
            date: o.date,
            unavailable: false as const,
            startMinute: hhmmToMinutes(o.start),
            endMinute: hhmmToMinutes(o.end),
            modes: o.modes,
            towns: o.towns,
          }
        : { date: o.date, unavailable: true as const },
    ),
  };
}

/**
 * The held sessions (pending and still answerable, or confirmed; not begun) the old hours covered and
 * the new ones do not. A session the old hours did not cover either (one kept over earlier leave) is
 * not asked about again.
 */
export function findStranded(tx: Reader, mediatorId: number, next: AvailabilityDocument, now: number) {
  const before = loadAvailability(tx, mediatorId);
  const zone = before.rules.timezone;
  const after = hoursOf(next);
  return tx
    .select({ b: bookings, number: cases.number })
    .from(bookings)
    .innerJoin(cases, eq(cases.id, bookings.caseId))
    .where(and(eq(bookings.mediatorId, mediatorId), inArray(bookings.status, [...HOLDING]), gt(bookings.startAt, now)))
    .orderBy(bookings.startAt)
    .all()
    .filter(({ b }) => effectiveStatus(b, now) !== "expired" && covers(before, zone, b) && !covers(after, zone, b));
}

const listed = ({ b, number }: { b: Row; number: string | null }): StrandedSession => ({
  bookingId: b.id,
  caseNumber: number,
  status: b.status as "pending" | "confirmed",
  start: iso(b.startAt),
  end: iso(b.endAt),
  mode: b.mode,
  town: b.town,
});

/** A move with no free time to offer: the whole save is undone and the page says which. */
class Unmovable extends Error {
  constructor(
    readonly stranded: StrandedSession[],
    readonly ids: number[],
  ) {
    super("No free time to offer");
  }
}

/** Carries out one decision inside the save's transaction; the availability is already the new one. */
function decide(tx: Db, row: Row, number: string | null, d: StrandedDecision, now: number): "moved" | "cancelled" | "kept" | "unmovable" {
  if (d.action === "keep") return "kept";
  const link = `${env().PUBLIC_URL}/bookings/${row.id}`;
  const mediatorName = tx.select({ name: mediators.name }).from(mediators).where(eq(mediators.id, row.mediatorId)).get()?.name ?? "";
  const params = { bookingId: row.id, number, start: row.startAt, end: row.endAt, mediatorName, link };
  const held = and(eq(bookings.id, row.id), eq(bookings.status, row.status));
  if (d.action === "cancel") {
    // The booking's own cancel (booking-actions.server.ts) in this transaction: same row change, same
    // release of the time and of the case's ask, and the party reads the mediator's reason.
    const res = tx
      .update(bookings)
      .set({ status: "cancelled", cancelReason: d.reason!, cancelledBy: "mediator", updatedAt: new Date(now) })
      .where(held)
      .run();
    if (res.changes !== 1) throw new Error(`booking ${row.id} changed meanwhile`);
    bookingTimeChanged(tx, row, "released");
    bookingAnswered(tx, row, "superseded", now);
    const message = { template: "leave.cancelled" as const, params: { ...params, reason: d.reason! }, bookingId: row.id, at: now };
    notifyUser(tx, row.partyUserId, message);
    notifyMediator(tx, row.mediatorId, { ...message, template: "leave.decided", params: { ...message.params, action: "cancel" } });
    return "cancelled";
  }
  const times = otherTimes(tx, row, { towns: [], fromAt: now, toAt: now, liftedAt: null }, now).filter(
    (t) => Date.parse(t.start) !== row.startAt,
  );
  if (times.length === 0) return "unmovable";
  const first = Date.parse(times[0].start);
  const res = tx
    .update(bookings)
    .set(
      row.status === "pending"
        ? { status: "declined", declineReason: "leave", proposedStartAt: first, updatedAt: new Date(now) }
        : { proposedStartAt: first, updatedAt: new Date(now) },
    )
    .where(held)
    .run();
  if (res.changes !== 1) throw new Error(`booking ${row.id} changed meanwhile`);
  if (row.status === "pending") {
    bookingTimeChanged(tx, row, "released");
    bookingAnswered(tx, row, "declined", now);
  }
  const offer = { ...params, wasPending: row.status === "pending" ? 1 : 0, ...timesParams(times) };
  notifyUser(tx, row.partyUserId, { template: "leave.move-offer", params: offer, bookingId: row.id, at: now });
  notifyMediator(tx, row.mediatorId, { template: "leave.decided", params: { ...offer, action: "move" }, bookingId: row.id, at: now });
  return "moved";
}

const timesParams = (times: { start: string }[]) =>
  Object.fromEntries([0, 1, 2].map((i) => [`time${i + 1}`, times[i] ? Date.parse(times[i].start) : null]));

/**
 * Replaces a mediator's availability (and the instant-confirm setting) when every session the change
 * strands has a decision; otherwise changes nothing and lists them. Decisions about sessions that are
 * not (or no longer) stranded are ignored: the list is read again inside the transaction.
 */
export async function saveAvailability({
  mediatorId,
  input,
  now,
}: {
  mediatorId: number;
  input: unknown;
  now: number;
}): Promise<SaveAvailabilityResult> {
  const { decisions, instantConfirm, ...doc } = availabilityPutSchema.parse(input);
  const chosen = new Map(decisions.map((d) => [d.booking, d]));
  try {
    const outcome = await writeTransaction(getDb(), (tx) => {
      const stranded = findStranded(tx, mediatorId, doc, now);
      if (stranded.some(({ b }) => !chosen.has(b.id))) return { stranded: stranded.map(listed) };
      writeAvailability(tx, mediatorId, doc, now);
      tx.update(availabilitySettings).set({ instantConfirm }).where(eq(availabilitySettings.mediatorId, mediatorId)).run();
      // Cancellations first: the times they free can be offered to the sessions that move.
      const order: StrandedAction[] = ["cancel", "keep", "move"];
      const ordered = [...stranded].sort((x, y) => order.indexOf(chosen.get(x.b.id)!.action) - order.indexOf(chosen.get(y.b.id)!.action));
      const unmovable = ordered.filter(({ b, number }) => decide(tx, b, number, chosen.get(b.id)!, now) === "unmovable").map(({ b }) => b.id);
      if (unmovable.length) throw new Unmovable(stranded.map(listed), unmovable);
      refreshNextAvailable(tx, [mediatorId], now);
      return null;
    });
    if (outcome) return { ok: false, stranded: outcome.stranded, unmovable: [] };
  } catch (error) {
    if (error instanceof Unmovable) return { ok: false, stranded: error.stranded, unmovable: error.ids };
    throw error;
  }
  return { ok: true, document: availabilityView({ mediatorId }) };
}

/** What GET /api/v1/me/availability answers (and the editor starts from): the document and the setting. */
export function availabilityView({ mediatorId }: { mediatorId: number }): AvailabilityView {
  const row = getDb()
    .select({ instantConfirm: availabilitySettings.instantConfirm })
    .from(availabilitySettings)
    .where(eq(availabilitySettings.mediatorId, mediatorId))
    .get();
  return { ...getAvailabilityDocument({ mediatorId }), instantConfirm: row?.instantConfirm ?? false };
}
