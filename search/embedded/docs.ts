// Per-ordinal document columns. An ordinal is a document's slot; an upsert of an existing id retires
// the old slot (alive = 0) and appends a new one, so no posting list is edited in place. Compaction
// renumbers the live slots when too many are dead.
import type { SearchDocument } from "../types";
import { grow } from "./growable";

export class DocStore {
  /** Slots used, dead included. */
  size = 0;
  live = 0;
  alive = new Uint8Array(0);
  /** The same as a bitset, for the facet scan of queries matching most documents. */
  aliveBits = new Uint32Array(0);
  /** The success score (`score`) and `closed`, for sorting and tie-breaks. */
  success = new Float64Array(0);
  closed = new Float64Array(0);
  /** `nextAvailableAt`, +Infinity for none, so "soonest first" puts nulls last with no branch. */
  next = new Float64Array(0);
  /**
   * Each slot's place in the order (success score descending, id ascending), the tie-break every sort
   * order ends on (ranking.ts), so the top-k heap compares numbers rather than two documents' ids:
   * with empty records (a new centre, the generated pools) nearly every hit ties on its score, and the
   * tie-break runs once per hit. `rankAll` numbers the live slots 0, 1, 2…; a slot added since is
   * placed between two of them by binary search (rank p − 0.5), so ranks always agree with the order,
   * and two slots may share a rank only when both are newer than the ranking (then `before` compares
   * the values themselves).
   */
  rank = new Float64Array(0);
  /** The slots' success scores and ids in rank order, as of the last `rankAll` (dead ones included). */
  private rankedSuccess = new Float64Array(0);
  private rankedIds: string[] = [];
  docs: Array<SearchDocument | undefined> = [];
  private readonly byId = new Map<string, number>();

  ordinalOf(id: string): number {
    return this.byId.get(id) ?? -1;
  }

  add(doc: SearchDocument): number {
    const ord = this.size++;
    if (ord >= this.alive.length) {
      this.alive = grow(this.alive, ord + 1);
      this.success = grow(this.success, ord + 1);
      this.closed = grow(this.closed, ord + 1);
      this.next = grow(this.next, ord + 1);
      this.rank = grow(this.rank, ord + 1);
    }
    this.alive[ord] = 1;
    this.aliveBits = grow(this.aliveBits, (ord >>> 5) + 1);
    this.aliveBits[ord >>> 5] |= 1 << (ord & 31);
    this.success[ord] = doc.score;
    this.closed[ord] = doc.closed;
    this.next[ord] = doc.nextAvailableAt ?? Infinity;
    this.rank[ord] = this.placeOf(doc.score, doc.id) - 0.5;
    this.docs[ord] = doc;
    this.byId.set(doc.id, ord);
    this.live++;
    return ord;
  }

  remove(id: string): boolean {
    const ord = this.byId.get(id);
    if (ord === undefined) return false;
    this.byId.delete(id);
    this.alive[ord] = 0;
    this.aliveBits[ord >>> 5] &= ~(1 << (ord & 31));
    this.docs[ord] = undefined;
    this.live--;
    return true;
  }

  /**
   * The live mask narrowed to documents free before `before` (epoch ms): "available within N days".
   * It stands in for `alive`/`aliveBits` in the facet scan, so hits and every facet count respect it.
   */
  availableBefore(before: number): { alive: Uint8Array; aliveBits: Uint32Array } {
    const alive = new Uint8Array(this.alive.length);
    const aliveBits = new Uint32Array(this.aliveBits.length);
    for (let d = 0; d < this.size; d++) {
      if (this.alive[d] && this.next[d] <= before) {
        alive[d] = 1;
        aliveBits[d >>> 5] |= 1 << (d & 31);
      }
    }
    return { alive, aliveBits };
  }

  /** Does live slot a come before live slot b in (success descending, id ascending)? */
  before(a: number, b: number): boolean {
    const ra = this.rank[a];
    const rb = this.rank[b];
    if (ra !== rb) return ra < rb;
    const sa = this.success[a];
    const sb = this.success[b];
    return sa !== sb ? sa > sb : this.docs[a]!.id < this.docs[b]!.id;
  }

  /**
   * Ranks every live slot afresh (after a merge), so added slots share no rank. Ranks already agree
   * with the order, so the slots are bucketed by rank (2 × rank + 1: one bucket per ranked slot and one
   * per gap between two) in linear time, and only the slots sharing a gap are sorted, by their values:
   * a few ms at 100k; all of them only for the first load, when nothing was ranked yet.
   */
  rankAll(): void {
    const { docs, success, rank, alive } = this;
    const buckets = 2 * this.rankedIds.length + 1;
    const start = new Int32Array(buckets + 1);
    let live = 0;
    for (let d = 0; d < this.size; d++) {
      if (alive[d] === 0) continue;
      start[2 * rank[d] + 2]++;
      live++;
    }
    for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
    const order = new Int32Array(live);
    const at = start.slice(0, buckets);
    for (let d = 0; d < this.size; d++) if (alive[d]) order[at[2 * rank[d] + 1]++] = d;
    const byValue = (a: number, b: number) => {
      if (success[a] !== success[b]) return success[b] - success[a];
      const x = docs[a]!.id;
      const y = docs[b]!.id;
      return x < y ? -1 : x > y ? 1 : 0;
    };
    for (let b = 0; b < buckets; b++) if (start[b + 1] - start[b] > 1) order.subarray(start[b], start[b + 1]).sort(byValue);
    this.rankedSuccess = new Float64Array(live);
    this.rankedIds = new Array<string>(live);
    for (let i = 0; i < live; i++) {
      const d = order[i];
      rank[d] = i;
      this.rankedSuccess[i] = success[d];
      this.rankedIds[i] = docs[d]!.id;
    }
  }

  /** How many slots of the last ranking come before (success, id): binary search, ~17 steps at 100k. */
  private placeOf(success: number, id: string): number {
    const { rankedSuccess, rankedIds } = this;
    let lo = 0;
    let hi = rankedIds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = rankedSuccess[mid];
      if (s > success || (s === success && rankedIds[mid] < id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Moves live slots down to 0..live-1; returns old ordinal → new ordinal (-1 for dead). */
  compact(): Int32Array {
    const remap = new Int32Array(this.size).fill(-1);
    let w = 0;
    for (let d = 0; d < this.size; d++) {
      if (!this.alive[d]) continue;
      remap[d] = w;
      this.success[w] = this.success[d];
      this.closed[w] = this.closed[d];
      this.next[w] = this.next[d];
      this.rank[w] = this.rank[d];
      this.docs[w] = this.docs[d];
      this.byId.set(this.docs[w]!.id, w);
      w++;
    }
    this.docs.length = w;
    this.alive.fill(0, w);
    this.alive.fill(1, 0, w);
    this.aliveBits.fill(0);
    for (let d = 0; d < w; d++) this.aliveBits[d >>> 5] |= 1 << (d & 31);
    this.size = w;
    return remap;
  }
}
