import { TermDict } from "./terms";
import { TypoIndex, hashSkipping, withinOneEdit } from "./typo";

describe("withinOneEdit", () => {
  it.each([
    ["zhangwei", "zhangwei", true],
    ["zhagnwei", "zhangwei", true], // swap
    ["zhangwie", "zhangwei", true], // swap at the end
    ["zhangwen", "zhangwei", true], // substitution
    ["mediaton", "mediation", true], // missing letter
    ["zhanggwei", "zhangwei", true], // extra letter
    ["zhangw", "zhangwei", false],
    ["zhengwen", "zhangwei", false],
    ["abxcd", "abcyd", false], // two edits that share a deletion key
  ])("%s ~ %s: %s", (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

describe("hashSkipping", () => {
  it("equals the hash of the word with that letter removed", () => {
    expect(hashSkipping("zhangwei", 3)).toBe(hashSkipping("zhagwei", -1));
    expect(hashSkipping("zhangwei", 3)).not.toBe(hashSkipping("zhangwei", -1));
  });
});

describe("TypoIndex", () => {
  const build = (words: string[]) => {
    const index = new TypoIndex();
    words.forEach((w, i) => index.add(i, w));
    return index;
  };
  const found = (index: TypoIndex, q: string) =>
    index
      .lookup(q)
      .map((x) => x.word)
      .sort();

  it("finds words one edit away, never the query itself", () => {
    const index = build(["zhangwei", "zhangwen", "wangfang", "mediation"]);
    expect(found(index, "zhangwei")).toEqual(["zhangwen"]);
    expect(found(index, "zhagnwei")).toEqual(["zhangwei"]);
    expect(found(index, "mediaton")).toEqual(["mediation"]);
    expect(found(index, "wangfagn")).toEqual(["wangfang"]);
  });

  it("gives short queries no typo", () => {
    const index = build(["wang", "wanf", "zhang"]);
    expect(found(index, "wanb")).toEqual([]);
    expect(found(index, "zhanb")).toEqual(["zhang"]);
  });

  it("ignores words with digits", () => {
    const index = build(["12345"]);
    expect(found(index, "12346")).toEqual([]);
  });

  it("finds words in every table as the vocabulary grows", () => {
    // Enough words to be hashed into several tables and merged, plus some still pending.
    const words = Array.from({ length: 5000 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i.toString(36)}x`.replace(/\d/g, "q"));
    const unique = [...new Set(words)];
    const index = build(unique);
    for (const w of [unique[0], unique[1500], unique[unique.length - 1]]) {
      const typo = w.slice(0, 2) + w[3] + w[2] + w.slice(4);
      expect(index.lookup(typo).map((x) => x.word)).toContain(w);
    }
  });
});

describe("prefix lookup (TermDict trie)", () => {
  it("maps every proper prefix of a word to one term shared by all words having it", () => {
    const dict = new TermDict();
    const zw: number[] = [];
    const zwm: number[] = [];
    dict.latinInto("zhangwei", 0, 8, zw);
    dict.latinInto("zhangweiming", 0, 12, zwm);
    expect(dict.latinPrefix("zhangw")).toBeGreaterThanOrEqual(0);
    expect(zw).toContain(dict.latinPrefix("zhangw"));
    expect(zwm).toContain(dict.latinPrefix("zhangw"));
    // "zhangwei" is a whole word of one and a prefix of the other: two different terms.
    expect(zw).toContain(dict.latinWord("zhangwei"));
    expect(zwm).toContain(dict.latinPrefix("zhangwei"));
    expect(zw).not.toContain(dict.latinPrefix("zhangwei"));
    expect(dict.latinPrefix("zhao")).toBe(-1);
  });

  it("reports each new whole word once, for the typo index", () => {
    const dict = new TermDict();
    const seen: string[] = [];
    dict.onNewLatinWord = (_id, w) => seen.push(w);
    dict.latinInto("xx zhang", 3, 8, []);
    dict.latinInto("zhang", 0, 5, []);
    expect(seen).toEqual(["zhang"]);
  });
});
