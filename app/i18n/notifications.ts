// What the site's notifications say, in both languages. Models write a template and its parameters
// (app/models/notifications.server.ts); the sender renders the row here in the recipient's language.
import { facetLabel, type Locale } from "../../domain";
import { isoInZone } from "../../domain/zone";
import type { NotificationRow, NotificationTemplate } from "../models/notifications.server";
import { formatCentreTime } from "./format";
import { assignmentNotifications } from "./messages-assignment";
import { authNotifications } from "./messages-auth-notifications";

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

// ── the sea (issue 9): a ferry suspension caught a session, and what its party answered ──────────
const bj = (ms: unknown, locale: Locale) => `${when(ms, locale)}${locale === "zh" ? "（北京时间）" : " (Beijing time)"}`;
const townList = (p: P, locale: Locale) =>
  s(p.towns)
    .split(",")
    .filter(Boolean)
    .map((t) => facetLabel("town", t, locale))
    .join(locale === "zh" ? "、" : ", ");
const otherTimes = (p: P, locale: Locale) =>
  [p.time1, p.time2, p.time3]
    .filter((t) => typeof t === "number")
    .map((t) => when(t, locale))
    .join(locale === "zh" ? "；" : "; ");
const CROSSING = {
  zh: { party: "您需要过海", mediator: "调解员需要过海", both: "您和调解员都需要过海" },
  en: {
    party: "you would have to cross",
    mediator: "the mediator would have to cross",
    both: "you and the mediator would both have to cross",
  },
} as const;
const crossingWords = (p: P, locale: Locale) => CROSSING[locale][(s(p.crossing) || "party") as keyof (typeof CROSSING)["zh"]] ?? "";
const byStaff = (p: P, locale: Locale) =>
  p.staffName
    ? locale === "zh"
      ? `（由工作人员 ${s(p.staffName)} 代当事人选择）`
      : ` (chosen by staff ${s(p.staffName)} for the party)`
    : "";
const SEA: Record<Locale, Record<Extract<NotificationTemplate, `sea.${string}`>, Text>> = {
  zh: {
    "sea.suspended-party": {
      subject: (p) => `因大风停航：${s(p.number)} ${when(p.start, "zh")} 的调解`,
      body: (p) =>
        `因大风停航（${townList(p, "zh")}，${bj(p.from, "zh")} 至 ${bj(p.to, "zh")}），${crossingWords(p, "zh")}才能参加 ${bj(p.start, "zh")} 的${facetLabel("mode", s(p.mode), "zh")}调解（${s(p.number)}）。` +
        (typeof p.online === "number" ? "调解员可以在同一时间改为线上调解，请在预约详情中选择“改为线上调解”。" : "") +
        (otherTimes(p, "zh") ? `也可以改到：${otherTimes(p, "zh")}。` : "") +
        "如果仍能按时到场，也可以选择保持原定。预约没有取消。",
    },
    "sea.suspended-mediator": {
      subject: (p) => `因大风停航：${s(p.number)} ${when(p.start, "zh")} 的调解`,
      body: (p) =>
        `因大风停航（${townList(p, "zh")}，${bj(p.from, "zh")} 至 ${bj(p.to, "zh")}），${bj(p.start, "zh")} 的${facetLabel("mode", s(p.mode), "zh")}调解（${s(p.number)}）${p.crossing === "party" ? "当事人需要过海" : p.crossing === "mediator" ? "您需要过海" : "您和当事人都需要过海"}。` +
        (typeof p.online === "number" ? "已向当事人提供同一时间的线上调解" : "已向当事人提供其他时间") +
        "，当事人答复后会通知您。预约没有取消。",
    },
    "sea.suspended-staff": {
      subject: (p) => `已登记停航：${townList(p, "zh")}，${s(p.count)} 场调解受影响`,
      body: (p) =>
        `因大风停航：${townList(p, "zh")}，${bj(p.from, "zh")} 至 ${bj(p.to, "zh")}。${s(p.count)} 场现场或上岛调解需要过海，已通知当事人和调解员，预约均未取消。请在“停航”页面跟进。${p.note ? `备注：${s(p.note)}` : ""}`,
    },
    "sea.moved-online": {
      subject: (p) => `${s(p.number)} 改为线上调解`,
      body: (p) => `因停航，${bj(p.start, "zh")} 的调解（${s(p.number)}）改为线上进行，时间不变${byStaff(p, "zh")}。调解室已释放。`,
    },
    "sea.kept": {
      subject: (p) => `${s(p.number)} 保持原定`,
      body: (p) => `尽管停航，当事人选择保持 ${bj(p.start, "zh")} 的调解（${s(p.number)}）原定安排${byStaff(p, "zh")}。`,
    },
    "sea.lifted": {
      subject: (p) => `停航已解除：${s(p.number)} 可按原定进行`,
      body: (p) =>
        `${townList(p, "zh")}的航班已于 ${bj(p.lifted, "zh")} 恢复。${bj(p.start, "zh")} 的调解（${s(p.number)}）可以按原定进行；如仍想改为线上或改期，请在预约详情中操作。`,
    },
  },
  en: {
    "sea.suspended-party": {
      subject: (p) => `Ferries suspended: your session of ${s(p.number)} on ${when(p.start, "en")}`,
      body: (p) =>
        `Ferries to ${townList(p, "en")} are suspended from ${bj(p.from, "en")} to ${bj(p.to, "en")}. To attend the ${facetLabel("mode", s(p.mode), "en")} session of ${s(p.number)} on ${bj(p.start, "en")}, ${crossingWords(p, "en")}.` +
        (typeof p.online === "number"
          ? " The mediator can hold it online at the same time: choose “Move online” on the booking page."
          : "") +
        (otherTimes(p, "en") ? ` Or move it to: ${otherTimes(p, "en")}.` : "") +
        " If you can still come, keep it as it is. Nothing has been cancelled.",
    },
    "sea.suspended-mediator": {
      subject: (p) => `Ferries suspended: session of ${s(p.number)} on ${when(p.start, "en")}`,
      body: (p) =>
        `Ferries to ${townList(p, "en")} are suspended from ${bj(p.from, "en")} to ${bj(p.to, "en")}. For the ${facetLabel("mode", s(p.mode), "en")} session of ${s(p.number)} on ${bj(p.start, "en")}, ${p.crossing === "party" ? "the party" : p.crossing === "mediator" ? "you" : "you and the party"} would have to cross.` +
        (typeof p.online === "number" ? " The party was offered the same time online" : " The party was offered other times") +
        "; you will be told what they choose. Nothing has been cancelled.",
    },
    "sea.suspended-staff": {
      subject: (p) => `Ferries suspended: ${townList(p, "en")}, ${s(p.count)} sessions affected`,
      body: (p) =>
        `Ferries suspended: ${townList(p, "en")}, ${bj(p.from, "en")} to ${bj(p.to, "en")}. ${s(p.count)} centre or on-site sessions need a crossing; their parties and mediators were told, and nothing was cancelled. Follow them up on the Sea page.${p.note ? ` Note: ${s(p.note)}` : ""}`,
    },
    "sea.moved-online": {
      subject: (p) => `${s(p.number)} moved online`,
      body: (p) =>
        `Because the ferries are suspended, the session of ${s(p.number)} on ${bj(p.start, "en")} is held online at the same time${byStaff(p, "en")}. Its room is released.`,
    },
    "sea.kept": {
      subject: (p) => `${s(p.number)} kept as planned`,
      body: (p) =>
        `Despite the ferry suspension, the party keeps the session of ${s(p.number)} on ${bj(p.start, "en")} as planned${byStaff(p, "en")}.`,
    },
    "sea.lifted": {
      subject: (p) => `Ferries running again: ${s(p.number)} can go ahead`,
      body: (p) =>
        `Ferries to ${townList(p, "en")} are running again since ${bj(p.lifted, "en")}. The session of ${s(p.number)} on ${bj(p.start, "en")} can go ahead as planned; the booking page still lets you move or reschedule it.`,
    },
  },
};

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
    "case.town-staff": {
      subject: (p) => `${facetLabel("town", s(p.town), "zh")}：新的调解申请 ${s(p.number)}`,
      body: (p) =>
        `普陀区社会治理综合服务中心受理了一件涉及${facetLabel("town", s(p.town), "zh")}职责的调解申请 ${s(p.number)}（${facetLabel("category", s(p.category), "zh")}）。请贵镇街工作人员及时到中心协同处理：${s(p.link)}`,
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
    ...SEA.zh,
    ...authNotifications.zh,
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
    "case.town-staff": {
      subject: (p) => `${facetLabel("town", s(p.town), "en")}: new mediation request ${s(p.number)}`,
      body: (p) =>
        `The Putuo centre received a request for mediation ${s(p.number)} (${facetLabel("category", s(p.category), "en")}) that concerns the duties of ${facetLabel("town", s(p.town), "en")}. Please send someone from the town's office to the centre to help with it: ${s(p.link)}`,
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
    ...SEA.en,
    ...authNotifications.en,
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
