// Index-time analysis: field text → term ids.
// - CJK run: every unigram and bigram (1- and 2-character queries match anywhere, whatever jieba
//   thinks the words are); in short fields also the whole run and jieba's search-mode words of 3+
//   characters (a whole-word match of "医疗纠纷" or "张伟明" scores above matching its bigrams).
// - Latin run: the word, plus every proper prefix as a separate "prefix" term, so as-you-type prefix
//   search on the last query word is one posting lookup instead of a vocabulary scan (terms.ts).
// Titles, organisations, category and town names repeat across thousands of documents, so results are
// cached per distinct string. Bios are mostly unique, so they are not cached, and get no jieba words
// (a third of a bulk build's time for a ranking nicety: a bio matches "医疗纠纷" by its bigrams).
import { getJieba, isCjk, normalize, scanRuns } from "./text";
import type { TermDict } from "./terms";

const CACHE_LIMIT = 50_000;

export class Analyzer {
  private readonly textCache = new Map<string, Int32Array>();

  constructor(private readonly dict: TermDict) {}

  /**
   * Appends the term ids of `text` to `out` (with repeats; the caller de-duplicates per document).
   * - "value": a value many documents share (title, organisation, category/town name): cached,
   *   with its whole runs and jieba words;
   * - "name": a person's or committee's name, or its pinyin: mostly distinct, so not cached; the
   *   whole name is a word, jieba has nothing to add to it;
   * - "long": a bio: not cached, and no words at all (bigrams cover it).
   */
  termsInto(text: string, out: number[], kind: "value" | "name" | "long"): void {
    if (!text) return;
    const cache = kind === "value";
    const hit = cache ? this.textCache.get(text) : undefined;
    if (hit) {
      for (let i = 0; i < hit.length; i++) out.push(hit[i]);
      return;
    }
    const from = out.length;
    const s = normalize(text);
    scanRuns(s, (start, end, cjk) => {
      if (cjk) this.cjkTerms(s, start, end, kind, out);
      else this.dict.latinInto(s, start, end, out);
    });
    if (cache) {
      if (this.textCache.size >= CACHE_LIMIT) this.textCache.clear();
      this.textCache.set(text, Int32Array.from(out.slice(from)));
    }
  }

  /** The term of a whole name ("张伟" for 张伟 but not for 张伟明). */
  nameTerm(name: string, create: boolean): number {
    return this.dict.name(nameKey(name), create);
  }

  /**
   * The term of a person's surname, taken as the name's first character ("龙" for 龙旭, not for 马飞龙),
   * or -1 when the name does not start with a CJK character. Names and surnames share one dictionary:
   * the marker keeps a one-character name's whole-name term apart from its surname term.
   */
  surnameTerm(name: string, create: boolean): number {
    const key = nameKey(name);
    return key.length > 0 && isCjk(key.charCodeAt(0)) ? this.dict.name(`\u0001${key[0]}`, create) : -1;
  }

  private cjkTerms(s: string, start: number, end: number, kind: "value" | "name" | "long", out: number[]): void {
    const dict = this.dict;
    let prev = -1;
    for (let i = start; i < end; i++) {
      const c = s.charCodeAt(i);
      out.push(dict.unigram(c, true));
      if (prev >= 0) out.push(dict.bigram(prev, c, true));
      prev = c;
    }
    if (kind !== "long" && end - start >= 3) {
      // The whole run too: a short field's value ("海事渔事纠纷", "沈家门街道") is then one term, which
      // is how synonyms find their category without intersecting five bigram lists.
      const run = s.slice(start, end);
      out.push(dict.word(run, true));
      if (kind === "value") for (const w of getJieba().cutForSearch(run, true)) if (w.length >= 3) out.push(dict.word(w, true));
    }
  }
}

/**
 * The term every committee holds for each of its categories ("\u0001committee:labour"), which no text
 * can produce: query.ts matches it for a synonym naming that category, so the committee ranks with
 * the literal matches of the word.
 */
export function committeeTermKey(category: string): string {
  return `\u0001committee:${category}`;
}

/** How a name is compared as a whole: normalised, without spaces. */
export function nameKey(text: string): string {
  return normalize(text).replace(/\s+/g, "");
}
