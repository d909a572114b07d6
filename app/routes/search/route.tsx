// /search: one GET form holds the query, the facet checkboxes and the sort, so the page works as a
// plain form without JavaScript. With JavaScript, typing searches as you go (debounced; Remix cancels
// the stale request when a newer one starts) and ticking a facet or changing the sort applies at once.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useRef, type ChangeEvent } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AvailabilityFieldset, FacetFieldsets } from "~/components/facets";
import { HitCard } from "~/components/hit-card";
import { Pagination } from "~/components/pagination";
import { SearchBox } from "~/components/search-box";
import { searchHref } from "~/components/search-url";
import { useHydrated } from "~/components/use-hydrated";
import { CATEGORIES, FACETS, TOWN_SLUGS, facetLabel } from "../../../domain";
import { CENTRE } from "../../../domain/centre";
import { localeFromMatches, messages, useLocale, useT, type Messages } from "~/i18n";
import { loadSearchPage } from "./search-page.server";

const SORTS = ["relevance", "success", "available"] as const;
const TYPING_DEBOUNCE_MS = 150;
/** Keep in step with the sidebar breakpoint in app/styles/screens.css. */
const WIDE_SCREEN = "(min-width: 60rem)";

/** Invalid parameters answer 400, but the page still renders: the form, what was wrong, and results. */
export async function loader({ request }: LoaderFunctionArgs) {
  const page = await loadSearchPage(new URL(request.url));
  return data(page, { status: page.invalid.length ? 400 : 200 });
}

export const meta: MetaFunction<typeof loader> = ({ matches, location }) => {
  const t = messages[localeFromMatches(matches)];
  const q = (new URLSearchParams(location.search).get("q") ?? "").trim();
  return [
    { title: `${t.meta.search(q)} · ${t.siteName}` },
    { name: "description", content: t.pages.description.search },
    { name: "robots", content: "noindex" },
  ];
};

function invalidMessage(t: Messages, field: string): string {
  const known: Record<string, unknown> = t.search.invalidFields;
  const message = known[field];
  return typeof message === "string" ? message : t.search.invalidFields.other(field);
}

function sortOf(params: URLSearchParams): (typeof SORTS)[number] {
  return SORTS.find((s) => s === params.get("sort")) ?? "relevance";
}

/** The form's values, defaults left out of the URL: /search?q=医疗, not /search?q=医疗&sort=relevance. */
function formValues(form: HTMLFormElement): URLSearchParams {
  const values = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (typeof value !== "string" || value === "") continue;
    if (key === "sort" && value === "relevance") continue;
    values.append(key, value);
  }
  return values;
}

/** What a search asks for (query, filters, sort), in a comparable form; the page number is not part. */
function searchKey(params: URLSearchParams): string {
  const keys = ["q", "sort", "availableWithinDays", ...FACETS];
  return [...params]
    .filter(([key, value]) => keys.includes(key) && value !== "" && !(key === "sort" && value === "relevance"))
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join("&");
}

/** The parameters of the search being loaded, else of the one shown. */
function useShownParams(loaded: URLSearchParams): URLSearchParams {
  const navigation = useNavigation();
  const pending = navigation.location?.pathname === "/search" ? navigation.location.search : null;
  return pending === null ? loaded : new URLSearchParams(pending);
}

export default function SearchPage() {
  const { invalid, query, result, pages, free } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const hydrated = useHydrated();
  const submit = useSubmit();
  const navigation = useNavigation();
  // The valid parameters of the search shown (the URL's, less any invalid ones).
  const current = new URLSearchParams(query);
  const shown = useShownParams(current);
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const q = current.get("q") ?? "";
  const selectedCount = FACETS.reduce((n, f) => n + shown.getAll(f).length, 0) + (shown.get("availableWithinDays") ? 1 : 0);
  const searching = navigation.state !== "idle" && navigation.location?.pathname === "/search";

  // Remix's submit keeps its identity, so this does too: the URL-following effect below runs per query.
  const submitNow = useCallback(
    (replace: boolean) => {
      clearTimeout(timer.current);
      const form = formRef.current;
      if (!form) return;
      submit(formValues(form), { method: "get", action: "/search", replace, preventScrollReset: true });
    },
    [submit],
  );

  // Back/forward or a link changes the query under a field the visitor is not typing in: follow it.
  useEffect(() => {
    const input = inputRef.current;
    if (input && document.activeElement !== input && input.value !== q) input.value = q;
  }, [q]);
  useEffect(() => () => clearTimeout(timer.current), []);
  // On a wide screen the filters are a sidebar, not a collapsed panel (CSS does this without JS where
  // the browser supports ::details-content).
  useEffect(() => {
    if (detailsRef.current && window.matchMedia(WIDE_SCREEN).matches) detailsRef.current.open = true;
  }, []);

  // Checkboxes and the sort are uncontrolled (a tick shows at once); the URL is the truth they follow
  // after every navigation, including back and forward. On the first run, anything ticked or typed
  // before JavaScript woke up is applied rather than lost.
  const firstSync = useRef(true);
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const params = new URLSearchParams(query);
    if (firstSync.current) {
      firstSync.current = false;
      if (searchKey(formValues(form)) !== searchKey(params)) submitNow(true);
      return;
    }
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      box.checked = params.getAll(box.name).includes(box.value);
    }
    const select = form.querySelector<HTMLSelectElement>('select[name="sort"]');
    if (select) select.value = sortOf(params);
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="availableWithinDays"]')) {
      radio.checked = radio.value === (params.get("availableWithinDays") ?? "");
    }
  }, [query, submitNow]);

  const onType = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => submitNow(true), TYPING_DEBOUNCE_MS);
  };
  // With a Chinese input method the box holds half-typed pinyin ("yi'l") until a character is chosen:
  // wait for the composition to end instead of searching for it.
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    if ((event.nativeEvent as InputEvent).isComposing) return;
    onType();
  };

  const perPage = current.get("perPage");
  // The town the party is in, when one (known) town is chosen: the cards say how each serves it.
  const towns = current.getAll("town").filter((x) => (TOWN_SLUGS as readonly string[]).includes(x));
  const town = towns.length === 1 ? towns[0] : undefined;
  const sortBySuccess = sortOf(current) === "success";
  const clearFiltersHref = searchHref(new URLSearchParams(), {
    q: q || null,
    sort: current.get("sort"),
    perPage,
  });

  return (
    <div className="search-page">
      <h1 className="page-title">{t.search.heading}</h1>
      <Form
        method="get"
        action="/search"
        ref={formRef}
        className="search-form"
        onSubmit={(event) => {
          clearTimeout(timer.current);
          if (!hydrated) return;
          event.preventDefault();
          submitNow(false);
        }}
      >
        <div role="search">
          <SearchBox
            id="q"
            label={t.search.searchLabel}
            placeholder={t.search.searchPlaceholder}
            button={t.search.searchButton}
            defaultValue={q}
            inputRef={inputRef}
            onChange={hydrated ? onChange : undefined}
            onCompositionEnd={hydrated ? onType : undefined}
          />
        </div>
        {perPage ? <input type="hidden" name="perPage" value={perPage} /> : null}

        {invalid.length ? (
          <div className="notice notice-error" role="alert">
            <h2>{t.search.invalidHeading}</h2>
            <p>{t.search.invalidIntro}</p>
            <ul>
              {invalid.map((f) => (
                <li key={f}>{invalidMessage(t, f)}</li>
              ))}
            </ul>
            {result ? <p>{t.search.invalidIgnored}</p> : null}
            <p>
              <Link to={searchHref(current)} className="button">
                {t.search.invalidFix}
              </Link>
            </p>
          </div>
        ) : null}

        <div className="search-layout">
          <details className="filters" ref={detailsRef}>
            <summary>{t.search.filtersSummary(selectedCount)}</summary>
            <div className="filters-body">
              <h2 className="filters-heading">{t.search.filtersHeading}</h2>
              <FacetFieldsets counts={result?.facets ?? null} params={current} onToggle={hydrated ? () => submitNow(false) : undefined} />
              <AvailabilityFieldset params={current} onToggle={hydrated ? () => submitNow(false) : undefined} />
              <div className="filters-actions">
                <button type="submit" className="button button-primary" hidden={hydrated}>
                  {t.search.apply}
                </button>
                {result ? (
                  <a href="#results" className="to-results">
                    {t.search.toResults(result.total)}
                  </a>
                ) : null}
                {selectedCount > 0 ? (
                  <Link to={clearFiltersHref} preventScrollReset>
                    {t.search.clearFilters}
                  </Link>
                ) : null}
              </div>
            </div>
          </details>

          <section id="results" className="results" aria-labelledby="results-heading" aria-busy={searching}>
            <div className="results-head">
              <h2 id="results-heading" className="visually-hidden">
                {t.search.resultsHeading}
              </h2>
              <p className="result-count" role="status" aria-live="polite">
                {result ? t.search.count(result.total, q) : ""}
                {result && pages > 1 ? <span className="page-of">{` · ${t.search.pageOf(result.page, pages)}`}</span> : null}
              </p>
              <div className="sort">
                <label htmlFor="sort">{t.search.sortLabel}</label>
                <select id="sort" name="sort" defaultValue={sortOf(current)} onChange={hydrated ? () => submitNow(false) : undefined}>
                  {SORTS.map((s) => (
                    <option key={s} value={s}>
                      {t.search.sorts[s]}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button button-small" hidden={hydrated}>
                  {t.search.applySort}
                </button>
              </div>
            </div>
            <details className="score-help">
              <summary>{t.pages.score.summary}</summary>
              <ul>
                {t.pages.score.points.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </details>
            {town ? <p className="town-note">{t.pages.town.chosen(facetLabel("town", town, locale))}</p> : null}
            {/* Meilisearch could not answer: the local index did; a quiet note, not an alarm. */}
            {result?.fallback ? <p className="engine-note muted">{t.searchEngine.fallbackNote}</p> : null}

            {result && result.hits.length > 0 ? (
              <ol className={`hits${searching ? " is-stale" : ""}`}>
                {result.hits.map((hit) => (
                  <li key={`${hit.kind}-${hit.id}`}>
                    <HitCard
                      hit={hit}
                      search={query}
                      town={town}
                      showScore={sortBySuccess}
                      free={free[`${hit.kind === "committee" ? "committee" : "mediator"}-${hit.id}`]}
                    />
                  </li>
                ))}
              </ol>
            ) : null}

            {result && result.hits.length === 0 ? (
              <div className="notice empty">
                <p>
                  <strong>{t.search.noResults}</strong>
                </p>
                <ul>
                  {t.search.noResultsHints.map((h) => (
                    <li key={h}>{h}</li>
                  ))}
                </ul>
                {selectedCount > 0 ? <Link to={clearFiltersHref}>{t.search.clearFilters}</Link> : null}
                <NoResultsHelp />
              </div>
            ) : null}

            {result ? <Pagination params={current} page={result.page} pages={pages} /> : null}
          </section>
        </div>
      </Form>
    </div>
  );
}

/** Nothing found: the kinds of dispute to start again from, and the window that takes every request. */
function NoResultsHelp() {
  const t = useT();
  const locale = useLocale();
  const e = t.pages.empty;
  return (
    <>
      <h3 className="empty-heading">{e.categoriesHeading}</h3>
      <ul className="category-links">
        {CATEGORIES.map((c) => (
          <li key={c.slug}>
            <Link to={searchHref(new URLSearchParams(), { category: c.slug })}>{c[locale]}</Link>
          </li>
        ))}
      </ul>
      <h3 className="empty-heading">{e.windowHeading}</h3>
      <p>{e.windowBody}</p>
      <dl className="facts window-facts">
        <div>
          <dt>{e.address}</dt>
          <dd>
            {CENTRE.address[locale]} · {CENTRE.entrance[locale]}
          </dd>
        </div>
        <div>
          <dt>{e.phone}</dt>
          <dd>
            <a href={`tel:${CENTRE.phone}`}>{CENTRE.phone}</a>
          </dd>
        </div>
        <div>
          <dt>{e.hours}</dt>
          <dd>
            {CENTRE.hours.map((h) => `${h.days[locale]} ${h.time ?? e.closed}`).join(locale === "zh" ? "；" : "; ")}
          </dd>
        </div>
      </dl>
      <p>
        <Link to="/centre">{e.more}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
