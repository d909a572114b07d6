// Recusals (回避, issue 9): a mediator steps aside from a case with a reason (staff may record it for
// them), or a party asks for it and staff grant or refuse. A granted recusal ends the mediator's
// attempt and their sessions of the case, and the next pick or the fallback is asked at once.
import { and, eq, inArray } from "drizzle-orm";
import { writeTransaction, type Db, type Tx } from "../../db/client";
import { bookings, caseAssignments, cases, recusals } from "../../db/schema";
import { getDb } from "../db.server";
import { advanceAfter, STANDING } from "./assignment-flow.server";
import { cancelPending } from "./assignment-staff.server";
import type { User } from "./auth.server";
import { audit } from "./case-audit.server";
import { caseForUser, partyActing } from "./cases.server";
import { DomainError } from "./errors";
import { notifyAddress, CENTRE_DESK } from "./notifications.server";

type Handle = Db | Tx;
const isStaff = (u: User) => u.role === "staff" || u.role === "admin";

/** The mediator standing on a case: the one asked or accepted, else the one both sides agreed on. */
function standingMediator(tx: Handle, caseId: number): number | null {
  const row = tx
    .select({ id: caseAssignments.mediatorId })
    .from(caseAssignments)
    .where(and(eq(caseAssignments.caseId, caseId), inArray(caseAssignments.status, STANDING)))
    .get();
  return row?.id ?? tx.select({ id: cases.mediatorId }).from(cases).where(eq(cases.id, caseId)).get()?.id ?? null;
}

/** Inside the transaction: the mediator leaves the case; the next one is asked. */
function applyRecusal(tx: Handle, caseId: number, mediatorId: number, by: User, now: number) {
  const c = tx.select().from(cases).where(eq(cases.id, caseId)).get()!;
  if (c.closedAt !== null) throw new DomainError("illegal_transition", "The case is closed");
  // Once mediation is under way, stepping aside is a matter for the centre in person, not a click.
  if (c.status === "in-mediation" && c.mediatorId === mediatorId)
    throw new DomainError("illegal_transition", "The mediation is under way; the centre decides a recusal now");
  const rows = tx
    .select()
    .from(caseAssignments)
    .where(and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.mediatorId, mediatorId), inArray(caseAssignments.status, STANDING)))
    .all();
  for (const r of rows) {
    const res = tx
      .update(caseAssignments)
      .set({ status: "recused", answeredAt: now })
      .where(and(eq(caseAssignments.id, r.id), eq(caseAssignments.status, r.status)))
      .run();
    if (res.changes !== 1) throw new DomainError("illegal_transition", "The case changed meanwhile; reload it");
  }
  for (const b of tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.caseId, caseId), eq(bookings.mediatorId, mediatorId), inArray(bookings.status, ["pending", "confirmed"])))
    .all())
    cancelPending(tx, b.id, "recusal", now);
  if (c.mediatorId === mediatorId) {
    const res = tx
      .update(cases)
      .set({ mediatorId: null, status: "submitted", updatedAt: new Date(now) })
      .where(and(eq(cases.id, caseId), eq(cases.mediatorId, mediatorId), eq(cases.status, c.status)))
      .run();
    if (res.changes !== 1) throw new DomainError("illegal_transition", "The case changed meanwhile; reload it");
  }
  audit(tx, { caseId, at: now, actor: isStaff(by) ? "staff" : "mediator", actorUserId: by.id, event: "recused", after: { mediatorId } });
  return advanceAfter(tx, caseId, now);
}

/**
 * `POST /cases/:id/recuse`: the mediator steps aside (staff recording it name them), or staff decide
 * a party's request (`recusalId`, `grant`).
 */
export async function recuse({
  user,
  caseId,
  input,
  now,
}: {
  user: User;
  caseId: number;
  input: { mediatorId?: number; reason?: string; recusalId?: number; grant?: boolean };
  now: number;
}) {
  if (input.recusalId !== undefined) return decideRecusal({ user, caseId, recusalId: input.recusalId, grant: input.grant === true, now });
  const mediatorId = isStaff(user) ? input.mediatorId : user.role === "mediator" ? user.mediatorId : null;
  if (!mediatorId)
    throw new DomainError(isStaff(user) ? "invalid_input" : "forbidden", "Only a mediator recuses (staff name the mediator)");
  return writeTransaction(getDb(), (tx) => {
    caseForUser(tx, user, caseId);
    const row = tx
      .insert(recusals)
      .values({
        caseId,
        mediatorId,
        requestedBy: isStaff(user) ? "staff" : "mediator",
        byUserId: user.id,
        reason: input.reason ?? "",
        status: "granted",
        at: now,
        decidedByUserId: user.id,
        decidedAt: now,
      })
      .returning()
      .get();
    const next = applyRecusal(tx, caseId, mediatorId, user, now);
    return { recusalId: row.id, status: row.status, next: next ? { rule: next.rule, mediatorId: next.mediatorId } : null };
  });
}

async function decideRecusal({
  user,
  caseId,
  recusalId,
  grant,
  now,
}: {
  user: User;
  caseId: number;
  recusalId: number;
  grant: boolean;
  now: number;
}) {
  if (!isStaff(user)) throw new DomainError("forbidden", "Only the centre's staff decide a party's recusal request");
  return writeTransaction(getDb(), (tx) => {
    const r = tx
      .select()
      .from(recusals)
      .where(and(eq(recusals.id, recusalId), eq(recusals.caseId, caseId)))
      .get();
    if (!r) throw new DomainError("not_found", "No such recusal request on this case");
    const res = tx
      .update(recusals)
      .set({ status: grant ? "granted" : "refused", decidedByUserId: user.id, decidedAt: now })
      .where(and(eq(recusals.id, recusalId), eq(recusals.status, "requested")))
      .run();
    if (res.changes !== 1) throw new DomainError("illegal_transition", "This request was already decided");
    const next = grant ? applyRecusal(tx, caseId, r.mediatorId, user, now) : null;
    return { recusalId, status: grant ? "granted" : "refused", next: next ? { rule: next.rule, mediatorId: next.mediatorId } : null };
  });
}

/** A party (signed in, or a respondent with the invitation code) asks for a recusal; staff are told. */
export async function requestRecusal({
  user,
  code,
  caseId,
  input,
  now,
}: {
  user?: User;
  code?: string;
  caseId: number;
  input: { mediatorId?: number; reason: string };
  now: number;
}) {
  return writeTransaction(getDb(), (tx) => {
    const { row, partyId } = partyActing(tx, { user, code, caseId, who: "ask for a recusal" });
    const mediatorId = input.mediatorId ?? standingMediator(tx, caseId);
    if (!mediatorId || mediatorId !== standingMediator(tx, caseId)) throw new DomainError("not_found", "No such mediator on this case");
    const r = tx
      .insert(recusals)
      .values({
        caseId,
        mediatorId,
        requestedBy: "party",
        byUserId: user?.id ?? null,
        casePartyId: partyId,
        reason: input.reason,
        status: "requested",
        at: now,
      })
      .returning()
      .get();
    audit(tx, {
      caseId,
      at: now,
      actor: code ? "respondent" : "applicant",
      actorUserId: user?.id ?? null,
      event: "recusal-requested",
      after: { mediatorId },
    });
    notifyAddress(
      tx,
      { channel: "email", to: CENTRE_DESK, locale: "zh" },
      { template: "assignment.recusal-requested", params: { caseId, number: row.number ?? "", mediatorId }, at: now },
    );
    return { recusalId: r.id, status: r.status };
  });
}
