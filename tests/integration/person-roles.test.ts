// The admin's roles (ADR 038): granting and removing the centre's people roles (3+X panel seats, the
// pre-litigation team) through the model and /admin/roles, admin only (staff read, a party neither); a
// department names its category, a pre-litigation mediator is in the public pool, a held role is a 409
// and a role not held a 404; each change writes its person_role_events row; and a judge granted the
// team's role is the one the fast-track flag then chooses.
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { loadPage } from "./helpers/load-page";
import { postPage } from "./helpers/post-page";
import { openDb } from "../../db/client";
import { panelRoles, personRoleEvents } from "../../db/schema";
import { TEAM_ROLES } from "../../domain/panel";
import { createAccount, createMediator, createParty, createQueueCase, createStaff } from "../factories";
import { createPanelPerson } from "../factories-panels";

const db = openDb(freshDatabase());
const page = await import("~/routes/admin.roles");
const flagRoute = await import("~/routes/api.v1.cases.$id.pre-litigation");
const { grantPersonRole, listPersonRoles, removePersonRole } = await import("~/models/person-roles.server");
const { isDomainError } = await import("~/models/errors");

const NOW = Date.now();
const DAY = 86_400_000;
const admin = createAccount(db, "admin", { now: NOW });
const staff = createStaff(db, { now: NOW });
const party = createParty(db, { now: NOW });
// An unlisted person (a judge: never in the public pool) and a pool mediator, neither holding any role yet.
const judge = createPanelPerson(db, { role: "judge", name: "丙法官", now: NOW });
const poolMediator = createMediator(db, { name: "库中调解员", categories: ["labour"], now: NOW });

const rolesOf = (personId: number) =>
  db
    .select({ role: panelRoles.role, category: panelRoles.category })
    .from(panelRoles)
    .where(eq(panelRoles.personId, personId))
    .orderBy(panelRoles.id)
    .all();
const eventsOf = (personId: number) =>
  db
    .select({
      role: personRoleEvents.role,
      category: personRoleEvents.category,
      change: personRoleEvents.change,
      by: personRoleEvents.byUserId,
      at: personRoleEvents.at,
    })
    .from(personRoleEvents)
    .where(eq(personRoleEvents.personId, personId))
    .orderBy(personRoleEvents.id)
    .all();

/** The refusal a model call throws: its code and detail reason, or null when it did not throw. */
async function refusal(run: () => Promise<unknown>) {
  try {
    await run();
    return null;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { code: error.code, reason: error.detail?.reason ?? null };
  }
}

describe("granting and removing through the model", () => {
  it("grants a department role for a category and removes it, each with its audit row", async () => {
    await grantPersonRole(db, { actor: admin.user, personId: judge.id, role: "department", category: "medical", now: NOW });
    expect(rolesOf(judge.id)).toEqual([
      { role: "judge", category: null },
      { role: "department", category: "medical" },
    ]);
    const listed = listPersonRoles(db, { actor: staff.user }).find((r) => r.role === "department")!;
    expect(listed.holders.find((h) => h.personId === judge.id)).toMatchObject({
      name: "丙法官",
      listed: false,
      active: true,
      category: "medical",
    });

    await removePersonRole(db, { actor: admin.user, personId: judge.id, role: "department", category: "medical", now: NOW + 1 });
    expect(rolesOf(judge.id)).toEqual([{ role: "judge", category: null }]);
    expect(eventsOf(judge.id)).toEqual([
      { role: "department", category: "medical", change: "granted", by: admin.user.id, at: NOW },
      { role: "department", category: "medical", change: "removed", by: admin.user.id, at: NOW + 1 },
    ]);
  });

  it("refuses staff and parties to change roles, and parties to read them", async () => {
    const grant = (actor: typeof staff.user) => () =>
      grantPersonRole(db, { actor, personId: poolMediator.id, role: "chief-mediator", now: NOW });
    expect(await refusal(grant(staff.user))).toEqual({ code: "forbidden", reason: null });
    expect(await refusal(grant(party.user))).toEqual({ code: "forbidden", reason: null });
    expect(await refusal(() => removePersonRole(db, { actor: staff.user, personId: judge.id, role: "judge", now: NOW }))).toEqual({
      code: "forbidden",
      reason: null,
    });
    expect(() => listPersonRoles(db, { actor: party.user })).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect([rolesOf(poolMediator.id), eventsOf(poolMediator.id)]).toEqual([[], []]);
  });

  it("refuses a department without a category, a category elsewhere, an unlisted team mediator, a held role and a role not held", async () => {
    const grant = (o: { personId: number; role: "department" | "judge" | "pre-litigation-mediator"; category?: "labour" }) => () =>
      grantPersonRole(db, { actor: admin.user, now: NOW, ...o });
    expect(await refusal(grant({ personId: judge.id, role: "department" }))).toEqual({ code: "invalid_input", reason: null });
    expect(await refusal(grant({ personId: poolMediator.id, role: "judge", category: "labour" }))).toEqual({
      code: "invalid_input",
      reason: null,
    });
    expect(await refusal(grant({ personId: judge.id, role: "pre-litigation-mediator" }))).toEqual({
      code: "illegal_transition",
      reason: "not_in_pool",
    });
    expect(await refusal(grant({ personId: judge.id, role: "judge" }))).toEqual({ code: "illegal_transition", reason: "role_held" });
    expect(await refusal(() => removePersonRole(db, { actor: admin.user, personId: poolMediator.id, role: "judge", now: NOW }))).toEqual({
      code: "not_found",
      reason: "role_not_held",
    });
    expect(await refusal(grant({ personId: 999_999, role: "judge" }))).toEqual({ code: "not_found", reason: null });
    expect([rolesOf(judge.id), eventsOf(poolMediator.id)]).toEqual([[{ role: "judge", category: null }], []]);
  });

  it("grants the team's mediator role to a person in the pool; an inactive person takes no role", async () => {
    await grantPersonRole(db, { actor: admin.user, personId: poolMediator.id, role: "pre-litigation-mediator", now: NOW });
    expect(rolesOf(poolMediator.id)).toEqual([{ role: "pre-litigation-mediator", category: null }]);
    const retired = createMediator(db, { name: "已停用调解员", active: false, now: NOW });
    expect(await refusal(() => grantPersonRole(db, { actor: admin.user, personId: retired.id, role: "chief-mediator", now: NOW }))).toEqual(
      {
        code: "illegal_transition",
        reason: "person_inactive",
      },
    );
  });
});

describe("the page /admin/roles", () => {
  it("lists every role for staff (no person picker) and refuses a party", async () => {
    const asStaff = await loadPage(page as never, "/admin/roles", staff.user.id);
    expect(asStaff.status).toBe(200);
    expect(asStaff.body.roles.map((r: { role: string }) => r.role)).toEqual([
      "judge",
      "chief-mediator",
      "legal-aid-lawyer",
      "department",
      "pre-litigation-mediator",
      "pre-litigation-judge",
    ]);
    expect([asStaff.body.admin, asStaff.body.choices]).toEqual([false, []]);
    expect((await loadPage(page as never, "/admin/roles", party.user.id)).status).toBe(403);
    // The admin's picker offers people outside the public pool too.
    const asAdmin = await loadPage(page as never, "/admin/roles", admin.user.id);
    expect(asAdmin.body.choices.find((c: { id: number }) => c.id === judge.id)).toMatchObject({ listed: false, name: "丙法官" });
  });

  it("grants and removes with CSRF, redirecting to the notice; staff, a party and a missing token are refused", async () => {
    const form = { intent: "grant", role: "legal-aid-lawyer", category: "", mediatorId: String(poolMediator.id) };
    expect((await postPage(page as never, "/admin/roles", staff.user.id, form)).status).toBe(403);
    expect((await postPage(page as never, "/admin/roles", party.user.id, form)).status).toBe(403);
    expect((await postPage(page as never, "/admin/roles", admin.user.id, form, { csrf: false })).status).toBe(403);
    expect(rolesOf(poolMediator.id).map((r) => r.role)).not.toContain("legal-aid-lawyer");

    const granted = await postPage(page as never, "/admin/roles", admin.user.id, form);
    expect([granted.status, granted.location]).toEqual([302, `/admin/roles?granted=${poolMediator.id}&role=legal-aid-lawyer`]);
    const notice = await loadPage(page as never, granted.location!, admin.user.id);
    expect(notice.body.notice).toBe("已将“法律援助律师”角色授予库中调解员。");

    const removed = await postPage(page as never, "/admin/roles", admin.user.id, {
      intent: "remove",
      personId: String(poolMediator.id),
      role: "legal-aid-lawyer",
      category: "",
    });
    expect([removed.status, removed.location]).toEqual([302, `/admin/roles?removed=${poolMediator.id}&role=legal-aid-lawyer`]);
    expect(
      eventsOf(poolMediator.id)
        .filter((e) => e.role === "legal-aid-lawyer")
        .map((e) => e.change),
    ).toEqual(["granted", "removed"]);
  });

  it("names the field: a department without a category is 400, a duplicate 409, an unlisted team mediator 409, a role not held 404", async () => {
    const post = (fields: Record<string, string>) => postPage(page as never, "/admin/roles", admin.user.id, { intent: "grant", ...fields });
    const noCategory = await post({ role: "department", category: "", mediatorId: String(judge.id) });
    expect([noCategory.status, noCategory.body.errors]).toEqual([400, { category: ["职能部门代表必须选择纠纷类型。"] }]);
    const noPerson = await post({ role: "judge", category: "", mediatorId: "" });
    expect([noPerson.status, noPerson.body.errors]).toEqual([400, { mediatorId: ["请选择人员"] }]);
    const held = await post({ role: "judge", category: "", mediatorId: String(judge.id) });
    expect([held.status, held.body.errors]).toEqual([409, { mediatorId: ["这位人员已经担任这一角色。"] }]);
    const unlisted = await post({ role: "pre-litigation-mediator", category: "", mediatorId: String(judge.id) });
    expect([unlisted.status, unlisted.body.errors.mediatorId[0]]).toEqual([409, expect.stringMatching(/^诉前调解员必须在公开调解员库中/)]);
    // What was chosen comes back to the form.
    expect(unlisted.body.values).toEqual({ role: "pre-litigation-mediator", category: "", mediatorId: String(judge.id) });
    const notHeld = await postPage(page as never, "/admin/roles", admin.user.id, {
      intent: "remove",
      personId: String(judge.id),
      role: "chief-mediator",
      category: "",
    });
    expect([notHeld.status, notHeld.body.refusal]).toEqual([404, "这位人员没有担任这一角色（可能刚被移除）。"]);
  });
});

describe("a judge granted the team's role", () => {
  it("is the one the fast-track flag chooses; removing the role keeps the cases they guide", async () => {
    // Only this test's judge holds the team's judge role: the seed's are put away.
    db.delete(panelRoles)
      .where(inArray(panelRoles.role, [...TEAM_ROLES]))
      .run();
    const flag = (id: number) =>
      call(flagRoute, `/api/v1/cases/${id}/pre-litigation`, { method: "POST", params: { id: String(id) }, token: staff.token });
    const before = createQueueCase(db, { category: "contract-debt", createdAt: NOW - DAY, dueAt: null });
    expect((await flag(before.id)).status).toBe(409);

    const granted = await postPage(page as never, "/admin/roles", admin.user.id, {
      intent: "grant",
      role: "pre-litigation-judge",
      category: "",
      mediatorId: String(judge.id),
    });
    expect(granted.status).toBe(302);
    const flagged = await flag(before.id);
    expect([flagged.status, flagged.body.judge]).toEqual([200, { personId: judge.id, name: "丙法官" }]);

    await removePersonRole(db, { actor: admin.user, personId: judge.id, role: "pre-litigation-judge", now: NOW });
    const guided = await call(flagRoute, `/api/v1/cases/${before.id}/pre-litigation`, {
      method: "POST",
      params: { id: String(before.id) },
      token: staff.token,
    });
    // Flagging again keeps the judge the case has, although they no longer hold the role.
    expect([guided.status, guided.body.judge.personId]).toEqual([200, judge.id]);
    expect(
      db
        .select({ n: personRoleEvents.id })
        .from(personRoleEvents)
        .where(and(eq(personRoleEvents.personId, judge.id), eq(personRoleEvents.role, "pre-litigation-judge")))
        .all(),
    ).toHaveLength(2);
  });
});
