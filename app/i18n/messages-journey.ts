// Words of the booking journey (issue 11): the confirmation after ordering or moving a session, a time
// held while signing in, answer deadlines, moving a confirmed session and the mediator's proposals,
// on-site contact details; in both languages. `journey` is composed into `messages` in ./messages.ts;
// `journeyNotifications` into the notification catalogue (./notifications.ts).
import type { Locale } from "../../domain";
import type { NotificationTemplate } from "../models/notifications.server";
import { clause, whenWords } from "./when";

const zh = {
  journey: {
    title: "预约",
    // The confirmation the page lands on (focus on its heading).
    createdHeading: "预约已提交",
    createdNext: (respondBy: string) => `接下来：调解员会在 ${respondBy} 前答复。确认或婉拒后，我们会发短信和站内通知告诉您。`,
    createdNextFallback: "如果调解员婉拒或逾期未答复，我们会为您推荐有空档的其他调解员。",
    confirmedHeading: "预约已确认",
    confirmedNext: (when: string) => `这位调解员即时确认预约：${when} 的调解已经定下。可下载日历文件，调解前一天和两小时前我们会提醒您。`,
    changeHeading: "改期申请已提交",
    changeNext: (oldWhen: string, respondBy: string) =>
      `原定 ${oldWhen} 的调解仍为您保留。调解员会在 ${respondBy} 前答复：同意后改到新时间，原时间释放；不同意或逾期未答复，原时间照常进行。`,
    movedHeading: "已改到新的时间",
    rescheduledHeading: "已改期，等待确认",
    movedNext: (when: string) => `调解改到 ${when}，已确认；原来的时间已释放。`,
    proposedSentHeading: "已向当事人提议新时间",
    proposedSentNext: "当事人同意后调解改到新时间；不同意时原时间照常进行。答复后会通知您。",
    refusedHeading: "已保留原定时间",
    refusedNext: "已告诉调解员您不改时间，调解照常进行。",
    // A confirmed session with a move waiting.
    pendingChangeHeading: "改期申请等待答复",
    pendingChange: (newWhen: string, respondBy: string) =>
      `您申请改到 ${newWhen}，调解员需在 ${respondBy} 前答复。在那之前，本次调解的时间不变。`,
    pendingChangeLink: "查看改期申请",
    changeOf: (oldWhen: string) => `这是一次改期申请：原定 ${oldWhen} 的调解在确认前仍然有效，婉拒后照常进行。`,
    changeOfLink: "查看原预约",
    // The mediator proposes another time for a confirmed session.
    proposeHeading: "提议另一个时间",
    proposeIntro: "当事人同意后，调解改到您提议的时间；不同意时，原时间照常进行。",
    proposeNote: "说明（会发给当事人）",
    proposeButton: "向当事人提议这个时间",
    proposalHeading: "调解员提议改时间",
    proposalBody: (when: string) => `调解员提议把调解改到 ${when}。同意后立即改到新时间并确认；不同意时原时间照常进行。`,
    acceptButton: "同意改到这个时间",
    refuseButton: "不改，保留原时间",
    proposalWaiting: (when: string) => `已向当事人提议改到 ${when}，等待当事人答复。`,
    // The hold of a signed-out visitor.
    holdIntro: "先选好时间，再登录或注册：所选时段会为您保留 10 分钟。",
    holdLogin: "保留这个时间并登录",
    holdRegister: "保留这个时间并注册",
    held: (when: string, until: string) => `已为您保留 ${when}，保留到 ${until}。请在那之前提交预约。`,
    holdGone: "您之前选的时间已不再保留（超过 10 分钟或已被预约），请重新选择。",
    holdNeedsSlot: "请先选择一个时段。",
    // Answer deadlines (ADR 029).
    tooSoon: "这个时间离调解太近，调解员来不及答复。请选择更晚的时间，或选择可即时确认的调解员。",
    instantBadge: "即时确认",
    // On-site details and contacts.
    meetingPoint: "碰面地点",
    meetingPointHint: "例如：六横镇台门村村委会门口。调解员按这里找您。",
    contactPhone: "当天联系电话",
    contactPhoneHint: "调解员确认后可以看到这个号码，用于当天联系您；其他人看不到。",
    partyTown: "您从哪个镇街来中心？",
    partyTownHint: "用于判断您是否要坐船：遇到停航时我们会提醒您并提供线上调解。",
    partyTownPlaceholder: "请选择（选填）",
    partyContact: "当事人联系方式",
    partyPhone: "账号手机",
    contactPhoneLabel: "当天联系电话",
    contactHidden: "调解确认后，调解员可以看到当事人的联系方式。",
    noDays: "无空闲时段",
  },
};

const en: typeof zh = {
  journey: {
    title: "Booking",
    createdHeading: "Your booking request is sent",
    createdNext: (respondBy: string) =>
      `What happens next: the mediator answers by ${respondBy}. When they confirm or decline, we tell you by text message and on this site.`,
    createdNextFallback: "If the mediator declines or does not answer in time, we suggest other mediators with free time.",
    confirmedHeading: "Your booking is confirmed",
    confirmedNext: (when: string) =>
      `This mediator confirms at once: the session on ${when} is fixed. Download the calendar file; we remind you the day before and two hours before.`,
    changeHeading: "Your request to move the session is sent",
    changeNext: (oldWhen: string, respondBy: string) =>
      `Your session on ${oldWhen} stays booked for you. The mediator answers by ${respondBy}: if they agree, the session moves and the old time is released; if they decline or do not answer, the session goes ahead as planned.`,
    movedHeading: "Moved to the new time",
    rescheduledHeading: "Moved; waiting for confirmation",
    movedNext: (when: string) => `The session is now on ${when}, confirmed; the old time is released.`,
    proposedSentHeading: "New time proposed to the party",
    proposedSentNext: "If the party agrees, the session moves; if not, it goes ahead as planned. You will be told their answer.",
    refusedHeading: "Your session stays as planned",
    refusedNext: "We told the mediator you keep the original time.",
    pendingChangeHeading: "Your move waits for an answer",
    pendingChange: (newWhen: string, respondBy: string) =>
      `You asked to move to ${newWhen}; the mediator answers by ${respondBy}. Until then this session keeps its time.`,
    pendingChangeLink: "See the request to move",
    changeOf: (oldWhen: string) =>
      `This request moves a session: the one on ${oldWhen} stands until this is confirmed, and goes ahead if this is declined.`,
    changeOfLink: "See the original booking",
    proposeHeading: "Propose another time",
    proposeIntro: "If the party agrees, the session moves to the time you propose; if not, it goes ahead as planned.",
    proposeNote: "Note (sent to the party)",
    proposeButton: "Propose this time to the party",
    proposalHeading: "The mediator proposes another time",
    proposalBody: (when: string) =>
      `The mediator proposes to move the session to ${when}. If you agree, it moves and is confirmed at once; if not, it goes ahead as planned.`,
    acceptButton: "Agree to the new time",
    refuseButton: "Keep the original time",
    proposalWaiting: (when: string) => `You proposed ${when} to the party; waiting for their answer.`,
    holdIntro: "Choose a time first, then sign in or register: we keep the time for you for 10 minutes.",
    holdLogin: "Keep this time and sign in",
    holdRegister: "Keep this time and register",
    held: (when: string, until: string) => `${when} is kept for you until ${until}. Send your request before then.`,
    holdGone: "The time you chose is no longer kept (more than 10 minutes passed, or it was booked). Please choose again.",
    holdNeedsSlot: "Choose a time first.",
    tooSoon: "This time is too close for the mediator to answer in time. Choose a later time, or a mediator who confirms at once.",
    instantBadge: "Confirms at once",
    meetingPoint: "Meeting point",
    meetingPointHint: "For example: the village committee's door, Taimen village, Liuheng. The mediator will find you there.",
    contactPhone: "Phone on the day",
    contactPhoneHint: "The mediator sees this number once the session is confirmed, to reach you on the day; nobody else does.",
    partyTown: "Which town do you travel to the centre from?",
    partyTownHint: "So we know if you need the ferry: when ferries stop we tell you and offer the session online.",
    partyTownPlaceholder: "Choose (optional)",
    partyContact: "The party's contact details",
    partyPhone: "Account phone",
    contactPhoneLabel: "Phone on the day",
    contactHidden: "The mediator sees the party's contact details once the session is confirmed.",
    noDays: "No free times",
  },
};

export const journeyMessages = { zh, en };

type P = Record<string, string | number | null>;
type Text = { subject: (p: P) => string; body: (p: P) => string; sms?: (p: P) => string };
const when = (ms: unknown, locale: Locale) => (typeof ms === "number" ? whenWords(ms, locale) : "");
const s = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const link = (p: P, locale: Locale) => (p.link ? (locale === "zh" ? `详情：${s(p.link)}` : `Details: ${s(p.link)}`) : "");
const reason = (p: P, locale: Locale) =>
  p.reason ? (locale === "zh" ? `理由：${clause(p.reason)}。` : `Reason: ${clause(p.reason)}. `) : "";

type JourneyTemplate = Extract<
  NotificationTemplate,
  | "booking.instant-confirmed"
  | "booking.change-submitted"
  | "booking.change-confirmed"
  | "booking.change-declined"
  | "booking.time-proposed"
  | "booking.proposal-accepted"
  | "booking.proposal-refused"
>;

/** Every message says what happened to which time, and what stands now. */
export const journeyNotifications: Record<Locale, Record<JourneyTemplate, Text>> = {
  zh: {
    "booking.instant-confirmed": {
      subject: (p) => `新的调解已确认：${when(p.start, "zh")}，${s(p.partyName)}`,
      body: (p) => `${s(p.partyName)} 预约了 ${when(p.start, "zh")} 的调解（${s(p.number)}）。您设置了即时确认，预约已自动确认。${link(p, "zh")}`,
    },
    "booking.change-submitted": {
      subject: (p) => `改期申请已提交：${when(p.start, "zh")}`,
      body: (p) =>
        `您申请把 ${when(p.fromStart, "zh")} 的调解（${s(p.number)}）改到 ${when(p.start, "zh")}。调解员答复前，原时间仍为您保留；同意后才改，不同意或逾期未答复，原时间照常进行。${link(p, "zh")}`,
    },
    "booking.change-confirmed": {
      subject: (p) => `已改期：${when(p.start, "zh")}`,
      body: (p) =>
        `${s(p.number)} 的调解已改到 ${when(p.start, "zh")}，并已确认；原定 ${when(p.fromStart, "zh")} 的时间已释放。${link(p, "zh")}`,
    },
    "booking.change-declined": {
      subject: (p) => `改期未成，原时间照常：${when(p.fromStart, "zh")}`,
      body: (p) =>
        `${p.expired ? "调解员未在时限内答复" : "调解员没有同意"}把 ${s(p.number)} 的调解改到 ${when(p.start, "zh")}。${reason(p, "zh")}原定 ${when(p.fromStart, "zh")} 的调解照常进行。${link(p, "zh")}`,
    },
    "booking.time-proposed": {
      subject: (p) => `调解员提议改时间：${when(p.proposedStart, "zh")}`,
      body: (p) =>
        `调解员 ${s(p.mediatorName)} 提议把 ${when(p.start, "zh")} 的调解（${s(p.number)}）改到 ${when(p.proposedStart, "zh")}。${reason(p, "zh")}请打开预约页同意或不同意；不同意时原时间照常进行。${link(p, "zh")}`,
    },
    "booking.proposal-accepted": {
      subject: (p) => `当事人同意改期：${when(p.start, "zh")}`,
      body: (p) =>
        `${s(p.partyName)} 同意把 ${s(p.number)} 的调解从 ${when(p.fromStart, "zh")} 改到您提议的 ${when(p.start, "zh")}，已确认；原时间已释放。${link(p, "zh")}`,
    },
    "booking.proposal-refused": {
      subject: (p) => `当事人保留原时间：${when(p.start, "zh")}`,
      body: (p) =>
        `${s(p.partyName)} 没有同意改到 ${when(p.proposedStart, "zh")}，${s(p.number)} 的调解仍在 ${when(p.start, "zh")} 进行。${link(p, "zh")}`,
    },
  },
  en: {
    "booking.instant-confirmed": {
      subject: (p) => `New session confirmed: ${when(p.start, "en")}, ${s(p.partyName)}`,
      body: (p) =>
        `${s(p.partyName)} booked ${when(p.start, "en")} (Beijing time, ${s(p.number)}). You confirm requests at once, so it is confirmed. ${link(p, "en")}`,
    },
    "booking.change-submitted": {
      subject: (p) => `Request to move sent: ${when(p.start, "en")}`,
      body: (p) =>
        `You asked to move the session of ${s(p.number)} from ${when(p.fromStart, "en")} to ${when(p.start, "en")} (Beijing time). Until the mediator answers, the old time stays booked for you; it moves only if they agree, and goes ahead as planned if they decline or do not answer. ${link(p, "en")}`,
    },
    "booking.change-confirmed": {
      subject: (p) => `Moved: ${when(p.start, "en")}`,
      body: (p) =>
        `The session of ${s(p.number)} is moved to ${when(p.start, "en")} (Beijing time) and confirmed; the old time, ${when(p.fromStart, "en")}, is released. ${link(p, "en")}`,
    },
    "booking.change-declined": {
      subject: (p) => `Not moved; your session stands: ${when(p.fromStart, "en")}`,
      body: (p) =>
        `${p.expired ? "The mediator did not answer in time about" : "The mediator did not agree to"} moving the session of ${s(p.number)} to ${when(p.start, "en")}. ${reason(p, "en")}Your session on ${when(p.fromStart, "en")} (Beijing time) goes ahead as planned. ${link(p, "en")}`,
    },
    "booking.time-proposed": {
      subject: (p) => `The mediator proposes a new time: ${when(p.proposedStart, "en")}`,
      body: (p) =>
        `Mediator ${s(p.mediatorName)} proposes to move the session of ${s(p.number)} from ${when(p.start, "en")} to ${when(p.proposedStart, "en")} (Beijing time). ${reason(p, "en")}Open the booking to agree or not; if not, it goes ahead as planned. ${link(p, "en")}`,
    },
    "booking.proposal-accepted": {
      subject: (p) => `The party agreed to move: ${when(p.start, "en")}`,
      body: (p) =>
        `${s(p.partyName)} agreed to move the session of ${s(p.number)} from ${when(p.fromStart, "en")} to your proposed ${when(p.start, "en")} (Beijing time); it is confirmed and the old time is released. ${link(p, "en")}`,
    },
    "booking.proposal-refused": {
      subject: (p) => `The party keeps the original time: ${when(p.start, "en")}`,
      body: (p) =>
        `${s(p.partyName)} did not agree to move to ${when(p.proposedStart, "en")}; the session of ${s(p.number)} goes ahead on ${when(p.start, "en")} (Beijing time). ${link(p, "en")}`,
    },
  },
};
