// Claiming an account (issue 9): most of the pool has no account, so requests to them wait at the
// centre's desk. An admin sends each pool member a link; opening it, the member chooses a sign-in
// e-mail and a password and becomes the mediator account of their record. The link's token is random
// and only its SHA-256 is kept (as for sessions); it works once, lapses after CLAIM_TTL_MS, and issuing
// a new one for the same mediator revokes the old. The token is shown to the admin once and written
// into the invitation's notification, which is the message that carries it.
import crypto from "node:crypto";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { writeTransaction, type Db } from "../../db/client";
import { accountClaims, accountEvents, mediators, users } from "../../db/schema";
import type { Locale } from "../../domain";
import { getDb } from "../db.server";
import { conflictOf, emailSchema, hashPassword, MediatorLinkedError, passwordSchema, type User } from "./auth.server";
import { DomainError } from "./errors";
import { CENTRE_DESK, notifyAddress } from "./notifications.server";

/** Seven days: long enough to reach someone who checks messages weekly, short enough to go stale. */
export const CLAIM_TTL_MS = 7 * 86_400_000;

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

/**
 * Where the invitation goes: an e-mail address or a mobile number the admin has for the member
 * (blank: the centre's desk). Null when it is neither.
 */
export function parseContact(raw: string | undefined): Contact | undefined | null {
  const v = (raw ?? "").trim();
  if (!v) return undefined;
  const email = emailSchema.safeParse(v);
  if (email.success) return { channel: "email", to: email.data };
  return /^\+?[0-9 -]{6,20}$/.test(v) ? { channel: "sms", to: v } : null;
}
export type Contact = { channel: "email" | "sms"; to: string };

export const claimSchema = z.object({ email: emailSchema, password: passwordSchema });

/** The claim could not be used: `gone` when it existed but was used, revoked or lapsed (410), else 404. */
export class ClaimUnusableError extends DomainError {
  constructor(readonly gone: boolean) {
    super("not_found", "This claim link is not valid");
  }
}

function requireAdmin(by: User) {
  if (by.role !== "admin") throw new DomainError("forbidden", "Only an administrator invites pool members");
}

export interface IssuedClaim {
  mediatorId: number;
  mediatorName: string;
  /** The whole link with its token: shown to the admin once, never stored. */
  link: string;
  expiresAt: number;
  sentTo: "contact" | "desk";
}

/** Inside a write transaction: revoke the mediator's open claims, make a new one and send it. */
function issueOne(
  tx: Db,
  by: User,
  m: { id: number; name: string },
  o: { now: number; linkBase: string; contact?: Contact; locale: Locale },
) {
  tx.update(accountClaims)
    .set({ revokedAt: o.now })
    .where(and(eq(accountClaims.mediatorId, m.id), isNull(accountClaims.usedAt), isNull(accountClaims.revokedAt)))
    .run();
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = o.now + CLAIM_TTL_MS;
  tx.insert(accountClaims)
    .values({ tokenHash: sha256(token), mediatorId: m.id, issuedByUserId: by.id, issuedAt: o.now, expiresAt })
    .run();
  const link = `${o.linkBase.replace(/\/$/, "")}/claim/${token}`;
  // The pool holds no address of its members: without one from the admin, the desk passes it on.
  const to = o.contact ?? { channel: "email" as const, to: CENTRE_DESK };
  notifyAddress(
    tx,
    { ...to, locale: o.contact ? o.locale : "zh" },
    { template: "account.claim-invitation", params: { mediatorName: m.name, link, expiresAt }, at: o.now },
  );
  return { mediatorId: m.id, mediatorName: m.name, link, expiresAt, sentTo: o.contact ? ("contact" as const) : ("desk" as const) };
}

/** Active pool members without an account, read inside the transaction that invites them. */
function unclaimed(tx: Db, mediatorId?: number) {
  return tx
    .select({ id: mediators.id, name: mediators.name })
    .from(mediators)
    .leftJoin(users, eq(users.mediatorId, mediators.id))
    .where(and(isNull(users.id), eq(mediators.active, true), mediatorId === undefined ? undefined : eq(mediators.id, mediatorId)))
    .orderBy(asc(mediators.id))
    .all();
}

/** One invitation, for one mediator who has no account yet; a link issued before is revoked. */
export async function issueClaim(o: {
  by: User;
  mediatorId: number;
  contact?: Contact;
  now: number;
  linkBase: string;
  locale?: Locale;
}): Promise<IssuedClaim> {
  requireAdmin(o.by);
  return writeTransaction(getDb(), (tx) => {
    const [m] = unclaimed(tx, o.mediatorId);
    if (!m) {
      const exists = tx.select({ id: mediators.id }).from(mediators).where(eq(mediators.id, o.mediatorId)).get();
      throw exists ? new MediatorLinkedError() : new DomainError("not_found", "No such mediator");
    }
    return issueOne(tx, o.by, m, { ...o, locale: o.locale ?? "zh" });
  });
}

/** An invitation for every active pool member without an account, in one transaction, to the desk. */
export async function issueAllClaims(o: { by: User; now: number; linkBase: string }): Promise<IssuedClaim[]> {
  requireAdmin(o.by);
  return writeTransaction(getDb(), (tx) => unclaimed(tx).map((m) => issueOne(tx, o.by, m, { ...o, locale: "zh" })));
}

/** The open claim of a token, as of `now`; ClaimUnusableError otherwise. */
function openClaim(db: Db, token: string, now: number) {
  if (!token || token.length > 100) throw new ClaimUnusableError(false);
  const row = db
    .select({ claim: accountClaims, mediatorName: mediators.name })
    .from(accountClaims)
    .innerJoin(mediators, eq(mediators.id, accountClaims.mediatorId))
    .where(eq(accountClaims.tokenHash, sha256(token)))
    .get();
  if (!row) throw new ClaimUnusableError(false);
  const c = row.claim;
  if (c.usedAt !== null || c.revokedAt !== null || c.expiresAt <= now) throw new ClaimUnusableError(true);
  return { ...c, mediatorName: row.mediatorName };
}

/** What the claim page shows: the mediator's name and when the link lapses. */
export function findClaim({ token, now }: { token: string; now: number }): { mediatorName: string; expiresAt: number } {
  const c = openClaim(getDb(), token, now);
  return { mediatorName: c.mediatorName, expiresAt: c.expiresAt };
}

/**
 * Opens the mediator account the claim is for and uses the claim up, in one transaction: the claim is
 * judged again there and marked used only if still open (row count checked), so a link posted twice
 * at once opens one account. The password is hashed before (argon2 is slow; the lock is shared).
 */
export async function claimAccount(o: { token: string; email: string; password: string; now: number; locale: Locale }): Promise<User> {
  const v = claimSchema.parse({ email: o.email, password: o.password });
  openClaim(getDb(), o.token, o.now); // refuse a dead link before spending a hash on it
  const passwordHash = await hashPassword(v.password);
  let mediatorId: number | null = null;
  try {
    return await writeTransaction(getDb(), (tx) => {
      const c = openClaim(tx, o.token, o.now);
      mediatorId = c.mediatorId;
      if (tx.select({ id: users.id }).from(users).where(eq(users.mediatorId, c.mediatorId)).get()) throw new MediatorLinkedError();
      const user = tx
        .insert(users)
        .values({ email: v.email, passwordHash, name: c.mediatorName, role: "mediator", mediatorId: c.mediatorId, locale: o.locale })
        .returning({
          id: users.id,
          email: users.email,
          name: users.name,
          phone: users.phone,
          role: users.role,
          mediatorId: users.mediatorId,
        })
        .get();
      const used = tx
        .update(accountClaims)
        .set({ usedAt: o.now, userId: user.id })
        .where(
          and(
            eq(accountClaims.id, c.id),
            isNull(accountClaims.usedAt),
            isNull(accountClaims.revokedAt),
            gt(accountClaims.expiresAt, o.now),
          ),
        )
        .run();
      if (used.changes !== 1) throw new ClaimUnusableError(true);
      tx.insert(accountEvents)
        .values({
          userId: user.id,
          actorUserId: null,
          at: o.now,
          event: "claimed",
          before: null,
          after: { role: "mediator", mediatorId: c.mediatorId },
        })
        .run();
      return user;
    });
  } catch (error) {
    throw conflictOf(error, v.email, mediatorId) ?? error;
  }
}

/** For the admin's list: when each unclaimed member's open invitation lapses (none: never invited). */
export function openInvitations(now: number): Map<number, number> {
  const rows = getDb()
    .select({ mediatorId: accountClaims.mediatorId, expiresAt: accountClaims.expiresAt })
    .from(accountClaims)
    .where(and(isNull(accountClaims.usedAt), isNull(accountClaims.revokedAt), gt(accountClaims.expiresAt, now)))
    .all();
  return new Map(rows.map((r) => [r.mediatorId, r.expiresAt]));
}
