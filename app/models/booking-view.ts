// How a booking is shown: API shape with times in ISO 8601 with the Shanghai offset, and the .ics file.
import { DateTime } from "luxon";
import type { bookings, cases } from "../../db/schema";
import { CENTRE_TIMEZONE, facetLabel } from "../../domain";
import { isoInZone } from "../../domain/zone";

export const iso = (ms: number) => isoInZone(ms, CENTRE_TIMEZONE);

type BookingRow = typeof bookings.$inferSelect;
type CaseRow = typeof cases.$inferSelect;

export interface BookingView {
  id: number;
  caseId: number;
  status: BookingRow["status"];
  mediatorId: number;
  mediatorName: string;
  committeeId: number | null;
  assignmentReason: string;
  start: string;
  end: string;
  mode: BookingRow["mode"];
  town: string | null;
  room: string | null;
  respondBy: string;
  category: string;
  summary: string;
  /** Only for those entitled to see it: the party, the booked mediator, the centre's staff. */
  counterpartyName: string | null;
  partyName: string;
  declineReason: string | null;
  cancelReason: string | null;
  cancelledBy: BookingRow["cancelledBy"];
  rescheduledFromId: number | null;
  createdAt: string;
}

export function toBookingView(
  b: BookingRow,
  c: CaseRow,
  extra: { mediatorName: string; roomName: string | null; partyName: string },
): BookingView {
  return {
    id: b.id,
    caseId: b.caseId,
    status: b.status,
    mediatorId: b.mediatorId,
    mediatorName: extra.mediatorName,
    committeeId: b.committeeId,
    assignmentReason: b.assignmentReason,
    start: iso(b.startAt),
    end: iso(b.endAt),
    mode: b.mode,
    town: b.town,
    room: extra.roomName,
    respondBy: iso(b.respondBy),
    category: c.category,
    summary: c.summary,
    counterpartyName: c.counterpartyName,
    partyName: extra.partyName,
    declineReason: b.declineReason,
    cancelReason: b.cancelReason,
    cancelledBy: b.cancelledBy,
    rescheduledFromId: b.rescheduledFromId,
    createdAt: b.createdAt.toISOString(),
  };
}

export function whereText(v: Pick<BookingView, "mode" | "town" | "room">): string {
  const mode = facetLabel("mode", v.mode, "zh");
  if (v.mode === "onsite") return `${mode} · ${facetLabel("town", v.town ?? "", "zh")}`;
  if (v.mode === "centre") return `普陀区社会治理综合服务中心${v.room ? ` · ${v.room}` : ""}`;
  return mode;
}

const icsEscape = (s: string) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
const icsTime = (isoString: string) => DateTime.fromISO(isoString).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");

/** RFC 5545 calendar file for a confirmed booking; lines folded at 75 octets as the RFC asks. */
export function bookingIcs(v: BookingView, host: string): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Order-a-Mediator//zh-CN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:booking-${v.id}@${host}`,
    `DTSTAMP:${icsTime(new Date().toISOString())}`,
    `DTSTART:${icsTime(v.start)}`,
    `DTEND:${icsTime(v.end)}`,
    `SUMMARY:${icsEscape(`调解 · ${v.mediatorName}`)}`,
    `LOCATION:${icsEscape(whereText(v))}`,
    `DESCRIPTION:${icsEscape(`预约编号 ${v.id}，案件编号 ${v.caseId}。如需取消或改期，请登录调解点单。`)}`,
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
