// What the site's notifications say, in both languages. Models write a template and its parameters
// (app/models/notifications.server.ts); the sender renders the row here in the recipient's language.
import { facetLabel, type Locale } from "../../domain";
import type { NotificationRow, NotificationTemplate } from "../models/notifications.server";
import { CENTRE } from "../../domain/centre";
import { clause, dayWords, roomWords, sessionWords, tidy, whenWords } from "./when";
import { assignmentNotifications } from "./messages-assignment";
import { authNotifications } from "./messages-auth-notifications";
import { leaveNotifications } from "./messages-leave";
import { journeyNotifications } from "./messages-journey";
import { panelNotifications } from "./notifications-panels";

type P = Record<string, string | number | null>;
/**
 * An e-mail has a subject and a body; a text message carries `sms` when the template has one (written
 * to fit one segment: 70 characters of UCS-2) and otherwise its subject.
 */
type Text = { subject: (p: P) => string; body: (p: P) => string; sms?: (p: P) => string };

/** An instant in words, Beijing time: "12月4日（周五）上午9:00" / "Fri 4 Dec, 9:00 am". */
const when = (ms: unknown, locale: Locale) => (typeof ms === "number" ? whenWords(ms, locale) : "");
const s = (v: unknown) => (v === null || v === undefined ? "" : String(v));
/** The session's time, with its end when known: "12月4日（周五）上午9:00至10:30". */
const session = (p: P, locale: Locale) =>
  typeof p.start !== "number" ? "" : typeof p.end === "number" ? sessionWords(p.start, p.end, locale) : whenWords(p.start, locale);
/** English readers are told once which clock the times are on; the centre's own readers need not be. */
const clock = (locale: Locale) => (locale === "en" ? " (Beijing time)" : "");
const town = (p: P, locale: Locale) => (p.town ? facetLabel("town", s(p.town), locale) : "");
const room = (p: P, locale: Locale) => (p.room ? roomWords(s(p.room), locale) : "");

/**
 * Where or how, in full (an e-mail): the centre's address and room, the town and meeting point on site,
 * the room link online. The booking facts come with the row (notifications.server.ts adds them).
 */
function place(p: P, locale: Locale): string {
  const zh = locale === "zh";
  if (p.mode === "online") return zh ? `线上调解，届时打开调解室链接：${s(p.roomLink)}` : `Online: join the room at ${s(p.roomLink)}`;
  if (p.mode === "onsite") {
    const meet = clause(p.meetingPoint);
    return zh
      ? `上岛调解，地点：${town(p, "zh")}${meet ? `，见面地点：${meet}` : "（见面地点由调解员与您约定）"}`
      : `On site in ${town(p, "en")}${meet ? `, meeting at ${meet}` : " (the mediator will agree the meeting point with you)"}`;
  }
  return zh
    ? `地点：${CENTRE.name.zh}${room(p, "zh")}，${CENTRE.address.zh}`
    : `Place: ${room(p, "en") || "the centre"}, ${CENTRE.name.en}, ${CENTRE.address.en}`;
}

/** The same words for the calendar file (booking-ics.server.ts): a calendar says what its messages say. */
export const sessionPlace = place;

/** Where or how, in a few characters (a text message): "中心第一调解室", "六横镇上岛", "线上" / "room 1", "Liuheng". */
function placeShort(p: P, locale: Locale): string {
  const zh = locale === "zh";
  if (p.mode === "online") return zh ? "线上" : "online";
  if (p.mode === "onsite") return zh ? `${town(p, "zh")}上岛` : town(p, "en");
  return zh ? `中心${room(p, "zh")}` : p.room ? room(p, "en").replace("Mediation room", "room").replace(" (large)", "") : "centre";
}

/** The other person: the party for the mediator, the mediator for everyone else. */
const who = (p: P, locale: Locale) =>
  p.audience === "mediator"
    ? locale === "zh"
      ? `当事人：${s(p.partyName)}`
      : `Party: ${s(p.partyName)}`
    : locale === "zh"
      ? `调解员：${s(p.mediatorName)}`
      : `Mediator: ${s(p.mediatorName)}`;
/** The case number in brackets after what it numbers, nothing when a case has none yet. */
const numbered = (p: P, locale: Locale) => (p.number ? (locale === "zh" ? `（${s(p.number)}）` : ` (${s(p.number)})`) : "");
const otherName = (p: P) => s(p.audience === "mediator" ? p.partyName : p.mediatorName);
/** The link to manage it. */
const manage = (p: P, locale: Locale, zhWords = "查看、改期或取消", enWords = "View, reschedule or cancel") =>
  p.link ? (locale === "zh" ? `${zhWords}：${s(p.link)}` : `${enWords}: ${s(p.link)}`) : "";
const smsLink = (p: P) => s(p.smsLink || p.link);
/** A local date written as data ("2026-12-04", an instalment's due day) in words: "12月4日（周五）". */
const dueDay = (p: P, locale: Locale) => {
  const ms = Date.parse(`${s(p.dueOn)}T12:00:00+08:00`);
  return Number.isNaN(ms) ? s(p.dueOn) : dayWords(ms, locale);
};

/** Sentences: each part ends with its full stop (。 or .), empty parts are left out. */
const sentences = (locale: Locale, ...parts: string[]) =>
  parts
    .filter(Boolean)
    // A link ends its sentence without a stop, so the stop is not taken as part of the address.
    .map((x) => (/https?:\/\/\S+$/.test(x) ? `${x} ` : locale === "zh" ? `${x}。` : `${x}. `))
    .join("")
    .trim();
/** 【调解点单】 is the signature a Chinese text message carries at its start. */
const sms = (locale: Locale, text: string) => (locale === "zh" ? `【调解点单】${text}` : text);

/** A declined request may carry another time proposed instead. */
const proposal = (p: P, locale: Locale) =>
  typeof p.proposedStart !== "number"
    ? ""
    : locale === "zh"
      ? `调解员建议改到 ${when(p.proposedStart, "zh")}，您可以在预约详情中预约这个时间`
      : `The mediator proposes ${when(p.proposedStart, "en")} instead; the booking page lets you book it`;

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
        `因大风停航（${townList(p, "zh")}，${bj(p.from, "zh")} 至 ${bj(p.to, "zh")}），${crossingWords(p, "zh")}才能参加 ${bj(p.start, "zh")} 的${facetLabel("mode", s(p.mode), "zh")}调解${numbered(p, "zh")}。` +
        (typeof p.online === "number" ? "调解员可以在同一时间改为线上调解，请在预约详情中选择“改为线上调解”。" : "") +
        (otherTimes(p, "zh") ? `也可以改到：${otherTimes(p, "zh")}。` : "") +
        "如果仍能按时到场，也可以选择保持原定。预约没有取消。" +
        manage(p, "zh", "预约详情"),
    },
    "sea.suspended-mediator": {
      subject: (p) => `因大风停航：${s(p.number)} ${when(p.start, "zh")} 的调解`,
      body: (p) =>
        `因大风停航（${townList(p, "zh")}，${bj(p.from, "zh")} 至 ${bj(p.to, "zh")}），${bj(p.start, "zh")} 的${facetLabel("mode", s(p.mode), "zh")}调解${numbered(p, "zh")}${p.crossing === "party" ? "当事人需要过海" : p.crossing === "mediator" ? "您需要过海" : "您和当事人都需要过海"}。` +
        (typeof p.online === "number" ? "已向当事人提供同一时间的线上调解" : "已向当事人提供其他时间") +
        "，当事人答复后会通知您。预约没有取消。" +
        manage(p, "zh", "预约详情"),
    },
    "sea.suspended-staff": {
      subject: (p) => `已登记停航：${townList(p, "zh")}，${s(p.count)} 场调解受影响`,
      body: (p) =>
        `因大风停航：${townList(p, "zh")}，${bj(p.from, "zh")} 至 ${bj(p.to, "zh")}。${s(p.count)} 场现场或上岛调解需要过海，已通知当事人和调解员，预约均未取消。请在“停航”页面跟进。${p.note ? `备注：${s(p.note)}` : ""}`,
    },
    "sea.moved-online": {
      subject: (p) => `${s(p.number)} 改为线上调解`,
      body: (p) =>
        `因停航，${bj(p.start, "zh")} 的调解${numbered(p, "zh")}改为线上进行，时间不变${byStaff(p, "zh")}。调解室已释放。` +
        manage(p, "zh", "线上调解室链接见预约详情"),
    },
    "sea.kept": {
      subject: (p) => `${s(p.number)} 保持原定`,
      body: (p) => `尽管停航，当事人选择保持 ${bj(p.start, "zh")} 的调解${numbered(p, "zh")}原定安排${byStaff(p, "zh")}。`,
    },
    "sea.lifted": {
      subject: (p) => `停航已解除：${s(p.number)} 可按原定进行`,
      body: (p) =>
        `${townList(p, "zh")}的航班已于 ${bj(p.lifted, "zh")} 恢复。${bj(p.start, "zh")} 的调解${numbered(p, "zh")}可以按原定进行；如仍想改为线上或改期，请在预约详情中操作。` +
        manage(p, "zh", "预约详情"),
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
        " If you can still come, keep it as it is. Nothing has been cancelled. " +
        manage(p, "en", "", "The booking"),
    },
    "sea.suspended-mediator": {
      subject: (p) => `Ferries suspended: session of ${s(p.number)} on ${when(p.start, "en")}`,
      body: (p) =>
        `Ferries to ${townList(p, "en")} are suspended from ${bj(p.from, "en")} to ${bj(p.to, "en")}. For the ${facetLabel("mode", s(p.mode), "en")} session of ${s(p.number)} on ${bj(p.start, "en")}, ${p.crossing === "party" ? "the party" : p.crossing === "mediator" ? "you" : "you and the party"} would have to cross.` +
        (typeof p.online === "number" ? " The party was offered the same time online" : " The party was offered other times") +
        "; you will be told what they choose. Nothing has been cancelled. " +
        manage(p, "en", "", "The booking"),
    },
    "sea.suspended-staff": {
      subject: (p) => `Ferries suspended: ${townList(p, "en")}, ${s(p.count)} sessions affected`,
      body: (p) =>
        `Ferries suspended: ${townList(p, "en")}, ${bj(p.from, "en")} to ${bj(p.to, "en")}. ${s(p.count)} centre or on-site sessions need a crossing; their parties and mediators were told, and nothing was cancelled. Follow them up on the Sea page.${p.note ? ` Note: ${s(p.note)}` : ""}`,
    },
    "sea.moved-online": {
      subject: (p) => `${s(p.number)} moved online`,
      body: (p) =>
        `Because the ferries are suspended, the session of ${s(p.number)} on ${bj(p.start, "en")} is held online at the same time${byStaff(p, "en")}. Its room is released. ` +
        manage(p, "en", "", "The online room's link is on the booking page"),
    },
    "sea.kept": {
      subject: (p) => `${s(p.number)} kept as planned`,
      body: (p) =>
        `Despite the ferry suspension, the party keeps the session of ${s(p.number)} on ${bj(p.start, "en")} as planned${byStaff(p, "en")}.`,
    },
    "sea.lifted": {
      subject: (p) => `Ferries running again: ${s(p.number)} can go ahead`,
      body: (p) =>
        `Ferries to ${townList(p, "en")} are running again since ${bj(p.lifted, "en")}. The session of ${s(p.number)} on ${bj(p.start, "en")} can go ahead as planned; the booking page still lets you move or reschedule it. ` +
        manage(p, "en", "", "The booking"),
    },
  },
};

const CATALOGUE: Record<Locale, Record<NotificationTemplate, Text>> = {
  zh: {
    "booking.requested": {
      subject: (p) => `新的调解预约：${when(p.start, "zh")}，${s(p.partyName)}`,
      body: (p) =>
        sentences(
          "zh",
          `${s(p.partyName)} 向您预约了 ${session(p, "zh")} 的调解${numbered(p, "zh")}`,
          place(p, "zh"),
          `请在 ${when(p.respondBy, "zh")} 前确认或婉拒：${s(p.link)}`,
        ),
      sms: (p) => sms("zh", `新预约待答复：${when(p.start, "zh")}，${s(p.partyName)}，${placeShort(p, "zh")} ${smsLink(p)}`),
    },
    "booking.rescheduleRequested": {
      subject: (p) => `改期的调解预约：${when(p.start, "zh")}，${s(p.partyName)}`,
      body: (p) =>
        sentences(
          "zh",
          `${s(p.partyName)} 把调解${numbered(p, "zh")}改到 ${session(p, "zh")}`,
          place(p, "zh"),
          `请在 ${when(p.respondBy, "zh")} 前确认或婉拒：${s(p.link)}`,
        ),
      sms: (p) => sms("zh", `改期待答复：${when(p.start, "zh")}，${s(p.partyName)}，${placeShort(p, "zh")} ${smsLink(p)}`),
    },
    "booking.submitted": {
      subject: (p) => `预约已提交：${when(p.start, "zh")}，${s(p.mediatorName)}`,
      body: (p) =>
        sentences(
          "zh",
          `您向 ${s(p.mediatorName)} 预约了 ${session(p, "zh")} 的调解${numbered(p, "zh")}，调解员会在 ${when(p.respondBy, "zh")} 前答复`,
          place(p, "zh"),
          "人民调解不收费。预约详情中可以下载日历文件（待确认）",
          manage(p, "zh"),
        ),
      sms: (p) => sms("zh", `已提交，待确认：${when(p.start, "zh")}，${s(p.mediatorName)}，${placeShort(p, "zh")} ${smsLink(p)}`),
    },
    "booking.confirmed": {
      subject: (p) => `预约已确认：${when(p.start, "zh")}，${s(p.mediatorName)}`,
      body: (p) =>
        sentences(
          "zh",
          `${s(p.mediatorName)} 已确认您 ${session(p, "zh")} 的调解${numbered(p, "zh")}`,
          place(p, "zh"),
          "调解前一天和开始前两小时会再提醒您。预约详情中可以下载日历文件",
          manage(p, "zh"),
        ),
      sms: (p) => sms("zh", `已确认：${when(p.start, "zh")}，${s(p.mediatorName)}，${placeShort(p, "zh")} ${smsLink(p)}`),
    },
    "booking.declined": {
      subject: (p) => `预约未被接受：${when(p.start, "zh")}，${s(p.mediatorName)}`,
      body: (p) =>
        sentences(
          "zh",
          `${s(p.mediatorName)} 婉拒了您 ${when(p.start, "zh")} 的预约${numbered(p, "zh")}，理由：${clause(p.reason)}`,
          proposal(p, "zh"),
          manage(p, "zh", "预约详情中有空档的相似调解员"),
        ),
      sms: (p) => sms("zh", `${s(p.mediatorName)}婉拒了${when(p.start, "zh")}的预约，请另选时间 ${smsLink(p)}`),
    },
    "booking.confirmed-for": {
      subject: (p) => `预约已确认：${when(p.start, "zh")}，${s(p.mediatorName)}`,
      body: (p) =>
        sentences(
          "zh",
          `由工作人员 ${s(p.staffName)} 代 ${s(p.mediatorName)} 确认了 ${session(p, "zh")} 的调解${numbered(p, "zh")}`,
          who(p, "zh"),
          place(p, "zh"),
          manage(p, "zh"),
        ),
      sms: (p) => sms("zh", `已确认：${when(p.start, "zh")}，${s(p.mediatorName)}，${placeShort(p, "zh")} ${smsLink(p)}`),
    },
    "booking.declined-for": {
      subject: (p) => `预约未被接受：${when(p.start, "zh")}，${s(p.mediatorName)}`,
      body: (p) =>
        sentences(
          "zh",
          `由工作人员 ${s(p.staffName)} 代 ${s(p.mediatorName)} 婉拒了 ${when(p.start, "zh")} 的预约${numbered(p, "zh")}，理由：${clause(p.reason)}`,
          proposal(p, "zh"),
          manage(p, "zh", "预约详情中有空档的相似调解员"),
        ),
      sms: (p) => sms("zh", `${s(p.mediatorName)}婉拒了${when(p.start, "zh")}的预约，请另选时间 ${smsLink(p)}`),
    },
    "booking.reminder": {
      subject: (p) => `${p.kind === "two-hours" ? "两小时后" : "明天"}调解：${when(p.start, "zh")}，${otherName(p)}`,
      body: (p) =>
        sentences(
          "zh",
          `提醒：${session(p, "zh")} 有调解${numbered(p, "zh")}`,
          who(p, "zh"),
          place(p, "zh"),
          p.audience === "mediator" ? "" : "请带上身份证件和与纠纷有关的材料",
          manage(p, "zh"),
        ),
      sms: (p) => sms("zh", `提醒：${when(p.start, "zh")}调解，${otherName(p)}，${placeShort(p, "zh")} ${smsLink(p)}`),
    },
    "account.claim-invitation": {
      subject: (p) => `调解点单：请认领 ${s(p.mediatorName)} 的账号 ${s(p.link)}`,
      body: (p) =>
        `普陀区社会治理综合服务中心邀请 ${s(p.mediatorName)} 认领调解员账号，以便在线答复当事人的预约。请在 ${when(p.expiresAt, "zh")} 前打开 ${s(p.link)} ，设置登录邮箱和密码。链接只能使用一次；如非本人，请忽略。`,
    },
    "booking.cancelled": {
      subject: (p) => `预约已取消：${when(p.start, "zh")}，${otherName(p)}`,
      body: (p) =>
        sentences(
          "zh",
          `${p.by === "party" ? `当事人 ${s(p.partyName)}` : `调解员 ${s(p.mediatorName)}`} 取消了 ${session(p, "zh")} 的调解${numbered(p, "zh")}，理由：${clause(p.reason)}`,
          manage(p, "zh", "预约详情"),
        ),
      sms: (p) => sms("zh", `${when(p.start, "zh")}与${otherName(p)}的调解已取消 ${smsLink(p)}`),
    },
    "booking.expired": {
      subject: (p) => `预约已过期：${when(p.start, "zh")}，${s(p.mediatorName)}`,
      body: (p) =>
        sentences(
          "zh",
          `${s(p.mediatorName)} 未在时限内答复您 ${when(p.start, "zh")} 的预约${numbered(p, "zh")}，预约已自动取消、时段已释放`,
          manage(p, "zh", "您可以另选调解员"),
        ),
      sms: (p) => sms("zh", `${s(p.mediatorName)}未按时答复${when(p.start, "zh")}的预约，请另选 ${smsLink(p)}`),
    },
    "case.filed": {
      subject: (p) => `调解申请已受理 ${s(p.number)}`,
      body: (p) =>
        sentences(
          "zh",
          `您的调解申请 ${s(p.number)} 已受理`,
          "我们已邀请对方当事人；对方同意调解员后，调解即可开始。人民调解不收费",
          manage(p, "zh", "查看进度"),
        ),
    },
    "case.town-staff": {
      subject: (p) => `${facetLabel("town", s(p.town), "zh")}：新的调解申请 ${s(p.number)}`,
      body: (p) =>
        `普陀区社会治理综合服务中心受理了一件涉及${facetLabel("town", s(p.town), "zh")}职责的调解申请 ${s(p.number)}（${facetLabel("category", s(p.category), "zh")}）。请贵镇街工作人员及时到中心协同处理：${s(p.link)}`,
    },
    "case.invitation": {
      subject: (p) => `${s(p.applicant)} 申请与您调解${numbered(p, "zh")}，邀请码 ${s(p.code)}：${s(p.link)}`,
      body: (p) =>
        `${s(p.applicant)} 向普陀区社会治理综合服务中心申请人民调解${numbered(p, "zh")}${typeof p.start === "number" ? `，拟定时间 ${when(p.start, "zh")}` : ""}。调解自愿、免费，您可以接受、另选调解员或拒绝。打开 ${s(p.link)} ，邀请码 ${s(p.code)}。`,
    },
    "case.mediator-agreed": {
      subject: (p) => `${s(p.number)} 双方已选定调解员 ${s(p.mediatorName)}`,
      body: (p) => sentences("zh", `双方已选定 ${s(p.mediatorName)} 调解 ${s(p.number)}`, manage(p, "zh", "案件详情")),
    },
    "case.refused": {
      subject: (p) => `${s(p.number)} 对方不同意调解`,
      body: (p) =>
        sentences(
          "zh",
          `对方当事人不同意调解${numbered(p, "zh")}，案件已结束`,
          `人民调解是自愿的；您仍可申请仲裁或向人民法院起诉，中心可以告诉您怎么办（电话 ${CENTRE.phone}）`,
          manage(p, "zh", "案件详情"),
        ),
    },
    "case.no-mutual-choice": {
      subject: (p) => `${s(p.number)} 双方未选中同一位调解员`,
      body: (p) =>
        sentences("zh", `双方的排序没有共同接受的调解员${numbered(p, "zh")}，中心将为您指派调解员并告知理由`, manage(p, "zh", "案件详情")),
    },
    "case.closed": {
      subject: (p) => `${s(p.number)} 调解已结束`,
      body: (p) =>
        sentences("zh", `${s(p.number)} 的调解已结束，结果：${clause(p.outcomeZh)}`, manage(p, "zh", "在案件页面查看详情并评价")),
    },
    "case.instalment-due": {
      subject: (p) => `${s(p.number)} 履行提醒：${dueDay(p, "zh")}前`,
      body: (p) =>
        sentences(
          "zh",
          `按调解协议${numbered(p, "zh")}，请于 ${dueDay(p, "zh")}前履行：${clause(p.description)}${p.amountYuan === null || p.amountYuan === undefined ? "" : `，金额人民币 ${s(p.amountYuan)} 元`}`,
          "已履行的请忽略本提醒",
          manage(p, "zh", "案件详情"),
        ),
    },
    ...assignmentNotifications.zh,
    "case.booking-released": {
      subject: (p) => `预约已取消：${when(p.start, "zh")}，${otherName(p)}`,
      body: (p) =>
        sentences(
          "zh",
          `因${clause(p.reasonZh)}，${session(p, "zh")} 的调解${numbered(p, "zh")}已取消，时段已释放`,
          manage(p, "zh", "案件和预约详情"),
        ),
      sms: (p) => sms("zh", `${when(p.start, "zh")}与${otherName(p)}的调解已取消 ${smsLink(p)}`),
    },
    ...SEA.zh,
    ...authNotifications.zh,
    ...leaveNotifications.zh,
    ...journeyNotifications.zh,
    ...panelNotifications.zh,
  },
  en: {
    "booking.requested": {
      subject: (p) => `New request: ${when(p.start, "en")}, ${s(p.partyName)}`,
      body: (p) =>
        sentences(
          "en",
          `${s(p.partyName)} asked you for a mediation session on ${session(p, "en")}${clock("en")}${numbered(p, "en")}`,
          place(p, "en"),
          `Please confirm or decline by ${when(p.respondBy, "en")}: ${s(p.link)}`,
        ),
      sms: (p) => `Request ${when(p.start, "en")}, ${s(p.partyName)}, ${placeShort(p, "en")} ${smsLink(p)}`,
    },
    "booking.rescheduleRequested": {
      subject: (p) => `Rescheduled: ${when(p.start, "en")}, ${s(p.partyName)}`,
      body: (p) =>
        sentences(
          "en",
          `${s(p.partyName)} moved the session of ${s(p.number)} to ${session(p, "en")}${clock("en")}`,
          place(p, "en"),
          `Please confirm or decline by ${when(p.respondBy, "en")}: ${s(p.link)}`,
        ),
      sms: (p) => `Moved to ${when(p.start, "en")}, ${s(p.partyName)}, ${placeShort(p, "en")} ${smsLink(p)}`,
    },
    "booking.submitted": {
      subject: (p) => `Request sent: ${when(p.start, "en")}, ${s(p.mediatorName)}`,
      body: (p) =>
        sentences(
          "en",
          `You asked ${s(p.mediatorName)} for a mediation session on ${session(p, "en")}${clock("en")}${numbered(p, "en")}; the mediator will answer by ${when(p.respondBy, "en")}`,
          place(p, "en"),
          "People's mediation is free of charge. The booking page has a calendar file (tentative until confirmed)",
          manage(p, "en"),
        ),
      sms: (p) => `Pending: ${when(p.start, "en")}, ${s(p.mediatorName)} ${smsLink(p)}`,
    },
    "booking.confirmed": {
      subject: (p) => `Confirmed: ${when(p.start, "en")}, ${s(p.mediatorName)}`,
      body: (p) =>
        sentences(
          "en",
          `${s(p.mediatorName)} confirmed your mediation session on ${session(p, "en")}${clock("en")}${numbered(p, "en")}`,
          place(p, "en"),
          "You will be reminded the day before and two hours before. The booking page has a calendar file",
          manage(p, "en"),
        ),
      sms: (p) => `Confirmed: ${when(p.start, "en")}, ${s(p.mediatorName)} ${smsLink(p)}`,
    },
    "booking.declined": {
      subject: (p) => `Not accepted: ${when(p.start, "en")}, ${s(p.mediatorName)}`,
      body: (p) =>
        sentences(
          "en",
          `${s(p.mediatorName)} declined your request for ${when(p.start, "en")}${clock("en")}${numbered(p, "en")}: ${clause(p.reason)}`,
          proposal(p, "en"),
          manage(p, "en", "", "Similar mediators with free time"),
        ),
      sms: (p) => `${s(p.mediatorName)} declined ${when(p.start, "en")} ${smsLink(p)}`,
    },
    "booking.confirmed-for": {
      subject: (p) => `Confirmed: ${when(p.start, "en")}, ${s(p.mediatorName)}`,
      body: (p) =>
        sentences(
          "en",
          `Staff member ${s(p.staffName)} confirmed for ${s(p.mediatorName)} the mediation session on ${session(p, "en")}${clock("en")}${numbered(p, "en")}`,
          who(p, "en"),
          place(p, "en"),
          manage(p, "en"),
        ),
      sms: (p) => `Confirmed: ${when(p.start, "en")}, ${s(p.mediatorName)} ${smsLink(p)}`,
    },
    "booking.declined-for": {
      subject: (p) => `Not accepted: ${when(p.start, "en")}, ${s(p.mediatorName)}`,
      body: (p) =>
        sentences(
          "en",
          `Staff member ${s(p.staffName)} declined for ${s(p.mediatorName)} the request for ${when(p.start, "en")}${clock("en")}${numbered(p, "en")}: ${clause(p.reason)}`,
          proposal(p, "en"),
          manage(p, "en", "", "Similar mediators with free time"),
        ),
      sms: (p) => `${s(p.mediatorName)} declined ${when(p.start, "en")} ${smsLink(p)}`,
    },
    "booking.reminder": {
      subject: (p) => `${p.kind === "two-hours" ? "In two hours" : "Tomorrow"}: mediation ${when(p.start, "en")}, ${otherName(p)}`,
      body: (p) =>
        sentences(
          "en",
          `A reminder: your mediation session${numbered(p, "en")} is on ${session(p, "en")}${clock("en")}`,
          who(p, "en"),
          place(p, "en"),
          p.audience === "mediator" ? "" : "Please bring an identity document and the papers about the dispute",
          manage(p, "en"),
        ),
      sms: (p) => `Reminder ${when(p.start, "en")}, ${otherName(p)}, ${placeShort(p, "en")} ${smsLink(p)}`,
    },
    "account.claim-invitation": {
      subject: (p) => `Order-a-Mediator: claim the account of ${s(p.mediatorName)} ${s(p.link)}`,
      body: (p) =>
        `The Putuo social-governance centre invites ${s(p.mediatorName)} to claim their mediator account, to answer parties' requests online. Open ${s(p.link)} by ${when(p.expiresAt, "en")} and choose a sign-in e-mail and a password. The link works once; if this is not you, ignore it.`,
    },
    "booking.cancelled": {
      subject: (p) => `Cancelled: ${when(p.start, "en")}, ${otherName(p)}`,
      body: (p) =>
        sentences(
          "en",
          `${p.by === "party" ? `The party, ${s(p.partyName)},` : `The mediator, ${s(p.mediatorName)},`} cancelled the mediation session on ${session(p, "en")}${clock("en")}${numbered(p, "en")}: ${clause(p.reason)}`,
          manage(p, "en", "", "The booking"),
        ),
      sms: (p) => `Cancelled: ${when(p.start, "en")}, ${otherName(p)} ${smsLink(p)}`,
    },
    "booking.expired": {
      subject: (p) => `Expired: ${when(p.start, "en")}, ${s(p.mediatorName)}`,
      body: (p) =>
        sentences(
          "en",
          `${s(p.mediatorName)} did not answer your request for ${when(p.start, "en")}${clock("en")}${numbered(p, "en")} in time, so it was withdrawn and the time released`,
          manage(p, "en", "", "Choose another mediator"),
        ),
      sms: (p) => `No answer: ${when(p.start, "en")}, ${s(p.mediatorName)} ${smsLink(p)}`,
    },
    "case.filed": {
      subject: (p) => `Request received ${s(p.number)}`,
      body: (p) =>
        sentences(
          "en",
          `Your request for mediation ${s(p.number)} is received`,
          "We have invited the other side; once they agree on the mediator, mediation can begin. People's mediation is free of charge",
          manage(p, "en", "", "Follow it"),
        ),
    },
    "case.town-staff": {
      subject: (p) => `${facetLabel("town", s(p.town), "en")}: new mediation request ${s(p.number)}`,
      body: (p) =>
        `The Putuo centre received a request for mediation ${s(p.number)} (${facetLabel("category", s(p.category), "en")}) that concerns the duties of ${facetLabel("town", s(p.town), "en")}. Please send someone from the town's office to the centre to help with it: ${s(p.link)}`,
    },
    "case.invitation": {
      subject: (p) => `${s(p.applicant)} asks to mediate with you${numbered(p, "en")}, code ${s(p.code)}: ${s(p.link)}`,
      body: (p) =>
        `${s(p.applicant)} asked the Putuo centre for people's mediation${numbered(p, "en")}${typeof p.start === "number" ? `, proposed for ${when(p.start, "en")}` : ""}. It is voluntary and free: you may accept, choose another mediator or refuse. Open ${s(p.link)} with code ${s(p.code)}.`,
    },
    "case.mediator-agreed": {
      subject: (p) => `${s(p.number)}: both sides chose ${s(p.mediatorName)}`,
      body: (p) => sentences("en", `Both sides chose ${s(p.mediatorName)} to mediate ${s(p.number)}`, manage(p, "en", "", "The case")),
    },
    "case.refused": {
      subject: (p) => `${s(p.number)}: the other side declined mediation`,
      body: (p) =>
        sentences(
          "en",
          `The other side declined mediation${numbered(p, "en")}, so the case is closed`,
          `Mediation is voluntary; you can still go to arbitration or to court, and the centre can tell you how (phone ${CENTRE.phone})`,
          manage(p, "en", "", "The case"),
        ),
    },
    "case.no-mutual-choice": {
      subject: (p) => `${s(p.number)}: no mediator both sides ranked`,
      body: (p) =>
        sentences(
          "en",
          `The two rankings share no mediator${numbered(p, "en")}; the centre will assign one and tell you why`,
          manage(p, "en", "", "The case"),
        ),
    },
    "case.closed": {
      subject: (p) => `${s(p.number)}: mediation ended`,
      body: (p) =>
        sentences(
          "en",
          `Mediation of ${s(p.number)} has ended: ${clause(p.outcomeEn)}`,
          manage(p, "en", "", "Details and a form to rate it"),
        ),
    },
    "case.instalment-due": {
      subject: (p) => `${s(p.number)}: due by ${dueDay(p, "en")}`,
      body: (p) =>
        sentences(
          "en",
          `Under the mediation agreement ${s(p.number)}, please fulfil by ${dueDay(p, "en")}: ${clause(p.description)}${p.amountYuan === null || p.amountYuan === undefined ? "" : `, ${s(p.amountYuan)} yuan`}`,
          "If you already have, ignore this reminder",
          manage(p, "en", "", "The case"),
        ),
    },
    ...assignmentNotifications.en,
    "case.booking-released": {
      subject: (p) => `Cancelled: ${when(p.start, "en")}, ${otherName(p)}`,
      body: (p) =>
        sentences(
          "en",
          `Because ${clause(p.reasonEn)}, the mediation session on ${session(p, "en")}${clock("en")}${numbered(p, "en")} was cancelled and the time released`,
          manage(p, "en", "", "The case and the booking"),
        ),
      sms: (p) => `Cancelled: ${when(p.start, "en")}, ${otherName(p)} ${smsLink(p)}`,
    },
    ...SEA.en,
    ...authNotifications.en,
    ...leaveNotifications.en,
    ...journeyNotifications.en,
    ...panelNotifications.en,
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
  if (n.channel === "sms") {
    // A text message is one text: the template's short form, or its subject line.
    const short = tidy((text.sms ?? text.subject)(params));
    return { subject: short, body: short };
  }
  return { subject: tidy(text.subject(params)), body: tidy(text.body(params)) };
}

/** The templates whose text message is written to fit one segment (70 characters of UCS-2). */
export const shortSmsTemplates = (locale: Locale): NotificationTemplate[] =>
  (Object.keys(CATALOGUE[locale]) as NotificationTemplate[]).filter((k) => CATALOGUE[locale][k].sms !== undefined);
