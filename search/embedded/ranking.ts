// Sort orders as (numeric primary key, tie-break) pairs for the top-k heap. Items are positions in the
// candidate list; `ord` maps one to its document ordinal and `text` to its text score (0 without a
// query). Every order ends on the document id, so equal documents come back in a stable order.
import type { SortOrder } from "../types";
import type { DocStore } from "./docs";

export interface Ranking {
  key: (item: number) => number;
  tieBefore: (a: number, b: number) => boolean;
}

/**
 * The primary keys of `items[0..n)` into `out`, the same as `ranking(...).key` but in one tight loop
 * per order (this runs over every hit, up to all 100k documents).
 */
export function primaryKeys(
  sort: SortOrder,
  store: DocStore,
  cand: Int32Array | null,
  text: Float32Array | null,
  items: Int32Array,
  n: number,
  out: Float64Array,
): void {
  if (sort === "relevance" && text) {
    for (let h = 0; h < n; h++) out[h] = text[items[h]];
    return;
  }
  const column = sort === "available" ? store.next : store.success;
  const sign = sort === "available" ? -1 : 1;
  if (cand) for (let h = 0; h < n; h++) out[h] = sign * column[cand[items[h]]];
  else for (let h = 0; h < n; h++) out[h] = sign * column[items[h]];
}

export function ranking(
  sort: SortOrder,
  store: DocStore,
  ord: (item: number) => number,
  text: ((item: number) => number) | null,
): Ranking {
  const { success, closed, next, docs } = store;
  const idBefore = (a: number, b: number) => docs[ord(a)]!.id < docs[ord(b)]!.id;
  const bySuccess = (a: number, b: number) => {
    const sa = success[ord(a)];
    const sb = success[ord(b)];
    return sa !== sb ? sa > sb : idBefore(a, b);
  };
  const byRelevance = (a: number, b: number) => {
    if (text) {
      const ta = text(a);
      const tb = text(b);
      if (ta !== tb) return ta > tb;
    }
    return bySuccess(a, b);
  };
  switch (sort) {
    case "success":
      return {
        key: (i) => success[ord(i)],
        tieBefore: (a, b) => {
          const ca = closed[ord(a)];
          const cb = closed[ord(b)];
          return ca !== cb ? ca > cb : idBefore(a, b);
        },
      };
    case "available":
      // Soonest first: negate so a higher key is better; "none" is +Infinity → -Infinity, last.
      return { key: (i) => -next[ord(i)], tieBefore: byRelevance };
    default:
      // Without a query every text score is 0, so "best first" falls to the success score.
      return text ? { key: text, tieBefore: bySuccess } : { key: (i) => success[ord(i)], tieBefore: idBefore };
  }
}
