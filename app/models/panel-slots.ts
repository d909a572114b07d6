// The earliest common slots of a 3+X panel (issue 9): starts where every seat has a free candidate
// (one person per seat, no one in two seats) and a room is free, for the panel's whole length. Pure:
// the model loads each candidate's hours, overrides, leave and busy time and each room's busy time;
// this only computes. Times are epoch ms; `now` is an argument.
//
// Why intervals and not a walk over a grid: a person is free for [t, t + L) exactly when t lies in
// [a, b − L] for one of their free intervals [a, b). So each seat's possible starts are a union of
// intervals, and the panel's are the intersection over seats and rooms: linear merges over a few
// hundred intervals for 90 days, instead of testing every quarter hour against every booking.
import { offsetMinutes } from "../../domain/zone";
import type { DateOverride, Interval, WeeklyRange } from "./slots";

export interface PersonAvailability {
  personId: number;
  timezone: string;
  weekly: Pick<WeeklyRange, "weekday" | "startMinute" | "endMinute">[];
  overrides: DateOverride[];
  bufferMinutes: number;
  minNoticeHours: number;
  dailyCap: number;
  /** Time the person holds already (their active booking participations). */
  busy: Interval[];
}

export interface SeatCandidates {
  seat: string;
  /** In order of preference: the first free one is proposed. */
  candidates: number[];
}

export interface RoomBusy {
  roomId: number;
  busy: Interval[];
}

export interface PanelSearch {
  seats: SeatCandidates[];
  people: Map<number, PersonAvailability>;
  rooms: RoomBusy[];
  /** The window: starts from `from`, ends by `to` (epoch ms). */
  from: number;
  to: number;
  minutes: number;
  now: number;
  /** How many slots to propose (each starting after the previous one ends). */
  limit: number;
}

export interface PanelSlot {
  start: number;
  end: number;
  roomId: number;
  members: { seat: string; personId: number }[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Panels start on the quarter hour (every zone's offset is a multiple of 15 minutes). */
export const PANEL_GRID_MS = 15 * MINUTE;

/** Epoch ms of a local wall-clock time: the date's UTC midnight plus minutes, less the zone's offset then. */
function localToUtc(utcMidnight: number, minute: number, zone: string): number {
  const wall = utcMidnight + minute * MINUTE;
  const guess = wall - offsetMinutes(zone, wall) * MINUTE;
  return wall - offsetMinutes(zone, guess) * MINUTE;
}

const isoDate = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);

/** Merge overlapping or touching intervals (sorted by start first). */
export function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else if (i.end > i.start) out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** `free` less `taken`, both merged and sorted. */
function subtract(free: Interval[], taken: Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const f of free) {
    let start = f.start;
    while (j < taken.length && taken[j].end <= start) j++;
    let k = j;
    while (k < taken.length && taken[k].start < f.end) {
      if (taken[k].start > start) out.push({ start, end: taken[k].start });
      start = Math.max(start, taken[k].end);
      k++;
    }
    if (start < f.end) out.push({ start, end: f.end });
  }
  return out;
}

/** The intersection of two merged, sorted lists. */
export function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (start < end) out.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return out;
}

/**
 * When a person can sit for the whole panel: their working ranges (weekly hours, plus an override's
 * hours on its date; none on a day of leave), from their minimum notice on, less their busy time
 * widened by their buffer on both sides, less the days their daily cap is reached.
 */
export function freeIntervals(p: PersonAvailability, from: number, to: number, now: number): Interval[] {
  const zone = p.timezone;
  const off = (ms: number) => offsetMinutes(zone, ms) * MINUTE;
  // Local dates one day either side: ranges that cross midnight, buffers.
  const firstDay = Math.floor((from + off(from)) / DAY) * DAY - DAY;
  const lastDay = Math.floor((to + off(to)) / DAY) * DAY + DAY;
  const leave = new Set<string>();
  const extra = new Map<string, DateOverride[]>();
  for (const o of p.overrides) {
    if (o.unavailable) leave.add(o.date);
    else extra.set(o.date, [...(extra.get(o.date) ?? []), o]);
  }
  const perDay = new Map<number, number>();
  for (const b of p.busy) {
    const day = Math.floor((b.start + off(b.start)) / DAY) * DAY;
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const working: Interval[] = [];
  const closed: Interval[] = [];
  for (let day = firstDay; day <= lastDay; day += DAY) {
    const date = isoDate(day);
    const dayStart = localToUtc(day, 0, zone);
    const dayEnd = localToUtc(day + DAY, 0, zone);
    // A day of leave or at its cap closes the whole local day, ranges from the evening before included.
    if (leave.has(date) || (perDay.get(day) ?? 0) >= p.dailyCap) {
      closed.push({ start: dayStart, end: dayEnd });
      continue;
    }
    const weekday = ((new Date(day).getUTCDay() + 6) % 7) + 1;
    const add = (startMinute: number, endMinute: number) =>
      working.push({
        start: localToUtc(day, startMinute, zone),
        end: localToUtc(day, endMinute <= startMinute ? endMinute + 24 * 60 : endMinute, zone),
      });
    for (const w of p.weekly) if (w.weekday === weekday) add(w.startMinute, w.endMinute);
    for (const o of extra.get(date) ?? []) if (!o.unavailable) add(o.startMinute, o.endMinute);
  }
  const buffer = p.bufferMinutes * MINUTE;
  const earliest = Math.max(from, now + p.minNoticeHours * 60 * MINUTE);
  const taken = mergeIntervals([...closed, ...p.busy.map((b) => ({ start: b.start - buffer, end: b.end + buffer }))]);
  return intersect(subtract(mergeIntervals(working), taken), earliest < to ? [{ start: earliest, end: to }] : []);
}

/** Starts t with [t, t + length) inside one of `free`: each [a, b) long enough gives [a, b − length]. */
export function startsWithin(free: Interval[], length: number): Interval[] {
  const out: Interval[] = [];
  // Closed at the end (b − length itself is a start): kept half-open by adding one millisecond.
  for (const f of free) if (f.end - f.start >= length) out.push({ start: f.start, end: f.end - length + 1 });
  return out;
}

const contains = (list: Interval[], t: number) => {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].end <= t) lo = mid + 1;
    else if (list[mid].start > t) hi = mid - 1;
    else return true;
  }
  return false;
};

/** One person per seat, nobody twice (seats are few: a depth-first search with the first fit). */
function assign(seats: number[][], chosen: number[] = [], used = new Set<number>()): number[] | null {
  const k = chosen.length;
  if (k === seats.length) return chosen;
  for (const person of seats[k]) {
    if (used.has(person)) continue;
    used.add(person);
    const found = assign(seats, [...chosen, person], used);
    if (found) return found;
    used.delete(person);
  }
  return null;
}

/** The earliest common slots, at most `limit`, each starting after the previous one ends. */
export function searchPanelSlots(s: PanelSearch): PanelSlot[] {
  const length = s.minutes * MINUTE;
  const window = { from: s.from, to: s.to };
  const startsOf = new Map<number, Interval[]>();
  for (const seat of s.seats)
    for (const id of seat.candidates) {
      const p = s.people.get(id);
      if (p && !startsOf.has(id)) startsOf.set(id, startsWithin(freeIntervals(p, window.from, window.to, s.now), length));
    }
  const roomStarts = s.rooms.map((r) => ({
    roomId: r.roomId,
    starts: startsWithin(subtract([{ start: window.from, end: window.to }], mergeIntervals(r.busy)), length),
  }));
  let common = mergeIntervals(roomStarts.flatMap((r) => r.starts));
  for (const seat of s.seats) common = intersect(common, mergeIntervals(seat.candidates.flatMap((id) => startsOf.get(id) ?? [])));

  const out: PanelSlot[] = [];
  let next = -Infinity;
  for (const span of common) {
    let t = Math.ceil(Math.max(span.start, next) / PANEL_GRID_MS) * PANEL_GRID_MS;
    for (; t < span.end && out.length < s.limit; t += PANEL_GRID_MS) {
      const free = s.seats.map((seat) => seat.candidates.filter((id) => contains(startsOf.get(id) ?? [], t)));
      const people = assign(free);
      const room = roomStarts.find((r) => contains(r.starts, t));
      if (!people || !room) continue;
      out.push({
        start: t,
        end: t + length,
        roomId: room.roomId,
        members: s.seats.map((seat, i) => ({ seat: seat.seat, personId: people[i] })),
      });
      t += length - PANEL_GRID_MS;
      next = t + PANEL_GRID_MS;
    }
    if (out.length >= s.limit) break;
  }
  return out;
}
