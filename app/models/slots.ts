// Free slots of one mediator, computed from weekly hours + date overrides in the mediator's zone, the
// booking rules (session length, buffer, minimum notice, horizon, daily cap), the bookings that hold
// time, and the centre's rooms. Pure: no database, no clock (now is an argument), so it is unit-tested.
import { DateTime } from "luxon";
import { localDateInZone, localMidnightAt } from "../../domain/zone";
import type { ModeSlug } from "../../domain";

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

interface LocalDay {
  date: string; // YYYY-MM-DD
  midnight: number; // epoch ms of local 00:00
  weekday: number; // 1 = Monday … 7 = Sunday
}

const DAY_MS = 86_400_000;

function parseDate(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(utc).toISOString().startsWith(date) ? utc : null;
}

/**
 * The local days between two calendar dates (UTC-midnight ms), inclusive. Time-zone conversions are
 * the slow part, so when the offset is the same at both ends of a window shorter than half a year
 * (always in Asia/Shanghai; between clock changes elsewhere) days are plain arithmetic on remembered
 * offsets; otherwise luxon walks the calendar day by day.
 */
function localDays(fromUtc: number, toUtc: number, zone: string): { days: LocalDay[]; uniform: boolean } {
  const span = Math.round((toUtc - fromUtc) / DAY_MS);
  const firstMidnight = localMidnightAt(fromUtc, zone);
  const lastMidnight = localMidnightAt(toUtc, zone);
  const days: LocalDay[] = [];
  const uniform = firstMidnight - fromUtc === lastMidnight - toUtc && span < 180;
  const firstWeekday = ((new Date(fromUtc).getUTCDay() + 6) % 7) + 1;
  if (uniform) {
    for (let k = 0; k <= span; k++)
      days.push({
        date: new Date(fromUtc + k * DAY_MS).toISOString().slice(0, 10),
        midnight: firstMidnight + k * DAY_MS,
        weekday: ((firstWeekday - 1 + k) % 7) + 1,
      });
    return { days, uniform };
  }
  const first = DateTime.fromMillis(firstMidnight, { zone });
  for (let k = 0; k <= span; k++) {
    const d = first.plus({ days: k });
    days.push({ date: d.toISODate()!, midnight: d.toMillis(), weekday: d.weekday });
  }
  return { days, uniform };
}

/** An instant `minutes` after local midnight of `day` (exact across DST changes via luxon when needed). */
function atMinute(day: LocalDay, minutes: number, zone: string, uniformOffset: boolean): number {
  if (uniformOffset) return day.midnight + minutes * 60_000;
  // Wall-clock time, not elapsed time: on a day the clocks jump, 09:00 is still 09:00.
  const d = DateTime.fromMillis(day.midnight, { zone }).plus({ days: Math.floor(minutes / DAY_MINUTES) });
  const m = minutes % DAY_MINUTES;
  return d.set({ hour: Math.floor(m / 60), minute: m % 60 }).toMillis();
}

/** The working ranges that start on one local date (weekly hours plus extra hours of an override). */
function rangesStartingOn(day: LocalDay, input: SlotInput, overridesByDate: Map<string, DateOverride[]>, uniform: boolean): Range[] {
  const out: Range[] = [];
  const zone = input.rules.timezone;
  const toRange = (startMinute: number, endMinute: number, modes: ModeSlug[], towns: string[]): Range => ({
    start: atMinute(day, startMinute, zone, uniform),
    end: atMinute(day, endMinute <= startMinute ? endMinute + DAY_MINUTES : endMinute, zone, uniform),
    modes,
    towns,
  });
  for (const w of input.weekly) if (w.weekday === day.weekday) out.push(toRange(w.startMinute, w.endMinute, w.modes, w.towns));
  for (const o of overridesByDate.get(day.date) ?? []) if (!o.unavailable) out.push(toRange(o.startMinute, o.endMinute, o.modes, o.towns));
  return out;
}

export function computeSlots(input: SlotInput): Slot[] {
  const { rules, now } = input;
  const zone = rules.timezone;
  const from = parseDate(input.from);
  const to = parseDate(input.to);
  if (from === null || to === null || to < from) return [];

  const overridesByDate = new Map<string, DateOverride[]>();
  for (const o of input.overrides) overridesByDate.set(o.date, [...(overridesByDate.get(o.date) ?? []), o]);

  // Every day in play, two days either side for ranges past midnight and buffers; an instant's
  // local date is then a lookup, not a conversion.
  const local = localDays(from - 2 * DAY_MS, to + 2 * DAY_MS, zone);
  const uniform = local.uniform;
  const days = local.days.map((d) => ({ ...d, dayOff: (overridesByDate.get(d.date) ?? []).some((o) => o.unavailable) }));
  const dayOf = (ms: number) => {
    let i = days.length - 1;
    while (i > 0 && days[i].midnight > ms) i--;
    return days[i];
  };
  const dayOff = (ms: number) => dayOf(ms).dayOff;

  const earliest = now + rules.minNoticeHours * 60 * MINUTE;
  const latest = now + rules.horizonDays * DAY_MINUTES * MINUTE;
  const windowStart = days[2].midnight;
  const windowEnd = days[days.length - 2].midnight;
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
  for (const day of days.slice(1, days.length - 2)) {
    for (const range of rangesStartingOn(day, input, overridesByDate, uniform)) {
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
  const today = parseDate(localDateInZone(input.now, input.rules.timezone))!;
  const lastDay = today + (input.rules.horizonDays + 1) * DAY_MS;
  const iso = (utc: number) => new Date(utc).toISOString().slice(0, 10);
  for (let from = today; from <= lastDay; from += 7 * DAY_MS) {
    const slots = computeSlots({ ...input, from: iso(from), to: iso(Math.min(from + 6 * DAY_MS, lastDay)) });
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
