// The fallback's pages (issue 9): staff accept the suggestion with the plain form of the assignment
// page, switch a category to automatic assignment, and a mediator declares a tie on their dashboard;
// each needs the session's CSRF token.
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { postPage } from "./helpers/post-page";
import { openDb } from "../../db/client";
import { caseAssignments, categorySettings, mediatorTies } from "../../db/schema";
import { createMediator, createParty, createStaff, retireDemoPool } from "../factories";

const db = openDb(freshDatabase());
const assignPage = await import("~/routes/staff.cases_.$id.assign");
const categoriesPage = await import("~/routes/staff.categories");
const tiesPage = await import("~/routes/dashboard.ties");
const { createSession } = await import("~/models/auth.server");
const { fileCase } = await import("~/models/cases.server");
const NOW = Date.now();
beforeAll(() => retireDemoPool(db));

type Mod = { action: (a: never) => unknown; loader: (a: never) => unknown };

async function loaderOf(mod: Mod, url: string, userId: number, params: Record<string, string> = {}) {
  const { secret } = await createSession(userId, "cookie", Date.now());
  const request = new Request(`http://test.local${url}`, { headers: { Cookie: `sid=${secret}` } });
  return (await mod.loader({ request, params, context: {} } as never)) as never;
}

describe("the assignment page", () => {
  it("shows the suggestion and books it in one step; without the CSRF token nothing happens", async () => {
    const staff = createStaff(db, { now: NOW });
    const m = createMediator(db, { categories: ["consumer"], modes: ["online"], now: NOW });
    const party = createParty(db, { now: NOW });
    const { id } = await fileCase({
      user: party.user,
      input: { category: "consumer", description: "网购商品质量问题要求退款", respondents: [{ name: "某网店" }] },
      now: NOW,
    });
    const { sheet } = (await loaderOf(assignPage as never, `/staff/cases/${id}/assign`, staff.user.id, { id: String(id) })) as {
      sheet: { suggestion: { mediatorId: number; slot: { start: string; mode: string } } };
    };
    expect(sheet.suggestion.mediatorId).toBe(m.id);
    const fields = { mediatorId: String(m.id), start: sheet.suggestion.slot.start, mode: sheet.suggestion.slot.mode };
    expect(
      (await postPage(assignPage as never, `/staff/cases/${id}/assign`, staff.user.id, fields, { csrf: false, params: { id: String(id) } }))
        .status,
    ).toBe(403);
    expect(db.select().from(caseAssignments).where(eq(caseAssignments.caseId, id)).all()).toEqual([]);
    const res = await postPage(assignPage as never, `/staff/cases/${id}/assign`, staff.user.id, fields, { params: { id: String(id) } });
    expect([res.status, res.location]).toEqual([302, `/staff/cases/${id}/assign?done=assigned`]);
    const rows = db.select().from(caseAssignments).where(eq(caseAssignments.caseId, id)).all();
    expect(rows.map((r) => [r.rule, r.status, r.mediatorId])).toEqual([["suggestion", "asked", m.id]]);
  });

  it("is the staff's only", async () => {
    const party = createParty(db, { now: NOW });
    const { id } = await fileCase({
      user: party.user,
      input: { category: "consumer", description: "网购商品质量问题要求退款", respondents: [{ name: "某网店" }] },
      now: NOW,
    });
    await expect(loaderOf(assignPage as never, `/staff/cases/${id}/assign`, party.user.id, { id: String(id) })).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe("the category switch and the ties", () => {
  it("staff switch a category to automatic assignment", async () => {
    const staff = createStaff(db, { now: NOW });
    const res = await postPage(categoriesPage as never, "/staff/categories", staff.user.id, { auto: ["tourism", "consumer"] });
    expect(res.location).toBe("/staff/categories?saved=1");
    const on = db
      .select()
      .from(categorySettings)
      .where(eq(categorySettings.autoAssign, true))
      .all()
      .map((r) => r.category)
      .sort();
    expect(on).toEqual(["consumer", "tourism"]);
  });

  it("a mediator declares a tie, folded for matching, and removes it", async () => {
    const m = createMediator(db, { categories: ["consumer"], account: true, now: NOW });
    const userId = m.account!.user.id;
    await postPage(tiesPage as never, "/dashboard/ties", userId, { kind: "boat", name: "浙普漁 60123", note: "兄长的船" });
    const [tie] = db
      .select()
      .from(mediatorTies)
      .where(and(eq(mediatorTies.mediatorId, m.id), isNull(mediatorTies.removedAt)))
      .all();
    expect([tie.kind, tie.name, tie.normalized, tie.addedByUserId]).toEqual(["boat", "浙普漁 60123", "浙普渔60123", userId]);
    await postPage(tiesPage as never, "/dashboard/ties", userId, { intent: "remove", tieId: String(tie.id) });
    expect(db.select().from(mediatorTies).where(eq(mediatorTies.id, tie.id)).get()!.removedAt).not.toBeNull();
  });
});
