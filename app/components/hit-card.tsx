// One search result. The name links to the profile; matched words are marked.
import { Link } from "@remix-run/react";
import { KIND_LABELS, facetLabel } from "../../domain";
import type { SearchHitView } from "~/models/search.server";
import { dataLang, useLocale, useT } from "~/i18n";
import { formatCentreTime } from "~/i18n/format";
import { Avatar } from "./avatar";
import { useCommitteeName } from "./committee-name";
import { FacetLine, FacetTags } from "./facet-values";
import { HighlightedParts, Highlighted, cropParts, markedTerms, splitHighlight } from "./highlight";
import { RecordLine } from "./record";

/**
 * A profile's address; from a search page it carries that search (`search`, its query string), so the
 * profile's "back" link returns to it, with or without JavaScript. When the search filters one category,
 * `category` names it too: the profile then shows the record in that category (issue 8).
 */
export function profileHref(hit: Pick<SearchHitView, "kind" | "id">, search?: string): string {
  const path = hit.kind === "committee" ? `/committees/${hit.id}` : `/mediators/${hit.id}`;
  if (!search) return path;
  const categories = new URLSearchParams(search).getAll("category");
  const params = new URLSearchParams({ search });
  if (categories.length === 1) params.set("category", categories[0]);
  return `${path}?${params}`;
}

/** How a hit serves a party from the chosen town, in the order a party would prefer: no trip first. */
function townWays(hit: SearchHitView, town: string, t: ReturnType<typeof useT>): string[] {
  const ways: string[] = [];
  if (hit.modes.includes("onsite") && hit.towns.includes(town)) ways.push(t.pages.town.onsite);
  if (hit.modes.includes("online")) ways.push(t.pages.town.online);
  return ways;
}

/** The ranking score in words: what counts, the period and the number of cases (ADR 014). */
function ScoreLine({ stats }: { stats: SearchHitView["stats"] }) {
  const t = useT();
  const zh = useLocale() === "zh";
  const mediated = stats.successRate ? Math.round(stats.agreements / stats.successRate) : 0;
  const points = Math.round(stats.score * 100);
  if (mediated === 0 && stats.agreements === 0) return <p className="hit-score small muted">{t.pages.score.cardNone}</p>;
  return (
    <p className="hit-score small muted">
      {t.pages.score.card(points, stats.agreements, mediated)}
      {mediated < FEW_CASES ? `${zh ? "；" : "; "}${t.pages.score.cardFew}` : null}
    </p>
  );
}
/** Below this many mediated cases the prior of five average cases (ADR 014) weighs a third or more. */
const FEW_CASES = 10;

export function HitCard({
  hit,
  search,
  town,
  showScore = false,
  free,
}: {
  hit: SearchHitView;
  /** The search the card is on, carried to the profile. */
  search?: string;
  /** The town chosen in the search: the card says how this hit serves it. */
  town?: string;
  /** Sorting by success: say what the ranking score is made of. */
  showScore?: boolean;
  /** The next free times (ISO), when the page computed them. */
  free?: string[];
}) {
  const locale = useLocale();
  const t = useT();
  const lang = dataLang(locale);
  const committeeName = useCommitteeName();
  const name = hit.kind === "committee" ? committeeName(hit.name) : null;
  const ways = town ? townWays(hit, town, t) : [];
  const bio = hit.highlight.bio ? cropParts(splitHighlight(hit.highlight.bio)) : null;
  const headingId = `hit-${hit.kind}-${hit.id}`;
  return (
    <article className="hit" aria-labelledby={headingId}>
      <div className="hit-head">
        <Avatar name={hit.name} seed={hit.id + (hit.kind === "committee" ? 3 : 0)} />
        <div className="hit-heading">
          <h3 id={headingId} className="hit-name">
            {name?.translated ? (
              <Link to={profileHref(hit, search)} prefetch="intent">
                {name.text}
              </Link>
            ) : (
              <Link to={profileHref(hit, search)} prefetch="intent" lang={lang}>
                <Highlighted text={hit.name} highlighted={hit.highlight.name} />
              </Link>
            )}
          </h3>
          <p className="hit-sub">
            <span className={`kind-badge kind-${hit.kind}`}>{KIND_LABELS[hit.kind][locale]}</span>
            {hit.kind !== "committee" && hit.title !== KIND_LABELS[hit.kind].zh ? (
              <span className="hit-title" lang={lang}>
                <Highlighted text={hit.title} highlighted={hit.highlight.title} />
              </span>
            ) : null}
          </p>
          {hit.organisation ? (
            <p className="hit-org" lang={lang}>
              <Highlighted text={hit.organisation} highlighted={hit.highlight.organisation} />
            </p>
          ) : null}
        </div>
      </div>
      <FacetTags facet="category" values={hit.categories} terms={markedTerms(hit.highlight.categoryNames)} />
      {bio ? (
        <p className="hit-snippet" lang={lang}>
          {bio.start ? "…" : null}
          <HighlightedParts parts={bio.parts} />
          {bio.end ? "…" : null}
        </p>
      ) : null}
      {town && ways.length ? (
        <p className="hit-town">
          <strong>{t.pages.town.how(facetLabel("town", town, locale))}</strong>
          {ways.join(locale === "zh" ? "、" : ", ")}
        </p>
      ) : null}
      <dl className="hit-facts">
        {hit.towns.length && hit.modes.includes("onsite") ? (
          <div>
            <dt>{t.hit.towns}</dt>
            <dd>
              <FacetLine facet="town" values={hit.towns} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t.hit.modes}</dt>
          <dd>
            <FacetLine facet="mode" values={hit.modes} />
          </dd>
        </div>
        <div>
          <dt>{t.hit.languages}</dt>
          <dd>
            <FacetLine facet="language" values={hit.languages} />
          </dd>
        </div>
      </dl>
      <div className="hit-foot">
        <RecordLine stats={hit.stats} />
        {showScore ? <ScoreLine stats={hit.stats} /> : null}
        {free?.length ? (
          <div className="hit-next">
            <span className="hit-next-label">{t.pages.next.label}</span>
            <ul className="hit-times">
              {free.map((start) => (
                <li key={start}>
                  <time dateTime={start}>{formatCentreTime(start, locale)}</time>
                </li>
              ))}
            </ul>
          </div>
        ) : hit.nextAvailableAt ? (
          <p className="hit-next">{t.hit.nextAvailable(formatCentreTime(hit.nextAvailableAt, locale))}</p>
        ) : null}
      </div>
    </article>
  );
}
