// A confirmed booking as an RFC 5545 calendar file, in the viewer's language; lines folded at 75
// octets as the RFC asks.
import { DateTime } from "luxon";
import type { Locale } from "../../domain";
import { messages } from "~/i18n";
import { whereText } from "~/i18n/booking-text";
import type { BookingView } from "~/models/booking-view";

const icsEscape = (s: string) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
const icsTime = (ms: number) => DateTime.fromMillis(ms).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");

// The calendar file's own words (the page's words come from the catalogue: t.booking.*).
const ICS_TEXT: Record<Locale, { summary: (name: string) => string; description: (caseNumber: string) => string }> = {
  zh: {
    summary: (name) => `调解 · ${name}`,
    description: (caseNumber) => `案件编号 ${caseNumber}。如需取消或改期，请登录调解点单。`,
  },
  en: {
    summary: (name) => `Mediation · ${name}`,
    description: (caseNumber) => `Case ${caseNumber}. To cancel or reschedule, sign in to Order-a-Mediator.`,
  },
};

export function bookingIcs(v: BookingView, host: string, locale: Locale, now: number): string {
  const t = messages[locale];
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Order-a-Mediator//zh-CN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:booking-${v.id}@${host}`,
    `DTSTAMP:${icsTime(now)}`,
    `DTSTART:${icsTime(Date.parse(v.start))}`,
    `DTEND:${icsTime(Date.parse(v.end))}`,
    `SUMMARY:${icsEscape(ICS_TEXT[locale].summary(v.mediatorName))}`,
    `LOCATION:${icsEscape(whereText(v, t, locale))}`,
    `DESCRIPTION:${icsEscape(ICS_TEXT[locale].description(v.caseNumber))}`,
    "STATUS:CONFIRMED",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  for (const ch of line) {
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (Buffer.byteLength(current + ch, "utf8") > limit) {
      parts.push(current);
      current = ch;
    } else current += ch;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
