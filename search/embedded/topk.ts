// Top-k selection: a page needs the best `page × perPage` of possibly 100k matches, so a bounded heap
// (O(n log k)) replaces sorting everything. Items carry two numeric keys (higher ranks first: the
// primary key, then the second one, ranking.ts); the tie-break comparator only runs when both are
// equal, so a run of hits with the same score costs two number comparisons each.

export class TopK {
  private readonly items: Int32Array;
  private readonly keys: Float64Array;
  private readonly ties: Float64Array;
  private size = 0;

  /** `tieBefore(a, b)`: with equal keys, does item a rank before item b? Must be a strict order. */
  constructor(
    private readonly k: number,
    private readonly tieBefore: (a: number, b: number) => boolean,
  ) {
    this.items = new Int32Array(Math.max(0, k));
    this.keys = new Float64Array(Math.max(0, k));
    this.ties = new Float64Array(Math.max(0, k));
  }

  /** Would an item with these keys be rejected for sure? (A cheap test before `push`.) */
  rejects(key: number, tie = 0): boolean {
    if (this.size < this.k) return false;
    const k0 = this.keys[0];
    return key < k0 || (key === k0 && tie < this.ties[0]);
  }

  push(item: number, key: number, tie = 0): void {
    if (this.size < this.k) {
      let i = this.size++;
      this.items[i] = item;
      this.keys[i] = key;
      this.ties[i] = tie;
      // Sift up: the root is the worst item kept.
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.before(p, i)) break;
        this.swap(i, p);
        i = p;
      }
    } else if (this.k > 0) {
      const k0 = this.keys[0];
      const t0 = this.ties[0];
      if (key < k0 || (key === k0 && (tie < t0 || (tie === t0 && !this.tieBefore(item, this.items[0]))))) return;
      this.items[0] = item;
      this.keys[0] = key;
      this.ties[0] = tie;
      this.siftDown(0);
    }
  }

  /** The kept items, best first. */
  sorted(): number[] {
    const order = Array.from({ length: this.size }, (_, i) => i);
    order.sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
    return order.map((i) => this.items[i]);
  }

  /** Does the item at heap slot i rank before the one at slot j? */
  private before(i: number, j: number): boolean {
    const ki = this.keys[i];
    const kj = this.keys[j];
    if (ki !== kj) return ki > kj;
    const ti = this.ties[i];
    const tj = this.ties[j];
    return ti > tj || (ti === tj && this.tieBefore(this.items[i], this.items[j]));
  }

  private siftDown(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < this.size && this.before(worst, l)) worst = l;
      if (r < this.size && this.before(worst, r)) worst = r;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(i: number, j: number): void {
    const it = this.items[i];
    this.items[i] = this.items[j];
    this.items[j] = it;
    const k = this.keys[i];
    this.keys[i] = this.keys[j];
    this.keys[j] = k;
    const t = this.ties[i];
    this.ties[i] = this.ties[j];
    this.ties[j] = t;
  }
}
