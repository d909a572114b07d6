// The public free-slot listing for a mediator or a committee, and the calendar a booking page offers.
import { DateTime } from "luxon";
import { z } from "zod";
import { and, eq } from "drizzle-orm";
import { committees, mediators } from "../../db/schema";
import { CENTRE_TIMEZONE, MODE_SLUGS, TOWN_SLUGS, type ModeSlug } from "../../domain";
import { getDb } from "../db.server";
import { committeeSlots, mediatorSlots } from "./availability.server";
import { iso, type BookingView } from "./booking-view";
import { DomainError } from "./errors";
import { ISSUES } from "./issues";
import { holderHash } from "./slot-holds.server";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, ISSUES.dateFormat)
  .refine((d) => DateTime.fromISO(d).isValid, ISSUES.dateUnreal);
export const MAX_SLOT_DAYS = 62;

/** `from` defaults to today at the centre, which the caller knows (`today`): the schema reads no clock. */
export const slotsQuerySchema = z
  .object({ from: date.optional(), to: date.optional(), mode: z.enum(MODE_SLUGS).optional() })
  .strict()
  .refine((v) => !v.from || !v.to || v.to >= v.from, { path: ["to"], message: ISSUES.toBeforeFrom })
  .refine((v) => !v.from || !v.to || DateTime.fromISO(v.to).diff(DateTime.fromISO(v.from), "days").days < MAX_SLOT_DAYS, {
    path: ["to"],
    message: ISSUES.rangeTooLong,
  });
export type SlotsQuery = z.output<typeof slotsQuerySchema>;

export interface SlotView {
  start: string;
  end: string;
  modes: string[];
  towns: string[];
}
export interface SlotsView {
  timezone: string;
  slots: SlotView[];
}

/** The centre's calendar date at `now`. */
export const centreToday = (now: number) => DateTime.fromMillis(now, { zone: CENTRE_TIMEZONE }).toISODate()!;

/** Null when the mediator or committee does not exist. Two weeks from today unless `from`/`to` say otherwise. */
export function listSlots({
  kind,
  id,
  query,
  now,
  holder,
}: {
  kind: "mediator" | "committee";
  id: number;
  query: SlotsQuery;
  now: number;
  /** The browser's slot-hold key: its own held time stays free for it; everyone else's holds are busy. */
  holder?: string | null;
}): SlotsView | null {
  const db = getDb();
  const table = kind === "mediator" ? mediators : committees;
  const exists = db
    .select({ id: table.id })
    .from(table)
    // A person outside the public pool (ADR 027) has no public slots: staff read them at /api/v1/people.
    .where(and(eq(table.id, id), eq(table.active, true), kind === "mediator" ? eq(mediators.listed, true) : undefined))
    .get();
  if (!exists) return null;
  const from = query.from ?? centreToday(now);
  const to = query.to ?? DateTime.fromISO(from).plus({ days: 13 }).toISODate()!;
  if (to < from) throw new DomainError("invalid_input", "to must not be before from");
  if (DateTime.fromISO(to).diff(DateTime.fromISO(from), "days").days >= MAX_SLOT_DAYS)
    throw new DomainError("invalid_input", `at most ${MAX_SLOT_DAYS} days at a time`);
  const q = { from, to, mode: query.mode as ModeSlug | undefined, now, holder: holder ? holderHash(holder) : undefined };
  const slots = kind === "mediator" ? mediatorSlots(db, id, q) : committeeSlots(db, id, q);
  return {
    timezone: CENTRE_TIMEZONE,
    slots: slots.map((s) => ({ start: iso(s.start), end: iso(s.end), modes: s.modes, towns: s.towns })),
  };
}

/**
 * A committee's free time is the union of its members' slots, so two members may offer the same start
 * with different session lengths. A party picks a start (the centre assigns the member): one choice
 * per start, offering every mode and town of any member free then, as long as the longest session.
 */
export function oneSlotPerStart(slots: SlotView[]): SlotView[] {
  const byStart = new Map<string, SlotView>();
  for (const s of slots) {
    const seen = byStart.get(s.start);
    if (!seen) byStart.set(s.start, { ...s, modes: [...s.modes], towns: [...s.towns] });
    else {
      seen.end = Date.parse(s.end) > Date.parse(seen.end) ? s.end : seen.end;
      seen.modes = MODE_SLUGS.filter((m) => seen.modes.includes(m) || s.modes.includes(m));
      seen.towns = TOWN_SLUGS.filter((x) => seen.towns.includes(x) || s.towns.includes(x));
    }
  }
  return [...byStart.values()];
}

/** What a booking page offers between two dates: one choice per start. */
export function bookableSlots(args: {
  kind: "mediator" | "committee";
  id: number;
  from: string;
  to: string;
  now: number;
  holder?: string | null;
}): SlotView[] | null {
  const view = listSlots({ kind: args.kind, id: args.id, query: { from: args.from, to: args.to }, now: args.now, holder: args.holder });
  return view ? oneSlotPerStart(view.slots) : null;
}

/**
 * The times a booking may move to: free slots of the same mediator in the booking's mode (and, on
 * site, its town), only when its viewer may reschedule it now.
 */
export function rescheduleSlots({ booking, from, to, now }: { booking: BookingView; from: string; to: string; now: number }): SlotView[] {
  if (booking.actions.reschedule !== true) return [];
  const view = listSlots({ kind: "mediator", id: booking.mediatorId, query: { from, to, mode: booking.mode }, now });
  return (view?.slots ?? []).filter((s) => booking.mode !== "onsite" || s.towns.includes(booking.town ?? ""));
}
