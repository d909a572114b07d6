// Town staff (issue 9): a case filed with a town tells that town's active staff through the outbox, each in
// their own language, naming the case and never a party; a case without a town, or with another town, tells
// them nothing. An admin sets a staff member's town on the accounts page (audited); no one else may.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { accountEvents, notifications, users } from "../../db/schema";
import { createAccount, createParty, createStaff } from "../factories";

const db = openDb(freshDatabase());
const casesRoute = await import("~/routes/api.v1.cases");
const adminPage = await import("~/routes/admin.accounts");
const { setStaffTown } = await import("~/models/town-staff.server");
const { createSession, csrfTokenFor } = await import("~/models/auth.server");
const { renderNotification } = await import("~/i18n/notifications");

const admin = createAccount(db, "admin");
const setTown = (userId: number, town: "liuheng" | "taohua" | null) => setStaffTown({ by: admin.user, userId, town, now: Date.now() });
const toldOf = (userId: number) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.template, "case.town-staff")))
    .all();
const filing = (town: string | undefined, phone: string) => ({
  category: "maritime-fishery",
  description: "渔船在六横附近海域碰撞，船主之间就修理费发生争议。",
  ...(town ? { town } : {}),
  respondents: [{ name: "示例船主 王某", phone }],
});

describe("a case filed with a town", () => {
  it("tells that town's active staff, each in their language, naming the case and not its parties", async () => {
    const zhStaff = createStaff(db, { phone: "13900000001" });
    const enStaff = createStaff(db, { locale: "en" });
    const otherTown = createStaff(db);
    const noTown = createStaff(db);
    const disabled = createStaff(db);
    await setTown(zhStaff.user.id, "liuheng");
    await setTown(enStaff.user.id, "liuheng");
    await setTown(disabled.user.id, "liuheng");
    await setTown(otherTown.user.id, "taohua");
    db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.user.id)).run();
    const party = createParty(db);

    const filed = await call(casesRoute, "/api/v1/cases", { method: "POST", token: party.token, body: filing("liuheng", "13800000201") });
    expect(filed.status).toBe(201);
    const { id, number } = filed.body;

    const zh = toldOf(zhStaff.user.id);
    // An e-mail, and a text to the phone they gave.
    expect(zh.map((n) => [n.channel, n.locale]).sort()).toEqual([
      ["email", "zh"],
      ["sms", "zh"],
    ]);
    expect(zh[0].params).toMatchObject({ caseId: id, number, town: "liuheng", category: "maritime-fishery" });
    const zhText = renderNotification(zh.find((n) => n.channel === "email")!);
    expect(zhText.subject).toBe(`六横镇：新的调解申请 ${number}`);
    expect(zhText.body).toContain("海事渔事纠纷");
    expect(zhText.body).toContain(`/cases/${id}`);

    const en = toldOf(enStaff.user.id);
    expect(en.map((n) => [n.channel, n.locale])).toEqual([["email", "en"]]);
    const enText = renderNotification(en[0]);
    expect(enText.subject).toBe(`Liuheng: new mediation request ${number}`);
    expect(enText.body).toContain("Maritime & fishery disputes");
    for (const text of [zhText, enText]) {
      expect(text.body).not.toContain("王某");
      expect(text.body).not.toContain(party.user.name);
      expect(text.body).not.toContain("13800000201");
    }
    for (const s of [otherTown, noTown, disabled]) expect(toldOf(s.user.id)).toEqual([]);
  });

  it("staff filing at the window for a town tell its staff too; a case without a town tells no one", async () => {
    const townStaff = createStaff(db);
    await setTown(townStaff.user.id, "taohua");
    const desk = createStaff(db);
    const atWindow = await call(casesRoute, "/api/v1/cases", {
      method: "POST",
      token: desk.token,
      body: { ...filing("taohua", "13800000202"), applicants: [{ name: "桃花镇渔民 李某" }] },
    });
    expect(atWindow.status).toBe(201);
    expect(toldOf(townStaff.user.id).map((n) => n.params?.caseId)).toEqual([atWindow.body.id]);
    const party = createParty(db);
    const none = await call(casesRoute, "/api/v1/cases", { method: "POST", token: party.token, body: filing(undefined, "13800000203") });
    expect(none.status).toBe(201);
    expect(
      db
        .select()
        .from(notifications)
        .where(eq(notifications.template, "case.town-staff"))
        .all()
        .map((n) => n.params?.caseId),
    ).not.toContain(none.body.id);
  });
});

describe("setting a staff member's town", () => {
  it("an admin sets and clears it, audited; a party's account has none; a staff member may not set it", async () => {
    const s = createStaff(db);
    await setTown(s.user.id, "liuheng");
    await setTown(s.user.id, "liuheng");
    await setTown(s.user.id, null);
    expect(db.select().from(users).where(eq(users.id, s.user.id)).get()?.townSlug).toBeNull();
    const events = db.select().from(accountEvents).where(eq(accountEvents.userId, s.user.id)).all();
    expect(events.map((e) => [e.event, e.actorUserId, e.before, e.after])).toEqual([
      ["town-changed", admin.user.id, { town: null }, { town: "liuheng" }],
      ["town-changed", admin.user.id, { town: "liuheng" }, { town: null }],
    ]);
    const party = createParty(db);
    await expect(setStaffTown({ by: admin.user, userId: party.user.id, town: "liuheng", now: Date.now() })).rejects.toMatchObject({
      code: "illegal_transition",
    });
    await expect(setStaffTown({ by: s.user, userId: s.user.id, town: "liuheng", now: Date.now() })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("through the accounts page: the form's post sets it; an unknown town is a 400; a party's account is refused", async () => {
    const now = Date.now();
    const { secret } = await createSession(admin.user.id, "cookie", now);
    const s = createStaff(db);
    const ok = await postPage(secret, { intent: "town", userId: String(s.user.id), name: "测试", town: "dongji" });
    expect(ok.status).toBe(200);
    expect(ok.body?.step.notice).toContain("东极镇");
    expect(db.select().from(users).where(eq(users.id, s.user.id)).get()?.townSlug).toBe("dongji");
    expect((await postPage(secret, { intent: "town", userId: String(s.user.id), name: "测试", town: "atlantis" })).status).toBe(400);
    const party = createParty(db);
    const refused = await postPage(secret, { intent: "town", userId: String(party.user.id), name: "x", town: "dongji" });
    expect(refused.status).toBe(409);
    const cleared = await postPage(secret, { intent: "town", userId: String(s.user.id), name: "测试", town: "" });
    expect(cleared.status).toBe(200);
    expect(db.select().from(users).where(eq(users.id, s.user.id)).get()?.townSlug).toBeNull();
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
    if (res instanceof Response) return { status: res.status, body: null };
    const d = res as { data: { step: { notice?: string; refusal?: string } }; init?: ResponseInit | null };
    return { status: d.init?.status ?? 200, body: d.data };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null };
    throw thrown;
  }
}
