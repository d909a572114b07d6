// Traditional → simplified folding, one character for one (ADR 020). Applied by normalize (embedded/text.ts) to
// everything indexed and every query, so 龍旭 finds 龙旭, 醫療 finds 医疗 and a bio written in
// traditional characters is found by a simplified query.
// The table is OpenCC's (opencc-js, its t2cn preset): the Taiwan and Hong Kong variants first folded to
// OpenCC's traditional standard (裡 → 裏), then its traditional → simplified characters (裏 → 里).
// Only its character tables are used, not its phrase tables: a character always folds to the same
// character, so folding keeps the length and positions of a text (highlights mark the original text
// at the positions found in the folded one), and is one table lookup per character. Where OpenCC would
// choose by the phrase (乾 is 干 in 乾燥 but stays 乾 in 乾隆), the index and the query fold alike, so
// matching is unaffected; only a query 干 also finds 乾隆.
import type { DictLike } from "opencc-js/core";
import { from, to } from "opencc-js/preset/t2cn";

/** The pairs of a dictionary with a single UTF-16 unit on both sides (phrases and astral characters left out). */
function* charPairs(dict: DictLike): Generator<[number, number]> {
  const pairs = typeof dict === "string" ? dict.split("|").map((e) => e.split(" ")) : dict;
  for (const [a, b] of pairs) if (a?.length === 1 && b?.length === 1) yield [a.charCodeAt(0), b.charCodeAt(0)];
}

/** FOLD[c] is the simplified form of the character c, or 0 when c folds to itself. */
export const FOLD: Uint16Array = (() => {
  const toSimplified = new Map<number, number>();
  for (const group of to.cn) for (const dict of group) for (const [t, s] of charPairs(dict)) toSimplified.set(t, s);
  const table = new Uint16Array(0x10000);
  for (const [t, s] of toSimplified) if (t !== s) table[t] = s;
  for (const region of [from.tw, from.hk]) {
    for (const group of region) {
      for (const dict of group) {
        for (const [variant, standard] of charPairs(dict)) {
          const s = toSimplified.get(standard) ?? standard;
          if (variant !== s && !table[variant]) table[variant] = s;
        }
      }
    }
  }
  return table;
})();

/** Characters per String.fromCharCode call (its arguments go on the stack). */
const CHUNK = 4096;

/** `s` with every traditional or variant character replaced by its simplified form (same length). */
export function foldChinese(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && FOLD[s.charCodeAt(i)] === 0) i++;
  if (i === n) return s;
  let out = s.slice(0, i);
  const codes = new Array<number>(CHUNK);
  while (i < n) {
    const end = Math.min(n, i + CHUNK);
    codes.length = end - i;
    for (let j = i; j < end; j++) {
      const c = s.charCodeAt(j);
      codes[j - i] = FOLD[c] || c;
    }
    out += String.fromCharCode(...codes);
    i = end;
  }
  return out;
}
