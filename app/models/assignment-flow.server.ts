// Every request lands somewhere (件件有着落, ADR 021): the party's picks are asked in order, each within
// the response window; when one declines, expires or recuses the next is asked at once; when none is
// left the explained suggestion is applied (a category on automatic assignment; staff are told) or
// the case waits for staff. Each ask is a case_assignments row whose status follows the mediator's
// answer. Everything here runs inside the caller's write transaction, with state checks and row counts.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { connectionOf, type Db, type Tx } from "../../db/client";
import { caseAssignments, caseChoices, categorySettings, cases } from "../../db/schema";
import type { AssignmentRule, AssignmentStatus } from "../../domain";
import { bookFor, partyUserOf } from "./assignment-book.server";
import { audit } from "./case-audit.server";
import { DomainError } from "./errors";
import { slotFinder, suggest, type CaseForFallback, type SuggestOptions } from "./fallback.server";
import { notifyAddress, CENTRE_DESK, type Message } from "./notifications.server";

type Handle = Db | Tx;
export type CaseRow = typeof cases.$inferSelect;
export type AssignmentRow = typeof caseAssignments.$inferSelect;

/** Statuses of an attempt still standing: the mediator is being asked, or took the case. */
export const STANDING: AssignmentStatus[] = ["asked", "accepted"];

export function recordAssignment(
  tx: Handle,
  a: {
    caseId: number;
    mediatorId: number | null;
    committeeId?: number | null;
    rule: AssignmentRule;
    status?: AssignmentStatus;
    pickRank?: number | null;
    reason: Record<string, unknown>;
    note?: string | null;
    decidedByUserId?: number | null;
    respondBy?: number | null;
    now: number;
  },
): AssignmentRow {
  return tx
    .insert(caseAssignments)
    .values({
      caseId: a.caseId,
      mediatorId: a.mediatorId,
      committeeId: a.committeeId ?? null,
      rule: a.rule,
      status: a.status ?? "asked",
      pickRank: a.pickRank ?? null,
      reason: a.reason,
      note: a.note ?? null,
      decidedByUserId: a.decidedByUserId ?? null,
      decidedAt: a.now,
      respondBy: a.respondBy ?? null,
      answeredAt: a.status && a.status !== "asked" ? a.now : null,
    })
    .returning()
    .get();
}

/** The attempt standing on a case (asked or accepted), if any. */
export const standingOf = (tx: Handle, caseId: number) =>
  tx
    .select()
    .from(caseAssignments)
    .where(and(eq(caseAssignments.caseId, caseId), inArray(caseAssignments.status, STANDING)))
    .orderBy(asc(caseAssignments.id))
    .get();

/** Moves an attempt on from the state it was judged in; false when another process moved it first. */
export function settle(tx: Handle, id: number, from: AssignmentStatus, to: AssignmentStatus, now: number): boolean {
  return (
    tx
      .update(caseAssignments)
      .set({ status: to, answeredAt: now })
      .where(and(eq(caseAssignments.id, id), eq(caseAssignments.status, from)))
      .run().changes === 1
  );
}

/**
 * A booking's answer reaches the attempt it was made for (its id is in the reason): confirmed is
 * accepted; declined or expired moves the case on to the next pick or the fallback. A booking no
 * attempt was made for (a later session of a case under way) changes nothing here.
 */
export function bookingAnswered(
  tx: Handle,
  b: { id: number; caseId: number; startAt: number; mode: CaseRow["mode"]; partyUserId: number },
  answer: "accepted" | "declined" | "expired" | "superseded",
  now: number,
): void {
  const row = tx
    .select()
    .from(caseAssignments)
    .where(
      and(
        eq(caseAssignments.caseId, b.caseId),
        eq(caseAssignments.status, "asked"),
        sql`json_extract(${caseAssignments.reason}, '$.bookingId') = ${b.id}`,
      ),
    )
    .get();
  if (!row || !settle(tx, row.id, "asked", answer, now)) return;
  // A party who cancels their own request is not refused by anyone: nobody else is asked for them.
  if (answer === "declined" || answer === "expired")
    guarded(tx, () => advance(tx, b.caseId, now, { preferStart: b.startAt, preferMode: b.mode ?? undefined, partyUserId: b.partyUserId }));
}

/**
 * The next ask runs inside someone else's step (a decline, the expiry under another party's booking):
 * if it cannot be made, its writes are rolled back to a savepoint and the step itself still commits;
 * the case then waits for staff, who see it in the queue.
 */
function guarded<T>(tx: Handle, step: () => T): T | null {
  const connection = connectionOf(tx);
  connection.prepare("SAVEPOINT next_ask").run();
  try {
    const result = step();
    connection.prepare("RELEASE next_ask").run();
    return result;
  } catch (error) {
    connection.prepare("ROLLBACK TO next_ask").run();
    connection.prepare("RELEASE next_ask").run();
    if (!(error instanceof DomainError)) throw error;
    return null;
  }
}

/** `advance` inside another step: the step commits even when the next ask cannot be made. */
export const advanceAfter = (tx: Handle, caseId: number, now: number, ctx: AdvanceContext = {}): AssignmentRow | null =>
  guarded(tx, () => advance(tx, caseId, now, ctx));

export interface AdvanceContext extends Pick<SuggestOptions, "preferStart" | "preferMode" | "language"> {
  partyUserId?: number;
}

/** What the fallback reads of a case row; a flagged case's candidates are the pre-litigation team. */
export const asFallbackCase = (c: CaseRow): CaseForFallback => ({
  id: c.id,
  category: c.category,
  town: c.town,
  description: c.description,
  preLitigation: c.preLitigationAt !== null,
});

/** The case still needs someone: open, no mediator agreed, not at the general window, nobody standing. */
function needsSomeone(tx: Handle, c: CaseRow | undefined): c is CaseRow {
  return (
    !!c && c.closedAt === null && c.status === "submitted" && c.mediatorId === null && c.generalWindowAt === null && !standingOf(tx, c.id)
  );
}

const tellDesk = (tx: Handle, message: Message) => notifyAddress(tx, { channel: "email", to: CENTRE_DESK, locale: "zh" }, message);

/**
 * The next step for a case that needs someone: its next pick not yet tried (at the same time if they
 * are free then, else their earliest suitable slot; a pick with no free time is passed over and says
 * so), else the suggestion. Idempotent: a case with someone standing is left alone.
 */
export function advance(tx: Handle, caseId: number, now: number, ctx: AdvanceContext = {}): AssignmentRow | null {
  const c = tx.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!needsSomeone(tx, c)) return null;
  const tried = new Set(
    tx
      .select({ id: caseAssignments.mediatorId })
      .from(caseAssignments)
      .where(eq(caseAssignments.caseId, caseId))
      .all()
      .map((r) => r.id),
  );
  const picks = tx
    .select({ id: caseChoices.mediatorId, rank: caseChoices.rank })
    .from(caseChoices)
    .where(and(eq(caseChoices.caseId, caseId), eq(caseChoices.list, "pick")))
    .orderBy(asc(caseChoices.rank))
    .all()
    .filter((p) => !tried.has(p.id));
  const partyUserId = ctx.partyUserId ?? partyUserOf(tx, caseId);
  const find = slotFinder(tx, asFallbackCase(c), ctx, now);
  for (const p of picks) {
    const slot = find(p.id);
    // A pick on leave or without free time is passed over, and the row says why.
    if (!slot || "skip" in slot) {
      recordAssignment(tx, {
        caseId,
        mediatorId: p.id,
        rule: "pick",
        status: "superseded",
        pickRank: p.rank,
        reason: { rule: "pick", why: slot ? slot.skip : "no-free-slot" },
        now,
      });
      continue;
    }
    const booking = bookFor(tx, {
      caseId,
      partyUserId,
      mediatorId: p.id,
      start: slot.start,
      mode: slot.mode,
      town: c.town,
      label: "picked",
      now,
    });
    return recordAssignment(tx, {
      caseId,
      mediatorId: p.id,
      rule: "pick",
      pickRank: p.rank,
      reason: { rule: "pick", bookingId: booking.id, sameTime: slot.start === ctx.preferStart },
      respondBy: booking.respondBy,
      now,
    });
  }
  return applyFallback(tx, c, partyUserId, ctx, now);
}

export const autoAssignOn = (tx: Handle, category: string) =>
  tx.select({ on: categorySettings.autoAssign }).from(categorySettings).where(eq(categorySettings.category, category)).get()?.on === true;

/** Picks exhausted or none given: the suggestion, applied when the category says so, else staff decide. */
function applyFallback(tx: Handle, c: CaseRow, partyUserId: number, ctx: AdvanceContext, now: number): AssignmentRow | null {
  const { winner, reason } = suggest(tx, asFallbackCase(c), { language: ctx.language }, now);
  const params = { caseId: c.id, number: c.number ?? "", mediatorId: winner?.mediatorId ?? null };
  if (winner && autoAssignOn(tx, c.category)) {
    const booking = bookFor(tx, {
      caseId: c.id,
      partyUserId,
      mediatorId: winner.mediatorId,
      start: winner.slot.start,
      mode: winner.slot.mode,
      town: c.town,
      label: "automatic",
      now,
    });
    const row = recordAssignment(tx, {
      caseId: c.id,
      mediatorId: winner.mediatorId,
      rule: "automatic",
      reason: { ...reason, rule: "automatic", bookingId: booking.id },
      respondBy: booking.respondBy,
      now,
    });
    audit(tx, {
      caseId: c.id,
      at: now,
      actor: "system",
      actorUserId: null,
      event: "assigned",
      after: { rule: "automatic", mediatorId: winner.mediatorId },
    });
    tellDesk(tx, { template: "assignment.applied", params, at: now });
    return row;
  }
  audit(tx, {
    caseId: c.id,
    at: now,
    actor: "system",
    actorUserId: null,
    event: "fallback-waiting",
    after: { suggested: winner?.mediatorId ?? null },
  });
  tellDesk(tx, { template: "assignment.waiting", params, at: now });
  return null;
}

// ── the background job ────────────────────────────────────────────────────────────────────────────

/**
 * Recent cases filed with picks or none and never started (filing online or at the window asks no
 * one itself): the job starts them. Older ones are left to staff's queue: the job does not reach back
 * into history (the demo's cases, a restored backup). A case that waits for staff is marked by its
 * audit row, so it is not started again.
 */
export const START_WITHIN_MS = 2 * 86_400_000;

export function casesToStart(db: Handle, now: number): number[] {
  return db
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        eq(cases.status, "submitted"),
        isNull(cases.mediatorId),
        isNull(cases.generalWindowAt),
        isNull(cases.closedAt),
        sql`${cases.createdAt} >= ${now - START_WITHIN_MS}`,
        sql`not exists (select 1 from case_assignments a where a.case_id = ${cases.id})`,
        sql`not exists (select 1 from bookings b where b.case_id = ${cases.id})`,
        sql`not exists (select 1 from case_events e where e.case_id = ${cases.id} and e.event = 'fallback-waiting')`,
      ),
    )
    .limit(50)
    .all()
    .map((r) => r.id);
}

/** Inside the job's write transaction: read again under the lock, then start each. */
export function startCases(tx: Handle, now: number): number {
  let started = 0;
  for (const id of casesToStart(tx, now)) {
    advance(tx, id, now);
    started++;
  }
  return started;
}
