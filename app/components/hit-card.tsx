// One search result. The name links to the profile; matched words are marked.
import { Link } from "@remix-run/react";
import { KIND_LABELS } from "../../domain";
import type { SearchHitView } from "~/models/search.server";
import { dataLang, useLocale, useT } from "~/i18n";
import { formatCentreTime } from "~/i18n/format";
import { Avatar } from "./avatar";
import { FacetLine, FacetTags } from "./facet-values";
import { HighlightedParts, Highlighted, cropParts, markedTerms, splitHighlight } from "./highlight";
import { RecordLine } from "./record";

export function profileHref(hit: Pick<SearchHitView, "kind" | "id">): string {
  return hit.kind === "committee" ? `/committees/${hit.id}` : `/mediators/${hit.id}`;
}

export function HitCard({ hit }: { hit: SearchHitView }) {
  const locale = useLocale();
  const t = useT();
  const lang = dataLang(locale);
  const bio = hit.highlight.bio ? cropParts(splitHighlight(hit.highlight.bio)) : null;
  const headingId = `hit-${hit.kind}-${hit.id}`;
  return (
    <article className="hit" aria-labelledby={headingId}>
      <div className="hit-head">
        <Avatar name={hit.name} seed={hit.id + (hit.kind === "committee" ? 3 : 0)} />
        <div className="hit-heading">
          <h3 id={headingId} className="hit-name">
            <Link to={profileHref(hit)} prefetch="intent" lang={lang}>
              <Highlighted text={hit.name} highlighted={hit.highlight.name} />
            </Link>
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
      <dl className="hit-facts">
        {hit.towns.length ? (
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
        {hit.nextAvailableAt ? <p className="hit-next">{t.hit.nextAvailable(formatCentreTime(hit.nextAvailableAt, locale))}</p> : null}
      </div>
    </article>
  );
}
