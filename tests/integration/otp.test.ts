// Signing in with a one-time code by text message (issue 11): the happy path through the API, expiry on
// an injected clock, single use, wrong tries, the send limits under concurrent requests, the same answer
// for known and unknown numbers, and the code never kept in clear nor written to a log.
import { and, desc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { accountEvents, notifications, otpCodes, users } from "../../db/schema";
import { createPhoneParty, uniqueMobile } from "../factories";

const file = freshDatabase();
const otpRoute = await import("~/routes/api.v1.auth.otp");
const token = await import("~/routes/api.v1.auth.token");
const me = await import("~/routes/api.v1.me");
const { requestOtp, OTP_LIMITS, OTP_MAX_TRIES, OTP_RESEND_MS, OTP_TTL_MS } = await import("~/models/otp.server");
const { signInWithOtp, CONSENT_VERSION } = await import("~/models/otp-sign-in.server");
const { renderNotification } = await import("~/i18n/notifications");
const db = openDb(file);

/** A fixed instant far from today: nothing here depends on the date the suite runs. */
const T0 = Date.UTC(2031, 4, 6, 2, 0, 0);
let address = 0;
const nextAddress = () => `192.0.2.${++address % 250}`;

/** The newest code sent to `phone`, read from the outbox as the dev SMS provider would deliver it. */
function codeSentTo(phone: string): string {
  const row = db
    .select()
    .from(notifications)
    .where(and(eq(notifications.to, phone), eq(notifications.template, "auth.otp")))
    .orderBy(desc(notifications.id))
    .get();
  expect(row, `a code sent to ${phone}`).toBeDefined();
  return String(row!.params!.code);
}
const sentCount = (phone: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.to, phone), eq(notifications.template, "auth.otp")))
    .all().length;

const send = (phone: string, now: number, o: { address?: string; purpose?: "sign-in" | "reset" } = {}) =>
  requestOtp({ phone, purpose: o.purpose ?? "sign-in", address: o.address ?? nextAddress(), now, locale: "zh" });

afterEach(() => vi.restoreAllMocks());

describe("signing in with a code (API)", () => {
  it("a new number: 202, a text in the recipient's language, then a token and a party account with its consent", async () => {
    const phone = uniqueMobile();
    const typed = `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)}-${phone.slice(7)}`;
    const sent = await call(otpRoute, "/api/v1/auth/otp", { method: "POST", body: { phone: typed }, headers: { "Accept-Language": "en" } });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ expiresIn: 300, resendAfter: 60 });
    const row = db.select().from(notifications).where(eq(notifications.to, phone)).get()!;
    expect(row.channel).toBe("sms");
    const text = renderNotification(row);
    expect(text.subject).toContain(String(row.params!.code));
    expect(text.subject).toMatch(row.locale === "zh" ? /5 分钟内有效.*请勿告诉任何人/ : /expires in 5 minutes.*Never share/);

    const code = codeSentTo(phone);
    const noConsent = await call(token, "/api/v1/auth/token", { method: "POST", body: { phone, code } });
    expect(noConsent.status).toBe(403);
    expect(noConsent.body.error.code).toBe("consent_required");
    // The right code stays usable once consent is given.
    const res = await call(token, "/api/v1/auth/token", { method: "POST", body: { phone: typed, code, consent: true } });
    expect(res.status).toBe(200);
    const who = await call(me, "/api/v1/me", { token: res.body.token });
    expect(who.body).toMatchObject({ email: null, role: "party" });
    const user = db.select().from(users).where(eq(users.loginPhone, phone)).get()!;
    expect(user).toMatchObject({ phone, email: null, passwordHash: null, consentVersion: CONSENT_VERSION, role: "party" });
    expect(user.consentAt).toBeGreaterThan(0);
    const events = db.select().from(accountEvents).where(eq(accountEvents.userId, user.id)).all();
    expect(events.map((e) => e.event)).toEqual(["registered"]);
  });

  it("an existing account's number signs in to that account; e-mail and password still work", async () => {
    const party = createPhoneParty(db, { token: false });
    await send(party.loginPhone, T0);
    const result = await signInWithOtp({
      phone: party.loginPhone,
      code: codeSentTo(party.loginPhone),
      consent: false,
      now: T0 + 1000,
      locale: "zh",
    });
    expect(result).toMatchObject({ ok: true, created: false, user: { id: party.user.id } });
    const byPassword = await call(token, "/api/v1/auth/token", { method: "POST", body: { email: party.email, password: party.password } });
    expect(byPassword.status).toBe(200);
  });

  it("answers alike for a number with an account and one without, for sign-in and for a reset", async () => {
    const known = createPhoneParty(db, { token: false }).loginPhone;
    const unknown = uniqueMobile();
    for (const purpose of ["sign-in", "reset"] as const) {
      const a = await call(otpRoute, "/api/v1/auth/otp", {
        method: "POST",
        body: { phone: known, purpose },
        context: { clientAddress: nextAddress() },
      });
      const b = await call(otpRoute, "/api/v1/auth/otp", {
        method: "POST",
        body: { phone: unknown, purpose },
        context: { clientAddress: nextAddress() },
      });
      expect([a.status, a.text]).toEqual([b.status, b.text]);
      expect(a.status).toBe(202);
    }
    // A reset code goes only to an account's number; the caller cannot tell.
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.to, unknown), eq(notifications.template, "auth.otp")))
        .all(),
    ).toHaveLength(1);
  });

  it("refuses what is not a mobile number with the mobile_invalid issue", async () => {
    const res = await call(otpRoute, "/api/v1/auth/otp", { method: "POST", body: { phone: "0574-8888 8888" } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain("mobile");
  });
});

describe("a code", () => {
  it("works until 5 minutes after it was sent, and not at 5 minutes (injected clock)", async () => {
    const phone = uniqueMobile();
    await send(phone, T0);
    const code = codeSentTo(phone);
    const late = await signInWithOtp({ phone, code, consent: true, now: T0 + OTP_TTL_MS, locale: "zh" });
    expect(late).toEqual({ ok: false, reason: "invalid" });
    const other = uniqueMobile();
    await send(other, T0);
    const inTime = await signInWithOtp({ phone: other, code: codeSentTo(other), consent: true, now: T0 + OTP_TTL_MS - 1, locale: "zh" });
    expect(inTime.ok).toBe(true);
  });

  it("is used once, even by concurrent requests", async () => {
    const phone = createPhoneParty(db, { token: false }).loginPhone;
    await send(phone, T0);
    const code = codeSentTo(phone);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => signInWithOtp({ phone, code, consent: false, now: T0 + 10, locale: "zh" })),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(await signInWithOtp({ phone, code, consent: false, now: T0 + 20, locale: "zh" })).toEqual({ ok: false, reason: "invalid" });
  });

  it(`dies after ${OTP_MAX_TRIES} wrong tries, concurrent ones included; the right code is then refused`, async () => {
    const phone = uniqueMobile();
    await send(phone, T0);
    const code = codeSentTo(phone);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => signInWithOtp({ phone, code: wrong, consent: true, now: T0 + 5, locale: "zh" })),
    );
    expect(answers.every((a) => !a.ok)).toBe(true);
    const row = db.select().from(otpCodes).where(eq(otpCodes.phone, phone)).get()!;
    expect(row.attempts).toBe(OTP_MAX_TRIES);
    expect(await signInWithOtp({ phone, code, consent: true, now: T0 + 6, locale: "zh" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("a new code replaces the one before it", async () => {
    const phone = uniqueMobile();
    await send(phone, T0);
    const first = codeSentTo(phone);
    await send(phone, T0 + OTP_RESEND_MS);
    const second = codeSentTo(phone);
    if (first !== second)
      expect(await signInWithOtp({ phone, code: first, consent: true, now: T0 + OTP_RESEND_MS + 1, locale: "zh" })).toMatchObject({
        ok: false,
      });
    expect((await signInWithOtp({ phone, code: second, consent: true, now: T0 + OTP_RESEND_MS + 2, locale: "zh" })).ok).toBe(true);
  });

  it("is kept only as an argon2id hash and never written to a log", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m));
    const writes = vi.spyOn(process.stdout, "write");
    const phone = uniqueMobile();
    await call(otpRoute, "/api/v1/auth/otp", { method: "POST", body: { phone } });
    const code = codeSentTo(phone);
    await call(token, "/api/v1/auth/token", { method: "POST", body: { phone, code: "000000" } });
    await call(token, "/api/v1/auth/token", { method: "POST", body: { phone, code, consent: true } });
    const row = db.select().from(otpCodes).where(eq(otpCodes.phone, phone)).get()!;
    expect(row.codeHash.startsWith("$argon2id$")).toBe(true);
    expect(JSON.stringify(row)).not.toContain(code);
    const logged = [...spies, writes].flatMap((s) => s.mock.calls.map((c) => c.map(String).join(" "))).join("\n");
    expect(logged).not.toContain(code);
    expect(logged).not.toContain(phone);
  });
});

describe("sending is limited", () => {
  it("20 concurrent requests for one number: one code, the rest wait for the cool-down", async () => {
    const phone = uniqueMobile();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => send(phone, T0, { address: `198.18.0.${i}` })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok && a.retryAfter === OTP_RESEND_MS / 1000)).toHaveLength(19);
    expect(sentCount(phone)).toBe(1);
  });

  it(`per number: ${OTP_LIMITS.phone.max} codes an hour, past the cool-down`, async () => {
    const phone = uniqueMobile();
    const answers = [];
    for (let i = 0; i < OTP_LIMITS.phone.max + 3; i++) answers.push(await send(phone, T0 + i * OTP_RESEND_MS));
    expect(answers.filter((a) => a.ok)).toHaveLength(OTP_LIMITS.phone.max);
    expect(sentCount(phone)).toBe(OTP_LIMITS.phone.max);
  });

  it(`per number, concurrently past the cool-down: never more than ${OTP_LIMITS.phone.max} codes`, async () => {
    const phone = uniqueMobile();
    const answers = await Promise.all(
      Array.from({ length: OTP_LIMITS.phone.max * 3 }, (_, i) => send(phone, T0 + i * OTP_RESEND_MS, { address: `198.18.2.${i}` })),
    );
    const sent = sentCount(phone);
    expect(sent).toBeLessThanOrEqual(OTP_LIMITS.phone.max);
    expect(answers.filter((a) => a.ok)).toHaveLength(sent);
  });

  it(`per address: ${OTP_LIMITS.address.max} concurrent requests for different numbers get through, never more`, async () => {
    const phones = Array.from({ length: OTP_LIMITS.address.max * 2 }, () => uniqueMobile());
    const answers = await Promise.all(phones.map((p) => send(p, T0, { address: "198.18.1.1" })));
    expect(answers.filter((a) => a.ok)).toHaveLength(OTP_LIMITS.address.max);
    expect(phones.reduce((n, p) => n + sentCount(p), 0)).toBe(OTP_LIMITS.address.max);
  });

  it("the API answers a second request inside the cool-down with 429 and Retry-After", async () => {
    const phone = uniqueMobile();
    expect((await call(otpRoute, "/api/v1/auth/otp", { method: "POST", body: { phone } })).status).toBe(202);
    const again = await call(otpRoute, "/api/v1/auth/otp", { method: "POST", body: { phone } });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});
