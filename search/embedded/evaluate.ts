// Query evaluation over postings: alternatives of a word are OR-ed (best score kept), the words of a
// query are AND-ed (scores added). Matching strategy "last": if all words together match nothing,
// words are dropped from the end until something matches, which is the longest prefix of words with a
// non-empty intersection, so one left-to-right pass finds it.
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

/** The matches of the longest leading run of words that match together, and how many words that is. */
export function evaluateQuery(
  words: QueryWord[],
  postings: PostingStore,
  alive: Uint8Array,
  arena?: Arena,
): { matches: Sparse; used: number } {
  let acc: Sparse | null = null;
  let used = 0;
  for (const word of words) {
    const r = evaluateWord(word, postings, alive, arena);
    const next: Sparse = acc ? intersect(acc, r, arena) : r;
    if (next.n === 0) break;
    acc = next;
    used++;
  }
  return { matches: acc ?? EMPTY, used };
}
