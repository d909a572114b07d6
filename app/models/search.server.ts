// Search as the API and the pages see it: validated params in, the v1 response shape out.
import { CENTRE_TIMEZONE, FACETS } from "../../domain";
import { isoInZone } from "../../domain/zone";
import { getSearchService } from "../search.server";
import type { Highlight, SearchDocument } from "../../search/types";
import { toSearchQuery, type SearchParams } from "./search-params";

export interface SearchHitView {
  id: number;
  kind: SearchDocument["kind"];
  name: string;
  namePinyin: string;
  title: string;
  organisation: string | null;
  categories: string[];
  towns: string[];
  modes: string[];
  languages: string[];
  yearsOfExperience: number;
  stats: { closed: number; agreements: number; successRate: number | null; score: number };
  nextAvailableAt: string | null;
  highlight: Highlight;
}

export interface SearchResponse {
  total: number;
  page: number;
  perPage: number;
  engine: "embedded" | "meilisearch";
  tookMs: number;
  hits: SearchHitView[];
  facets: Record<(typeof FACETS)[number], Record<string, number>>;
}

export function toHitView(d: SearchDocument, highlight: Highlight): SearchHitView {
  return {
    id: d.entityId,
    kind: d.kind,
    name: d.name,
    namePinyin: d.namePinyin,
    title: d.title,
    organisation: d.organisation,
    categories: d.categories,
    towns: d.towns,
    modes: d.modes,
    languages: d.languages,
    yearsOfExperience: d.yearsOfExperience,
    stats: {
      closed: d.closed,
      agreements: d.agreements,
      successRate: d.successRate === null ? null : Math.round(d.successRate * 1000) / 1000,
      score: Math.round(d.score * 1000) / 1000,
    },
    nextAvailableAt: d.nextAvailableAt === null ? null : isoInZone(d.nextAvailableAt, CENTRE_TIMEZONE),
    highlight,
  };
}

/** `now` matters to "free within N days". */
export async function searchPool(params: SearchParams, now: number): Promise<SearchResponse> {
  const service = getSearchService();
  const started = performance.now();
  const result = await service.search(toSearchQuery(params, now));
  const tookMs = Math.round((performance.now() - started) * 100) / 100;
  return {
    total: result.total,
    page: params.page,
    perPage: params.perPage,
    engine: service.engine.name,
    tookMs,
    hits: result.hits.map((h) => toHitView(h.document, h.highlight)),
    facets: result.facets,
  };
}
