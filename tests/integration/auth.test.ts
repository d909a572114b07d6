// Accounts over the API: registration, bearer tokens, revocation, rate limits, CSRF for cookie sessions.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { users } from "../../db/schema";

const file = freshDatabase();
const register = await import("~/routes/api.v1.auth.register");
const token = await import("~/routes/api.v1.auth.token");
const me = await import("~/routes/api.v1.me");
const everywhere = await import("~/routes/api.v1.auth.logout-everywhere");
const bookings = await import("~/routes/api.v1.bookings");
const { createSession, csrfTokenFor } = await import("~/models/auth.server");
const db = openDb(file);

async function login(email: string, password = "demo12345", address = "198.51.100.1") {
  return call(token, "/api/v1/auth/token", { method: "POST", body: { email, password }, context: { clientAddress: address } });
}

describe("registration", () => {
  it("creates a party with an argon2id hash and refuses a taken email", async () => {
    const res = await call(register, "/api/v1/auth/register", {
      method: "POST",
      body: { email: "New@Example.com", password: "longenough", name: "陈晓", phone: "13900000000" },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: "new@example.com", role: "party", name: "陈晓" });
    expect(res.body.user.passwordHash).toBeUndefined();
    const row = db.select().from(users).where(eq(users.email, "new@example.com")).get()!;
    expect(row.passwordHash?.startsWith("$argon2id$")).toBe(true);
    const again = await call(register, "/api/v1/auth/register", {
      method: "POST",
      body: { email: "new@example.com", password: "longenough", name: "x" },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("email_taken");
  });

  it("answers malformed input with 400 and field errors", async () => {
    const res = await call(register, "/api/v1/auth/register", { method: "POST", body: { email: "nope", password: "short", name: "" } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["email", "name", "password"]);
    const notJson = await call(register, "/api/v1/auth/register", { method: "POST", body: "{not json" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe("invalid_json");
    const cross = await call(register, "/api/v1/auth/register", {
      method: "POST",
      body: { email: "x@example.com", password: "longenough", name: "x" },
      headers: { Origin: "https://evil.example" },
    });
    expect(cross.status).toBe(403);
  });
});

describe("tokens", () => {
  it("exchanges credentials for an expiring token that /me accepts, and revokes it", async () => {
    const res = await login("party@example.com");
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
    const who = await call(me, "/api/v1/me", { token: res.body.token });
    expect(who.body).toMatchObject({ email: "party@example.com", role: "party" });
    const med = await call(me, "/api/v1/me", { token: (await login("mediator@example.com")).body.token });
    expect(med.body.role).toBe("mediator");
    expect(med.body.mediatorId).toBeGreaterThan(0);
    const revoke = await call(token, "/api/v1/auth/token", { method: "DELETE", token: res.body.token });
    expect(revoke.status).toBe(204);
    expect((await call(me, "/api/v1/me", { token: res.body.token })).status).toBe(401);
  });

  it("401s without credentials or with a wrong password, alike for unknown accounts", async () => {
    expect((await call(me, "/api/v1/me")).status).toBe(401);
    expect((await call(me, "/api/v1/me", { token: "made-up" })).status).toBe(401);
    const wrong = await login("staff@example.com", "wrong-password", "198.51.100.2");
    const nobody = await login("nobody@example.com", "wrong-password", "198.51.100.2");
    expect([wrong.status, nobody.status]).toEqual([401, 401]);
    expect(wrong.body.error.code).toBe(nobody.body.error.code);
  });

  it("rate-limits failed logins per account, whatever the address", async () => {
    for (let i = 0; i < 5; i++) expect((await login("admin@example.com", "bad-guess", `192.0.2.${i}`)).status).toBe(401);
    const limited = await login("admin@example.com", "demo12345", "192.0.2.99");
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    // Another account is not affected.
    expect((await login("party2@example.com", "demo12345", "192.0.2.99")).status).toBe(200);
  });

  it("rate-limits failed logins per address across accounts", async () => {
    for (let i = 0; i < 30; i++) await login(`someone${i}@example.com`, "bad-guess", "203.0.113.50");
    expect((await login("party2@example.com", "demo12345", "203.0.113.50")).status).toBe(429);
    expect((await login("party2@example.com", "demo12345", "203.0.113.51")).status).toBe(200);
  });

  it("logs out everywhere: every cookie session and token of the user", async () => {
    const party2 = db.select().from(users).where(eq(users.email, "party2@example.com")).get()!;
    const t = (await login("party2@example.com", "demo12345", "203.0.113.60")).body.token;
    const cookie = await createSession(party2.id, "cookie", Date.now());
    const cookieHeader = `sid=${cookie.secret}`;
    expect((await call(me, "/api/v1/me", { cookie: cookieHeader })).status).toBe(200);
    const res = await call(everywhere, "/api/v1/auth/logout-everywhere", { method: "POST", token: t });
    expect(res.body.revoked).toBeGreaterThanOrEqual(2);
    expect((await call(me, "/api/v1/me", { token: t })).status).toBe(401);
    expect((await call(me, "/api/v1/me", { cookie: cookieHeader })).status).toBe(401);
  });
});

describe("cross-site requests with a cookie session", () => {
  it("refuses a write without the CSRF token or from another origin, and accepts ours", async () => {
    const party = db.select().from(users).where(eq(users.email, "party@example.com")).get()!;
    const { secret } = await createSession(party.id, "cookie", Date.now());
    const cookie = `sid=${secret}`;
    const body = { mediatorId: 1, start: "2000-01-01T09:00:00+08:00", mode: "online", category: "labour", summary: "拖欠工资三个月" };
    const noToken = await call(bookings, "/api/v1/bookings", { method: "POST", cookie, body });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe("csrf");
    const evil = await call(bookings, "/api/v1/bookings", {
      method: "POST",
      cookie,
      body,
      headers: { Origin: "https://evil.example", "X-CSRF-Token": csrfTokenFor(secret) },
    });
    expect(evil.status).toBe(403);
    const ours = await call(bookings, "/api/v1/bookings", {
      method: "POST",
      cookie,
      body,
      headers: { Origin: "http://test.local", "X-CSRF-Token": csrfTokenFor(secret) },
    });
    // Past the CSRF check: the time is in the past, so the booking itself is refused as not available.
    expect(ours.status).toBe(422);
  });
});

describe("registration records consent and normalises the phone (issue 11)", () => {
  it("consent: true is recorded with the notice's version; the phone becomes the sign-in number", async () => {
    const res = await call(register, "/api/v1/auth/register", {
      method: "POST",
      body: { email: "consenting@example.com", password: "longenough", name: "林岛", phone: "+86 137-0000 1234", consent: true },
      context: { clientAddress: "198.51.100.77" },
    });
    expect(res.status).toBe(201);
    const row = db.select().from(users).where(eq(users.email, "consenting@example.com")).get()!;
    expect(row).toMatchObject({ phone: "13700001234", loginPhone: "13700001234", consentVersion: "2026-12-01" });
    expect(row.consentAt).toBeGreaterThan(0);
  });

  it("a number that is not a mainland mobile is a field error", async () => {
    const res = await call(register, "/api/v1/auth/register", {
      method: "POST",
      body: { email: "landline@example.com", password: "longenough", name: "林岛", phone: "0580-1234567" },
      context: { clientAddress: "198.51.100.78" },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain("phone");
  });
});
