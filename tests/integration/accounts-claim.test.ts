// Claiming a mediator's account (issue 9): the admin's invitation keeps only the token's hash, lapses
// after seven days, works once and is revoked by a new one; the claim opens the mediator account,
// signs in and is audited. The page answers 404 for an unknown link and 410 for a dead one.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import type { Json } from "./call";
import { openDb } from "../../db/client";
import { accountClaims, accountEvents, notifications, users } from "../../db/schema";
import { createAccount, createMediator, createStaff } from "../factories";

const db = openDb(freshDatabase());
const { issueClaim, issueAllClaims, findClaim, claimAccount, CLAIM_TTL_MS } = await import("~/models/account-claim.server");
const { verifyLogin, getSessionUser } = await import("~/models/auth.server");
const { renderNotification } = await import("~/i18n/notifications");
const { CENTRE_DESK } = await import("~/models/notifications.server");
const claimPage = await import("~/routes/claim.$token");

const LINK_BASE = "https://mediators.example";
const DAY = 86_400_000;
const tokenOf = (link: string) => link.split("/claim/")[1];
const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

function fixture(now: number) {
  const admin = createAccount(db, "admin", { now });
  const m = createMediator(db, { modes: ["online"], now });
  return { admin, m };
}

describe("issuing invitations", () => {
  it("stores only the token's hash, sends the link to the address given, and lapses in seven days", async () => {
    const now = Date.UTC(2031, 4, 6, 2);
    const { admin, m } = fixture(now);
    const issued = await issueClaim({
      by: admin.user,
      mediatorId: m.id,
      contact: { channel: "sms", to: "13800000001" },
      now,
      linkBase: LINK_BASE,
    });
    expect(issued.link.startsWith(`${LINK_BASE}/claim/`)).toBe(true);
    expect(issued.expiresAt).toBe(now + CLAIM_TTL_MS);
    const token = tokenOf(issued.link);
    expect(token.length).toBeGreaterThanOrEqual(40);
    const row = db.select().from(accountClaims).where(eq(accountClaims.mediatorId, m.id)).get()!;
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const [n] = db.select().from(notifications).where(eq(notifications.to, "13800000001")).all();
    expect([n.channel, n.template, n.userId]).toEqual(["sms", "account.claim-invitation", null]);
    expect(renderNotification(n).subject).toContain(issued.link);

    expect(findClaim({ token, now: now + CLAIM_TTL_MS - 1 }).mediatorName).toBe(m.name);
    expect(() => findClaim({ token, now: now + CLAIM_TTL_MS })).toThrow(expect.objectContaining({ gone: true }));
  });

  it("a new invitation revokes the old link; only admins invite; a mediator with an account is refused", async () => {
    const now = Date.UTC(2031, 4, 6, 2);
    const { admin, m } = fixture(now);
    const first = await issueClaim({ by: admin.user, mediatorId: m.id, now, linkBase: LINK_BASE });
    const second = await issueClaim({ by: admin.user, mediatorId: m.id, now: now + 1, linkBase: LINK_BASE });
    expect(() => findClaim({ token: tokenOf(first.link), now: now + 2 })).toThrow(expect.objectContaining({ gone: true }));
    expect(findClaim({ token: tokenOf(second.link), now: now + 2 }).mediatorName).toBe(m.name);

    const staff = createStaff(db, { now });
    await expect(issueClaim({ by: staff.user, mediatorId: m.id, now, linkBase: LINK_BASE })).rejects.toMatchObject({ code: "forbidden" });
    const linked = createMediator(db, { modes: ["online"], account: true, now });
    await expect(issueClaim({ by: admin.user, mediatorId: linked.id, now, linkBase: LINK_BASE })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("inviting all unclaimed makes one link per active member without an account, each to the desk", async () => {
    const now = Date.UTC(2031, 4, 6, 2);
    const { admin } = fixture(now);
    const unclaimedBefore = db.$client
      .prepare("select count(*) n from mediators m where active = 1 and not exists (select 1 from users u where u.mediator_id = m.id)")
      .get() as { n: number };
    const deskBefore = db.select().from(notifications).where(eq(notifications.to, CENTRE_DESK)).all().length;
    const all = await issueAllClaims({ by: admin.user, now, linkBase: LINK_BASE });
    expect(all.length).toBe(unclaimedBefore.n);
    expect(new Set(all.map((c) => c.link)).size).toBe(all.length);
    expect(all.every((c) => c.sentTo === "desk")).toBe(true);
    expect(db.select().from(notifications).where(eq(notifications.to, CENTRE_DESK)).all().length - deskBefore).toBe(all.length);
  });
});

describe("claiming", () => {
  it("opens the mediator account with the mediator's name, uses the link up, and the password signs in", async () => {
    const now = Date.UTC(2031, 4, 6, 2);
    const { admin, m } = fixture(now);
    const { link } = await issueClaim({ by: admin.user, mediatorId: m.id, now, linkBase: LINK_BASE });
    const token = tokenOf(link);
    const user = await claimAccount({
      token,
      email: " Claimed.One@Example.test ",
      password: "claim-password-1",
      now: now + DAY,
      locale: "zh",
    });
    expect([user.role, user.mediatorId, user.name, user.email]).toEqual(["mediator", m.id, m.name, "claimed.one@example.test"]);
    expect(
      db
        .select()
        .from(accountEvents)
        .where(eq(accountEvents.userId, user.id))
        .all()
        .map((e) => e.event),
    ).toEqual(["claimed"]);
    const login = await verifyLogin({
      email: "claimed.one@example.test",
      password: "claim-password-1",
      address: "198.51.100.1",
      now: now + DAY,
    });
    expect(login.ok).toBe(true);

    // Single use: a second claim, or the page, finds the link gone.
    await expect(
      claimAccount({ token, email: "two@example.test", password: "claim-password-1", now: now + DAY, locale: "zh" }),
    ).rejects.toMatchObject({
      gone: true,
    });
    expect(db.select().from(users).where(eq(users.email, "two@example.test")).get()).toBeUndefined();
  });

  it("two claims of one link at once open one account", async () => {
    const now = Date.UTC(2031, 4, 6, 2);
    const { admin, m } = fixture(now);
    const token = tokenOf((await issueClaim({ by: admin.user, mediatorId: m.id, now, linkBase: LINK_BASE })).link);
    const results = await Promise.allSettled(
      ["race-a@example.test", "race-b@example.test"].map((email) =>
        claimAccount({ token, email, password: "claim-password-1", now, locale: "zh" }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(db.select().from(users).where(eq(users.mediatorId, m.id)).all()).toHaveLength(1);
  });

  it("refuses a short password and an e-mail already in use, and keeps the link open", async () => {
    const now = Date.UTC(2031, 4, 6, 2);
    const { admin, m } = fixture(now);
    const token = tokenOf((await issueClaim({ by: admin.user, mediatorId: m.id, now, linkBase: LINK_BASE })).link);
    await expect(claimAccount({ token, email: "short@example.test", password: "short", now, locale: "zh" })).rejects.toThrow();
    await expect(claimAccount({ token, email: admin.email, password: "claim-password-1", now, locale: "zh" })).rejects.toMatchObject({
      code: "email_taken",
    });
    expect(findClaim({ token, now }).mediatorName).toBe(m.name);
  });
});

/** A page loader's or action's answer as Remix would send it: status, headers and the data. */
async function page(method: "GET" | "POST", token: string, o: { form?: Record<string, string>; origin?: string } = {}) {
  const request = new Request(`http://test.local/claim/${token}`, {
    method,
    headers: method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded", Origin: o.origin ?? "http://test.local" } : {},
    body: o.form ? new URLSearchParams(o.form) : undefined,
  });
  const fn = method === "GET" ? claimPage.loader : claimPage.action;
  try {
    const res = (await fn({ request, params: { token }, context: {} })) as unknown;
    if (res instanceof Response) return { status: res.status, headers: res.headers, body: null as Json };
    const d = res as { data: Json; init?: ResponseInit | null };
    return { status: d.init?.status ?? 200, headers: new Headers(d.init?.headers), body: d.data };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers, body: null as Json };
    throw thrown;
  }
}

describe("the claim page", () => {
  it("shows the name, claims and signs in with a session cookie; unknown is 404, used is 410, both alike", async () => {
    const now = Date.now();
    const { admin, m } = fixture(now);
    const token = tokenOf((await issueClaim({ by: admin.user, mediatorId: m.id, now, linkBase: LINK_BASE })).link);

    const shown = await page("GET", token);
    expect([shown.status, shown.body.state, shown.body.mediatorName]).toEqual([200, "open", m.name]);

    const form = { email: "page-claim@example.test", password: "claim-password-1" };
    expect((await page("POST", token, { form, origin: "https://evil.example" })).status).toBe(403);
    expect((await page("POST", token, { form: { ...form, password: "short" } })).status).toBe(400);

    const post = await page("POST", token, { form });
    expect(post.status).toBe(302);
    expect(post.headers.get("Location")).toBe("/dashboard");
    const secret = decodeURIComponent(post.headers.get("Set-Cookie")!.match(/sid=([^;]+)/)![1]);
    const session = getSessionUser(secret, "cookie", Date.now());
    expect([session?.user.role, session?.user.mediatorId]).toEqual(["mediator", m.id]);

    const used = await page("GET", token);
    const unknown = await page("GET", "x".repeat(43));
    expect([used.status, unknown.status]).toEqual([410, 404]);
    expect(used.body).toEqual(unknown.body);
    expect((await page("POST", token, { form: { ...form, email: "again@example.test" } })).status).toBe(410);
  });
});
