// What an admin does to an existing account (issue 9): deactivate it (never delete: bookings, cases and
// audit rows keep pointing at it), reactivate it, move it between staff and admin, or (issue 11) edit
// it: name, e-mail, phone, role and linked mediator, to mend an account opened by mistake. Each is one
// write transaction that judges the row it reads there, revokes a deactivated person's sessions and API
// tokens in the same step, and writes an account_events row (who, when, before, after).
import { and, asc, count, desc, eq, isNull, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { writeTransaction, type Db } from "../../db/client";
import { accountEvents, mediators, sessions, users } from "../../db/schema";
import { namePinyin } from "../../domain/pinyin";
import { getDb } from "../db.server";
import { mediatorLinkRule } from "./accounts.server";
import { emailSchema, EmailTakenError, MediatorLinkedError, type Role, type User } from "./auth.server";
import { DomainError } from "./errors";
import { ISSUES } from "./issues";
import { mobileSchema } from "./otp-schemas";

/** Roles an admin may move an account between. A mediator account belongs to its pool record, a party's to the party. */
export const CHANGEABLE_ROLES = ["staff", "admin"] as const;

/** The last active admin would lock everyone out of administration: a conflict (409). */
export class LastAdminError extends DomainError {
  constructor() {
    super("conflict", "The last active administrator cannot be deactivated or demoted");
  }
}

function requireAdmin(by: User) {
  if (by.role !== "admin") throw new DomainError("forbidden", "Only an administrator changes accounts");
}

function target(tx: Db, userId: number) {
  const row = tx.select({ id: users.id, role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId)).get();
  if (!row) throw new DomainError("not_found", "No such account");
  return row;
}

/** Active admins other than `userId`, counted inside the transaction that would remove one. */
function otherActiveAdmins(tx: Db, userId: number): number {
  return (
    tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, userId)))
      .get()?.n ?? 0
  );
}

function changedMeanwhile(): never {
  throw new DomainError("illegal_transition", "The account changed meanwhile; reload it");
}

function audit(
  tx: Db,
  e: { userId: number; by: User; at: number; event: string; before: Record<string, unknown>; after: Record<string, unknown> },
) {
  tx.insert(accountEvents)
    .values({ userId: e.userId, actorUserId: e.by.id, at: e.at, event: e.event, before: e.before, after: e.after })
    .run();
}

/**
 * Deactivates an account: sign-in is refused from now on and every live session and token is
 * revoked at once. Returns how many sessions were revoked. An account already inactive is refused.
 */
export async function deactivateAccount({ by, userId, now }: { by: User; userId: number; now: number }): Promise<{ revoked: number }> {
  requireAdmin(by);
  return writeTransaction(getDb(), (tx) => {
    const row = target(tx, userId);
    if (row.disabledAt) throw new DomainError("illegal_transition", "The account is already deactivated");
    if (row.role === "admin" && otherActiveAdmins(tx, userId) === 0) throw new LastAdminError();
    const res = tx
      .update(users)
      .set({ disabledAt: new Date(now), updatedAt: new Date(now) })
      .where(and(eq(users.id, userId), isNull(users.disabledAt)))
      .run();
    if (res.changes !== 1) changedMeanwhile();
    const revoked = tx
      .update(sessions)
      .set({ revokedAt: new Date(now) })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .run().changes;
    audit(tx, { userId, by, at: now, event: "deactivated", before: { active: true }, after: { active: false, sessionsRevoked: revoked } });
    return { revoked };
  });
}

/** Lets a deactivated person sign in again (their old sessions stay revoked). */
export async function reactivateAccount({ by, userId, now }: { by: User; userId: number; now: number }): Promise<void> {
  requireAdmin(by);
  await writeTransaction(getDb(), (tx) => {
    const row = target(tx, userId);
    if (!row.disabledAt) throw new DomainError("illegal_transition", "The account is active");
    const res = tx
      .update(users)
      .set({ disabledAt: null, updatedAt: new Date(now) })
      .where(and(eq(users.id, userId), eq(users.disabledAt, row.disabledAt)))
      .run();
    if (res.changes !== 1) changedMeanwhile();
    audit(tx, { userId, by, at: now, event: "reactivated", before: { active: false }, after: { active: true } });
  });
}

/** Moves an account between staff and admin; demoting the last active admin is a LastAdminError. */
export async function changeRole({ by, userId, role, now }: { by: User; userId: number; role: Role; now: number }): Promise<void> {
  requireAdmin(by);
  if (!(CHANGEABLE_ROLES as readonly string[]).includes(role))
    throw new DomainError("invalid_input", "Only staff and admin roles are given here");
  await writeTransaction(getDb(), (tx) => {
    const row = target(tx, userId);
    if (!(CHANGEABLE_ROLES as readonly string[]).includes(row.role))
      throw new DomainError("illegal_transition", "A mediator's or a party's account keeps its role");
    if (row.role === role) return;
    if (row.role === "admin" && !row.disabledAt && otherActiveAdmins(tx, userId) === 0) throw new LastAdminError();
    const res = tx
      .update(users)
      .set({ role, updatedAt: new Date(now) })
      .where(and(eq(users.id, userId), eq(users.role, row.role)))
      .run();
    if (res.changes !== 1) changedMeanwhile();
    audit(tx, { userId, by, at: now, event: "role-changed", before: { role: row.role }, after: { role } });
  });
}

/** The edit form's fields. A blank phone removes it; a mediator account must stay linked to a mediator. */
export const editAccountSchema = z
  .object({
    name: z.string().trim().min(1, ISSUES.nameRequired).max(60),
    email: emailSchema,
    phone: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), mobileSchema.optional()),
    role: z.enum(["mediator", "staff", "admin"]),
    mediatorId: z.coerce.number().int().positive().optional(),
  })
  .superRefine(mediatorLinkRule);
export type EditAccountInput = z.infer<typeof editAccountSchema>;

/** A mediator the account may be linked to: active, and linked to no other account. */
function requireLinkable(tx: Db, mediatorId: number, userId: number) {
  const m = tx.select({ id: mediators.id, active: mediators.active }).from(mediators).where(eq(mediators.id, mediatorId)).get();
  if (!m || !m.active) throw new DomainError("invalid_input", ISSUES.mediatorUnknown);
  const other = tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.mediatorId, mediatorId), ne(users.id, userId)))
    .get();
  if (other) throw new MediatorLinkedError();
}

/**
 * Edits one of the centre's accounts (a party's account is the party's own: not found here). The audit
 * row names the fields that changed and the role and mediator before and after, never the e-mail or
 * phone themselves (account_events holds none). Nothing changed is no write and no audit row.
 */
export async function editAccount({
  by,
  userId,
  input,
  now,
}: {
  by: User;
  userId: number;
  input: EditAccountInput;
  now: number;
}): Promise<{ changed: string[] }> {
  requireAdmin(by);
  const v = editAccountSchema.parse(input);
  return writeTransaction(getDb(), (tx) => {
    const row = tx
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        phone: users.phone,
        role: users.role,
        mediatorId: users.mediatorId,
        updatedAt: users.updatedAt,
      })
      .from(users)
      .where(and(eq(users.id, userId), ne(users.role, "party")))
      .get();
    if (!row) throw new DomainError("not_found", "No such account");
    const next = { name: v.name, email: v.email, phone: v.phone ?? null, role: v.role, mediatorId: v.mediatorId ?? null };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== row[k]);
    if (changed.length === 0) return { changed };
    if (row.role === "admin" && v.role !== "admin" && otherActiveAdmins(tx, userId) === 0) throw new LastAdminError();
    if (next.mediatorId !== null && next.mediatorId !== row.mediatorId) requireLinkable(tx, next.mediatorId, userId);
    if (
      next.email !== row.email &&
      tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, next.email), ne(users.id, userId)))
        .get()
    )
      throw new EmailTakenError();
    const res = tx
      .update(users)
      .set({ ...next, updatedAt: new Date(now) })
      .where(and(eq(users.id, userId), eq(users.updatedAt, row.updatedAt)))
      .run();
    if (res.changes !== 1) changedMeanwhile();
    const kept = (o: { role: string; mediatorId: number | null }) => ({ role: o.role, mediatorId: o.mediatorId });
    audit(tx, { userId, by, at: now, event: "edited", before: { ...kept(row), fields: changed }, after: kept(next) });
    return { changed };
  });
}

const actor = alias(users, "actor");

/** The newest account events, for the admin page: who did what to whom, when. */
export function listAccountEvents({ by, limit = 30 }: { by: User; limit?: number }) {
  requireAdmin(by);
  return getDb()
    .select({
      id: accountEvents.id,
      at: accountEvents.at,
      event: accountEvents.event,
      before: accountEvents.before,
      after: accountEvents.after,
      userId: accountEvents.userId,
      userName: users.name,
      actorName: actor.name,
    })
    .from(accountEvents)
    .innerJoin(users, eq(users.id, accountEvents.userId))
    .leftJoin(actor, eq(actor.id, accountEvents.actorUserId))
    .orderBy(desc(accountEvents.id))
    .limit(limit)
    .all();
}

/**
 * The mediators an account may be linked to, for the admin's picker: active and without an account,
 * plus `including` (the one the edited account is linked to now). Each with its name's pinyin, so the
 * picker finds 龙旭 by "longxu" or "lx" without shipping a pinyin dictionary to the browser.
 */
export function mediatorChoices({ by, including }: { by: User; including?: number | null }) {
  requireAdmin(by);
  const free = isNull(users.id);
  return getDb()
    .select({ id: mediators.id, name: mediators.name, kind: mediators.kind })
    .from(mediators)
    .leftJoin(users, eq(users.mediatorId, mediators.id))
    .where(and(eq(mediators.active, true), including ? or(free, eq(mediators.id, including)) : free))
    .orderBy(asc(mediators.id))
    .all()
    .map((m) => ({ ...m, pinyin: namePinyin(m.name) }));
}

/** One of the centre's accounts as the edit form shows it (a party's is not found here). */
export function accountForEdit({ by, userId }: { by: User; userId: number }) {
  requireAdmin(by);
  const row = getDb()
    .select({ id: users.id, name: users.name, email: users.email, phone: users.phone, role: users.role, mediatorId: users.mediatorId })
    .from(users)
    .where(and(eq(users.id, userId), ne(users.role, "party")))
    .get();
  if (!row) throw new DomainError("not_found", "No such account");
  return row;
}
