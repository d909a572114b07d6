// Numbers and times as the pages show them. Written out by hand rather than with Intl so the server's
// and the browser's output are identical (hydration compares them character by character).
import type { Locale } from "~/domain";

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
