// One-time codes by text message (issue 11, ADR 024): to sign in or open an account with a mobile
// number, and to reset a password. A code is 6 random digits (crypto), kept only as an argon2id hash,
// valid 5 minutes, used once, dead after OTP_MAX_TRIES wrong tries. Sending is limited per phone and per
// client address (counted first, as logins are) with a resend cool-down. Asking for a code answers alike
// whether or not the number has an account: a sign-in code is sent to any number (a new one opens an
// account once the code is right and the person consents); a reset code only to an account's number,
// with the same answer and the same work done otherwise.
import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { and, desc, eq, gt, isNull, lt, ne } from "drizzle-orm";
import { z } from "zod";
import { writeTransaction, type Db, type Tx } from "../../db/client";
import { otpCodes, users } from "../../db/schema";
import type { Locale } from "../../domain";
import { getDb } from "../db.server";
import { consume, type Limit } from "./rate-limit.server";
import { notifyAddress } from "./notifications.server";
import { ISSUES } from "./issues";
import { mobileSchema } from "./otp-schemas";

export const OTP_TTL_MS = 5 * 60_000;
export const OTP_MAX_TRIES = 5;
/** A second code for the same number and purpose waits this long after the first. */
export const OTP_RESEND_MS = 60_000;
/** Codes sent per number (a person retrying) and per address (a family, an office, a carrier's NAT). */
export const OTP_LIMITS: { phone: Limit; address: Limit } = {
  phone: { max: 5, windowMs: 60 * 60_000 },
  address: { max: 20, windowMs: 60 * 60_000 },
};
export type OtpPurpose = "sign-in" | "reset";
/** A row reserved inside the limits' transaction whose hash is written once computed (outside it). */
const PENDING = "pending";

export { mobileSchema };
export const otpRequestSchema = z.object({ phone: mobileSchema });
export const otpCodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{6}$/, ISSUES.otpFormat);

/** Rate-limit keys hold a digest, not the number: the counters table is not a list of phones. */
const digest = (s: string) => crypto.createHash("sha256").update(s).digest("hex").slice(0, 32);

/** 6 digits, uniformly from the OS's random source. */
function newCode(): string {
  return crypto.randomInt(0, 1_000_000).toString().padStart(6, "0");
}

export type OtpRequestResult = { ok: true } | { ok: false; reason: "rate_limited"; retryAfter: number };

/**
 * Sends a code to `phone` (normalised) through the outbox. The cool-down and both limits are judged in
 * one write transaction, which also reserves the code's row, so concurrent requests cannot all pass;
 * the (slow) hash is computed after it and written in a second one with the message.
 */
export async function requestOtp(input: {
  phone: string;
  purpose: OtpPurpose;
  address: string;
  now: number;
  locale: Locale;
}): Promise<OtpRequestResult> {
  const { phone, purpose, now } = input;
  const db = getDb();
  const reserved = await writeTransaction(db, (tx) => {
    const last = tx
      .select({ createdAt: otpCodes.createdAt })
      .from(otpCodes)
      .where(and(eq(otpCodes.phone, phone), eq(otpCodes.purpose, purpose)))
      .orderBy(desc(otpCodes.id))
      .limit(1)
      .get();
    if (last && now - last.createdAt < OTP_RESEND_MS)
      return { retryAfter: Math.max(1, Math.ceil((last.createdAt + OTP_RESEND_MS - now) / 1000)) };
    const byPhone = consume(tx, `otp:phone:${digest(phone)}`, OTP_LIMITS.phone, now);
    const byAddress = consume(tx, `otp:address:${input.address}`, OTP_LIMITS.address, now);
    const wait = Math.max(byPhone.retryAfter, byAddress.retryAfter);
    if (wait > 0) return { retryAfter: wait };
    const row = tx
      .insert(otpCodes)
      .values({ phone, purpose, codeHash: PENDING, createdAt: now, expiresAt: now + OTP_TTL_MS })
      .returning({ id: otpCodes.id })
      .get();
    return { retryAfter: 0, id: row.id };
  });
  if (!reserved.id) return { ok: false, reason: "rate_limited", retryAfter: reserved.retryAfter };

  const code = newCode();
  const codeHash = await hash(code);
  await writeTransaction(db, (tx) => {
    // The newest code is the only live one: earlier codes of the number and purpose die with it.
    tx.update(otpCodes)
      .set({ usedAt: now })
      .where(and(eq(otpCodes.phone, phone), eq(otpCodes.purpose, purpose), lt(otpCodes.id, reserved.id), isNull(otpCodes.usedAt)))
      .run();
    tx.update(otpCodes).set({ codeHash }).where(eq(otpCodes.id, reserved.id)).run();
    const account = tx.select({ locale: users.locale, disabledAt: users.disabledAt }).from(users).where(eq(users.loginPhone, phone)).get();
    // A reset code goes only to an account's number; the caller's answer is the same either way.
    if (purpose === "reset" && (!account || account.disabledAt)) return;
    notifyAddress(
      tx,
      { channel: "sms", to: phone, locale: account?.locale ?? input.locale },
      { template: "auth.otp", params: { code, purpose, minutes: OTP_TTL_MS / 60_000 }, at: now },
    );
  });
  return { ok: true };
}

export type OtpCheck = { ok: true; id: number } | { ok: false; reason: "invalid" };

/**
 * Counts one try against the live code of `phone` (inside a write transaction, before the hash is
 * checked, so concurrent guesses cannot exceed OTP_MAX_TRIES), then checks it. A right code is not yet
 * used: the caller marks it used with `useCode` in the transaction that acts on it.
 */
export async function checkOtp(input: { phone: string; code: string; purpose: OtpPurpose; now: number }): Promise<OtpCheck> {
  const { phone, purpose, now } = input;
  const row = await writeTransaction(getDb(), (tx) => {
    const live = tx
      .select({ id: otpCodes.id, codeHash: otpCodes.codeHash, attempts: otpCodes.attempts })
      .from(otpCodes)
      .where(
        and(
          eq(otpCodes.phone, phone),
          eq(otpCodes.purpose, purpose),
          isNull(otpCodes.usedAt),
          gt(otpCodes.expiresAt, now),
          ne(otpCodes.codeHash, PENDING),
          lt(otpCodes.attempts, OTP_MAX_TRIES),
        ),
      )
      .orderBy(desc(otpCodes.id))
      .limit(1)
      .get();
    if (!live) return null;
    const counted = tx
      .update(otpCodes)
      .set({ attempts: live.attempts + 1 })
      .where(and(eq(otpCodes.id, live.id), eq(otpCodes.attempts, live.attempts), lt(otpCodes.attempts, OTP_MAX_TRIES)))
      .run();
    return counted.changes === 1 ? live : null;
  });
  if (!row) return { ok: false, reason: "invalid" };
  const right = await verify(row.codeHash, input.code).catch(() => false);
  return right ? { ok: true, id: row.id } : { ok: false, reason: "invalid" };
}

/** Inside the acting transaction: marks the code used; false when another request used it first. */
export function useCode(tx: Db | Tx, id: number, now: number): boolean {
  return (
    tx
      .update(otpCodes)
      .set({ usedAt: now })
      .where(and(eq(otpCodes.id, id), isNull(otpCodes.usedAt), gt(otpCodes.expiresAt, now)))
      .run().changes === 1
  );
}
