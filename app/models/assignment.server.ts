// Who takes an order, and what the case page reads of it. A committee order goes to the member the
// fallback ranking (ADR 021) puts first among the members free at the time ordered: the same hard
// filters (on leave, over capacity, conflicted) and the same criteria, restricted to the committee.
// Replaces the committee's private rotation; the booking column keeps its old word for the API.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { bookings, caseAssignments } from "../../db/schema";
import type { CreateBookingInput } from "./booking-schemas";
import type { User } from "./auth.server";
import { caseForUser } from "./cases.server";
import { DomainError } from "./errors";
import { loadCandidateFacts, toReason, type FallbackReason } from "./fallback.server";
import { rankCandidates, type Considered } from "./fallback-rank";
import { recordAssignment } from "./assignment-flow.server";
import { getDb } from "../db.server";
import type { Slot } from "./slots";

type Handle = Db | Tx;

export interface Member {
  mediatorId: number;
  committeeId: number;
  reason: FallbackReason;
}

/**
 * The member for a committee order at one time. `fits` are the members free then (in the mode and
 * town asked). The case is not written yet, so the conflict check reads the order's own words.
 */
export function chooseMember(
  tx: Handle,
  committeeId: number,
  fits: Map<number, Slot>,
  o: { party: User; input: CreateBookingInput; now: number },
): Member {
  const c = {
    id: 0,
    category: o.input.category,
    town: o.input.town ?? null,
    description: o.input.summary,
    partyNames: [o.party.name, o.input.counterpartyName ?? ""].filter(Boolean),
  };
  const candidates = loadCandidateFacts(tx, c, { committeeId }, o.now);
  const ranking = rankCandidates({
    candidates,
    slotOf: (id) => {
      const s = fits.get(id);
      return s ? { start: s.start, end: s.end, mode: o.input.mode, preferred: true } : null;
    },
    now: o.now,
  });
  if (!ranking.winner)
    throw new DomainError("not_available", "No member of the committee can take this case at this time", {
      field: "start",
      reason: "not_a_slot",
    });
  return { mediatorId: ranking.winner.mediatorId, committeeId, reason: toReason(ranking, c, { committeeId }) };
}

/**
 * The attempt an order makes: the party's pick (rank 1) or the committee's member, asked with the
 * booking. A rescheduled booking carries its attempt along (the ask is now the new booking).
 */
export function recordOrder(
  tx: Handle,
  o: { booking: typeof bookings.$inferSelect; member: Member | null; rescheduledFromId?: number; now: number },
): void {
  const b = o.booking;
  if (o.rescheduledFromId) {
    tx.update(caseAssignments)
      .set({ reason: sql`json_set(${caseAssignments.reason}, '$.bookingId', ${b.id})`, respondBy: b.respondBy })
      .where(
        and(
          eq(caseAssignments.caseId, b.caseId),
          eq(caseAssignments.status, "asked"),
          sql`json_extract(${caseAssignments.reason}, '$.bookingId') = ${o.rescheduledFromId}`,
        ),
      )
      .run();
    return;
  }
  recordAssignment(tx, {
    caseId: b.caseId,
    mediatorId: b.mediatorId,
    committeeId: o.member?.committeeId ?? null,
    rule: o.member ? "committee-member" : "pick",
    pickRank: o.member ? null : 1,
    reason: o.member ? { ...o.member.reason, bookingId: b.id } : { rule: "pick", bookingId: b.id },
    respondBy: b.respondBy,
    now: o.now,
  });
}

// ── what the case page reads ──────────────────────────────────────────────────────────────────────

export interface AssignmentEntry {
  id: number;
  rule: string;
  status: string;
  mediatorId: number | null;
  mediatorName: string | null;
  pickRank: number | null;
  decidedAt: number;
  respondBy: number | null;
  /** Staff and the case's mediators read the reason; a party reads only what the sentence needs. */
  reason: Record<string, unknown> | null;
  note: string | null;
  sentence: {
    rule: string;
    team: string | null;
    decidedBy: string | null;
    island: boolean;
    language: string | null;
    slot: { start: string; mode: string } | null;
  };
}

/** The attempts on a case, oldest first, as this viewer may read them (someone else's case: not found). */
export function assignmentsOf({ user, caseId }: { user: User; caseId: number }): { entries: AssignmentEntry[]; viewer: string } {
  const db = getDb();
  const { actor } = caseForUser(db, user, caseId);
  // Staff read every reason; a mediator only the reason of their own attempt (others' facts are not theirs).
  const reads = (r: { mediatorId: number | null }) =>
    actor === "staff" || (actor === "mediator" && r.mediatorId !== null && r.mediatorId === user.mediatorId);
  const rows = db.select().from(caseAssignments).where(eq(caseAssignments.caseId, caseId)).orderBy(asc(caseAssignments.id)).all();
  const names = new Map(
    db
      .select({ id: sql<number>`m.id`, name: sql<string>`m.name` })
      .from(sql`mediators m`)
      .where(sql`m.id in (select mediator_id from case_assignments where case_id = ${caseId})`)
      .all()
      .map((r) => [r.id, r.name]),
  );
  return {
    viewer: actor,
    entries: rows.map((r) => {
      const reason = (r.reason ?? {}) as Partial<FallbackReason> & { bookingId?: number };
      const chosen = (reason.considered ?? []).find((c) => c.mediatorId === r.mediatorId) as
        (Omit<Considered, "slot"> & { slot: { start: string; mode: string } }) | undefined;
      return {
        id: r.id,
        rule: r.rule,
        status: r.status,
        mediatorId: r.mediatorId,
        mediatorName: r.mediatorId ? (names.get(r.mediatorId) ?? null) : null,
        pickRank: r.pickRank,
        decidedAt: r.decidedAt,
        respondBy: r.respondBy,
        reason: reads(r) ? r.reason : null,
        note: reads(r) ? r.note : null,
        sentence: {
          rule: r.rule,
          team: reason.team ?? null,
          decidedBy: (reason.decidedBy as string | undefined) ?? null,
          island: reason.island === true,
          language: reason.language ?? null,
          slot: chosen ? { start: chosen.slot.start, mode: chosen.slot.mode } : null,
        },
      };
    }),
  };
}
