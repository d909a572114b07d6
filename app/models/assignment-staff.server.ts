// What the centre's staff (and an asked mediator) do with the fallback: read the suggestion, accept it
// in one step or choose another with a reason, route the case to the general mediation window, decline
// an ask, switch a category to automatic assignment. Each write is one writeTransaction with its state
// checks inside and its row counts checked; roles are checked here as well as in the route.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { writeTransaction, type Db, type Tx } from "../../db/client";
import { bookings, caseAssignments, cases, categorySettings } from "../../db/schema";
import { caseDaysFor, CATEGORY_SLUGS, CENTRE_TIMEZONE, type LanguageSlug, type ModeSlug } from "../../domain";
import { isoInZone } from "../../domain/zone";
import { getDb } from "../db.server";
import { bookFor, partyUserOf } from "./assignment-book.server";
import { advanceAfter, asFallbackCase, recordAssignment, settle, standingOf, type CaseRow } from "./assignment-flow.server";
import type { AssignInput } from "./assignment-schemas";
import type { User } from "./auth.server";
import { bookingTimeChanged } from "./availability.server";
import type { BookingView } from "./booking-view";
import { readBooking } from "./bookings.server";
import { audit } from "./case-audit.server";
import { DomainError } from "./errors";
import { suggest, type FallbackReason } from "./fallback.server";

type Handle = Db | Tx;
const isStaff = (u: User) => u.role === "staff" || u.role === "admin";
function requireStaff(u: User): void {
  if (!isStaff(u)) throw new DomainError("forbidden", "Only the centre's staff assign cases");
}

function openCaseRow(tx: Handle, caseId: number): CaseRow {
  const c = tx.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!c) throw new DomainError("not_found", "Case not found");
  if (c.closedAt !== null) throw new DomainError("illegal_transition", "The case is closed");
  return c;
}

export interface SuggestionView {
  suggestion: { mediatorId: number; slot: { start: string; end: string; mode: ModeSlug } } | null;
  reason: FallbackReason;
}

/** The suggestion for a case, explained; nothing is booked. Staff only. */
export function fallbackFor({
  user,
  caseId,
  language,
  now,
}: {
  user: User;
  caseId: number;
  language?: LanguageSlug;
  now: number;
}): SuggestionView {
  requireStaff(user);
  const db = getDb();
  const c = openCaseRow(db, caseId);
  const { winner, reason } = suggest(db, asFallbackCase(c), { language }, now);
  return {
    suggestion: winner
      ? {
          mediatorId: winner.mediatorId,
          slot: {
            start: isoInZone(winner.slot.start, CENTRE_TIMEZONE),
            end: isoInZone(winner.slot.end, CENTRE_TIMEZONE),
            mode: winner.slot.mode,
          },
        }
      : null,
    reason,
  };
}

/** Ends whatever stands on the case (an unanswered ask and its pending request), as superseded. */
function supersedeStanding(tx: Handle, caseId: number, now: number): void {
  const standing = standingOf(tx, caseId);
  if (!standing) return;
  if (standing.status === "accepted")
    throw new DomainError("illegal_transition", "A mediator has accepted this case: they must recuse first", {
      field: "_",
      reason: "changed_meanwhile",
    });
  if (!settle(tx, standing.id, "asked", "superseded", now))
    throw new DomainError("illegal_transition", "The case changed meanwhile; reload it", { field: "_", reason: "changed_meanwhile" });
  const bookingId = (standing.reason as { bookingId?: number } | null)?.bookingId;
  if (bookingId) cancelPending(tx, bookingId, "superseded by the centre", now);
}

export function cancelPending(tx: Handle, bookingId: number, why: string, now: number): void {
  const b = tx.select().from(bookings).where(eq(bookings.id, bookingId)).get();
  if (!b) return;
  const res = tx
    .update(bookings)
    .set({ status: "cancelled", cancelReason: why, cancelledBy: "staff", updatedAt: new Date(now) })
    .where(and(eq(bookings.id, bookingId), inArray(bookings.status, ["pending", "confirmed"])))
    .run();
  if (res.changes === 1) bookingTimeChanged(tx, b, "released");
}

/**
 * Staff assign: the suggestion in one step (the same mediator as the suggestion made now), or another
 * mediator with a reason. The mediator is asked by booking them at `start` in `mode`; a conflicted
 * mediator is refused whoever chooses them.
 */
export async function assignCase({
  user,
  caseId,
  input,
  now,
}: {
  user: User;
  caseId: number;
  input: AssignInput;
  now: number;
}): Promise<BookingView> {
  requireStaff(user);
  return writeTransaction(getDb(), (tx) => {
    const c = openCaseRow(tx, caseId);
    if (c.mediatorId !== null || c.status !== "submitted")
      throw new DomainError("illegal_transition", "The case already has its mediator", { field: "_", reason: "changed_meanwhile" });
    const { winner, reason } = suggest(tx, asFallbackCase(c), { language: input.language }, now);
    const isSuggestion = winner?.mediatorId === input.mediatorId;
    if (!isSuggestion && !input.reason)
      throw new DomainError("invalid_input", "Say why you choose someone other than the suggestion", {
        field: "_",
        reason: "changed_meanwhile",
      });
    const conflicted = reason.skipped.find((s) => s.mediatorId === input.mediatorId && s.why === "conflict");
    if (conflicted) throw new DomainError("conflict", "This mediator has a conflict of interest with the case's parties");
    supersedeStanding(tx, caseId, now);
    const booking = bookFor(tx, {
      caseId,
      partyUserId: partyUserOf(tx, caseId),
      mediatorId: input.mediatorId,
      start: Date.parse(input.start),
      mode: input.mode,
      town: c.town,
      label: isSuggestion ? "suggestion" : "staff-choice",
      now,
    });
    const rule = isSuggestion ? "suggestion" : "staff-choice";
    recordAssignment(tx, {
      caseId,
      mediatorId: input.mediatorId,
      rule,
      reason: { ...reason, rule, bookingId: booking.id, suggested: winner?.mediatorId ?? null },
      note: input.reason ?? null,
      decidedByUserId: user.id,
      respondBy: booking.respondBy,
      now,
    });
    audit(tx, { caseId, at: now, actor: "staff", actorUserId: user.id, event: "assigned", after: { rule, mediatorId: input.mediatorId } });
    return readBooking(tx, user, booking.id, now)!;
  });
}

/** The last fallback: the general mediation window takes the case (件件有着落). */
export async function routeToGeneralWindow({ user, caseId, note, now }: { user: User; caseId: number; note?: string; now: number }) {
  requireStaff(user);
  return writeTransaction(getDb(), (tx) => {
    openCaseRow(tx, caseId);
    supersedeStanding(tx, caseId, now);
    const res = tx
      .update(cases)
      .set({ generalWindowAt: now, updatedAt: new Date(now) })
      .where(and(eq(cases.id, caseId), isNull(cases.generalWindowAt), isNull(cases.closedAt)))
      .run();
    if (res.changes !== 1) throw new DomainError("illegal_transition", "The case is already at the general mediation window");
    recordAssignment(tx, {
      caseId,
      mediatorId: null,
      rule: "general-window",
      status: "accepted",
      reason: { rule: "general-window" },
      note: note ?? null,
      decidedByUserId: user.id,
      now,
    });
    audit(tx, { caseId, at: now, actor: "staff", actorUserId: user.id, event: "general-window", after: { note: note ?? null } });
    return { caseId, generalWindowAt: isoInZone(now, CENTRE_TIMEZONE) };
  });
}

/**
 * The asked mediator declines the case (staff for them name them): the attempt is declined, its pending
 * request declined and its time released, and the next pick or the fallback is asked at once.
 */
export async function declineCase({
  user,
  caseId,
  mediatorId,
  reason,
  now,
}: {
  user: User;
  caseId: number;
  mediatorId?: number;
  reason: string;
  now: number;
}) {
  const who = isStaff(user) ? mediatorId : user.role === "mediator" ? (user.mediatorId ?? undefined) : undefined;
  if (who === undefined)
    throw new DomainError(
      isStaff(user) ? "invalid_input" : "forbidden",
      isStaff(user) ? "Name the mediator you decline for" : "Only the asked mediator or staff decline",
    );
  return writeTransaction(getDb(), (tx) => {
    const row = tx
      .select()
      .from(caseAssignments)
      .where(and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.mediatorId, who), eq(caseAssignments.status, "asked")))
      .get();
    // Someone not asked on this case learns nothing about it.
    if (!row) throw new DomainError("not_found", "No request to this mediator on this case");
    if (!settle(tx, row.id, "asked", "declined", now)) throw new DomainError("illegal_transition", "The case changed meanwhile; reload it");
    tx.update(caseAssignments).set({ note: reason }).where(eq(caseAssignments.id, row.id)).run();
    const bookingId = (row.reason as { bookingId?: number } | null)?.bookingId;
    const b = bookingId ? tx.select().from(bookings).where(eq(bookings.id, bookingId)).get() : undefined;
    if (b) {
      const res = tx
        .update(bookings)
        .set({ status: "declined", declineReason: reason, actedByUserId: isStaff(user) ? user.id : null, updatedAt: new Date(now) })
        .where(and(eq(bookings.id, b.id), eq(bookings.status, "pending")))
        .run();
      if (res.changes === 1) bookingTimeChanged(tx, b, "released");
    }
    audit(tx, {
      caseId,
      at: now,
      actor: isStaff(user) ? "staff" : "mediator",
      actorUserId: user.id,
      event: "assignment-declined",
      after: { mediatorId: who },
    });
    const next = advanceAfter(tx, caseId, now, { preferStart: b?.startAt, preferMode: b?.mode, partyUserId: b?.partyUserId });
    return { caseId, declined: who, next: next ? { rule: next.rule, mediatorId: next.mediatorId, status: next.status } : null };
  });
}

// ── per category: automatic assignment, and the days a case is due in ─────────────────────────────

/** The days staff may give a category to conclude mediation in ("normally within 30 days"). */
export const DUE_DAYS = { min: 1, max: 90 } as const;
const dueDaysField = z.string().trim().min(1).transform(Number).pipe(z.number().int().min(DUE_DAYS.min).max(DUE_DAYS.max));
/**
 * The categories form: the categories switched to automatic assignment, and the days per category as
 * typed (a category left out keeps what it has). A bad number is a field error under `days.<category>`.
 */
export const categorySettingsSchema = z.strictObject({
  auto: z.array(z.string()),
  days: z.strictObject(
    Object.fromEntries(CATEGORY_SLUGS.map((c) => [c, dueDaysField.optional()])) as Record<string, z.ZodOptional<typeof dueDaysField>>,
  ),
});
export type CategorySettingsInput = z.output<typeof categorySettingsSchema>;

export interface CategorySettingView {
  category: string;
  autoAssign: boolean;
  /** The days a case filed now is due in: the centre's, else the domain's (caseDaysFor). */
  dueDays: number;
}

export function categorySettingsFor(user: User): CategorySettingView[] {
  requireStaff(user);
  const rows = new Map(
    getDb()
      .select()
      .from(categorySettings)
      .all()
      .map((r) => [r.category, r]),
  );
  return CATEGORY_SLUGS.map((category) => ({
    category,
    autoAssign: rows.get(category)?.autoAssign ?? false,
    dueDays: rows.get(category)?.dueDays ?? caseDaysFor(category),
  }));
}

/** Switch categories to automatic assignment (those in `on`) and off (the rest); due days unchanged. */
export async function setAutoAssign({ user, on, now }: { user: User; on: string[]; now: number }): Promise<void> {
  await saveCategorySettings({ user, input: { auto: on, days: {} }, now });
}

/**
 * The categories form in one transaction: automatic assignment per category, and the due days of the
 * categories given (filing reads them: a case filed afterwards is due in that many days). The row keeps
 * who changed it last and when.
 */
export async function saveCategorySettings({ user, input, now }: { user: User; input: CategorySettingsInput; now: number }): Promise<void> {
  requireStaff(user);
  await writeTransaction(getDb(), (tx) => {
    for (const category of CATEGORY_SLUGS) {
      const autoAssign = input.auto.includes(category);
      const days = input.days[category];
      const set = { autoAssign, ...(days === undefined ? {} : { dueDays: days }), updatedByUserId: user.id, updatedAt: now };
      tx.insert(categorySettings)
        .values({ category, ...set })
        .onConflictDoUpdate({ target: categorySettings.category, set })
        .run();
    }
  });
}
