// The work queue's items as a table (cards on a phone): the case number opening the case page, the
// reason in words, how long it has waited with the Beijing time it began, the due date, category, town.
// `now` comes from the loader, so the server's and the browser's words are the same.
import { Form, Link } from "@remix-run/react";
import { CATEGORIES, TOWNS, type QueueReason } from "../../domain";
import { CsrfInput } from "~/components/session";
import { ConvenePanelLink } from "~/components/panel-parts";
import { useLocale, useT } from "~/i18n";
import { centreDate, formatCentreTime } from "~/i18n/format";
import type { WorkQueueItem } from "~/models/work-queue.server";

/** Reasons that say nobody has the case: a simple one may go to the pre-litigation fast track from here. */
const UNOWNED: QueueReason[] = ["no-mediator", "pick-declined", "pick-expired", "pick-recused"];

export function QueueTable({
  items,
  now,
  caption,
  formAction,
}: {
  items: WorkQueueItem[];
  now: string;
  caption: string;
  formAction: string;
}) {
  const t = useT();
  const w = t.workQueue;
  const locale = useLocale();
  const nowMs = Date.parse(now);
  return (
    <table className="data-table work-queue-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{w.number}</th>
          <th scope="col">{w.reason}</th>
          <th scope="col">{w.since}</th>
          <th scope="col">{w.due}</th>
          <th scope="col">{w.category}</th>
          <th scope="col">{w.town}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const due = item.dueAt ? Date.parse(item.dueAt) : null;
          return (
            <tr key={`${item.caseId}-${item.reason}`} className={`work-queue-row reason-${item.reason}`}>
              <td data-label={w.number}>
                <Link to={`/cases/${item.caseId}`} className="case-number">
                  {item.number}
                </Link>
              </td>
              <td data-label={w.reason}>
                <span className={`work-queue-reason work-queue-reason-${item.reason}`}>{w.reasons[item.reason]}</span>
                {item.severity === "simple" && UNOWNED.includes(item.reason) ? (
                  <Form method="post" action={formAction} className="work-queue-flag">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="pre-litigation" />
                    <input type="hidden" name="caseId" value={item.caseId} />
                    <button type="submit" className="button button-small" aria-label={w.flagFor(item.number)}>
                      {w.flag}
                    </button>
                  </Form>
                ) : null}
                <ConvenePanelLink caseId={item.caseId} number={item.number} severity={item.severity} />
              </td>
              <td data-label={w.since}>
                <span className="work-queue-ago">{w.ago(Math.max(0, nowMs - Date.parse(item.since)))}</span>
                <span className="small muted work-queue-when">
                  {formatCentreTime(item.since, locale)}
                  <span className="nowrap">{w.beijingTag}</span>
                </span>
              </td>
              <td data-label={w.due} className="nowrap">
                {item.dueAt && due !== null ? (
                  <>
                    {centreDate(item.dueAt)}
                    <span className="small muted work-queue-when">{due < nowMs ? w.ago(nowMs - due) : w.ahead(due - nowMs)}</span>
                  </>
                ) : (
                  w.none
                )}
              </td>
              <td data-label={w.category}>
                <span className="work-queue-category">{CATEGORIES.find((c) => c.slug === item.category)?.[locale] ?? item.category}</span>
              </td>
              <td data-label={w.town}>
                <span className="work-queue-town">
                  {item.town ? (TOWNS.find((x) => x.slug === item.town)?.[locale] ?? item.town) : w.none}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
