// Ranking and reading rules of ADR 020: exactness before the field, the committee of a category reached
// through a synonym, traditional characters, and query words that match nothing.
import { CATEGORIES, TOWNS, type CategorySlug, type HitKind } from "../../domain";
import { CATEGORY_SYNONYMS } from "../synonyms";
import type { SearchDocument } from "../types";
import { EmbeddedIndex } from "./embedded-index";
import { FOLD, foldChinese } from "../fold";
import { normalize } from "./text";

let nextId = 1;
function doc(name: string, over: Partial<SearchDocument> & { cats?: CategorySlug[] } = {}): SearchDocument {
  const { cats = [], ...rest } = over;
  const id = nextId++;
  const kind: HitKind = rest.kind ?? "expert";
  return {
    id: `${kind === "committee" ? "committee" : "mediator"}-${id}`,
    entityId: id,
    kind,
    name,
    namePinyin: "",
    namePinyinJoined: "",
    nameInitials: "",
    title: "调解员",
    organisation: null,
    bio: "",
    categories: cats,
    categoryNames: cats.flatMap((c) => {
      const cat = CATEGORIES.find((x) => x.slug === c)!;
      return [cat.zh, cat.en];
    }),
    towns: [],
    townNames: [],
    modes: [],
    languages: [],
    memberNames: [],
    yearsOfExperience: 5,
    closed: 0,
    agreements: 0,
    successRate: null,
    score: 0,
    nextAvailableAt: null,
    ...rest,
  };
}

const names = (index: EmbeddedIndex, q: string, perPage = 10) =>
  index.search({ q, filters: {}, sort: "relevance", page: 1, perPage }).hits.map((h) => h.document.name);

describe("exactness before the field", () => {
  // The synonym-only matches have the better records, so only the rule can put the bio match first.
  const index = new EmbeddedIndex();
  index.upsert([
    doc("甲", { cats: ["maritime-fishery"], score: 0.9, bio: "擅长海事调查。" }),
    doc("乙", { cats: ["maritime-fishery"], score: 0.8 }),
    doc("丙", { cats: ["contract-debt"], score: 0.1, bio: "处理渔船碰撞与借贷纠纷。" }),
    doc("丁", { cats: ["maritime-fishery"], score: 0.05, bio: "熟悉渔船碰撞。" }),
  ]);

  it("a profile holding the typed word in its bio outranks one reached through a synonym in its categories", () => {
    const top = names(index, "渔船");
    expect(top.slice(0, 2).sort()).toEqual(["丁", "丙"]);
    expect(top).toEqual(expect.arrayContaining(["甲", "乙"]));
  });

  it("without a literal match, the synonym's order is kept (by record)", () => {
    expect(names(index, "船舶")).toEqual(["甲", "乙", "丁"]);
  });

  it("a sentence built around the word ranks the same way", () => {
    const top = names(index, "渔船碰撞怎么办");
    expect(top.slice(0, 2).sort()).toEqual(["丁", "丙"]);
    expect(top.slice(2).sort()).toEqual(["乙", "甲"]);
  });
});

describe("the committee of a category reached through a synonym", () => {
  const index = new EmbeddedIndex();
  const holders = Array.from({ length: 12 }, (_, i) =>
    doc(`业主${"一二三四五六七八九十百千"[i]}`, { cats: ["property-management"], score: 0.5, bio: "处理房屋漏水。" }),
  );
  index.upsert([
    ...holders,
    doc("物业纠纷人民调解委员会", { kind: "committee", cats: ["property-management"], score: 0.01, title: "调解委员会" }),
    doc("某专家", { cats: ["property-management"], score: 0.99 }),
  ]);

  it("ranks with the profiles holding the word, above those reached through the synonym alone", () => {
    const top = names(index, "漏水");
    expect(top.slice(0, 10)).toContain("物业纠纷人民调解委员会");
    expect(top.indexOf("某专家")).toBe(-1);
    expect(names(index, "漏水", 20).at(-1)).toBe("某专家");
  });
});

describe("a synonym that is another word for the same thing", () => {
  it("ranks as the word typed (拖欠工资 → 欠薪), the category below it", () => {
    expect(CATEGORY_SYNONYMS["拖欠工资"]).toContain("欠薪");
    const index = new EmbeddedIndex();
    index.upsert([doc("甲", { cats: ["labour"], score: 0.9 }), doc("乙", { cats: ["labour"], score: 0.1, bio: "擅长欠薪追讨。" })]);
    expect(names(index, "拖欠工资")).toEqual(["乙", "甲"]);
  });
});

describe("traditional characters", () => {
  const index = new EmbeddedIndex();
  index.upsert([doc("龙旭", { cats: ["maritime-fishery"] }), doc("马飞龙"), doc("許志明", { bio: "從事醫療糾紛調解。" }), doc("程岚")]);

  it("龍 finds 龙, wherever it is in a name", () => {
    expect(names(index, "龍").sort()).toEqual(["马飞龙", "龙旭"].sort());
    expect(names(index, "龍旭")[0]).toBe("龙旭");
  });

  it("a profile written in traditional characters is found by simplified and traditional queries alike", () => {
    expect(names(index, "许志明")).toEqual(["許志明"]);
    expect(names(index, "医疗纠纷")).toEqual(["許志明"]);
    expect(names(index, "醫療")).toEqual(["許志明"]);
  });

  it("marks the text as written", () => {
    const [hit] = index.search({ q: "医疗", filters: {}, sort: "relevance", page: 1, perPage: 1 }).hits;
    expect(hit.highlight.bio).toBe("從事<mark>醫療</mark>糾紛調解。");
  });

  it("a traditional character folds to its own simplified one only: 陳 is 陈, not 程", () => {
    expect(names(index, "陳")).toEqual([]);
  });
});

describe("foldChinese", () => {
  it("folds traditional and regional variants, keeps the length, leaves simplified text as it is", () => {
    expect(foldChinese("龍旭 醫療糾紛 裡 臺灣")).toBe("龙旭 医疗纠纷 里 台湾");
    const simplified = "从事医疗纠纷调解工作十五年，熟悉医患沟通。Zhang 3";
    expect(foldChinese(simplified)).toBe(simplified);
    const long = "龍".repeat(10_000);
    expect(foldChinese(long)).toBe("龙".repeat(10_000));
  });

  it("changes none of the words the index is built from: category and town names, synonyms", () => {
    const words = [...CATEGORIES.map((c) => c.zh), ...TOWNS.map((t) => t.zh), ...Object.entries(CATEGORY_SYNONYMS).flat(2)];
    for (const w of words) expect(normalize(w)).toBe(w.toLowerCase());
  });

  it("maps characters to characters (no surrogates, no identity entries)", () => {
    for (let c = 0; c < FOLD.length; c++) {
      if (!FOLD[c]) continue;
      expect(FOLD[c]).not.toBe(c);
      expect(FOLD[c] < 0xd800 || FOLD[c] > 0xdfff).toBe(true);
    }
  });
});

describe("query words that match nothing", () => {
  const index = new EmbeddedIndex();
  index.upsert([
    doc("甲", { title: "律师", bio: "擅长离婚财产分割。" }),
    doc("乙", { title: "律师", bio: "擅长合同纠纷。" }),
    doc("丙", { bio: "擅长离婚调解。" }),
  ]);

  it("are left out wherever they stand: a leading word, a word in the middle", () => {
    expect(names(index, "找个离婚律师")).toEqual(["甲"]);
    expect(names(index, "老板离婚")).toEqual(expect.arrayContaining(["甲", "丙"]));
    expect(names(index, "离婚青蛙律师")).toEqual(["甲"]);
  });

  it("a query of such words alone finds nothing", () => {
    expect(names(index, "青蛙")).toEqual([]);
    expect(names(index, "老板 青蛙")).toEqual([]);
  });

  it("are not marked", () => {
    const [hit] = index.search({ q: "老板离婚", filters: {}, sort: "relevance", page: 1, perPage: 1 }).hits;
    expect(hit.highlight.bio).toContain("<mark>离婚</mark>");
    expect(JSON.stringify(hit.highlight)).not.toContain("老板");
  });
});

describe("a surname typed alone", () => {
  // The one holding the character mid-name has the better record: only the rule can put the surname first.
  const index = new EmbeddedIndex();
  index.upsert([
    doc("马飞龙", { score: 0.9 }),
    doc("龙旭", { score: 0.1 }),
    doc("孔龙伟", { score: 0.5 }),
    doc("龙门调解委员会", { kind: "committee", score: 0.95 }),
  ]);

  it("ranks a name starting with the character above names holding it, in simplified or traditional form", () => {
    expect(names(index, "龙")[0]).toBe("龙旭");
    expect(names(index, "龍")[0]).toBe("龙旭");
    // The others still follow, by their records; a committee never counts as a surname.
    expect(names(index, "龙").slice(1)).toEqual(["龙门调解委员会", "马飞龙", "孔龙伟"]);
  });

  it("a longer query is not read as a surname", () => {
    expect(names(index, "飞龙")).toEqual(["马飞龙"]);
  });
});
