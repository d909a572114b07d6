// Typo tolerance (one edit: insertion, deletion, substitution or swap of neighbours) for Latin words,
// SymSpell style: every vocabulary word is registered under itself and each of its one-letter
// deletions. Two words are within one edit only if they share such a key, so a query looks up its own
// ~10 keys instead of scanning the vocabulary. Keys are 32-bit hashes (no deletion strings are kept);
// a collision only costs one extra exact check, never a wrong match.
// Words arrive one by one while indexing. They wait in a short list (checked word by word at query
// time), then are hashed into bucket tables kept like a binary counter: a new table merges with the
// previous one while that one is not much larger, so building is O(n log n) and a lookup probes a
// handful of tables.
import { isLetters } from "./text";

/** Query words shorter than this get no typo (Meilisearch's default for one typo). */
export const MIN_TYPO_QUERY = 5;
/** A 5-letter query with one extra letter can match a 4-letter word. */
const MIN_WORD = MIN_TYPO_QUERY - 1;
const MAX_WORD = 32;
const MAX_PENDING = 1024;

export class TypoIndex {
  private readonly words = new Map<number, string>();
  private tables: HashTable[] = [];
  /** Words not hashed yet. */
  private pending: number[] = [];

  get size(): number {
    return this.words.size;
  }

  add(id: number, word: string): void {
    if (word.length < MIN_WORD || word.length > MAX_WORD || !isLetters(word)) return;
    this.words.set(id, word);
    this.pending.push(id);
    if (this.pending.length < MAX_PENDING) return;
    let ids = this.pending;
    this.pending = [];
    while (this.tables.length > 0 && this.tables[this.tables.length - 1].ids.length <= ids.length * 2) {
      ids = this.tables.pop()!.ids.concat(ids);
    }
    this.tables.push(new HashTable(ids, this.words));
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
      for (const table of this.tables) table.probe(h, consider);
    }
    for (const id of this.pending) consider(id);
    return out;
  }
}

/** (key, word id) for each word under itself and each one-letter deletion, bucketed by key (a counting sort). */
class HashTable {
  private readonly off: Int32Array;
  private readonly keys: Uint32Array;
  private readonly wordIds: Int32Array;
  private readonly shift: number;

  constructor(
    readonly ids: number[],
    words: Map<number, string>,
  ) {
    let n = 0;
    for (const id of ids) n += words.get(id)!.length + 1;
    let bits = 8;
    while (1 << bits < n >> 2 && bits < 20) bits++;
    this.shift = 32 - bits;
    const allKeys = new Uint32Array(n);
    const allIds = new Int32Array(n);
    let w = 0;
    for (const id of ids) {
      const word = words.get(id)!;
      for (let skip = -1; skip < word.length; skip++) {
        allKeys[w] = hashSkipping(word, skip);
        allIds[w++] = id;
      }
    }
    const off = new Int32Array((1 << bits) + 1);
    for (let i = 0; i < n; i++) off[(allKeys[i] >>> this.shift) + 1]++;
    for (let b = 0; b < 1 << bits; b++) off[b + 1] += off[b];
    const fill = off.slice(0, -1);
    this.keys = new Uint32Array(n);
    this.wordIds = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const p = fill[allKeys[i] >>> this.shift]++;
      this.keys[p] = allKeys[i];
      this.wordIds[p] = allIds[i];
    }
    this.off = off;
  }

  probe(key: number, visit: (id: number) => void): void {
    const b = key >>> this.shift;
    for (let i = this.off[b], end = this.off[b + 1]; i < end; i++) if (this.keys[i] === key) visit(this.wordIds[i]);
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
