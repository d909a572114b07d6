// Editing the centre's accounts (issue 11): name, e-mail, phone, role and linked mediator, each change
// audited in account_events (the fields named, never the e-mail or phone themselves); opening an
// account answers with a redirect to an empty form (Post/Redirect/Get); reactivation is audited too;
// the refusals (e-mail taken, mediator linked, the last admin, a party's account) are each their own.
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { accountEvents, users } from "../../db/schema";
import { createAccount, createMediator, createParty, createStaff, uniqueMobile } from "../factories";
import { loadPage } from "./helpers/load-page";

const db = openDb(freshDatabase());
const { editAccount, editAccountSchema } = await import("~/models/accounts-admin.server");
const { createSession, csrfTokenFor } = await import("~/models/auth.server");
const adminPage = await import("~/routes/admin.accounts");

const NOW = Date.now();
const admin = createAccount(db, "admin", { now: NOW });
const eventsOf = (userId: number) =>
  db
    .select()
    .from(accountEvents)
    .where(eq(accountEvents.userId, userId))
    .all()
    .map((e) => ({ event: e.event, actor: e.actorUserId, at: e.at, before: e.before, after: e.after }));
const userRow = (id: number) => db.select().from(users).where(eq(users.id, id)).get()!;

/** The admin page's form, posted with the admin's session and CSRF token: status, Location, data. */
async function post(fields: Record<string, string>) {
  const { secret } = await createSession(admin.user.id, "cookie", Date.now());
  const request = new Request("http://test.local/admin/accounts", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `sid=${secret}`, Origin: "http://test.local" },
    body: new URLSearchParams({ csrf: csrfTokenFor(secret), ...fields }),
  });
  try {
    const res = (await adminPage.action({ request, params: {}, context: {} })) as unknown;
    if (res instanceof Response) return { status: res.status, location: res.headers.get("Location"), body: null };
    const d = res as { data: { edit?: { result: { error?: Record<string, string[]> } } }; init?: ResponseInit | null };
    return { status: d.init?.status ?? 200, location: null, body: d.data };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: null, body: null };
    throw thrown;
  }
}

describe("editing an account", () => {
  it("saves name, e-mail, a normalised phone and the role; the audit names the fields, holds no e-mail or phone", async () => {
    const staff = createStaff(db, { now: NOW });
    const mobile = uniqueMobile();
    const input = editAccountSchema.parse({
      name: "改过的名字",
      email: `Edited-${staff.user.id}@Example.test`,
      phone: `+86 ${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`,
      role: "admin",
    });
    expect(await editAccount({ by: admin.user, userId: staff.user.id, input, now: NOW })).toEqual({
      changed: ["name", "email", "phone", "role"],
    });
    const row = userRow(staff.user.id);
    expect([row.name, row.email, row.phone, row.role]).toEqual(["改过的名字", `edited-${staff.user.id}@example.test`, mobile, "admin"]);
    const events = eventsOf(staff.user.id);
    expect(events).toEqual([
      {
        event: "edited",
        actor: admin.user.id,
        at: NOW,
        before: { role: "staff", mediatorId: null, fields: ["name", "email", "phone", "role"] },
        after: { role: "admin", mediatorId: null },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(mobile);
  });

  it("on the page: success redirects to the notice; nothing changed is no audit row; a taken e-mail is a field error (409)", async () => {
    const staff = createStaff(db, { now: NOW });
    const other = createStaff(db, { now: NOW });
    const same = { intent: "edit", userId: String(staff.user.id), name: staff.user.name, email: staff.email, phone: "", role: "staff" };
    expect((await post(same)).location).toBe(`/admin/accounts?unchanged=${staff.user.id}`);
    expect(eventsOf(staff.user.id)).toEqual([]);
    const renamed = await post({ ...same, name: "新名字" });
    expect([renamed.status, renamed.location]).toEqual([302, `/admin/accounts?edited=${staff.user.id}`]);
    const taken = await post({ ...same, email: other.email });
    expect([taken.status, taken.body?.edit?.result.error?.email]).toEqual([409, ["这个邮箱已经注册过了。请直接登录，或换一个邮箱。"]]);
    const badPhone = await post({ ...same, phone: "0580-3000000" });
    expect([badPhone.status, Object.keys(badPhone.body?.edit?.result.error ?? {})]).toEqual([400, ["phone"]]);
  });

  it("moves a mediator account to the right mediator; one already linked is refused on the field (409)", async () => {
    const wrong = createMediator(db, { modes: ["online"], account: true, now: NOW });
    const right = createMediator(db, { modes: ["online"], now: NOW });
    const taken = createMediator(db, { modes: ["online"], account: true, now: NOW });
    const account = wrong.account!;
    const base = { intent: "edit", userId: String(account.user.id), name: account.user.name, email: account.email, role: "mediator" };
    const refused = await post({ ...base, mediatorId: String(taken.id) });
    expect([refused.status, refused.body?.edit?.result.error?.mediatorId?.length]).toEqual([409, 1]);
    expect((await post({ ...base, mediatorId: String(right.id) })).status).toBe(302);
    expect(userRow(account.user.id).mediatorId).toBe(right.id);
    expect(eventsOf(account.user.id).map((e) => [e.before, e.after])).toEqual([
      [
        { role: "mediator", mediatorId: wrong.id, fields: ["mediatorId"] },
        { role: "mediator", mediatorId: right.id },
      ],
    ]);
  });

  it("the last active admin cannot be edited into staff; a party's account is not found here", async () => {
    const last = createAccount(db, "admin", { now: NOW });
    for (const a of db
      .select()
      .from(users)
      .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
      .all())
      if (a.id !== last.user.id)
        db.update(users)
          .set({ disabledAt: new Date(NOW) })
          .where(eq(users.id, a.id))
          .run();
    const input = editAccountSchema.parse({ name: last.user.name, email: last.email, role: "staff" });
    await expect(editAccount({ by: last.user, userId: last.user.id, input, now: NOW })).rejects.toMatchObject({ code: "conflict" });
    const party = createParty(db, { now: NOW });
    const asParty = editAccountSchema.parse({ name: "x", email: party.email, role: "staff" });
    await expect(editAccount({ by: last.user, userId: party.user.id, input: asParty, now: NOW })).rejects.toMatchObject({
      code: "not_found",
    });
    // The admins this test deactivated by hand come back, for the tests after it.
    db.update(users).set({ disabledAt: null }).where(eq(users.role, "admin")).run();
  });
});

describe("opening, deactivating and reactivating on the page", () => {
  it("opening an account redirects to ?created=ID, whose page names it (the form comes back empty)", async () => {
    const m = createMediator(db, { modes: ["online"], now: NOW });
    const email = `opened-${m.id}@example.test`;
    const res = await post({ name: "新开账号", email, role: "mediator", mediatorId: String(m.id), password: "a-long-password" });
    const id = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
    expect([res.status, res.location]).toEqual([302, `/admin/accounts?created=${id}`]);
    const page = await loadPage(adminPage, `/admin/accounts?created=${id}`, admin.user.id);
    expect([page.status, page.body.created]).toEqual([200, "新开账号"]);
  });

  it("a mistaken account is deactivated and reactivated from the page, each audited", async () => {
    const staff = createStaff(db, { now: NOW });
    expect((await post({ intent: "deactivate", userId: String(staff.user.id), name: staff.user.name })).status).toBe(200);
    expect((await post({ intent: "reactivate", userId: String(staff.user.id), name: staff.user.name })).status).toBe(200);
    expect(userRow(staff.user.id).disabledAt).toBeNull();
    expect(eventsOf(staff.user.id).map((e) => [e.event, e.actor])).toEqual([
      ["deactivated", admin.user.id],
      ["reactivated", admin.user.id],
    ]);
  });

  it("the picker's choices carry each name's pinyin; ?edit of a party's account is a 404", async () => {
    const m = createMediator(db, { modes: ["online"], name: "龙旭测", now: NOW });
    const page = await loadPage(adminPage, "/admin/accounts", admin.user.id);
    expect(page.body.choices.find((c: { id: number }) => c.id === m.id)).toMatchObject({ name: "龙旭测", pinyin: "long xu ce" });
    const party = createParty(db, { now: NOW });
    expect((await loadPage(adminPage, `/admin/accounts?edit=${party.user.id}`, admin.user.id)).status).toBe(404);
  });
});
