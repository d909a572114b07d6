// Labels of a hit's or a profile's categories, towns, modes and languages in the page's language.
import { Fragment } from "react";
import { TOWNS, facetLabel, type FacetName, type Locale } from "../../domain";
import { useLocale, useT } from "~/i18n";
import { HighlightedParts, markTerms, splitHighlight } from "./highlight";

export function isIslandTown(slug: string): boolean {
  return TOWNS.some((t) => t.slug === slug && t.island);
}

export function IslandBadge() {
  const t = useT();
  return <span className="island-badge">{t.search.island}</span>;
}

/**
 * A label with the matched words marked. The match may be in the other language's name (a Chinese
 * query on the English page): then the whole label is marked.
 */
function markLabel(facet: FacetName, slug: string, locale: Locale, terms: string[]): string {
  const label = facetLabel(facet, slug, locale);
  if (terms.length === 0) return label;
  const marked = markTerms(label, terms);
  if (marked !== label) return marked;
  const other = facetLabel(facet, slug, locale === "zh" ? "en" : "zh");
  return markTerms(other, terms) !== other ? markTerms(label, [label]) : label;
}

/** Tags for a list of facet values; `terms` are matched words to mark in the labels. */
export function FacetTags({ facet, values, terms = [] }: { facet: FacetName; values: string[]; terms?: string[] }) {
  const locale = useLocale();
  if (values.length === 0) return null;
  return (
    <ul className="tags">
      {values.map((slug) => (
        <li key={slug} className="tag">
          <HighlightedParts parts={splitHighlight(markLabel(facet, slug, locale, terms))} />
          {facet === "town" && isIslandTown(slug) ? (
            <>
              {" "}
              <IslandBadge />
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** A facet's values as a comma-separated line: "沈家门街道、六横镇（海岛）". */
export function FacetLine({ facet, values }: { facet: FacetName; values: string[] }) {
  const locale = useLocale();
  const t = useT();
  const sep = locale === "zh" ? "、" : ", ";
  return (
    <>
      {values.map((slug, i) => (
        <Fragment key={slug}>
          {i > 0 ? sep : null}
          <span className="facet-line-item">
            {facetLabel(facet, slug, locale)}
            {facet === "town" && isIslandTown(slug) ? (
              <span className="island-inline">{locale === "zh" ? `（${t.search.island}）` : ` (${t.search.island})`}</span>
            ) : null}
          </span>
        </Fragment>
      ))}
    </>
  );
}
