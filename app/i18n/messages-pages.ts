// Words of search, profiles and public pages added in issue 11 (score explained, no results, sticky bar), in both languages. Composed into `messages` in ./messages.ts.
// Committee names are data (the committees table has no English column, and the schema stays as it
// is): their English names are kept here, keyed by the Chinese name the seed gives them, which is as
// stable as a slug and survives a reseed that renumbers ids. A committee added later without an entry
// here shows its Chinese name (marked lang="zh-CN").
const zh = {
  pages: {
    title: "查找调解员",
    description: {
      home: "普陀区社会治理综合服务中心的调解点单：按纠纷类型、镇街和调解方式查找调解员、专家、律师和调委会，线上预约，人民调解不收费。",
      search: "按纠纷类型、所在镇街、调解方式和语言查找中心的调解员、专家、律师和调委会，查看成功率和空闲时段。",
      mediator: (name: string, kind: string) => `${name}（${kind}）：擅长的纠纷类型、服务方式与镇街、近12个月调解成效和空闲时段。`,
      committee: (name: string) => `${name}：受理的纠纷类型、委员、调解成效和空闲时段，点单后由中心派委员调解。`,
      notFound: "找不到这个页面：可以回到查找调解员或首页。",
    },
    town: {
      /** Under the town facet: what choosing a town means. */
      facetNote: "选您所在的镇街：会列出能上岛/上门到那里的调解员，以及可以线上调解的调解员。",
      chosen: (town: string) => `显示能为${town}当事人调解的人：上岛到${town}，或线上调解。只看上岛服务，请在“调解方式”里选“上门/上岛”。`,
      how: (town: string) => `${town}：`,
      onsite: "可上岛/上门",
      online: "可线上调解",
      centre: "需到中心",
    },
    score: {
      summary: "成功率和排序是怎么算的？",
      points: [
        "成功率：近12个月里，经过调解的案件中达成调解协议的比例。当事人撤回或对方不同意调解的，不算失败，也不计入。",
        "按“成功率”排序时，看的是排序分，不是成功率本身：件数少的，先按全中心的平均水平计分，件数越多越以本人实绩为准。所以 19/20 件（95%）可以排在 1/1 件（100%）前面。",
        "排序分还按纠纷类型和难易程度与全中心同类案件对照：承办重大、群体纠纷不会吃亏。",
      ],
      card: (points: number, agreements: number, mediated: number) =>
        `排序分 ${points}（满分 100）：近12个月调解 ${mediated} 件，达成协议 ${agreements} 件`,
      cardNone: "近12个月没有经调解的案件，排序分按中心平均水平计",
      cardFew: "件数少，排序分偏向中心平均水平",
    },
    next: {
      label: "最近可约",
      none: "两周内暂无空闲时段",
    },
    empty: {
      categoriesHeading: "按纠纷类型查找",
      windowHeading: "到综合受理窗口，或打电话",
      windowBody: "找不到合适的调解员，也可以直接到中心综合受理窗口说明情况，窗口兜底受理，件件有着落。人民调解不收费。",
      address: "地址",
      phone: "电话",
      hours: "办公时间",
      closed: "休息",
      more: "中心的地址、办公时间和交通",
    },
    sticky: {
      label: "预约",
      book: "预约",
      next: (when: string) => `最早 ${when}`,
      none: "暂无空闲时段",
    },
    backToResults: "返回查找调解员",
    committeeNames: {} as Record<string, string>,
  },
};

const en: typeof zh = {
  pages: {
    title: "Find a mediator",
    description: {
      home: "Order-a-Mediator at the Putuo District Social Governance Service Centre: find mediators, experts, lawyers and committees by dispute, town and mode, and book online. People's mediation is free.",
      search: "Find the centre's mediators, experts, lawyers and committees by dispute, your town, mode and language, with their success rates and free times.",
      mediator: (name: string, kind: string) => `${name} (${kind}): disputes handled, how and where they mediate, the last 12 months' record and free times.`,
      committee: (name: string) => `${name}: disputes handled, members, record and free times; the centre assigns a member once you order it.`,
      notFound: "Page not found: go back to finding a mediator or to the home page.",
    },
    town: {
      facetNote: "Choose the town you are in: it lists the mediators who come there on site and those who mediate online.",
      chosen: (town: string) =>
        `Showing who can mediate for a party in ${town}: on site in ${town}, or online. For on-site only, choose “On site in town” under Mode.`,
      how: (town: string) => `${town}: `,
      onsite: "comes on site",
      online: "online",
      centre: "at the centre",
    },
    score: {
      summary: "How are the success rate and the order worked out?",
      points: [
        "Success rate: of the cases mediated in the last 12 months, the share that ended in a mediation agreement. A withdrawn request or a respondent who declined mediation is nobody's failure and is not counted.",
        "Sorting by success uses a ranking score, not the rate itself: with few cases a mediator starts from the centre's average, and counts more on their own results the more cases they have. So 19 of 20 (95 %) can rank above 1 of 1 (100 %).",
        "The score also compares each mediator with the centre's results on the same kind and difficulty of dispute, so taking major or group disputes does not count against anyone.",
      ],
      card: (points: number, agreements: number, mediated: number) =>
        `Ranking score ${points} of 100: ${agreements} agreements in ${mediated} cases mediated, last 12 months`,
      cardNone: "No cases mediated in the last 12 months: ranked at the centre's average",
      cardFew: "Few cases, so the score leans towards the centre's average",
    },
    next: {
      label: "Next free",
      none: "No free time in the next two weeks",
    },
    empty: {
      categoriesHeading: "Find by kind of dispute",
      windowHeading: "Come to the general intake window, or call",
      windowBody:
        "If no mediator fits, come to the centre's general intake window and tell us about it: the window takes every request, so every case has somewhere to land. People's mediation is free.",
      address: "Address",
      phone: "Phone",
      hours: "Opening hours",
      closed: "closed",
      more: "The centre's address, hours and how to get there",
    },
    sticky: {
      label: "Book",
      book: "Book",
      next: (when: string) => `Earliest ${when}`,
      none: "No free time yet",
    },
    backToResults: "Back to the search",
    committeeNames: {
      海事渔事纠纷人民调解委员会: "Maritime & Fishery Disputes People's Mediation Committee",
      医疗纠纷人民调解委员会: "Medical Disputes People's Mediation Committee",
      劳动争议调解委员会: "Labour Disputes Mediation Committee",
      交通事故纠纷人民调解委员会: "Traffic Accident Disputes People's Mediation Committee",
      物业纠纷人民调解委员会: "Property Management Disputes People's Mediation Committee",
      婚姻家庭纠纷人民调解委员会: "Marriage & Family Disputes People's Mediation Committee",
      旅游纠纷人民调解委员会: "Tourism Disputes People's Mediation Committee",
      消费纠纷人民调解委员会: "Consumer Disputes People's Mediation Committee",
      环境污染纠纷人民调解委员会: "Environmental Pollution Disputes People's Mediation Committee",
      建设工程纠纷人民调解委员会: "Construction Disputes People's Mediation Committee",
      新居民维权调解委员会: "New Residents' Rights Mediation Committee",
      人身损害赔偿纠纷人民调解委员会: "Personal Injury Compensation People's Mediation Committee",
    },
  },
};

export const pageMessages = { zh, en };
