// A SearchQuery as one Meilisearch multi-search request. Pure: no client, no I/O.
//
// Facets are disjunctive, the Algolia way: the main query is filtered by every selection and returns
// the counts of the facets that have none; each facet that has a selection gets one more query, filtered
// by the *other* facets only (limit 0), whose counts say "how many would match if you also ticked this
// value". All of it goes in one multiSearch round trip.
import { TfIdf } from "@node-rs/jieba";
// The ".js" suffix: the package has no "exports" map, so plain Node ESM needs the file name.
import { idf } from "@node-rs/jieba/dict.js";
import type { MatchingStrategies, MultiSearchQuery } from "meilisearch";
import { FACETS, type FacetName } from "../../domain";
import { splitQuery } from "../embedded/query";
import { getJieba } from "../embedded/text";
import { FOLD, foldChinese } from "../fold";
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
  const c = foldChinese(q.trim());
  return /^\p{Script=Han}$/u.test(c) && !Object.hasOwn(CATEGORY_SYNONYMS, c) ? c : undefined;
}

let variantsOf: Map<string, string[]> | undefined;
/**
 * The characters that fold to the same simplified one (search/fold.ts), itself first: 龙 → 龙 龍. The
 * characters field holds the documents' characters as written, so the one-character filter names every
 * form, and 龍 finds 龙旭 while a profile written 龍 is still found by 龙, as in the embedded engine
 * (which folds both sides).
 */
export function characterVariants(c: string): string[] {
  if (!variantsOf) {
    variantsOf = new Map();
    for (let code = 0; code < FOLD.length; code++) {
      if (FOLD[code] === 0) continue;
      const simplified = String.fromCharCode(FOLD[code]);
      const list = variantsOf.get(simplified);
      if (list) list.push(String.fromCharCode(code));
      else variantsOf.set(simplified, [String.fromCharCode(code)]);
    }
  }
  const s = foldChinese(c);
  return [s, ...(variantsOf.get(s) ?? [])];
}

/** `characters = "陈"`, or `characters IN ["龙", "龍"]` when other characters fold to it. */
export function literalFilter(c: string): string {
  const forms = characterVariants(c).map(quoteFilterValue);
  return forms.length === 1 ? `${CHARACTERS_FIELD} = ${forms[0]}` : `${CHARACTERS_FIELD} IN [${forms.join(", ")}]`;
}

/** Only set the keys that have a value, so the request says exactly what it means. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function buildSearchRequest(indexUid: string, query: SearchQuery, opts: BuildOptions = {}): MeiliSearchPlan {
  // Traditional and variant characters as simplified, one for one (search/fold.ts), as the embedded
  // engine reads them: Meilisearch reads 離婚 as the single characters 離 and 婚, which then have to be
  // joined at the cost of a typo that bio does not allow, where 离婚 is one word.
  const q = foldChinese((query.q ?? "").trim());
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
    ...(literal ? [literalFilter(literal)] : []),
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

let idfTable: TfIdf | undefined;
/**
 * How much a word says: its inverse document frequency in jieba's table of general Chinese (怎么 4.4,
 * 老板 7.0, 工伤 9.9, 拖欠工资 11.7). A word the table does not hold as one word (most names, Latin
 * words) says the most. The table is loaded on the first query that needs it (~165 ms, ~21 MB).
 */
export function wordWeight(word: string): number {
  idfTable ??= TfIdf.withDict(idf);
  const table = idfTable;
  const known = (w: string) => {
    const [k] = table.extractKeywords(getJieba(), w, 1);
    return k && k.keyword === w ? k.weight : undefined;
  };
  // The words come folded (splitQuery), and the table is of words as written: 怎么 folds to 怎幺, so the
  // word's other forms are looked up too (a few: words are short, and few characters have other forms).
  let forms = [""];
  for (const c of word) {
    forms = forms.flatMap((f) => characterVariants(c).map((v) => f + v));
    if (forms.length > MAX_FORMS) return known(word) ?? Number.POSITIVE_INFINITY;
  }
  let weight: number | undefined;
  for (const f of forms) weight = Math.max(weight ?? Number.NEGATIVE_INFINITY, known(f) ?? Number.NEGATIVE_INFINITY);
  return weight === undefined || weight === Number.NEGATIVE_INFINITY ? Number.POSITIVE_INFINITY : weight;
}
/** The most forms of a word looked up in the table. */
const MAX_FORMS = 16;

/**
 * The query with one word removed, or null when one word is left. With matchingStrategy "all", a query
 * whose words never all match retries with fewer words: the contract's "last" behaviour without mixing
 * partial matches into full ones. Words are the embedded engine's (search/embedded/query.ts splitQuery:
 * jieba for Chinese runs, meaningless single characters dropped), so a sentence typed without spaces
 * loses a word, not everything. The word dropped is the one that says least (wordWeight), the last of
 * equals: a word no document holds is usually a word of the sentence around the matter (请问, 怎么,
 * 老板), which the embedded engine leaves out wherever it stands, as it knows its index; Meilisearch
 * would have to be asked word by word, so the commonest word goes first. 渔船碰撞怎么办 → 渔船 碰撞,
 * 老板拖欠工资 → 拖欠工资, 请问工伤怎么赔偿 → 请问 工伤 赔偿 → 请问 工伤 → 工伤; among words alike
 * (names) from the end, as before: 张伟明 青蛙 海边 → 张伟明 青蛙.
 */
export function dropWeakestWord(q: string): string | null {
  const words = splitQuery(q).map((w) => w.text);
  if (words.length <= 1) return null;
  const weights = words.map(wordWeight);
  let drop = words.length - 1;
  for (let i = words.length - 2; i >= 0; i--) if (weights[i] < weights[drop]) drop = i;
  return words.filter((_, i) => i !== drop).join(" ");
}

/** The name engine.ts retries by (it dropped the last word before the words' weights). */
export const dropLastWord = dropWeakestWord;
