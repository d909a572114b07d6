// What the case rules (case-rules.ts) judge a step by, read from a case's rows inside the caller's
// transaction: a read, so it can sit in any write transaction before the step's own checks.
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { agreements, caseParties, cases, judicialConfirmations, ratings } from "../../db/schema";
import { confirmationState, type CaseFacts } from "./case-rules";

type CaseRow = typeof cases.$inferSelect;

/** The case's judicial confirmation as a fact of the case rules: none, applied for, or decided. */
export function confirmationOf(tx: Db | Tx, caseId: number): CaseFacts["confirmation"] {
  return confirmationState(
    tx.select({ result: judicialConfirmations.result }).from(judicialConfirmations).where(eq(judicialConfirmations.caseId, caseId)).get(),
  );
}

/**
 * What the case rules judge a step on this case by, read inside the caller's transaction: the row,
 * the confirmation and the agreement's taking effect, and (for a party's step) that party's own.
 */
export function caseFacts(tx: Db | Tx, row: CaseRow, partyId?: number): CaseFacts {
  const agreement = tx.select({ effectiveAt: agreements.effectiveAt }).from(agreements).where(eq(agreements.caseId, row.id)).get();
  const party =
    partyId === undefined
      ? null
      : (tx.select({ ackAt: caseParties.agreementAckAt }).from(caseParties).where(eq(caseParties.id, partyId)).get() ?? null);
  return {
    status: row.status,
    outcome: row.outcome,
    mediatorId: row.mediatorId,
    confirmation: confirmationOf(tx, row.id),
    agreementEffectiveAt: agreement?.effectiveAt ?? null,
    party: party && {
      acknowledged: party.ackAt !== null,
      rated: tx.select({ id: ratings.id }).from(ratings).where(eq(ratings.casePartyId, partyId!)).get() !== undefined,
    },
  };
}
