// Links within the search page keep every other parameter: a page link keeps the filters, a category
// link from the home page starts a fresh search.
export function searchHref(params: URLSearchParams, changes: Record<string, string | string[] | null> = {}): string {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    next.delete(key);
    if (value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) next.append(key, v);
  }
  // Page 1 is the default: leaving it out keeps URLs short and canonical.
  if (next.get("page") === "1") next.delete("page");
  const qs = next.toString();
  return qs ? `/search?${qs}` : "/search";
}

/** The search parameters a profile may carry back (anything else in `search` is dropped). */
const SEARCH_KEYS = ["q", "kind", "category", "town", "mode", "language", "sort", "page", "perPage", "availableWithinDays"];

/**
 * "← back to the search" from a profile: the search it was opened from (the profile URL's `search`
 * parameter, set by the result card), else the plain search page. Only known search parameters are
 * kept and the path is always /search, so the link cannot be pointed anywhere else.
 */
export function backToSearchHref(profileSearch: string, fallback = "/search"): string {
  const carried = new URLSearchParams(profileSearch).get("search");
  if (!carried) return fallback;
  const kept = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(carried)) if (SEARCH_KEYS.includes(key) && value.length <= 100) kept.append(key, value);
  return searchHref(kept);
}
