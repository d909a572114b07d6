// The input here is hand-written multi-search response objects, shaped as Meilisearch documents them,
// fed to a pure function: no server, and nothing pretends to be one.
import type { MultiSearchResponse, RecordAny } from "meilisearch";
import type { SearchQuery } from "../types";
import { toMeiliDocument } from "./documents";
import { buildSearchRequest } from "./query";
import { ARRAY_HIGHLIGHT_SEPARATOR, highlightFromFormatted, mergeSearchResponses, mergeTouchingMarks, totalOf } from "./response";
import { committeeDoc, lawyerDoc } from "./test-fixtures";

const INDEX = "mediators";
const query: SearchQuery = {
  q: "劳动",
  filters: { category: ["labour"], town: ["liuheng", "dongji"] },
  sort: "relevance",
  page: 1,
  perPage: 2,
};
const plan = buildSearchRequest(INDEX, query);

const lawyer = toMeiliDocument(lawyerDoc());
const committee = toMeiliDocument(committeeDoc({ categories: ["labour"], towns: ["liuheng"] }));

const response: MultiSearchResponse<RecordAny> = {
  results: [
    {
      indexUid: INDEX,
      query: "劳动",
      processingTimeMs: 3,
      hitsPerPage: 2,
      page: 1,
      totalPages: 3,
      totalHits: 5,
      hits: [
        {
          ...lawyer,
          _formatted: {
            ...lawyer,
            id: "mediator-12",
            entityId: "12",
            name: "王芳",
            bio: "长期办理欠薪、工伤等<mark>劳动</mark>争议案件，可上岛调解。",
            categoryNames: ["<mark>劳动</mark>争议", "Labour disputes", "新居民维权", "New residents' (migrant workers') rights"],
          },
        },
        { ...committee, _formatted: { ...committee, bio: committee.bio } },
      ],
      facetDistribution: {
        kind: { lawyer: 3, committee: 2 },
        modes: { online: 4, onsite: 2, centre: 1 },
        languages: { mandarin: 5 },
        // A facet the main query was not asked for must not leak into the result.
        categories: { labour: 5 },
      },
    },
    {
      indexUid: INDEX,
      query: "劳动",
      processingTimeMs: 1,
      limit: 0,
      offset: 0,
      estimatedTotalHits: 9,
      hits: [],
      facetDistribution: { categories: { labour: 5, "migrant-workers": 3, construction: 1 } },
    },
    {
      indexUid: INDEX,
      query: "劳动",
      processingTimeMs: 1,
      limit: 0,
      offset: 0,
      estimatedTotalHits: 7,
      hits: [],
      // reach values (search/reach.ts): the town facet under no mode (online+onsite), and each mode alone.
      facetDistribution: {
        reach: {
          "liuheng|online+onsite": 4,
          "dongji|online+onsite": 1,
          "shenjiamen|online+onsite": 2,
          "liuheng|centre+online": 4,
          "liuheng|online": 2,
          "dongji|online": 3,
          "liuheng|onsite": 2,
          "dongji|centre": 1,
        },
      },
    },
  ],
};

describe("mergeSearchResponses", () => {
  const result = mergeSearchResponses(plan, response);

  it("takes the exact total of the main query", () => {
    expect(result.total).toBe(5);
  });

  it("turns hits back into SearchDocuments, without Meilisearch's extra fields", () => {
    expect(result.hits.map((h) => h.document)).toEqual([lawyerDoc(), committeeDoc({ categories: ["labour"], towns: ["liuheng"] })]);
    expect(result.hits[0].document).not.toHaveProperty("_formatted");
    expect(result.hits[1].document.nextAvailableAt).toBeNull();
  });

  it("highlights only the fields that matched", () => {
    expect(result.hits[0].highlight).toEqual({
      bio: "长期办理欠薪、工伤等<mark>劳动</mark>争议案件，可上岛调解。",
      categoryNames: "<mark>劳动</mark>争议、Labour disputes、新居民维权、New residents' (migrant workers') rights",
    });
    expect(result.hits[1].highlight).toEqual({});
  });

  it("counts a facet with a selection from its own query, the others from the main query; a chosen town's modes from its reach", () => {
    expect(result.facets).toEqual({
      kind: { lawyer: 3, committee: 2 },
      category: { labour: 5, "migrant-workers": 3, construction: 1 },
      town: { liuheng: 4, dongji: 1, shenjiamen: 2 },
      mode: { online: 3, onsite: 2, centre: 1 },
      language: { mandarin: 5 },
    });
  });

  it("gives every facet an entry, empty when Meilisearch returned no distribution", () => {
    const bare = buildSearchRequest(INDEX, { ...query, filters: {} });
    const merged = mergeSearchResponses(bare, {
      results: [{ indexUid: INDEX, query: "劳动", processingTimeMs: 1, hits: [], totalHits: 0 }],
    });
    expect(merged).toEqual({
      total: 0,
      hits: [],
      facets: { kind: {}, category: {}, town: {}, mode: {}, language: {} },
    });
  });

  it("refuses responses that do not line up with the queries", () => {
    expect(() => mergeSearchResponses(plan, { results: response.results.slice(0, 2) })).toThrow(/2 results for 3/);
  });
});

describe("highlightFromFormatted", () => {
  it("gives an array field with a match whole, its entries joined with 、 as the embedded engine does", () => {
    expect(ARRAY_HIGHLIGHT_SEPARATOR).toBe("、");
    expect(highlightFromFormatted({ categoryNames: ["<mark>医疗</mark>纠纷", "Medical disputes", "<mark>Medical</mark> x"] })).toEqual({
      categoryNames: "<mark>医疗</mark>纠纷、Medical disputes、<mark>Medical</mark> x",
    });
    expect(highlightFromFormatted({ categoryNames: ["医疗纠纷", "Medical disputes"] })).toEqual({});
  });

  it("marks a one-character query's character wherever it is written, and nothing read alike", () => {
    const formatted = { name: "陈海", title: "调解员", bio: "<mark>晨</mark>间接待，陈述与龙虾养殖", categoryNames: ["海事渔事纠纷"] };
    expect(highlightFromFormatted(formatted, {}, "陈")).toEqual({
      name: "<mark>陈</mark>海",
      bio: "晨间接待，<mark>陈</mark>述与龙虾养殖",
    });
    expect(highlightFromFormatted({ name: "马飞龙", bio: "龙舟、龙虾" }, {}, "龙")).toEqual({
      name: "马飞<mark>龙</mark>",
      bio: "<mark>龙</mark>舟、<mark>龙</mark>虾",
    });
    expect(highlightFromFormatted(formatted, {}, undefined)).toEqual({ bio: "<mark>晨</mark>间接待，陈述与龙虾养殖" });
  });

  it("merges marks that touch: a phrase cut into words is marked as one", () => {
    expect(highlightFromFormatted({ bio: "熟悉<mark>保险</mark><mark>理赔</mark>流程，<mark>保险</mark>。" }).bio).toBe(
      "熟悉<mark>保险理赔</mark>流程，<mark>保险</mark>。",
    );
    expect(highlightFromFormatted({ name: "<mark>张</mark><mark>伟</mark>" }).name).toBe("<mark>张伟</mark>");
    expect(mergeTouchingMarks("<mark>a</mark> <mark>b</mark>")).toBe("<mark>a</mark> <mark>b</mark>");
  });

  it("reads only the highlightable fields", () => {
    expect(
      highlightFromFormatted({
        name: "<mark>王</mark>芳",
        namePinyin: "<mark>wang</mark> fang",
        title: "律师",
        organisation: null,
      }),
    ).toEqual({ name: "<mark>王</mark>芳" });
  });

  it("is empty without _formatted", () => {
    expect(highlightFromFormatted(undefined)).toEqual({});
  });
});

describe("totalOf", () => {
  const base = { indexUid: INDEX, query: "", processingTimeMs: 0, hits: [{ id: "a" }, { id: "b" }] };

  it("prefers the exact totalHits, then the estimate, then the hits at hand", () => {
    expect(totalOf({ ...base, totalHits: 40, estimatedTotalHits: 1000 })).toBe(40);
    expect(totalOf({ ...base, estimatedTotalHits: 1000 })).toBe(1000);
    expect(totalOf(base)).toBe(2);
  });
});

describe("highlightFromFormatted with match positions", () => {
  it("marks the whole name when the pinyin or the initials matched", () => {
    const formatted = { name: "张伟", title: "资深调解员", bio: "", organisation: null, categoryNames: [] };
    expect(highlightFromFormatted(formatted, { nameInitials: [{ start: 0, length: 2 }] }).name).toBe("<mark>张伟</mark>");
    expect(highlightFromFormatted(formatted, { namePinyinJoined: [{ start: 0, length: 8 }] }).name).toBe("<mark>张伟</mark>");
    expect(highlightFromFormatted(formatted, { bio: [{ start: 0, length: 2 }] }).name).toBeUndefined();
    expect(highlightFromFormatted(formatted).name).toBeUndefined();
  });
});
