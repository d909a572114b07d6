// Search as the API and the pages see it: validated params in, the v1 response shape out.
import { CENTRE_TIMEZONE, FACETS } from "../../domain";
import { isoInZone } from "../../domain/zone";
import { getSearchService } from "../search.server";
import type { FallbackReason } from "../../search/fallback";
import { meiliBacklog } from "../../search/outbox";
import type { SearchHealth } from "../../search/service";
import { getDb } from "../db.server";
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
  /** The engine that answered: with Meilisearch configured, "embedded" means it could not (ADR 017). */
  engine: "embedded" | "meilisearch";
  /** True when Meilisearch is configured but the embedded index answered; then fallbackReason says why. */
  fallback: boolean;
  fallbackReason?: FallbackReason;
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
      // Not rounded here: pages round it once (92.46 % reads 92 %; rounded to 0.925 first it read 93 %).
      successRate: d.successRate,
      score: Math.round(d.score * 1000) / 1000,
    },
    nextAvailableAt: d.nextAvailableAt === null ? null : isoInZone(d.nextAvailableAt, CENTRE_TIMEZONE),
    highlight,
  };
}

/** `now` matters to "free within N days". */
export async function searchPool(params: SearchParams, now: number): Promise<SearchResponse> {
  const started = performance.now();
  const result = await getSearchService().search(toSearchQuery(params, now));
  const tookMs = Math.round((performance.now() - started) * 100) / 100;
  return {
    total: result.total,
    page: params.page,
    perPage: params.perPage,
    engine: result.engine,
    fallback: result.fallback !== undefined,
    ...(result.fallback ? { fallbackReason: result.fallback } : {}),
    tookMs,
    hits: result.hits.map((h) => toHitView(h.document, h.highlight)),
    facets: result.facets,
  };
}

export interface OutboxRowView {
  id: number;
  entity: "mediator" | "committee";
  entityId: number;
  createdAt: string;
  attempts: number;
  lastError: string | null;
  /** While a worker holds the row, its lease's end; after a failure, when it is tried again. */
  nextAttemptAt: string | null;
}

export interface SearchIndexStatus {
  health: SearchHealth;
  undelivered: number;
  failing: number;
  rows: OutboxRowView[];
}

/**
 * For staff: the engines' health and the outbox rows Meilisearch has not received, oldest first (the
 * head of the line holds the rest back). The caller checks the viewer is staff.
 */
export function searchIndexStatus({ limit = 100 }: { limit?: number } = {}): SearchIndexStatus {
  const service = getSearchService();
  const backlog = meiliBacklog(getDb(), limit);
  return {
    health: service.health(),
    undelivered: backlog.undelivered,
    failing: backlog.failing,
    rows: backlog.rows.map((r) => ({
      id: r.id,
      entity: r.entity,
      entityId: r.entityId,
      createdAt: r.createdAt.toISOString(),
      attempts: r.meiliAttempts,
      lastError: r.meiliLastError,
      nextAttemptAt: r.meiliNextAttemptAt?.toISOString() ?? null,
    })),
  };
}
