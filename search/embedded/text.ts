// Text normalisation and script runs shared by indexing, querying and highlighting.
// Chinese has no spaces, so text is split into runs of CJK characters and runs of Latin letters/digits;
// CJK runs are then cut by jieba (words) and into unigrams/bigrams (so 1- and 2-character queries work
// whatever jieba decided), Latin runs are words.
import { Jieba } from "@node-rs/jieba";
// The ".js" suffix: the package has no "exports" map, so plain Node ESM needs the file name.
import { dict } from "@node-rs/jieba/dict.js";

let jieba: Jieba | undefined;
/** Loading the dictionary takes ~200 ms, so it happens once, on first use. */
export function getJieba(): Jieba {
  return (jieba ??= Jieba.withDict(dict));
}

/** Full-width forms to ASCII (NFKC) and lower case: "ＺＨＡＮＧ" and "Zhang" index as "zhang". */
export function normalize(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

export function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

const RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9\u00c0-\u024f]+/g;

export interface Run {
  text: string;
  cjk: boolean;
}

/** CJK runs and Latin/digit runs of already-normalised text, in order; everything else separates. */
export function runs(normalized: string): Run[] {
  const out: Run[] = [];
  for (const m of normalized.matchAll(RUN)) out.push({ text: m[0], cjk: isCjk(m[0].charCodeAt(0)) });
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
