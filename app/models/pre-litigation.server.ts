// The pre-litigation fast track (诉前调解, 简案快调速裁; issue 9, ADR 035): staff flag a `simple`, open
// case for the pre-litigation team: its mediators (role `pre-litigation-mediator`) and the judges who
// guide them (`pre-litigation-judge`), held in panel_roles like a panel's roles. Flagging chooses the
// team's judge with the fewest open cases to guide (ties: lowest id), so the court is with the case
// from the start; from then on the fallback suggests only the team's mediators. The flag, the judge and
// the audit row are written in one write transaction; flagging twice keeps the first and writes nothing.
import { and, eq, isNull } from "drizzle-orm";
import { connectionOf, writeTransaction, type Db, type Tx } from "../../db/client";
import { cases, mediators } from "../../db/schema";
import { CENTRE_TIMEZONE, formatCaseNumber } from "../../domain";
import { isoInZone } from "../../domain/zone";
import { getDb } from "../db.server";
import type { User } from "./auth.server";
import { audit } from "./case-audit.server";
import { DomainError } from "./errors";

export interface PreLitigationView {
  caseId: number;
  number: string;
  /** When the case was flagged (ISO, +08:00). */
  preLitigationAt: string;
  /** The team's judge who guides the case. */
  judge: { personId: number; name: string };
}

/**
 * The team's judges, fewest open flagged cases first (ties: lowest id): the one a newly flagged case
 * gets. Only active people; whether they are in the public pool does not matter (a judge never is).
 */
export function teamJudges(db: Db | Tx): { personId: number; name: string; guiding: number }[] {
  return connectionOf(db)
    .prepare(
      `select m.id personId, m.name name,
         (select count(*) from cases c where c.pre_litigation_judge_id = m.id and c.closed_at is null) guiding
       from panel_roles r join mediators m on m.id = r.person_id
       where r.role = 'pre-litigation-judge' and m.active = 1
       order by guiding, m.id`,
    )
    .all() as { personId: number; name: string; guiding: number }[];
}

const nameOf = (db: Db | Tx, id: number) =>
  db.select({ name: mediators.name }).from(mediators).where(eq(mediators.id, id)).get()?.name ?? "";

export async function flagPreLitigation({ user, caseId, now }: { user: User; caseId: number; now: number }): Promise<PreLitigationView> {
  if (user.role !== "staff" && user.role !== "admin")
    throw new DomainError("forbidden", "Only the centre's staff flag cases for the fast track");
  return writeTransaction(getDb(), (tx) => {
    const row = tx.select().from(cases).where(eq(cases.id, caseId)).get();
    if (!row) throw new DomainError("not_found", "Case not found");
    const view = (at: number, judgeId: number) => ({
      caseId,
      number: row.number ?? formatCaseNumber(row.numberYear ?? 0, row.numberSeq ?? row.id),
      preLitigationAt: isoInZone(at, CENTRE_TIMEZONE),
      judge: { personId: judgeId, name: nameOf(tx, judgeId) },
    });
    if (row.status === "closed") throw new DomainError("illegal_transition", "A closed case is not sent to the fast track");
    // Major and group disputes go to a 3+X panel, not the fast track (DOMAIN.md, "How cases flow").
    if (row.severity !== "simple") throw new DomainError("illegal_transition", "Only a simple case goes to the fast track");
    if (row.preLitigationAt !== null && row.preLitigationJudgeId !== null) return view(row.preLitigationAt, row.preLitigationJudgeId);
    const judge = teamJudges(tx)[0];
    if (!judge)
      throw new DomainError("illegal_transition", "The pre-litigation team has no judge: give someone the role first", {
        field: "_",
        reason: "no_team_judge",
      });
    const res = tx
      .update(cases)
      .set({ preLitigationAt: row.preLitigationAt ?? now, preLitigationJudgeId: judge.personId, updatedAt: new Date(now) })
      .where(and(eq(cases.id, caseId), isNull(cases.preLitigationJudgeId)))
      .run();
    if (res.changes !== 1) throw new DomainError("illegal_transition", "The case changed meanwhile; reload it");
    audit(tx, {
      caseId,
      at: now,
      actor: "staff",
      actorUserId: user.id,
      event: "pre-litigation-flagged",
      before: { preLitigationAt: row.preLitigationAt, preLitigationJudgeId: null },
      after: { preLitigationAt: row.preLitigationAt ?? now, preLitigationJudgeId: judge.personId },
    });
    return view(row.preLitigationAt ?? now, judge.personId);
  });
}
