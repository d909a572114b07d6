// The in-process index: documents → postings, facet columns and sort columns; queries → one page of
// hits with disjunctive facet counts. Everything here is synchronous; engine.ts wraps it in the port.
import { FACETS, type FacetName } from "../../domain";
import type { SearchDocument, SearchQuery, SearchResult } from "../types";
import { FACET_FIELDS } from "../types";
import { engineQuery, publicFacets, reachValues } from "../reach";
import { Analyzer, committeeTermKey, nameKey } from "./analyze";
import { Arena } from "./arena";
import { DocStore } from "./docs";
import { evaluateQuery } from "./evaluate";
import { FacetIndex, scanDisjunctive, type ActiveFilter } from "./facets";
import { F_BIO, F_CATEGORY, F_MEMBERS, F_NAME, F_ORG, F_PINYIN, F_TITLE, F_TOWN, MASK_WEIGHT } from "./fields";
import { grow } from "./growable";
import { highlightDocument } from "./highlight";
import { MAX_ORDINAL, PostingStore, type Sparse } from "./postings";
import { parseQuery, type Marks } from "./query";
import { sortKeys, tieBreak } from "./ranking";
import { boost } from "./sparse";
import { TermDict } from "./terms";
import { TopK } from "./topk";
import { TypoIndex } from "./typo";

/** Extra score when the whole query is a document's name: 张伟 above 张伟明 for "张伟". */
const NAME_BONUS = 5;
/**
 * A one-character query that is a person's surname (龙 for 龙旭, not for 马飞龙): a name that starts with
 * it ranks above one that only holds it, as a party typing a surname means (Meilisearch's position in
 * the attribute does the same). Less than a whole name's bonus.
 */
const SURNAME_BONUS = 2;
/** Delta postings are folded into the base once they outgrow it (doubling: O(n) amortised). */
const MIN_DELTA = 1 << 16;
/** The bulk log is folded in when it outgrows the base, but not before this many entries (some 25k documents). */
const MIN_LOG = 1 << 22;
/**
 * Upserts of this many documents at once are a bulk load (reindex pages are 5000): their postings go
 * to the log, merged before the next search. Outbox batches are smaller and searchable at once.
 */
const BULK = 2000;
/** Dead slots are compacted away once they are a quarter of all slots. */
const MIN_DEAD = 1024;

const NO_MARKS: Marks = { cjk: [], latin: [] };

/** A document's values of a facet; the town facet holds its reach (search/reach.ts). */
function facetValues(doc: SearchDocument, facet: FacetName): readonly string[] {
  if (facet === "town") return reachValues(doc);
  const field = FACET_FIELDS[facet];
  return field === "kind" ? [doc.kind] : doc[field];
}

export class EmbeddedIndex {
  private dict!: TermDict;
  private analyzer!: Analyzer;
  private typos!: TypoIndex;
  private postings!: PostingStore;
  private store!: DocStore;
  private facets!: FacetIndex;
  // Per-document de-duplication of terms: seen[t] === stamp means t is already in docTerms.
  private seen = new Int32Array(0);
  private seenMask = new Uint8Array(0);
  private stamp = 0;
  private readonly docTerms: number[] = [];
  private readonly termBuf: number[] = [];
  private hitsBuf = new Int32Array(0);
  private keyBuf = new Float64Array(0);
  private tieBuf = new Float64Array(0);
  private readonly arena = new Arena();
  private mergeScheduled = false;

  constructor() {
    this.clear();
  }

  clear(): void {
    this.dict = new TermDict();
    this.typos = new TypoIndex();
    this.dict.onNewLatinWord = (id, word) => this.typos.add(id, word);
    this.analyzer = new Analyzer(this.dict);
    this.postings = new PostingStore();
    this.store = new DocStore();
    this.facets = new FacetIndex();
    this.seen = new Int32Array(0);
    this.seenMask = new Uint8Array(0);
  }

  count(): number {
    return this.store.live;
  }

  /** Insert or replace: a replaced document's old slot dies, so its old terms stop matching. */
  upsert(documents: readonly SearchDocument[]): void {
    const bulk = documents.length >= BULK;
    for (const doc of documents) {
      this.store.remove(doc.id);
      if (this.store.size >= MAX_ORDINAL) this.merge(true);
      this.add(doc, bulk);
    }
    this.maintain();
  }

  delete(ids: readonly string[]): void {
    for (const id of ids) this.store.remove(id);
    this.maintain();
  }

  search(asked: SearchQuery): SearchResult {
    const query = engineQuery(asked);
    // Queries read base and delta only: a bulk load's log is folded in first, and so is a delta
    // grown large enough to slow list walks down.
    const { postings, store } = this;
    if (postings.logSize > 0 || postings.deltaSize > Math.max(MIN_DELTA, postings.baseSize >> 3)) this.merge(false);
    postings.trim();

    const text = this.matchText(query.q ?? "");
    // Without a query every live document is a candidate (cand null: position = ordinal).
    const cand = text ? text.matches.docs : null;
    const n = text ? text.matches.n : store.size;
    const filters: ActiveFilter[] = [];
    FACETS.forEach((facet, f) => {
      const selected = query.filters?.[facet];
      if (selected && selected.length > 0) filters.push({ facet: f, bits: this.facets.filterBits(f, selected) });
    });
    const hits = (this.hitsBuf = grow(this.hitsBuf, n));
    const live = query.availableBefore === undefined ? store : store.availableBefore(query.availableBefore);
    const scan = scanDisjunctive(this.facets, filters, cand, n, live.alive, live.aliveBits, hits);

    const perPage = Math.max(0, Math.floor(query.perPage));
    const page = Math.max(1, Math.floor(query.page));
    const ord = cand ? (i: number) => cand[i] : (i: number) => i;
    const scores = text ? text.matches.scores : null;
    const top = new TopK(Math.min(page * perPage, scan.hitCount), tieBreak(store, ord));
    const keys = (this.keyBuf = grow(this.keyBuf, scan.hitCount));
    const ties = (this.tieBuf = grow(this.tieBuf, scan.hitCount));
    sortKeys(query.sort, store, cand, scores, hits, scan.hitCount, keys, ties);
    for (let h = 0; h < scan.hitCount; h++) if (!top.rejects(keys[h], ties[h])) top.push(hits[h], keys[h], ties[h]);

    const marks = text ? text.marks : NO_MARKS;
    return {
      total: scan.hitCount,
      hits: top
        .sorted()
        .slice((page - 1) * perPage)
        .map((i) => {
          const document = store.docs[ord(i)]!;
          return { document, highlight: highlightDocument(document, marks) };
        }),
      facets: publicFacets(this.facets.toFacetCounts(scan.counts), asked.filters ?? {}),
    };
  }

  /** The documents matching the query text with their scores, or null for an empty query. */
  private matchText(q: string): { matches: Sparse; marks: Marks } | null {
    const words = parseQuery(q, this.dict, this.typos);
    if (words.length === 0) return null;
    const { store, postings, arena } = this;
    arena.reset(store.size);
    const { matches, used } = evaluateQuery(words, postings, store.alive, arena);
    if (used.length === words.length && matches.n > 0) {
      const named = postings.collect(this.analyzer.nameTerm(q, false), store.alive, MASK_WEIGHT, 1, 0, arena);
      boost(matches, named, NAME_BONUS);
      const surname = nameKey(q).length === 1 ? this.analyzer.surnameTerm(q, false) : -1;
      if (surname >= 0) boost(matches, postings.collect(surname, store.alive, MASK_WEIGHT, 1, 0, arena), SURNAME_BONUS);
    }
    // Words left out (matching nothing, or dropped by the "last" strategy) are not marked either.
    return { matches, marks: { cjk: used.flatMap((w) => w.marks.cjk), latin: used.flatMap((w) => w.marks.latin) } };
  }

  private add(doc: SearchDocument, bulk: boolean): void {
    const ord = this.store.add(doc);
    this.facets.add(
      ord,
      FACETS.map((facet) => facetValues(doc, facet)),
    );
    this.stamp++;
    this.docTerms.length = 0;
    this.field(F_NAME, doc.name, "name");
    this.field(F_PINYIN, doc.namePinyin, "name");
    this.field(F_PINYIN, doc.namePinyinJoined, "name");
    this.field(F_PINYIN, doc.nameInitials, "name");
    this.field(F_TITLE, doc.title, "value");
    this.field(F_ORG, doc.organisation, "value");
    this.field(F_BIO, doc.bio, "long");
    for (const s of doc.categoryNames) this.field(F_CATEGORY, s, "value");
    for (const s of doc.townNames) this.field(F_TOWN, s, "value");
    for (const s of doc.memberNames) this.field(F_MEMBERS, s, "name");
    this.mark(F_NAME, this.analyzer.nameTerm(doc.name, true));
    if (doc.kind !== "committee") {
      const surname = this.analyzer.surnameTerm(doc.name, true);
      if (surname >= 0) this.mark(F_NAME, surname);
    }
    if (doc.kind === "committee") for (const c of doc.categories) this.mark(F_CATEGORY, this.dict.word(committeeTermKey(c), true));
    for (const t of this.docTerms) this.postings.append(t, ord, this.seenMask[t], bulk);
  }

  private field(bit: number, text: string | null, kind: "value" | "name" | "long"): void {
    if (!text) return;
    const buf = this.termBuf;
    buf.length = 0;
    this.analyzer.termsInto(text, buf, kind);
    for (let i = 0; i < buf.length; i++) this.mark(bit, buf[i]);
  }

  private mark(bit: number, term: number): void {
    if (term >= this.seen.length) {
      this.seen = grow(this.seen, this.dict.size + 1);
      this.seenMask = grow(this.seenMask, this.dict.size + 1);
    }
    if (this.seen[term] !== this.stamp) {
      this.seen[term] = this.stamp;
      this.seenMask[term] = bit;
      this.docTerms.push(term);
    } else this.seenMask[term] |= bit;
  }

  private maintain(): void {
    const { store, postings } = this;
    const dead = store.size - store.live;
    if (dead > MIN_DEAD && dead * 4 > store.size) this.merge(true);
    else if (postings.deltaSize >= Math.max(MIN_DELTA, postings.baseSize)) this.merge(false);
    else if (postings.logSize >= Math.max(MIN_LOG, postings.baseSize)) this.merge(false);
    // A bulk load is over when the caller stops writing and yields to the event loop: fold the log
    // in then, so the first search does not pay for it. (A search before that merges it itself.)
    if (postings.logSize > 0 && !this.mergeScheduled) {
      this.mergeScheduled = true;
      setImmediate(() => {
        this.mergeScheduled = false;
        if (this.postings.logSize > 0) this.merge(false);
      }).unref();
    }
  }

  private merge(compact: boolean): void {
    const store = this.store;
    if (!compact) this.postings.merge(this.dict.size, store.alive, null, store.live === store.size);
    else {
      const alive = store.alive.slice();
      const remap = store.compact();
      this.postings.merge(this.dict.size, alive, remap, false);
      this.facets.remap(remap, store.size);
    }
    // Documents added since the last ranking share ranks between two ranked ones: number them afresh.
    store.rankAll();
  }
}
