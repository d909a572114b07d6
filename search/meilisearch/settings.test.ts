import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { CATEGORY_SYNONYMS } from "../synonyms";
import { FACET_FIELDS } from "../types";
import { splitQuery } from "../embedded/query";
import { CHARACTERS_FIELD, LATIN_WORDS_FIELD, toMeiliDocument } from "./documents";
import { buildIndexSettings, buildSynonyms, STOP_WORDS } from "./settings";
import { lawyerDoc } from "./test-fixtures";

const settings = buildIndexSettings();
const documentFields = Object.keys(toMeiliDocument(lawyerDoc()));

describe("buildIndexSettings", () => {
  it("makes every facet field filterable, and nextAvailableAt and the characters as written", () => {
    for (const field of Object.values(FACET_FIELDS)) expect(settings.filterableAttributes).toContain(field);
    expect(settings.filterableAttributes).toContain("nextAvailableAt");
    expect(settings.filterableAttributes).toContain(CHARACTERS_FIELD);
  });

  it("searches the fields in priority order, name first and bio last, then the Latin words of them all", () => {
    expect(settings.searchableAttributes).toEqual([
      "name",
      "namePinyinJoined",
      "nameInitials",
      "namePinyin",
      "categoryNames",
      "memberNames",
      "title",
      "organisation",
      "townNames",
      "bio",
      CHARACTERS_FIELD,
      LATIN_WORDS_FIELD,
    ]);
  });

  it("can sort by what the sort orders use", () => {
    expect(settings.sortableAttributes).toEqual(expect.arrayContaining(["score", "closed", "nextAvailableAt", "yearsOfExperience"]));
  });

  it("names only fields that the stored document has", () => {
    const named = [
      ...(settings.searchableAttributes ?? []),
      ...(settings.filterableAttributes ?? []),
      ...(settings.sortableAttributes ?? []),
      ...(settings.typoTolerance?.disableOnAttributes ?? []),
      ...(settings.localizedAttributes ?? []).flatMap((l) => l.attributePatterns),
    ];
    for (const field of named) expect(documentFields).toContain(field);
  });

  it("puts the sort rule first so a requested order holds over the whole result", () => {
    expect(settings.rankingRules?.[0]).toBe("sort");
    expect(settings.rankingRules).toEqual(expect.arrayContaining(["words", "typo", "proximity", "attribute", "exactness"]));
  });

  it("ranks the word as typed above a synonym in a weightier field, and breaks ties by success score", () => {
    const rules = settings.rankingRules ?? [];
    expect(rules.indexOf("exactness")).toBeLessThan(rules.indexOf("attribute"));
    expect(rules.at(-1)).toBe("score:desc");
    expect(settings.sortableAttributes).toContain("score");
    expect(rules).toHaveLength(7);
  });

  it("tolerates typos from 7 and 13 letters (no Chinese character's pinyin is that long), never in the long Chinese fields, initials or numbers", () => {
    expect(settings.typoTolerance).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 7, twoTypos: 13 },
      disableOnAttributes: ["bio", "title", "organisation", "nameInitials"],
      disableOnNumbers: true,
    });
    // What keeps a typo budget: the pinyin, the Latin words, and the short fields whose Chinese words
    // Meilisearch must join across a different segmentation (a join costs a typo).
    const tolerant = (settings.searchableAttributes ?? []).filter((a) => !settings.typoTolerance?.disableOnAttributes?.includes(a));
    expect(tolerant).toEqual([
      "name",
      "namePinyinJoined",
      "namePinyin",
      "categoryNames",
      "memberNames",
      "townNames",
      CHARACTERS_FIELD, // one character: never long enough for a typo
      LATIN_WORDS_FIELD,
    ]);
  });

  it("stops the same meaningless single characters the embedded engine drops", () => {
    expect(settings.stopWords).toEqual([...STOP_WORDS]);
    for (const c of STOP_WORDS) {
      expect(splitQuery(`医疗${c}律师`).map((w) => w.text)).toEqual(["医疗", "律师"]);
    }
  });

  it("declares the Chinese text fields Mandarin (cmn), and not the pinyin ones", () => {
    expect(settings.localizedAttributes).toHaveLength(1);
    const [localized] = settings.localizedAttributes ?? [];
    expect(localized.locales).toEqual(["cmn"]);
    expect(localized.attributePatterns).toEqual(
      expect.arrayContaining(["name", "bio", "title", "categoryNames", "townNames", "memberNames", "organisation"]),
    );
    for (const latin of ["namePinyin", "namePinyinJoined", "nameInitials"]) {
      expect(localized.attributePatterns).not.toContain(latin);
    }
  });

  it("counts totals and facet values far enough", () => {
    expect(settings.pagination?.maxTotalHits).toBeGreaterThanOrEqual(200_000);
    expect(settings.faceting?.maxValuesPerFacet).toBeGreaterThanOrEqual(100);
  });

  it("displays every field", () => {
    expect(settings.displayedAttributes).toEqual(["*"]);
  });

  it("carries the synonyms table, one-way", () => {
    const synonyms = settings.synonyms ?? {};
    expect(synonyms["欠薪"]).toEqual(["劳动争议", "劳动"]);
    expect(synonyms["渔船"]).toContain("海事渔事纠纷");
    // One-way: the category name does not expand back to the everyday word.
    expect(synonyms["劳动争议"]).toBeUndefined();
    expect(Object.keys(synonyms)).toHaveLength(Object.keys(CATEGORY_SYNONYMS).length);
  });
});

describe("buildSynonyms", () => {
  it("normalises whitespace, drops empty entries and self-references, de-duplicates values", () => {
    expect(
      buildSynonyms({
        " 拖欠  工资 ": ["劳动争议", " 劳动争议 ", "拖欠 工资", ""],
        "   ": ["x"],
        空的: ["", "  "],
        a: ["b  c", "b c"],
      }),
    ).toEqual({ "拖欠 工资": ["劳动争议"], a: ["b c"] });
  });

  it("merges keys that normalise to the same phrase", () => {
    expect(buildSynonyms({ "ab cd": ["x"], "ab  cd": ["y", "x"] })).toEqual({ "ab cd": ["x", "y"] });
  });

  it("keeps every key short enough to be looked up (Meilisearch matches synonyms on ≤ 3 query words)", () => {
    // Meilisearch segments Chinese with jieba; segment keys the same way.
    const jieba = Jieba.withDict(dict);
    const tooLong = Object.keys(buildSynonyms()).filter((key) => key.split(" ").flatMap((part) => jieba.cut(part, false)).length > 3);
    expect(tooLong).toEqual([]);
  });
});
