import { TopK } from "./topk";

describe("TopK", () => {
  const keys = Array.from({ length: 500 }, (_, i) => Math.floor(((i * 7919) % 101) / 10)); // many ties
  const tieBefore = (a: number, b: number) => a < b; // lower item first on equal keys
  const expected = (k: number) =>
    keys
      .map((key, item) => ({ key, item }))
      .sort((a, b) => b.key - a.key || a.item - b.item)
      .slice(0, k)
      .map((x) => x.item);

  it.each([0, 1, 20, 499, 500, 800])("keeps the best %i, in order, like a full sort", (k) => {
    const top = new TopK(k, tieBefore);
    keys.forEach((key, item) => {
      if (!top.rejects(key)) top.push(item, key);
    });
    expect(top.sorted()).toEqual(expected(k));
  });

  it("order of arrival does not matter", () => {
    const top = new TopK(20, tieBefore);
    for (let item = keys.length - 1; item >= 0; item--) top.push(item, keys[item]);
    expect(top.sorted()).toEqual(expected(20));
  });
});

describe("TopK with a second key", () => {
  // Primary key with many ties, a second key with ties of its own, the item as the last word.
  const items = Array.from({ length: 600 }, (_, i) => ({ item: i, key: i % 3, tie: (i * 31) % 7 }));
  const expected = (k: number) =>
    [...items]
      .sort((a, b) => b.key - a.key || b.tie - a.tie || a.item - b.item)
      .slice(0, k)
      .map((x) => x.item);

  it.each([1, 20, 599, 700])("orders by key, then the second key, then the tie-break (k = %i)", (k) => {
    const top = new TopK(k, (a, b) => a < b);
    for (const { item, key, tie } of items) if (!top.rejects(key, tie)) top.push(item, key, tie);
    expect(top.sorted()).toEqual(expected(k));
  });
});
