// Hand-written documents for the unit tests of this folder (not a server, not a fake of one).
import type { SearchDocument } from "../types";

export function lawyerDoc(overrides: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id: "mediator-12",
    entityId: 12,
    kind: "lawyer",
    name: "王芳",
    namePinyin: "wang fang",
    namePinyinJoined: "wangfang",
    nameInitials: "wf",
    title: "专职律师",
    organisation: "浙江海岛律师事务所（虚构）",
    bio: "长期办理欠薪、工伤等劳动争议案件，可上岛调解。",
    categories: ["labour", "migrant-workers"],
    categoryNames: ["劳动争议", "Labour disputes", "新居民维权", "New residents' (migrant workers') rights"],
    towns: ["liuheng", "shenjiamen"],
    townNames: ["六横镇", "Liuheng", "沈家门街道", "Shenjiamen"],
    modes: ["online", "onsite"],
    languages: ["mandarin", "zhoushan-dialect"],
    memberNames: [],
    yearsOfExperience: 11,
    closed: 140,
    agreements: 121,
    successRate: 0.864,
    score: 0.8,
    nextAvailableAt: 1_767_225_600_000,
    ...overrides,
  };
}

export function committeeDoc(overrides: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id: "committee-3",
    entityId: 3,
    kind: "committee",
    name: "海事渔事纠纷调解委员会",
    namePinyin: "hai shi yu shi jiu fen tiao jie wei yuan hui",
    namePinyinJoined: "haishiyushijiufentiaojieweiyuanhui",
    nameInitials: "hsysjftjwyh",
    title: "调解委员会",
    organisation: null,
    bio: "受理渔船碰撞、船员劳务等海事渔事纠纷。",
    categories: ["maritime-fishery"],
    categoryNames: ["海事渔事纠纷", "Maritime & fishery disputes"],
    towns: ["dongji"],
    townNames: ["东极镇", "Dongji"],
    modes: ["centre"],
    languages: ["mandarin"],
    memberNames: ["李海", "陈渔"],
    yearsOfExperience: 20,
    closed: 0,
    agreements: 0,
    successRate: null,
    score: 0,
    nextAvailableAt: null,
    ...overrides,
  };
}
