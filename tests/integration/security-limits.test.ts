// Limits that must hold under concurrency (issue 7): failed logins are counted before the password is
// verified, so a burst cannot all be verified; registrations are limited per address; linking one
// mediator to several new accounts at once is a 409 for all but one. Route modules are called in
// process, concurrently, as Remix would call them.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call, type RouteModule } from "./call";
import { openDb } from "../../db/client";
import { users } from "../../db/schema";

const file = freshDatabase();
const token = await import("~/routes/api.v1.auth.token");
const register = await import("~/routes/api.v1.auth.register");
const loginPage = await import("~/routes/login");
const registerPage = await import("~/routes/register");
const adminAccounts = await import("~/routes/admin.accounts");
const { createSession, csrfTokenFor, LOGIN_LIMITS, REGISTER_LIMIT } = await import("~/models/auth.server");
const { unlinkedMediators } = await import("~/models/accounts.server");
const db = openDb(file);

const apiLogin = (email: string, password: string, address: string) =>
  call(token, "/api/v1/auth/token", { method: "POST", body: { email, password }, context: { clientAddress: address } });

/** A page action's answer to a posted form; a thrown error is what Remix would answer: a 500. */
async function postForm(mod: RouteModule, url: string, fields: Record<string, string>, o: { address: string; cookie?: string }) {
  const request = new Request(`http://test.local${url}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(o.cookie ? { Cookie: o.cookie } : {}) },
    body: new URLSearchParams(fields),
  });
  try {
    const res = (await mod.action!({ request, params: {}, context: { clientAddress: o.address } })) as Response | { init?: ResponseInit };
    if (res instanceof Response) return { status: res.status, headers: res.headers, data: undefined as unknown };
    // data(): Remix's DataWithResponseInit
    return { status: res.init?.status ?? 200, headers: new Headers(res.init?.headers), data: (res as { data?: unknown }).data };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers, data: undefined as unknown };
    return { status: 500, headers: new Headers(), data: undefined as unknown };
  }
}

const statuses = (answers: { status: number }[]) => answers.map((a) => a.status);
const tally = (list: number[]) => Object.fromEntries([...new Set(list)].sort().map((s) => [s, list.filter((x) => x === s).length]));

describe("login attempts are counted before the password is verified", () => {
  it("40 concurrent wrong passwords for one account: exactly the limit reach verification, the rest are 429", async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => apiLogin("staff@example.com", `wrong-${i}`, `100.64.0.${i}`)));
    expect(tally(statuses(answers))).toEqual({ 401: LOGIN_LIMITS.account.max, 429: 40 - LOGIN_LIMITS.account.max });
  });

  it("40 concurrent wrong passwords from one address across accounts: exactly the address limit are verified", async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => apiLogin(`nobody${i}@example.com`, "wrong", "100.64.1.1")));
    expect(tally(statuses(answers))).toEqual({ 401: LOGIN_LIMITS.address.max, 429: 40 - LOGIN_LIMITS.address.max });
  });

  it("a burst of 29 wrong and then the right password: the right one is refused, the account is over its limit", async () => {
    const burst = Array.from({ length: 29 }, (_, i) => apiLogin("mediator@example.com", `guess-${i}`, `100.64.2.${i}`));
    burst.push(apiLogin("mediator@example.com", "demo12345", "100.64.2.200"));
    const answers = await Promise.all(burst);
    expect(answers[29].status).toBe(429);
    expect(answers[29].body.token).toBeUndefined();
    expect(tally(statuses(answers))).toEqual({ 401: LOGIN_LIMITS.account.max, 429: 30 - LOGIN_LIMITS.account.max });
  });

  it("the API's 429 says when to come back: Retry-After in seconds, the same as the message", async () => {
    for (let i = 0; i < LOGIN_LIMITS.account.max; i++) await apiLogin("admin@example.com", "wrong", "100.64.3.1");
    const locked = await apiLogin("admin@example.com", "demo12345", "100.64.3.2");
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe("rate_limited");
    const seconds = Number(locked.headers.get("Retry-After"));
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(LOGIN_LIMITS.account.windowMs / 1000);
    expect(locked.body.error.message).toContain(`${seconds} s`);
  });

  it("the sign-in page counts the same way: 40 concurrent wrong passwords, exactly the limit are verified", async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        postForm(loginPage, "/login", { email: "party2@example.com", password: `wrong-${i}` }, { address: `100.64.4.${i}` }),
      ),
    );
    expect(tally(statuses(answers))).toEqual({ 401: LOGIN_LIMITS.account.max, 429: 40 - LOGIN_LIMITS.account.max });
    expect(answers.find((a) => a.status === 429)!.headers.get("Retry-After")).toMatch(/^[1-9]\d*$/);
  });

  it("a success clears the account's count: the limit is on failures, not on signing in", async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < LOGIN_LIMITS.account.max - 1; i++)
        expect((await apiLogin("party@example.com", "wrong", "100.64.5.1")).status).toBe(401);
      expect((await apiLogin("party@example.com", "demo12345", "100.64.5.2")).status).toBe(200);
    }
  });
});

describe("registration is limited per address", () => {
  const person = (i: number, tag: string) => ({
    email: `${tag}-${i}@example.com`,
    password: "long enough",
    name: `登记人${i}`,
    consent: "on",
  });

  it("a concurrent burst over the API: exactly the limit are created, the rest 429 with Retry-After", async () => {
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        call(register, "/api/v1/auth/register", { method: "POST", body: person(i, "burst"), context: { clientAddress: "100.64.6.1" } }),
      ),
    );
    expect(tally(statuses(answers))).toEqual({ 201: REGISTER_LIMIT.max, 429: 25 - REGISTER_LIMIT.max });
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body.error.code).toBe("rate_limited");
    expect(refused.headers.get("Retry-After")).toMatch(/^[1-9]\d*$/);
    const created = db.select({ id: users.id }).from(users).all().length;
    // Another address is not affected.
    const other = await call(register, "/api/v1/auth/register", {
      method: "POST",
      body: person(0, "other"),
      context: { clientAddress: "100.64.6.2" },
    });
    expect(other.status).toBe(201);
    expect(db.select({ id: users.id }).from(users).all().length).toBe(created + 1);
  });

  it("the registration page: the limit, then 429 with Retry-After", async () => {
    const answers = [];
    for (let i = 0; i <= REGISTER_LIMIT.max; i++)
      answers.push(await postForm(registerPage, "/register", person(i, "page"), { address: "100.64.7.1" }));
    expect(statuses(answers)).toEqual([...Array(REGISTER_LIMIT.max).fill(302), 429]);
    expect(answers[REGISTER_LIMIT.max].headers.get("Retry-After")).toMatch(/^[1-9]\d*$/);
    expect(
      db
        .select()
        .from(users)
        .where(eq(users.email, `page-${REGISTER_LIMIT.max}@example.com`))
        .get(),
    ).toBeUndefined();
    // Each account the page opened carries the consent its required tick gave.
    const first = db.select().from(users).where(eq(users.email, "page-0@example.com")).get()!;
    expect([first.consentVersion, typeof first.consentAt]).toEqual([expect.any(String), "number"]);
  });

  it("the registration page refuses an unticked consent, naming the field", async () => {
    const { consent: _unticked, ...unticked } = person(0, "unticked");
    const answer = await postForm(registerPage, "/register", unticked, { address: "100.64.7.9" });
    expect(answer.status).toBe(400);
    expect(answer.data).toMatchObject({ result: { error: { consent: [expect.any(String)] } } });
    expect(db.select().from(users).where(eq(users.email, "unticked-0@example.com")).get()).toBeUndefined();
  });
});

describe("one mediator, several new accounts at once", () => {
  it("one account is made; every other attempt is a 409 naming the conflict, never a 500", async () => {
    const admin = db.select().from(users).where(eq(users.email, "admin@example.com")).get()!;
    const { secret } = await createSession(admin.id, "cookie", Date.now());
    const mediatorId = String(unlinkedMediators()[0].id);
    const attempt = (i: number) =>
      postForm(
        adminAccounts,
        "/admin/accounts",
        {
          csrf: csrfTokenFor(secret),
          role: "mediator",
          mediatorId,
          email: `linked-${i}@example.com`,
          name: `调解员${i}`,
          password: "long enough",
        },
        { address: "100.64.8.1", cookie: `sid=${secret}` },
      );
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => attempt(i)));
    expect(tally(statuses(answers))).toEqual({ 302: 1, 409: 4 });
    expect(
      db
        .select()
        .from(users)
        .where(eq(users.mediatorId, Number(mediatorId)))
        .all(),
    ).toHaveLength(1);
    // Afterwards, one at a time: the same conflict, the same answer.
    expect((await attempt(9)).status).toBe(409);
  });
});
