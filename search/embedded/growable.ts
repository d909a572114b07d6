// Typed arrays that grow by doubling: the index appends one document at a time (outbox) or thousands
// (reindex), and doubling keeps both amortised O(1) without per-term JS arrays.

type Typed = Int32Array | Uint32Array | Uint8Array | Uint16Array | Float32Array | Float64Array;

/** Returns `a` if it already holds `min` elements, else a copy with at least twice the room. */
export function grow<T extends Typed>(a: T, min: number, fill?: number): T {
  if (a.length >= min) return a;
  let n = Math.max(64, a.length * 2);
  while (n < min) n *= 2;
  const Ctor = a.constructor as new (length: number) => T;
  const b = new Ctor(n);
  (b as Int32Array).set(a as Int32Array);
  if (fill !== undefined) b.fill(fill, a.length);
  return b;
}
