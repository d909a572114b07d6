// The work queue's reasons as filter chips: plain links (so they work without JavaScript), each with
// the count it would show under the other filters; the chosen one is marked for assistive technology.
import { Link } from "@remix-run/react";
import { QUEUE_REASONS, type QueueReason } from "../../domain";
import { useT } from "~/i18n";

export function QueueChips({
  counts,
  selected,
  hrefFor,
}: {
  counts: Record<QueueReason, number>;
  selected: QueueReason | undefined;
  hrefFor: (reason: QueueReason | undefined) => string;
}) {
  const w = useT().workQueue;
  const all = QUEUE_REASONS.reduce((n, r) => n + counts[r], 0);
  return (
    <nav aria-label={w.chipsLabel} className="work-queue-chips">
      <ul>
        <li>
          <Link to={hrefFor(undefined)} className="work-queue-chip" aria-current={selected === undefined ? "true" : undefined}>
            {w.allReasons(all)}
          </Link>
        </li>
        {QUEUE_REASONS.map((r) => (
          <li key={r}>
            <Link
              to={hrefFor(r)}
              className={`work-queue-chip work-queue-chip-${r}${counts[r] === 0 ? " is-empty" : ""}`}
              aria-current={selected === r ? "true" : undefined}
            >
              {w.reasons[r]} <span className="work-queue-chip-count">{counts[r]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
