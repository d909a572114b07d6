// Signing in with a code sent to a mobile number (issue 11): the number's account, or for a number
// without one, a new party account once the person has agreed to the personal-data notice (/privacy).
// Whether the number had an account shows only after the right code: to whoever holds the phone.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { writeTransaction } from "../../db/client";
import { accountEvents, users } from "../../db/schema";
import { maskMobile } from "../../domain/phone";
import type { Locale } from "../../domain";
import { getDb } from "../db.server";
import { loginSchema, type User } from "./auth.server";
import { checkOtp, mobileSchema, otpCodeSchema, useCode } from "./otp.server";
import { CONSENT_VERSION, consentSchema } from "./otp-schemas";

export { CONSENT_VERSION, consentSchema };

export const otpSignInSchema = z.object({
  phone: mobileSchema,
  code: otpCodeSchema,
  consent: consentSchema,
  /** How staff and mediators address a new account's holder; the masked number when left empty. */
  name: z
    .string()
    .trim()
    .max(60)
    .optional()
    .transform((v) => v || undefined),
});

/** POST /api/v1/auth/token: e-mail and password, or a number and its code (a body with `code`). */
export const tokenRequestSchema = z.union([loginSchema, otpSignInSchema]);
/** POST /api/v1/auth/otp. */
export const otpSendSchema = z.object({ phone: mobileSchema, purpose: z.enum(["sign-in", "reset"]).default("sign-in") });

export type OtpSignInResult =
  { ok: true; user: User; created: boolean } | { ok: false; reason: "invalid" | "disabled" | "consent_required" };

const columns = { id: users.id, email: users.email, name: users.name, phone: users.phone, role: users.role, mediatorId: users.mediatorId };

export async function signInWithOtp(input: {
  phone: string;
  code: string;
  consent: boolean;
  name?: string;
  now: number;
  locale: Locale;
}): Promise<OtpSignInResult> {
  const { phone, now } = input;
  const check = await checkOtp({ phone, code: input.code, purpose: "sign-in", now });
  if (!check.ok) return check;
  return writeTransaction(getDb(), (tx): OtpSignInResult => {
    const existing = tx
      .select({ ...columns, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.loginPhone, phone))
      .get();
    if (existing) {
      if (!useCode(tx, check.id, now)) return { ok: false, reason: "invalid" };
      if (existing.disabledAt) return { ok: false, reason: "disabled" };
      const { disabledAt: _, ...user } = existing;
      return { ok: true, user, created: false };
    }
    // The code stays live (its try counted) so the person can tick the box and send it again.
    if (!input.consent) return { ok: false, reason: "consent_required" };
    if (!useCode(tx, check.id, now)) return { ok: false, reason: "invalid" };
    const user = tx
      .insert(users)
      .values({
        email: null,
        passwordHash: null,
        name: input.name ?? maskMobile(phone),
        phone,
        loginPhone: phone,
        role: "party",
        locale: input.locale,
        consentVersion: CONSENT_VERSION,
        consentAt: now,
      })
      .returning(columns)
      .get();
    tx.insert(accountEvents)
      .values({
        userId: user.id,
        actorUserId: null,
        at: now,
        event: "registered",
        before: null,
        after: { via: "phone", consentVersion: CONSENT_VERSION },
      })
      .run();
    return { ok: true, user, created: true };
  });
}
