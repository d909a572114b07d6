// Postings: term id → the ordinals of the documents holding it, each with the fields (8-bit mask) it
// was found in, packed as one uint32 `ordinal * 256 + mask`.
//
// Three parts, like a tiny LSM tree:
// - base: one CSR (offsets per term + one Uint32Array of entries), compact and fast to scan;
// - delta: single updates since the last merge, as per-term linked lists in fixed-size chunks of flat
//   typed arrays, so an outbox upsert is O(its terms) and is searchable at once;
// - log: bulk loads (reindex, startup) appended as plain (entry, term) pairs, the cheapest possible
//   write, folded into the base before the next search (or when it outgrows the base).
// Chunks are never copied as they fill: copying 100 MB buffers as they doubled is what made V8 run
// full collections during a build.
// Ordinals only grow between merges, and once the log has entries every write goes there, so base,
// then delta, then log entries are in ordinal order and every list read is sorted. Deleted ordinals
// are skipped on read and dropped at the next merge, which can also renumber ordinals (compaction).
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

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;

export class PostingStore {
  private baseOff = new Int32Array(1);
  private base = new Uint32Array(0);
  private baseTerms = 0;

  // Delta entry p lives at chunk p >>> CHUNK_BITS, slot p & IN_CHUNK.
  private dEntry: Uint32Array[] = [];
  private dNext: Int32Array[] = [];
  /** The term of each delta entry, so a merge buckets the delta in one linear pass. */
  private dTerm: Int32Array[] = [];
  private dLen = 0;
  private lEntry: Uint32Array[] = [];
  private lTerm: Int32Array[] = [];
  private lLen = 0;
  private head = new Int32Array(0);
  private tail = new Int32Array(0);
  private dCount = new Int32Array(0);

  get baseSize(): number {
    return this.base.length;
  }
  get deltaSize(): number {
    return this.dLen;
  }
  /** Bulk entries not yet merged: searches must merge first (see `needsMerge`). */
  get logSize(): number {
    return this.lLen;
  }

  /** Appends one posting; `bulk` (or a pending log) sends it to the log instead of the delta. */
  append(term: number, ordinal: number, mask: number, bulk: boolean): void {
    if (!bulk && this.lLen === 0) {
      this.add(term, ordinal, mask);
      return;
    }
    const p = this.lLen++;
    const c = p >>> CHUNK_BITS;
    if (c === this.lEntry.length) {
      this.lEntry.push(new Uint32Array(CHUNK));
      this.lTerm.push(new Int32Array(CHUNK));
    }
    this.lEntry[c][p & IN_CHUNK] = ordinal * 256 + mask;
    this.lTerm[c][p & IN_CHUNK] = term;
  }

  private add(term: number, ordinal: number, mask: number): void {
    if (term >= this.head.length) {
      this.head = grow(this.head, term + 1, -1);
      this.tail = grow(this.tail, term + 1, -1);
      this.dCount = grow(this.dCount, term + 1);
    }
    const p = this.dLen++;
    const c = p >>> CHUNK_BITS;
    const o = p & IN_CHUNK;
    if (c === this.dEntry.length) {
      this.dEntry.push(new Uint32Array(CHUNK));
      this.dNext.push(new Int32Array(CHUNK));
      this.dTerm.push(new Int32Array(CHUNK));
    }
    this.dEntry[c][o] = ordinal * 256 + mask;
    this.dTerm[c][o] = term;
    this.dNext[c][o] = -1;
    const t = this.tail[term];
    if (t < 0) this.head[term] = p;
    else this.dNext[t >>> CHUNK_BITS][t & IN_CHUNK] = p;
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
      for (let p = this.head[term]; p >= 0;) {
        const c = p >>> CHUNK_BITS;
        const o = p & IN_CHUNK;
        const e = this.dEntry[c][o];
        const d = e >>> 8;
        if (alive[d]) {
          docs[n] = d;
          scores[n] = weights[e & 255] * factor + tier;
          n++;
        }
        p = this.dNext[c][o];
      }
    }
    out.n = n;
    return out;
  }

  /**
   * `acc` ∩ the term's live documents without building the term's list: the AND of a word's bigrams
   * where one bigram (纠纷) is in every document and the rarest in a few hundred. Scores combine
   * with `min(acc score, weights[mask])`. When `acc` is much shorter than the list, each document is
   * found by galloping (exponential then binary search) over the sorted entries.
   */
  intersectTerm(acc: Sparse, term: number, alive: Uint8Array, weights: Float32Array, arena?: Arena): Sparse {
    if (acc.n === 0 || term < 0 || this.length(term) === 0) return EMPTY;
    const out = allocate(arena, acc.n);
    let n = 0;
    const hasBase = term < this.baseTerms;
    const base = this.base;
    let p = hasBase ? this.baseOff[term] : 0;
    const end = hasBase ? this.baseOff[term + 1] : 0;
    let q = term < this.head.length ? this.head[term] : -1;
    const gallop = acc.n * 8 < end - p;
    for (let i = 0; i < acc.n; i++) {
      const d = acc.docs[i];
      const lo = d * 256;
      let e = -1;
      if (p < end) {
        if (gallop) {
          // Exponential steps to bracket the first entry >= lo, then binary search in the bracket.
          let step = 1;
          let hi = p;
          while (hi < end && base[hi] < lo) {
            p = hi + 1;
            hi += step;
            step *= 2;
          }
          hi = Math.min(hi, end);
          while (p < hi) {
            const mid = (p + hi) >>> 1;
            if (base[mid] < lo) p = mid + 1;
            else hi = mid;
          }
        } else while (p < end && base[p] < lo) p++;
        if (p < end && base[p] >>> 8 === d) e = base[p];
      }
      if (e < 0) {
        while (q >= 0 && this.dEntry[q >>> CHUNK_BITS][q & IN_CHUNK] < lo) q = this.dNext[q >>> CHUNK_BITS][q & IN_CHUNK];
        if (q >= 0 && this.dEntry[q >>> CHUNK_BITS][q & IN_CHUNK] >>> 8 === d) e = this.dEntry[q >>> CHUNK_BITS][q & IN_CHUNK];
      }
      if (e >= 0 && alive[d]) {
        out.docs[n] = d;
        out.scores[n++] = Math.min(acc.scores[i], weights[e & 255]);
      }
    }
    out.n = n;
    return n === 0 ? EMPTY : out;
  }

  /**
   * Folds the delta into a new base, dropping dead documents; with `remap` (old ordinal → new, -1 for
   * dead) it also renumbers, which keeps lists sorted because the renumbering is monotonic.
   * Linear in base + delta: base lists are copied in order, delta entries are bucketed by term
   * (a counting sort on dTerm), never by walking the linked lists.
   */
  merge(termCount: number, alive: Uint8Array, remap: Int32Array | null, allAlive: boolean): void {
    // With a remap, `alive` is the liveness from before the compaction.
    const { base, baseOff, baseTerms } = this;
    const segments: Array<[Uint32Array[], Int32Array[], number]> = [
      [this.dEntry, this.dTerm, this.dLen],
      [this.lEntry, this.lTerm, this.lLen],
    ];
    const off = new Int32Array(termCount + 1);
    for (let t = 0; t < baseTerms; t++) {
      if (allAlive) off[t + 1] = baseOff[t + 1] - baseOff[t];
      else for (let i = baseOff[t], end = baseOff[t + 1]; i < end; i++) off[t + 1] += alive[base[i] >>> 8];
    }
    for (const [entries, terms, len] of segments) {
      for (let p = 0; p < len; p++) {
        const c = p >>> CHUNK_BITS;
        const o = p & IN_CHUNK;
        if (alive[entries[c][o] >>> 8]) off[terms[c][o] + 1]++;
      }
    }
    for (let t = 0; t < termCount; t++) off[t + 1] += off[t];
    const out = new Uint32Array(off[termCount]);
    const cursor = off.slice(0, termCount);
    const copyWhole = allAlive && !remap;
    for (let t = 0; t < baseTerms; t++) {
      const from = baseOff[t];
      const end = baseOff[t + 1];
      let w = cursor[t];
      if (copyWhole) {
        // A view per long list only; most lists are short and a loop beats creating a view.
        if (end - from > 64) {
          out.set(base.subarray(from, end), w);
          w += end - from;
        } else for (let i = from; i < end; i++) out[w++] = base[i];
      } else {
        for (let i = from; i < end; i++) {
          const e = base[i];
          const d = e >>> 8;
          if (alive[d]) out[w++] = remap ? remap[d] * 256 + (e & 255) : e;
        }
      }
      cursor[t] = w;
    }
    for (const [entries, terms, len] of segments) {
      for (let p = 0; p < len; p++) {
        const c = p >>> CHUNK_BITS;
        const o = p & IN_CHUNK;
        const e = entries[c][o];
        const d = e >>> 8;
        if (alive[d]) out[cursor[terms[c][o]]++] = remap ? remap[d] * 256 + (e & 255) : e;
      }
    }
    this.baseOff = off;
    this.base = out;
    this.baseTerms = termCount;
    this.dLen = 0;
    this.lLen = 0;
    this.head.fill(-1);
    this.tail.fill(-1);
    this.dCount.fill(0);
  }

  /**
   * Gives back delta chunks no longer in use. Merges during a bulk load keep them for the next batch;
   * a search means the load is over.
   */
  trim(): void {
    const keep = Math.max(1, Math.ceil(this.dLen / CHUNK));
    if (this.dEntry.length > keep) {
      this.dEntry.length = keep;
      this.dNext.length = keep;
      this.dTerm.length = keep;
    }
    const keepLog = Math.ceil(this.lLen / CHUNK);
    this.lEntry.length = keepLog;
    this.lTerm.length = keepLog;
  }
}
