// Zod issues from the model schemas in the page's language. The schemas speak English to the API; the
// pages translate the messages they know and fall back to the issue's kind for the rest (zod's own
// "too small", "too big", "required"…), so a visitor never reads a developer's message in Chinese pages.
import type { Locale } from "../../domain";

/** The model schemas' own messages (app/models/*), by their exact English text. */
const KNOWN: Record<string, { zh: string; en: string }> = {
  "a valid email address is required": { zh: "请填写有效的电子邮箱。", en: "Enter a valid email address." },
  "at least 8 characters": { zh: "至少 8 个字符。", en: "At least 8 characters." },
  "at most 200 characters": { zh: "最多 200 个字符。", en: "At most 200 characters." },
  "a name is required": { zh: "请填写姓名。", en: "Enter a name." },
  "digits, spaces or dashes only": { zh: "只能填写数字、空格或短横线。", en: "Digits, spaces or dashes only." },
  "time as HH:MM (00:00–23:59)": { zh: "请填写时间（时:分）。", en: "Enter a time (HH:MM)." },
  "date as YYYY-MM-DD": { zh: "请填写日期。", en: "Enter a date." },
  "not a real date": { zh: "这个日期不存在。", en: "This date does not exist." },
  "at least one mode": { zh: "请至少选择一种调解方式。", en: "Choose at least one mode." },
  "on-site hours need the towns served": { zh: "上门/上岛时间请至少选择一个镇街。", en: "On-site hours need at least one town." },
  "towns apply to on-site hours only": { zh: "只有上门/上岛时间才选镇街。", en: "Towns apply to on-site hours only." },
  "end must differ from start (an end before the start runs past midnight)": {
    zh: "结束时间不能与开始时间相同（早于开始时间表示跨过午夜）。",
    en: "The end must differ from the start (an end before the start runs past midnight).",
  },
  "date listed twice": { zh: "这个日期重复了。", en: "This date is listed twice." },
  "on-site sessions need a town": { zh: "上门/上岛调解请选择镇街。", en: "Choose the town for an on-site session." },
  "a town applies to on-site sessions only": {
    zh: "只有上门/上岛调解才选镇街。",
    en: "A town applies to on-site sessions only.",
  },
  "describe the dispute in at least 5 characters": {
    zh: "请至少用 5 个字说明纠纷情况。",
    en: "Describe the dispute in at least 5 characters.",
  },
  "give a short reason": { zh: "请简要说明理由（至少 2 个字）。", en: "Give a short reason (at least 2 characters)." },
  "a mediator account must be linked to a mediator": {
    zh: "调解员账号必须关联一位调解员。",
    en: "A mediator account must be linked to a mediator.",
  },
  "only mediator accounts are linked to a mediator": {
    zh: "只有调解员账号才关联调解员。",
    en: "Only mediator accounts are linked to a mediator.",
  },
  "no such mediator": { zh: "没有这位调解员。", en: "No such mediator." },
  "this mediator already has an account": { zh: "这位调解员已经有账号了。", en: "This mediator already has an account." },
  "only an admin creates accounts": { zh: "只有管理员可以开设账号。", en: "Only an administrator opens accounts." },
};

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
}

export function issueMessage(issue: IssueLike, locale: Locale): string {
  const known = KNOWN[issue.message];
  if (known) return known[locale];
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
      if (/received undefined|received null/.test(issue.message)) return g.required;
      if (issue.expected === "number" || issue.expected === "int") return g.whole;
      return g.invalid;
    case "invalid_value":
    case "invalid_union":
      return g.choose;
    default:
      return g.invalid;
  }
}
