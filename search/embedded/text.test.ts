import { Analyzer } from "./analyze";
import { parseQuery, splitQuery } from "./query";
import { TypoIndex } from "./typo";
import { TermDict } from "./terms";
import { normalize, runs } from "./text";

describe("normalize and runs", () => {
  it("folds full-width letters and case, keeps CJK", () => {
    expect(normalize("ＺＨＡＮＧ Wei 张伟")).toBe("zhang wei 张伟");
  });

  it("splits CJK runs from Latin runs; punctuation separates", () => {
    expect(runs(normalize("张伟（律师）zhangwei, 3+X会商"))).toEqual([
      { text: "张伟", cjk: true },
      { text: "律师", cjk: true },
      { text: "zhangwei", cjk: false },
      { text: "3", cjk: false },
      { text: "x", cjk: false },
      { text: "会商", cjk: true },
    ]);
  });
});

describe("splitQuery", () => {
  const words = (q: string) => splitQuery(q).map((w) => w.text);

  it("keeps 1- and 2-character runs whole", () => {
    expect(words("船")).toEqual(["船"]);
    expect(words("医疗")).toEqual(["医疗"]);
  });

  it("cuts longer runs into words with jieba", () => {
    expect(words("医疗纠纷律师")).toEqual(["医疗纠纷", "律师"]);
    expect(words("张伟明")).toEqual(["张伟明"]);
  });

  it("does not cut a synonym key", () => {
    expect(words("拖欠工资")).toEqual(["拖欠工资"]);
  });

  it("drops filler characters between words, not a lone character query", () => {
    expect(words("劳动争议和工伤")).not.toContain("和");
    expect(words("和")).toEqual(["和"]);
  });

  it("mixes scripts in order and lower-cases Latin", () => {
    expect(words("张伟 ZhangWei")).toEqual(["张伟", "zhangwei"]);
  });

  it("ignores punctuation-only input", () => {
    expect(words("，。!?")).toEqual([]);
  });
});

describe("parseQuery", () => {
  it("takes a word spelled like an Object property for a word", () => {
    expect(() => parseQuery("constructor toString __proto__", new TermDict(), new TypoIndex())).not.toThrow();
  });

  it("expands a synonym key into alternatives for its values", () => {
    const dict = new TermDict();
    const out: number[] = [];
    new Analyzer(dict).termsInto("劳动争议", out, "value");
    const [word] = parseQuery("欠薪", dict, new TypoIndex());
    const terms = word.alternatives.flatMap((a) => a.terms);
    expect(terms).toContain(dict.cjk("劳动争议"));
    expect(terms).toContain(dict.cjk("劳动"));
  });
});

describe("Analyzer", () => {
  const analyze = (text: string, kind: "value" | "name" | "long") => {
    const dict = new TermDict();
    const out: number[] = [];
    new Analyzer(dict).termsInto(text, out, kind);
    return { dict, out: new Set(out) };
  };

  it("indexes CJK unigrams, bigrams and, in short fields, the whole run and jieba words", () => {
    const { dict, out } = analyze("医疗纠纷", "value");
    for (const s of ["医", "疗", "纠", "纷", "医疗", "疗纠", "纠纷", "医疗纠纷"]) expect(out.has(dict.cjk(s))).toBe(true);
  });

  it("indexes no whole words in a bio (its bigrams cover it)", () => {
    const { dict, out } = analyze("从事医疗纠纷调解", "long");
    expect(dict.cjk("医疗纠纷")).toBe(-1);
    expect(out.has(dict.cjk("纠纷"))).toBe(true);
  });

  it("indexes a Latin word and each proper prefix", () => {
    const { dict, out } = analyze("Zhang", "name");
    expect(out.has(dict.latinWord("zhang"))).toBe(true);
    for (const p of ["z", "zh", "zha", "zhan"]) expect(out.has(dict.latinPrefix(p))).toBe(true);
    expect(dict.latinPrefix("zhang")).toBe(-1); // no longer word starts with it
    expect(dict.latinWord("zhan")).toBe(-1);
  });

  it("gives the same text the same terms (cache)", () => {
    const dict = new TermDict();
    const a = new Analyzer(dict);
    const first: number[] = [];
    const second: number[] = [];
    a.termsInto("律师事务所", first, "value");
    a.termsInto("律师事务所", second, "value");
    expect(second).toEqual(first);
  });
});
