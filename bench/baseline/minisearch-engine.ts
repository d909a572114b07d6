// The benchmark's baseline: the same SearchEngine port done the straightforward way, with MiniSearch
// for the inverted index, Intl.Segmenter for Chinese word segmentation, and facets counted in plain
// JavaScript over MiniSearch's full result list. It is what one would write first; the embedded engine
// has to beat it on every query class (see bench/search.bench.ts and docs/performance.md).
//
// Fairness: the same searchable fields with the embedded engine's field weights as boosts, the
// same synonym table (search/synonyms.ts, a query word also matches its synonyms), every query word
// must match (AND), prefix search on every word, typo tolerance only for Latin words (fuzzy 0.2 from
// five letters, as Meilisearch's oneTypo threshold: initials such as "lxm" stay exact), disjunctive
// facets, the port's sort orders, highlights for the page's hits only, and top-k selection instead of
// sorting everything when another order than MiniSearch's own is asked for.
import MiniSearch, { type Query, type SearchResult as MiniResult } from "minisearch";
import { FACETS, type FacetName } from "../../domain";
import { CATEGORY_SYNONYMS } from "../../search/synonyms";
import {
  FACET_FIELDS,
  HIGHLIGHT_POST,
  HIGHLIGHT_PRE,
  type FacetCounts,
  type Highlight,
  type SearchDocument,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from "../../search/types";

/**
 * Searchable fields and their boosts: the field weights of the embedded engine (name and its pinyin
 * forms 10, category and member names 6, title 4, organisation 3, town names 2, bio 1).
 */
export const BASELINE_BOOSTS = {
  name: 10,
  namePinyinJoined: 10,
  nameInitials: 10,
  namePinyin: 10,
  categoryNames: 6,
  memberNames: 6,
  title: 4,
  organisation: 3,
  townNames: 2,
  bio: 1,
} as const;
const SEARCH_FIELDS = Object.keys(BASELINE_BOOSTS);

/** What MiniSearch stores next to the index: what filters and sorting read. */
const STORE_FIELDS = ["kind", "categories", "towns", "modes", "languages", "score", "closed", "nextAvailableAt"];

const HIGHLIGHTED = ["name", "title", "organisation", "bio", "categoryNames"] as const;
const ARRAY_HIGHLIGHT_SEPARATOR = " · ";
const LATIN = /^[a-z0-9]+$/;

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** Word segments, lower-cased; punctuation and spaces dropped. */
export function segmentWords(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment.toLowerCase());
  return out;
}

function stringify(value: unknown): string {
  if (Array.isArray(value)) return value.join(" ");
  return value === null || value === undefined ? "" : String(value);
}

type Stored = {
  kind: string;
  categories: string[];
  towns: string[];
  modes: string[];
  languages: string[];
  score: number;
  closed: number;
  nextAvailableAt: number | null;
};

/** The values of a document (stored fields) for one facet. */
function facetValues(stored: Stored, facet: FacetName): string[] {
  const field = FACET_FIELDS[facet];
  return field === "kind" ? [stored.kind] : stored[field];
}

function emptyFacets(): FacetCounts {
  return Object.fromEntries(FACETS.map((f) => [f, {}])) as FacetCounts;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

type Compare = (a: MiniResult, b: MiniResult) => number;

/** The first `k` items of `items` in `compare` order, without sorting all of them (a bounded max-heap). */
function topK(items: MiniResult[], k: number, compare: Compare): MiniResult[] {
  if (k <= 0) return [];
  const heap: MiniResult[] = [];
  const worse = (i: number, j: number) => compare(heap[i], heap[j]) > 0;
  const swap = (i: number, j: number) => {
    const t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (!worse(i, p)) break;
        swap(i, p);
        i = p;
      }
    } else if (compare(item, heap[0]) < 0) {
      heap[0] = item;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && worse(l, m)) m = l;
        if (r < heap.length && worse(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return heap.sort(compare);
}

export class MiniSearchEngine implements Omit<SearchEngine, "name"> {
  readonly name = "minisearch-baseline" as const;
  private index = this.newIndex();
  private readonly documents = new Map<string, SearchDocument>();

  private newIndex(): MiniSearch<SearchDocument> {
    return new MiniSearch<SearchDocument>({
      idField: "id",
      fields: SEARCH_FIELDS,
      storeFields: STORE_FIELDS,
      stringifyField: stringify,
      tokenize: segmentWords,
      processTerm: (term) => term || null,
      searchOptions: {
        boost: { ...BASELINE_BOOSTS },
        prefix: true,
        fuzzy: (term) => (LATIN.test(term) && term.length >= 5 ? 0.2 : false),
        combineWith: "AND",
      },
    });
  }

  async setup(): Promise<void> {}

  async upsert(documents: SearchDocument[]): Promise<void> {
    for (const d of documents) {
      if (this.index.has(d.id)) this.index.discard(d.id);
      this.documents.set(d.id, d);
    }
    // addAll would throw on an id twice in one batch; the last version of a document wins.
    const latest = new Map(documents.map((d) => [d.id, d]));
    this.index.addAll([...latest.values()]);
  }

  async delete(ids: string[]): Promise<void> {
    for (const id of ids) {
      if (this.index.has(id)) this.index.discard(id);
      this.documents.delete(id);
    }
  }

  async clear(): Promise<void> {
    this.index.removeAll();
    this.documents.clear();
  }

  async count(): Promise<number> {
    return this.index.documentCount;
  }

  /** The query as a MiniSearch expression: every word must match; a word matches itself or a synonym. */
  private expression(q: string): Query | null {
    const words = segmentWords(q);
    if (words.length === 0) return null;
    return {
      combineWith: "AND",
      queries: words.map((w): Query => {
        const synonyms = CATEGORY_SYNONYMS[w];
        if (!synonyms) return w;
        // A multi-word synonym ("劳动争议" → 劳动, 争议) matches as all of its words.
        return { combineWith: "OR", queries: [w, ...synonyms.map((s): Query => ({ combineWith: "AND", queries: [s] }))] };
      }),
    };
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const q = (query.q ?? "").trim();
    const filters = query.filters ?? {};
    const selected = FACETS.filter((f) => (filters[f]?.length ?? 0) > 0).map((f) => ({
      facet: f,
      values: new Set(filters[f]),
    }));

    /** How many selected facets a result fails, and the last one it fails (for disjunctive counts). */
    const misses = (stored: Stored): { n: number; facet: FacetName | null } => {
      let n = 0;
      let facet: FacetName | null = null;
      for (const s of selected) {
        if (!facetValues(stored, s.facet).some((v) => s.values.has(v))) {
          n++;
          facet = s.facet;
        }
      }
      return { n, facet };
    };

    // MiniSearch's filter keeps what any count needs: results failing at most one selected facet.
    const filter = selected.length ? (r: MiniResult) => misses(r as unknown as Stored).n <= 1 : undefined;
    const expression = q ? this.expression(q) : null;
    const results = expression
      ? this.index.search(expression, { filter })
      : q
        ? [] // only punctuation: nothing can match
        : this.index.search(MiniSearch.wildcard, { filter });

    // Disjunctive facets: a facet's counts ignore that facet's own selection.
    const facets = emptyFacets();
    const matching: MiniResult[] = [];
    for (const r of results) {
      const stored = r as unknown as Stored;
      const miss = selected.length ? misses(stored) : { n: 0, facet: null };
      if (miss.n === 0) matching.push(r);
      for (const facet of FACETS) {
        if (miss.n === 1 && miss.facet !== facet) continue;
        const counts = facets[facet];
        for (const v of facetValues(stored, facet)) counts[v] = (counts[v] ?? 0) + 1;
      }
    }

    const page = Math.max(1, Math.floor(query.page || 1));
    const perPage = Math.max(0, Math.floor(query.perPage || 0));
    const end = page * perPage;
    const compare = this.compareFor(query.sort, q);
    const ordered = compare ? topK(matching, end, compare) : matching;
    const pageResults = ordered.slice(end - perPage, end);

    const hits: SearchHit[] = pageResults.map((r) => {
      const document = this.documents.get(r.id as string)!;
      return { document, highlight: q ? highlight(document, r) : {} };
    });
    return { total: matching.length, hits, facets };
  }

  /** null: MiniSearch's own order (relevance) is the order asked for. */
  private compareFor(sort: SearchQuery["sort"], q: string): Compare | null {
    const s = (r: MiniResult) => r as unknown as Stored;
    const bySuccess: Compare = (a, b) => s(b).score - s(a).score || s(b).closed - s(a).closed || b.score - a.score;
    switch (sort) {
      case "relevance":
        return q ? null : bySuccess;
      case "success":
        return bySuccess;
      case "available":
        return (a, b) => {
          const x = s(a).nextAvailableAt;
          const y = s(b).nextAvailableAt;
          if (x !== y) {
            if (x === null) return 1;
            if (y === null) return -1;
            return x - y;
          }
          return b.score - a.score;
        };
      default:
        throw new Error(`Unknown sort order ${JSON.stringify(sort satisfies never)}`);
    }
  }
}

/** Highlighted copies of the fields that contain a matched word (MiniSearch reports matched terms). */
function highlight(document: SearchDocument, r: MiniResult): Highlight {
  const terms = [...new Set([...r.terms, ...r.queryTerms])].filter(Boolean).sort((a, b) => b.length - a.length);
  if (terms.length === 0) return {};
  const pattern = new RegExp(terms.map(escapeRegExp).join("|"), "gi");
  const mark = (text: string): string | null => {
    pattern.lastIndex = 0;
    if (!pattern.test(text)) return null;
    pattern.lastIndex = 0;
    return text.replace(pattern, (m) => `${HIGHLIGHT_PRE}${m}${HIGHLIGHT_POST}`);
  };
  const out: Highlight = {};
  for (const field of HIGHLIGHTED) {
    const value = document[field];
    if (typeof value === "string") {
      const marked = mark(value);
      if (marked !== null) out[field] = marked;
    } else if (Array.isArray(value)) {
      const marked = value.map(mark).filter((v): v is string => v !== null);
      if (marked.length) out[field] = marked.join(ARRAY_HIGHLIGHT_SEPARATOR);
    }
  }
  return out;
}
