// Facet values and disjunctive counting.
// Values of all five facets share one id space (global value ids), and each document's values sit in
// one flat CSR with five rows per document (row d*5+f holds facet f's values of document d), so
// counting every facet of a document is one contiguous loop. Each value also has a bitset of its
// documents, so testing a document against a facet selection is one AND.
import type { FacetCounts } from "../types";
import { FACETS } from "../../domain";
import { grow } from "./growable";

const NF = FACETS.length;

export class FacetIndex {
  /** Per global value id: its facet and its string. */
  private readonly facetOf: number[] = [];
  private readonly valueOf: string[] = [];
  private readonly ids: Array<Map<string, number>> = FACETS.map(() => new Map());
  /** rows[d*NF + f] .. rows[d*NF + f + 1]: facet f's value ids of document d, in `vals`. */
  rows = new Int32Array(1);
  vals = new Int32Array(0);
  private nVals = 0;
  private size = 0;
  /** One bitset per value id, each `words` long. */
  bits: Uint32Array[] = [];
  private words = 0;

  get valueCount(): number {
    return this.valueOf.length;
  }

  /** Documents added (ordinals used). */
  get documents(): number {
    return this.size;
  }

  facetOfValue(id: number): number {
    return this.facetOf[id];
  }

  /** Appends document `ord` (the next ordinal) with its values per facet (FACETS order). */
  add(ord: number, values: ReadonlyArray<readonly string[]>): void {
    if (ord !== this.size) throw new Error(`facets: ordinal ${ord} added out of order (expected ${this.size})`);
    this.size++;
    if (this.size * NF + 1 > this.rows.length) this.rows = grow(this.rows, this.size * NF + 1);
    if (ord >= this.words * 32) {
      this.words = Math.max(64, this.words * 2);
      this.bits = this.bits.map((b) => grow(b, this.words));
    }
    let n = this.nVals;
    let total = 0;
    for (let f = 0; f < NF; f++) total += values[f].length;
    if (n + total > this.vals.length) this.vals = grow(this.vals, n + total);
    const vals = this.vals;
    const word = ord >>> 5;
    const bit = 1 << (ord & 31);
    for (let f = 0; f < NF; f++) {
      const rowStart = n;
      const ids = this.ids[f];
      for (const v of values[f]) {
        let id = ids.get(v);
        if (id === undefined) id = this.idOf(f, v, true);
        let dup = false; // a value listed twice counts once
        for (let j = rowStart; j < n; j++) if (vals[j] === id) dup = true;
        if (dup) continue;
        vals[n++] = id;
        this.bits[id][word] |= bit;
      }
      this.rows[ord * NF + f + 1] = n;
    }
    this.nVals = n;
  }

  /** Documents having any of `selected` in facet `f` (unknown values match nothing). */
  filterBits(f: number, selected: readonly string[]): Uint32Array {
    const ids = [...new Set(selected)].map((v) => this.idOf(f, v, false)).filter((id) => id >= 0);
    if (ids.length === 1) return this.bits[ids[0]];
    const out = new Uint32Array(this.words);
    for (const id of ids) {
      const b = this.bits[id];
      for (let w = 0; w < out.length; w++) out[w] |= b[w];
    }
    return out;
  }

  /** Applies a compaction: keeps documents with remap[d] >= 0, renumbered. */
  remap(remap: Int32Array, newSize: number): void {
    const oldRows = this.rows;
    const oldVals = this.vals;
    this.rows = new Int32Array(newSize * NF + 1);
    this.vals = new Int32Array(Math.max(1, this.nVals));
    this.words = Math.max(64, Math.ceil(newSize / 32));
    this.bits = this.bits.map(() => new Uint32Array(this.words));
    let n = 0;
    for (let d = 0; d < remap.length; d++) {
      const nd = remap[d];
      if (nd < 0) continue;
      for (let f = 0; f < NF; f++) {
        for (let j = oldRows[d * NF + f]; j < oldRows[d * NF + f + 1]; j++) {
          const id = oldVals[j];
          this.vals[n++] = id;
          this.bits[id][nd >>> 5] |= 1 << (nd & 31);
        }
        this.rows[nd * NF + f + 1] = n;
      }
    }
    this.nVals = n;
    this.size = newSize;
  }

  /** Counts (indexed by value id) → `{facet: {value: count}}` with only the values that occur. */
  toFacetCounts(counts: Int32Array): FacetCounts {
    const out = {} as FacetCounts;
    const maps: Array<Record<string, number>> = FACETS.map((facet) => (out[facet] = {}));
    for (let id = 0; id < counts.length; id++) if (counts[id] > 0) maps[this.facetOf[id]][this.valueOf[id]] = counts[id];
    return out;
  }

  private idOf(f: number, value: string, create: boolean): number {
    let id = this.ids[f].get(value);
    if (id === undefined) {
      if (!create) return -1;
      id = this.valueOf.length;
      this.valueOf.push(value);
      this.facetOf.push(f);
      this.ids[f].set(value, id);
      this.bits.push(new Uint32Array(this.words));
    }
    return id;
  }
}

export interface ActiveFilter {
  /** Facet index (FACETS order). */
  facet: number;
  bits: Uint32Array;
}

export interface ScanResult {
  /** How many entries of `hits` are filled: positions (in the candidate list) of the documents that pass every filter, in list order. */
  hitCount: number;
  /** Per value id, the disjunctive count. */
  counts: Int32Array;
}

/**
 * Filters the candidates (`cand[0..n)`, or every live ordinal when `cand` is null) and counts facets
 * disjunctively: a document failing no filter is a hit and counts for every facet; one failing
 * exactly one filter (facet f) counts for f only (f's own selection is ignored for f's counts); one
 * failing two or more counts nowhere.
 * Two strategies with the same result: few candidates → walk each one's values (CSR); many → AND
 * bitsets and popcount per value, which costs the same whatever the number of candidates and avoids
 * a million scattered counter increments for an empty query over 100k documents.
 */
export function scanDisjunctive(
  facets: FacetIndex,
  filters: readonly ActiveFilter[],
  cand: Int32Array | null,
  n: number,
  alive: Uint8Array,
  aliveBits: Uint32Array,
  hits: Int32Array,
): ScanResult {
  if (cand !== null && n * 16 < facets.documents) return scanList(facets, filters, cand, n, alive, hits);
  return scanBits(facets, filters, cand, n, aliveBits, hits);
}

function scanList(
  facets: FacetIndex,
  filters: readonly ActiveFilter[],
  cand: Int32Array,
  n: number,
  alive: Uint8Array,
  hits: Int32Array,
): ScanResult {
  const { rows, vals } = facets;
  const counts = new Int32Array(facets.valueCount);
  const nf = filters.length;
  const fBits = filters.map((f) => f.bits);
  const fFacet = Int32Array.from(filters.map((f) => f.facet));
  let h = 0;
  for (let i = 0; i < n; i++) {
    const d = cand[i];
    if (alive[d] === 0) continue;
    let fails = 0;
    let failed = 0;
    const word = d >>> 5;
    const bit = 1 << (d & 31);
    for (let k = 0; k < nf; k++) {
      if ((fBits[k][word] & bit) === 0) {
        failed = fFacet[k];
        if (++fails > 1) break;
      }
    }
    if (fails === 0) {
      hits[h++] = i;
      for (let j = rows[d * NF], end = rows[d * NF + NF]; j < end; j++) counts[vals[j]]++;
    } else if (fails === 1) {
      for (let j = rows[d * NF + failed], end = rows[d * NF + failed + 1]; j < end; j++) counts[vals[j]]++;
    }
  }
  return { hitCount: h, counts };
}

function scanBits(
  facets: FacetIndex,
  filters: readonly ActiveFilter[],
  cand: Int32Array | null,
  n: number,
  aliveBits: Uint32Array,
  hits: Int32Array,
): ScanResult {
  const words = Math.ceil(facets.documents / 32);
  // C: the candidates as a bitset.
  let c: Uint32Array;
  if (cand === null) c = aliveBits;
  else {
    c = new Uint32Array(words);
    for (let i = 0; i < n; i++) c[cand[i] >>> 5] |= 1 << (cand[i] & 31);
    for (let w = 0; w < words; w++) c[w] &= aliveBits[w];
  }
  // H: candidates passing every filter; except[f]: passing every filter but facet f's.
  const all = andAll(c, filters, -1, words);
  const except: Array<Uint32Array | undefined> = [];
  for (const f of filters) except[f.facet] = filters.length === 1 ? c : andAll(c, filters, f.facet, words);

  const counts = new Int32Array(facets.valueCount);
  for (let v = 0; v < counts.length; v++) {
    const target = except[facets.facetOfValue(v)] ?? all;
    const b = facets.bits[v];
    let sum = 0;
    for (let w = 0; w < words; w++) {
      const x = b[w] & target[w];
      if (x !== 0) sum += popcount(x);
    }
    counts[v] = sum;
  }

  let h = 0;
  if (cand !== null) {
    for (let i = 0; i < n; i++) if (all[cand[i] >>> 5] & (1 << (cand[i] & 31))) hits[h++] = i;
  } else {
    for (let w = 0; w < words; w++) {
      for (let x = all[w]; x !== 0; x &= x - 1) hits[h++] = w * 32 + 31 - Math.clz32(x & -x);
    }
  }
  return { hitCount: h, counts };
}

function andAll(c: Uint32Array, filters: readonly ActiveFilter[], skipFacet: number, words: number): Uint32Array {
  const use = filters.filter((f) => f.facet !== skipFacet);
  if (use.length === 0) return c;
  const out = c.slice(0, words);
  for (const f of use) for (let w = 0; w < words; w++) out[w] &= f.bits[w];
  return out;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
