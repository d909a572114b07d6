// A mediator's or committee's record: one line for search results and headers ("成功率 92% · 23/25 件 ·
// 近12个月"), and the figures of a profile with their period and what they mean. The figures are the
// records projection's (docs/case-figures.md); nothing here computes one.
import { Fragment } from "react";
import { facetLabel, type CategorySlug } from "../../domain";
import { SATISFIED_MIN_STARS } from "../../domain/record";
import type { SearchHitView } from "~/models/search.server";
import type { RecordView } from "~/models/records.server";
import { useLocale, useT } from "~/i18n";
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

/** The line's words, and whether there is a rate to show. */
function lineText(t: ReturnType<typeof useT>, stats: SearchHitView["stats"], mediated?: number): [string, boolean] {
  if (stats.closed === 0) return [t.record.none, false];
  if (stats.successRate === null) return [t.record.noneMediated(stats.closed), false];
  const rate = formatPercent(stats.successRate);
  const n = mediatedOf(stats, mediated);
  return [n === null ? t.record.lineClosed(rate, stats.closed) : t.record.line(rate, stats.agreements, n), true];
}

export function RecordLine({ stats, mediated }: { stats: SearchHitView["stats"]; mediated?: number }) {
  const t = useT();
  const [text, shown] = lineText(t, stats, mediated);
  return <SplitLine text={text} className={shown ? "record" : "record record-empty"} />;
}

/**
 * The record in the category the party searched, beside the overall one: "在劳动争议类案件中：成功率 92% ·
 * 23/25 件 · 近12个月". The figures are the record API's for that category.
 */
export function CategoryRecordLine({ record }: { record: RecordView & { category: CategorySlug } }) {
  const t = useT();
  const locale = useLocale();
  const stats = { closed: record.closed, agreements: record.agreements, successRate: record.agreementRate, score: record.score };
  const [text] = lineText(t, stats, record.mediated);
  return <SplitLine text={t.record.inCategory(facetLabel("category", record.category, locale), text)} className="record record-category" />;
}

function SplitLine({ text, className }: { text: string; className: string }) {
  // Each figure stays on one line; the line breaks only between them.
  const parts = text.split(" · ");
  return (
    <p className={className}>
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
            record.satisfaction === null ? r.notAvailable : r.satisfactionValue(formatPercent(record.satisfaction), record.ratings),
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
      <p className="small muted">{r.satisfactionNote(SATISFIED_MIN_STARS)}</p>
      <p className="small muted">{r.rankingNote}</p>
    </>
  );
}
