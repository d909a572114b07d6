// What the site's notifications say, in both languages. Models write a template and its parameters
// (app/models/notifications.server.ts); the sender renders the row here in the recipient's language.
import { facetLabel, type Locale } from "../../domain";
import { isoInZone } from "../../domain/zone";
import type { NotificationRow, NotificationTemplate } from "../models/notifications.server";
import { formatCentreTime } from "./format";

type P = Record<string, string | number | null>;
type Text = { subject: (p: P) => string; body: (p: P) => string };

const when = (ms: unknown, locale: Locale) => (typeof ms === "number" ? formatCentreTime(isoInZone(ms, "Asia/Shanghai"), locale) : "");
const s = (v: unknown) => (v === null || v === undefined ? "" : String(v));

const CATALOGUE: Record<Locale, Record<NotificationTemplate, Text>> = {
  zh: {
    "booking.requested": {
      subject: (p) => `新的调解预约请求 #${s(p.bookingId)}`,
      body: (p) =>
        `${s(p.partyName)} 预约了 ${when(p.start, "zh")} 的调解（${facetLabel("mode", s(p.mode), "zh")}）。请在 ${when(p.respondBy, "zh")} 前确认或婉拒。`,
    },
    "booking.rescheduleRequested": {
      subject: (p) => `改期（原预约 #${s(p.fromBookingId)}）#${s(p.bookingId)}`,
      body: (p) =>
        `${s(p.partyName)} 把调解改到 ${when(p.start, "zh")}（${facetLabel("mode", s(p.mode), "zh")}）。请在 ${when(p.respondBy, "zh")} 前确认或婉拒。`,
    },
    "booking.submitted": {
      subject: (p) => `预约已提交 #${s(p.bookingId)}`,
      body: (p) => `您预约了 ${s(p.mediatorName)} ${when(p.start, "zh")} 的调解，等待调解员确认（${when(p.respondBy, "zh")} 前）。`,
    },
    "booking.confirmed": {
      subject: (p) => `预约 #${s(p.bookingId)} 已确认`,
      body: (p) => `调解员已确认您 ${when(p.start, "zh")} 的预约。可在预约详情中下载日历文件（.ics）。`,
    },
    "booking.declined": {
      subject: (p) => `预约 #${s(p.bookingId)} 被婉拒`,
      body: (p) => `调解员婉拒了您的预约，理由：${s(p.reason)}。您可以在预约详情中查看有空档的相似调解员。`,
    },
    "booking.cancelled": {
      subject: (p) => `预约 #${s(p.bookingId)} 已取消`,
      body: (p) => `${p.by === "party" ? "当事人" : "调解员"}取消了 ${when(p.start, "zh")} 的预约，理由：${s(p.reason)}`,
    },
    "booking.expired": {
      subject: (p) => `预约 #${s(p.bookingId)} 已过期`,
      body: () => "调解员未在时限内答复，预约已自动取消、时段已释放。您可以选择其他调解员。",
    },
  },
  en: {
    "booking.requested": {
      subject: (p) => `New mediation request #${s(p.bookingId)}`,
      body: (p) =>
        `${s(p.partyName)} asked for a session on ${when(p.start, "en")} (${facetLabel("mode", s(p.mode), "en")}). Please confirm or decline by ${when(p.respondBy, "en")}.`,
    },
    "booking.rescheduleRequested": {
      subject: (p) => `Rescheduled (was #${s(p.fromBookingId)}) #${s(p.bookingId)}`,
      body: (p) =>
        `${s(p.partyName)} moved the session to ${when(p.start, "en")} (${facetLabel("mode", s(p.mode), "en")}). Please confirm or decline by ${when(p.respondBy, "en")}.`,
    },
    "booking.submitted": {
      subject: (p) => `Request sent #${s(p.bookingId)}`,
      body: (p) =>
        `You asked ${s(p.mediatorName)} for a session on ${when(p.start, "en")}. The mediator will confirm by ${when(p.respondBy, "en")}.`,
    },
    "booking.confirmed": {
      subject: (p) => `Booking #${s(p.bookingId)} confirmed`,
      body: (p) => `The mediator confirmed your session on ${when(p.start, "en")}. The booking page has a calendar file (.ics).`,
    },
    "booking.declined": {
      subject: (p) => `Booking #${s(p.bookingId)} declined`,
      body: (p) => `The mediator declined your request: ${s(p.reason)}. The booking page lists similar mediators with free time.`,
    },
    "booking.cancelled": {
      subject: (p) => `Booking #${s(p.bookingId)} cancelled`,
      body: (p) => `The ${p.by === "party" ? "party" : "mediator"} cancelled the session on ${when(p.start, "en")}: ${s(p.reason)}`,
    },
    "booking.expired": {
      subject: (p) => `Booking #${s(p.bookingId)} expired`,
      body: () =>
        "The mediator did not answer in time, so the request was withdrawn and the time released. You can choose another mediator.",
    },
  },
};

/** A notification row's text in its recipient's language (a row sent before templates keeps its text). */
export function renderNotification(n: Pick<NotificationRow, "template" | "params" | "locale" | "subject" | "body" | "channel">): {
  subject: string;
  body: string;
} {
  const text = n.template ? CATALOGUE[n.locale]?.[n.template as NotificationTemplate] : undefined;
  if (!text) return { subject: n.subject ?? "", body: n.body ?? "" };
  const params = n.params ?? {};
  const subject = text.subject(params);
  // A text message carries the subject line only.
  return { subject, body: n.channel === "sms" ? subject : text.body(params) };
}
