// A SearchQuery as one Meilisearch multi-search request. Pure: no client, no I/O.
//
// Facets are disjunctive, the Algolia way: the main query is filtered by every selection and returns
// the counts of the facets that have none; each facet that has a selection gets one more query, filtered
// by the *other* facets only (limit 0), whose counts say "how many would match if you also ticked this
// value". All of it goes in one multiSearch round trip.
import type { MatchingStrategies, MultiSearchQuery } from "meilisearch";
import { FACETS, type FacetName } from "../../domain";
import { splitQuery } from "../embedded/query";
import { CATEGORY_SYNONYMS } from "../synonyms";
import { engineFilters } from "../reach";
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, type SearchFilters, type SearchQuery, type SortOrder } from "../types";
import { CHARACTERS_FIELD } from "./documents";
import { buildFilter, buildFilterExcept, MEILI_FACET_FIELDS, quoteFilterValue, selectedFacets } from "./filters";
import { CHINESE_LOCALE, SEARCHABLE_ATTRIBUTES } from "./settings";

export const HIGHLIGHTED_ATTRIBUTES = ["name", "title", "organisation", "bio", "categoryNames"] as const;

/**
 * Every query word must match. `sort` is the first ranking rule (see settings.ts), so with the default
 * "last" strategy a sorted list would mix documents that match only the first word in among full
 * matches, and totals would count them; "all" keeps the result set exactly "matches the query".
 */
export const MATCHING_STRATEGY: MatchingStrategies = "all";

export interface MeiliSearchPlan {
  /** queries[0] is the main query; queries[i + 1] computes the counts of disjunctiveFacets[i]. */
  queries: MultiSearchQuery[];
  disjunctiveFacets: FacetName[];
  /** The character of a one-character query matched as written (see literalCharacter). */
  literal?: string;
  /** The filters as asked (before search/reach.ts folded town and mode), which the counts are turned back by. */
  asked: SearchFilters;
}

export interface BuildOptions {
  /** Extra conditions in Meilisearch filter syntax, AND'ed into every query (main and facet ones). */
  extraFilters?: readonly string[];
  /**
   * For an index whose settings predate the Meilisearch-only fields (not reindexed since): no
   * characters filter, no attributesToSearchOn, which it would refuse. Less exact, but it answers.
   */
  legacySettings?: boolean;
}

/** The `sort` parameter for a SortOrder; undefined means "rank by relevance only". */
export function sortFor(sort: SortOrder, q: string): string[] | undefined {
  switch (sort) {
    case "relevance":
      // Nothing to be relevant to: show the most successful first rather than insertion order.
      return q.trim() ? undefined : ["score:desc"];
    case "success":
      return ["score:desc", "closed:desc"];
    case "available":
      // Documents without nextAvailableAt (omitted, see documents.ts) come after all dated ones.
      return ["nextAvailableAt:asc"];
    default:
      throw new Error(`Unknown sort order ${JSON.stringify(sort satisfies never)}`);
  }
}

/** 1-based page and page size, made safe: page ≥ 1, hitsPerPage ≥ 0, both integers. */
export function pagination(page: number, perPage: number): { page: number; hitsPerPage: number } {
  const p = Number.isFinite(page) ? Math.floor(page) : 1;
  const n = Number.isFinite(perPage) ? Math.floor(perPage) : 0;
  return { page: Math.max(1, p), hitsPerPage: Math.max(0, n) };
}

/**
 * Short Han-only queries ("王芳", "欠薪") are easily taken for Japanese; say they are Mandarin, as the
 * fields are (localizedAttributes). Pinyin and English queries keep automatic detection.
 */
export function queryLocales(q: string): string[] | undefined {
  return /\p{Script=Han}/u.test(q) ? [CHINESE_LOCALE] : undefined;
}

/**
 * The text sent as `q`. Meilisearch matches the last query word as a prefix, and it matches Chinese by
 * its tone-marked pinyin, so a trailing single character becomes "any word whose reading starts so":
 * 高级工程师 is cut 高级/工程/师 and 师 (shī) then finds 施工 (shīgōng), a 高级律师 with 工程款 matters.
 * A trailing space makes the last word whole (Meilisearch's rule). Only for a final run of three or more
 * Han characters, which is a word or a name typed to its end: a one- or two-character query keeps its
 * prefix, so 医 still finds 医疗 and 张伟 still finds 张伟明.
 */
export function meiliQueryText(q: string): string {
  return /\p{Script=Han}{3,}$/u.test(q) ? `${q} ` : q;
}

/**
 * A query that is one Chinese character, matched as written: the character, or undefined. Meilisearch
 * matches Chinese by its reading and the last word as a prefix, so 陈 (chén) alone would also find 晨
 * and 程 (chéng); a filter on the characters as written (documents.ts CHARACTERS_FIELD) keeps the
 * documents that hold it. Not for a synonym key (船): its synonyms are the point, and they are other
 * characters.
 */
export function literalCharacter(q: string): string | undefined {
  const c = q.trim();
  return /^\p{Script=Han}$/u.test(c) && !Object.hasOwn(CATEGORY_SYNONYMS, c) ? c : undefined;
}

/** Only set the keys that have a value, so the request says exactly what it means. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function buildSearchRequest(indexUid: string, query: SearchQuery, opts: BuildOptions = {}): MeiliSearchPlan {
  const q = (query.q ?? "").trim();
  const asked = query.filters ?? {};
  const filters = engineFilters(asked);
  const selected = selectedFacets(filters);
  const disjunctiveFacets = FACETS.filter((f) => selected.includes(f));
  const locales = queryLocales(q);
  const literal = opts.legacySettings ? undefined : literalCharacter(q);
  // "Free within N days": a range condition on every query, so facet counts respect it too; a
  // one-character query keeps only the documents holding that character, in hits and counts alike.
  const extra = [
    ...(opts.extraFilters ?? []),
    ...(query.availableBefore !== undefined ? [`nextAvailableAt <= ${Math.floor(query.availableBefore)}`] : []),
    ...(literal ? [`${CHARACTERS_FIELD} = ${quoteFilterValue(literal)}`] : []),
  ];
  const common = compact({
    indexUid,
    q: meiliQueryText(q),
    matchingStrategy: MATCHING_STRATEGY,
    locales,
    // The characters field serves one-character queries only: in a longer query it would match each
    // one-character piece anywhere (高级工程师 is cut 高级/工程/师, and 师 is in every 律师's title).
    attributesToSearchOn: literal || opts.legacySettings ? undefined : SEARCHABLE_ATTRIBUTES.filter((a) => a !== CHARACTERS_FIELD),
  });

  // Page/hitsPerPage (not offset/limit): Meilisearch then counts exhaustively and returns totalHits.
  const unselected = FACETS.filter((f) => !selected.includes(f)).map((f) => MEILI_FACET_FIELDS[f]);
  const main: MultiSearchQuery = compact({
    ...common,
    filter: buildFilter(filters, { extra }),
    sort: sortFor(query.sort, q),
    ...pagination(query.page, query.perPage),
    facets: unselected.length ? unselected : undefined,
    attributesToHighlight: q ? [...HIGHLIGHTED_ATTRIBUTES] : undefined,
    // Tells which fields matched, so a pinyin or initials match can mark the whole name.
    showMatchesPosition: q ? true : undefined,
    highlightPreTag: q ? HIGHLIGHT_PRE : undefined,
    highlightPostTag: q ? HIGHLIGHT_POST : undefined,
  });

  const facetQueries = disjunctiveFacets.map((facet): MultiSearchQuery =>
    compact({
      ...common,
      filter: buildFilterExcept(filters, facet, extra),
      facets: [MEILI_FACET_FIELDS[facet]],
      limit: 0,
    }),
  );

  return compact({ queries: [main, ...facetQueries], disjunctiveFacets, literal, asked });
}

/**
 * The query with its last word removed, or null when one word is left. With matchingStrategy "all", a
 * query whose words never all match retries with fewer words, from the end: the contract's "last"
 * behaviour without mixing partial matches into full ones. Words are the embedded engine's
 * (search/embedded/query.ts splitQuery: jieba for Chinese runs, meaningless single characters
 * dropped), so a sentence typed without spaces (渔船碰撞怎么办) loses 怎么办, not everything, and
 * both engines fall back through the same words.
 */
export function dropLastWord(q: string): string | null {
  const words = splitQuery(q).map((w) => w.text);
  return words.length > 1 ? words.slice(0, -1).join(" ") : null;
}
