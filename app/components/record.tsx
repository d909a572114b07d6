// A mediator's or committee's record in one line: "结案 n 件 · 调解成功 n 件 · 成功率 x%".
import { Fragment } from "react";
import type { SearchHitView } from "~/models/search.server";
import { useT } from "~/i18n";
import { formatPercent } from "~/i18n/format";

export function RecordLine({ stats }: { stats: SearchHitView["stats"] }) {
  const t = useT();
  if (stats.closed === 0) return <p className="record record-empty">{t.hit.noRecord}</p>;
  // Each figure stays on one line; the line breaks only between them.
  const parts = t.hit.record(stats.closed, stats.agreements, formatPercent(stats.successRate)).split(" · ");
  return (
    <p className="record">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? " · " : null}
          <span className="record-part">{part}</span>
        </Fragment>
      ))}
    </p>
  );
}

/** The record as a row of figures, for profile pages. */
export function RecordFigures({ stats }: { stats: SearchHitView["stats"] }) {
  const t = useT();
  if (stats.closed === 0) return <p className="record-empty">{t.profile.noRecord}</p>;
  return (
    <dl className="figures">
      <div>
        <dt>{t.profile.closed}</dt>
        <dd>{t.profile.cases(stats.closed)}</dd>
      </div>
      <div>
        <dt>{t.profile.agreements}</dt>
        <dd>{t.profile.cases(stats.agreements)}</dd>
      </div>
      <div>
        <dt>{t.profile.successRate}</dt>
        <dd>{formatPercent(stats.successRate)}</dd>
      </div>
    </dl>
  );
}
