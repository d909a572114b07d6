// Forgotten passwords (issue 11): by phone (a reset code, otp.server.ts) or by e-mail (a link whose
// token is 32 random bytes, only its SHA-256 kept, valid 30 minutes, used once). Asking answers alike
// whether or not the address has an account. A reset sets the password and revokes every session and
// API token of the account in the same transaction; the route then starts the one new session.
import crypto from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { writeTransaction, type Db, type Tx } from "../../db/client";
import { accountEvents, passwordResets, sessions, users } from "../../db/schema";
import type { Locale } from "../../domain";
import { env } from "../env.server";
import { getDb } from "../db.server";
import { emailSchema, hashPassword, passwordSchema, RateLimitedError, type User } from "./auth.server";
import { ISSUES } from "./issues";
import { notifyAddress } from "./notifications.server";
import { checkOtp, mobileSchema, otpCodeSchema, useCode } from "./otp.server";
import { consume, type Limit } from "./rate-limit.server";

export const RESET_LINK_TTL_MS = 30 * 60_000;
export const RESET_EMAIL_LIMITS: { email: Limit; address: Limit } = {
  email: { max: 3, windowMs: 60 * 60_000 },
  address: { max: 20, windowMs: 60 * 60_000 },
};

const newPassword = z
  .object({ password: passwordSchema, confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: ISSUES.passwordsDiffer });
export const resetByCodeSchema = z.object({ phone: mobileSchema, code: otpCodeSchema }).and(newPassword);
export const resetByLinkSchema = newPassword;
export const forgotEmailSchema = z.object({ email: emailSchema });

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");
const columns = { id: users.id, email: users.email, name: users.name, phone: users.phone, role: users.role, mediatorId: users.mediatorId };

/** Sends a reset link when the address belongs to an active account; otherwise does nothing, silently. */
export async function requestResetEmail(input: { email: string; address: string; now: number; locale: Locale }): Promise<void> {
  const { email, now } = input;
  const token = crypto.randomBytes(32).toString("base64url");
  const wait = await writeTransaction(getDb(), (tx) => {
    const byEmail = consume(tx, `reset:email:${sha256(email).slice(0, 32)}`, RESET_EMAIL_LIMITS.email, now);
    const byAddress = consume(tx, `reset:address:${input.address}`, RESET_EMAIL_LIMITS.address, now);
    const retryAfter = Math.max(byEmail.retryAfter, byAddress.retryAfter);
    if (retryAfter > 0) return retryAfter;
    const user = tx
      .select({ id: users.id, locale: users.locale, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.email, email))
      .get();
    if (!user || user.disabledAt) return 0;
    tx.insert(passwordResets)
      .values({ tokenHash: sha256(token), userId: user.id, createdAt: now, expiresAt: now + RESET_LINK_TTL_MS })
      .run();
    notifyAddress(
      tx,
      { channel: "email", to: email, locale: user.locale },
      {
        template: "auth.reset-link",
        params: { link: `${env().PUBLIC_URL}/reset-password/${token}`, minutes: RESET_LINK_TTL_MS / 60_000 },
        at: now,
      },
    );
    return 0;
  });
  if (wait > 0) throw new RateLimitedError(wait);
}

/** Whether a reset link is still good (the page asks before showing its form). */
export function resetLinkIsLive(token: string, now: number): boolean {
  if (!token || token.length > 100) return false;
  return !!getDb()
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, sha256(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .get();
}

/** Inside the reset's transaction: the new password, every session ended, the event recorded. */
function setPassword(tx: Db | Tx, userId: number, passwordHash: string, via: string, now: number) {
  tx.update(users)
    .set({ passwordHash, updatedAt: new Date(now) })
    .where(eq(users.id, userId))
    .run();
  tx.update(sessions)
    .set({ revokedAt: new Date(now) })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .run();
  tx.insert(accountEvents).values({ userId, actorUserId: userId, at: now, event: "password-reset", before: null, after: { via } }).run();
}

/** A reset link's form: null when the link is unknown, used or lapsed (a second use included). */
export async function resetWithLink(input: { token: string; password: string; now: number }): Promise<User | null> {
  const { now } = input;
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(getDb(), (tx) => {
    const row = tx
      .select({ id: passwordResets.id, userId: passwordResets.userId })
      .from(passwordResets)
      .where(and(eq(passwordResets.tokenHash, sha256(input.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .get();
    if (!row) return null;
    const used = tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.id, row.id), isNull(passwordResets.usedAt)))
      .run();
    if (used.changes !== 1) return null;
    const user = tx
      .select({ ...columns, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, row.userId))
      .get();
    if (!user || user.disabledAt) return null;
    setPassword(tx, user.id, passwordHash, "email", now);
    const { disabledAt: _, ...view } = user;
    return view;
  });
}

/** A reset code's form: null when the code is wrong, used, lapsed or the number has no active account. */
export async function resetWithCode(input: { phone: string; code: string; password: string; now: number }): Promise<User | null> {
  const { phone, now } = input;
  const check = await checkOtp({ phone, code: input.code, purpose: "reset", now });
  if (!check.ok) return null;
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(getDb(), (tx) => {
    const user = tx
      .select({ ...columns, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.loginPhone, phone))
      .get();
    if (!user || user.disabledAt || !useCode(tx, check.id, now)) return null;
    setPassword(tx, user.id, passwordHash, "phone", now);
    const { disabledAt: _, ...view } = user;
    return view;
  });
}
