// Every template of the catalogue, rendered in both languages with the params its callers write (a
// booking's facts included, as notifications.server.ts adds them): no raw timestamps or slugs, no doubled
// punctuation, nothing undefined, the recipient's language only, and a text message in one segment
// where the template has a short form.
import { describe, expect, it } from "vitest";
import { CATEGORY_SLUGS, MODE_SLUGS, TOWN_SLUGS, type Locale } from "../../domain";
import { NOTIFICATION_TEMPLATES, type NotificationParams, type NotificationTemplate } from "../models/notifications.server";
import { renderNotification, shortSmsTemplates } from "./notifications";

const bj = (local: string) => Date.parse(`${local}+08:00`);
const START = bj("2026-12-04T09:00:00");

/** A booking's facts as bookingFacts() adds them, at the centre. */
const CENTRE_FACTS: NotificationParams = {
  bookingId: 12,
  caseId: 7,
  start: START,
  end: bj("2026-12-04T10:30:00"),
  mode: "centre",
  town: null,
  meetingPoint: null,
  room: "第一调解室",
  roomLink: null,
  mediatorName: "王海明",
  partyName: "李秀英",
  number: "普调〔2026〕00123号",
  link: "http://localhost:3000/bookings/12",
  smsLink: "http://localhost:3000/b/12",
};
const ONLINE_FACTS = { ...CENTRE_FACTS, mode: "online", room: null, roomLink: "https://meet.example.cn/putuo/Zk3m9QxV0aLr7TbW2yHc1d" };
const ONSITE_FACTS = { ...CENTRE_FACTS, mode: "onsite", room: null, town: "liuheng", meetingPoint: "台门码头候船室门口。" };

/** Everything any caller writes, with values people would type (reasons ending in a stop). */
const COMMON: NotificationParams = {
  ...CENTRE_FACTS,
  respondBy: bj("2026-12-02T18:00:00"),
  reason: "当天要出海。",
  proposedStart: bj("2026-12-05T14:30:00"),
  staffName: "陈晓",
  by: "party",
  kind: "day-before",
  expiresAt: bj("2026-12-08T09:00:00"),
  code: "482913",
  purpose: "sign-in",
  minutes: 5,
  applicant: "李秀英",
  town: "liuheng",
  category: "labour",
  outcomeZh: "达成调解协议",
  outcomeEn: "an agreement was reached",
  reasonZh: "案件已撤回",
  reasonEn: "the case was withdrawn",
  dueOn: "2026-12-20",
  description: "支付拖欠工资。",
  amountYuan: 5000,
  mediatorId: 12,
  towns: "dongji,liuheng",
  from: bj("2026-12-03T06:00:00"),
  to: bj("2026-12-04T18:00:00"),
  crossing: "party",
  online: START,
  time1: bj("2026-12-07T09:00:00"),
  time2: bj("2026-12-07T14:00:00"),
  time3: null,
  count: 3,
  note: "台风“海葵”。",
  lifted: bj("2026-12-04T07:00:00"),
  // A joint panel's seat and who answered for it (notifications-panels.ts).
  name: "王海明",
  seat: "department:labour",
  answer: "decline",
  members: "王海明|judge;陈晓|chief-mediator",
  outcome: "plan-adopted",
};

/** Where a template is sent with another link or to the mediator's side, those params too. */
const VARIANTS: Partial<Record<NotificationTemplate, NotificationParams[]>> = {
  "booking.requested": [{ audience: "mediator" }, { ...ONLINE_FACTS, audience: "mediator" }, { ...ONSITE_FACTS, audience: "mediator" }],
  "booking.rescheduleRequested": [{ audience: "mediator" }],
  "booking.submitted": [{}, ONLINE_FACTS, ONSITE_FACTS],
  // A case without its number yet (made at the window) leaves no empty brackets.
  "booking.confirmed": [{}, ONLINE_FACTS, ONSITE_FACTS, { number: "" }],
  "booking.confirmed-for": [{}, { audience: "mediator" }],
  "booking.declined": [{}, { proposedStart: null }],
  "booking.cancelled": [{ by: "party", audience: "mediator" }, { by: "mediator" }],
  "booking.reminder": [{}, { kind: "two-hours", ...ONLINE_FACTS }, { kind: "two-hours", audience: "mediator", ...ONSITE_FACTS }],
  "account.claim-invitation": [{ link: "http://localhost:3000/claim/q8Jx2LmN4pR7sT1v" }],
  "auth.reset-link": [{ link: "http://localhost:3000/reset-password/q8Jx2LmN4pR7sT1v", minutes: 30 }],
  "case.invitation": [{ link: "http://localhost:3000/invitations/7", code: "K7PQ2M" }],
  "case.filed": [{ link: "http://localhost:3000/cases/7" }],
  "panel.invited": [{ link: "http://localhost:3000/panels/3", seat: "judge", members: "王海明|judge;陈晓|chief-mediator" }],
  // The waitlist's range is of local dates, as waitlist.server.ts writes it.
  "waitlist.opening": [
    { from: "2026-12-04", to: "2026-12-10", name: "王海明", link: "http://localhost:3000/mediators/12/book?from=2026-12-04" },
  ],
};

function renders(template: NotificationTemplate, locale: Locale, channel: "email" | "sms") {
  return (VARIANTS[template] ?? [{}]).map((extra) => {
    const params = { ...COMMON, ...extra };
    const text = renderNotification({ template, params, locale, channel, subject: null, body: null });
    return { params, text: `${text.subject}\n${text.body}` };
  });
}

const cases = NOTIFICATION_TEMPLATES.flatMap((template) =>
  (["zh", "en"] as const).flatMap((locale) => (["email", "sms"] as const).map((channel) => ({ template, locale, channel }))),
);
/** Names, numbers and what people typed stay as written, in Chinese, in an English message too. */
const DATA_KEYS = [
  "partyName",
  "mediatorName",
  "staffName",
  "applicant",
  "number",
  "meetingPoint",
  "reason",
  "description",
  "note",
  "room",
];
const withoutLinksAndData = (text: string, params: NotificationParams) =>
  DATA_KEYS.reduce((t, k) => (typeof params[k] === "string" ? t.split(String(params[k]).replace(/[。.]$/, "")).join("") : t), text)
    .replace(/https?:\/\/\S+/g, "")
    .replace(/【调解点单】/g, "");

const SLUGS = [...MODE_SLUGS, ...TOWN_SLUGS, ...CATEGORY_SLUGS, "day-before", "two-hours"];
/** A slug in brackets ("(online)", "（onsite）") is a code; so is one standing alone that is no English word. */
const BRACKETED_SLUG = new RegExp(`[(（](${SLUGS.join("|")})[)）]`);
const WORDS = new Set(["online", "centre", "labour", "medical", "consumer", "tourism", "construction", "environment", "neighbourhood"]);
const LONE_SLUG = new RegExp(`(?<![\\w/.-])(${SLUGS.filter((x) => !WORDS.has(x)).join("|")})(?![\\w/.-])`);

describe.each(cases)("$template in $locale by $channel", ({ template, locale, channel }) => {
  const texts = renders(template, locale, channel);

  it("has no raw timestamps, epoch numbers, slugs, undefined or doubled punctuation", () => {
    for (const { text } of texts) {
      // Links may carry dates and ids; the words around them may not.
      const words = text.replace(/https?:\/\/\S+/g, "");
      expect(words).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}|\d{10,}/);
      expect(words).not.toMatch(BRACKETED_SLUG);
      expect(words).not.toMatch(LONE_SLUG);
      expect(words).not.toMatch(/[(（]\s*[)）]/);
      expect(text).not.toMatch(/undefined|null|NaN|\[object/);
      expect(text).not.toMatch(/。。|，，|\.\.|,,|：：|。，|，。|\. \.|, ,|；；/);
      expect(text.trim().length).toBeGreaterThan(0);
    }
  });

  it("is in the recipient's language", () => {
    for (const { text, params } of texts) {
      const rest = withoutLinksAndData(text, params);
      // English has no Chinese characters; Chinese has no English words (four letters or more).
      const otherLanguage = locale === "en" ? /\p{Script=Han}/u : /[A-Za-z]{4,}/;
      expect(rest).not.toMatch(otherLanguage);
    }
  });
});

/** GSM 7-bit: its basic characters count once, the extension ones (^{}\\[~]|€) twice. */
const GSM_BASIC = /^[A-Za-z0-9 @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà\n\r]*$/;
const GSM_EXTENSION = /[\^{}\\[~\]|€]/g;
/** The characters a text has room for in one segment: 160 in GSM 7-bit, 70 in UCS-2 (any Chinese character). */
function segmentRoom(text: string): { used: number; room: number } {
  const extension = text.match(GSM_EXTENSION)?.length ?? 0;
  return GSM_BASIC.test(text.replace(GSM_EXTENSION, "")) ? { used: text.length + extension, room: 160 } : { used: text.length, room: 70 };
}

describe("text messages", () => {
  it("counts a segment as a phone does", () => {
    expect(segmentRoom("【调解点单】提醒")).toEqual({ used: 8, room: 70 });
    expect(segmentRoom("Reminder Fri 4 Dec, 9:00 am [room 1]")).toEqual({ used: 38, room: 160 });
  });

  it.each(["zh", "en"] as const)("every short form in %s fits one segment", (locale) => {
    const short = shortSmsTemplates(locale);
    expect(short.length).toBeGreaterThan(10);
    const tooLong = short.flatMap((template) =>
      renders(template, locale, "sms")
        .map(({ text }) => text.split("\n")[0])
        .filter((sms) => segmentRoom(sms).used > segmentRoom(sms).room)
        .map((sms) => `${template}: ${sms.length} ${sms}`),
    );
    expect(tooLong).toEqual([]);
  });

  it("the Chinese ones within 70 characters", () => {
    const over = shortSmsTemplates("zh").flatMap((template) =>
      renders(template, "zh", "sms")
        .map(({ text }) => text.split("\n")[0])
        .filter((sms) => sms.length > 70)
        .map((sms) => `${template}: ${sms}`),
    );
    expect(over).toEqual([]);
  });

  it("the Chinese short forms of a booking carry the signature, the time in words and the short link", () => {
    const ofBooking = shortSmsTemplates("zh").filter((t) => t.startsWith("booking.") || t === "case.booking-released");
    expect(ofBooking.length).toBeGreaterThan(10);
    for (const template of ofBooking) {
      const [{ text }] = renders(template, "zh", "sms");
      expect(text.startsWith("【调解点单】"), template).toBe(true);
      expect(text, template).toContain("12月4日（周五）上午9:00");
      expect(text, template).toContain("http://localhost:3000/b/12");
    }
  });
});

describe("what a session's e-mail says", () => {
  const email = (template: NotificationTemplate, locale: Locale, extra: NotificationParams = {}) =>
    renderNotification({ template, params: { ...COMMON, ...extra }, locale, channel: "email", subject: null, body: null }).body;

  it("names what, when, where, who and the link, at the centre", () => {
    expect(email("booking.confirmed", "zh")).toBe(
      "王海明 已确认您 12月4日（周五）上午9:00至10:30 的调解（普调〔2026〕00123号）。" +
        "地点：普陀区社会治理综合服务中心第一调解室，舟山市普陀区沈家门街道海港路 88 号（演示地址）。" +
        "调解前一天和开始前两小时会再提醒您。预约详情中可以下载日历文件。" +
        "查看、改期或取消：http://localhost:3000/bookings/12",
    );
    expect(email("booking.confirmed", "en")).toBe(
      "王海明 confirmed your mediation session on Fri 4 Dec, 9:00–10:30 am (Beijing time) (普调〔2026〕00123号). " +
        "Place: Mediation room 1, Putuo District Social Governance Service Centre, 88 Haigang Road, Shenjiamen, Putuo, Zhoushan (demo address). " +
        "You will be reminded the day before and two hours before. The booking page has a calendar file. " +
        "View, reschedule or cancel: http://localhost:3000/bookings/12",
    );
  });

  it("gives the room link online and the meeting point on site", () => {
    expect(email("booking.reminder", "zh", ONLINE_FACTS)).toContain(
      "线上调解，届时打开调解室链接：https://meet.example.cn/putuo/Zk3m9QxV0aLr7TbW2yHc1d",
    );
    expect(email("booking.reminder", "en", ONSITE_FACTS)).toContain("On site in Liuheng, meeting at 台门码头候船室门口.");
    expect(email("booking.reminder", "zh", ONSITE_FACTS)).toContain("上岛调解，地点：六横镇，见面地点：台门码头候船室门口。");
  });

  it("names the party to the mediator and the mediator to the party", () => {
    expect(email("booking.reminder", "zh", { audience: "mediator" })).toContain("当事人：李秀英");
    expect(email("booking.reminder", "zh")).toContain("调解员：王海明");
  });
});
