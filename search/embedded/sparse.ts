// Set algebra on sorted (ordinal, score) lists: the query evaluator is built from these three.
// Lists are sorted by ordinal, so each is a linear merge; no hashing, no per-document objects.
import { allocate, type Arena } from "./arena";
import { EMPTY, type Sparse } from "./postings";

/** Documents in either list; a document in both keeps its better score (alternatives of one word). */
export function union(a: Sparse, b: Sparse, arena?: Arena): Sparse {
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  const out = allocate(arena, a.n + b.n);
  const { docs, scores } = out;
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.n && j < b.n) {
    const da = a.docs[i];
    const db = b.docs[j];
    if (da < db) {
      docs[n] = da;
      scores[n++] = a.scores[i++];
    } else if (db < da) {
      docs[n] = db;
      scores[n++] = b.scores[j++];
    } else {
      docs[n] = da;
      scores[n++] = Math.max(a.scores[i++], b.scores[j++]);
    }
  }
  while (i < a.n) {
    docs[n] = a.docs[i];
    scores[n++] = a.scores[i++];
  }
  while (j < b.n) {
    docs[n] = b.docs[j];
    scores[n++] = b.scores[j++];
  }
  out.n = n;
  return out;
}

/** Documents in both lists, scores added (each word of a query contributes). */
export function intersect(a: Sparse, b: Sparse, arena?: Arena): Sparse {
  if (a.n === 0 || b.n === 0) return EMPTY;
  const out = allocate(arena, Math.min(a.n, b.n));
  const { docs, scores } = out;
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.n && j < b.n) {
    const da = a.docs[i];
    const db = b.docs[j];
    if (da < db) i++;
    else if (db < da) j++;
    else {
      docs[n] = da;
      scores[n++] = a.scores[i++] + b.scores[j++];
    }
  }
  out.n = n;
  return n === 0 ? EMPTY : out;
}

/** Adds `bonus` to the score of every document of `a` that is also in `b` (in place). */
export function boost(a: Sparse, b: Sparse, bonus: number): void {
  let j = 0;
  for (let i = 0; i < a.n && j < b.n; i++) {
    const d = a.docs[i];
    while (j < b.n && b.docs[j] < d) j++;
    if (j < b.n && b.docs[j] === d) a.scores[i] += bonus;
  }
}
