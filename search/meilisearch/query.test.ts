import type { SearchQuery } from "../types";
import { CHARACTERS_FIELD } from "./documents";
import {
  buildSearchRequest,
  characterVariants,
  dropLastWord,
  dropWeakestWord,
  literalCharacter,
  literalFilter,
  meiliQueryText,
  pagination,
  queryLocales,
  sortFor,
  wordWeight,
} from "./query";
import { SEARCHABLE_ATTRIBUTES } from "./settings";

const INDEX = "mediators_test";
/** Every searchable attribute but the one-character field. */
const WORD_ATTRIBUTES = SEARCHABLE_ATTRIBUTES.filter((a) => a !== CHARACTERS_FIELD);

function query(overrides: Partial<SearchQuery> = {}): SearchQuery {
  return { q: "", filters: {}, sort: "relevance", page: 1, perPage: 20, ...overrides };
}

describe("sortFor", () => {
  it("leaves relevance to the ranking rules when there is a query", () => {
    expect(sortFor("relevance", "王芳")).toBeUndefined();
  });

  it("orders an empty (or blank) query by success score", () => {
    expect(sortFor("relevance", "")).toEqual(["score:desc"]);
    expect(sortFor("relevance", "   ")).toEqual(["score:desc"]);
  });

  it("sorts by score then closed cases for success", () => {
    expect(sortFor("success", "劳动")).toEqual(["score:desc", "closed:desc"]);
    expect(sortFor("success", "")).toEqual(["score:desc", "closed:desc"]);
  });

  it("sorts by the next free slot, soonest first, for available", () => {
    expect(sortFor("available", "")).toEqual(["nextAvailableAt:asc"]);
  });

  it("rejects an unknown order", () => {
    expect(() => sortFor("cheapest" as never, "")).toThrow(/cheapest/);
  });
});

describe("pagination", () => {
  it("passes a 1-based page and its size through", () => {
    expect(pagination(3, 20)).toEqual({ page: 3, hitsPerPage: 20 });
  });

  it("clamps nonsense to page 1 and a non-negative whole page size", () => {
    expect(pagination(0, -5)).toEqual({ page: 1, hitsPerPage: 0 });
    expect(pagination(2.7, 10.9)).toEqual({ page: 2, hitsPerPage: 10 });
    expect(pagination(Number.NaN, Number.POSITIVE_INFINITY)).toEqual({ page: 1, hitsPerPage: 0 });
  });
});

describe("queryLocales", () => {
  it("says Mandarin for queries with Han characters", () => {
    expect(queryLocales("欠薪")).toEqual(["cmn"]);
    expect(queryLocales("wang 芳")).toEqual(["cmn"]);
  });

  it("leaves pinyin and English to detection", () => {
    expect(queryLocales("wangfang")).toBeUndefined();
    expect(queryLocales("labour")).toBeUndefined();
  });
});

describe("buildSearchRequest", () => {
  it("builds one query when nothing is selected, asking for every facet", () => {
    const plan = buildSearchRequest(INDEX, query({ q: " 王芳 " }));
    expect(plan.disjunctiveFacets).toEqual([]);
    expect(plan.queries).toEqual([
      {
        indexUid: INDEX,
        q: "王芳",
        matchingStrategy: "all",
        locales: ["cmn"],
        attributesToSearchOn: WORD_ATTRIBUTES,
        page: 1,
        hitsPerPage: 20,
        facets: ["kind", "categories", "reach", "modes", "languages"],
        attributesToHighlight: ["name", "title", "organisation", "bio", "categoryNames"],
        highlightPreTag: "<mark>",
        highlightPostTag: "</mark>",
        showMatchesPosition: true,
      },
    ]);
  });

  it("turns availableBefore into a range filter on every query, so facet counts respect it", () => {
    const plan = buildSearchRequest(INDEX, query({ availableBefore: 1_800_000_000_123.7, filters: { town: ["liuheng"] } }));
    expect(plan.queries[0].filter).toBe('reach = "liuheng|online+onsite" AND (nextAvailableAt <= 1800000000123)');
    expect(plan.queries[1].filter).toBe("(nextAvailableAt <= 1800000000123)");
    expect(buildSearchRequest(INDEX, query({})).queries[0].filter).toBeUndefined();
  });

  it("pages with page/hitsPerPage (exact totals), never offset/limit, on the main query", () => {
    const [main] = buildSearchRequest(INDEX, query({ page: 4, perPage: 25 })).queries;
    expect(main).toMatchObject({ page: 4, hitsPerPage: 25 });
    expect(main).not.toHaveProperty("offset");
    expect(main).not.toHaveProperty("limit");
  });

  it.each([
    ["relevance", "", ["score:desc"]],
    ["relevance", "劳动", undefined],
    ["success", "劳动", ["score:desc", "closed:desc"]],
    ["available", "", ["nextAvailableAt:asc"]],
  ] as const)("sends sort %s with q=%j as %j", (sort, q, expected) => {
    const [main] = buildSearchRequest(INDEX, query({ sort, q })).queries;
    // A sort is sent exactly when one is expected, and then it is the expected one.
    expect(Object.hasOwn(main, "sort")).toBe(expected !== undefined);
    expect(main.sort).toEqual(expected);
  });

  it("asks for no highlighting and no locale for an empty query", () => {
    const [main] = buildSearchRequest(INDEX, query({ q: "" })).queries;
    expect(main.q).toBe("");
    expect(main).not.toHaveProperty("attributesToHighlight");
    expect(main).not.toHaveProperty("highlightPreTag");
    expect(main).not.toHaveProperty("locales");
    expect(main).not.toHaveProperty("filter");
  });

  it("adds one count query per facet with a selection, filtered by the other facets only", () => {
    const plan = buildSearchRequest(
      INDEX,
      query({ q: "调解", filters: { town: ["liuheng"], category: ["labour", "medical"] }, sort: "success", page: 2 }),
    );
    expect(plan.disjunctiveFacets).toEqual(["category", "town"]);
    const [main, categoryCounts, townCounts] = plan.queries;
    expect(plan.queries).toHaveLength(3);

    expect(main.filter).toBe('(categories = "labour" OR categories = "medical") AND reach = "liuheng|online+onsite"');
    expect(main.facets).toEqual(["kind", "modes", "languages"]);
    expect(main.sort).toEqual(["score:desc", "closed:desc"]);
    expect(main.page).toBe(2);

    expect(categoryCounts).toEqual({
      indexUid: INDEX,
      q: "调解",
      matchingStrategy: "all",
      locales: ["cmn"],
      attributesToSearchOn: WORD_ATTRIBUTES,
      filter: 'reach = "liuheng|online+onsite"',
      facets: ["categories"],
      limit: 0,
    });
    expect(townCounts).toEqual({
      indexUid: INDEX,
      q: "调解",
      matchingStrategy: "all",
      locales: ["cmn"],
      attributesToSearchOn: WORD_ATTRIBUTES,
      filter: '(categories = "labour" OR categories = "medical")',
      facets: ["reach"],
      limit: 0,
    });
  });

  it("leaves the filter off a count query whose facet is the only selection", () => {
    const plan = buildSearchRequest(INDEX, query({ filters: { kind: ["lawyer"] } }));
    expect(plan.queries[1]).not.toHaveProperty("filter");
    expect(plan.queries[1].facets).toEqual(["kind"]);
  });

  it("asks the main query for no facets when every facet has a selection", () => {
    const plan = buildSearchRequest(
      INDEX,
      query({ filters: { kind: ["lawyer"], category: ["labour"], town: ["dongji"], language: ["english"] } }),
    );
    // A chosen town answers the mode counts too (its reach values), so no mode is asked for.
    expect(plan.queries).toHaveLength(5);
    expect(plan.queries[0].facets).toEqual(["modes"]);
  });

  it("a chosen town absorbs the mode choice: one reach value, no mode filter", () => {
    const plan = buildSearchRequest(INDEX, query({ filters: { town: ["dongji"], mode: ["onsite", "online"] } }));
    expect(plan.disjunctiveFacets).toEqual(["town"]);
    expect(plan.queries[0].filter).toBe('reach = "dongji|online+onsite"');
    expect(plan.asked).toEqual({ town: ["dongji"], mode: ["onsite", "online"] });
  });

  it("ANDs extra filter conditions into every query", () => {
    const plan = buildSearchRequest(INDEX, query({ filters: { mode: ["online"] } }), {
      extraFilters: ["nextAvailableAt EXISTS"],
    });
    expect(plan.queries[0].filter).toBe('modes = "online" AND (nextAvailableAt EXISTS)');
    expect(plan.queries[1].filter).toBe("(nextAvailableAt EXISTS)");
  });

  it("rejects an unknown facet before building anything", () => {
    expect(() => buildSearchRequest(INDEX, query({ filters: { price: ["1"] } as never }))).toThrow(/price/);
  });
});

describe("literalCharacter", () => {
  it("is the character of a one-character Chinese query, not of a synonym key", () => {
    expect(literalCharacter(" 陈 ")).toBe("陈");
    expect(literalCharacter("龙")).toBe("龙");
    expect(literalCharacter("船")).toBeUndefined(); // a synonym key: 海事, 渔事…
    for (const q of ["", "陈海", "a", "陈 海", "张伟 陈"]) expect(literalCharacter(q)).toBeUndefined();
  });

  it("filters every query on the character as written, in each of its forms, and searches the characters field too", () => {
    const plan = buildSearchRequest(INDEX, query({ q: "陈", filters: { kind: ["lawyer"] } }));
    expect(plan.literal).toBe("陈");
    expect(plan.queries[0].filter).toBe('kind = "lawyer" AND (characters IN ["陈", "陳"])');
    expect(plan.queries[1].filter).toBe('(characters IN ["陈", "陳"])');
    for (const q of plan.queries) expect(q).not.toHaveProperty("attributesToSearchOn");
  });

  it("reads a traditional character as its simplified one, which the filter names with its other forms", () => {
    expect(literalCharacter("龍")).toBe("龙");
    expect(literalCharacter("陳")).toBe("陈");
    const plan = buildSearchRequest(INDEX, query({ q: " 龍 " }));
    expect(plan.literal).toBe("龙");
    expect(plan.queries[0].q).toBe("龙");
    expect(plan.queries[0].filter).toBe('(characters IN ["龙", "龍"])');
  });

  it("names a character without other forms alone (=), and a character's forms simplified first", () => {
    expect(literalFilter("李")).toBe('characters = "李"');
    expect(characterVariants("李")).toEqual(["李"]);
    expect(characterVariants("龍")).toEqual(["龙", "龍"]);
    expect(characterVariants("里")[0]).toBe("里");
    expect(characterVariants("里")).toEqual(expect.arrayContaining(["裏", "裡"]));
  });

  it("asks an index with older settings for neither (legacySettings)", () => {
    for (const q of ["陈", "高级工程师"]) {
      const plan = buildSearchRequest(INDEX, query({ q }), { legacySettings: true });
      expect(plan.literal).toBeUndefined();
      expect(plan.queries[0].filter).toBeUndefined();
      expect(plan.queries[0]).not.toHaveProperty("attributesToSearchOn");
    }
  });

  it("leaves the characters field out of every other query", () => {
    const plan = buildSearchRequest(INDEX, query({ q: "高级工程师" }));
    expect(plan.literal).toBeUndefined();
    expect(plan.queries[0].attributesToSearchOn).toEqual(WORD_ATTRIBUTES);
    expect(plan.queries[0].attributesToSearchOn).not.toContain(CHARACTERS_FIELD);
  });
});

describe("traditional characters in the query", () => {
  it("are sent as simplified, one for one, as the embedded engine reads them (離婚 is then one word)", () => {
    expect(buildSearchRequest(INDEX, query({ q: "離婚" })).queries[0].q).toBe("离婚");
    expect(buildSearchRequest(INDEX, query({ q: "漁船" })).queries[0].q).toBe("渔船");
    // 物業費 is three characters: the whole word, not a prefix (meiliQueryText).
    expect(buildSearchRequest(INDEX, query({ q: " 物業費 " })).queries[0].q).toBe("物业费 ");
    const plan = buildSearchRequest(INDEX, query({ q: "找個離婚律師", filters: { kind: ["lawyer"] } }));
    for (const q of plan.queries) expect(q.q).toBe("找个离婚律师 ");
  });

  it("leave simplified, pinyin and English queries as they are", () => {
    for (const q of ["离婚", "zhang wei", "divorce", "3+X"]) expect(buildSearchRequest(INDEX, query({ q })).queries[0].q).toBe(q);
  });
});

describe("meiliQueryText", () => {
  it("ends a final run of three or more Han characters with a space, so its last word is no prefix", () => {
    expect(meiliQueryText("高级工程师")).toBe("高级工程师 ");
    expect(meiliQueryText("六横 张伟明")).toBe("六横 张伟明 ");
    expect(buildSearchRequest(INDEX, query({ q: " 高级工程师 " })).queries[0].q).toBe("高级工程师 ");
  });

  it("leaves one- and two-character words, Latin and mixed endings as they are (prefixes while typing)", () => {
    for (const q of ["医", "张伟", "律师 张伟", "zhangw", "医疗纠纷 zh", "3+X"]) expect(meiliQueryText(q)).toBe(q);
  });
});

describe("dropLastWord", () => {
  it("drops whitespace-separated words from the end among words alike, down to one", () => {
    expect(dropLastWord("张伟明 青蛙 海边")).toBe("张伟明 青蛙");
    expect(dropLastWord("  张伟明   青蛙 ")).toBe("张伟明");
    expect(dropLastWord("张伟明")).toBeNull();
    expect(dropLastWord("")).toBeNull();
  });

  it("cuts Chinese typed without spaces into words, and drops the characters that mean nothing", () => {
    expect(dropLastWord("渔船碰撞怎么办")).toBe("渔船 碰撞");
    expect(dropLastWord("渔船 碰撞")).toBe("渔船");
    expect(dropLastWord("渔船")).toBeNull();
    expect(dropLastWord("律师的")).toBeNull();
  });

  it("drops the word that says least first, wherever it stands: the words around the matter", () => {
    expect(dropLastWord).toBe(dropWeakestWord);
    expect(dropLastWord("老板拖欠工资")).toBe("拖欠工资");
    expect(dropLastWord("请问工伤怎么赔偿")).toBe("请问 工伤 赔偿");
    expect(dropLastWord("请问 工伤 赔偿")).toBe("请问 工伤");
    expect(dropLastWord("请问 工伤")).toBe("工伤");
    expect(dropLastWord("怎么 离婚")).toBe("离婚");
  });

  it("weighs a word by jieba's inverse document frequency, its folded forms too; unknown words weigh most", () => {
    expect(wordWeight("怎么")).toBeLessThan(wordWeight("老板"));
    expect(wordWeight("老板")).toBeLessThan(wordWeight("工伤"));
    expect(wordWeight("工伤")).toBeLessThan(wordWeight("拖欠工资"));
    // splitQuery folds 么 to 幺 (search/fold.ts); the table holds 怎么.
    expect(wordWeight("怎幺")).toBe(wordWeight("怎么"));
    expect(wordWeight("怎幺")).toBeGreaterThan(0);
    for (const w of ["zhangwei", "mediaton"]) expect(wordWeight(w)).toBeGreaterThan(wordWeight("拖欠工资"));
    expect(wordWeight("青蛙海边医疗")).toBe(Number.POSITIVE_INFINITY);
  });

  it("asks for match positions only when there is a query", () => {
    expect(buildSearchRequest(INDEX, query({ q: "zw" })).queries[0].showMatchesPosition).toBe(true);
    expect(buildSearchRequest(INDEX, query({})).queries[0].showMatchesPosition).toBeUndefined();
  });
});
