// A party's own data (issue 11): the download holds theirs and nobody else's; deletion anonymises the
// account and their rows of closed cases, revokes every session, keeps every mediator's record figures
// as they were (a rebuild from the rows equals the record before), and is refused while a case is open.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { accountEvents, caseParties, notifications, ratings, records, sessions, users } from "../../db/schema";
import { createCase, createClosedCase, createMediator, createParty, createPhoneParty } from "../factories";

const file = freshDatabase();
const { exportPersonalData, deletePersonalData, OpenCasesError, ANONYMISED_NAME } = await import("~/models/personal-data.server");
const { rebuildAllRecords } = await import("~/models/records.server");
const { getSessionUser, createSession, csrfTokenFor } = await import("~/models/auth.server");
const accountPage = await import("~/routes/account");

/** Posts the /account form as the browser would, with the session cookie and its CSRF token. */
async function postAccount(secret: string, fields: Record<string, string>): Promise<Response> {
  const request = new Request("http://test.local/account", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `sid=${secret}`, Origin: "http://test.local" },
    body: new URLSearchParams({ csrf: csrfTokenFor(secret), ...fields }),
  });
  try {
    const res = await accountPage.action({ request, params: {}, context: { clientAddress: "192.0.2.1" } });
    return res instanceof Response
      ? res
      : new Response(JSON.stringify((res as { data: unknown }).data), { status: (res as { init?: ResponseInit }).init?.status ?? 200 });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
const db = openDb(file);

const T0 = Date.UTC(2031, 2, 3, 4, 0, 0);
const recordRows = () =>
  db
    .select()
    .from(records)
    .all()
    .map((r) => JSON.stringify(r))
    .sort();

/** A closed case filed by `userId`, their own party row (name, phone) and their rating of it. */
function closedCaseOf(userId: number, mediatorId: number, name: string, phone: string) {
  const c = createClosedCase(db, { mediatorId, partyUserId: userId, closedAt: T0 - 5 * 86_400_000 });
  const party = db.insert(caseParties).values({ caseId: c.id, side: "applicant", name, phone, userId }).returning().get();
  db.insert(caseParties).values({ caseId: c.id, side: "respondent", name: "对方王某", phone: "13700000000" }).run();
  db.insert(ratings)
    .values({ caseId: c.id, casePartyId: party.id, stars: 5, comment: "很好", at: T0 - 4 * 86_400_000 })
    .run();
  return c;
}

describe("downloading one's data", () => {
  it("holds the party's account, cases, bookings and ratings, and nothing of anyone else", async () => {
    const m = createMediator(db, { name: "导出测试调解员", now: T0 });
    const me = createPhoneParty(db, { name: "导出本人", token: false });
    const other = createParty(db, { name: "别人张三", phone: "13600000000", token: false });
    const mine = closedCaseOf(me.user.id, m.id, "导出本人", me.loginPhone);
    closedCaseOf(other.user.id, m.id, "别人张三", "13600000000");
    const out = await exportPersonalData({ viewer: me.user, now: T0 });
    expect(out.account).toMatchObject({ id: me.user.id, name: "导出本人", loginPhone: me.loginPhone });
    expect(out.cases.map((c) => c.id)).toEqual([mine.id]);
    expect(out.cases[0].you).toMatchObject({ name: "导出本人", side: "applicant" });
    expect(out.ratings).toEqual([expect.objectContaining({ caseId: mine.id, stars: 5 })]);
    const text = JSON.stringify(out);
    for (const foreign of ["别人张三", "13600000000", "对方王某", "13700000000", other.email]) expect(text).not.toContain(foreign);
    expect(
      db
        .select()
        .from(accountEvents)
        .where(eq(accountEvents.userId, me.user.id))
        .all()
        .map((e) => e.event),
    ).toContain("data-exported");
  });
});

describe("deleting one's data", () => {
  it("anonymises the account and its closed cases' party rows, revokes sessions, keeps the records equal", async () => {
    const m = createMediator(db, { name: "删除测试调解员", now: T0 });
    const me = createPhoneParty(db, { name: "删除本人", now: T0 });
    const c = closedCaseOf(me.user.id, m.id, "删除本人", me.loginPhone);
    db.insert(notifications)
      .values({
        userId: me.user.id,
        channel: "sms",
        to: me.loginPhone,
        template: "case.closed",
        params: { number: "x" },
        createdAt: new Date(T0),
      })
      .run();
    // The ratings above were written as rows: the records are first made to follow them.
    db.transaction((tx) => rebuildAllRecords(tx));
    const before = recordRows();

    await deletePersonalData({ viewer: me.user, now: T0 });

    const row = db.select().from(users).where(eq(users.id, me.user.id)).get()!;
    expect(row).toMatchObject({ name: ANONYMISED_NAME, email: null, phone: null, loginPhone: null, passwordHash: null, anonymisedAt: T0 });
    expect(row.disabledAt).not.toBeNull();
    expect(getSessionUser(me.token, "token", T0 + 1)).toBeNull();
    expect(
      db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, me.user.id))
        .all()
        .every((s) => s.revokedAt),
    ).toBe(true);
    const parties = db.select().from(caseParties).where(eq(caseParties.caseId, c.id)).all();
    expect(parties.find((p) => p.userId === me.user.id)).toMatchObject({ name: ANONYMISED_NAME, phone: null });
    // The other side's row is theirs, not ours to erase.
    expect(parties.find((p) => p.side === "respondent")).toMatchObject({ name: "对方王某" });
    expect(JSON.stringify(db.select().from(notifications).where(eq(notifications.userId, me.user.id)).all())).not.toContain(me.loginPhone);
    expect(recordRows()).toEqual(before);
    db.transaction((tx) => rebuildAllRecords(tx));
    expect(recordRows()).toEqual(before);
    expect(
      db
        .select()
        .from(accountEvents)
        .where(eq(accountEvents.userId, me.user.id))
        .all()
        .map((e) => e.event),
    ).toContain("data-deleted");
    // Once is enough.
    await expect(deletePersonalData({ viewer: me.user, now: T0 + 1 })).rejects.toMatchObject({ code: "illegal_transition" });
  });

  it("is refused while a case is open, naming it, and changes nothing", async () => {
    const me = createPhoneParty(db, { name: "未结本人", token: false });
    const open = createCase(db, { partyUserId: me.user.id });
    const error = await deletePersonalData({ viewer: me.user, now: T0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenCasesError);
    expect((error as InstanceType<typeof OpenCasesError>).numbers).toHaveLength(1);
    expect(open.id).toBeGreaterThan(0);
    expect(db.select().from(users).where(eq(users.id, me.user.id)).get()).toMatchObject({ name: "未结本人", anonymisedAt: null });
  });
});

describe("/account", () => {
  it("downloads the party's JSON and deletes only with the box ticked", async () => {
    const me = createPhoneParty(db, { name: "页面本人", token: false });
    const { secret } = await createSession(me.user.id, "cookie", Date.now());
    const download = await postAccount(secret, { intent: "download" });
    expect(download.headers.get("Content-Disposition")).toContain("attachment");
    expect((await download.json()).account).toMatchObject({ id: me.user.id, name: "页面本人" });
    expect((await postAccount(secret, { intent: "delete" })).status).toBe(400);
    const deleted = await postAccount(secret, { intent: "delete", confirm: "on" });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("Location")).toBe("/login?notice=deleted");
    expect(db.select().from(users).where(eq(users.id, me.user.id)).get()).toMatchObject({ name: ANONYMISED_NAME });
  });

  it("refuses a post without the CSRF token", async () => {
    const me = createPhoneParty(db, { token: false });
    const { secret } = await createSession(me.user.id, "cookie", Date.now());
    const request = new Request("http://test.local/account", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `sid=${secret}` },
      body: new URLSearchParams({ intent: "delete", confirm: "on" }),
    });
    const res = await Promise.resolve(accountPage.action({ request, params: {}, context: {} })).catch((e: unknown) => e);
    expect((res as Response).status).toBe(403);
    expect(db.select().from(users).where(eq(users.id, me.user.id)).get()!.anonymisedAt).toBeNull();
  });
});
