// Words of the staff work queue (/staff/queue, issue 9), the reasons a case waits, and the town field of
// the admin's accounts page, in both languages. Composed into `messages` in ./messages.ts.
import type { QueueReason } from "../../domain";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const zh = {
  workQueue: {
    nav: "工作队列",
    title: "工作队列",
    heading: "工作队列",
    intro:
      "等待中心处理的每一件案件和原因：没有调解员的、点单被婉拒或超时的、调委会待派员的、转综合调解窗口兜底的、诉前调解待处理的、当事人申请回避的，以及即将到期和已超期的。最早的在前。件件有着落。",
    reasons: {
      "no-mediator": "未有调解员",
      "pick-declined": "点单被婉拒",
      "pick-expired": "点单超时未答复",
      "pick-recused": "调解员已回避",
      "committee-waiting": "调委会待派员",
      "general-window": "综合调解窗口兜底",
      "pre-litigation": "诉前调解待处理",
      "recusal-requested": "当事人申请回避",
      "due-soon": "即将到期",
      overdue: "已超期",
    } satisfies Record<QueueReason, string>,
    chipsLabel: "按原因筛选",
    allReasons: (n: number) => `全部 ${n}`,
    chip: (label: string, n: number) => `${label} ${n}`,
    filtersHeading: "更多筛选",
    category: "纠纷类型",
    town: "镇街",
    channel: "受理渠道",
    any: "不限",
    apply: "筛选",
    clear: "清除筛选",
    invalid: "部分筛选条件无法识别，已忽略。",
    count: (n: number) => `共 ${n} 项`,
    caption: (page: number, pages: number) => `工作队列，第 ${page} / ${pages} 页，最早的在前`,
    number: "案件编号",
    reason: "原因",
    since: "等待自",
    due: "办结期限",
    none: "—",
    empty: "队列是空的：没有等待中心处理的案件。",
    ago: (ms: number) =>
      ms < MINUTE
        ? "刚刚"
        : ms < HOUR
          ? `${Math.floor(ms / MINUTE)} 分钟前`
          : ms < DAY
            ? `${Math.floor(ms / HOUR)} 小时前`
            : `${Math.floor(ms / DAY)} 天前`,
    ahead: (ms: number) => (ms < HOUR ? "即将" : ms < DAY ? `${Math.round(ms / HOUR)} 小时后` : `${Math.round(ms / DAY)} 天后`),
    beijingTag: "（北京时间）",
    flag: "转诉前调解",
    flagFor: (number: string) => `转诉前调解：${number}`,
    flagged: (number: string) => `已把 ${number} 转给诉前调解团队。`,
    flagRefused: "只有未结案的简易案件可以转诉前调解。",
  },
  townStaff: {
    label: "所属镇街",
    none: "无",
    save: "保存镇街",
    notice: (name: string, town: string) => `已把 ${name} 的所属镇街设为：${town}。`,
    refused: "只有工作人员账号可以设置所属镇街。",
  },
};

export type QueueMessages = typeof zh;

const en: QueueMessages = {
  workQueue: {
    nav: "Work queue",
    title: "Work queue",
    heading: "Work queue",
    intro:
      "Every case waiting for the centre, and why: no mediator yet, a pick declined or unanswered, a committee order waiting for a member, routed to the general mediation window, waiting for the pre-litigation team, a party asking for a recusal, and cases due soon or overdue. Oldest first. Every request lands somewhere.",
    reasons: {
      "no-mediator": "No mediator yet",
      "pick-declined": "Pick declined",
      "pick-expired": "Pick unanswered in time",
      "pick-recused": "Mediator recused",
      "committee-waiting": "Committee order waiting for a member",
      "general-window": "General mediation window",
      "pre-litigation": "Pre-litigation fast track",
      "recusal-requested": "Party asks for a recusal",
      "due-soon": "Due soon",
      overdue: "Overdue",
    },
    chipsLabel: "Filter by reason",
    allReasons: (n: number) => `All ${n}`,
    chip: (label: string, n: number) => `${label} ${n}`,
    filtersHeading: "More filters",
    category: "Category",
    town: "Town",
    channel: "Channel",
    any: "Any",
    apply: "Filter",
    clear: "Clear filters",
    invalid: "Some filters were not recognised and were left out.",
    count: (n: number) => `${n} ${n === 1 ? "item" : "items"}`,
    caption: (page: number, pages: number) => `Work queue, page ${page} of ${pages}, oldest first`,
    number: "Case",
    reason: "Reason",
    since: "Waiting since",
    due: "Due",
    none: "—",
    empty: "The queue is empty: no case is waiting for the centre.",
    ago: (ms: number) =>
      ms < MINUTE
        ? "just now"
        : ms < HOUR
          ? `${Math.floor(ms / MINUTE)} min ago`
          : ms < DAY
            ? `${Math.floor(ms / HOUR)} h ago`
            : `${Math.floor(ms / DAY)} ${Math.floor(ms / DAY) === 1 ? "day" : "days"} ago`,
    ahead: (ms: number) =>
      ms < HOUR
        ? "any moment"
        : ms < DAY
          ? `in ${Math.round(ms / HOUR)} h`
          : `in ${Math.round(ms / DAY)} ${Math.round(ms / DAY) === 1 ? "day" : "days"}`,
    beijingTag: " (Beijing time)",
    flag: "To pre-litigation",
    flagFor: (number: string) => `To pre-litigation: ${number}`,
    flagged: (number: string) => `${number} was sent to the pre-litigation team.`,
    flagRefused: "Only an open, simple case goes to the pre-litigation fast track.",
  },
  townStaff: {
    label: "Town office",
    none: "None",
    save: "Save town",
    notice: (name: string, town: string) => `${name}'s town office is now: ${town}.`,
    refused: "Only a staff account has a town office.",
  },
};

export const queueMessages = { zh, en };
