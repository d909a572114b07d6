// Text normalisation and script runs shared by indexing, querying and highlighting.
// Chinese has no spaces, so text is split into runs of CJK characters and runs of Latin letters/digits;
// CJK runs are then cut by jieba (words) and into unigrams/bigrams (so 1- and 2-character queries match
// whatever jieba decided), Latin runs are words.
import { Jieba } from "@node-rs/jieba";
// The ".js" suffix: the package has no "exports" map, so plain Node ESM needs the file name.
import { dict } from "@node-rs/jieba/dict.js";
import { foldChinese } from "../fold";

let jieba: Jieba | undefined;
/** Loading the dictionary takes ~200 ms, so it happens once, on first use. */
export function getJieba(): Jieba {
  return (jieba ??= Jieba.withDict(dict));
}

// Text needing no work: no capitals, nothing NFKC could change into letters or digits (full-width
// forms, compatibility ideographs, ligatures…). Almost all text is like this and is used as it is;
// punctuation, full-width or not, separates words either way.
const CLEAN =
  // eslint-disable-next-line no-control-regex -- the first range is all of ASCII below "A", control characters included
  /^[\u0000-\u0040\u005b-\u009f\u00df-\u00ff\u2000-\u206f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]*$/;

/**
 * Full-width forms to ASCII (NFKC) and lower case: "ＺＨＡＮＧ" and "Zhang" index as "zhang"; and
 * traditional characters to simplified (fold.ts): "龍旭" indexes and queries as "龙旭".
 */
export function normalize(text: string): string {
  return foldChinese(CLEAN.test(text) ? text : text.normalize("NFKC").toLowerCase());
}

export function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Latin letters (with accents) and digits, after lower-casing. */
export function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
}

/**
 * Calls `visit(start, end, cjk)` for each CJK run and each Latin/digit run of normalised text, in
 * order; everything else separates. A plain loop: this runs over every bio of a bulk build.
 */
export function scanRuns(s: string, visit: (start: number, end: number, cjk: boolean) => void): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isCjk(c)) {
      let j = i + 1;
      while (j < n && isCjk(s.charCodeAt(j))) j++;
      visit(i, j, true);
      i = j;
    } else if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(s.charCodeAt(j))) j++;
      visit(i, j, false);
      i = j;
    } else i++;
  }
}

export interface Run {
  text: string;
  cjk: boolean;
}

export function runs(normalized: string): Run[] {
  const out: Run[] = [];
  scanRuns(normalized, (start, end, cjk) => out.push({ text: normalized.slice(start, end), cjk }));
  return out;
}

/** Overlapping bigrams of a CJK run: "医疗纠纷" → 医疗, 疗纠, 纠纷. */
export function bigrams(run: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

/** Latin word made of letters only: the only words typo tolerance applies to (not numbers). */
export function isLetters(word: string): boolean {
  return /^[a-z]+$/.test(word);
}
