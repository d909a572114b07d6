import { FACETS } from "../../domain";
import { FacetIndex, popcount, scanDisjunctive, type ActiveFilter } from "./facets";

const VALUES = [
  ["a", "b", "c"],
  ["x", "y", "z", "w"],
  ["p", "q"],
  ["m", "n", "o"],
  ["l1", "l2"],
];

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomDocs(n: number, seed: number): string[][][] {
  const r = rng(seed);
  return Array.from({ length: n }, () => VALUES.map((vals, f) => vals.filter(() => r() < (f === 0 ? 0.4 : 0.5))));
}

/** The definition, by brute force: facet f counts documents passing every selected facet but f. */
function bruteForce(docs: string[][][], alive: boolean[], cand: number[], selection: Array<string[] | undefined>) {
  const pass = (d: number, f: number) => !selection[f] || docs[d][f].some((v) => selection[f]!.includes(v));
  const counts = FACETS.map(() => new Map<string, number>());
  const hits: number[] = [];
  for (const d of cand) {
    if (!alive[d]) continue;
    if (FACETS.every((_, f) => pass(d, f))) hits.push(d);
    FACETS.forEach((_, f) => {
      if (!FACETS.every((__, g) => g === f || pass(d, g))) return;
      for (const v of new Set(docs[d][f])) counts[f].set(v, (counts[f].get(v) ?? 0) + 1);
    });
  }
  return { hits, counts: counts.map((m) => Object.fromEntries(m)) };
}

describe("popcount", () => {
  it.each([
    [0, 0],
    [1, 1],
    [0xffffffff, 32],
    [0x80000001, 2],
    [0x12345678, 13],
  ])("%i has %i bits", (x, n) => {
    expect(popcount(x)).toBe(n);
  });
});

describe("scanDisjunctive", () => {
  const N = 700;
  const docs = randomDocs(N, 1);
  const facets = new FacetIndex();
  docs.forEach((d, i) => facets.add(i, d));
  const alive = new Uint8Array(N).fill(1);
  const aliveBits = new Uint32Array(Math.ceil(N / 32));
  for (let d = 0; d < N; d++) if (d % 13 === 5) alive[d] = 0;
  for (let d = 0; d < N; d++) if (alive[d]) aliveBits[d >>> 5] |= 1 << (d & 31);

  const selections: Array<Array<string[] | undefined>> = [
    [undefined, undefined, undefined, undefined, undefined],
    [["a"], undefined, undefined, undefined, undefined],
    [["a", "c"], ["x"], undefined, undefined, undefined],
    [["b"], ["y", "w"], ["p"], ["o"], ["l2"]],
    [["nope"], undefined, ["q"], undefined, undefined],
  ];

  const run = (cand: Int32Array | null, n: number, selection: Array<string[] | undefined>) => {
    const filters: ActiveFilter[] = [];
    selection.forEach((sel, f) => sel && filters.push({ facet: f, bits: facets.filterBits(f, sel) }));
    const hits = new Int32Array(N);
    const r = scanDisjunctive(facets, filters, cand, n, alive, aliveBits, hits);
    const got = facets.toFacetCounts(r.counts);
    const hitDocs = Array.from(hits.subarray(0, r.hitCount), (i) => (cand ? cand[i] : i));
    return { hits: hitDocs, counts: FACETS.map((f) => got[f]) };
  };

  it.each(selections.map((s, i) => [i, s] as const))("over every document, selection %i", (_i, selection) => {
    const all = Array.from({ length: N }, (_, d) => d);
    expect(run(null, N, selection)).toEqual(bruteForce(docs, [...alive].map(Boolean), all, selection));
  });

  it.each(selections.map((s, i) => [i, s] as const))("over few candidates (list path), selection %i", (_i, selection) => {
    const cand = Int32Array.from([3, 5, 17, 40, 41]);
    expect(run(cand, cand.length, selection)).toEqual(bruteForce(docs, [...alive].map(Boolean), [...cand], selection));
  });

  it.each(selections.map((s, i) => [i, s] as const))("over many candidates (bitset path), selection %i", (_i, selection) => {
    const cand = Int32Array.from({ length: 400 }, (_, i) => i + (i >> 1));
    expect(run(cand, cand.length, selection)).toEqual(bruteForce(docs, [...alive].map(Boolean), [...cand], selection));
  });

  it("counts a value listed twice once", () => {
    const f = new FacetIndex();
    f.add(0, [["a", "a"], [], [], [], []]);
    const r = scanDisjunctive(f, [], null, 1, new Uint8Array([1]), new Uint32Array([1]), new Int32Array(1));
    expect(f.toFacetCounts(r.counts).kind).toEqual({ a: 1 });
  });

  it("keeps counts right after a compaction", () => {
    const f = new FacetIndex();
    docs.slice(0, 100).forEach((d, i) => f.add(i, d));
    const remap = Int32Array.from({ length: 100 }, (_, d) => (d % 3 === 0 ? -1 : d - Math.floor(d / 3) - 1));
    const live = [...remap].filter((x) => x >= 0).length;
    f.remap(remap, live);
    const kept = docs.slice(0, 100).filter((_, d) => d % 3 !== 0);
    const r = scanDisjunctive(
      f,
      [],
      null,
      live,
      new Uint8Array(live).fill(1),
      new Uint32Array(Math.ceil(live / 32)).fill(0xffffffff),
      new Int32Array(live),
    );
    const got = f.toFacetCounts(r.counts);
    const expected = bruteForce(
      kept,
      kept.map(() => true),
      kept.map((_, i) => i),
      [undefined, undefined, undefined, undefined, undefined],
    );
    expect(FACETS.map((k) => got[k])).toEqual(expected.counts);
  });
});
