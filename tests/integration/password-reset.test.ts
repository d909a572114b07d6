// Forgotten passwords (issue 11): by a code to the account's phone and by an e-mailed link (random,
// stored hashed, 30 minutes, once); the same silence for addresses without an account; a reset ends
// every session and API token of the account.
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { notifications, passwordResets } from "../../db/schema";
import { createParty, createPhoneParty, uniqueMobile } from "../factories";

const file = freshDatabase();
const token = await import("~/routes/api.v1.auth.token");
const { requestOtp } = await import("~/models/otp.server");
const { requestResetEmail, resetWithLink, resetWithCode, resetLinkIsLive, RESET_LINK_TTL_MS } =
  await import("~/models/password-reset.server");
const { getSessionUser } = await import("~/models/auth.server");
const db = openDb(file);

const T0 = Date.UTC(2031, 6, 7, 1, 0, 0);
const newest = (to: string, template: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.to, to), eq(notifications.template, template)))
    .orderBy(desc(notifications.id))
    .get();
const linkToken = (email: string) => String(newest(email, "auth.reset-link")!.params!.link).split("/reset-password/")[1];
const signIn = (email: string, password: string) => call(token, "/api/v1/auth/token", { method: "POST", body: { email, password } });

describe("reset by phone", () => {
  it("a reset code sets the new password and ends every session; the code works once", async () => {
    const party = createPhoneParty(db, { now: T0 });
    await requestOtp({ phone: party.loginPhone, purpose: "reset", address: "192.0.2.10", now: T0, locale: "zh" });
    const code = String(newest(party.loginPhone, "auth.otp")!.params!.code);
    expect(newest(party.loginPhone, "auth.otp")!.params!.purpose).toBe("reset");
    const user = await resetWithCode({ phone: party.loginPhone, code, password: "a new long password", now: T0 + 1000 });
    expect(user?.id).toBe(party.user.id);
    expect(getSessionUser(party.token, "token", T0 + 2000)).toBeNull();
    expect((await signIn(party.email, "a new long password")).status).toBe(200);
    expect(await resetWithCode({ phone: party.loginPhone, code, password: "another long one", now: T0 + 3000 })).toBeNull();
  });

  it("a sign-in code does not reset a password, and a number without an account gets no code", async () => {
    const party = createPhoneParty(db, { token: false });
    await requestOtp({ phone: party.loginPhone, purpose: "sign-in", address: "192.0.2.11", now: T0, locale: "zh" });
    const code = String(newest(party.loginPhone, "auth.otp")!.params!.code);
    expect(await resetWithCode({ phone: party.loginPhone, code, password: "a new long password", now: T0 + 1 })).toBeNull();
    const nobody = uniqueMobile();
    expect(await requestOtp({ phone: nobody, purpose: "reset", address: "192.0.2.12", now: T0, locale: "zh" })).toEqual({ ok: true });
    expect(newest(nobody, "auth.otp")).toBeUndefined();
  });
});

describe("reset by e-mail", () => {
  it("a link (only its hash kept) sets the password once within 30 minutes and ends every session", async () => {
    const party = createParty(db, { now: T0 });
    await requestResetEmail({ email: party.email, address: "192.0.2.20", now: T0, locale: "en" });
    const secret = linkToken(party.email);
    expect(secret.length).toBeGreaterThanOrEqual(40);
    const row = db.select().from(passwordResets).where(eq(passwordResets.userId, party.user.id)).get()!;
    expect(row.tokenHash).not.toContain(secret);
    expect(resetLinkIsLive(secret, T0 + RESET_LINK_TTL_MS - 1)).toBe(true);
    expect(resetLinkIsLive(secret, T0 + RESET_LINK_TTL_MS)).toBe(false);
    expect(await resetWithLink({ token: secret, password: "reset by link ok", now: T0 + 60_000 })).toMatchObject({ id: party.user.id });
    expect(getSessionUser(party.token, "token", T0 + 61_000)).toBeNull();
    expect((await signIn(party.email, "reset by link ok")).status).toBe(200);
    expect(await resetWithLink({ token: secret, password: "a second time", now: T0 + 62_000 })).toBeNull();
  });

  it("a lapsed link does nothing; an unknown address is told nothing and gets nothing", async () => {
    const party = createParty(db, { token: false });
    await requestResetEmail({ email: party.email, address: "192.0.2.21", now: T0, locale: "zh" });
    expect(await resetWithLink({ token: linkToken(party.email), password: "too late by far", now: T0 + RESET_LINK_TTL_MS })).toBeNull();
    await expect(
      requestResetEmail({ email: "nobody-here@example.com", address: "192.0.2.22", now: T0, locale: "zh" }),
    ).resolves.toBeUndefined();
    expect(newest("nobody-here@example.com", "auth.reset-link")).toBeUndefined();
  });
});
