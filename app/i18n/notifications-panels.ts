// Notifications of 3+X joint panels (会商研判, issue 9), in both languages: a member is invited to a
// seat (what, when in words, where, who, the link), the centre's desk hears each answer and the
// minutes, and every member hears of a cancellation (why, by whom). Composed into the catalogue of ./notifications.ts. Params: number, start, end (epoch ms),
// room, seat ("judge", "department:labour"…), members ("name (seat); …" as seats in the member's
// language are joined by the sender below), name, answer, staffName, reason, link.
import { facetLabel, type Locale } from "../../domain";
import type { NotificationTemplate } from "../models/notifications.server";
import { roomWords, sessionWords, whenWords } from "./when";

type P = Record<string, string | number | null>;
type Text = { subject: (p: P) => string; body: (p: P) => string; sms?: (p: P) => string };
const s = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const session = (p: P, locale: Locale) =>
  typeof p.start === "number" && typeof p.end === "number" ? sessionWords(p.start, p.end, locale) : "";
const clock = (locale: Locale) => (locale === "zh" ? "（北京时间）" : " (Beijing time)");

const ROLE_WORDS: Record<Locale, Record<string, string>> = {
  zh: { judge: "法官", "chief-mediator": "首席调解员", "legal-aid-lawyer": "法律援助律师", department: "部门代表" },
  en: {
    judge: "judge",
    "chief-mediator": "chief mediator",
    "legal-aid-lawyer": "legal-aid lawyer",
    department: "department representative",
  },
};

/** "department:labour" → "劳动争议部门代表" / "department representative (Labour)". */
export function seatWords(seat: string, locale: Locale): string {
  const [role, category] = seat.split(":");
  const word = ROLE_WORDS[locale][role] ?? role;
  if (!category) return word;
  const area = facetLabel("category", category, locale);
  return locale === "zh" ? `${area}${word}` : `${word} (${area})`;
}

/** `members` comes as "name|seat;name|seat": each seat said in the reader's language. */
const members = (p: P, locale: Locale) =>
  s(p.members)
    .split(";")
    .filter(Boolean)
    .map((m) => {
      const [name, seat] = m.split("|");
      return locale === "zh" ? `${name}（${seatWords(seat, locale)}）` : `${name} (${seatWords(seat, locale)})`;
    })
    .join(locale === "zh" ? "、" : ", ");

const OUTCOME: Record<Locale, Record<string, string>> = {
  zh: { "plan-adopted": "形成处置方案", "further-panel": "需要再次会商", "referred-to-litigation": "建议转入诉讼" },
  en: { "plan-adopted": "plan adopted", "further-panel": "another panel needed", "referred-to-litigation": "referred to litigation" },
};

type PanelTemplate = Extract<NotificationTemplate, `panel.${string}`>;

export const panelNotifications: Record<Locale, Record<PanelTemplate, Text>> = {
  zh: {
    "panel.invited": {
      subject: (p) => `会商研判邀请：${s(p.number)}，${session(p, "zh")}`,
      body: (p) =>
        `您受邀以${seatWords(s(p.seat), "zh")}身份参加案件 ${s(p.number)} 的会商研判（3+X）。时间：${session(p, "zh")}${clock("zh")}。` +
        `地点：中心${roomWords(s(p.room), "zh")}。参加人员：${members(p, "zh")}。请打开 ${s(p.link)} 确认参加或说明不能参加。`,
      // One segment (70 characters): the start and the room; the case and the seat are behind the link.
      sms: (p) =>
        `【调解点单】会商邀请：${typeof p.start === "number" ? whenWords(p.start, "zh") : ""}，中心${roomWords(s(p.room), "zh")}，请确认 ${s(p.link)}`,
    },
    "panel.seat-answered": {
      subject: (p) => `会商研判 ${s(p.number)}：${s(p.name)}${p.answer === "confirm" ? "确认参加" : "不能参加"}`,
      body: (p) =>
        `${s(p.name)}（${seatWords(s(p.seat), "zh")}）${p.answer === "confirm" ? "确认参加" : "不能参加"} ${session(p, "zh")}${clock("zh")}的会商研判（${s(p.number)}）` +
        `${p.staffName ? `，由工作人员 ${s(p.staffName)} 代为答复` : ""}。` +
        (p.answer === "confirm" ? "" : "这个席位的时间已经释放，请另请人员担任。") +
        `详情：${s(p.link)}`,
    },
    "panel.minutes": {
      subject: (p) => `会商纪要已记录：${s(p.number)}`,
      body: (p) =>
        `${session(p, "zh")}${clock("zh")}的会商研判（${s(p.number)}）已记录纪要，结论：${OUTCOME.zh[s(p.outcome)] ?? s(p.outcome)}。查看纪要：${s(p.link)}`,
    },
    // To every member (a declined one too): what, when in words, who cancelled and why, the link.
    "panel.cancelled": {
      subject: (p) => `会商研判已取消：${s(p.number)}，${session(p, "zh")}`,
      body: (p) =>
        `${s(p.name)}：案件 ${s(p.number)} 原定 ${session(p, "zh")}${clock("zh")}在中心${roomWords(s(p.room), "zh")}召开的会商研判（您的席位：${seatWords(s(p.seat), "zh")}）已由工作人员 ${s(p.staffName)} 取消。` +
        `原因：${s(p.reason).replace(/[。.]$/, "")}。这段时间已经释放。详情：${s(p.link)}`,
      sms: (p) => `【调解点单】${typeof p.start === "number" ? whenWords(p.start, "zh") : ""}的会商已取消，详情 ${s(p.link)}`,
    },
  },
  en: {
    "panel.invited": {
      subject: (p) => `Joint panel: ${s(p.number)}, ${session(p, "en")}`,
      body: (p) =>
        `You are invited to sit as ${seatWords(s(p.seat), "en")} on the joint panel (3+X) of case ${s(p.number)}. When: ${session(p, "en")}${clock("en")}. ` +
        `Where: ${roomWords(s(p.room), "en")} at the centre. Members: ${members(p, "en")}. Open ${s(p.link)} to confirm, or to say you cannot come.`,
      sms: (p) =>
        `Joint panel ${typeof p.start === "number" ? whenWords(p.start, "en") : ""}, ${roomWords(s(p.room), "en")} at the centre. Confirm: ${s(p.link)}`,
    },
    "panel.seat-answered": {
      subject: (p) => `Joint panel ${s(p.number)}: ${s(p.name)} ${p.answer === "confirm" ? "confirmed" : "cannot come"}`,
      body: (p) =>
        `${s(p.name)} (${seatWords(s(p.seat), "en")}) ${p.answer === "confirm" ? "confirmed" : "cannot come to"} the joint panel of ${s(p.number)} on ${session(p, "en")}${clock("en")}` +
        `${p.staffName ? `, answered by staff member ${s(p.staffName)}` : ""}.` +
        (p.answer === "confirm" ? " " : " The seat's time is released: ask someone else to take it. ") +
        `Details: ${s(p.link)}`,
    },
    "panel.minutes": {
      subject: (p) => `Panel minutes recorded: ${s(p.number)}`,
      body: (p) =>
        `The minutes of the joint panel of ${s(p.number)} on ${session(p, "en")}${clock("en")} are recorded; outcome: ${OUTCOME.en[s(p.outcome)] ?? s(p.outcome)}. Read them: ${s(p.link)}`,
    },
    "panel.cancelled": {
      subject: (p) => `Joint panel cancelled: ${s(p.number)}, ${session(p, "en")}`,
      body: (p) =>
        `${s(p.name)}: the joint panel of case ${s(p.number)} on ${session(p, "en")}${clock("en")} in ${roomWords(s(p.room), "en")} at the centre (your seat: ${seatWords(s(p.seat), "en")}) was cancelled by staff member ${s(p.staffName)}. ` +
        `Reason: ${s(p.reason).replace(/[。.]$/, "")}. The time is released. Details: ${s(p.link)}`,
      sms: (p) => `Joint panel ${typeof p.start === "number" ? whenWords(p.start, "en") : ""} cancelled. Details: ${s(p.link)}`,
    },
  },
};
