// Words of the fallback (兜底, issue 9) in both languages: the assignment panel on a case, the staff's
// assignment and category pages, a mediator's ties, the desk's notifications, and the plain sentence a
// party reads, rendered at display time from the reason stored as data (ADR 021). Composed into
// `messages` in ./messages.ts; the notifications are spread into ./notifications.ts.
import { CENTRE_TIMEZONE, type Locale } from "../../domain";
import { localDateInZone } from "../../domain/zone";

type P = Record<string, string | number | null>;
const s = (v: unknown) => (v === null || v === undefined ? "" : String(v));

const zh = {
  assignment: {
    heading: "调解员安排",
    rules: {
      pick: "当事人点选",
      "mutual-choice": "双方共同选定",
      suggestion: "中心建议（工作人员确认）",
      automatic: "中心自动指派",
      "staff-choice": "工作人员另选",
      "committee-member": "调委会指派成员",
      "general-window": "转综合调解窗口",
    } as Record<string, string>,
    statuses: {
      asked: "等待答复",
      accepted: "已接受",
      declined: "已婉拒",
      expired: "逾期未答复",
      recused: "已回避",
      superseded: "未询问",
    } as Record<string, string>,
    decidedBy: {
      "slot-mode": "时间和方式最合适（海岛当事人优先线上或上岛）",
      language: "会讲当事人要求的语言",
      load: "手头案件较少",
      record: "同类纠纷成效更好",
      fairness: "最久未被指派（轮候公平）",
      "only-candidate": "唯一符合条件的调解员",
      id: "条件相同，按编号",
    } as Record<string, string>,
    skip: {
      declined: "已婉拒本案",
      expired: "逾期未答复本案",
      recused: "已回避本案",
      "already-asked": "正在询问或已接受",
      "on-leave": "答复期内休假",
      "over-capacity-cases": "在办案件已满",
      "over-capacity-sessions": "本周调解场次已满",
      conflict: "存在利益冲突",
      "no-free-slot": "近期没有空闲时间",
    } as Record<string, string>,
    rank: (n: number) => `第 ${n} 选择`,
    respondBy: "答复期限",
    suggestionHeading: "中心建议",
    noSuggestion: "没有符合条件的调解员：请另选或转综合调解窗口。",
    considered: "比较过的调解员",
    teamOnly: "这是诉前调解快速通道的案件：只比较诉前调解团队的调解员。",
    loadHeading: "负荷",
    mediatorHeading: "调解员",
    tiesLink: "利益关联",
    categoriesLink: "各类纠纷自动指派设置",
    timeHeading: "最早可约时间",
    recordHeading: "同类纠纷成效",
    skipped: "未考虑的调解员",
    accept: "采纳建议并预约",
    chooseOther: "另选调解员",
    mediatorId: "调解员编号",
    start: "开始时间（ISO 8601）",
    mode: "调解方式",
    note: "另选理由（必填）",
    generalWindow: "转综合调解窗口",
    generalWindowNote: "说明",
    assigned: "已预约，等待调解员答复。",
    routed: "已转综合调解窗口。",
    open: "安排调解员",
    load: (open: number, cap: number, week: number, capWeek: number) => `在办 ${open}/${cap} 件 · 本周 ${week}/${capWeek} 场`,
    recordScore: (score: string, n: number) => `成效分 ${score}（${n} 件）`,
    categoriesHeading: "各类纠纷：自动指派与办结期限",
    categoriesIntro: "开启后，当事人点选的调解员都未接受（或未点选）时，系统直接采纳中心建议并通知工作人员；关闭时由工作人员确认。",
    autoAssign: "自动指派",
    dueDaysIntro: "办结期限：调解一般在 30 日内办结；劳动争议依法 15 日（《劳动争议调解仲裁法》第十四条）。修改只影响此后受理的案件。",
    dueDays: "办结期限（天）",
    dueDaysLabel: (category: string) => `${category}的办结期限（天）`,
    dueDaysHint: (min: number, max: number) => `${min}–${max} 天`,
    save: "保存",
    saved: "已保存。",
    tiesHeading: "利益关联申报",
    tiesIntro: "请申报与您有关联的村社、船只、工作单位、亲属、组织和个人。与案件当事人匹配时，系统不会把该案件指派给您。",
    tieKinds: { village: "村社", boat: "船只", employer: "工作单位", kin: "亲属", organisation: "组织", person: "个人" } as Record<
      string,
      string
    >,
    tieKind: "类别",
    tieName: "名称",
    tieNote: "备注",
    addTie: "添加",
    removeTie: "删除",
    noTies: "尚未申报。",
  },
};

export type AssignmentMessages = typeof zh;

const en: AssignmentMessages = {
  assignment: {
    heading: "Who mediates",
    rules: {
      pick: "The party's pick",
      "mutual-choice": "Chosen by both sides",
      suggestion: "The centre's suggestion (accepted by staff)",
      automatic: "Assigned automatically by the centre",
      "staff-choice": "Chosen by staff",
      "committee-member": "A member chosen by the committee",
      "general-window": "The general mediation window",
    },
    statuses: {
      asked: "Waiting for an answer",
      accepted: "Accepted",
      declined: "Declined",
      expired: "Not answered in time",
      recused: "Recused",
      superseded: "Not asked",
    },
    decidedBy: {
      "slot-mode": "The best time and mode (an island party gets online or on site first)",
      language: "Speaks the language the party asked for",
      load: "Carries fewer cases now",
      record: "A better record in disputes like this one",
      fairness: "Assigned least recently (fair turns)",
      "only-candidate": "The only mediator who qualifies",
      id: "Equal on every count; by number",
    },
    skip: {
      declined: "Declined this case",
      expired: "Did not answer on this case",
      recused: "Recused from this case",
      "already-asked": "Being asked or accepted",
      "on-leave": "On leave during the response window",
      "over-capacity-cases": "Carries all the cases allowed",
      "over-capacity-sessions": "Holds all the sessions allowed this week",
      conflict: "A conflict of interest",
      "no-free-slot": "No free time soon",
    },
    rank: (n: number) => `Pick ${n}`,
    respondBy: "Answer by",
    suggestionHeading: "The centre's suggestion",
    noSuggestion: "No mediator qualifies: choose another or route the case to the general mediation window.",
    considered: "Mediators compared",
    teamOnly: "A case on the pre-litigation fast track: only the pre-litigation team's mediators are compared.",
    loadHeading: "Load",
    mediatorHeading: "Mediator",
    tiesLink: "ties",
    categoriesLink: "Automatic assignment by category",
    timeHeading: "Earliest time",
    recordHeading: "Record in this category",
    skipped: "Mediators not considered",
    accept: "Accept the suggestion and book",
    chooseOther: "Choose another mediator",
    mediatorId: "Mediator number",
    start: "Start (ISO 8601)",
    mode: "Mode",
    note: "Why another (required)",
    generalWindow: "Route to the general mediation window",
    generalWindowNote: "Note",
    assigned: "Booked; waiting for the mediator's answer.",
    routed: "Routed to the general mediation window.",
    open: "Assign a mediator",
    load: (open: number, cap: number, week: number, capWeek: number) => `${open}/${cap} cases open · ${week}/${capWeek} sessions this week`,
    recordScore: (score: string, n: number) => `record score ${score} (${n} cases)`,
    categoriesHeading: "Categories: automatic assignment and days to conclude",
    categoriesIntro:
      "When on, a case whose picks all declined (or that had none) gets the centre's suggestion booked at once and staff are told; when off, staff confirm it.",
    autoAssign: "Automatic",
    dueDaysIntro:
      "Days to conclude: mediation is normally concluded within 30 days; labour disputes in 15 by law (Labour Dispute Mediation and Arbitration Law, art. 14). A change applies to cases filed afterwards.",
    dueDays: "Days to conclude",
    dueDaysLabel: (category: string) => `Days to conclude ${category}`,
    dueDaysHint: (min: number, max: number) => `${min}–${max} days`,
    save: "Save",
    saved: "Saved.",
    tiesHeading: "Declared ties",
    tiesIntro:
      "Declare the villages, boats, employers, relatives, organisations and people you are tied to. A case whose parties match one is never assigned to you.",
    tieKinds: { village: "Village", boat: "Boat", employer: "Employer", kin: "Relative", organisation: "Organisation", person: "Person" },
    tieKind: "Kind",
    tieName: "Name",
    tieNote: "Note",
    addTie: "Add",
    removeTie: "Remove",
    noTies: "None declared.",
  },
};

export const assignmentMessages = { zh, en };

// ── the party's sentence ──────────────────────────────────────────────────────────────────────────

export interface SentenceData {
  rule: string;
  status?: string;
  /** The team whose people were the candidates (a case on the pre-litigation fast track). */
  team?: string | null;
  /** The language asked for, when the language decided. */
  language?: string | null;
  decidedBy?: string | null;
  island?: boolean;
  slot?: { start: string; mode: string } | null;
}

const WHY: Record<Locale, Record<string, string>> = {
  zh: {
    record: "同类纠纷经验丰富",
    language: "会讲舟山话",
    load: "近期案件不多、能尽快办理",
    "slot-mode": "不用过海",
    fairness: "按轮候顺序安排",
    "only-candidate": "符合本案条件",
    id: "符合本案条件",
  },
  en: {
    record: "experienced in disputes like this one",
    language: "speaks the Zhoushan dialect",
    load: "has time for your case soon",
    "slot-mode": "no ferry needed",
    fairness: "next in turn",
    "only-candidate": "qualifies for your case",
    id: "qualifies for your case",
  },
};
const SPEAKS: Record<Locale, Record<string, string>> = {
  zh: { mandarin: "讲普通话", english: "能用英语调解" },
  en: { mandarin: "speaks Mandarin", english: "mediates in English" },
};
const MODE: Record<Locale, Record<string, string>> = {
  zh: { online: "线上调解", centre: "到中心调解", onsite: "上门/上岛调解" },
  en: { online: "mediate online", centre: "mediate at the centre", onsite: "come to you on site" },
};

/** 今天/明天/后天 or the date, and the part of the day, of an ISO time with its +08:00 offset. */
function whenWords(start: string, now: number, locale: Locale): string {
  const days = Math.round((Date.parse(start.slice(0, 10)) - Date.parse(localDateInZone(now, CENTRE_TIMEZONE))) / 86_400_000);
  const hour = Number(start.slice(11, 13));
  const part =
    locale === "zh" ? (hour < 12 ? "上午" : hour < 18 ? "下午" : "晚上") : hour < 12 ? "morning" : hour < 18 ? "afternoon" : "evening";
  if (locale === "zh")
    return `${days === 0 ? "今天" : days === 1 ? "明天" : days === 2 ? "后天" : `${Number(start.slice(5, 7))}月${Number(start.slice(8, 10))}日`}${part}`;
  return days === 0 ? `this ${part}` : days === 1 ? `tomorrow ${part}` : `on ${start.slice(0, 10)} in the ${part}`;
}

/**
 * "由中心指派：同类纠纷经验丰富，明天上午可线上调解". Only what decided and when: no other candidate's
 * name or facts reach the party.
 */
export function assignmentSentence(r: SentenceData, locale: Locale, now: number): string {
  if (r.rule === "general-window")
    return locale === "zh" ? "已转中心综合调解窗口办理。" : "Your case is with the centre's general mediation window.";
  const who =
    r.team === "pre-litigation" && r.rule !== "pick"
      ? locale === "zh"
        ? "由诉前调解团队承办"
        : "Taken by the pre-litigation team"
      : r.rule === "pick"
        ? locale === "zh"
          ? "您点选的调解员"
          : "The mediator you picked"
        : r.rule === "committee-member"
          ? locale === "zh"
            ? "由调委会指派"
            : "Assigned by the committee"
          : r.rule === "staff-choice"
            ? locale === "zh"
              ? "由中心工作人员指派"
              : "Assigned by the centre's staff"
            : locale === "zh"
              ? "由中心指派"
              : "Assigned by the centre";
  const spoken = r.decidedBy === "language" && r.language && r.language !== "zhoushan-dialect" ? SPEAKS[locale][r.language] : undefined;
  const why = spoken ?? (r.decidedBy ? WHY[locale][r.decidedBy] : undefined);
  if (r.rule === "pick" && !why && !r.slot)
    return locale === "zh"
      ? r.status === "accepted"
        ? "您点选的调解员已接受。"
        : "已请您点选的调解员答复。"
      : r.status === "accepted"
        ? "The mediator you picked accepted."
        : "The mediator you picked has been asked.";
  if (locale === "zh") {
    const when = r.slot ? `${whenWords(r.slot.start, now, locale)}可${MODE.zh[r.slot.mode] ?? r.slot.mode}` : "";
    return `${who}：${[why, when].filter(Boolean).join("，")}`.replace(/：$/, "") + "。";
  }
  const when = r.slot ? `can ${MODE.en[r.slot.mode] ?? r.slot.mode} ${whenWords(r.slot.start, now, locale)}` : "";
  return `${who}: ${[why, when].filter(Boolean).join("; ")}.`.replace(/: \.$/, ".");
}

// ── the desk's notifications ──────────────────────────────────────────────────────────────────────

type Text = { subject: (p: P) => string; body: (p: P) => string };
/** The mediator by name (the outbox adds it from the id), the id only for a row written before. */
const named = (p: P, locale: Locale) => s(p.mediatorName) || (locale === "zh" ? `编号 ${s(p.mediatorId)}` : `no. ${s(p.mediatorId)}`);
/** The case page, where staff act on it (the outbox adds it from caseId). */
const casePage = (p: P, locale: Locale) => (p.link ? (locale === "zh" ? `：${s(p.link)}` : `: ${s(p.link)}`) : "");
export const assignmentNotifications: Record<
  Locale,
  Record<"assignment.applied" | "assignment.waiting" | "assignment.recusal-requested", Text>
> = {
  zh: {
    "assignment.applied": {
      subject: (p) => `已自动指派调解员 ${s(p.number)}`,
      body: (p) =>
        `案件 ${s(p.number)} 的点选调解员都未接受（或未点选），系统已按中心建议自动预约调解员 ${named(p, "zh")}，理由见案件页面${casePage(p, "zh") || "。"}`,
    },
    "assignment.waiting": {
      subject: (p) => `待安排调解员 ${s(p.number)}`,
      body: (p) =>
        `案件 ${s(p.number)} 的点选调解员都未接受（或未点选）。${p.mediatorId === null ? "暂无符合条件的调解员，请另选或转综合调解窗口" : `中心建议调解员 ${named(p, "zh")}，请在案件页面确认或另选`}${casePage(p, "zh") || "。"}`,
    },
    "assignment.recusal-requested": {
      subject: (p) => `当事人申请回避 ${s(p.number)}`,
      body: (p) => `案件 ${s(p.number)} 的当事人申请调解员 ${named(p, "zh")} 回避，请在案件页面决定准许或驳回${casePage(p, "zh") || "。"}`,
    },
  },
  en: {
    "assignment.applied": {
      subject: (p) => `Mediator assigned automatically: ${s(p.number)}`,
      body: (p) =>
        `No pick of case ${s(p.number)} accepted (or none was given): the centre's suggestion, ${named(p, "en")}, was booked automatically. The reason is on the case page${casePage(p, "en") || "."}`,
    },
    "assignment.waiting": {
      subject: (p) => `A case waits for a mediator: ${s(p.number)}`,
      body: (p) =>
        `No pick of case ${s(p.number)} accepted (or none was given). ${p.mediatorId === null ? "No mediator qualifies: choose one or route the case to the general mediation window" : `The centre suggests ${named(p, "en")}: accept or choose another on the case page`}${casePage(p, "en") || "."}`,
    },
    "assignment.recusal-requested": {
      subject: (p) => `A party asks for a recusal: ${s(p.number)}`,
      body: (p) =>
        `A party of case ${s(p.number)} asks ${named(p, "en")} to recuse: grant or refuse it on the case page${casePage(p, "en") || "."}`,
    },
  },
};
