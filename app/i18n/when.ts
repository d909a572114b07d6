// Times and places in words, as messages say them: "12月4日（周五）上午9:00" / "Fri 4 Dec, 9:00 am".
// Always the centre's clock (Beijing time, UTC+8 all year), whatever zone the server runs in: the
// instant is shifted by hand and read with the UTC getters, never with the process's local time.
import type { Locale } from "../../domain";

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const WEEKDAYS_ZH = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const beijing = (ms: number) => new Date(ms + BEIJING_OFFSET_MS);
const pad = (n: number) => String(n).padStart(2, "0");

/** The part of the day a Chinese reader expects before a 12-hour clock: 凌晨, 上午, 中午, 下午, 晚上. */
function periodZh(hour: number): string {
  if (hour < 6) return "凌晨";
  if (hour < 12) return "上午";
  if (hour < 13) return "中午";
  if (hour < 18) return "下午";
  return "晚上";
}

/** "上午9:00", "中午12:30", "下午2:30" / "9:00 am", "12:30 pm". */
export function clockWords(ms: number, locale: Locale): string {
  const d = beijing(ms);
  const h = d.getUTCHours();
  const m = pad(d.getUTCMinutes());
  const h12 = h % 12 === 0 ? 12 : h % 12;
  // 中午 stays on the 12 of noon; every other period counts from 1 to 12.
  if (locale === "zh") return `${periodZh(h)}${h === 12 ? 12 : h12}:${m}`;
  return `${h12}:${m} ${h < 12 ? "am" : "pm"}`;
}

/** "12月4日（周五）" / "Fri 4 Dec". */
export function dayWords(ms: number, locale: Locale): string {
  const d = beijing(ms);
  return locale === "zh"
    ? `${d.getUTCMonth() + 1}月${d.getUTCDate()}日（${WEEKDAYS_ZH[d.getUTCDay()]}）`
    : `${WEEKDAYS_EN[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS_EN[d.getUTCMonth()]}`;
}

/** "12月4日（周五）上午9:00" / "Fri 4 Dec, 9:00 am". */
export function whenWords(ms: number, locale: Locale): string {
  return locale === "zh" ? `${dayWords(ms, locale)}${clockWords(ms, locale)}` : `${dayWords(ms, locale)}, ${clockWords(ms, locale)}`;
}

/** A session: "12月4日（周五）上午9:00至10:30" / "Fri 4 Dec, 9:00–10:30 am"; the end's period only when it changes. */
export function sessionWords(startMs: number, endMs: number, locale: Locale): string {
  const start = whenWords(startMs, locale);
  const h1 = beijing(startMs).getUTCHours();
  const h2 = beijing(endMs).getUTCHours();
  if (locale === "zh") {
    const end = clockWords(endMs, "zh");
    return periodZh(h1) === periodZh(h2) ? `${start}至${end.slice(2)}` : `${start}至${end}`;
  }
  const end = clockWords(endMs, "en");
  if (h1 < 12 === h2 < 12) return `${start.replace(/ (am|pm)$/, "")}–${end}`;
  return `${start}–${end}`;
}

/** Demo rooms are named 第一调解室 … 第四调解室（大）: in English, "Mediation room 1" … "Mediation room 4 (large)". */
const ROOM_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
export function roomWords(name: string, locale: Locale): string {
  if (locale === "zh") return name;
  const m = /^第(.+?)调解室(（大）)?$/.exec(name);
  const n = m ? (ROOM_NUMBERS[m[1]] ?? Number(m[1])) : NaN;
  if (!m || Number.isNaN(n)) return name;
  return `Mediation room ${n}${m[2] ? " (large)" : ""}`;
}

/** Strips the end punctuation of a text people typed, so the sentence around it adds its own once. */
export function clause(text: unknown): string {
  return text === null || text === undefined
    ? ""
    : String(text)
        .trim()
        .replace(/[\s。．.，,；;！!？?、：:]+$/u, "");
}

/**
 * The last guard against doubled punctuation where two parts meet ("。。", "，。", ". .", ",,"): the
 * templates are written not to produce it, and this keeps a part that ends unexpectedly from showing.
 */
export function tidy(text: string): string {
  return text
    .replace(/([。！？])[。，；]+/gu, "$1")
    .replace(/[，；]+([。！？])/gu, "$1")
    .replace(/，{2,}/gu, "，")
    .replace(/([.!?])(\s*\.)+/g, "$1")
    .replace(/,\s*([.,])/g, "$1")
    .replace(/ {2,}/g, " ")
    .trim();
}
