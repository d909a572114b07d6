// Who mediates a case, on the case page (issue 9, ADR 021): each attempt with its rule and status.
// Staff and the case's mediators read why (the criterion that decided); a party reads a plain sentence
// rendered here from the reason's data, in their language ("由中心指派：同类纠纷经验丰富，明天上午可线上调解").
import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";
import { assignmentSentence } from "~/i18n/messages-assignment";
import { formatCentreTime } from "~/i18n/format";
import type { AssignmentEntry } from "~/models/assignment.server";

export function AssignmentPanel({ caseId, assignments }: { caseId: number; assignments: { entries: AssignmentEntry[]; viewer: string } }) {
  const t = useT();
  const w = t.assignment;
  const locale = useLocale();
  const staff = assignments.viewer === "staff";
  const party = assignments.viewer === "applicant" || assignments.viewer === "respondent";
  if (!assignments.entries.length && !staff) return null;
  // The sentence speaks of "tomorrow": the time it is read is the edge's to take.
  const now = Date.now();
  return (
    <section className="panel assignment-panel" aria-labelledby="assignment-heading">
      <h2 id="assignment-heading">{w.heading}</h2>
      {assignments.entries.length ? (
        <ol className="assignment-list">
          {assignments.entries.map((e) => (
            <li key={e.id}>
              {party ? (
                <p>
                  {e.status === "asked" || e.status === "accepted"
                    ? assignmentSentence({ ...e.sentence, status: e.status }, locale, now)
                    : w.statuses[e.status]}
                </p>
              ) : (
                <p>
                  <strong>{w.rules[e.rule] ?? e.rule}</strong>
                  {e.pickRank ? ` · ${w.rank(e.pickRank)}` : ""}
                  {e.mediatorName ? ` · ${e.mediatorName}` : ""} · {w.statuses[e.status] ?? e.status}
                  {e.sentence.decidedBy ? <span className="small muted"> · {w.decidedBy[e.sentence.decidedBy]}</span> : null}
                  {e.status === "asked" && e.respondBy ? (
                    <span className="small muted">
                      {" "}
                      · {w.respondBy}
                      {t.colon}
                      {formatCentreTime(new Date(e.respondBy).toISOString(), locale)}
                    </span>
                  ) : null}
                  {e.note ? <span className="small"> · {e.note}</span> : null}
                </p>
              )}
            </li>
          ))}
        </ol>
      ) : null}
      {staff ? (
        <p>
          <Link className="button" to={`/staff/cases/${caseId}/assign`}>
            {w.open}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
