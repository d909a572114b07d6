// Sort orders as (numeric primary key, tie-break) pairs for the top-k heap. Items are positions in the
// candidate list; `ord` maps one to its document ordinal, `text` holds the text scores by position
// (null without a query). Every order ends on the document id, so equal documents come back in a
// stable order.
import type { SortOrder } from "../types";
import type { DocStore } from "./docs";

/**
 * The primary key (higher ranks first) of each item of `items[0..n)` into `out`: the text score for
 * relevance with a query, else the success score; minus nextAvailableAt for available (+Infinity for
 * none becomes -Infinity: last). One tight loop per order: this runs over every hit, up to 100k.
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

/**
 * How items with equal primary keys are ordered: `tieBefore(a, b)` says whether a comes first.
 * relevance: success score, then id (the text score is the key); success: closed cases, then id;
 * available: text score, success score, then id.
 */
export function tieBreak(
  sort: SortOrder,
  store: DocStore,
  ord: (item: number) => number,
  text: Float32Array | null,
): (a: number, b: number) => boolean {
  const { success, closed, docs } = store;
  const idBefore = (a: number, b: number) => docs[ord(a)]!.id < docs[ord(b)]!.id;
  const bySuccess = (a: number, b: number) => {
    const sa = success[ord(a)];
    const sb = success[ord(b)];
    return sa !== sb ? sa > sb : idBefore(a, b);
  };
  switch (sort) {
    case "success":
      return (a, b) => {
        const ca = closed[ord(a)];
        const cb = closed[ord(b)];
        return ca !== cb ? ca > cb : idBefore(a, b);
      };
    case "available":
      return (a, b) => (text && text[a] !== text[b] ? text[a] > text[b] : bySuccess(a, b));
    default:
      // With a query the key is the text score; without, it is the success score itself.
      return text ? bySuccess : idBefore;
  }
}
