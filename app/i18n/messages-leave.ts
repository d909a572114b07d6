// Words of the availability editor's stranded sessions and the waitlist (issue 11), in both languages,
// and their notifications. Composed into `messages` in ./messages.ts; the notifications into the
// catalogue of ./notifications.ts.
import { facetLabel, type Locale } from "../../domain";
import type { NotificationTemplate } from "../models/notifications.server";
import { dayWords, whenWords } from "./when";

const zh = {
  leave: {
    title: "请假与已约调解",
    strandedHeading: (n: number) => `这次修改会影响 ${n} 场已约的调解`,
    strandedIntro: "这些调解落在您新设的休息时间里。请为每一场选择怎么办，然后再点“保存”；选好之前什么都不会保存。当事人会收到通知。",
    strandedSession: (when: string, number: string) => `${when}（${number}）`,
    statusPending: "待确认",
    statusConfirmed: "已确认",
    decision: "怎么办",
    keep: "保持原定（我仍会按时调解）",
    move: "改期：向当事人提供最早的空闲时间",
    cancel: "取消，并告诉当事人理由",
    reason: "取消理由（当事人会看到）",
    reasonPlaceholder: "例如：调解员临时外出培训",
    saveWithDecisions: "按以上选择保存",
    errors: {
      decide: "请为这场调解选择怎么办。",
      reason: "请填写取消理由（至少 2 个字）。",
      unmovable: "四周内没有可以提供的空闲时间，请选择保持原定或取消。",
    },
    instantConfirm: "收到预约立即确认（不需要我逐一确认）",
    instantConfirmHint: "适合时间安排固定的调解员。离调解时间较近的预约，只有开启此项才能被预约。",
    waitlist: {
      heading: "有更早的空档时通知我",
      intro: "选一个日期范围。这段时间里有人取消、或调解员新增时间时，我们会发短信或邮件告诉您；每个空档只通知一次。",
      from: "从",
      to: "到",
      mode: "调解方式",
      anyMode: "任何方式",
      join: "通知我",
      joined: "已记下。有空档时我们会通知您。",
      alreadyFree: (when: string) => `这段时间里已经有空档：${when}。可以直接在上面预约；有更早的空档时我们再通知您。`,
      listHeading: "空档提醒",
      listEmpty: "您没有空档提醒。",
      entry: (name: string, from: string, to: string) => `${name}：${from} 至 ${to}`,
      notifiedAt: (when: string) => `已通知空档：${when}`,
      cancel: "取消提醒",
      cancelLabel: (what: string) => `取消提醒：${what}`,
      cancelled: "提醒已取消。",
      errors: {
        order: "结束日期不能早于开始日期。",
        past: "日期不能早于今天。",
        tooLong: "一次最多关注 60 天。",
        tooMany: "提醒最多 10 个，请先取消不需要的。",
        date: "请填写日期。",
      },
    },
  },
};

const en: typeof zh = {
  leave: {
    title: "Leave and booked sessions",
    strandedHeading: (n: number) => `This change affects ${n} booked ${n === 1 ? "session" : "sessions"}`,
    strandedIntro:
      "These sessions fall in the time you are now away. Choose what to do with each, then save again; nothing is saved until you do. The parties are told.",
    strandedSession: (when: string, number: string) => `${when} (${number})`,
    statusPending: "Awaiting your answer",
    statusConfirmed: "Confirmed",
    decision: "What to do",
    keep: "Keep it (I will still hold it)",
    move: "Move it: offer the party the earliest free times",
    cancel: "Cancel it and tell the party why",
    reason: "Reason for cancelling (the party reads it)",
    reasonPlaceholder: "e.g. The mediator is away at a training course",
    saveWithDecisions: "Save with these choices",
    errors: {
      decide: "Choose what to do with this session.",
      reason: "Give a reason for cancelling (at least 2 characters).",
      unmovable: "There is no free time to offer in the next four weeks: keep it or cancel it.",
    },
    instantConfirm: "Confirm requests at once (I do not confirm each one)",
    instantConfirmHint: "For mediators with fixed hours. Requests close to the session can only be made when this is on.",
    waitlist: {
      heading: "Tell me if an earlier time opens",
      intro:
        "Choose a range of dates. When a time opens in it (someone cancels, or the mediator adds hours) we tell you by text or e-mail, once per opening.",
      from: "From",
      to: "To",
      mode: "Mode",
      anyMode: "Any mode",
      join: "Tell me",
      joined: "Noted. We will tell you when a time opens.",
      alreadyFree: (when: string) =>
        `There is a free time in this range already: ${when}. Book it above; we will tell you if an earlier one opens.`,
      listHeading: "Free-time alerts",
      listEmpty: "You have no free-time alerts.",
      entry: (name: string, from: string, to: string) => `${name}: ${from} to ${to}`,
      notifiedAt: (when: string) => `Told you of: ${when}`,
      cancel: "Cancel alert",
      cancelLabel: (what: string) => `Cancel alert: ${what}`,
      cancelled: "Alert cancelled.",
      errors: {
        order: "The last date cannot be before the first.",
        past: "The dates cannot be before today.",
        tooLong: "At most 60 days at a time.",
        tooMany: "At most 10 alerts: cancel one you no longer need first.",
        date: "Enter a date.",
      },
    },
  },
};

export const leaveMessages = { zh, en };

// ── notifications ──────────────────────────────────────────────────────────────────────────────────
type P = Record<string, string | number | null>;
type Text = { subject: (p: P) => string; body: (p: P) => string };
const s = (v: unknown) => (v === null || v === undefined ? "" : String(v));
// Times in words, Beijing time (ADR 031); a waitlist's range is of local dates ("2026-12-04").
const when = (ms: unknown, locale: Locale) => (typeof ms === "number" ? whenWords(ms, locale) : "");
const day = (date: unknown, locale: Locale) => {
  const ms = Date.parse(`${s(date)}T12:00:00+08:00`);
  return Number.isNaN(ms) ? s(date) : dayWords(ms, locale);
};
const times = (p: P, locale: Locale) =>
  [p.time1, p.time2, p.time3]
    .filter((t) => typeof t === "number")
    .map((t) => when(t, locale))
    .join(locale === "zh" ? "；" : "; ");
const modeWords = (p: P, locale: Locale) => (p.mode ? facetLabel("mode", s(p.mode), locale) : locale === "zh" ? "任何方式" : "any mode");

type LeaveTemplate = Extract<NotificationTemplate, `leave.${string}` | `waitlist.${string}`>;
export const leaveNotifications: Record<Locale, Record<LeaveTemplate, Text>> = {
  zh: {
    "leave.move-offer": {
      subject: (p) => `${s(p.number)} 需要改期：调解员 ${s(p.mediatorName)} 在 ${when(p.start, "zh")} 请假`,
      body: (p) =>
        `调解员 ${s(p.mediatorName)} 在 ${when(p.start, "zh")}（北京时间）请假，无法按原定为您调解（${s(p.number)}）。` +
        `最早可以改到：${times(p, "zh")}。` +
        (p.wasPending
          ? `请打开 ${s(p.link)} 预约建议的时间或另选时间。`
          : `请打开 ${s(p.link)} 接受建议的时间或另选时间；答复之前，原定时间仍为您保留。`),
    },
    "leave.cancelled": {
      subject: (p) => `${s(p.number)} ${when(p.start, "zh")} 的调解已取消`,
      body: (p) =>
        `调解员 ${s(p.mediatorName)} 因请假取消了 ${when(p.start, "zh")}（北京时间）的调解（${s(p.number)}），理由：${s(p.reason)}。您可以打开 ${s(p.link)} 另约时间或选择其他调解员。`,
    },
    "leave.decided": {
      subject: (p) => `${s(p.number)} ${when(p.start, "zh")}：${p.action === "cancel" ? "已取消" : "已向当事人提供其他时间"}`,
      body: (p) =>
        p.action === "cancel"
          ? `因您请假，${when(p.start, "zh")} 的调解（${s(p.number)}）已取消，已把理由告诉当事人：${s(p.reason)}。详情：${s(p.link)}`
          : `因您请假，已向当事人提供 ${when(p.start, "zh")} 的调解（${s(p.number)}）的其他时间：${times(p, "zh")}。当事人答复后会通知您。详情：${s(p.link)}`,
    },
    "waitlist.opening": {
      subject: (p) => `${s(p.name)} 有空档了：${when(p.start, "zh")}`,
      body: (p) =>
        `您关注的 ${s(p.name)} 在 ${day(p.from, "zh")}至${day(p.to, "zh")}之间有了空档：${when(p.start, "zh")}（北京时间，${modeWords(p, "zh")}）。空档先到先得，请打开 ${s(p.link)} 预约。不再需要时，可在“我的预约”中取消提醒。`,
    },
  },
  en: {
    "leave.move-offer": {
      subject: (p) => `${s(p.number)} needs a new time: mediator ${s(p.mediatorName)} is away on ${when(p.start, "en")}`,
      body: (p) =>
        `Mediator ${s(p.mediatorName)} is away on ${when(p.start, "en")} (Beijing time) and cannot hold your session of ${s(p.number)} then. ` +
        `The earliest free times: ${times(p, "en")}. ` +
        (p.wasPending
          ? `Open ${s(p.link)} to book the proposed time or choose another.`
          : `Open ${s(p.link)} to accept the proposed time or choose another; until you answer, your time stays held.`),
    },
    "leave.cancelled": {
      subject: (p) => `${s(p.number)}: session on ${when(p.start, "en")} cancelled`,
      body: (p) =>
        `Mediator ${s(p.mediatorName)} is away and cancelled the session of ${s(p.number)} on ${when(p.start, "en")} (Beijing time): ${s(p.reason)}. Open ${s(p.link)} to book another time or another mediator.`,
    },
    "leave.decided": {
      subject: (p) =>
        `${s(p.number)}, ${when(p.start, "en")}: ${p.action === "cancel" ? "cancelled" : "the party was offered other times"}`,
      body: (p) =>
        p.action === "cancel"
          ? `Because you are away, the session of ${s(p.number)} on ${when(p.start, "en")} is cancelled; the party was told why: ${s(p.reason)}. Details: ${s(p.link)}`
          : `Because you are away, the party of ${s(p.number)} (${when(p.start, "en")}) was offered: ${times(p, "en")}. You will be told what they choose. Details: ${s(p.link)}`,
    },
    "waitlist.opening": {
      subject: (p) => `${s(p.name)} has a free time: ${when(p.start, "en")}`,
      body: (p) =>
        `${s(p.name)}, whom you asked about for ${day(p.from, "en")} to ${day(p.to, "en")}, has a free time: ${when(p.start, "en")} (Beijing time, ${modeWords(p, "en")}). First come, first served: book it at ${s(p.link)}. Cancel the alert on your bookings page when you no longer need it.`,
    },
  },
};
