// Typo tolerance (one edit: insertion, deletion, substitution or swap of neighbours) for Latin words,
// SymSpell style: every vocabulary word is registered under itself and each of its one-letter
// deletions. Two words are within one edit only if they share such a key, so a query looks up its own
// ~10 keys instead of scanning the vocabulary. Keys are 32-bit hashes (no deletion strings are kept);
// a collision only costs one extra exact check, never a wrong match.
import { isLetters } from "./text";

/** Query words shorter than this get no typo (Meilisearch's default for one typo). */
export const MIN_TYPO_QUERY = 5;
/** A 5-letter query with one extra letter can match a 4-letter word. */
const MIN_WORD = MIN_TYPO_QUERY - 1;
const MAX_WORD = 32;
const BUCKET_BITS = 16;

export class TypoIndex {
  private readonly words = new Map<number, string>();
  // Merged part: entries bucketed by the key's top 16 bits (a counting sort, O(n) to build).
  private bucketOff = new Int32Array((1 << BUCKET_BITS) + 1);
  private keys = new Uint32Array(0);
  private ids = new Int32Array(0);
  // Keys of words added since the last merge.
  private pending = new Map<number, number[]>();
  private pendingCount = 0;

  get size(): number {
    return this.words.size;
  }

  add(id: number, word: string): void {
    if (word.length < MIN_WORD || word.length > MAX_WORD || !isLetters(word)) return;
    this.words.set(id, word);
    for (let skip = -1; skip < word.length; skip++) {
      const h = hashSkipping(word, skip);
      const list = this.pending.get(h);
      if (list) list.push(id);
      else this.pending.set(h, [id]);
      this.pendingCount++;
    }
    if (this.pendingCount > Math.max(4096, this.keys.length >> 2)) this.merge();
  }

  /** Vocabulary words exactly one edit away from `query` (the query itself excluded), as term ids. */
  lookup(query: string): Array<{ id: number; word: string }> {
    if (query.length < MIN_TYPO_QUERY || query.length > MAX_WORD || !isLetters(query)) return [];
    const seen = new Set<number>();
    const out: Array<{ id: number; word: string }> = [];
    const consider = (id: number) => {
      if (seen.has(id)) return;
      seen.add(id);
      const word = this.words.get(id)!;
      if (word !== query && withinOneEdit(query, word)) out.push({ id, word });
    };
    for (let skip = -1; skip < query.length; skip++) {
      const h = hashSkipping(query, skip);
      const b = h >>> (32 - BUCKET_BITS);
      for (let i = this.bucketOff[b], end = this.bucketOff[b + 1]; i < end; i++) if (this.keys[i] === h) consider(this.ids[i]);
      for (const id of this.pending.get(h) ?? []) consider(id);
    }
    return out;
  }

  private merge(): void {
    const n = this.keys.length + this.pendingCount;
    const allKeys = new Uint32Array(n);
    const allIds = new Int32Array(n);
    allKeys.set(this.keys);
    allIds.set(this.ids);
    let w = this.keys.length;
    for (const [h, list] of this.pending) {
      for (const id of list) {
        allKeys[w] = h;
        allIds[w++] = id;
      }
    }
    const off = new Int32Array((1 << BUCKET_BITS) + 1);
    const shift = 32 - BUCKET_BITS;
    for (let i = 0; i < n; i++) off[(allKeys[i] >>> shift) + 1]++;
    for (let b = 0; b < 1 << BUCKET_BITS; b++) off[b + 1] += off[b];
    const fill = off.slice(0, -1);
    const keys = new Uint32Array(n);
    const ids = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const p = fill[allKeys[i] >>> shift]++;
      keys[p] = allKeys[i];
      ids[p] = allIds[i];
    }
    this.bucketOff = off;
    this.keys = keys;
    this.ids = ids;
    this.pending = new Map();
    this.pendingCount = 0;
  }
}

/** FNV-1a of `s` without the character at `skip` (-1: the whole word), length mixed in. */
export function hashSkipping(s: string, skip: number): number {
  let h = 0x811c9dc5 ^ (skip < 0 ? s.length : s.length - 1);
  for (let i = 0; i < s.length; i++) {
    if (i === skip) continue;
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Optimal-string-alignment distance ≤ 1: equal, or one insertion, deletion, substitution or swap. */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return true;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
