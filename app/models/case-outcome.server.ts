// How a case ends and what follows: the assigned mediator (or staff) records the outcome (with the
// agreement, its obligations and instalments when there is one); the applicant withdraws; the parties
// acknowledge the agreement (it takes effect when all have); staff record the judicial confirmation
// and each instalment's fulfilment; the parties rate a closed case once each. Every step is one write
// transaction that judges the step by the case rules, writes the audit row, refreshes the records
// (and so search) of the case's mediator and committee, and tells the people concerned.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { writeTransaction, type Db, type Tx } from "../../db/client";
import { agreements, caseParties, cases, instalments, judicialConfirmations, obligations, ratings } from "../../db/schema";
import type { CaseOutcome } from "../../domain";
import { getDb } from "../db.server";
import type { User } from "./auth.server";
import { audit } from "./case-audit.server";
import { CASE_CLOSED, releaseCaseBookings } from "./case-bookings.server";
import { caseFacts, confirmationOf } from "./case-facts.server";
import { caseRefusal, confirmationDeadline, nextStatus, type CaseActor, type CaseEvent } from "./case-rules";
import { toFen, type FulfilmentInput, type JudicialConfirmationInput, type OutcomeInput } from "./case-schemas";
import { caseForUser, partyActing, tellParties, toCaseView, type CaseView } from "./cases.server";
import { DomainError } from "./errors";
import { refreshRecords } from "./records.server";

type CaseRow = typeof cases.$inferSelect;

const OUTCOME_WORDS: Record<CaseOutcome, { zh: string; en: string }> = {
  agreement: { zh: "达成调解协议", en: "an agreement" },
  "no-agreement": { zh: "未达成协议", en: "no agreement" },
  withdrawn: { zh: "申请人撤回", en: "withdrawn by the applicant" },
  "respondent-refused": { zh: "对方不同意调解", en: "the other side declined" },
  "referred-arbitration": { zh: "引导申请仲裁", en: "referred to arbitration" },
  "referred-litigation": { zh: "引导向法院起诉", en: "referred to court" },
};

/** Moves the case by `event` if the rules allow it for this actor, checking the row did not change meanwhile. */
function move(tx: Db | Tx, c: CaseRow, event: CaseEvent, actor: CaseActor, set: Partial<CaseRow>, now: number): CaseRow["status"] {
  const status = nextStatus(event, caseFacts(tx, c), actor, now);
  const res = tx
    .update(cases)
    .set({ ...set, status, updatedAt: new Date(now) })
    .where(and(eq(cases.id, c.id), eq(cases.status, c.status)))
    .run();
  if (res.changes !== 1)
    throw new DomainError("illegal_transition", "The case changed meanwhile; reload it", { field: "_", reason: "changed_meanwhile" });
  return status;
}

/** Only the case's own mediator works on it; a mediator who was merely picked may not. */
function assertOwnMediator(user: User, c: CaseRow, actor: CaseActor): void {
  if (actor === "mediator" && user.mediatorId !== c.mediatorId)
    throw caseRefusal("forbidden", "not_your_step", "only the case's mediator records its outcome");
}

const view = (tx: Db | Tx, id: number, actor: CaseActor, user?: User) =>
  toCaseView(tx, tx.select().from(cases).where(eq(cases.id, id)).get()!, actor, confirmationOf(tx, id), user?.mediatorId ?? null);

export async function recordOutcome({
  user,
  caseId,
  input,
  now,
}: {
  user: User;
  caseId: number;
  input: OutcomeInput;
  now: number;
}): Promise<CaseView> {
  return writeTransaction(getDb(), (tx) => {
    const { row, actor } = caseForUser(tx, user, caseId);
    assertOwnMediator(user, row, actor);
    const status = move(
      tx,
      row,
      "record-outcome",
      actor,
      { outcome: input.outcome, visits: input.visits, mode: input.mode ?? row.mode, closedAt: now, outcomeNote: input.note ?? null },
      now,
    );
    let agreementId: number | null = null;
    if (input.agreement) {
      const a = input.agreement;
      agreementId = tx
        .insert(agreements)
        .values({ caseId, facts: a.facts, responsibility: a.responsibility ?? "", amountFen: toFen(a.amountYuan), madeAt: now })
        .returning({ id: agreements.id })
        .get().id;
      for (const o of a.obligations) {
        const obligationId = tx
          .insert(obligations)
          .values({
            agreementId,
            obligor: o.obligor,
            description: o.description,
            amountFen: toFen(o.amountYuan),
            method: o.method ?? null,
            place: o.place ?? null,
          })
          .returning({ id: obligations.id })
          .get().id;
        const due = o.instalments ?? [{ dueOn: o.dueOn!, amountYuan: o.amountYuan }];
        due.forEach((d, i) =>
          tx
            .insert(instalments)
            .values({ obligationId, seq: i + 1, dueOn: d.dueOn, amountFen: toFen(d.amountYuan) })
            .run(),
        );
      }
    }
    audit(tx, {
      caseId,
      at: now,
      actor,
      actorUserId: user.id,
      event: "outcome",
      before: { status: row.status, outcome: row.outcome },
      after: { status, outcome: input.outcome, visits: input.visits, agreementId, obligations: input.agreement?.obligations.length ?? 0 },
    });
    refreshRecords(tx, { mediatorIds: [row.mediatorId], committeeIds: [row.committeeId] });
    releaseCaseBookings(tx, row, { onlyAfter: now }, CASE_CLOSED, now);
    const words = OUTCOME_WORDS[input.outcome];
    tellParties(tx, caseId, {
      template: "case.closed",
      params: { caseId, number: row.number, outcomeZh: words.zh, outcomeEn: words.en },
      at: now,
    });
    return view(tx, caseId, actor, user);
  });
}

export async function withdrawCase({
  user,
  caseId,
  reason,
  now,
}: {
  user: User;
  caseId: number;
  reason: string;
  now: number;
}): Promise<CaseView> {
  return writeTransaction(getDb(), (tx) => {
    const { row, actor } = caseForUser(tx, user, caseId);
    const status = move(tx, row, "withdraw", actor, { outcome: "withdrawn", closedAt: now, outcomeNote: reason }, now);
    audit(tx, {
      caseId,
      at: now,
      actor,
      actorUserId: user.id,
      event: "withdrawn",
      before: { status: row.status },
      after: { status, outcome: "withdrawn" },
    });
    refreshRecords(tx, { mediatorIds: [row.mediatorId], committeeIds: [row.committeeId] });
    releaseCaseBookings(tx, row, { onlyAfter: now }, CASE_CLOSED, now);
    const words = OUTCOME_WORDS.withdrawn;
    tellParties(tx, caseId, {
      template: "case.closed",
      params: { caseId, number: row.number, outcomeZh: words.zh, outcomeEn: words.en },
      at: now,
    });
    return view(tx, caseId, actor, user);
  });
}

/** The mediator (or staff) opens mediation once the mediator is agreed on (a session is held). */
export async function startMediation({ user, caseId, now }: { user: User; caseId: number; now: number }): Promise<CaseView> {
  return writeTransaction(getDb(), (tx) => {
    const { row, actor } = caseForUser(tx, user, caseId);
    assertOwnMediator(user, row, actor);
    const status = move(tx, row, "start-mediation", actor, {}, now);
    audit(tx, {
      caseId,
      at: now,
      actor,
      actorUserId: user.id,
      event: "mediation-started",
      before: { status: row.status },
      after: { status },
    });
    return view(tx, caseId, actor, user);
  });
}

/** The case's agreement; the rules have already judged that the case closed with one. */
function agreementOf(tx: Db | Tx, caseId: number) {
  const a = tx.select().from(agreements).where(eq(agreements.caseId, caseId)).get();
  if (!a) throw caseRefusal("illegal_transition", "no_agreement");
  return a;
}

/** A party acknowledges the agreement (a recorded click with its time); it takes effect when all have. */
export async function acknowledgeAgreement({
  user,
  code,
  caseId,
  now,
}: {
  user?: User;
  code?: string;
  caseId: number;
  now: number;
}): Promise<CaseView> {
  return writeTransaction(getDb(), (tx) => {
    const { row, actor, partyId } = partyActing(tx, { user, code, caseId, who: "acknowledge their agreement" });
    nextStatus("acknowledge-agreement", caseFacts(tx, row, partyId), actor, now);
    const a = agreementOf(tx, caseId);
    const res = tx
      .update(caseParties)
      .set({ agreementAckAt: now })
      .where(and(eq(caseParties.id, partyId), eq(caseParties.caseId, caseId), isNull(caseParties.agreementAckAt)))
      .run();
    if (res.changes !== 1) throw caseRefusal("illegal_transition", "already_acknowledged");
    audit(tx, { caseId, at: now, actor, actorUserId: user?.id ?? null, event: "agreement-acknowledged", after: { partyId } });
    const waiting = tx
      .select({ id: caseParties.id })
      .from(caseParties)
      .where(and(eq(caseParties.caseId, caseId), isNull(caseParties.agreementAckAt)))
      .all();
    if (waiting.length === 0 && a.effectiveAt === null) {
      tx.update(agreements).set({ effectiveAt: now }).where(eq(agreements.id, a.id)).run();
      audit(tx, {
        caseId,
        at: now,
        actor: "system",
        actorUserId: null,
        event: "agreement-effective",
        after: { effectiveAt: now, confirmBy: confirmationDeadline(now) },
      });
    }
    return view(tx, caseId, actor, user);
  });
}

function staffOnly(user: User): void {
  if (user.role !== "staff" && user.role !== "admin") throw new DomainError("forbidden", "Only the centre's staff record this");
}

/** Staff record the application for judicial confirmation, then (or at once) the court's decision. */
export async function recordJudicialConfirmation({
  user,
  caseId,
  input,
  now,
}: {
  user: User;
  caseId: number;
  input: JudicialConfirmationInput;
  now: number;
}): Promise<CaseView> {
  return writeTransaction(getDb(), (tx) => {
    const { row, actor } = caseForUser(tx, user, caseId);
    const before = tx.select().from(judicialConfirmations).where(eq(judicialConfirmations.caseId, caseId)).get() ?? null;
    // The first record is the application (within the law's 30 days); later ones record or correct the decision.
    nextStatus(before ? "record-confirmation-result" : "apply-confirmation", caseFacts(tx, row), actor, now);
    const values = {
      court: input.court,
      // A decision recorded without the application's day (the issue's `confirmedOn`, ADR 036) keeps the
      // day recorded before; with none before, the application and the decision are the same day.
      appliedOn: input.appliedOn ?? before?.appliedOn ?? input.decidedOn!,
      reference: input.reference ?? null,
      decidedOn: input.decidedOn ?? null,
      result: input.result ?? null,
      updatedAt: new Date(now),
    };
    if (before) tx.update(judicialConfirmations).set(values).where(eq(judicialConfirmations.caseId, caseId)).run();
    else
      tx.insert(judicialConfirmations)
        .values({ caseId, ...values, createdAt: new Date(now) })
        .run();
    audit(tx, {
      caseId,
      at: now,
      actor,
      actorUserId: user.id,
      event: "judicial-confirmation",
      before: before ? { result: before.result, court: before.court } : null,
      after: { court: input.court, result: input.result ?? null },
    });
    refreshRecords(tx, { mediatorIds: [row.mediatorId], committeeIds: [row.committeeId] });
    return view(tx, caseId, actor, user);
  });
}

/** Staff reopen a case whose confirmation the court rejected: it goes back to mediation. */
export async function reopenCase({ user, caseId, now }: { user: User; caseId: number; now: number }): Promise<CaseView> {
  return writeTransaction(getDb(), (tx) => {
    const { row, actor } = caseForUser(tx, user, caseId);
    const status = move(tx, row, "reopen", actor, { outcome: null, closedAt: null }, now);
    audit(tx, {
      caseId,
      at: now,
      actor,
      actorUserId: user.id,
      event: "reopened",
      before: { status: row.status, outcome: row.outcome },
      after: { status },
    });
    refreshRecords(tx, { mediatorIds: [row.mediatorId], committeeIds: [row.committeeId] });
    return view(tx, caseId, actor, user);
  });
}

/** Settled: paid (on time or late) or enforced; one awaiting enforcement is not yet. */
const SETTLED: ReadonlySet<string | null> = new Set(["on-time", "late", "enforced"]);

/**
 * The instalment a fulfilment that names none is about (ADR 036): its obligation's earliest unsettled
 * one, or without an obligation the agreement's only unsettled one.
 */
function instalmentToSettle(tx: Db | Tx, caseId: number, obligationId: number | undefined): number {
  const all = listInstalments(tx, caseId).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.seq - b.seq);
  const mine = obligationId === undefined ? all : all.filter((i) => i.obligationId === obligationId);
  if (obligationId !== undefined && mine.length === 0) throw new DomainError("not_found", "No such obligation on this case");
  const open = mine.filter((i) => !SETTLED.has(i.result));
  if (obligationId !== undefined && open.length === 0)
    throw new DomainError("invalid_input", "Every instalment of this obligation is settled: give instalmentId to correct one", {
      field: "obligation",
      reason: "obligation_settled",
    });
  if (obligationId === undefined && open.length !== 1)
    throw new DomainError("invalid_input", `The agreement has ${open.length} unsettled instalments: say which with obligation`, {
      field: "obligation",
      reason: "name_the_instalment",
    });
  return open[0]!.id;
}

export async function recordFulfilment({
  user,
  caseId,
  instalmentId: named,
  obligationId,
  result,
  now,
}: {
  user: User;
  caseId: number;
  /** The instalment, or else (the shape) its obligation's earliest unsettled one, or the only one. */
  instalmentId?: number;
  obligationId?: number;
  result: FulfilmentInput["result"];
  now: number;
}): Promise<CaseView> {
  return writeTransaction(getDb(), (tx) => {
    const { row, actor } = caseForUser(tx, user, caseId);
    const enforcement = result === "enforcement-requested" || result === "enforced";
    nextStatus(enforcement ? "mark-enforcement" : "record-fulfilment", caseFacts(tx, row), actor, now);
    const a = agreementOf(tx, caseId);
    const instalmentId = named ?? instalmentToSettle(tx, caseId, obligationId);
    const mine = tx
      .select({ id: obligations.id })
      .from(obligations)
      .where(eq(obligations.agreementId, a.id))
      .all()
      .map((o) => o.id);
    const inst = tx
      .select()
      .from(instalments)
      .where(and(eq(instalments.id, instalmentId), inArray(instalments.obligationId, mine.length ? mine : [-1])))
      .get();
    if (!inst) throw new DomainError("not_found", "No such instalment on this case");
    tx.update(instalments).set({ result, resultAt: now }).where(eq(instalments.id, instalmentId)).run();
    audit(tx, {
      caseId,
      at: now,
      actor,
      actorUserId: user.id,
      event: "fulfilment",
      before: { instalmentId, result: inst.result },
      after: { instalmentId, result },
    });
    refreshRecords(tx, { mediatorIds: [row.mediatorId], committeeIds: [row.committeeId] });
    return view(tx, caseId, actor, user);
  });
}

/** The instalments of a case's agreement, in order, with their obligation. */
export function listInstalments(tx: Db | Tx, caseId: number) {
  return tx
    .select({
      id: instalments.id,
      obligationId: obligations.id,
      obligor: obligations.obligor,
      description: obligations.description,
      seq: instalments.seq,
      dueOn: instalments.dueOn,
      amountFen: instalments.amountFen,
      result: instalments.result,
    })
    .from(instalments)
    .innerJoin(obligations, eq(obligations.id, instalments.obligationId))
    .innerJoin(agreements, eq(agreements.id, obligations.agreementId))
    .where(eq(agreements.caseId, caseId))
    .orderBy(asc(obligations.id), asc(instalments.seq))
    .all();
}

/** Each party of a closed case rates it once (1–5 stars and a comment). */
export async function rateCase({
  user,
  code,
  caseId,
  stars,
  comment,
  now,
}: {
  user?: User;
  code?: string;
  caseId: number;
  stars: number;
  comment?: string;
  now: number;
}): Promise<CaseView> {
  return writeTransaction(getDb(), (tx) => {
    const { row, actor, partyId } = partyActing(tx, { user, code, caseId, who: "rate it" });
    nextStatus("rate", caseFacts(tx, row, partyId), actor, now);
    tx.insert(ratings)
      .values({ caseId, casePartyId: partyId, stars, comment: comment ?? null, at: now })
      .run();
    audit(tx, { caseId, at: now, actor, actorUserId: user?.id ?? null, event: "rated", after: { stars } });
    refreshRecords(tx, { mediatorIds: [row.mediatorId], committeeIds: [row.committeeId] });
    return view(tx, caseId, actor, user);
  });
}

/** Staff hide an abusive comment, with a reason; the stars still count. Audited. */
export async function hideRatingComment({
  user,
  ratingId,
  reason,
  now,
}: {
  user: User;
  ratingId: number;
  reason: string;
  now: number;
}): Promise<void> {
  staffOnly(user);
  await writeTransaction(getDb(), (tx) => {
    const r = tx.select().from(ratings).where(eq(ratings.id, ratingId)).get();
    if (!r) throw new DomainError("not_found", "No such rating");
    tx.update(ratings).set({ hiddenAt: now, hiddenReason: reason, hiddenBy: user.id }).where(eq(ratings.id, ratingId)).run();
    audit(tx, {
      caseId: r.caseId,
      at: now,
      actor: "staff",
      actorUserId: user.id,
      event: "rating-hidden",
      before: { ratingId, hidden: r.hiddenAt !== null },
      after: { ratingId, hidden: true, reason },
    });
  });
}
