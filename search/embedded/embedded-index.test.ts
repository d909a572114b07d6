// The index after many single updates, deletes, merges and a compaction must answer exactly like an
// index built in one go from the same final documents.
import { CATEGORIES, HIT_KINDS, LANGUAGES, MODES, TOWNS } from "../../domain";
import { pinyinInitials, pinyinJoined, namePinyin } from "../../domain/pinyin";
import type { SearchDocument, SearchQuery } from "../types";
import { EmbeddedIndex } from "./embedded-index";

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const r = rng(42);
const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
const some = <T>(a: readonly T[]): T[] => [...new Set([pick(a), pick(a)])].sort() as T[];
const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁章"];
const GIVEN = [..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚薇"];
const BIOS = ["从事医疗纠纷调解", "擅长劳动争议和欠薪", "熟悉渔船碰撞处理", "律师事务所合伙人", "Mediation in English", "处理物业纠纷"];

function doc(id: number): SearchDocument {
  const name = pick(SURNAMES) + pick(GIVEN) + (r() < 0.5 ? pick(GIVEN) : "");
  const py = namePinyin(name);
  const cats = some(CATEGORIES);
  const towns = some(TOWNS);
  const closed = Math.floor(r() * 50);
  return {
    id: `mediator-${id}`,
    entityId: id,
    kind: pick(HIT_KINDS),
    name,
    namePinyin: py,
    namePinyinJoined: pinyinJoined(py),
    nameInitials: pinyinInitials(py),
    title: pick(["律师", "资深调解员", "调解专家"]),
    organisation: r() < 0.8 ? pick(["海帆律师事务所", "普陀区人民医院", "渔业协会"]) : null,
    bio: `${pick(BIOS)}，${pick(BIOS)}。`,
    categories: cats.map((c) => c.slug),
    categoryNames: cats.flatMap((c) => [c.zh, c.en]),
    towns: towns.map((t) => t.slug),
    townNames: towns.flatMap((t) => [t.zh, t.en]),
    modes: some(MODES).map((m) => m.slug),
    languages: some(LANGUAGES).map((l) => l.slug),
    memberNames: [],
    yearsOfExperience: 5,
    closed,
    agreements: Math.floor(closed * r()),
    successRate: null,
    score: Math.round(r() * 20) / 20, // coarse, so ties exercise the id tie-break
    nextAvailableAt: r() < 0.7 ? 1_900_000_000_000 + Math.floor(r() * 1000) * 60_000 : null,
  };
}

const QUERIES: SearchQuery[] = [
  ...["", "张", "医疗", "医疗纠纷", "zhang", "zw", "zhangw", "wangfagn", "律师 医疗", "欠薪", "船", "mediaton"].flatMap((q) =>
    (["relevance", "success", "available"] as const).map((sort) => ({ q, filters: {}, sort, page: 1, perPage: 30 })),
  ),
  { q: "", filters: { category: ["medical", "labour"], town: ["liuheng"] }, sort: "relevance", page: 2, perPage: 10 },
  { q: "律师", filters: { kind: ["lawyer"], mode: ["online"] }, sort: "available", page: 1, perPage: 50 },
];

describe("EmbeddedIndex under updates", () => {
  it("answers like a fresh index after single upserts, deletes, merges and a compaction", () => {
    const live = new Map<string, SearchDocument>();
    const index = new EmbeddedIndex();
    const bulk = Array.from({ length: 2000 }, (_, i) => doc(i + 1));
    index.upsert(bulk);
    bulk.forEach((d) => live.set(d.id, d));
    // Replace 900 documents one at a time (new names, categories…), some twice.
    for (let i = 0; i < 900; i++) {
      const id = 1 + Math.floor(r() * 2000);
      const d = doc(id);
      index.upsert([d]);
      live.set(d.id, d);
    }
    // Delete 700 (some already deleted or never present): enough dead slots to compact.
    for (let i = 0; i < 700; i++) {
      const id = `mediator-${1 + Math.floor(r() * 2100)}`;
      index.delete([id]);
      live.delete(id);
    }
    // And more writes after the compaction: a batch with one id twice (the last one wins).
    const late = [doc(3001), doc(3002), doc(3001)];
    index.upsert(late);
    live.set("mediator-3001", late[2]);
    live.set("mediator-3002", late[1]);

    const fresh = new EmbeddedIndex();
    fresh.upsert([...live.values()]);
    expect(index.count()).toBe(live.size);
    expect(fresh.count()).toBe(live.size);
    for (const q of QUERIES) {
      const a = index.search(q);
      const b = fresh.search(q);
      expect({ q, total: a.total, ids: a.hits.map((h) => h.document.id), facets: a.facets }).toEqual({
        q,
        total: b.total,
        ids: b.hits.map((h) => h.document.id),
        facets: b.facets,
      });
    }
  });

  it("returns the stored documents with their highlights", () => {
    const index = new EmbeddedIndex();
    const d = { ...doc(1), name: "张伟", bio: "从事医疗纠纷调解。" };
    index.upsert([d]);
    const hit = index.search({ q: "医疗", filters: {}, sort: "relevance", page: 1, perPage: 5 }).hits[0];
    expect(hit.document).toBe(d);
    expect(hit.highlight.bio).toBe("从事<mark>医疗</mark>纠纷调解。");
  });
});
