// The fixture pool of the engine contract: hand-written mediators and committees (all invented), turned
// into documents by the real mapping (search/document.ts), so the contract tests what is really indexed.
// Chosen so each behaviour has something to find and something to miss:
// - 张伟 / 张伟明 / 章薇 / 赵薇 / 张文: one name inside another, the same pinyin (zhang wei) written
//   with other characters, the same initials (zw), and a one-letter pinyin neighbour (zhangwen);
// - 张伟 has 45 agreements of 50 cases and 章薇 1 of 1 (sort by success must prefer 45/50); 张伟明
//   has a better record than 张伟, so "张伟" must rank 张伟 first by relevance, not by record;
// - one English bio ("Mediation …") for Latin typos, one phrase found in a single bio (保险理赔),
//   nobody whose text contains 医闹 (found only through synonyms);
// - committees whose members are fixture mediators (a member's name finds the committee);
// - one record carrying fields the mapping does not copy (PRIVATE_RECORD_FIELDS): never searchable.
import { type CategorySlug, type LanguageSlug, type MediatorKind, type ModeSlug, type TownSlug } from "../../domain";
import { namePinyin } from "../../domain/pinyin";
import { successScore } from "../../domain/score";
import { committeeToDocument, mediatorToDocument, type CommitteeRecord, type MediatorRecord } from "../../search/document";
import type { SearchDocument } from "../../search/types";

/** 09:00 in Shanghai on a fixed Monday; availability is expressed in hours after it. */
const T0 = Date.UTC(2030, 0, 7, 1, 0, 0);
const at = (hours: number) => T0 + hours * 3_600_000;

interface Spec {
  title: string;
  organisation?: string | null;
  bio: string;
  categories: CategorySlug[];
  towns: TownSlug[];
  modes: ModeSlug[];
  languages: LanguageSlug[];
  /** [mediated cases, agreements] (the engines are under test here, not the score: Wilson's stands in) */
  record: [number, number];
  next: number | null;
  years?: number;
}

function mediator(id: number, kind: MediatorKind, name: string, s: Spec): MediatorRecord {
  return {
    id,
    kind,
    name,
    namePinyin: namePinyin(name),
    title: s.title,
    organisation: s.organisation ?? null,
    bio: s.bio,
    yearsOfExperience: s.years ?? 10,
    record: { closed: s.record[0], mediated: s.record[0], agreements: s.record[1], score: successScore(s.record[0], s.record[1]) },
    categories: s.categories,
    towns: s.towns,
    modes: s.modes,
    languages: s.languages,
    nextAvailableAt: s.next,
  };
}

/** Fields a record may carry that the mapping never copies (contact data, internal notes). */
export const PRIVATE_RECORD_FIELDS = { phone: "13800138000", internalNote: "内部备注青龙白虎" } as const;
/** The mediator whose record carries PRIVATE_RECORD_FIELDS. */
export const PRIVATE_RECORD_ID = 33;

export const MEDIATOR_RECORDS: MediatorRecord[] = [
  mediator(1, "expert", "张伟", {
    title: "主任医师",
    organisation: "普陀区人民医院（示例）",
    bio: "从事医疗纠纷调解工作十五年，熟悉医患沟通与医疗损害鉴定。",
    categories: ["medical"],
    towns: ["shenjiamen"],
    modes: ["centre", "online"],
    languages: ["mandarin"],
    record: [50, 45],
    next: at(48),
    years: 15,
  }),
  mediator(2, "lawyer", "张伟明", {
    title: "律师",
    organisation: "海帆律师事务所（示例）",
    bio: "擅长处理欠薪、工伤赔偿等劳动争议案件。",
    categories: ["labour"],
    towns: ["donggang"],
    modes: ["centre"],
    languages: ["mandarin"],
    record: [200, 190],
    next: at(24),
  }),
  mediator(3, "senior-mediator", "章薇", {
    title: "资深调解员",
    organisation: "沈家门渔业协会（示例）",
    bio: "长期参与渔船碰撞和海上作业纠纷的调解，能用舟山话与渔民沟通。",
    categories: ["maritime-fishery"],
    towns: ["liuheng", "xiazhi"],
    modes: ["onsite", "online"],
    languages: ["mandarin", "zhoushan-dialect"],
    record: [1, 1],
    next: null,
  }),
  mediator(4, "expert", "赵薇", {
    title: "环境工程师",
    organisation: "舟山环境监测站（示例）",
    bio: "参与环境污染损害评估，处理养殖场排污引发的纠纷。",
    categories: ["environment"],
    towns: ["zhanmao"],
    modes: ["onsite"],
    languages: ["mandarin"],
    record: [12, 9],
    next: at(5),
  }),
  mediator(5, "expert", "王芳", {
    title: "交通事故鉴定专家",
    organisation: "普陀交通安全协会（示例）",
    bio: "熟悉交通事故责任认定与保险理赔流程。",
    categories: ["traffic-accident"],
    towns: ["shenjiamen", "donggang"],
    modes: ["centre", "online"],
    languages: ["mandarin"],
    record: [30, 24],
    next: at(2),
  }),
  mediator(6, "lawyer", "李娜", {
    title: "律师",
    organisation: "明正律师事务所（示例）",
    bio: "代理医患纠纷和民间借贷案件，注重调解结案。",
    categories: ["medical", "contract-debt"],
    towns: ["donggang"],
    modes: ["centre", "online"],
    languages: ["mandarin"],
    record: [40, 30],
    next: at(30),
  }),
  mediator(7, "senior-mediator", "陈海", {
    title: "资深调解员",
    organisation: null,
    bio: "退休船长，熟悉渔港作业与船舶管理。",
    categories: ["maritime-fishery"],
    towns: ["dongji"],
    modes: ["onsite"],
    languages: ["zhoushan-dialect"],
    record: [25, 20],
    next: at(72),
  }),
  mediator(8, "lawyer", "刘强", {
    title: "律师",
    organisation: "东港律师事务所（示例）",
    bio: "代理劳动仲裁案件，熟悉社保与加班费争议。",
    categories: ["labour"],
    towns: ["donggang", "goushan"],
    modes: ["centre"],
    languages: ["mandarin"],
    record: [18, 12],
    next: null,
  }),
  mediator(9, "lawyer", "张文", {
    title: "律师",
    organisation: "和谐律师事务所（示例）",
    bio: "处理物业服务合同和房屋渗漏纠纷。",
    categories: ["property-management"],
    towns: ["shenjiamen"],
    modes: ["centre", "online"],
    languages: ["mandarin"],
    record: [15, 10],
    next: at(10),
  }),
  mediator(10, "expert", "杨洋", {
    title: "高级工程师",
    organisation: "普陀建设集团（示例）",
    bio: "熟悉建设工程质量鉴定与工程款结算。",
    categories: ["construction"],
    towns: ["zhujiajian"],
    modes: ["onsite"],
    languages: ["mandarin"],
    record: [9, 6],
    next: at(96),
  }),
  mediator(11, "lawyer", "黄丽", {
    title: "律师",
    organisation: "海帆律师事务所（示例）",
    bio: "专注离婚、抚养与遗产继承纠纷。",
    categories: ["marriage-family"],
    towns: ["goushan"],
    modes: ["centre", "online"],
    languages: ["mandarin"],
    record: [35, 28],
    next: at(12),
  }),
  mediator(12, "senior-mediator", "周杰", {
    title: "人民调解员",
    organisation: "勾山街道人民调解委员会（示例）",
    bio: "调解邻里之间的噪音、通道和漏水问题。",
    categories: ["neighbourhood"],
    towns: ["goushan"],
    modes: ["onsite"],
    languages: ["mandarin", "zhoushan-dialect"],
    record: [60, 51],
    next: at(3),
  }),
  mediator(13, "expert", "吴敏", {
    title: "消费维权专家",
    organisation: "普陀消费者协会（示例）",
    bio: "处理网购退货和预付卡消费争议。",
    categories: ["consumer"],
    towns: ["shenjiamen"],
    modes: ["online"],
    languages: ["mandarin"],
    record: [22, 18],
    next: at(20),
  }),
  mediator(14, "lawyer", "徐静", {
    title: "律师",
    organisation: "明正律师事务所（示例）",
    bio: "代理民宿与游客之间的旅游合同纠纷。",
    categories: ["tourism"],
    towns: ["putuoshan", "zhujiajian"],
    modes: ["online"],
    languages: ["mandarin", "english"],
    record: [8, 5],
    next: at(40),
  }),
  mediator(15, "expert", "孙磊", {
    title: "法医",
    organisation: "舟山司法鉴定中心（示例）",
    bio: "从事人身损害伤残等级鉴定。",
    categories: ["personal-injury"],
    towns: ["shenjiamen"],
    modes: ["centre"],
    languages: ["mandarin"],
    record: [14, 9],
    next: null,
  }),
  mediator(16, "lawyer", "马超", {
    title: "律师",
    organisation: "东港律师事务所（示例）",
    bio: "代理合同违约与民间借贷纠纷。",
    categories: ["contract-debt"],
    towns: ["donggang"],
    modes: ["centre", "online"],
    languages: ["mandarin"],
    record: [27, 19],
    next: at(6),
  }),
  mediator(17, "expert", "朱琳", {
    title: "社会工作者",
    organisation: "新居民服务中心（示例）",
    bio: "为外来务工人员提供讨薪与维权帮助。",
    categories: ["migrant-workers", "labour"],
    towns: ["liuheng"],
    modes: ["onsite", "online"],
    languages: ["mandarin"],
    record: [11, 8],
    next: at(50),
  }),
  mediator(18, "senior-mediator", "胡军", {
    title: "资深调解员",
    organisation: "交警大队调解室（示例）",
    bio: "现场处理交通事故赔偿协商。",
    categories: ["traffic-accident"],
    towns: ["zhanmao", "shenjiamen"],
    modes: ["centre", "onsite"],
    languages: ["mandarin", "zhoushan-dialect"],
    record: [80, 70],
    next: at(1),
  }),
  mediator(19, "lawyer", "郭涛", {
    title: "海商律师",
    organisation: "东海海事律师事务所（示例）",
    bio: "Mediation of ship collisions involving foreign crew; 熟悉涉外海事案件。",
    categories: ["maritime-fishery"],
    towns: ["shenjiamen"],
    modes: ["online"],
    languages: ["english", "mandarin"],
    record: [16, 12],
    next: at(60),
  }),
  mediator(20, "expert", "何平", {
    title: "环保专家",
    organisation: "普陀环境保护协会（示例）",
    bio: "评估工地扬尘与废水排放的影响。",
    categories: ["environment"],
    towns: ["taohua"],
    modes: ["onsite"],
    languages: ["mandarin"],
    record: [6, 4],
    next: null,
  }),
  mediator(21, "lawyer", "林晓东", {
    title: "律师",
    organisation: "和谐律师事务所（示例）",
    bio: "处理物业费收缴与业主委员会纠纷。",
    categories: ["property-management"],
    towns: ["donggang"],
    modes: ["centre"],
    languages: ["mandarin"],
    record: [19, 13],
    next: at(15),
  }),
  mediator(22, "senior-mediator", "罗秀英", {
    title: "人民调解员",
    organisation: "沈家门街道人民调解委员会（示例）",
    bio: "调解家庭矛盾与邻里争吵三十年。",
    categories: ["marriage-family", "neighbourhood"],
    towns: ["shenjiamen"],
    modes: ["centre", "onsite"],
    languages: ["zhoushan-dialect"],
    record: [120, 110],
    next: at(26),
    years: 30,
  }),
  mediator(23, "expert", "郑建国", {
    title: "造价工程师",
    organisation: "普陀建设集团（示例）",
    bio: "核算装修和工程造价争议。",
    categories: ["construction"],
    towns: ["zhujiajian", "liuheng"],
    modes: ["onsite", "online"],
    languages: ["mandarin"],
    record: [13, 10],
    next: at(8),
  }),
  mediator(24, "lawyer", "梁鹏", {
    title: "律师",
    organisation: "明正律师事务所（示例）",
    bio: "代理医疗损害责任纠纷。",
    categories: ["medical"],
    towns: ["shenjiamen"],
    modes: ["centre"],
    languages: ["mandarin"],
    record: [21, 14],
    next: at(36),
  }),
  mediator(25, "expert", "谢丹", {
    title: "导游协会顾问",
    organisation: "普陀山旅游协会（示例）",
    bio: "协调景区游客投诉。",
    categories: ["tourism"],
    towns: ["putuoshan"],
    modes: ["onsite"],
    languages: ["mandarin", "english"],
    record: [17, 15],
    next: at(4),
  }),
  mediator(26, "lawyer", "宋宇", {
    title: "律师",
    organisation: "东港律师事务所（示例）",
    bio: "处理消费欺诈与产品质量争议。",
    categories: ["consumer"],
    towns: ["donggang"],
    modes: ["online"],
    languages: ["mandarin"],
    record: [10, 6],
    next: null,
  }),
  mediator(27, "expert", "唐慧", {
    title: "康复科医生",
    organisation: "六横镇卫生院（示例）",
    bio: "评估受伤后的护理与误工损失。",
    categories: ["personal-injury"],
    towns: ["liuheng"],
    modes: ["onsite", "centre"],
    languages: ["mandarin"],
    record: [9, 7],
    next: at(18),
  }),
  mediator(28, "lawyer", "许晨", {
    title: "律师",
    organisation: "海帆律师事务所（示例）",
    bio: "擅长辞退补偿与劳动合同争议。",
    categories: ["labour"],
    towns: ["shenjiamen"],
    modes: ["centre", "online"],
    languages: ["mandarin"],
    record: [24, 17],
    next: at(22),
  }),
  mediator(29, "senior-mediator", "韩雪", {
    title: "资深调解员",
    organisation: "普陀区人民医院（示例）",
    bio: "曾任医务科科长，调解医患矛盾。",
    categories: ["medical"],
    towns: ["donggang"],
    modes: ["centre"],
    languages: ["mandarin"],
    record: [45, 40],
    next: at(14),
  }),
  mediator(30, "lawyer", "曾凯", {
    title: "律师",
    organisation: "和谐律师事务所（示例）",
    bio: "代理借款合同和担保纠纷。",
    categories: ["contract-debt"],
    towns: ["goushan"],
    modes: ["online"],
    languages: ["mandarin"],
    record: [12, 8],
    next: at(44),
  }),
  mediator(31, "expert", "欧阳倩", {
    title: "海洋环境研究员",
    organisation: "舟山海洋研究所（示例）",
    bio: "研究近海养殖污染与赔偿标准。",
    categories: ["environment"],
    towns: ["xiazhi"],
    modes: ["online"],
    languages: ["mandarin", "english"],
    record: [5, 4],
    next: at(100),
  }),
  mediator(32, "lawyer", "钱多多", {
    title: "律师",
    organisation: "明正律师事务所（示例）",
    bio: "处理商品房买卖与消费纠纷。",
    categories: ["consumer"],
    towns: ["zhanmao"],
    modes: ["centre"],
    languages: ["mandarin"],
    record: [7, 3],
    next: at(9),
  }),
  {
    ...mediator(PRIVATE_RECORD_ID, "expert", "冯婷", {
      title: "心理咨询师",
      organisation: "普陀心理援助中心（示例）",
      bio: "为婚姻家庭纠纷当事人提供情绪疏导。",
      categories: ["marriage-family"],
      towns: ["taohua"],
      modes: ["online"],
      languages: ["mandarin"],
      record: [10, 9],
      next: at(7),
    }),
    ...PRIVATE_RECORD_FIELDS,
  } as MediatorRecord,
  mediator(34, "lawyer", "邓斌", {
    title: "律师",
    organisation: "东港律师事务所（示例）",
    bio: "新近入驻，代理交通事故赔偿。",
    categories: ["traffic-accident"],
    towns: ["donggang"],
    modes: ["centre"],
    languages: ["mandarin"],
    record: [0, 0],
    next: null,
  }),
  mediator(35, "expert", "曹颖", {
    title: "社区规划师",
    organisation: null,
    bio: "帮助小区居民协商公共空间使用。",
    categories: ["neighbourhood"],
    towns: ["dongji"],
    modes: ["onsite"],
    languages: ["english"],
    // No agreement in four: the same score as 邓斌's empty record, so success sorting has a tie to break.
    record: [4, 0],
    next: at(11),
  }),
  mediator(36, "senior-mediator", "彭亮", {
    title: "资深调解员",
    organisation: "六横镇新居民服务站（示例）",
    bio: "帮助新居民解决子女入学和租房问题。",
    categories: ["migrant-workers"],
    towns: ["liuheng", "taohua"],
    modes: ["onsite", "online"],
    languages: ["mandarin", "zhoushan-dialect"],
    record: [33, 29],
    next: at(28),
  }),
  // Found by its name typed in traditional characters (龍旭), issue 11.
  mediator(37, "senior-mediator", "龙旭", {
    title: "资深调解员",
    organisation: "东极镇人民调解委员会（示例）",
    bio: "老渔民出身，调解渔船碰撞与渔网损坏赔偿。",
    categories: ["maritime-fishery"],
    towns: ["dongji"],
    modes: ["onsite", "online"],
    languages: ["zhoushan-dialect"],
    record: [12, 10],
    next: at(30),
  }),
];

const byId = (id: number) => MEDIATOR_RECORDS.find((m) => m.id === id)!;

function committee(id: number, name: string, categories: CategorySlug[], description: string, memberIds: number[]): CommitteeRecord {
  return {
    id,
    name,
    namePinyin: namePinyin(name),
    description,
    organisation: "普陀区社会治理综合服务中心（示例）",
    categories,
    // As the index had it before committees had records of their own: the sum of the members'.
    record: (() => {
      const members = memberIds.map(byId);
      const closed = members.reduce((n, m) => n + m.record.closed, 0);
      const agreements = members.reduce((n, m) => n + m.record.agreements, 0);
      return { closed, mediated: closed, agreements, score: successScore(closed, agreements) };
    })(),
    members: memberIds.map(byId),
  };
}

export const COMMITTEE_RECORDS: CommitteeRecord[] = [
  committee(1, "医疗纠纷人民调解委员会", ["medical"], "受理医患之间的赔偿争议，由委员会指派调解员。", [1, 6, 29]),
  committee(2, "海事渔事纠纷调解委员会", ["maritime-fishery"], "受理渔船碰撞、船员劳务等海上纠纷。", [3, 7, 19]),
  committee(3, "劳动争议调解委员会", ["labour"], "受理工资报酬与劳动合同方面的争议。", [2, 8, 28]),
  committee(4, "交通事故纠纷调解委员会", ["traffic-accident"], "受理道路交通事故损害赔偿。", [5, 18, 34]),
];

export function fixtureDocuments(): SearchDocument[] {
  return [...MEDIATOR_RECORDS.map(mediatorToDocument), ...COMMITTEE_RECORDS.map(committeeToDocument)];
}
