// SearchFilters → Meilisearch filter expressions. Pure: no client, no I/O.
import { FACETS, type FacetName } from "../../domain";
import { REACH_FIELD } from "../reach";
import { FACET_FIELDS, type SearchFilters } from "../types";

/** The stored field each facet filters and counts on: the town facet's is reach (search/reach.ts). */
export const MEILI_FACET_FIELDS: Record<FacetName, string> = { ...FACET_FIELDS, town: REACH_FIELD };

export class UnknownFacetError extends Error {
  constructor(readonly facet: string) {
    super(`Unknown search facet "${facet}"; expected one of ${FACETS.join(", ")}`);
    this.name = "UnknownFacetError";
  }
}

function isFacetName(name: string): name is FacetName {
  return (FACETS as readonly string[]).includes(name);
}

/**
 * A filter string literal. Meilisearch reads `\"` as a quote and `\\` as a backslash inside double
 * quotes, so backslashes are doubled first, then quotes escaped: no value can close the literal early.
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** `field = "a"`, or `(field = "a" OR field = "b")` for several values of one facet. */
function facetClause(facet: FacetName, values: readonly unknown[]): string | undefined {
  const field = MEILI_FACET_FIELDS[facet];
  const unique = [...new Set(values)];
  for (const v of unique) {
    if (typeof v !== "string") throw new TypeError(`Filter values of facet "${facet}" must be strings`);
  }
  const terms = (unique as string[]).map((v) => `${field} = ${quoteFilterValue(v)}`);
  if (terms.length === 0) return undefined;
  return terms.length === 1 ? terms[0] : `(${terms.join(" OR ")})`;
}

/** The facets that carry at least one selected value, in the fixed FACETS order. Rejects unknown names. */
export function selectedFacets(filters: SearchFilters): FacetName[] {
  for (const name of Object.keys(filters)) {
    if (!isFacetName(name)) throw new UnknownFacetError(name);
  }
  return FACETS.filter((f) => (filters[f]?.length ?? 0) > 0);
}

/**
 * Values of one facet are OR'd, facets are AND'd, and `extra` conditions (already in filter syntax,
 * e.g. `nextAvailableAt <= 1700000000000`) are AND'd too. `except` leaves one facet out: the filter a
 * disjunctive facet's counts are computed under. Nothing to filter → undefined (no `filter` param).
 */
export function buildFilter(filters: SearchFilters, opts: { extra?: readonly string[]; except?: FacetName } = {}): string | undefined {
  const clauses: string[] = [];
  for (const facet of selectedFacets(filters)) {
    if (facet === opts.except) continue;
    const clause = facetClause(facet, filters[facet] ?? []);
    if (clause) clauses.push(clause);
  }
  for (const condition of opts.extra ?? []) {
    if (condition.trim()) clauses.push(`(${condition.trim()})`);
  }
  return clauses.length ? clauses.join(" AND ") : undefined;
}

/** The filter for "every facet except `facet`", for that facet's disjunctive counts. */
export function buildFilterExcept(filters: SearchFilters, facet: FacetName, extra?: readonly string[]): string | undefined {
  if (!isFacetName(facet)) throw new UnknownFacetError(facet);
  return buildFilter(filters, { extra, except: facet });
}
