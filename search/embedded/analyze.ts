// Index-time analysis: field text → term ids.
// - CJK run: every unigram and bigram (1- and 2-character queries match anywhere, whatever jieba
//   thinks the words are) plus jieba's search-mode words of 3+ characters (a whole-word match of
//   "医疗纠纷" or "张伟明" scores above matching its bigrams piecemeal).
// - Latin run: the word, plus every proper prefix as a separate "prefix" term, so as-you-type prefix
//   search on the last query word is one posting lookup instead of a vocabulary scan.
// Titles, organisations, category and town names repeat across thousands of documents, so results are
// cached per distinct string. Bios are mostly unique, so they are not cached, and get no jieba words
// (a third of a bulk build's time for a ranking nicety: a bio matches "医疗纠纷" by its bigrams).
import { getJieba, normalize, scanRuns } from "./text";
import type { TermDict } from "./terms";

/** Prefix terms stop here: longer prefixes of a word are rare queries and cost memory. */
const MAX_PREFIX = 20;
const CACHE_LIMIT = 50_000;

export class Analyzer {
  private readonly textCache = new Map<string, Int32Array>();
  private readonly latinCache = new Map<string, Int32Array>();
  private readonly scratch: number[] = [];

  constructor(private readonly dict: TermDict) {}

  /**
   * Appends the term ids of `text` to `out` (with repeats; the caller de-duplicates per document).
   * `short`: a title/name-like value, cached and cut into jieba words; else a bio.
   */
  termsInto(text: string, out: number[], short: boolean): void {
    const cache = short;
    if (!text) return;
    const hit = cache ? this.textCache.get(text) : undefined;
    if (hit) {
      for (let i = 0; i < hit.length; i++) out.push(hit[i]);
      return;
    }
    const start = out.length;
    const s = normalize(text);
    scanRuns(s, (start, end, cjk) => {
      if (cjk) this.cjkTerms(s, start, end, short, out);
      else this.latinTerms(s.slice(start, end), out);
    });
    if (cache) {
      if (this.textCache.size >= CACHE_LIMIT) this.textCache.clear();
      this.textCache.set(text, Int32Array.from(out.slice(start)));
    }
  }

  /** The term of a whole name ("张伟" for 张伟 but not for 张伟明). */
  nameTerm(name: string, create: boolean): number {
    return this.dict.name(nameKey(name), create);
  }

  private cjkTerms(s: string, start: number, end: number, words: boolean, out: number[]): void {
    const dict = this.dict;
    let prev = -1;
    for (let i = start; i < end; i++) {
      const c = s.charCodeAt(i);
      out.push(dict.unigram(c, true));
      if (prev >= 0) out.push(dict.bigram(prev, c, true));
      prev = c;
    }
    if (words && end - start >= 3) {
      for (const w of getJieba().cutForSearch(s.slice(start, end), true)) if (w.length >= 3) out.push(dict.word(w, true));
    }
  }

  private latinTerms(word: string, out: number[]): void {
    let ids = this.latinCache.get(word);
    if (!ids) {
      const s = this.scratch;
      s.length = 0;
      s.push(this.dict.word(word, true, true));
      const n = Math.min(word.length - 1, MAX_PREFIX);
      for (let p = 1; p <= n; p++) s.push(this.dict.prefix(word.slice(0, p), true));
      ids = Int32Array.from(s);
      if (this.latinCache.size >= CACHE_LIMIT) this.latinCache.clear();
      this.latinCache.set(word, ids);
    }
    for (let i = 0; i < ids.length; i++) out.push(ids[i]);
  }
}

/** How a name is compared as a whole: normalised, without spaces. */
export function nameKey(text: string): string {
  return normalize(text).replace(/\s+/g, "");
}
