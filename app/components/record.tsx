// A mediator's or committee's record: one line for search results and headers ("成功率 92% · 23/25 件 ·
// 近12个月"), and the figures of a profile with their period and what they mean. The figures are the
// records projection's (docs/case-figures.md); nothing here computes one.
import { Fragment } from "react";
import type { SearchHitView } from "~/models/search.server";
import type { RecordView } from "~/models/records.server";
import { useT } from "~/i18n";
import { formatPercent } from "~/i18n/format";

/**
 * The number mediated, when the line can say it: given (a profile's record), or recovered from the
 * hit's agreements and rate (rounded to 0.1 %, exact for any count a year can hold); unknown when
 * there was no agreement (0 of n has a rate of 0 whatever n is).
 */
function mediatedOf(stats: SearchHitView["stats"], mediated?: number): number | null {
  if (mediated !== undefined) return mediated;
  if (!stats.successRate) return null;
  return Math.round(stats.agreements / stats.successRate);
}

export function RecordLine({ stats, mediated }: { stats: SearchHitView["stats"]; mediated?: number }) {
  const t = useT();
  if (stats.closed === 0) return <p className="record record-empty">{t.record.none}</p>;
  if (stats.successRate === null) return <p className="record record-empty">{t.record.noneMediated(stats.closed)}</p>;
  const rate = formatPercent(stats.successRate);
  const n = mediatedOf(stats, mediated);
  const text = n === null ? t.record.lineClosed(rate, stats.closed) : t.record.line(rate, stats.agreements, n);
  // Each figure stays on one line; the line breaks only between them.
  const parts = text.split(" · ");
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

/**
 * A figure's words split before a trailing "（23/25 件）" / " (23 of 25)": the count goes on a line of its
 * own in smaller type, so a narrow figure box breaks between the two, never inside a number.
 */
function splitCount(text: string): [string, string | null] {
  const at = text.search(/\s?[（(][^（(]*[）)]$/);
  return at > 0 ? [text.slice(0, at), text.slice(at).trim()] : [text, null];
}

/** The record as a row of figures with its period, for profile pages, and what the figures mean. */
export function RecordFigures({ record }: { record: RecordView }) {
  const t = useT();
  const r = t.record;
  const figures: [string, string][] =
    record.closed === 0
      ? []
      : [
          [r.closed, r.cases(record.closed)],
          [
            r.agreementRate,
            record.agreementRate === null
              ? r.notAvailable
              : r.agreementRateValue(formatPercent(record.agreementRate), record.agreements, record.mediated),
          ],
          [r.fulfilmentRate, formatPercent(record.fulfilmentRate)],
          [r.judicialConfirmations, r.cases(record.judicialConfirmations)],
          [r.medianDays, record.medianDaysToClose === null ? r.notAvailable : r.days(record.medianDaysToClose)],
          [
            r.satisfaction,
            record.satisfaction === null ? r.notAvailable : r.satisfactionValue(record.satisfaction.toFixed(1), record.ratings),
          ],
        ];
  return (
    <>
      {figures.length === 0 ? (
        <p className="record-empty">{r.none}</p>
      ) : (
        <dl className="figures">
          {figures.map(([label, value]) => {
            const [main, count] = splitCount(value);
            return (
              <div key={label}>
                <dt>{label}</dt>
                <dd>
                  {main}
                  {count ? (
                    <>
                      <br />
                      <span className="small">{count}</span>
                    </>
                  ) : null}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      <p className="small muted record-period">{r.period(record.from, record.to)}</p>
      <p className="small muted">{r.successNote}</p>
      <p className="small muted">{r.rankingNote}</p>
    </>
  );
}
