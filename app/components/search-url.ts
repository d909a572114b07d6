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
