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
    }
    this.alive[ord] = 1;
    this.aliveBits = grow(this.aliveBits, (ord >>> 5) + 1);
    this.aliveBits[ord >>> 5] |= 1 << (ord & 31);
    this.success[ord] = doc.score;
    this.closed[ord] = doc.closed;
    this.next[ord] = doc.nextAvailableAt ?? Infinity;
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
