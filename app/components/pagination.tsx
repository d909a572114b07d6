// Previous / numbered / next page links that keep the current query and filters.
import { Link } from "@remix-run/react";
import { useT } from "~/i18n";
import { searchHref } from "./search-url";

/** 1 … 4 5 [6] 7 8 … 20 */
export function pageWindow(page: number, pages: number, radius = 2): (number | "gap")[] {
  const out: (number | "gap")[] = [];
  const from = Math.max(2, page - radius);
  const to = Math.min(pages - 1, page + radius);
  out.push(1);
  if (from > 2) out.push("gap");
  for (let p = from; p <= to; p++) out.push(p);
  if (to < pages - 1) out.push("gap");
  if (pages > 1) out.push(pages);
  return out;
}

export function Pagination({
  params,
  page,
  pages,
  hrefFor,
}: {
  params: URLSearchParams;
  /** Where page `p` is; by default the search page with `params` and that page. */
  hrefFor?: (p: number) => string;
  page: number;
  /** Reachable pages (deep paging is capped by the server). */
  pages: number;
}) {
  const t = useT();
  if (pages <= 1) return null;
  const href = hrefFor ?? ((p: number) => searchHref(params, { page: String(p) }));
  return (
    <nav className="pagination" aria-label={t.search.pagination}>
      <ul>
        <li>
          {page > 1 ? (
            <Link to={href(page - 1)} rel="prev" className="page-link page-step">
              ← {t.search.prev}
            </Link>
          ) : (
            <span className="page-link page-step is-disabled" aria-hidden="true">
              ← {t.search.prev}
            </span>
          )}
        </li>
        {pageWindow(page, pages).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} className="page-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              <Link to={href(p)} className="page-link" aria-label={t.search.pageLabel(p)} aria-current={p === page ? "page" : undefined}>
                {p}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pages ? (
            <Link to={href(page + 1)} rel="next" className="page-link page-step">
              {t.search.next} →
            </Link>
          ) : (
            <span className="page-link page-step is-disabled" aria-hidden="true">
              {t.search.next} →
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
