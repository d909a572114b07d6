// Query analysis: the query string → words, each a set of alternative ways to match it.
// - CJK runs of 1–2 characters (or a synonym key) are one word; longer runs are cut by jieba, each
//   piece a word, so "医疗纠纷律师" is two words, both required (and droppable from the end).
// - A CJK word of 1–2 characters is one unigram/bigram term. A longer one matches as a whole word
//   (when the index has it as one) or as all of its bigrams, so a bio, which is indexed by bigrams
//   only, or a segmentation that differs between query and document never loses the document.
// - A Latin word matches exactly, by prefix if it is the last word (as you type), and with one typo
//   if it has 5+ letters. Typo matches are put in a lower tier, so they rank below every exact match.
// - A word that is a key of CATEGORY_SYNONYMS also matches its values, below itself: a match of the
//   word as typed (its term, its bigrams, its prefix) is worth EXACT more than any match reached only
//   through a synonym, whatever the fields, as Meilisearch's `exactness` rule before `attribute`
//   (ADR 020): 离婚 in a bio ranks above 婚姻家庭纠纷 in the category names.
import { CATEGORIES } from "../../domain";
import { CATEGORY_SYNONYMS } from "../synonyms";
import { committeeTermKey } from "./analyze";
import { bigrams, getJieba, isCjk, normalize, runs } from "./text";
import type { TermDict } from "./terms";
import type { TypoIndex } from "./typo";

/** Scores: exact matches of every word live in a tier above any typo match (tier = +TIER). */
export const TIER = 100;
export const PREFIX_FACTOR = 0.7;
export const TYPO_FACTOR = 0.5;
export const SYNONYM_FACTOR = 0.8;
/**
 * Added to every alternative matching the word as typed (not a synonym, not a typo): more than the
 * heaviest field weight (10), so exactness decides before the field does, and less than TIER.
 */
export const EXACT = 20;
/** A CJK word matched as its bigrams rather than as a whole word. */
export const BIGRAMS_FACTOR = 0.9;
export const MAX_WORDS = 10;

/** Single characters jieba leaves between words that carry no meaning in a search. */
const STOP_CHARS = new Set(["的", "和", "与", "及", "或", "在", "了", "是", "被", "我", "要", "找", "个"]);

/** One way to match a word: all `terms` must be present (one term, or the bigrams of a word). */
export interface Alternative {
  terms: number[];
  factor: number;
  tier: number;
}

/**
 * What to mark in highlights. A CJK word is marked whole where a field holds it, else by the bigrams
 * it matched through (so 医疗纠纷 does not also mark every 纠纷); Latin words are marked whole, the
 * last one also as a prefix.
 */
export interface Marks {
  cjk: Array<{ whole: string; pieces: string[] }>;
  latin: Array<{ text: string; prefix: boolean }>;
}

export interface QueryWord {
  text: string;
  alternatives: Alternative[];
  marks: Marks;
}

interface RawWord {
  text: string;
  cjk: boolean;
}

/** The query's words in order (at most MAX_WORDS), before looking anything up. */
export function splitQuery(q: string): RawWord[] {
  const out: RawWord[] = [];
  for (const run of runs(normalize(q))) {
    if (!run.cjk || run.text.length <= 2 || synonymsOf(run.text).length > 0) {
      out.push({ text: run.text, cjk: run.cjk });
      continue;
    }
    const pieces = getJieba().cut(run.text, true);
    const kept = pieces.filter((p) => !(p.length === 1 && STOP_CHARS.has(p)));
    for (const p of kept.length ? kept : pieces) out.push({ text: p, cjk: true });
  }
  return out.slice(0, MAX_WORDS);
}

/** Own keys only: a query word like "constructor" must not find Object.prototype. */
function synonymsOf(word: string): readonly string[] {
  return Object.hasOwn(CATEGORY_SYNONYMS, word) ? CATEGORY_SYNONYMS[word] : [];
}

export function parseQuery(q: string, dict: TermDict, typos: TypoIndex): QueryWord[] {
  const raw = splitQuery(q);
  return raw.map((w, i) => {
    const last = i === raw.length - 1;
    const marks: Marks = { cjk: [], latin: [] };
    const alternatives: Alternative[] = [];
    const addText = (text: string, factor: number, exact: number, asLast: boolean, wholeIfKnown: boolean) => {
      if (!isCjk(text.charCodeAt(0))) latinAlternatives(text, factor, exact, asLast, dict, typos, alternatives, marks);
      else cjkAlternatives(text, factor, exact, wholeIfKnown, dict, alternatives, marks);
    };
    addText(w.text, 1, EXACT, last, false);
    for (const synonym of synonymsOf(w.text)) {
      const value = normalize(synonym);
      const categories = categoriesNamedBy(value);
      if (categories.length === 0) {
        // A word for the same thing (拖欠工资 → 欠薪), not a category: matched as the word itself.
        addText(value, SYNONYM_FACTOR, EXACT, false, false);
        continue;
      }
      // A category's name or part of one: its whole-word term (indexed for short fields) is enough when
      // the index has it; bios are not searched for it bigram by bigram. Below the word as typed…
      addText(value, SYNONYM_FACTOR, 0, false, true);
      // …except for the committee of that category, the centre's own answer for the dispute, which
      // ranks with the literal matches (漏水: the property committee among the 13 profiles naming it).
      for (const slug of categories) {
        const term = dict.word(committeeTermKey(slug), false);
        if (term >= 0) alternatives.push({ terms: [term], factor: SYNONYM_FACTOR, tier: TIER + EXACT });
      }
    }
    return { text: w.text, alternatives, marks };
  });
}

/** The categories whose Chinese name holds `value` (劳动 → labour), none for a word of another kind. */
function categoriesNamedBy(value: string): string[] {
  return CATEGORIES.filter((c) => c.zh.includes(value)).map((c) => c.slug);
}

function cjkAlternatives(
  text: string,
  factor: number,
  exact: number,
  wholeIfKnown: boolean,
  dict: TermDict,
  out: Alternative[],
  marks: Marks,
): void {
  const whole = dict.cjk(text);
  if (whole >= 0) out.push({ terms: [whole], factor, tier: TIER + exact });
  if (text.length <= 2 || (wholeIfKnown && whole >= 0)) {
    marks.cjk.push({ whole: text, pieces: [] });
    return;
  }
  const pieces = bigrams(text);
  const terms = pieces.map((b) => dict.cjk(b));
  // A bigram the index has never seen: this alternative cannot match anything.
  if (terms.every((t) => t >= 0)) out.push({ terms, factor: factor * BIGRAMS_FACTOR, tier: TIER + exact });
  marks.cjk.push({ whole: text, pieces });
}

function latinAlternatives(
  text: string,
  factor: number,
  exact: number,
  last: boolean,
  dict: TermDict,
  typos: TypoIndex,
  out: Alternative[],
  marks: Marks,
): void {
  marks.latin.push({ text, prefix: last });
  const word = dict.latinWord(text);
  if (word >= 0) out.push({ terms: [word], factor, tier: TIER + exact });
  if (last) {
    const prefix = dict.latinPrefix(text);
    if (prefix >= 0) out.push({ terms: [prefix], factor: factor * PREFIX_FACTOR, tier: TIER + exact });
  }
  for (const { id, word } of typos.lookup(text)) {
    out.push({ terms: [id], factor: factor * TYPO_FACTOR, tier: 0 });
    marks.latin.push({ text: word, prefix: false });
  }
}
