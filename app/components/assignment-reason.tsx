// The reason of a suggestion as staff read it (ADR 021): every mediator compared with the facts that
// ranked them, and every one left out with why. Data from the model, words from messages-assignment.
import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";
import { formatCentreTime } from "~/i18n/format";
import type { FallbackReason } from "~/models/fallback.server";
import { facetLabel } from "../../domain";

export function AssignmentReasonTable({ reason, names }: { reason: FallbackReason; names: Record<number, string> }) {
  const t = useT();
  const w = t.assignment;
  const locale = useLocale();
  return (
    <>
      {reason.team === "pre-litigation" ? <p className="notice">{w.teamOnly}</p> : null}
      {reason.considered.length ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{w.considered}</caption>
            <thead>
              <tr>
                <th scope="col">{w.mediatorHeading}</th>
                <th scope="col">{w.timeHeading}</th>
                <th scope="col">{w.mode}</th>
                <th scope="col">{w.loadHeading}</th>
                <th scope="col">{w.recordHeading}</th>
              </tr>
            </thead>
            <tbody>
              {reason.considered.map((c) => (
                <tr key={c.mediatorId}>
                  <th scope="row">
                    {names[c.mediatorId] ?? c.mediatorId} <span className="small muted">#{c.mediatorId}</span>{" "}
                    <Link className="small" to={`/dashboard/ties?mediator=${c.mediatorId}`}>
                      {w.tiesLink}
                    </Link>
                  </th>
                  <td>{formatCentreTime(c.slot.start, locale)}</td>
                  <td>{facetLabel("mode", c.slot.mode, locale)}</td>
                  <td>{w.load(c.openCases, c.capacityOpenCases, c.sessionsWeek, c.capacitySessionsWeek)}</td>
                  <td>{w.recordScore(c.record.score.toFixed(2), c.record.mediated)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {reason.skipped.length ? (
        <>
          <h3>{w.skipped}</h3>
          <ul className="skipped-list">
            {reason.skipped.map((s) => (
              <li key={s.mediatorId}>
                {names[s.mediatorId] ?? s.mediatorId} <span className="small muted">#{s.mediatorId}</span>
                {t.colon}
                {w.skip[s.why]}
                {s.tie ? ` (${w.tieKinds[s.tie.kind]})` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
