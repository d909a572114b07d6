// Deactivating accounts and changing roles (issue 9): never a delete; every live session and token of a
// deactivated person is revoked at once and sign-in says why; the last active admin can be neither
// deactivated nor demoted (409); every change is in account_events with who, when, before and after.
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call, type Json } from "./call";
import { openDb } from "../../db/client";
import { accountEvents, sessions, users } from "../../db/schema";
import { createAccount, createMediator, createStaff } from "../factories";

const db = openDb(freshDatabase());
const { deactivateAccount, reactivateAccount, changeRole } = await import("~/models/accounts-admin.server");
const { createSession, getSessionUser, verifyLogin, csrfTokenFor } = await import("~/models/auth.server");
const adminPage = await import("~/routes/admin.accounts");
const tokenRoute = await import("~/routes/api.v1.auth.token");

const eventsOf = (userId: number) =>
  db
    .select()
    .from(accountEvents)
    .where(eq(accountEvents.userId, userId))
    .all()
    .map((e) => ({ event: e.event, actor: e.actorUserId, at: e.at, before: e.before, after: e.after }));

let address = 0;
const login = (email: string, password: string, now: number) => verifyLogin({ email, password, address: `192.0.2.${++address}`, now });

describe("deactivating an account", () => {
  it("revokes every session and token at once, refuses sign-in with its own reason, keeps the row, and is audited", async () => {
    const now = Date.now();
    const admin = createAccount(db, "admin", { now });
    const staff = createStaff(db, { now });
    const cookie = await createSession(staff.user.id, "cookie", now);
    expect(getSessionUser(staff.token, "token", now)).not.toBeNull();

    const { revoked } = await deactivateAccount({ by: admin.user, userId: staff.user.id, now });
    expect(revoked).toBe(2);
    expect(getSessionUser(staff.token, "token", now)).toBeNull();
    expect(getSessionUser(cookie.secret, "cookie", now)).toBeNull();
    expect(
      db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, staff.user.id), isNull(sessions.revokedAt)))
        .all(),
    ).toEqual([]);
    expect(await login(staff.email, staff.password, now)).toEqual({ ok: false, reason: "disabled" });
    // A wrong password is still just wrong: the reason is told only to who knows the password.
    expect(await login(staff.email, "wrong-password", now)).toEqual({ ok: false, reason: "invalid" });
    expect(db.select().from(users).where(eq(users.id, staff.user.id)).get()?.disabledAt?.getTime()).toBe(now);
    // The API and the sign-in page say so too (only to who gave the right password).
    const token = await call(tokenRoute, "/api/v1/auth/token", { method: "POST", body: { email: staff.email, password: staff.password } });
    expect([token.status, token.body.error?.code]).toEqual([403, "account_disabled"]);
    const wrong = await call(tokenRoute, "/api/v1/auth/token", {
      method: "POST",
      body: { email: staff.email, password: "wrong-password" },
    });
    expect([wrong.status, wrong.body.error?.code]).toEqual([401, "invalid_credentials"]);

    await reactivateAccount({ by: admin.user, userId: staff.user.id, now: now + 1 });
    expect((await login(staff.email, staff.password, now + 1)).ok).toBe(true);
    expect(eventsOf(staff.user.id)).toEqual([
      { event: "deactivated", actor: admin.user.id, at: now, before: { active: true }, after: { active: false, sessionsRevoked: 2 } },
      { event: "reactivated", actor: admin.user.id, at: now + 1, before: { active: false }, after: { active: true } },
    ]);
  });

  it("only an admin may; deactivating twice is refused", async () => {
    const now = Date.now();
    const admin = createAccount(db, "admin", { now });
    const staff = createStaff(db, { now });
    const other = createStaff(db, { now });
    await expect(deactivateAccount({ by: staff.user, userId: other.user.id, now })).rejects.toMatchObject({ code: "forbidden" });
    await deactivateAccount({ by: admin.user, userId: other.user.id, now });
    await expect(deactivateAccount({ by: admin.user, userId: other.user.id, now })).rejects.toMatchObject({ code: "illegal_transition" });
  });
});

describe("roles", () => {
  it("moves staff to admin and back, audited; a mediator's or party's role stays", async () => {
    const now = Date.now();
    const admin = createAccount(db, "admin", { now });
    const staff = createStaff(db, { now });
    await changeRole({ by: admin.user, userId: staff.user.id, role: "admin", now });
    expect(getSessionUser(staff.token, "token", now)?.user.role).toBe("admin");
    await changeRole({ by: admin.user, userId: staff.user.id, role: "staff", now: now + 1 });
    expect(eventsOf(staff.user.id).map((e) => [e.event, e.before, e.after])).toEqual([
      ["role-changed", { role: "staff" }, { role: "admin" }],
      ["role-changed", { role: "admin" }, { role: "staff" }],
    ]);
    const m = createMediator(db, { modes: ["online"], account: true, now });
    await expect(changeRole({ by: admin.user, userId: m.account!.user.id, role: "admin", now })).rejects.toMatchObject({
      code: "illegal_transition",
    });
    await expect(changeRole({ by: admin.user, userId: staff.user.id, role: "party", now })).rejects.toMatchObject({
      code: "invalid_input",
    });
  });

  it("the last active admin can be neither deactivated nor demoted: 409 on the page, nothing changed", async () => {
    const now = Date.now();
    const last = createAccount(db, "admin", { now });
    // Every other admin (the seed's, other tests') deactivated: `last` is then the only one.
    const others = db
      .select()
      .from(users)
      .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
      .all();
    for (const a of others) if (a.id !== last.user.id) await deactivateAccount({ by: last.user, userId: a.id, now });

    await expect(deactivateAccount({ by: last.user, userId: last.user.id, now })).rejects.toMatchObject({ code: "conflict" });
    await expect(changeRole({ by: last.user, userId: last.user.id, role: "staff", now })).rejects.toMatchObject({ code: "conflict" });

    const { secret } = await createSession(last.user.id, "cookie", now);
    const post = (fields: Record<string, string>) => postPage(secret, fields);
    const refused = await post({ intent: "deactivate", userId: String(last.user.id), name: "x" });
    expect(refused.status).toBe(409);
    expect(refused.body.step.refusal).toMatch(/最后一个/);
    expect(getSessionUser(secret, "cookie", now)?.user.role).toBe("admin");

    // With a second admin, the first may step down.
    const staff = createStaff(db, { now });
    expect((await post({ intent: "role", userId: String(staff.user.id), role: "admin", name: "x" })).status).toBe(200);
    expect((await post({ intent: "role", userId: String(last.user.id), role: "staff", name: "x" })).status).toBe(200);
    expect(db.select().from(users).where(eq(users.id, last.user.id)).get()?.role).toBe("staff");
  });
});

describe("the admin page's invitations", () => {
  it("one invitation answers with its link once; a contact that is neither e-mail nor phone is a 400", async () => {
    const now = Date.now();
    const admin = createAccount(db, "admin", { now });
    const { secret } = await createSession(admin.user.id, "cookie", now);
    const m = createMediator(db, { modes: ["online"], now });
    const bad = await postPage(secret, { intent: "invite", mediatorId: String(m.id), contact: "not a contact" });
    expect(bad.status).toBe(400);
    const ok = await postPage(secret, { intent: "invite", mediatorId: String(m.id), contact: "m@example.test" });
    expect(ok.status).toBe(200);
    expect(ok.body.step.issued).toHaveLength(1);
    expect(ok.body.step.issued[0].link).toMatch(/^http:\/\/test\.local\/claim\/[\w-]{40,}$/);
    const staff = createStaff(db, { now });
    const asStaff = await createSession(staff.user.id, "cookie", now);
    expect((await postPage(asStaff.secret, { intent: "invite-all" })).status).toBe(403);
  });
});

/** Posts the admin page's form with the session's CSRF token; Remix's answer as status and data. */
async function postPage(secret: string, fields: Record<string, string>) {
  const request = new Request("http://test.local/admin/accounts", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `sid=${secret}`, Origin: "http://test.local" },
    body: new URLSearchParams({ csrf: csrfTokenFor(secret), ...fields }),
  });
  try {
    const res = (await adminPage.action({ request, params: {}, context: {} })) as unknown;
    if (res instanceof Response) return { status: res.status, body: null as Json };
    const d = res as { data: Json; init?: ResponseInit | null };
    return { status: d.init?.status ?? 200, body: d.data };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null as Json };
    throw thrown;
  }
}
