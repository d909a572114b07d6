// Numbers and times as the pages show them. Written out by hand rather than with Intl so the server's
// and the browser's output are identical (hydration compares them character by character).
import type { Locale } from "../../domain";

export function formatPercent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

const WEEKDAYS_ZH = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Asia/Shanghai is UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An ISO instant as a local time at the centre: "3月5日 周三 09:00" / "Wed 5 Mar, 09:00". */
export function formatCentreTime(iso: string, locale: Locale): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  const day = d.getUTCDate();
  const month = d.getUTCMonth();
  const weekday = d.getUTCDay();
  return locale === "zh"
    ? `${month + 1}月${day}日 ${WEEKDAYS_ZH[weekday]} ${hh}:${mm}`
    : `${WEEKDAYS_EN[weekday]} ${day} ${MONTHS_EN[month]}, ${hh}:${mm}`;
}

/** The centre's local calendar date of an ISO instant: "2026-12-01". */
export function centreDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso.slice(0, 10);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The centre's local clock time of an ISO instant: "09:00". */
export function centreClock(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

/** A local date ("2026-12-01") as the pages show it: "12月1日 周二" / "Tue 1 Dec". */
export function formatDay(date: string, locale: Locale): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  const day = d.getUTCDate();
  const month = d.getUTCMonth();
  const weekday = d.getUTCDay();
  return locale === "zh" ? `${month + 1}月${day}日 ${WEEKDAYS_ZH[weekday]}` : `${WEEKDAYS_EN[weekday]} ${day} ${MONTHS_EN[month]}`;
}

/** "09:00–10:30". */
export function formatTimeRange(startIso: string, endIso: string): string {
  return `${centreClock(startIso)}–${centreClock(endIso)}`;
}

/** A session: "12月1日 周二 09:00–10:30" / "Tue 1 Dec, 09:00–10:30". */
export function formatSession(startIso: string, endIso: string, locale: Locale): string {
  const day = formatDay(centreDate(startIso), locale);
  return locale === "zh" ? `${day} ${formatTimeRange(startIso, endIso)}` : `${day}, ${formatTimeRange(startIso, endIso)}`;
}
