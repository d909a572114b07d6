// The people of the demo's 3+X joint panels (issue 9, ADR 027) who are not in the public pool: judges
// of the district court, legal-aid lawyers, and one representative of the department concerned by
// each category, with their own weekly hours. Pure data; db/seed.ts inserts them (listed = false),
// gives each a panel role, and gives two pool senior mediators the chief-mediator role.
import { CATEGORIES, type CategorySlug } from "../domain";
import type { PanelRole } from "../domain/panel";

export interface DemoPanelPerson {
  name: string;
  namePinyin: string;
  title: string;
  organisation: string;
  role: PanelRole;
  category: CategorySlug | null;
  /** Also a judge of the pre-litigation team, who guides its fast-track cases (ADR 035). */
  guidesPreLitigation?: boolean;
  /** Weekly hours at the centre (and online for those who join from their office). */
  weekly: { weekday: number; start: string; end: string; modes: ("centre" | "online")[]; towns: [] }[];
}

/** The departments that sit on a panel for each category (the "X" of 3+X). */
const DEPARTMENTS: Record<CategorySlug, { organisation: string; name: string; pinyin: string }> = {
  medical: { organisation: "普陀区卫生健康局", name: "陈立华", pinyin: "chen li hua" },
  labour: { organisation: "普陀区人力资源和社会保障局", name: "周海明", pinyin: "zhou hai ming" },
  "maritime-fishery": { organisation: "普陀区海洋与渔业局", name: "林国栋", pinyin: "lin guo dong" },
  "traffic-accident": { organisation: "舟山市公安局普陀区分局交警大队", name: "吴建平", pinyin: "wu jian ping" },
  "property-management": { organisation: "普陀区住房和城乡建设局", name: "徐美芳", pinyin: "xu mei fang" },
  "personal-injury": { organisation: "普陀区司法局", name: "郑晓东", pinyin: "zheng xiao dong" },
  environment: { organisation: "舟山市生态环境局普陀分局", name: "孙丽娟", pinyin: "sun li juan" },
  "marriage-family": { organisation: "普陀区妇女联合会", name: "何秀英", pinyin: "he xiu ying" },
  neighbourhood: { organisation: "沈家门街道办事处", name: "胡志强", pinyin: "hu zhi qiang" },
  consumer: { organisation: "普陀区市场监督管理局", name: "冯雪梅", pinyin: "feng xue mei" },
  tourism: { organisation: "普陀区文化和广电旅游体育局", name: "蒋文斌", pinyin: "jiang wen bin" },
  construction: { organisation: "普陀区住房和城乡建设局建筑业管理处", name: "沈卫东", pinyin: "shen wei dong" },
  "contract-debt": { organisation: "普陀区商务局", name: "韩玉兰", pinyin: "han yu lan" },
  "migrant-workers": { organisation: "普陀区新居民服务管理局", name: "杨春生", pinyin: "yang chun sheng" },
};

const hours = (days: number[], start: string, end: string, modes: ("centre" | "online")[] = ["centre", "online"]) =>
  days.map((weekday) => ({ weekday, start, end, modes, towns: [] as [] }));

export function demoPanelPeople(): DemoPanelPerson[] {
  const people: DemoPanelPerson[] = [
    {
      name: "王振国",
      namePinyin: "wang zhen guo",
      title: "普陀区人民法院 员额法官",
      organisation: "舟山市普陀区人民法院",
      role: "judge",
      category: null,
      guidesPreLitigation: true,
      // The court sits in the mornings: the judge comes to the centre on weekday afternoons.
      weekly: hours([1, 2, 3, 4, 5], "14:00", "17:30"),
    },
    {
      name: "李静怡",
      namePinyin: "li jing yi",
      title: "普陀区人民法院 诉前调解法官",
      organisation: "舟山市普陀区人民法院",
      role: "judge",
      category: null,
      guidesPreLitigation: true,
      weekly: [...hours([2, 4], "09:00", "12:00"), ...hours([1, 3, 5], "14:00", "17:30")],
    },
    {
      name: "赵明远",
      namePinyin: "zhao ming yuan",
      title: "法律援助律师",
      organisation: "普陀区法律援助中心",
      role: "legal-aid-lawyer",
      category: null,
      weekly: [...hours([1, 2, 3, 4, 5], "09:00", "12:00"), ...hours([2, 4], "14:00", "17:30")],
    },
    {
      name: "钱佳琪",
      namePinyin: "qian jia qi",
      title: "法律援助律师",
      organisation: "普陀区法律援助中心",
      role: "legal-aid-lawyer",
      category: null,
      weekly: hours([1, 3, 5], "09:00", "17:00"),
    },
  ];
  CATEGORIES.forEach((c, i) => {
    const d = DEPARTMENTS[c.slug];
    people.push({
      name: d.name,
      namePinyin: d.pinyin,
      title: `${c.zh}主管部门代表`,
      organisation: d.organisation,
      role: "department",
      category: c.slug,
      // Department offices: two or three afternoons a week, and one morning.
      weekly: [...hours([1 + (i % 5), 1 + ((i + 2) % 5)], "14:00", "17:30"), ...hours([1 + ((i + 4) % 5)], "09:00", "12:00")],
    });
  });
  return people;
}

/** Which pool senior mediators (by their index among the pool's senior mediators) also chair panels. */
export const CHIEF_MEDIATOR_RANKS = [1, 2];

/**
 * The pre-litigation team's mediators (ADR 035): pool senior mediators by rank among the seniors, and
 * pool lawyers by rank among the lawyers. Not rank 0 of the seniors: that is the demo mediator account,
 * whose requests the end-to-end specs count.
 */
export const PRE_LITIGATION_TEAM = { seniorRanks: [3, 4, 5], lawyerRanks: [0, 1] };
