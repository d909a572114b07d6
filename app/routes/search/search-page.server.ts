// The search page's data. Kept in a .server module (colocated with the route) so the search schema and
// zod stay out of the browser bundle: a route module's imports survive in the client build even when
// only its loader uses them.
import { MAX_PER_PAGE, MAX_RESULT_WINDOW, parseSearchParams } from "~/models/search-params";
import { nextFreeTimes } from "~/models/search-slots.server";
import { searchPool, type SearchResponse } from "~/models/search.server";

export interface SearchPageData {
  /** Parameters that could not be understood (and were left out of the search). */
  invalid: string[];
  /** The parameters actually searched: the URL's, less the invalid ones. */
  query: string;
  result: SearchResponse | null;
  /** Pages that can be reached (deep paging is capped). */
  pages: number;
  /** The next free times of this page's hits, by "kind-id" (search-slots.server.ts). */
  free: Record<string, string[]>;
}

/**
 * Bad input is the visitor's to fix, never a 500: the page says which conditions it could not
 * understand and shows the results of the rest.
 */
export async function loadSearchPage(url: URL): Promise<SearchPageData> {
  const params = new URLSearchParams(url.searchParams);
  let parsed = parseSearchParams(params);
  const invalid = parsed.ok ? [] : Object.keys(parsed.fields);
  if (!parsed.ok) {
    for (const key of invalid) params.delete(key);
    parsed = parseSearchParams(params);
  }
  if (!parsed.ok) return { invalid, query: params.toString(), result: null, pages: 0, free: {} };
  const now = Date.now();
  const result = await searchPool(parsed.value, now);
  const mode = parsed.value.mode.length === 1 ? parsed.value.mode[0] : undefined;
  const free = nextFreeTimes({ hits: result.hits, mode, now });
  const perPage = Math.min(result.perPage, MAX_PER_PAGE);
  const pages = Math.max(1, Math.min(Math.ceil(result.total / perPage), Math.floor(MAX_RESULT_WINDOW / perPage)));
  return { invalid, query: params.toString(), result, pages, free };
}
