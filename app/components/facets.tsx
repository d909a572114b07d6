// The facet checkboxes of the search form. Counts are disjunctive (a facet's counts ignore its own
// selection), so ticking a second category shows how many the union would give. A town is where the
// party is: it lists who comes on site there or mediates online, and the mode narrows that (ADR 032). A selected value stays
// listed even when its count drops to 0, so it can be unticked. The checkboxes are uncontrolled: a tick
// shows at once while the search runs, and the search page re-syncs them with the URL afterwards.
import { CATEGORY_SLUGS, FACETS, HIT_KINDS, LANGUAGE_SLUGS, MODE_SLUGS, TOWN_SLUGS, facetLabel, type FacetName } from "../../domain";
import { useLocale, useT } from "~/i18n";
import { IslandBadge, isIslandTown } from "./facet-values";

const ORDER: Record<FacetName, readonly string[]> = {
  kind: HIT_KINDS,
  category: CATEGORY_SLUGS,
  town: TOWN_SLUGS,
  mode: MODE_SLUGS,
  language: LANGUAGE_SLUGS,
};

/** The values to list for a facet, in the domain's order: those with results, and those selected. */
export function facetOptions(facet: FacetName, counts: Record<string, number>, selected: string[]) {
  const known = ORDER[facet];
  const extra = [...Object.keys(counts), ...selected].filter((s) => !known.includes(s));
  return [...known, ...new Set(extra)]
    .filter((slug) => (counts[slug] ?? 0) > 0 || selected.includes(slug))
    .map((slug) => ({ slug, count: counts[slug] ?? 0, checked: selected.includes(slug) }));
}

export function FacetFieldsets({
  counts,
  params,
  onToggle,
}: {
  counts: Record<FacetName, Record<string, number>> | null;
  params: URLSearchParams;
  onToggle?: (input: HTMLInputElement) => void;
}) {
  const locale = useLocale();
  const t = useT();
  return (
    <>
      {FACETS.map((facet) => {
        const options = facetOptions(facet, counts?.[facet] ?? {}, params.getAll(facet));
        if (options.length === 0) return null;
        return (
          <fieldset key={facet} className="facet">
            <legend>{t.search.facetNames[facet]}</legend>
            {facet === "town" ? <p className="facet-note small muted">{t.pages.town.facetNote}</p> : null}
            <ul>
              {options.map((o) => {
                const id = `facet-${facet}-${o.slug}`;
                return (
                  <li key={o.slug}>
                    <input
                      type="checkbox"
                      id={id}
                      name={facet}
                      value={o.slug}
                      defaultChecked={o.checked}
                      onChange={(e) => onToggle?.(e.currentTarget)}
                    />
                    <label htmlFor={id}>
                      <span className="facet-label">
                        {facetLabel(facet, o.slug, locale)}
                        {facet === "town" && isIslandTown(o.slug) ? (
                          <>
                            {" "}
                            <IslandBadge />
                          </>
                        ) : null}
                      </span>
                      <span className="facet-count">{o.count}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </>
  );
}

/** "Available within N days": radio buttons, so the choice is one of a few and works without JS. */
export const AVAILABILITY_CHOICES = ["", "3", "7", "14", "30"] as const;

export function AvailabilityFieldset({ params, onToggle }: { params: URLSearchParams; onToggle?: () => void }) {
  const t = useT();
  const current = params.get("availableWithinDays") ?? "";
  return (
    <fieldset className="facet">
      <legend>{t.search.availability.legend}</legend>
      <ul>
        {AVAILABILITY_CHOICES.map((days) => {
          const id = `available-within-${days || "any"}`;
          return (
            <li key={days}>
              <input
                type="radio"
                id={id}
                name="availableWithinDays"
                value={days}
                defaultChecked={current === days}
                onChange={() => onToggle?.()}
              />
              <label htmlFor={id}>
                <span className="facet-label">{days ? t.search.availability.within(Number(days)) : t.search.availability.any}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
