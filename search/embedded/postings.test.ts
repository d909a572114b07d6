import { MASK_WEIGHT } from "./fields";
import { PostingStore, type Sparse } from "./postings";
import { boost, intersect, union } from "./sparse";

const list = (docs: number[], scores = docs.map(() => 1)): Sparse => ({
  docs: Int32Array.from(docs),
  scores: Float32Array.from(scores),
  n: docs.length,
});
const plain = (s: Sparse) => ({ docs: [...s.docs.subarray(0, s.n)], scores: [...s.scores.subarray(0, s.n)] });

describe("sorted list algebra", () => {
  it("union keeps every document once, with its better score", () => {
    expect(plain(union(list([1, 3, 5], [1, 1, 1]), list([2, 3, 9], [2, 2, 2])))).toEqual({
      docs: [1, 2, 3, 5, 9],
      scores: [1, 2, 2, 1, 2],
    });
  });

  it("intersect keeps common documents, scores added", () => {
    expect(plain(intersect(list([1, 3, 5, 7], [1, 1, 1, 1]), list([3, 4, 7], [2, 2, 2])))).toEqual({ docs: [3, 7], scores: [3, 3] });
    expect(intersect(list([1]), list([2])).n).toBe(0);
  });

  it("boost raises the documents also in the other list", () => {
    const a = list([1, 2, 3]);
    boost(a, list([2, 9]), 5);
    expect(plain(a).scores).toEqual([1, 6, 1]);
  });
});

describe("PostingStore", () => {
  // Term 0: every even document; term 1: every 50th. Half in the base (merged), half in the delta.
  const N = 4000;
  const store = new PostingStore();
  const alive = new Uint8Array(N).fill(1);
  const fill = (from: number, to: number, bulk: boolean) => {
    for (let d = from; d < to; d++) {
      if (d % 2 === 0) store.append(0, d, 1, bulk);
      if (d % 50 === 0) store.append(1, d, 128, bulk);
    }
  };
  fill(0, N / 2, true);
  store.merge(2, alive, null, true);
  fill(N / 2, N, false);
  alive[100] = 0; // deleted: never returned

  it("collects base and delta in order, skipping dead documents, scored by field", () => {
    const c = store.collect(1, alive, MASK_WEIGHT, 1, 0);
    const expected = Array.from({ length: N / 50 }, (_, i) => i * 50).filter((d) => d !== 100);
    expect(plain(c).docs).toEqual(expected);
    expect(new Set(plain(c).scores)).toEqual(new Set([MASK_WEIGHT[128]]));
  });

  it.each([
    ["galloping (short list against a long one)", Array.from({ length: 20 }, (_, i) => i * 190)],
    ["linear (lists of similar length)", Array.from({ length: N }, (_, i) => i)],
  ])("intersects a list with a term without building the term's list: %s", (_label, docs) => {
    const got = plain(
      store.intersectTerm(
        list(
          docs,
          docs.map(() => 100),
        ),
        0,
        alive,
        MASK_WEIGHT,
      ),
    ).docs;
    expect(got).toEqual(docs.filter((d) => d % 2 === 0 && d !== 100));
  });

  it("a merge drops dead documents and can renumber", () => {
    const copy = new PostingStore();
    for (let d = 0; d < 10; d++) copy.append(0, d, 1, false);
    const was = new Uint8Array(10).fill(1);
    was[3] = 0;
    const remap = Int32Array.from({ length: 10 }, (_, d) => (d < 3 ? d : d === 3 ? -1 : d - 1));
    copy.merge(1, was, remap, false);
    expect(plain(copy.collect(0, new Uint8Array(9).fill(1), MASK_WEIGHT, 1, 0)).docs).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
