// Fast local-time helpers for one IANA zone. The zone library (luxon) is the authority for offsets;
// asking it is the costly part, so offsets are remembered per quarter hour (no zone changes its offset
// at other than a quarter-hour boundary).
import { IANAZone } from "luxon";

const QUARTER = 15 * 60_000;
const offsets = new Map<string, Map<number, number>>();

/** Minutes east of UTC in `zone` at instant `ms`. */
export function offsetMinutes(zone: string, ms: number): number {
  let perZone = offsets.get(zone);
  if (!perZone) offsets.set(zone, (perZone = new Map()));
  const bucket = Math.floor(ms / QUARTER);
  let offset = perZone.get(bucket);
  if (offset === undefined) {
    offset = IANAZone.create(zone).offset(bucket * QUARTER);
    if (perZone.size > 50_000) perZone.clear();
    perZone.set(bucket, offset);
  }
  return offset;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** ISO 8601 with the zone's offset, seconds precision: "2026-12-01T09:00:00+08:00". */
export function isoInZone(ms: number, zone: string): string {
  const offset = offsetMinutes(zone, ms);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The local calendar date of an instant: "2026-12-01". */
export function localDateInZone(ms: number, zone: string): string {
  return new Date(ms + offsetMinutes(zone, ms) * 60_000).toISOString().slice(0, 10);
}

/** Epoch ms of local midnight of a calendar date, given as the ms of its UTC midnight, in `zone`. */
export function localMidnightAt(utcMidnight: number, zone: string): number {
  const guess = utcMidnight - offsetMinutes(zone, utcMidnight) * 60_000;
  return utcMidnight - offsetMinutes(zone, guess) * 60_000;
}

/** Epoch ms of local midnight of "YYYY-MM-DD" in `zone` (NaN for a malformed date). */
export function localMidnightOf(date: string, zone: string): number {
  const utc = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(utc) ? NaN : localMidnightAt(utc, zone);
}
