// Words of a mediator's or committee's record (issue 8), in both languages: the one-line summary of
// search results and profiles, the figures of a profile, and the plain-words notes on what counts as
// success and how ranking treats few cases (ADR 014). Composed into `messages` in ./messages.ts.

const zh = {
  record: {
    /** "成功率 92% · 23/25 件 · 近12个月" */
    line: (rate: string, agreements: number, mediated: number) => `成功率 ${rate} · ${agreements}/${mediated} 件 · 近12个月`,
    /** When the number mediated cannot be shown (no agreement at all): the rate and the closed count. */
    lineClosed: (rate: string, closed: number) => `成功率 ${rate} · 结案 ${closed} 件 · 近12个月`,
    none: "近12个月暂无结案",
    noneMediated: (closed: number) => `近12个月结案 ${closed} 件，均未进入调解`,
    period: (from: string, to: string) => `统计期间：${from} 至 ${to}（近12个月）`,
    closed: "结案",
    mediated: "经过调解",
    agreements: "调解成功",
    agreementRate: "成功率",
    agreementRateValue: (rate: string, agreements: number, mediated: number) => `${rate}（${agreements}/${mediated} 件）`,
    fulfilmentRate: "协议履行率",
    judicialConfirmations: "司法确认",
    medianDays: "结案用时（中位数）",
    days: (n: number) => `${n} 天`,
    /** "满意度 96%（25 人评价）": the share of satisfied ratings, as the centre's 满意率. */
    satisfaction: "满意度",
    satisfactionValue: (rate: string, n: number) => `${rate}（${n} 人评价）`,
    satisfactionNote: (minStars: number) => `满意度 = 打 ${minStars} 星或 5 星（满意）的评价 ÷ 全部评价，与中心统计的满意率同一口径。`,
    /** The record in the searched category: "在劳动争议类案件中：成功率 92% · 23/25 件 · 近12个月". */
    inCategory: (category: string, line: string) => `在${category}类案件中：${line}`,
    cases: (n: number) => `${n} 件`,
    notAvailable: "—",
    successNote:
      "“调解成功”指双方达成调解协议。成功率 = 达成协议的件数 ÷ 经过调解的件数（达成协议、未达成协议、转仲裁或诉讼）；当事人撤回申请或对方不同意调解的不算失败，也不计入。履行率只统计每一期都已有结果的协议。",
    rankingNote:
      "按“成功率”排序时，结案很少的调解员先按全中心的平均水平计分，案件越多越以本人实绩为准，偶然成功 1 件不会排到经验丰富的调解员前面；比较时还按纠纷类型和难易程度（重大、群体纠纷本来就更难）与全中心同类案件对照，承办疑难案件不会吃亏。",
  },
};

const en: typeof zh = {
  record: {
    line: (rate: string, agreements: number, mediated: number) => `Agreement rate ${rate} · ${agreements} of ${mediated} · last 12 months`,
    lineClosed: (rate: string, closed: number) => `Agreement rate ${rate} · ${closed} closed · last 12 months`,
    none: "No closed cases in the last 12 months",
    noneMediated: (closed: number) => `${closed} closed in the last 12 months, none mediated`,
    period: (from: string, to: string) => `Period: ${from} to ${to} (last 12 months)`,
    closed: "Closed",
    mediated: "Mediated",
    agreements: "Agreements",
    agreementRate: "Agreement rate",
    agreementRateValue: (rate: string, agreements: number, mediated: number) => `${rate} (${agreements} of ${mediated})`,
    fulfilmentRate: "Agreements fulfilled",
    judicialConfirmations: "Judicial confirmations",
    medianDays: "Days to close (median)",
    days: (n: number) => `${n} ${n === 1 ? "day" : "days"}`,
    satisfaction: "Satisfaction",
    satisfactionValue: (rate: string, n: number) => `${rate} (${n} ${n === 1 ? "rating" : "ratings"})`,
    satisfactionNote: (minStars: number) =>
      `Satisfaction is the share of ratings with ${minStars} or 5 stars (satisfied), the same measure as the centre's satisfaction rate.`,
    inCategory: (category: string, line: string) => `${category}: ${line}`,
    cases: (n: number) => `${n}`,
    notAvailable: "—",
    successNote:
      "Success means the parties reached a mediation agreement. The agreement rate is agreements ÷ cases mediated (agreed, not agreed, or referred to arbitration or court); a withdrawn request or a respondent who declined mediation is nobody's failure and is not counted. The fulfilment rate counts only agreements whose every instalment has a result.",
    rankingNote:
      "When sorting by success, a mediator with few cases starts from the centre's average and counts more on their own results the more cases they have, so one lucky agreement does not rank above a long record. Each mediator is also compared with the centre's results on the same kind and difficulty of dispute (major and group disputes are harder to settle), so taking hard cases does not count against anyone.",
  },
};

export const recordMessages = { zh, en };
