// The one place the Meilisearch index settings live. Applied by MeilisearchEngine.setup() (at setup and
// reindex), never on every write.
import type { Settings, Synonyms } from "meilisearch";
import { CATEGORY_SYNONYMS } from "../synonyms";
import { REACH_FIELD } from "../reach";
import { FACET_FIELDS } from "../types";
import { CHARACTERS_FIELD, LATIN_WORDS_FIELD } from "./documents";

/** Searchable fields, most important first: Meilisearch's `attribute` rule ranks by this order. */
export const SEARCHABLE_ATTRIBUTES = [
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
  // Meilisearch-only (documents.ts): each Chinese character, for one-character queries only (query.ts).
  CHARACTERS_FIELD,
  // Meilisearch-only (documents.ts): the Latin words of the fields above, with typos (bio has none).
  LATIN_WORDS_FIELD,
] as const;

/** Every facet field, nextAvailableAt for "free before …" conditions, and the characters as written. */
export const FILTERABLE_ATTRIBUTES = [...Object.values(FACET_FIELDS), REACH_FIELD, "nextAvailableAt", CHARACTERS_FIELD] as const;

export const SORTABLE_ATTRIBUTES = ["score", "closed", "nextAvailableAt", "yearsOfExperience"] as const;

/**
 * Meilisearch's rules with `sort` moved first, `exactness` before `attribute`, and the success score last.
 * - `sort` first: a `sort` parameter is only sent when the party asked for an order (or for the empty
 *   query), and then that order must hold across the whole result, not only break ties. Without a
 *   `sort` parameter the rule is a no-op.
 * - `exactness` before `attribute`: a profile that holds the very word typed (离婚 in 离婚财产分割)
 *   ranks above one reached only through a synonym in a more important field (婚姻家庭纠纷 in the
 *   category names). Measured on the judged queries (docs/performance.md, "Judged queries").
 * - `score:desc` last: equally relevant hits are ordered by success score, as the embedded engine
 *   breaks its ties (rather than by Meilisearch's internal document order).
 */
export const RANKING_RULES = ["sort", "words", "typo", "proximity", "exactness", "attribute", "score:desc"] as const;

/**
 * Fields written in Chinese. Telling Meilisearch they are Mandarin stops short, Han-only strings (a
 * two-character name) from being detected as Japanese and segmented or normalised the Japanese way.
 * The locale only constrains how Han script is handled; the English names also stored in
 * categoryNames/townNames keep the Latin pipeline.
 */
export const CHINESE_ATTRIBUTES = [
  "name",
  "categoryNames",
  "memberNames",
  "title",
  "organisation",
  "townNames",
  "bio",
  CHARACTERS_FIELD,
] as const;
export const CHINESE_LOCALE = "cmn";

/**
 * Where typos are off. Meilisearch turns Han characters into tone-marked pinyin before it matches
 * (charabia's Chinese normaliser), so a Chinese word is as long as its pinyin (装修 "zhuāngxiū", nine
 * letters) and gets typos by that length: one changed letter there is another word, not a slip of the
 * keyboard.
 * But Meilisearch also charges a typo for joining query words that were cut differently from the
 * document's (张伟 → 张伟明, traditional 醫療 → 医疗, which its segmenter cuts into single
 * characters), so turning typos off on every Chinese field loses those matches (the contract's
 * 张伟明, the judged 醫療 and 勞動). Typos are therefore off on the long descriptive fields, where a
 * "typo" is mostly a wrong hit (bio, title, organisation), kept on the short value fields (names,
 * category and town names), and off on the initials ("zw" must not also match "zy", "xw"…). The
 * English words of the typo-free fields are in LATIN_WORDS_FIELD, with typos: "mediaton" still finds
 * an English bio.
 */
export const TYPO_FREE_ATTRIBUTES = ["bio", "title", "organisation", "nameInitials"] as const;

/**
 * Word lengths for one and two typos, counted on the normalised word, which for Chinese is its pinyin.
 * No syllable is longer than six letters (zhuang, shuang), so from seven letters on a single character
 * never gets a typo (at Meilisearch's default of five, 张 "zhāng" matched 争 "zhēng" and 装 "zhuāng"),
 * and a two-character word (at most twelve) never gets two. Latin words need seven letters for one
 * typo ("zhagnwei", "mediaton" keep theirs) and thirteen for two. Measured: of 276 words from the demo
 * pool's profiles with one character changed, 5 found something with the defaults (five and nine, typos
 * everywhere but the initials), 0 with these and TYPO_FREE_ATTRIBUTES.
 */
export const MIN_WORD_SIZE_FOR_TYPOS = { oneTypo: 7, twoTypos: 13 } as const;

/**
 * Single characters that carry no meaning in a search (找个离婚律师 is 离婚 律师): the ones the
 * embedded engine drops (search/embedded/query.ts; settings.test.ts checks both lists agree).
 */
export const STOP_WORDS = ["的", "和", "与", "及", "或", "在", "了", "是", "被", "我", "要", "找", "个"] as const;

/** Enough for exact totals on the whole pool (the pool is a few hundred; benches go far higher). */
export const MAX_TOTAL_HITS = 200_000;
export const MAX_VALUES_PER_FACET = 1_000;

/** Collapse whitespace so a multi-word key or value is one canonical phrase. */
function normaliseTerm(term: string): string {
  return term.trim().replace(/\s+/g, " ");
}

/**
 * search/synonyms.ts as Meilisearch synonyms. Given as key → values they are one-way (a query for the
 * key also finds the values, not the reverse), which is what the table means. Meilisearch treats a
 * multi-word value as a phrase and looks keys up on runs of at most three query words, so keys and
 * values are whitespace-normalised, empty entries and self-references are dropped, and values are
 * de-duplicated.
 */
export function buildSynonyms(table: Record<string, string[]> = CATEGORY_SYNONYMS): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [rawKey, rawValues] of Object.entries(table)) {
    const key = normaliseTerm(rawKey);
    if (!key) continue;
    const values = new Set(out[key] ?? []);
    for (const raw of rawValues) {
      const value = normaliseTerm(raw);
      if (value && value !== key) values.add(value);
    }
    if (values.size) out[key] = [...values];
  }
  return out;
}

export function buildIndexSettings(): Settings {
  const synonyms: Synonyms = buildSynonyms();
  return {
    searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
    displayedAttributes: ["*"],
    filterableAttributes: [...FILTERABLE_ATTRIBUTES],
    sortableAttributes: [...SORTABLE_ATTRIBUTES],
    rankingRules: [...RANKING_RULES],
    synonyms,
    stopWords: [...STOP_WORDS],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { ...MIN_WORD_SIZE_FOR_TYPOS },
      disableOnAttributes: [...TYPO_FREE_ATTRIBUTES],
      // "3+X会商", licence-like numbers: a digit off is another number.
      disableOnNumbers: true,
    },
    localizedAttributes: [{ attributePatterns: [...CHINESE_ATTRIBUTES], locales: [CHINESE_LOCALE] }],
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET },
  };
}
