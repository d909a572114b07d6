// Who can serve a party from a town (ADR 032). A town in a search is where the party is, not only where
// a mediator goes on site: a party on 东极镇 is served by whoever goes on site there or meets online,
// and choosing a mode (on site, online, at the centre) narrows that. Both engines filter and count
// towns through the same derived values, so they agree:
//   reach = "town|modes" for every town and every non-empty set of modes by which the document
//   serves a party from that town: on site there (its on-site towns), online, or at the centre.
// A town filter under the chosen modes M (or DEFAULT_MODES when none) is then one value, "T|M", and
// its disjunctive counts are plain counts of those values: "X|M" for the town facet, "T|m" for each
// mode while a town is chosen. Engines see `town` as a filter on reach and no separate mode filter;
// publicFacets turns their counts back into town and mode counts.
import { MODE_SLUGS, TOWN_SLUGS } from "../domain";
import type { FacetCounts, SearchDocument, SearchFilters, SearchQuery } from "./types";

/** The stored field (Meilisearch) and the facet values (embedded) of the town facet. */
export const REACH_FIELD = "reach";

/** What a town means when no mode is chosen: on site there, or online (不出岛也能化解纠纷). */
export const DEFAULT_MODES: readonly string[] = ["onsite", "online"];

/** A set of modes as one key: sorted, de-duplicated, joined with "+". */
export function modeKey(modes: readonly string[]): string {
  return [...new Set(modes)].sort().join("+");
}

/** Every non-empty set of the known modes, as keys. */
const MODE_SETS: string[][] = (() => {
  const sets: string[][] = [];
  for (let mask = 1; mask < 1 << MODE_SLUGS.length; mask++) sets.push(MODE_SLUGS.filter((_, i) => mask & (1 << i)));
  return sets;
})();

/** Whether a document serves a party from `town` by `mode`. */
export function servesBy(doc: Pick<SearchDocument, "towns" | "modes">, town: string, mode: string): boolean {
  if (!doc.modes.includes(mode)) return false;
  return mode === "onsite" ? doc.towns.includes(town) : true;
}

/** Whether a document serves a party from `town` by any of `modes` (DEFAULT_MODES when empty). */
export function servesTown(doc: Pick<SearchDocument, "towns" | "modes">, town: string, modes: readonly string[] = []): boolean {
  return (modes.length ? modes : DEFAULT_MODES).some((m) => servesBy(doc, town, m));
}

/** The document's reach values (at most 10 towns × 7 sets of modes). */
export function reachValues(doc: Pick<SearchDocument, "towns" | "modes">): string[] {
  const out: string[] = [];
  for (const town of TOWN_SLUGS) {
    const by: string[] = MODE_SLUGS.filter((m) => servesBy(doc, town, m));
    if (by.length === 0) continue;
    for (const set of MODE_SETS) if (set.some((m) => by.includes(m))) out.push(`${town}|${modeKey(set)}`);
  }
  return out;
}

/**
 * The filters an engine applies: a chosen town becomes "T|M" on reach and absorbs the mode choice
 * (reach already says by which modes); without a town the mode filter stays as it is.
 */
export function engineFilters(filters: SearchFilters): SearchFilters {
  const towns = filters.town ?? [];
  if (towns.length === 0) return filters;
  const key = modeKey(filters.mode?.length ? filters.mode : DEFAULT_MODES);
  const { mode: _mode, ...rest } = filters;
  return { ...rest, town: towns.map((t) => `${t}|${key}`) };
}

export function engineQuery(query: SearchQuery): SearchQuery {
  return { ...query, filters: engineFilters(query.filters ?? {}) };
}

/**
 * The engine's counts (town counted over reach values) → the port's: each town's count under the chosen
 * modes; while a town is chosen, each mode's count is how many serve that town by it (with several
 * towns chosen, the largest of those, a lower bound of the union).
 */
export function publicFacets(counts: FacetCounts, filters: SearchFilters): FacetCounts {
  const towns = filters.town ?? [];
  const key = modeKey(filters.mode?.length ? filters.mode : DEFAULT_MODES);
  const reach = counts.town ?? {};
  const town: Record<string, number> = {};
  for (const [value, n] of Object.entries(reach)) {
    const bar = value.indexOf("|");
    if (bar > 0 && value.slice(bar + 1) === key && n > 0) town[value.slice(0, bar)] = n;
  }
  let mode = counts.mode ?? {};
  if (towns.length > 0) {
    mode = {};
    for (const m of MODE_SLUGS) {
      const n = Math.max(0, ...towns.map((t) => reach[`${t}|${m}`] ?? 0));
      if (n > 0) mode[m] = n;
    }
  }
  return { ...counts, town, mode };
}
