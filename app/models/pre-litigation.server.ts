// The pre-litigation fast track (诉前调解, 简案快调速裁; issue 9): staff flag a `simple`, open case for the
// pre-litigation team (pre-litigation mediators with a judge). The flag is a time on the case row,
// written with its audit row in one write transaction; the work queue shows the case under its own
// reason until someone mediates it. Flagging twice keeps the first time and writes nothing.
import { and, eq, isNull } from "drizzle-orm";
import { writeTransaction } from "../../db/client";
import { cases } from "../../db/schema";
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
}

export async function flagPreLitigation({ user, caseId, now }: { user: User; caseId: number; now: number }): Promise<PreLitigationView> {
  if (user.role !== "staff" && user.role !== "admin")
    throw new DomainError("forbidden", "Only the centre's staff flag cases for the fast track");
  return writeTransaction(getDb(), (tx) => {
    const row = tx.select().from(cases).where(eq(cases.id, caseId)).get();
    if (!row) throw new DomainError("not_found", "Case not found");
    const view = (at: number) => ({
      caseId,
      number: row.number ?? formatCaseNumber(row.numberYear ?? 0, row.numberSeq ?? row.id),
      preLitigationAt: isoInZone(at, CENTRE_TIMEZONE),
    });
    if (row.status === "closed") throw new DomainError("illegal_transition", "A closed case is not sent to the fast track");
    // Major and group disputes go to a 3+X panel, not the fast track (DOMAIN.md, "How cases flow").
    if (row.severity !== "simple") throw new DomainError("illegal_transition", "Only a simple case goes to the fast track");
    if (row.preLitigationAt !== null) return view(row.preLitigationAt);
    const res = tx
      .update(cases)
      .set({ preLitigationAt: now, updatedAt: new Date(now) })
      .where(and(eq(cases.id, caseId), isNull(cases.preLitigationAt)))
      .run();
    if (res.changes !== 1) throw new DomainError("illegal_transition", "The case changed meanwhile; reload it");
    audit(tx, {
      caseId,
      at: now,
      actor: "staff",
      actorUserId: user.id,
      event: "pre-litigation-flagged",
      before: { preLitigationAt: null },
      after: { preLitigationAt: now },
    });
    return view(now);
  });
}
