// A time held while a visitor signs in or registers (issue 11, ADR 029): a signed-out visitor picks a
// slot, and it is kept for them for HOLD_MINUTES so they come back to the same time. The visitor is
// known only by a random key in a cookie; the table stores its SHA-256, never the key. Other parties
// see the held time as busy (availability.server.ts counts unexpired holds of other holders) and
// booking it is refused; the holder's own booking consumes the hold. A hold that expires simply
// stops counting: nothing has to clean it up for the rules to hold (new holds delete the expired).
import crypto from "node:crypto";
import { and, eq, lte, or, sql } from "drizzle-orm";
import { writeTransaction, type Db, type Tx } from "../../db/client";
import { committees, mediators, slotHolds } from "../../db/schema";
import { CENTRE_TIMEZONE, type ModeSlug } from "../../domain";
import { localDateInZone } from "../../domain/zone";
import { getDb } from "../db.server";
import { slotAt } from "./assignment-book.server";
import { committeeMemberIds, committeeSlots, mediatorSlots } from "./availability.server";
import { DomainError } from "./errors";

export const HOLD_MINUTES = 10;

export const holderHash = (key: string) => crypto.createHash("sha256").update(key).digest("hex");
/** A fresh holder key for a browser that has none (256 random bits, URL-safe). */
export const newHolderKey = () => crypto.randomBytes(32).toString("base64url");

export type Subject = { kind: "mediator" | "committee"; id: number };

export interface Hold {
  subject: Subject;
  /** Epoch ms. */
  start: number;
  end: number;
  mode: ModeSlug | null;
  expiresAt: number;
}

const ofSubject = (s: Subject) => (s.kind === "mediator" ? eq(slotHolds.mediatorId, s.id) : eq(slotHolds.committeeId, s.id));

/**
 * Holds `start` of this mediator or committee for the holder of `key`, replacing any earlier hold of
 * theirs (one time per visitor). The time must be a free slot as of now, counting other visitors'
 * holds: a time someone else holds is `slot_taken`, like a booked one.
 */
export async function placeHold({
  subject,
  start,
  mode,
  key,
  now,
}: {
  subject: Subject;
  start: number;
  mode?: ModeSlug;
  key: string;
  now: number;
}): Promise<Hold> {
  const hash = holderHash(key);
  return writeTransaction(getDb(), (tx) => {
    const table = subject.kind === "mediator" ? mediators : committees;
    const active = tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, subject.id), eq(table.active, true)))
      .get();
    if (!active) throw new DomainError("not_found", `${subject.kind} not found`);
    const date = Number.isFinite(start) ? localDateInZone(start, CENTRE_TIMEZONE) : null;
    const q = date ? { from: date, to: date, mode, now, holder: hash } : null;
    const slots = q ? (subject.kind === "mediator" ? mediatorSlots(tx, subject.id, q) : committeeSlots(tx, subject.id, q)) : [];
    const slot = slots.find((s) => s.start === start);
    if (!slot) {
      // A slot but for someone's hold or booking: taken; otherwise no slot at all.
      const ids = subject.kind === "mediator" ? [subject.id] : committeeMemberIds(tx, subject.id);
      const exists = date !== null && ids.some((id) => slotAt(tx, id, start, mode, now, true) !== null);
      throw new DomainError(exists ? "slot_taken" : "not_available", "This time is not free to hold", {
        field: "start",
        reason: exists ? "taken" : "not_a_slot",
      });
    }
    tx.delete(slotHolds)
      .where(or(eq(slotHolds.holderHash, hash), lte(slotHolds.expiresAt, now)))
      .run();
    const expiresAt = now + HOLD_MINUTES * 60_000;
    tx.insert(slotHolds)
      .values({
        mediatorId: subject.kind === "mediator" ? subject.id : null,
        committeeId: subject.kind === "committee" ? subject.id : null,
        startAt: slot.start,
        endAt: slot.end,
        mode: mode ?? null,
        holderHash: hash,
        expiresAt,
        createdAt: now,
      })
      .run();
    return { subject, start: slot.start, end: slot.end, mode: mode ?? null, expiresAt };
  });
}

/** The holder's unexpired hold on this subject, if any (a read). */
export function holdFor({ subject, key, now }: { subject: Subject; key: string | null; now: number }): Hold | null {
  if (!key) return null;
  const row = getDb()
    .select()
    .from(slotHolds)
    .where(and(eq(slotHolds.holderHash, holderHash(key)), ofSubject(subject), sql`${slotHolds.expiresAt} > ${now}`))
    .get();
  return row ? { subject, start: row.startAt, end: row.endAt, mode: row.mode, expiresAt: row.expiresAt } : null;
}

/**
 * Inside a booking's write transaction: refuses a time another visitor holds (for this mediator, or
 * for this committee at this start), and consumes the booking party's own hold.
 */
export function settleHolds(
  tx: Db | Tx,
  b: { mediatorIds: number[]; committeeId?: number; start: number; end: number; holder: string | null; now: number },
): number[] {
  const others = b.holder ? holderHash(b.holder) : "";
  const rows = tx
    .select()
    .from(slotHolds)
    .where(and(sql`${slotHolds.expiresAt} > ${b.now}`, sql`${slotHolds.holderHash} <> ${others}`))
    .all();
  if (b.committeeId !== undefined && rows.some((h) => h.committeeId === b.committeeId && h.startAt === b.start))
    throw new DomainError("slot_taken", "Someone else holds this time; pick another slot", { field: "start", reason: "taken" });
  // The mediators someone else holds at an overlapping time: not to be booked meanwhile.
  const held = rows.filter((h) => h.mediatorId !== null && h.startAt < b.end && h.endAt > b.start).map((h) => h.mediatorId!);
  if (b.holder) tx.delete(slotHolds).where(eq(slotHolds.holderHash, holderHash(b.holder))).run();
  return b.mediatorIds.filter((id) => held.includes(id));
}
