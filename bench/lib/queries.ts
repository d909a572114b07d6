// The fixed query mix of the search benchmark, by class. Fixed words plus words drawn from the pool
// with a seeded generator, so the same pool always gives the same queries.
import { CATEGORIES, HIT_KINDS, LANGUAGES, MODES, TOWNS, type FacetName } from "../../domain";
import { prng, type DemoPool } from "../../db/demo-pool";
import { pinyinInitials, pinyinJoined } from "../../domain/pinyin";
import type { SearchFilters, SearchQuery } from "../../search/types";

export const QUERY_CLASSES = ["cjk-1", "cjk-2", "cjk-4", "pinyin", "initials", "filters-only", "cjk+filters", "pinyin+filters"] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export const CLASS_DESCRIPTIONS: Record<QueryClass, string> = {
  "cjk-1": "one Chinese character (船, 医, 劳, a surname…)",
  "cjk-2": "two characters (医疗, 劳动, 海事, 律师, surname + given)",
  "cjk-4": "four-character phrases (医疗纠纷, 劳动争议, 渔船碰撞…) and full 3-character names",
  pinyin: "joined pinyin of pool names, whole and as typed (prefixes), a few with spaces",
  initials: "pinyin initials of pool names (zw, lxm)",
  "filters-only": "empty query, 1–3 facet filters",
  "cjk+filters": "Chinese query of 1, 2 or 4 characters plus 1–2 facet filters",
  "pinyin+filters": "pinyin or initials plus 1–2 facet filters",
};

export interface BenchQuery {
  cls: QueryClass;
  query: SearchQuery;
}

const CJK_1 = ["船", "医", "劳", "海", "律", "伤", "渔", "房", "债", "婚"];
const CJK_2 = ["医疗", "劳动", "海事", "律师", "工伤", "物业", "欠薪", "调解"];
const CJK_4 = ["医疗纠纷", "劳动争议", "渔船碰撞", "交通事故", "民间借贷", "物业服务", "工伤认定", "离婚财产"];

const FACET_VALUES: Record<FacetName, readonly string[]> = {
  kind: HIT_KINDS,
  category: CATEGORIES.map((c) => c.slug),
  town: TOWNS.map((t) => t.slug),
  mode: MODES.map((m) => m.slug),
  language: LANGUAGES.map((l) => l.slug),
};
const FACET_NAMES = Object.keys(FACET_VALUES) as FacetName[];

function query(q: string, filters: SearchFilters = {}): SearchQuery {
  return { q, filters, sort: "relevance", page: 1, perPage: 20 };
}

/** The query mix for one pool; every query asks for page 1 of 20 (facets always come back). */
export function queryMix(pool: DemoPool, seed = 7): Record<QueryClass, BenchQuery[]> {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const sample = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(rnd() * copy.length), 1)[0]);
    return out;
  };
  const people = pool.mediators;
  /** Distinct pool names matching a test, drawn at random. */
  const names = (n: number, test: (name: string) => boolean) => {
    const out = new Map<string, string>();
    for (let tries = 0; out.size < n && tries < 10_000; tries++) {
      const m = pick(people);
      if (test(m.name)) out.set(m.name, m.namePinyin);
    }
    return [...out].map(([name, py]) => ({ name, py }));
  };
  const filters = (min: number, max: number): SearchFilters => {
    const out: SearchFilters = {};
    const n = min + Math.floor(rnd() * (max - min + 1));
    for (const facet of sample(FACET_NAMES, n)) out[facet] = sample(FACET_VALUES[facet], rnd() < 0.75 ? 1 : 2);
    return out;
  };

  const cjk1 = CJK_1;
  const cjk2 = [...CJK_2, ...names(4, (s) => s.length >= 2).map((x) => x.name.slice(0, 2))];
  const cjk4 = [...CJK_4, ...names(4, (s) => s.length === 3).map((x) => x.name)];
  const pinyin: string[] = [];
  for (const { py } of names(6, () => true)) pinyin.push(pinyinJoined(py));
  for (const { py } of names(6, (s) => s.length === 3)) {
    const joined = pinyinJoined(py);
    pinyin.push(joined.slice(0, 3 + Math.floor(rnd() * (joined.length - 3)))); // typed so far
  }
  for (const { py } of names(2, (s) => s.length === 3)) pinyin.push(py.split(" ").slice(0, 2).join(" "));
  const initials = [
    ...names(5, (s) => s.length === 2).map((x) => pinyinInitials(x.py)),
    ...names(5, (s) => s.length === 3).map((x) => pinyinInitials(x.py)),
  ];

  const mix: Record<QueryClass, BenchQuery[]> = {
    "cjk-1": cjk1.map((q) => ({ cls: "cjk-1", query: query(q) })),
    "cjk-2": cjk2.map((q) => ({ cls: "cjk-2", query: query(q) })),
    "cjk-4": cjk4.map((q) => ({ cls: "cjk-4", query: query(q) })),
    pinyin: pinyin.map((q) => ({ cls: "pinyin", query: query(q) })),
    initials: [...new Set(initials)].map((q) => ({ cls: "initials", query: query(q) })),
    "filters-only": Array.from({ length: 10 }, () => ({ cls: "filters-only", query: query("", filters(1, 3)) })),
    "cjk+filters": Array.from({ length: 10 }, (_, i) => ({
      cls: "cjk+filters",
      query: query(pick([cjk1, cjk2, cjk4][i % 3]), filters(1, 2)),
    })),
    "pinyin+filters": Array.from({ length: 10 }, (_, i) => ({
      cls: "pinyin+filters",
      query: query(pick(i % 2 ? initials : pinyin), filters(1, 2)),
    })),
  };
  return mix;
}

/** A query as a compact label: `医疗 [category=medical town=liuheng]`. */
export function describeQuery(q: SearchQuery): string {
  const f = Object.entries(q.filters)
    .filter(([, v]) => v && v.length)
    .map(([k, v]) => `${k}=${v!.join(",")}`)
    .join(" ");
  return `${q.q ? JSON.stringify(q.q) : "(empty)"}${f ? ` [${f}]` : ""}`;
}
