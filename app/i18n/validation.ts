// Zod issues in a language: the API's English or a page's. A model schema's own message is a code
// (app/models/issues.ts) looked up here; any other issue is worded from its kind (zod's "too small",
// "too big", a missing value…), never from zod's English text.
import type { Locale } from "../../domain";
import type { IssueCode } from "../models/issues";

/** Every code of the model schemas (app/models/issues.ts), in both languages; the API shows the English. */
const KNOWN: Record<IssueCode, { zh: string; en: string }> = {
  email_invalid: { zh: "请填写有效的电子邮箱。", en: "Enter a valid email address." },
  password_min_8: { zh: "至少 8 个字符。", en: "At least 8 characters." },
  password_max_200: { zh: "最多 200 个字符。", en: "At most 200 characters." },
  name_required: { zh: "请填写姓名。", en: "Enter a name." },
  phone_format: { zh: "只能填写数字、空格或短横线。", en: "Digits, spaces or dashes only." },
  mobile_invalid: {
    zh: "请填写 11 位手机号码，例如 138 0013 8000（可带 +86）。",
    en: "Enter an 11-digit mainland mobile number, e.g. 138 0013 8000 (+86 allowed).",
  },
  otp_format: { zh: "请填写短信中的 6 位数字验证码。", en: "Enter the 6-digit code from the text message." },
  consent_required: {
    zh: "请阅读并勾选同意《个人信息处理说明》。",
    en: "Read and tick your agreement to the personal data notice.",
  },
  passwords_differ: { zh: "两次填写的密码不一致。", en: "The two passwords differ." },
  time_format: { zh: "请填写时间（时:分）。", en: "Enter a time as HH:MM (00:00–23:59)." },
  date_format: { zh: "请填写日期。", en: "Enter a date as YYYY-MM-DD." },
  date_unreal: { zh: "这个日期不存在。", en: "This date does not exist." },
  modes_required: { zh: "请至少选择一种调解方式。", en: "Choose at least one mode." },
  onsite_hours_need_towns: { zh: "上门/上岛时间请至少选择一个镇街。", en: "On-site hours need at least one town." },
  towns_onsite_hours_only: { zh: "只有上门/上岛时间才选镇街。", en: "Towns apply to on-site hours only." },
  end_equals_start: {
    zh: "结束时间不能与开始时间相同（早于开始时间表示跨过午夜）。",
    en: "The end must differ from the start (an end before the start runs past midnight).",
  },
  date_twice: { zh: "这个日期重复了。", en: "This date is listed twice." },
  onsite_needs_town: { zh: "上门/上岛调解请选择镇街。", en: "Choose the town for an on-site session." },
  town_onsite_only: { zh: "只有上门/上岛调解才选镇街。", en: "A town applies to on-site sessions only." },
  onsite_needs_meeting_point: { zh: "上门/上岛调解请写明碰面地点。", en: "Say where to meet for an on-site session." },
  onsite_needs_contact_phone: { zh: "上门/上岛调解请留一个当天能联系到您的手机号。", en: "Give a mobile number we can reach you on that day." },
  meeting_point_onsite_only: { zh: "只有上门/上岛调解才填碰面地点。", en: "A meeting point applies to on-site sessions only." },
  party_town_centre_only: { zh: "只有到中心调解才问您从哪个镇街出发。", en: "Your town is asked for sessions at the centre only." },
  summary_min_5: { zh: "请至少用 5 个字说明纠纷情况。", en: "Describe the dispute in at least 5 characters." },
  reason_min_2: { zh: "请简要说明理由（至少 2 个字）。", en: "Give a short reason (at least 2 characters)." },
  instant_format: {
    zh: "请选择一个时段。",
    en: "An ISO 8601 time with offset, e.g. 2026-12-01T09:00:00+08:00.",
  },
  one_of_mediator_committee: {
    zh: "请选择一位调解员或一个调解委员会（只选一个）。",
    en: "Give exactly one of mediatorId and committeeId.",
  },
  idempotency_key_format: { zh: "预约表已失效，请刷新页面。", en: "8–100 letters, digits or _ . : -" },
  mediator_link_required: { zh: "调解员账号必须关联一位调解员。", en: "A mediator account must be linked to a mediator." },
  mediator_link_only_for_mediators: { zh: "只有调解员账号才关联调解员。", en: "Only mediator accounts are linked to a mediator." },
  mediator_unknown: { zh: "没有这位调解员。", en: "No such mediator." },
  mediator_has_account: { zh: "这位调解员已经有账号了。", en: "This mediator already has an account." },
  admin_only: { zh: "只有管理员可以开设账号。", en: "Only an administrator opens accounts." },
  to_before_from: { zh: "结束日期不能早于开始日期。", en: "to must not be before from." },
  range_too_long: { zh: "一次最多查看 62 天。", en: "At most 62 days at a time." },
  listed_twice: { zh: "同一位调解员不能列两次。", en: "A mediator is listed twice." },
  one_answer: { zh: "请选择一种答复：接受、排序或拒绝。", en: "Give exactly one answer: accept, ranking or refuse." },
  due_or_instalments: { zh: "请填写履行期限，或按期分期。", en: "Give either one due date or instalments." },
  agreement_iff_agreed: {
    zh: "达成协议时请填写协议内容；未达成协议时不填。",
    en: "An agreement is given exactly when the outcome is an agreement.",
  },
  result_needs_date: { zh: "有裁定结果时请填写裁定日期。", en: "A result needs the date it was decided on, and a date needs its result." },
  summary_or_facts: {
    zh: "请填写协议的事实与责任：简述（summary）或完整表述（facts），二者填一。",
    en: "Give the agreement's facts and responsibility: `summary`, or `facts` in full, one of the two.",
  },
  confirmed_or_applied_on: {
    zh: "请填写确认日期（confirmedOn），或申请日期（appliedOn，有裁定结果时另填裁定日期），二者填一。",
    en: "Give `confirmedOn`, or `appliedOn` (with `decidedOn` for a result), one of the two.",
  },
  instalment_or_obligation: {
    zh: "请指定分期（instalmentId）或履行义务（obligation），不要两者都填。",
    en: "Name the instalment (`instalmentId`) or its obligation (`obligation`), not both.",
  },
  sea_towns_required: { zh: "请至少选择一个停航的海岛镇。", en: "Choose at least one island town." },
  sea_town_not_island: { zh: "只有海岛镇才会停航。", en: "Only island towns can have their ferries suspended." },
  sea_to_after_from: { zh: "结束时间必须晚于开始时间。", en: "to must be after from." },
  sea_range_max_7_days: { zh: "一次停航最长 7 天；更长请分次登记。", en: "At most 7 days at a time; declare a longer one in parts." },
  sea_already_over: { zh: "这个时间段已经过去了。", en: "This time range is already over." },
};

const isCode = (m: string): m is IssueCode => Object.hasOwn(KNOWN, m);

const GENERIC = {
  zh: {
    required: "此项必填。",
    tooShort: (n: number) => `至少 ${n} 个字。`,
    tooLong: (n: number) => `最多 ${n} 个字。`,
    tooSmall: (n: number) => `不能小于 ${n}。`,
    tooBig: (n: number) => `不能大于 ${n}。`,
    pickOne: "请至少选择一项。",
    tooMany: (n: number) => `最多选择 ${n} 项。`,
    whole: "请填写整数。",
    choose: "请从列表中选择。",
    invalid: "填写有误。",
  },
  en: {
    required: "This is required.",
    tooShort: (n: number) => `At least ${n} characters.`,
    tooLong: (n: number) => `At most ${n} characters.`,
    tooSmall: (n: number) => `Must be at least ${n}.`,
    tooBig: (n: number) => `Must be at most ${n}.`,
    pickOne: "Choose at least one.",
    tooMany: (n: number) => `Choose at most ${n}.`,
    whole: "Enter a whole number.",
    choose: "Choose from the list.",
    invalid: "This is not valid.",
  },
};

/** The parts of a zod (v4) issue the translation needs. */
export interface IssueLike {
  code: string;
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  /** Present when parsed with `reportInput: true`: tells a missing value from a wrong one. */
  input?: unknown;
}

export function issueMessage(issue: IssueLike, locale: Locale): string {
  if (isCode(issue.message)) return KNOWN[issue.message][locale];
  const g = GENERIC[locale];
  const min = Number(issue.minimum ?? 0);
  const max = Number(issue.maximum ?? 0);
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return min <= 1 ? g.required : g.tooShort(min);
      if (issue.origin === "array" || issue.origin === "set") return g.pickOne;
      return g.tooSmall(min);
    case "too_big":
      if (issue.origin === "string") return g.tooLong(max);
      if (issue.origin === "array" || issue.origin === "set") return g.tooMany(max);
      return g.tooBig(max);
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return g.required;
      if (issue.expected === "number" || issue.expected === "int") return g.whole;
      return g.invalid;
    case "invalid_value":
    case "invalid_union":
      return g.choose;
    default:
      return g.invalid;
  }
}
