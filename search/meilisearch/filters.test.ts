import type { SearchFilters } from "../types";
import { buildFilter, buildFilterExcept, quoteFilterValue, selectedFacets, UnknownFacetError } from "./filters";

/**
 * How Meilisearch's filter parser reads a double-quoted literal (crates/filter-parser, value.rs): a
 * backslash makes the scanner skip the next character, the first unskipped `"` closes the literal,
 * then `\"` becomes `"` and `\\` becomes `\`. Returns the value and whatever follows the literal.
 */
function readQuoted(input: string): { value: string; rest: string } {
  if (input[0] !== '"') throw new Error("not a quoted literal");
  let i = 1;
  for (; i < input.length; i++) {
    if (input[i] === "\\") i++;
    else if (input[i] === '"') break;
  }
  if (i >= input.length) throw new Error("unterminated literal");
  const raw = input.slice(1, i);
  return { value: raw.replace(/\\"/g, '"').replace(/\\\\/g, "\\"), rest: input.slice(i + 1) };
}

describe("quoteFilterValue", () => {
  it("wraps plain values in double quotes", () => {
    expect(quoteFilterValue("labour")).toBe('"labour"');
    expect(quoteFilterValue("六横镇")).toBe('"六横镇"');
  });

  it("escapes quotes and backslashes", () => {
    expect(quoteFilterValue('a"b')).toBe('"a\\"b"');
    expect(quoteFilterValue("a\\b")).toBe('"a\\\\b"');
    expect(quoteFilterValue("end\\")).toBe('"end\\\\"');
  });

  it.each(['say "hi"', "back\\slash", "trailing\\", '\\"', '" OR kind = "lawyer', '\\" OR kind = \\"lawyer', "\\\\\\", ""])(
    "cannot be broken out of: %j reads back as itself with nothing after it",
    (value) => {
      expect(readQuoted(quoteFilterValue(value))).toEqual({ value, rest: "" });
    },
  );
});

describe("buildFilter", () => {
  it("is undefined when nothing is selected", () => {
    expect(buildFilter({})).toBeUndefined();
    expect(buildFilter({ category: [], town: [] })).toBeUndefined();
  });

  it("filters one value of one facet on its document field", () => {
    expect(buildFilter({ category: ["labour"] })).toBe('categories = "labour"');
    expect(buildFilter({ kind: ["lawyer"] })).toBe('kind = "lawyer"');
  });

  it("ORs the values of one facet; the town facet is on reach (search/reach.ts)", () => {
    expect(buildFilter({ town: ["liuheng|onsite", "dongji|onsite"] })).toBe('(reach = "liuheng|onsite" OR reach = "dongji|onsite")');
  });

  it("ANDs facets, in the fixed facet order whatever the key order", () => {
    const filters: SearchFilters = { language: ["english"], category: ["labour", "medical"], kind: ["expert"] };
    expect(buildFilter(filters)).toBe('kind = "expert" AND (categories = "labour" OR categories = "medical") AND languages = "english"');
  });

  it("drops repeated values", () => {
    expect(buildFilter({ mode: ["online", "online"] })).toBe('modes = "online"');
  });

  it("ANDs extra conditions, parenthesised", () => {
    expect(buildFilter({ mode: ["online"] }, { extra: ["nextAvailableAt <= 100 OR nextAvailableAt IS NULL"] })).toBe(
      'modes = "online" AND (nextAvailableAt <= 100 OR nextAvailableAt IS NULL)',
    );
    expect(buildFilter({}, { extra: ["nextAvailableAt EXISTS", "  "] })).toBe("(nextAvailableAt EXISTS)");
  });

  it("rejects unknown facet names", () => {
    const bad = { category: ["labour"], colour: ["red"] } as unknown as SearchFilters;
    expect(() => buildFilter(bad)).toThrow(UnknownFacetError);
    expect(() => buildFilter(bad)).toThrow(/colour/);
  });

  it("rejects values that are not strings", () => {
    const bad = { town: ["liuheng", 7] } as unknown as SearchFilters;
    expect(() => buildFilter(bad)).toThrow(TypeError);
  });
});

describe("buildFilterExcept (disjunctive facets)", () => {
  const filters: SearchFilters = { category: ["labour", "medical"], town: ["liuheng"], kind: ["lawyer"] };

  it("keeps every facet but the one whose counts are wanted", () => {
    expect(buildFilterExcept(filters, "category")).toBe('kind = "lawyer" AND reach = "liuheng"');
    expect(buildFilterExcept(filters, "town")).toBe('kind = "lawyer" AND (categories = "labour" OR categories = "medical")');
  });

  it("is undefined when the excluded facet is the only selection, unless extra conditions remain", () => {
    expect(buildFilterExcept({ town: ["liuheng"] }, "town")).toBeUndefined();
    expect(buildFilterExcept({ town: ["liuheng"] }, "town", ["nextAvailableAt EXISTS"])).toBe("(nextAvailableAt EXISTS)");
  });

  it("rejects an unknown facet", () => {
    expect(() => buildFilterExcept(filters, "colour" as never)).toThrow(UnknownFacetError);
  });
});

describe("selectedFacets", () => {
  it("lists facets with at least one value, in facet order", () => {
    expect(selectedFacets({ town: ["x"], category: [], kind: ["lawyer"] })).toEqual(["kind", "town"]);
  });
});
