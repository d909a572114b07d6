// The audit log of a case: who did what, when, and what it was before and after. Every change to a
// case writes its row here inside the change's own transaction, so the log can never miss a change
// nor record one that rolled back. Phones never go into it.
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { caseEvents, users } from "../../db/schema";
import { getDb } from "../db.server";
import type { User } from "./auth.server";
import type { CaseActor } from "./case-rules";
import { DomainError } from "./errors";

export interface AuditEntry {
  caseId: number;
  at: number;
  actor: CaseActor;
  actorUserId: number | null;
  event: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export function audit(tx: Db | Tx, e: AuditEntry): void {
  tx.insert(caseEvents)
    .values({
      caseId: e.caseId,
      at: e.at,
      actor: e.actor,
      actorUserId: e.actorUserId,
      event: e.event,
      before: e.before ?? null,
      after: e.after ?? null,
    })
    .run();
}

/** A case's log, oldest first: the centre's staff only. */
export function listCaseEvents({ viewer, caseId }: { viewer: User; caseId: number }) {
  if (viewer.role !== "staff" && viewer.role !== "admin") throw new DomainError("forbidden", "Only the centre's staff read a case's log");
  return getDb()
    .select({
      id: caseEvents.id,
      at: caseEvents.at,
      actor: caseEvents.actor,
      actorName: users.name,
      event: caseEvents.event,
      before: caseEvents.before,
      after: caseEvents.after,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorUserId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id))
    .all();
}
