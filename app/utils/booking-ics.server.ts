// A session as an RFC 5545 calendar event, in the viewer's language, with what its messages say: where
// or how (LOCATION: the centre's address and room, the town and meeting point, the online room's link),
// what, when, who and the link to manage it (DESCRIPTION, URL), reminders a day and two hours ahead
// (VALARM), and its state (TENTATIVE until confirmed, CANCELLED once it will not happen). One booking's
// file and a mediator's feed (calendar.$token[.]ics.ts) are built from the same event. Lines are folded
// at 75 octets as the RFC asks.
import { DateTime } from "luxon";
import { facetLabel, type Locale } from "../../domain";
import { CENTRE } from "../../domain/centre";
import { sessionPlace } from "~/i18n/notifications";
import { roomWords, sessionWords } from "~/i18n/when";
import type { BookingView } from "~/models/booking-view";
import type { IcsSession } from "~/models/calendar-feed.server";
export type { IcsSession };

const icsEscape = (s: string) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
const icsTime = (ms: number) => DateTime.fromMillis(ms).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");

const WORDS = {
  zh: {
    summary: (name: string, pending: boolean) => `调解 · ${name}${pending ? "（待确认）" : ""}`,
    what: (category: string, number: string) => `人民调解（${category}）${number ? `，案件编号 ${number}` : ""}`,
    mediator: "调解员",
    party: "当事人",
    manage: "查看、改期或取消",
    pending: "调解员尚未确认这个时间，确认后会通知您。",
    cancelled: "这场调解不再进行。",
    alarm: (when: string) => `调解提醒：${when}`,
    calendar: "调解点单 · 我的调解日程",
  },
  en: {
    summary: (name: string, pending: boolean) => `Mediation · ${name}${pending ? " (to be confirmed)" : ""}`,
    what: (category: string, number: string) => `People's mediation (${category})${number ? `, case ${number}` : ""}`,
    mediator: "Mediator",
    party: "Party",
    manage: "View, reschedule or cancel",
    pending: "The mediator has not confirmed this time yet; you will be told when they do.",
    cancelled: "This session will not take place.",
    alarm: (when: string) => `Mediation reminder: ${when}`,
    calendar: "Order-a-Mediator · my mediation sessions",
  },
} as const;

/** RFC 5545 STATUS and a SEQUENCE that grows with each change of state, so calendars take the update. */
function stateOf(status: string): { status: "TENTATIVE" | "CONFIRMED" | "CANCELLED"; sequence: number } {
  if (status === "pending") return { status: "TENTATIVE", sequence: 0 };
  if (status === "confirmed") return { status: "CONFIRMED", sequence: 1 };
  return { status: "CANCELLED", sequence: 2 };
}

/** LOCATION: an address a map app can take, or the room link online. */
function location(s: IcsSession, locale: Locale): string {
  if (s.mode === "online") return s.roomLink ?? "";
  if (s.mode === "onsite") {
    const town = facetLabel("town", s.town ?? "", locale);
    return s.meetingPoint ? `${town}${locale === "zh" ? "，" : ", "}${s.meetingPoint}` : town;
  }
  const room = s.room ? roomWords(s.room, locale) : "";
  return locale === "zh"
    ? `${CENTRE.name.zh}${room}，${CENTRE.address.zh}`
    : `${room ? `${room}, ` : ""}${CENTRE.name.en}, ${CENTRE.address.en}`;
}

/** The VEVENT of one session. */
export function sessionEvent(s: IcsSession, locale: Locale, host: string, now: number): string[] {
  const w = WORDS[locale];
  const colon = locale === "zh" ? "：" : ": ";
  const state = stateOf(s.status);
  const when = sessionWords(s.start, s.end, locale);
  const description = [
    w.what(facetLabel("category", s.category, locale), s.caseNumber),
    `${when}${locale === "en" ? " (Beijing time)" : ""}`,
    sessionPlace({ mode: s.mode, town: s.town, room: s.room, meetingPoint: s.meetingPoint, roomLink: s.roomLink }, locale),
    `${w.mediator}${colon}${s.mediatorName}`,
    s.partyName ? `${w.party}${colon}${s.partyName}` : "",
    state.status === "TENTATIVE" ? w.pending : state.status === "CANCELLED" ? w.cancelled : "",
    `${w.manage}${colon}${s.link}`,
  ].filter(Boolean);
  const alarm = (trigger: string) => [
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    `DESCRIPTION:${icsEscape(w.alarm(when))}`,
    `TRIGGER:${trigger}`,
    "END:VALARM",
  ];
  return [
    "BEGIN:VEVENT",
    `UID:booking-${s.id}@${host}`,
    `DTSTAMP:${icsTime(now)}`,
    `DTSTART:${icsTime(s.start)}`,
    `DTEND:${icsTime(s.end)}`,
    `SEQUENCE:${state.sequence}`,
    `SUMMARY:${icsEscape(w.summary(s.mediatorName, state.status === "TENTATIVE"))}`,
    `LOCATION:${icsEscape(location(s, locale))}`,
    `DESCRIPTION:${icsEscape(description.join("\n"))}`,
    `URL:${s.link}`,
    `STATUS:${state.status}`,
    // A reminder the day before and two hours before, as the text messages do; none for what is off.
    ...(state.status === "CANCELLED" ? [] : [...alarm("-P1D"), ...alarm("-PT2H")]),
    "END:VEVENT",
  ];
}

/** A calendar file of the events given; `name` titles a subscribed feed. */
export function calendarFile(events: string[][], locale: Locale, opts: { feed?: boolean } = {}): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Order-a-Mediator//zh-CN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...(opts.feed
      ? [`X-WR-CALNAME:${icsEscape(WORDS[locale].calendar)}`, "X-WR-TIMEZONE:Asia/Shanghai", "REFRESH-INTERVAL;VALUE=DURATION:PT1H"]
      : []),
    ...events.flat(),
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** A booking as its viewer sees it, as an event (the links are the route's to give). */
export function icsSessionOf(v: BookingView, links: { link: string; roomLink: string | null }): IcsSession {
  return {
    id: v.id,
    start: Date.parse(v.start),
    end: Date.parse(v.end),
    status: v.status,
    mode: v.mode,
    town: v.town,
    room: v.room,
    meetingPoint: v.meetingPoint,
    roomLink: v.mode === "online" ? links.roomLink : null,
    category: v.category,
    caseNumber: v.caseNumber,
    mediatorName: v.mediatorName,
    partyName: v.partyName,
    link: links.link,
  };
}

/** One booking's file, for its party, its mediator or staff. */
export function bookingIcs(s: IcsSession, host: string, locale: Locale, now: number): string {
  return calendarFile([sessionEvent(s, locale, host, now)], locale);
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
