// Sort orders as (primary key, second key, tie-break) for the top-k heap. Items are positions in the
// candidate list; `ord` maps one to its document ordinal, `text` holds the text scores by position
// (null without a query). Every order ends on (success score, id), which DocStore keeps as one number
// per document (`rank`), so equal documents come back in a stable order and the heap compares
// numbers: with empty records nearly every hit ties on its score, and comparing ids per hit is what
// made a 100k query ~3× slower. The tie-break proper only runs for two documents with equal keys and
// equal ranks (both added since the last ranking).
import type { SortOrder } from "../types";
import type { DocStore } from "./docs";

/**
 * The primary key (higher ranks first) of each item of `items[0..n)` into `keys`, and the second key
 * into `ties`: relevance with a query: text score, then −rank (success, then id); without one:
 * success score, then −rank (id among equal scores); success: score, then cases closed (then the
 * tie-break: id among equal scores); available: minus nextAvailableAt (+Infinity for none becomes
 * -Infinity: last), then the text score, or −rank without a query. One tight loop per order: this
 * runs over every hit, up to 100k.
 */
export function sortKeys(
  sort: SortOrder,
  store: DocStore,
  cand: Int32Array | null,
  text: Float32Array | null,
  items: Int32Array,
  n: number,
  keys: Float64Array,
  ties: Float64Array,
): void {
  const { rank, success, closed, next } = store;
  if (sort === "relevance" && text) {
    if (cand)
      for (let h = 0; h < n; h++) {
        const i = items[h];
        keys[h] = text[i];
        ties[h] = -rank[cand[i]];
      }
    else
      for (let h = 0; h < n; h++) {
        const i = items[h];
        keys[h] = text[i];
        ties[h] = -rank[i];
      }
    return;
  }
  if (sort === "available") {
    for (let h = 0; h < n; h++) {
      const i = items[h];
      const d = cand ? cand[i] : i;
      keys[h] = -next[d];
      ties[h] = text ? text[i] : -rank[d];
    }
    return;
  }
  const second = sort === "success" ? closed : null;
  for (let h = 0; h < n; h++) {
    const d = cand ? cand[items[h]] : items[h];
    keys[h] = success[d];
    ties[h] = second ? second[d] : -rank[d];
  }
}

/**
 * How items with equal keys are ordered: `tieBefore(a, b)` says whether a comes first. Every order's
 * last criterion is (success score, id), given the keys: relevance with a query (text score, rank:
 * equal ranks, so success then id), without (success, rank), success (score, closed: id among equal
 * scores), available (next free, text score or rank: then success and id).
 */
export function tieBreak(store: DocStore, ord: (item: number) => number): (a: number, b: number) => boolean {
  return (a, b) => store.before(ord(a), ord(b));
}
