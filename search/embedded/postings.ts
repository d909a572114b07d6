// Postings: term id → the ordinals of the documents holding it, each with the fields (8-bit mask) it
// was found in, packed as one uint32 `ordinal * 256 + mask`.
//
// Two segments, like a tiny LSM tree:
// - base: one CSR (offsets per term + one Uint32Array of entries), compact and fast to scan;
// - delta: appends since the last merge, as linked lists in flat typed arrays (no object per term),
//   so a single outbox upsert is O(its terms).
// Ordinals only grow between merges, so base entries, then delta entries, are in ordinal order and
// every list read is sorted. Deleted ordinals are skipped on read and dropped at the next merge,
// which can also renumber ordinals (compaction).
import { allocate, type Arena } from "./arena";
import { grow } from "./growable";

export const MAX_ORDINAL = 2 ** 24 - 1;

/** Sorted doc ordinals with one score each; `n` of the arrays' slots are used. */
export interface Sparse {
  docs: Int32Array;
  scores: Float32Array;
  n: number;
}

export const EMPTY: Sparse = { docs: new Int32Array(0), scores: new Float32Array(0), n: 0 };

export class PostingStore {
  private baseOff = new Int32Array(1);
  private base = new Uint32Array(0);
  private baseTerms = 0;

  private dEntry = new Uint32Array(0);
  private dNext = new Int32Array(0);
  /** The term of each delta entry, so a merge can bucket the delta in one linear pass. */
  private dTerm = new Int32Array(0);
  private dLen = 0;
  private head = new Int32Array(0);
  private tail = new Int32Array(0);
  private dCount = new Int32Array(0);

  get baseSize(): number {
    return this.base.length;
  }
  get deltaSize(): number {
    return this.dLen;
  }

  add(term: number, ordinal: number, mask: number): void {
    if (term >= this.head.length) {
      this.head = grow(this.head, term + 1, -1);
      this.tail = grow(this.tail, term + 1, -1);
      this.dCount = grow(this.dCount, term + 1);
    }
    const p = this.dLen++;
    if (p >= this.dEntry.length) {
      this.dEntry = grow(this.dEntry, p + 1);
      this.dNext = grow(this.dNext, p + 1);
      this.dTerm = grow(this.dTerm, p + 1);
    }
    this.dEntry[p] = ordinal * 256 + mask;
    this.dTerm[p] = term;
    this.dNext[p] = -1;
    const t = this.tail[term];
    if (t < 0) this.head[term] = p;
    else this.dNext[t] = p;
    this.tail[term] = p;
    this.dCount[term]++;
  }

  /** Upper bound of a term's list length (deleted documents included): picks the cheapest list first. */
  length(term: number): number {
    const b = term < this.baseTerms ? this.baseOff[term + 1] - this.baseOff[term] : 0;
    return b + (term < this.dCount.length ? this.dCount[term] : 0);
  }

  /**
   * The live documents of a term, scored `weights[mask] * factor + tier`.
   * `weights` maps a field mask to the weight of its best field.
   */
  collect(term: number, alive: Uint8Array, weights: Float32Array, factor: number, tier: number, arena?: Arena): Sparse {
    const total = term < 0 ? 0 : this.length(term);
    if (total === 0) return EMPTY;
    const out = allocate(arena, total);
    const { docs, scores } = out;
    let n = 0;
    if (term < this.baseTerms) {
      const base = this.base;
      for (let i = this.baseOff[term], end = this.baseOff[term + 1]; i < end; i++) {
        const e = base[i];
        const d = e >>> 8;
        if (alive[d]) {
          docs[n] = d;
          scores[n] = weights[e & 255] * factor + tier;
          n++;
        }
      }
    }
    if (term < this.head.length) {
      const entry = this.dEntry;
      const next = this.dNext;
      for (let p = this.head[term]; p >= 0; p = next[p]) {
        const e = entry[p];
        const d = e >>> 8;
        if (alive[d]) {
          docs[n] = d;
          scores[n] = weights[e & 255] * factor + tier;
          n++;
        }
      }
    }
    out.n = n;
    return out;
  }

  /**
   * Folds the delta into a new base, dropping dead documents; with `remap` (old ordinal → new, -1 for
   * dead) it also renumbers, which keeps lists sorted because the renumbering is monotonic.
   * Linear in base + delta: base lists are copied in order, delta entries are bucketed by term
   * (a counting sort on dTerm), never by walking the linked lists.
   */
  merge(termCount: number, alive: Uint8Array, remap: Int32Array | null, allAlive: boolean): void {
    // With a remap, `alive` is the liveness from before the compaction.
    const { base, baseOff, baseTerms, dEntry, dTerm, dLen } = this;
    const off = new Int32Array(termCount + 1);
    for (let t = 0; t < baseTerms; t++) {
      if (allAlive) off[t + 1] = baseOff[t + 1] - baseOff[t];
      else for (let i = baseOff[t], end = baseOff[t + 1]; i < end; i++) off[t + 1] += alive[base[i] >>> 8];
    }
    for (let p = 0; p < dLen; p++) if (alive[dEntry[p] >>> 8]) off[dTerm[p] + 1]++;
    for (let t = 0; t < termCount; t++) off[t + 1] += off[t];
    const out = new Uint32Array(off[termCount]);
    const cursor = off.slice(0, termCount);
    for (let t = 0; t < baseTerms; t++) {
      const from = baseOff[t];
      const end = baseOff[t + 1];
      if (allAlive && !remap) {
        out.set(base.subarray(from, end), cursor[t]);
        cursor[t] += end - from;
        continue;
      }
      let w = cursor[t];
      for (let i = from; i < end; i++) {
        const e = base[i];
        const d = e >>> 8;
        if (alive[d]) out[w++] = remap ? remap[d] * 256 + (e & 255) : e;
      }
      cursor[t] = w;
    }
    for (let p = 0; p < dLen; p++) {
      const e = dEntry[p];
      const d = e >>> 8;
      if (alive[d]) out[cursor[dTerm[p]]++] = remap ? remap[d] * 256 + (e & 255) : e;
    }
    this.baseOff = off;
    this.base = out;
    this.baseTerms = termCount;
    this.dLen = 0;
    // A reindex leaves a large delta buffer behind; single updates need little, so give it back.
    if (this.dEntry.length > 1 << 16) {
      this.dEntry = new Uint32Array(0);
      this.dNext = new Int32Array(0);
      this.dTerm = new Int32Array(0);
    }
    this.head.fill(-1);
    this.tail.fill(-1);
    this.dCount.fill(0);
  }
}
