// What the site's notifications say, in both languages. Models write a template and its parameters
// (app/models/notifications.server.ts); the sender renders the row here in the recipient's language.
import { facetLabel, type Locale } from "../../domain";
import { isoInZone } from "../../domain/zone";
import type { NotificationRow, NotificationTemplate } from "../models/notifications.server";
import { formatCentreTime } from "./format";
import { assignmentNotifications } from "./messages-assignment";

type P = Record<string, string | number | null>;
type Text = { subject: (p: P) => string; body: (p: P) => string };

const when = (ms: unknown, locale: Locale) => (typeof ms === "number" ? formatCentreTime(isoInZone(ms, "Asia/Shanghai"), locale) : "");
const s = (v: unknown) => (v === null || v === undefined ? "" : String(v));
/** A declined request may carry another time proposed instead. */
const proposal = (p: P, locale: Locale) =>
  typeof p.proposedStart !== "number"
    ? ""
    : locale === "zh"
      ? `调解员建议改到 ${when(p.proposedStart, "zh")}，您可以在预约详情中预约这个时间。`
      : ` The mediator proposes ${when(p.proposedStart, "en")} instead; the booking page lets you book it.`;

const CATALOGUE: Record<Locale, Record<NotificationTemplate, Text>> = {
  zh: {
    "booking.requested": {
      subject: (p) => `新的调解预约请求 ${s(p.number)}`,
      body: (p) =>
        `${s(p.partyName)} 预约了 ${when(p.start, "zh")} 的调解（${facetLabel("mode", s(p.mode), "zh")}）。请在 ${when(p.respondBy, "zh")} 前确认或婉拒。`,
    },
    "booking.rescheduleRequested": {
      subject: (p) => `改期的调解预约 ${s(p.number)}`,
      body: (p) =>
        `${s(p.partyName)} 把调解改到 ${when(p.start, "zh")}（${facetLabel("mode", s(p.mode), "zh")}）。请在 ${when(p.respondBy, "zh")} 前确认或婉拒。`,
    },
    "booking.submitted": {
      subject: (p) => `预约已提交 ${s(p.number)}`,
      body: (p) => `您预约了 ${s(p.mediatorName)} ${when(p.start, "zh")} 的调解，等待调解员确认（${when(p.respondBy, "zh")} 前）。`,
    },
    "booking.confirmed": {
      subject: (p) => `${s(p.number)} 的预约已确认`,
      body: (p) => `调解员已确认您 ${when(p.start, "zh")} 的预约。可在预约详情中下载日历文件（.ics）。`,
    },
    "booking.declined": {
      subject: (p) => `${s(p.number)} 的预约被婉拒`,
      body: (p) => `调解员婉拒了您的预约，理由：${s(p.reason)}。${proposal(p, "zh")}您可以在预约详情中查看有空档的相似调解员。`,
    },
    "booking.confirmed-for": {
      subject: (p) => `${s(p.number)} 的预约已确认`,
      body: (p) =>
        `由工作人员 ${s(p.staffName)} 代 ${s(p.mediatorName)} 确认了 ${when(p.start, "zh")} 的预约。可在预约详情中下载日历文件（.ics）。`,
    },
    "booking.declined-for": {
      subject: (p) => `${s(p.number)} 的预约被婉拒`,
      body: (p) =>
        `由工作人员 ${s(p.staffName)} 代 ${s(p.mediatorName)} 婉拒了 ${when(p.start, "zh")} 的预约，理由：${s(p.reason)}。${proposal(p, "zh")}您可以在预约详情中查看有空档的相似调解员。`,
    },
    "account.claim-invitation": {
      subject: (p) => `调解点单：请认领 ${s(p.mediatorName)} 的账号 ${s(p.link)}`,
      body: (p) =>
        `普陀区社会治理综合服务中心邀请 ${s(p.mediatorName)} 认领调解员账号，以便在线答复当事人的预约。请在 ${when(p.expiresAt, "zh")} 前打开 ${s(p.link)} ，设置登录邮箱和密码。链接只能使用一次；如非本人，请忽略。`,
    },
    "booking.cancelled": {
      subject: (p) => `${s(p.number)} 的预约已取消`,
      body: (p) => `${p.by === "party" ? "当事人" : "调解员"}取消了 ${when(p.start, "zh")} 的预约，理由：${s(p.reason)}`,
    },
    "booking.expired": {
      subject: (p) => `${s(p.number)} 的预约已过期`,
      body: () => "调解员未在时限内答复，预约已自动取消、时段已释放。您可以选择其他调解员。",
    },
    "case.filed": {
      subject: (p) => `调解申请已受理 ${s(p.number)}`,
      body: (p) => `您的调解申请 ${s(p.number)} 已受理。我们已邀请对方当事人；对方同意调解员后，调解即可开始。`,
    },
    "case.invitation": {
      subject: (p) => `${s(p.applicant)} 申请与您调解（${s(p.number)}），邀请码 ${s(p.code)}：${s(p.link)}`,
      body: (p) =>
        `${s(p.applicant)} 向普陀区社会治理综合服务中心申请人民调解（${s(p.number)}）${typeof p.start === "number" ? `，拟定时间 ${when(p.start, "zh")}` : ""}。调解自愿、免费，您可以接受、另选调解员或拒绝。打开 ${s(p.link)} ，邀请码 ${s(p.code)}。`,
    },
    "case.mediator-agreed": {
      subject: (p) => `${s(p.number)} 双方已选定调解员`,
      body: (p) => `双方已选定 ${s(p.mediatorName)} 调解 ${s(p.number)}。`,
    },
    "case.refused": {
      subject: (p) => `${s(p.number)} 对方不同意调解`,
      body: (p) =>
        `对方当事人不同意调解（${s(p.number)}），案件已结束。人民调解是自愿的；您仍可申请仲裁或向人民法院起诉，中心可以告诉您怎么办。`,
    },
    "case.no-mutual-choice": {
      subject: (p) => `${s(p.number)} 双方未选中同一位调解员`,
      body: (p) => `双方的排序没有共同接受的调解员（${s(p.number)}），中心将为您指派调解员并告知理由。`,
    },
    "case.closed": {
      subject: (p) => `${s(p.number)} 调解已结束`,
      body: (p) => `${s(p.number)} 的调解已结束，结果：${s(p.outcomeZh)}。您可以在案件页面查看详情并评价。`,
    },
    "case.instalment-due": {
      subject: (p) => `${s(p.number)} 履行提醒：${s(p.dueOn)} 前`,
      body: (p) =>
        `按调解协议（${s(p.number)}），请于 ${s(p.dueOn)} 前履行：${s(p.description)}${p.amountYuan === null ? "" : `，金额人民币 ${s(p.amountYuan)} 元`}。已履行的请忽略本提醒。`,
    },
    ...assignmentNotifications.zh,
    "case.booking-released": {
      subject: (p) => `${s(p.number)} 的预约已取消`,
      body: (p) => `因${s(p.reasonZh)}，${s(p.number)} 的预约已取消，时段已释放。`,
    },
  },
  en: {
    "booking.requested": {
      subject: (p) => `New mediation request ${s(p.number)}`,
      body: (p) =>
        `${s(p.partyName)} asked for a session on ${when(p.start, "en")} (${facetLabel("mode", s(p.mode), "en")}). Please confirm or decline by ${when(p.respondBy, "en")}.`,
    },
    "booking.rescheduleRequested": {
      subject: (p) => `Rescheduled session ${s(p.number)}`,
      body: (p) =>
        `${s(p.partyName)} moved the session to ${when(p.start, "en")} (${facetLabel("mode", s(p.mode), "en")}). Please confirm or decline by ${when(p.respondBy, "en")}.`,
    },
    "booking.submitted": {
      subject: (p) => `Request sent ${s(p.number)}`,
      body: (p) =>
        `You asked ${s(p.mediatorName)} for a session on ${when(p.start, "en")}. The mediator will confirm by ${when(p.respondBy, "en")}.`,
    },
    "booking.confirmed": {
      subject: (p) => `Session of ${s(p.number)} confirmed`,
      body: (p) => `The mediator confirmed your session on ${when(p.start, "en")}. The booking page has a calendar file (.ics).`,
    },
    "booking.declined": {
      subject: (p) => `Session of ${s(p.number)} declined`,
      body: (p) =>
        `The mediator declined your request: ${s(p.reason)}.${proposal(p, "en")} The booking page lists similar mediators with free time.`,
    },
    "booking.confirmed-for": {
      subject: (p) => `Session of ${s(p.number)} confirmed`,
      body: (p) =>
        `Confirmed by staff ${s(p.staffName)} for ${s(p.mediatorName)}: your session on ${when(p.start, "en")}. The booking page has a calendar file (.ics).`,
    },
    "booking.declined-for": {
      subject: (p) => `Session of ${s(p.number)} declined`,
      body: (p) =>
        `Declined by staff ${s(p.staffName)} for ${s(p.mediatorName)}: your request for ${when(p.start, "en")}. Reason: ${s(p.reason)}.${proposal(p, "en")} The booking page lists similar mediators with free time.`,
    },
    "account.claim-invitation": {
      subject: (p) => `Order-a-Mediator: claim the account of ${s(p.mediatorName)} ${s(p.link)}`,
      body: (p) =>
        `The Putuo social-governance centre invites ${s(p.mediatorName)} to claim their mediator account, to answer parties' requests online. Open ${s(p.link)} by ${when(p.expiresAt, "en")} and choose a sign-in e-mail and a password. The link works once; if this is not you, ignore it.`,
    },
    "booking.cancelled": {
      subject: (p) => `Session of ${s(p.number)} cancelled`,
      body: (p) => `The ${p.by === "party" ? "party" : "mediator"} cancelled the session on ${when(p.start, "en")}: ${s(p.reason)}`,
    },
    "booking.expired": {
      subject: (p) => `Session of ${s(p.number)} expired`,
      body: () =>
        "The mediator did not answer in time, so the request was withdrawn and the time released. You can choose another mediator.",
    },
    "case.filed": {
      subject: (p) => `Request received ${s(p.number)}`,
      body: (p) =>
        `Your request for mediation ${s(p.number)} is received. We have invited the other side; once they agree on the mediator, mediation can begin.`,
    },
    "case.invitation": {
      subject: (p) => `${s(p.applicant)} asks to mediate with you (${s(p.number)}), code ${s(p.code)}: ${s(p.link)}`,
      body: (p) =>
        `${s(p.applicant)} asked the Putuo centre for people's mediation (${s(p.number)})${typeof p.start === "number" ? `, proposed for ${when(p.start, "en")}` : ""}. It is voluntary and free: you may accept, choose another mediator or refuse. Open ${s(p.link)} with code ${s(p.code)}.`,
    },
    "case.mediator-agreed": {
      subject: (p) => `${s(p.number)}: both sides agreed on the mediator`,
      body: (p) => `Both sides chose ${s(p.mediatorName)} to mediate ${s(p.number)}.`,
    },
    "case.refused": {
      subject: (p) => `${s(p.number)}: the other side declined mediation`,
      body: (p) =>
        `The other side declined mediation (${s(p.number)}), so the case is closed. Mediation is voluntary; you can still go to arbitration or to court, and the centre can tell you how.`,
    },
    "case.no-mutual-choice": {
      subject: (p) => `${s(p.number)}: no mediator both sides ranked`,
      body: (p) => `The two rankings share no mediator (${s(p.number)}); the centre will assign one and tell you why.`,
    },
    "case.closed": {
      subject: (p) => `${s(p.number)}: mediation ended`,
      body: (p) => `Mediation of ${s(p.number)} has ended: ${s(p.outcomeEn)}. The case page has the details and a form to rate it.`,
    },
    "case.instalment-due": {
      subject: (p) => `${s(p.number)}: due by ${s(p.dueOn)}`,
      body: (p) =>
        `Under the mediation agreement ${s(p.number)}, please fulfil by ${s(p.dueOn)}: ${s(p.description)}${p.amountYuan === null ? "" : `, ${s(p.amountYuan)} yuan`}. If you already have, ignore this reminder.`,
    },
    ...assignmentNotifications.en,
    "case.booking-released": {
      subject: (p) => `Session of ${s(p.number)} cancelled`,
      body: (p) => `Because ${s(p.reasonEn)}, the session of ${s(p.number)} was cancelled and the time released.`,
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
