// Home: a search box, the centre's pools with their sizes, and quick links to common disputes.
import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SearchBox } from "~/components/search-box";
import { CATEGORIES, HIT_KINDS } from "../../domain";
import { localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { getPoolCounts } from "~/models/mediators.server";

const POPULAR_CATEGORIES = [
  "medical",
  "labour",
  "maritime-fishery",
  "traffic-accident",
  "property-management",
  "marriage-family",
  "neighbourhood",
  "migrant-workers",
] as const;

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ title: t.meta.home }, { name: "description", content: t.home.intro }];
};

export async function loader() {
  return { counts: getPoolCounts() };
}

export default function Home() {
  const { counts } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-heading">
        <h1 id="home-heading">{t.home.heading}</h1>
        <p className="lead">{t.home.intro}</p>
        <Form method="get" action="/search" role="search" className="hero-search">
          <SearchBox id="home-q" label={t.home.searchLabel} placeholder={t.home.searchPlaceholder} button={t.home.searchButton} />
        </Form>
        <p className="island-note">{t.home.islandNote}</p>
      </section>

      <section aria-labelledby="pools-heading">
        <h2 id="pools-heading">{t.home.poolsHeading}</h2>
        <ul className="pools">
          {HIT_KINDS.map((kind) => {
            const pool = t.home.pools[kind](counts[kind]);
            return (
              <li key={kind}>
                <Link to={`/search?kind=${kind}`} className={`pool pool-${kind}`}>
                  <span className="pool-label">{pool.label}</span>
                  <span className="pool-count">{pool.count}</span>
                  <span className="pool-hint">{t.home.poolHints[kind]}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t.home.categoriesHeading}</h2>
        <ul className="quick-links">
          {POPULAR_CATEGORIES.map((slug) => {
            const c = CATEGORIES.find((x) => x.slug === slug)!;
            return (
              <li key={slug}>
                <Link to={`/search?category=${slug}`}>{c[locale]}</Link>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">{t.home.stepsHeading}</h2>
        <ol className="steps">
          {t.home.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
