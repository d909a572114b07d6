// Meilisearch multi-search responses → the port's SearchResult. Pure.
import type { MultiSearchResponse, MultiSearchResult, RecordAny } from "meilisearch";
import { FACETS, type FacetName } from "../../domain";
import { publicFacets } from "../reach";
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, type FacetCounts, type Highlight, type SearchHit, type SearchResult } from "../types";
import { fromMeiliDocument } from "./documents";
import { MEILI_FACET_FIELDS } from "./filters";
import { HIGHLIGHTED_ATTRIBUTES, type MeiliSearchPlan } from "./query";

/** How the entries of an array field (categoryNames) are joined into one string, as the embedded engine does. */
export const ARRAY_HIGHLIGHT_SEPARATOR = "、";

/**
 * Meilisearch marks each matched token on its own, so a Chinese phrase cut into words comes back as
 * `<mark>保险</mark><mark>理赔</mark>`; marks that touch become one, as in the embedded engine.
 */
export function mergeTouchingMarks(text: string): string {
  return text.split(HIGHLIGHT_POST + HIGHLIGHT_PRE).join("");
}

/**
 * The highlighted copies of the fields that actually matched. `_formatted` holds every displayed field,
 * matched or not, so a field counts only when it contains the pre tag; an array field in which some
 * entry matched is given whole, its entries joined with 、 (the embedded engine's form).
 */
export function highlightFromFormatted(
  formatted: RecordAny | undefined,
  matchesPosition?: Record<string, unknown>,
  literal?: string,
): Highlight {
  const highlight: Highlight = {};
  if (!formatted) return highlight;
  if (literal) return literalHighlight(formatted, literal);
  // A match on the name's pinyin or initials marks the whole (Chinese) name, as the embedded engine does.
  const pinyinMatched = PINYIN_FIELDS.some((f) => matchesPosition && f in matchesPosition);
  for (const field of HIGHLIGHTED_ATTRIBUTES) {
    const value: unknown = formatted[field];
    if (typeof value === "string") {
      if (value.includes(HIGHLIGHT_PRE)) highlight[field] = mergeTouchingMarks(value);
    } else if (Array.isArray(value)) {
      const entries = value.filter((v): v is string => typeof v === "string");
      if (entries.some((v) => v.includes(HIGHLIGHT_PRE))) highlight[field] = mergeTouchingMarks(entries.join(ARRAY_HIGHLIGHT_SEPARATOR));
    }
  }
  if (pinyinMatched && !highlight.name && typeof formatted.name === "string")
    highlight.name = `${HIGHLIGHT_PRE}${formatted.name}${HIGHLIGHT_POST}`;
  return highlight;
}

/**
 * A one-character query matched as written (query.ts literalCharacter): Meilisearch marks the words it
 * matched by their reading, which may be another character read alike (晨 for 陈) or none (龙 inside
 * 飞龙), so the character itself is marked wherever it is written, as in the embedded engine.
 */
function literalHighlight(formatted: RecordAny, literal: string): Highlight {
  const highlight: Highlight = {};
  const mark = `${HIGHLIGHT_PRE}${literal}${HIGHLIGHT_POST}`;
  for (const field of HIGHLIGHTED_ATTRIBUTES) {
    const value: unknown = formatted[field];
    const raw =
      typeof value === "string"
        ? value
        : Array.isArray(value)
          ? value.filter((v) => typeof v === "string").join(ARRAY_HIGHLIGHT_SEPARATOR)
          : "";
    const text = stripMarks(raw);
    if (text.includes(literal)) highlight[field] = text.split(literal).join(mark);
  }
  return highlight;
}

const stripMarks = (s: string) => s.split(HIGHLIGHT_PRE).join("").split(HIGHLIGHT_POST).join("");
const PINYIN_FIELDS = ["namePinyin", "namePinyinJoined", "nameInitials"];

function emptyFacets(): FacetCounts {
  return Object.fromEntries(FACETS.map((f) => [f, {}])) as FacetCounts;
}

function countsOf(result: MultiSearchResult<RecordAny>, facet: FacetName): Record<string, number> {
  return { ...(result.facetDistribution?.[MEILI_FACET_FIELDS[facet]] ?? {}) };
}

/** totalHits when the query paged with page/hitsPerPage (exact), else the estimate. */
export function totalOf(result: MultiSearchResult<RecordAny>): number {
  return result.totalHits ?? result.estimatedTotalHits ?? result.hits.length;
}

/** Merge the responses of buildSearchRequest's queries, in the same order, into one SearchResult. */
export function mergeSearchResponses(plan: MeiliSearchPlan, response: MultiSearchResponse<RecordAny>): SearchResult {
  const results = response.results;
  if (results.length !== plan.queries.length) {
    throw new Error(`Meilisearch multi-search returned ${results.length} results for ${plan.queries.length} queries`);
  }
  const [main, ...facetResults] = results;

  const hits: SearchHit[] = main.hits.map((hit) => ({
    document: fromMeiliDocument(hit),
    highlight: highlightFromFormatted(hit._formatted, hit._matchesPosition as Record<string, unknown> | undefined, plan.literal),
  }));

  const facets = emptyFacets();
  for (const facet of FACETS) {
    const i = plan.disjunctiveFacets.indexOf(facet);
    // A facet with a selection takes its counts from its own query (filtered by the other facets only).
    facets[facet] = countsOf(i === -1 ? main : facetResults[i], facet);
  }

  return { total: totalOf(main), hits, facets: publicFacets(facets, plan.asked ?? {}) };
}
