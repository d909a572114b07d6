// The search port: what every engine (embedded, Meilisearch) must do. Engines know search documents,
// never database rows or HTTP; search/document.ts is the only place that turns a record into a document.
import type { FacetName, HitKind } from "../domain";

/** What is indexed for one mediator or committee. Never any personal data of parties. */
export interface SearchDocument {
  /** Unique across kinds: "mediator-12", "committee-3". */
  id: string;
  /** The database id of the mediator or committee. */
  entityId: number;
  kind: HitKind;
  name: string;
  /** Toneless pinyin syllables separated by spaces: "zhang wei". */
  namePinyin: string;
  /** Joined pinyin ("zhangwei") and initials ("zw"), so both match as a single word. */
  namePinyinJoined: string;
  nameInitials: string;
  title: string;
  organisation: string | null;
  bio: string;
  categories: string[];
  /** Chinese and English names of the categories, searchable. */
  categoryNames: string[];
  towns: string[];
  townNames: string[];
  modes: string[];
  languages: string[];
  /** For committees: the members' names, so a member's name finds their committee too. */
  memberNames: string[];
  yearsOfExperience: number;
  closed: number;
  agreements: number;
  successRate: number | null;
  /** Small-sample-safe success score against the pool on the same case mix (ADR 014), what `sort=success` orders by. */
  score: number;
  /** Epoch ms of the next free slot, null when unknown or none. */
  nextAvailableAt: number | null;
}

export type SortOrder = "relevance" | "success" | "available";

export type SearchFilters = Partial<Record<FacetName, string[]>>;

export interface SearchQuery {
  q: string;
  filters: SearchFilters;
  sort: SortOrder;
  /** 1-based. */
  page: number;
  perPage: number;
  /** Only documents whose nextAvailableAt is known and at most this (epoch ms): "free within N days". */
  availableBefore?: number;
}

/** Highlighted copies of the fields that matched, matches wrapped in HIGHLIGHT_PRE/POST. */
export type Highlight = Partial<Record<"name" | "title" | "organisation" | "bio" | "categoryNames", string>>;

export interface SearchHit {
  document: SearchDocument;
  highlight: Highlight;
}

export type FacetCounts = Record<FacetName, Record<string, number>>;

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** Disjunctive: the counts of a facet ignore that facet's own selection. */
  facets: FacetCounts;
}

export const HIGHLIGHT_PRE = "<mark>";
export const HIGHLIGHT_POST = "</mark>";

export interface SearchEngine {
  readonly name: "embedded" | "meilisearch";
  /** Apply index settings (a no-op for engines that have none). Called at setup and reindex. */
  setup(): Promise<void>;
  /** Insert or replace documents by id. */
  upsert(documents: SearchDocument[]): Promise<void>;
  delete(ids: string[]): Promise<void>;
  /** Remove every document (reindex starts here). */
  clear(): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  count(): Promise<number>;
}

/** The document field each facet filters on. */
export const FACET_FIELDS: Record<FacetName, "kind" | "categories" | "towns" | "modes" | "languages"> = {
  kind: "kind",
  category: "categories",
  town: "towns",
  mode: "modes",
  language: "languages",
};
