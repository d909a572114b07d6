// The deterministic demo pool: the centre as the article describes it (10 senior mediators, 30+
// experts, the 43-lawyer studio, 12 committees), with invented people, firms and licence numbers.
// `generatePool({ scale })` produces N mediators instead, for benchmarks. Pure: no database here.
import { CATEGORIES, TOWNS, type CategorySlug, type MediatorKind, type TownSlug } from "../domain";
import { namePinyin } from "../domain/pinyin";

export interface DemoMediator {
  kind: MediatorKind;
  name: string;
  namePinyin: string;
  gender: "female" | "male";
  title: string;
  organisation: string | null;
  licenceNo: string | null;
  yearsOfExperience: number;
  bio: string;
  categories: CategorySlug[];
  languages: string[];
  modes: string[];
  towns: TownSlug[];
}

export interface DemoCommittee {
  name: string;
  namePinyin: string;
  description: string;
  organisation: string;
  categories: CategorySlug[];
  /** Indexes into the generated mediators; the first is the chair. */
  memberIndexes: number[];
}

export interface DemoPool {
  mediators: DemoMediator[];
  committees: DemoCommittee[];
}

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  "张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹易常武乔贺赖龚文虞应乐翁舒柴包";
const GIVEN_MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欣海峰建国志";
const GIVEN_FEMALE = "芳娜敏静丽艳娟霞燕玲婷雪慧莉萍红琳洁瑶颖倩琴云蓉薇晶岚佳怡梅兰";

// Topics each category's bios draw on: what a party would type when looking for help.
const TOPICS: Record<CategorySlug, string[]> = {
  medical: ["医疗损害鉴定", "医患沟通", "手术并发症争议", "诊疗过错认定"],
  labour: ["欠薪追讨", "工伤认定与赔偿", "劳动合同解除", "社保补缴"],
  "maritime-fishery": ["渔船碰撞", "船员劳务报酬", "海上人身伤亡赔偿", "渔业资源与网具纠纷"],
  "traffic-accident": ["交通事故责任认定", "车损与人伤理赔", "保险理赔协商"],
  "property-management": ["物业服务费争议", "房屋漏水与质量问题", "业主委员会事务"],
  "personal-injury": ["人身损害赔偿计算", "死亡赔偿金协商", "伤残等级与赔偿"],
  environment: ["养殖水域污染", "噪音与油烟扰民", "企业排污赔偿"],
  "marriage-family": ["离婚财产分割", "子女抚养与探视", "赡养与继承"],
  neighbourhood: ["宅基地与相邻通行", "邻里漏水与噪音", "村民日常矛盾"],
  consumer: ["商品质量与退换", "预付卡消费纠纷", "网购维权"],
  tourism: ["景区与民宿服务纠纷", "游客意外伤害", "旅行团合同争议"],
  construction: ["工程款结算", "装修质量争议", "施工安全事故"],
  "contract-debt": ["民间借贷", "买卖合同违约", "债务清偿协商"],
  "migrant-workers": ["外来务工人员维权", "随迁子女入学协调", "租房与用工纠纷"],
};

const EXPERT_TITLES: Partial<Record<CategorySlug, string[]>> = {
  medical: ["主任医师", "副主任医师", "医学会鉴定专家"],
  labour: ["劳动人事争议仲裁员", "人力资源专家", "工会法律顾问"],
  "maritime-fishery": ["高级船长", "渔业技术推广研究员", "海事调查专家"],
  environment: ["环保高级工程师", "环境监测专家"],
  "traffic-accident": ["交通事故鉴定专家", "保险理赔专家"],
  "property-management": ["房屋质量检测工程师", "物业管理专家"],
  construction: ["建筑高级工程师", "造价工程师"],
  tourism: ["旅游行业协会专家"],
  consumer: ["消费者权益保护专家"],
};

const EXPERT_ORGS: Partial<Record<CategorySlug, string[]>> = {
  medical: ["普陀区人民医院（示例）", "东海医学会（示例）"],
  labour: ["区劳动人事争议仲裁院（示例）", "区总工会（示例）"],
  "maritime-fishery": ["海事渔事调处中心（示例）", "区海洋与渔业协会（示例）"],
  environment: ["区生态环境监测站（示例）"],
  "traffic-accident": ["区交通事故调处中心（示例）"],
  "property-management": ["房屋质量与物业纠纷调处中心（示例）"],
  construction: ["区建设工程质量监督站（示例）"],
};

const LAW_FIRMS = [
  "东海明律律师事务所",
  "莲洲律师事务所",
  "海帆律师事务所",
  "金塘正衡律师事务所",
  "观音山律师事务所",
  "桃花岛律师事务所",
  "晨澜律师事务所",
];

const COMMITTEES: { name: string; organisation: string; categories: CategorySlug[]; description: string }[] = [
  {
    name: "海事渔事纠纷人民调解委员会",
    organisation: "海事渔事调处中心",
    categories: ["maritime-fishery"],
    description: "调处渔船碰撞、船员劳务、海上人身伤亡等海事渔事纠纷，可上岛、上船调解。",
  },
  {
    name: "医疗纠纷人民调解委员会",
    organisation: "医疗纠纷调处中心",
    categories: ["medical"],
    description: "独立第三方调处医患纠纷，邀请医学、法学专家参与评估。",
  },
  {
    name: "劳动争议调解委员会",
    organisation: "劳动人事争议仲裁院",
    categories: ["labour", "migrant-workers"],
    description: "调解欠薪、工伤、劳动合同纠纷，与劳动仲裁无缝衔接。",
  },
  {
    name: "交通事故纠纷人民调解委员会",
    organisation: "交通事故调处中心",
    categories: ["traffic-accident", "personal-injury"],
    description: "交警、保险、法院联动，一站式调处交通事故损害赔偿。",
  },
  {
    name: "物业纠纷人民调解委员会",
    organisation: "房屋质量与物业纠纷调处中心",
    categories: ["property-management"],
    description: "调处物业服务、房屋质量与业主之间的纠纷。",
  },
  {
    name: "婚姻家庭纠纷人民调解委员会",
    organisation: "区妇联",
    categories: ["marriage-family"],
    description: "化解婚姻、抚养、赡养、继承等家庭矛盾。",
  },
  {
    name: "旅游纠纷人民调解委员会",
    organisation: "区文化和旅游局",
    categories: ["tourism"],
    description: "面向普陀山、朱家尖等景区游客与经营者的纠纷调处。",
  },
  {
    name: "消费纠纷人民调解委员会",
    organisation: "区市场监督管理局",
    categories: ["consumer"],
    description: "调处商品质量、服务消费与预付卡纠纷。",
  },
  {
    name: "环境污染纠纷人民调解委员会",
    organisation: "区生态环境分局",
    categories: ["environment"],
    description: "调处养殖污染、噪音扰民、企业排污等环境纠纷。",
  },
  {
    name: "建设工程纠纷人民调解委员会",
    organisation: "区住房和城乡建设局",
    categories: ["construction"],
    description: "调处工程款、装修质量与施工事故纠纷。",
  },
  {
    name: "新居民维权调解委员会",
    organisation: "新居民维权中心",
    categories: ["migrant-workers", "labour"],
    description: "为外来务工的新居民提供维权与调解服务。",
  },
  {
    name: "人身损害赔偿纠纷人民调解委员会",
    organisation: "区司法局",
    categories: ["personal-injury"],
    description: "调处人身损害及死亡赔偿纠纷，重大案件启动3+X会商。",
  },
];

// The ten senior mediators' areas: broad, as senior mediators at such a centre are generalists.
const SENIOR_AREAS: CategorySlug[][] = [
  ["neighbourhood", "marriage-family", "contract-debt"],
  ["maritime-fishery", "personal-injury"],
  ["labour", "migrant-workers"],
  ["property-management", "neighbourhood"],
  ["medical", "personal-injury"],
  ["traffic-accident", "personal-injury", "consumer"],
  ["marriage-family", "neighbourhood"],
  ["construction", "contract-debt"],
  ["environment", "tourism", "neighbourhood"],
  ["maritime-fishery", "contract-debt", "neighbourhood"],
];

// Experts per category: environment, medicine, labour and maritime/fishery first (the article's
// examples), then every other category at least once — 36 in all.
const EXPERT_AREAS: CategorySlug[] = [
  ...Array<CategorySlug>(5).fill("medical"),
  ...Array<CategorySlug>(5).fill("labour"),
  ...Array<CategorySlug>(6).fill("maritime-fishery"),
  ...Array<CategorySlug>(4).fill("environment"),
  ...Array<CategorySlug>(3).fill("traffic-accident"),
  ...Array<CategorySlug>(3).fill("property-management"),
  ...Array<CategorySlug>(2).fill("construction"),
  ...Array<CategorySlug>(2).fill("tourism"),
  "consumer",
  "personal-injury",
  "marriage-family",
  "neighbourhood",
  "contract-debt",
  "migrant-workers",
];

const LAWYER_AREAS: CategorySlug[] = [
  "contract-debt",
  "labour",
  "marriage-family",
  "traffic-accident",
  "personal-injury",
  "construction",
  "property-management",
  "maritime-fishery",
  "consumer",
  "medical",
  "migrant-workers",
  "tourism",
];

const ISLANDS = TOWNS.filter((t) => t.island).map((t) => t.slug);
const MAINLAND = TOWNS.filter((t) => !t.island).map((t) => t.slug);

class Gen {
  private used = new Set<string>();
  constructor(readonly rnd: () => number) {}
  int(min: number, max: number) {
    return min + Math.floor(this.rnd() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rnd() * list.length)];
  }
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(this.rnd() * copy.length), 1)[0]);
    return out;
  }
  /** Unique names while they last (a 100k pool must repeat some, as real ones do). */
  name(gender: "female" | "male", unique: boolean): string {
    const given = gender === "male" ? GIVEN_MALE : GIVEN_FEMALE;
    for (let attempt = 0; attempt < 20; attempt++) {
      const len = this.rnd() < 0.35 ? 1 : 2;
      let n = this.pick([...SURNAMES]);
      const first = this.pick([...given]);
      n += first;
      // Two different characters: 宇宇-style doubled names are rare and read oddly in a demo.
      if (len === 2) n += this.pick([...given].filter((c) => c !== first));
      if (!unique || !this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
    return this.pick([...SURNAMES]) + this.pick([...given]) + this.pick([...given]);
  }
}

/**
 * The pool once carried seeded outcome counters; records now come from case rows (db/demo-history.ts
 * makes the demo's). Their random draws are still taken, so every later name, title and service area
 * of this deterministic pool stays as it was: judged queries, benchmarks and tests name them.
 */
function skipRetiredRecordDraws(g: Gen, kind: MediatorKind): Record<string, never> {
  const r = g.rnd();
  if (r < 0.08) return {};
  if (r < 0.16) {
    g.int(1, 3);
    return {};
  }
  g.int(5, kind === "senior-mediator" ? 260 : kind === "expert" ? 90 : 60);
  g.rnd();
  return {};
}

function serviceArea(g: Gen, onsiteShare: number): { modes: string[]; towns: TownSlug[] } {
  const modes = g.rnd() < 0.9 ? ["centre", "online"] : ["centre"];
  if (g.rnd() >= onsiteShare) return { modes, towns: [] };
  const towns = [...g.sample(ISLANDS, g.int(1, 3)), ...g.sample(MAINLAND, g.int(0, 2))] as TownSlug[];
  return { modes: [...modes, "onsite"], towns };
}

function languages(g: Gen, dialectShare: number): string[] {
  const out = ["mandarin"];
  if (g.rnd() < dialectShare) out.push("zhoushan-dialect");
  if (g.rnd() < 0.1) out.push("english");
  return out;
}

function bio(g: Gen, years: number, cats: CategorySlug[], lead: string): string {
  const topics = cats.flatMap((c) => g.sample(TOPICS[c], 2));
  const names = cats.map((c) => CATEGORIES.find((x) => x.slug === c)!.zh);
  return `${lead}，从事调解工作${years}年，擅长${topics.join("、")}。主要受理${names.join("、")}。`;
}

function licence(g: Gen, i: number): string {
  // Invented: 17 digits shaped like a Chinese practising-certificate number, prefixed 133 (Zhejiang).
  return `13309${String(2000 + g.int(5, 24)).slice(2)}${String(g.int(1, 2))}${String(10_000_000 + i * 7919).slice(-8)}0`;
}

function mediator(g: Gen, kind: MediatorKind, cats: CategorySlug[], i: number, uniqueNames: boolean): DemoMediator {
  const gender = g.rnd() < 0.45 ? "female" : "male";
  const name = g.name(gender, uniqueNames);
  const years = kind === "senior-mediator" ? g.int(15, 35) : g.int(3, 28);
  const primary = cats[0];
  let title: string;
  let organisation: string | null;
  let lead: string;
  if (kind === "senior-mediator") {
    title = i % 5 === 0 ? "首席调解员" : "资深调解员";
    organisation = "普陀区社会治理综合服务中心（示例）";
    lead = "曾任基层司法所调解员";
  } else if (kind === "expert") {
    title = g.pick(EXPERT_TITLES[primary] ?? ["行业调解专家"]);
    organisation = g.pick(EXPERT_ORGS[primary] ?? ["区行业协会（示例）"]);
    lead = `${title}`;
  } else {
    title = g.pick(["执业律师", "执业律师", "合伙人律师", "高级律师"]);
    organisation = `${g.pick(LAW_FIRMS)}（示例）`;
    lead = "律师调解工作室入驻律师";
  }
  const area = serviceArea(g, kind === "lawyer" ? 0.2 : kind === "senior-mediator" ? 0.6 : 0.45);
  return {
    kind,
    name,
    namePinyin: namePinyin(name),
    gender,
    title,
    organisation,
    licenceNo: kind === "lawyer" ? licence(g, i) : null,
    yearsOfExperience: years,
    bio: bio(g, years, cats, lead),
    ...skipRetiredRecordDraws(g, kind),
    categories: cats,
    // Maritime people and senior mediators most often speak the islands' dialect.
    languages: languages(g, kind === "senior-mediator" || primary === "maritime-fishery" ? 0.8 : 0.3),
    ...area,
  };
}

function committees(g: Gen, mediators: DemoMediator[]): DemoCommittee[] {
  return COMMITTEES.map((c, ci) => {
    const candidates = mediators
      .map((m, i) => ({ m, i }))
      .filter(({ m }) => m.kind !== "lawyer" && m.categories.some((cat) => c.categories.includes(cat)));
    const lawyers = mediators
      .map((m, i) => ({ m, i }))
      .filter(({ m }) => m.kind === "lawyer" && m.categories.some((cat) => c.categories.includes(cat)));
    const members = [...g.sample(candidates, 4), ...g.sample(lawyers, 2)].map((x) => x.i);
    // A committee always has members: fall back to senior mediators in turn.
    if (members.length < 3) members.push(ci % 10, (ci + 3) % 10);
    return {
      name: c.name,
      namePinyin: namePinyin(c.name, "organisation"),
      description: c.description,
      organisation: `${c.organisation}（示例）`,
      categories: c.categories,
      memberIndexes: [...new Set(members)],
    };
  });
}

/** The centre's pool, or with `scale` a pool of that many mediators in the same proportions. */
export function generatePool(opts: { scale?: number; seed?: number } = {}): DemoPool {
  const g = new Gen(prng(opts.seed ?? 20181231));
  const out: DemoMediator[] = [];
  if (!opts.scale) {
    SENIOR_AREAS.forEach((cats, i) => out.push(mediator(g, "senior-mediator", cats, i, true)));
    EXPERT_AREAS.forEach((cat, i) => {
      const extra = g.rnd() < 0.3 ? [g.pick(CATEGORIES).slug] : [];
      out.push(mediator(g, "expert", [...new Set([cat, ...extra])], i, true));
    });
    for (let i = 0; i < 43; i++) {
      const cats = [...new Set([LAWYER_AREAS[i % LAWYER_AREAS.length], g.pick(LAWYER_AREAS)])];
      out.push(mediator(g, "lawyer", cats, i, true));
    }
  } else {
    for (let i = 0; i < opts.scale; i++) {
      const r = g.rnd();
      const kind: MediatorKind = r < 0.1 ? "senior-mediator" : r < 0.45 ? "expert" : "lawyer";
      const cats = [...new Set([g.pick(CATEGORIES).slug, ...(g.rnd() < 0.5 ? [g.pick(CATEGORIES).slug] : [])])];
      out.push(mediator(g, kind, cats, i, false));
    }
  }
  return { mediators: out, committees: committees(g, out) };
}
