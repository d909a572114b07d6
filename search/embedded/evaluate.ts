// Query evaluation over postings: alternatives of a word are OR-ed (best score kept), the words of a
// query are AND-ed (scores added). Words that match no document are left out first; then matching
// strategy "last": if all words together match nothing, words are dropped from the end until something
// matches, which is the longest prefix of words with a non-empty intersection, so one left-to-right
// pass finds it.
import type { Arena } from "./arena";
import { MASK_WEIGHT } from "./fields";
import { EMPTY, type PostingStore, type Sparse } from "./postings";
import type { Alternative, QueryWord } from "./query";
import { intersect, union } from "./sparse";

export function evaluateAlternative(alt: Alternative, postings: PostingStore, alive: Uint8Array, arena?: Arena): Sparse {
  if (alt.terms.length === 1) return postings.collect(alt.terms[0], alive, MASK_WEIGHT, alt.factor, alt.tier, arena);
  // All pieces required: start from the rarest so every intersection is as small as possible.
  const terms = [...alt.terms].sort((a, b) => postings.length(a) - postings.length(b));
  let acc = postings.collect(terms[0], alive, MASK_WEIGHT, 1, 0, arena);
  for (let i = 1; i < terms.length && acc.n > 0; i++) acc = postings.intersectTerm(acc, terms[i], alive, MASK_WEIGHT, arena);
  for (let i = 0; i < acc.n; i++) acc.scores[i] = acc.scores[i] * alt.factor + alt.tier;
  return acc;
}

export function evaluateWord(word: QueryWord, postings: PostingStore, alive: Uint8Array, arena?: Arena): Sparse {
  let acc = EMPTY;
  for (const alt of word.alternatives) acc = union(acc, evaluateAlternative(alt, postings, alive, arena), arena);
  return acc;
}

/**
 * The matches of the longest leading run of words that match together, and those words. A word that
 * no document holds at all (老板 in 老板拖欠工资, 找个 in 找个离婚律师, 怎么办) is left out wherever it
 * stands, as a stop word would be: it can only empty the result, never rank it.
 */
export function evaluateQuery(
  words: QueryWord[],
  postings: PostingStore,
  alive: Uint8Array,
  arena?: Arena,
): { matches: Sparse; used: QueryWord[] } {
  let acc: Sparse | null = null;
  const used: QueryWord[] = [];
  for (const word of words) {
    const r = evaluateWord(word, postings, alive, arena);
    if (r.n === 0) continue;
    const next: Sparse = acc ? intersect(acc, r, arena) : r;
    if (next.n === 0) break;
    acc = next;
    used.push(word);
  }
  return { matches: acc ?? EMPTY, used };
}
