// Queries a party would type, each judged against the demo pool (db/demo-pool.ts, the seed's
// deterministic 89 mediators and 12 committees) by what a person at the centre would expect on the
// first page. Used by `npm run search:judge` (bench/judge.ts), which runs both engines over them.
//
// How the expectations were judged, so they are not tuned to either engine:
// - an everyday word for a dispute (欠薪, 渔船…): the committee for that kind of dispute, plus every
//   mediator whose own profile literally names the matter (their bio says 欠薪追讨), since they are
//   the closest answer; when the word is in no profile (讨薪, 医闹), the committee, and `only`: the
//   whole first page is people of that field (which of them is a tie the engines break by record);
// - a category's name, Chinese, traditional or English: the committee, and `only` that category;
// - a name, its pinyin or initials: that person first (`first`), and the committees they sit on;
// - a surname or one character: the people whose names hold it; a phrase in titles or organisations:
//   the people who have it. `notExpected` names hits that would be wrong on the first page (a
//   homophone surname, a title only half matched).
// Names, not ids: every name in the demo pool is unique, and the judge resolves them (an unknown or
// ambiguous name fails the run).

import type { CategorySlug } from "../../domain";

export type JudgedKind =
  | "dispute word"
  | "category"
  | "name"
  | "surname"
  | "pinyin"
  | "initials"
  | "pinyin typo"
  | "traditional"
  | "english"
  | "organisation"
  | "title"
  | "several words"
  | "sentence";

export interface JudgedQuery {
  q: string;
  kind: JudgedKind;
  /** Everyone who must be among the first 10 hits. */
  expected: string[];
  /** Who must be the first hit. */
  first?: string;
  /** Who must not be among the first 10 hits. */
  notExpected?: string[];
  /** Every hit of the first page is in one of these categories, and the page is as full as the pool allows. */
  only?: CategorySlug[];
  /** Why, when the rule above does not say it all. */
  note?: string;
}

// The committees, by the demo pool's names.
const C = {
  maritime: "海事渔事纠纷人民调解委员会",
  medical: "医疗纠纷人民调解委员会",
  labour: "劳动争议调解委员会",
  traffic: "交通事故纠纷人民调解委员会",
  property: "物业纠纷人民调解委员会",
  family: "婚姻家庭纠纷人民调解委员会",
  tourism: "旅游纠纷人民调解委员会",
  consumer: "消费纠纷人民调解委员会",
  environment: "环境污染纠纷人民调解委员会",
  construction: "建设工程纠纷人民调解委员会",
  migrants: "新居民维权调解委员会",
  injury: "人身损害赔偿纠纷人民调解委员会",
} as const;

// Profiles that literally name a matter (their bios), read off the demo pool.
const BIO = {
  unpaidWages: ["卢辉帅", "朱平", "余霞颖", "金杰"], // 欠薪追讨
  workInjury: ["翁俊", "高超涛", "赖强", "熊帆俊", "金杰"], // 工伤认定与赔偿
  socialInsurance: ["卢辉帅", "翁俊", "朱平", "傅凯", "余霞颖", "方宁健", "汤梅薇"], // 社保补缴
  migrantWorkers: ["赖强", "高明俊", "钱蓉静", "陆云"], // 外来务工人员维权
  doctorPatient: ["田强", "贺浩帅", "蔡斌宁", "吴萍", "余俊", "宋杰", "高超涛", "罗明帆", "王宇峰"], // 医患沟通
  boatCollision: ["马飞龙", "吕鹏", "孔强", "廖倩", "孙刚杰", "邵倩娜", "乔兰", "乐敏", "曹飞强"], // 渔船碰撞
  atSea: ["吕鹏", "蒋燕怡", "孔强", "韩萍", "罗明帆"], // 海上人身伤亡赔偿
  insurance: ["贺宇", "吴雪玲", "邓薇倩", "贾静丽", "钟伟刚", "赖洁", "夏勇俊"], // 保险理赔协商
  propertyFee: ["吕鹏", "梁萍薇", "孟鑫磊", "程岚倩", "顾娜芳", "汤梅薇", "金杰"], // 物业服务费争议
  divorce: ["许宇浩", "程欣波", "陆雪", "黄林刚", "谢雪", "秦玲", "柴婷", "冯萍倩"], // 离婚财产分割
  childCare: ["尹兰倩", "虞帅强", "陆雪", "乐敏", "沈娟晶", "何帅", "冯萍倩", "姜飞强"], // 子女抚养与探视
  noise: ["吴慧怡", "魏婷芳", "马飞龙", "傅凯", "傅海超", "金辉帆", "韩明勇", "程欣波", "乔兰"], // 噪音…
  renovation: ["王薇静", "秦平", "史瑶岚", "陆雪", "蔡浩", "钱蓉静", "赵燕静", "金雪"], // 装修质量争议
  projectPayment: ["王薇静", "秦平", "陆雪", "张慧静", "赵燕静", "何帅", "赖洁", "孔龙伟", "彭刚"], // 工程款结算
  guesthouse: ["宋杰", "吴雪玲", "程佳岚", "康玲琳", "周涛", "黄林刚", "熊帆俊", "邵杰斌"], // 景区与民宿服务纠纷
  touristInjury: ["魏婷芳", "程佳岚", "康玲琳", "周涛", "沈娟晶"], // 游客意外伤害
  onlineShopping: ["谭华宁", "高浩飞", "乔磊", "常浩辉", "方宁健", "秦玲", "郑宁欣"], // 网购维权
  prepaidCard: ["谭华宁", "康玲琳", "常浩辉", "郑宁欣"], // 预付卡消费纠纷
  homestead: ["许宇浩", "尹兰倩", "魏婷芳", "马飞龙", "乔兰"], // 宅基地与相邻通行
  neighbourhood: ["许宇浩", "吴慧怡", "尹兰倩", "魏婷芳", "马飞龙", "傅凯", "乔兰"], // every 邻里纠纷 profile
} as const;

// "The committee, and a first page of that field only."
const field = (committee: string, ...only: CategorySlug[]) => ({ expected: [committee], only });
const labour = field(C.labour, "labour");
const medical = field(C.medical, "medical");
const maritime = field(C.maritime, "maritime-fishery");
const traffic = field(C.traffic, "traffic-accident");
const environment = field(C.environment, "environment");

export const JUDGED_QUERIES: JudgedQuery[] = [
  // Everyday words for the dispute (the synonyms' job when the word is in no profile).
  { q: "欠薪", kind: "dispute word", expected: [C.labour, ...BIO.unpaidWages] },
  { q: "讨薪", kind: "dispute word", ...labour, note: "in no profile" },
  { q: "工伤", kind: "dispute word", expected: [C.labour, ...BIO.workInjury] },
  { q: "社保", kind: "dispute word", expected: [C.labour, ...BIO.socialInsurance] },
  { q: "辞退", kind: "dispute word", ...labour },
  { q: "加班费", kind: "dispute word", ...labour },
  { q: "外来务工", kind: "dispute word", expected: [C.migrants, ...BIO.migrantWorkers] },
  { q: "打工", kind: "dispute word", expected: [C.migrants, C.labour], only: ["migrant-workers", "labour"] },
  { q: "医闹", kind: "dispute word", ...medical },
  { q: "医院", kind: "dispute word", expected: [C.medical, "蔡斌宁", "吴萍"], note: "蔡斌宁 and 吴萍 work at 普陀区人民医院" },
  { q: "误诊", kind: "dispute word", ...medical },
  { q: "看病", kind: "dispute word", ...medical },
  { q: "医患", kind: "dispute word", expected: [C.medical, ...BIO.doctorPatient] },
  { q: "渔船", kind: "dispute word", expected: [C.maritime, ...BIO.boatCollision] },
  { q: "船", kind: "dispute word", ...maritime },
  { q: "碰撞", kind: "dispute word", expected: [C.maritime, ...BIO.boatCollision] },
  { q: "渔民", kind: "dispute word", ...maritime },
  { q: "海上", kind: "dispute word", expected: [C.maritime, ...BIO.atSea] },
  { q: "车祸", kind: "dispute word", ...traffic },
  { q: "撞车", kind: "dispute word", ...traffic },
  { q: "保险", kind: "dispute word", expected: [C.traffic, ...BIO.insurance] },
  { q: "物业", kind: "dispute word", ...field(C.property, "property-management") },
  { q: "物业费", kind: "dispute word", expected: [C.property, ...BIO.propertyFee] },
  {
    q: "漏水",
    kind: "dispute word",
    ...field(C.property, "property-management", "neighbourhood"),
    note: "in more profiles than a page holds: houses and neighbours",
  },
  { q: "离婚", kind: "dispute word", expected: [C.family, ...BIO.divorce] },
  { q: "抚养", kind: "dispute word", expected: [C.family, ...BIO.childCare] },
  { q: "遗产", kind: "dispute word", ...field(C.family, "marriage-family") },
  { q: "污染", kind: "dispute word", ...environment },
  { q: "噪音", kind: "dispute word", expected: [C.environment, ...BIO.noise] },
  {
    q: "邻居",
    kind: "dispute word",
    expected: [...BIO.neighbourhood],
    only: ["neighbourhood"],
    note: "no committee: every neighbourhood mediator",
  },
  { q: "借钱", kind: "dispute word", expected: [], only: ["contract-debt"], note: "no committee for debts" },
  { q: "装修", kind: "dispute word", expected: [C.construction, ...BIO.renovation] },
  { q: "工程款", kind: "dispute word", expected: [C.construction, ...BIO.projectPayment] },
  { q: "民宿", kind: "dispute word", expected: [C.tourism, ...BIO.guesthouse] },
  { q: "游客", kind: "dispute word", expected: [C.tourism, ...BIO.touristInjury] },
  { q: "退货", kind: "dispute word", ...field(C.consumer, "consumer") },
  {
    q: "网购",
    kind: "dispute word",
    expected: [C.consumer, ...BIO.onlineShopping],
    note: "the consumer committee though no profile of it says 网购",
  },
  { q: "预付卡", kind: "dispute word", expected: [C.consumer, ...BIO.prepaidCard] },
  { q: "受伤", kind: "dispute word", ...field(C.injury, "personal-injury") },
  { q: "宅基地", kind: "dispute word", expected: [...BIO.homestead] },

  // The categories' names.
  { q: "医疗纠纷", kind: "category", ...medical },
  { q: "劳动争议", kind: "category", ...labour },
  { q: "海事渔事纠纷", kind: "category", ...maritime },
  { q: "婚姻家庭", kind: "category", ...field(C.family, "marriage-family") },
  { q: "人身损害赔偿", kind: "category", expected: [C.injury, C.traffic], only: ["personal-injury"] },
  { q: "环境污染", kind: "category", ...environment },
  { q: "建设工程", kind: "category", ...field(C.construction, "construction") },
  { q: "新居民维权", kind: "category", expected: [C.migrants, C.labour], only: ["migrant-workers"] },
  { q: "旅游纠纷", kind: "category", ...field(C.tourism, "tourism") },
  { q: "交通事故", kind: "category", ...traffic },

  // Names.
  { q: "龙旭", kind: "name", first: "龙旭", expected: ["龙旭", C.maritime, C.traffic, C.injury] },
  { q: "许宇浩", kind: "name", first: "许宇浩", expected: ["许宇浩", C.family] },
  { q: "田强", kind: "name", first: "田强", expected: ["田强", C.injury] },
  { q: "马飞龙", kind: "name", first: "马飞龙", expected: ["马飞龙"] },
  { q: "王宇峰", kind: "name", first: "王宇峰", expected: ["王宇峰", C.medical] },
  { q: "贺宇", kind: "name", first: "贺宇", expected: ["贺宇", C.traffic] },
  { q: "金杰", kind: "name", first: "金杰", expected: ["金杰", C.migrants] },
  { q: "乔兰", kind: "name", first: "乔兰", expected: ["乔兰", C.maritime] },
  { q: "吴萍", kind: "name", first: "吴萍", expected: ["吴萍"] },
  { q: "王", kind: "surname", expected: ["王薇静", "王宇峰"] },
  { q: "乔", kind: "surname", expected: ["乔兰", "乔磊"] },
  { q: "龙", kind: "surname", first: "龙旭", expected: ["龙旭", "孔龙伟", "马飞龙"], note: "everyone whose name holds 龙" },
  {
    q: "陈",
    kind: "surname",
    expected: [],
    notExpected: ["程岚倩", "程欣波", "程佳岚"],
    note: "nobody in the pool is a 陈: 程 (cheng) is another surname",
  },

  // Pinyin, initials, a typo in pinyin.
  { q: "longxu", kind: "pinyin", first: "龙旭", expected: ["龙旭"] },
  { q: "tianqiang", kind: "pinyin", first: "田强", expected: ["田强"] },
  { q: "mafeilong", kind: "pinyin", first: "马飞龙", expected: ["马飞龙"] },
  { q: "wang yu feng", kind: "pinyin", first: "王宇峰", expected: ["王宇峰"] },
  { q: "heyu", kind: "pinyin", first: "贺宇", expected: ["贺宇"] },
  { q: "jinjie", kind: "pinyin", first: "金杰", expected: ["金杰"] },
  { q: "lu xue", kind: "pinyin", first: "陆雪", expected: ["陆雪"] },
  { q: "xuyuh", kind: "pinyin", first: "许宇浩", expected: ["许宇浩"], note: "typed so far" },
  { q: "mfl", kind: "initials", first: "马飞龙", expected: ["马飞龙"] },
  { q: "lx", kind: "initials", expected: ["龙旭", "陆雪"] },
  { q: "wyf", kind: "initials", first: "王宇峰", expected: ["王宇峰"] },
  { q: "jj", kind: "initials", first: "金杰", expected: ["金杰"], note: "exact initials before 贾静丽 (jjl)" },
  { q: "tianqaing", kind: "pinyin typo", first: "田强", expected: ["田强"] },
  { q: "mafeilogn", kind: "pinyin typo", first: "马飞龙", expected: ["马飞龙"] },

  // Traditional characters (parties from Hong Kong, Taiwan, or a phone set to them).
  { q: "龍旭", kind: "traditional", first: "龙旭", expected: ["龙旭"] },
  { q: "馬飛龍", kind: "traditional", first: "马飞龙", expected: ["马飞龙"] },
  { q: "許宇浩", kind: "traditional", first: "许宇浩", expected: ["许宇浩"] },
  { q: "醫療", kind: "traditional", ...medical },
  { q: "勞動", kind: "traditional", ...labour },
  { q: "離婚", kind: "traditional", expected: [C.family, ...BIO.divorce] },
  { q: "漁船", kind: "traditional", expected: [C.maritime, ...BIO.boatCollision] },
  { q: "環境污染", kind: "traditional", ...environment },
  { q: "車禍", kind: "traditional", ...traffic, note: "a synonym key, written traditionally" },

  // English (the category names are indexed in English too).
  { q: "labour", kind: "english", ...labour },
  { q: "medical", kind: "english", ...medical },
  { q: "fishery", kind: "english", ...maritime },
  { q: "traffic accident", kind: "english", ...traffic },
  { q: "pollution", kind: "english", ...environment },
  { q: "tourism", kind: "english", ...field(C.tourism, "tourism") },
  { q: "divorce", kind: "english", ...field(C.family, "marriage-family"), note: "an everyday English word in no profile" },

  // Organisations and titles.
  {
    q: "观音山律师事务所",
    kind: "organisation",
    expected: ["周涛", "宋霞梅", "乐敏", "黄林刚", "钟伟刚", "顾娜芳", "王宇峰"],
  },
  { q: "总工会", kind: "organisation", expected: ["朱平", "高超涛"] },
  { q: "人民医院", kind: "organisation", expected: ["蔡斌宁", "吴萍"] },
  { q: "医学会", kind: "organisation", expected: ["贺浩帅", "余俊", "宋杰"] },
  { q: "妇联", kind: "organisation", expected: [C.family] },
  {
    q: "高级工程师",
    kind: "title",
    expected: ["秦平", "史瑶岚", "傅海超"],
    notExpected: ["张慧静", "钱蓉静", "赖洁"],
    note: "the three 高级工程师, not 高级律师 who handle 工程款 or 施工 matters",
  },
  { q: "首席调解员", kind: "title", expected: ["许宇浩", "谭华宁"] },

  // Several words, and sentences as people type them.
  { q: "离婚 律师", kind: "several words", expected: ["陆雪", "黄林刚", "谢雪", "秦玲", "柴婷", "冯萍倩"] },
  { q: "医疗 律师", kind: "several words", expected: ["宋霞梅", "常浩辉", "高明俊", "柴婷", "孔龙伟", "顾娜芳", "罗明帆", "王宇峰"] },
  { q: "六横 渔船", kind: "several words", expected: [C.maritime, "龙旭"] },
  { q: "工伤 赔偿", kind: "several words", expected: [...BIO.workInjury] },
  { q: "找个离婚律师", kind: "sentence", expected: ["陆雪", "黄林刚", "谢雪", "秦玲", "柴婷", "冯萍倩"] },
  { q: "渔船碰撞怎么办", kind: "sentence", expected: [C.maritime, ...BIO.boatCollision] },
  { q: "老板拖欠工资", kind: "sentence", expected: [C.labour, ...BIO.unpaidWages] },

  // Added with ADR 020 (judged by the same rule, before either engine ran them): the cases its changes
  // are about, in other words, so the set does not only hold the queries they were made on.
  { q: "工资", kind: "dispute word", ...labour, note: "in no profile" },
  { q: "拖欠工资", kind: "dispute word", expected: [C.labour, ...BIO.unpaidWages], note: "the same matter as 欠薪" },
  { q: "醫院", kind: "traditional", expected: [C.medical, "蔡斌宁", "吴萍"] },
  { q: "物業費", kind: "traditional", expected: [C.property, ...BIO.propertyFee] },
  { q: "龍", kind: "traditional", first: "龙旭", expected: ["龙旭", "孔龙伟", "马飞龙"], note: "one character, as 龙" },
  {
    q: "陳",
    kind: "traditional",
    expected: [],
    notExpected: ["程岚倩", "程欣波", "程佳岚"],
    note: "as 陈: nobody in the pool is a 陈",
  },
  { q: "找個離婚律師", kind: "sentence", expected: ["陆雪", "黄林刚", "谢雪", "秦玲", "柴婷", "冯萍倩"] },
  { q: "我要找渔船碰撞的律师", kind: "sentence", expected: ["乐敏", "曹飞强"], note: "the lawyers whose profile names 渔船碰撞" },
  { q: "请问工伤怎么赔偿", kind: "sentence", expected: [...BIO.workInjury] },
];
