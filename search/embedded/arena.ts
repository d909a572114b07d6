// Scratch buffers for one query. A query over 100k documents builds several lists of up to 100k
// entries; allocating them fresh each time costs more in zeroing and GC (they live outside the JS
// heap, and external-memory pressure triggers full collections) than the set algebra itself. Every
// list a query builds is dropped when it returns, so buffers are handed out in order and all taken
// back at the start of the next query.
import type { Sparse } from "./postings";

/** Buffers kept between queries; a query needing more gets transient ones. */
const KEEP = 24;

export class Arena {
  private docs: Int32Array[] = [];
  private scores: Float32Array[] = [];
  private used = 0;
  private capacity = 0;

  /** Starts a query whose lists hold at most `capacity` documents. */
  reset(capacity: number): void {
    if (capacity > this.capacity) {
      this.capacity = Math.max(capacity, Math.ceil(this.capacity * 1.5));
      this.docs = [];
      this.scores = [];
    }
    this.used = 0;
  }

  /**
   * An empty list with room for `n` entries. Lists hold distinct ordinals below the capacity given to
   * `reset`, so a request beyond it (a union's a.n + b.n) never needs more than the capacity.
   */
  take(n: number): Sparse {
    if (this.used === this.docs.length) {
      if (this.used >= KEEP) return fresh(n);
      this.docs.push(new Int32Array(this.capacity));
      this.scores.push(new Float32Array(this.capacity));
    }
    const i = this.used++;
    return { docs: this.docs[i], scores: this.scores[i], n: 0 };
  }
}

export function fresh(n: number): Sparse {
  return { docs: new Int32Array(n), scores: new Float32Array(n), n: 0 };
}

/** From the arena when there is one (queries), else fresh (tests, one-off use). */
export function allocate(arena: Arena | undefined, n: number): Sparse {
  return arena ? arena.take(n) : fresh(n);
}
