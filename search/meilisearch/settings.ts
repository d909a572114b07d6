// The one place the Meilisearch index settings live. Applied by MeilisearchEngine.setup() (at setup and
// reindex), never on every write.
import type { Settings, Synonyms } from "meilisearch";
import { CATEGORY_SYNONYMS } from "../synonyms";
import { FACET_FIELDS } from "../types";

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
] as const;

/** Every facet field, plus nextAvailableAt for "free before …" conditions. */
export const FILTERABLE_ATTRIBUTES = [...Object.values(FACET_FIELDS), "nextAvailableAt"] as const;

export const SORTABLE_ATTRIBUTES = ["score", "closed", "nextAvailableAt", "yearsOfExperience"] as const;

/**
 * Meilisearch's default rules with `sort` moved first. A `sort` parameter is only ever sent when the
 * party asked for an order (or for the empty query), and then that order must hold across the whole
 * result, not only break ties between equally relevant hits. Without a `sort` parameter the rule is a
 * no-op, so relevance ordering is unchanged.
 */
export const RANKING_RULES = ["sort", "words", "typo", "proximity", "attribute", "exactness"] as const;

/**
 * Fields written in Chinese. Telling Meilisearch they are Mandarin stops short, Han-only strings (a
 * two-character name) from being detected as Japanese and segmented or normalised the Japanese way.
 * The locale only constrains how Han script is handled; the English names also stored in
 * categoryNames/townNames keep the Latin pipeline.
 */
export const CHINESE_ATTRIBUTES = ["name", "categoryNames", "memberNames", "title", "organisation", "townNames", "bio"] as const;
export const CHINESE_LOCALE = "cmn";

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
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      // "zw" must not also match "zy", "xw"…: initials are exact or nothing.
      disableOnAttributes: ["nameInitials"],
    },
    localizedAttributes: [{ attributePatterns: [...CHINESE_ATTRIBUTES], locales: [CHINESE_LOCALE] }],
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET },
  };
}
