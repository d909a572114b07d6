// Free slots of one mediator, computed from weekly hours + date overrides in the mediator's zone, the
// booking rules (session length, buffer, minimum notice, horizon, daily cap), the bookings that hold
// time, and the centre's rooms. Pure: no database, no clock (now is an argument), so it is unit-tested.
import { DateTime } from "luxon";
import type { ModeSlug } from "../domain";

export interface WeeklyRange {
  weekday: number; // 1 = Monday … 7 = Sunday
  startMinute: number; // minutes after local midnight
  endMinute: number; // ≤ startMinute means the range runs past midnight into the next day
  modes: ModeSlug[];
  towns: string[];
}

export type DateOverride =
  | { date: string; unavailable: true }
  | { date: string; unavailable: false; startMinute: number; endMinute: number; modes: ModeSlug[]; towns: string[] };

export interface BookingRules {
  timezone: string;
  sessionMinutes: number;
  bufferMinutes: number;
  minNoticeHours: number;
  horizonDays: number;
  dailyCap: number;
}

export interface Interval {
  start: number; // epoch ms
  end: number;
}

export interface Slot extends Interval {
  modes: ModeSlug[];
  towns: string[];
}

export interface SlotInput {
  rules: BookingRules;
  weekly: WeeklyRange[];
  overrides: DateOverride[];
  /** This mediator's bookings that hold time (pending, confirmed). */
  busy: Interval[];
  /** Centre rooms: how many there are and the room-holding bookings of everyone. */
  rooms?: { count: number; busy: Interval[] };
  now: number;
  /** Local dates, inclusive, YYYY-MM-DD in the mediator's zone. */
  from: string;
  to: string;
  mode?: ModeSlug;
}

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** How many of `intervals` overlap [start, end): a sweep is not needed at these sizes. */
function countOverlapping(intervals: Interval[], span: Interval): number {
  let n = 0;
  for (const i of intervals) if (overlaps(i, span)) n++;
  return n;
}

interface Range extends Interval {
  modes: ModeSlug[];
  towns: string[];
}

/** The working ranges that start on one local date (weekly hours plus extra hours of an override). */
function rangesStartingOn(day: DateTime, input: SlotInput, overridesByDate: Map<string, DateOverride[]>): Range[] {
  const date = day.toISODate()!;
  const out: Range[] = [];
  const toRange = (startMinute: number, endMinute: number, modes: ModeSlug[], towns: string[]): Range => {
    const start = day.plus({ minutes: startMinute });
    const end = day.plus({ minutes: endMinute <= startMinute ? endMinute + DAY_MINUTES : endMinute });
    return { start: start.toMillis(), end: end.toMillis(), modes, towns };
  };
  for (const w of input.weekly) if (w.weekday === day.weekday) out.push(toRange(w.startMinute, w.endMinute, w.modes, w.towns));
  for (const o of overridesByDate.get(date) ?? [])
    if (!o.unavailable) out.push(toRange(o.startMinute, o.endMinute, o.modes, o.towns));
  return out;
}

export function computeSlots(input: SlotInput): Slot[] {
  const { rules, now } = input;
  const zone = rules.timezone;
  const first = DateTime.fromISO(input.from, { zone }).startOf("day");
  const last = DateTime.fromISO(input.to, { zone }).startOf("day");
  if (!first.isValid || !last.isValid || last < first) return [];

  const overridesByDate = new Map<string, DateOverride[]>();
  for (const o of input.overrides) overridesByDate.set(o.date, [...(overridesByDate.get(o.date) ?? []), o]);

  // Local midnights of every day in play, computed once by the time-zone library; an instant's local
  // date is then a lookup, not a conversion (this keeps a mediator-month well under 2 ms).
  const days: { date: string; midnight: number; dayOff: boolean }[] = [];
  for (let d = first.minus({ days: 2 }); d <= last.plus({ days: 2 }); d = d.plus({ days: 1 })) {
    const date = d.toISODate()!;
    days.push({ date, midnight: d.toMillis(), dayOff: (overridesByDate.get(date) ?? []).some((o) => o.unavailable) });
  }
  const dayOf = (ms: number) => {
    let i = days.length - 1;
    while (i > 0 && days[i].midnight > ms) i--;
    return days[i];
  };
  const dayOff = (ms: number) => dayOf(ms).dayOff;

  const earliest = now + rules.minNoticeHours * 60 * MINUTE;
  const latest = now + rules.horizonDays * DAY_MINUTES * MINUTE;
  const windowStart = first.toMillis();
  const windowEnd = last.plus({ days: 1 }).toMillis();
  const session = rules.sessionMinutes * MINUTE;
  const step = (rules.sessionMinutes + rules.bufferMinutes) * MINUTE;
  const buffer = rules.bufferMinutes * MINUTE;

  // Bookings per local date, for the daily cap.
  const perDay = new Map<string, number>();
  for (const b of input.busy) {
    if (b.start < days[0].midnight) continue;
    const d = dayOf(b.start).date;
    perDay.set(d, (perDay.get(d) ?? 0) + 1);
  }

  const byStart = new Map<number, Slot>();
  // Start a day early: a range that crosses midnight puts slots on the first date.
  for (let day = first.minus({ days: 1 }); day <= last; day = day.plus({ days: 1 })) {
    for (const range of rangesStartingOn(day, input, overridesByDate)) {
      for (let start = range.start; start + session <= range.end; start += step) {
        if (start < windowStart || start >= windowEnd) continue;
        if (start < earliest || start > latest) continue;
        if (dayOff(start) || dayOff(start + session - 1)) continue;
        if ((perDay.get(dayOf(start).date) ?? 0) >= rules.dailyCap) continue;
        const slot = { start, end: start + session };
        // The buffer keeps a gap on both sides of every booking.
        const guarded = { start: start - buffer, end: start + session + buffer };
        if (input.busy.some((b) => overlaps(b, guarded))) continue;
        let modes = range.modes;
        if (modes.includes("centre") && input.rooms && countOverlapping(input.rooms.busy, slot) >= input.rooms.count)
          modes = modes.filter((m) => m !== "centre");
        if (input.mode && !modes.includes(input.mode)) continue;
        if (modes.length === 0) continue;
        const existing = byStart.get(start);
        if (existing) {
          existing.modes = [...new Set([...existing.modes, ...modes])];
          existing.towns = [...new Set([...existing.towns, ...range.towns])];
        } else byStart.set(start, { ...slot, modes: [...modes], towns: [...range.towns] });
      }
    }
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

/** The first free slot from now on, searched a week at a time up to the horizon; null when none. */
export function firstFreeSlot(input: Omit<SlotInput, "from" | "to" | "mode">): Slot | null {
  const zone = input.rules.timezone;
  const today = DateTime.fromMillis(input.now, { zone }).startOf("day");
  const lastDay = today.plus({ days: input.rules.horizonDays + 1 });
  for (let from = today; from <= lastDay; from = from.plus({ days: 7 })) {
    const to = DateTime.min(from.plus({ days: 6 }), lastDay);
    const slots = computeSlots({ ...input, from: from.toISODate()!, to: to.toISODate()! });
    if (slots.length) return slots[0];
  }
  return null;
}

/** The union of several mediators' slots (a committee's availability), modes and towns merged. */
export function unionSlots(lists: Slot[][]): Slot[] {
  const byKey = new Map<string, Slot>();
  for (const list of lists)
    for (const s of list) {
      const key = `${s.start}-${s.end}`;
      const e = byKey.get(key);
      if (e) {
        e.modes = [...new Set([...e.modes, ...s.modes])];
        e.towns = [...new Set([...e.towns, ...s.towns])];
      } else byKey.set(key, { ...s, modes: [...s.modes], towns: [...s.towns] });
    }
  return [...byKey.values()].sort((a, b) => a.start - b.start);
}

export const minutesToHhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
export const hhmmToMinutes = (s: string) => {
  const [h, m] = s.split(":").map(Number);
  return h * 60 + m;
};
