// A case marked at intake as a claim for death compensation (issue 8's dashboard counts them apart): the
// flag set through the API (by staff, and by a party filing online) and through the staff's intake form
// without JavaScript; a case without it is not flagged; a value that is not a boolean is a 400 naming
// the field; the centre's figures count a closed flagged case once.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { postPage } from "./helpers/post-page";
import { openDb } from "../../db/client";
import { caseEvents, cases } from "../../db/schema";
import { createParty, createStaff, localDate } from "../factories";

const db = openDb(freshDatabase());
const casesRoute = await import("~/routes/api.v1.cases");
const intakePage = await import("~/routes/staff.cases_.new");
const { centreStats } = await import("~/models/stats.server");
const { typedValue } = await import("~/components/invitation-fields");
type Reply = import("~/components/invitation-fields").Reply;

const staff = createStaff(db);
const party = createParty(db);
const body = {
  category: "traffic-accident",
  description: "渔村道路交通事故致一人死亡，家属请求赔偿。",
  town: "liuheng",
  severity: "major",
  respondents: [{ name: "某运输公司" }],
};
const flagOf = (id: number) => db.select().from(cases).where(eq(cases.id, id)).get()!.deathCompensation;

describe("death compensation at intake", () => {
  it("staff and a party mark it through the API; without it the case is not flagged; the filing's audit says so", async () => {
    const byStaff = await call(casesRoute, "/api/v1/cases", {
      method: "POST",
      token: staff.token,
      body: { ...body, deathCompensation: true, applicants: [{ name: "死者家属" }] },
    });
    expect(byStaff.status).toBe(201);
    const byParty = await call(casesRoute, "/api/v1/cases", {
      method: "POST",
      token: party.token,
      body: { ...body, deathCompensation: true, informed: true },
    });
    expect(byParty.status).toBe(201);
    const plain = await call(casesRoute, "/api/v1/cases", { method: "POST", token: party.token, body: { ...body, informed: true } });
    expect([flagOf(byStaff.body.id), flagOf(byParty.body.id), flagOf(plain.body.id)]).toEqual([true, true, false]);
    const filed = db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, byStaff.body.id))
      .all()
      .find((e) => e.event === "filed");
    expect(filed?.after).toMatchObject({ deathCompensation: true });
  });

  it("a value that is not true or false is refused with the field named", async () => {
    const bad = await call(casesRoute, "/api/v1/cases", {
      method: "POST",
      token: party.token,
      body: { ...body, deathCompensation: "yes", informed: true },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["deathCompensation"]);
  });

  it("the intake form's box marks it, without JavaScript", async () => {
    const form = {
      "applicants[0].name": "来窗口的家属",
      "respondents[0].name": "某运输公司",
      category: "traffic-accident",
      description: "事故致一人死亡，家属到窗口申请调解。",
      severity: "major",
    };
    const ticked = await postPage(intakePage, "/staff/cases/new", staff.user.id, { ...form, deathCompensation: "on" });
    expect(ticked.status).toBe(302);
    const unticked = await postPage(intakePage, "/staff/cases/new", staff.user.id, form);
    expect(unticked.status).toBe(302);
    const numberOf = (location: string | null) => decodeURIComponent(new URL(`http://x${location}`).searchParams.get("filed") ?? "");
    const flagByNumber = (n: string) => db.select().from(cases).where(eq(cases.number, n)).get()!.deathCompensation;
    expect([flagByNumber(numberOf(ticked.location)), flagByNumber(numberOf(unticked.location))]).toEqual([true, false]);
    // Sent back for a missing field, the form keeps the box ticked (what the page renders it from).
    const refused = await postPage(intakePage, "/staff/cases/new", staff.user.id, { ...form, category: "", deathCompensation: "on" });
    expect(refused.status).toBe(400);
    expect(typedValue((refused.body as { result: Reply }).result, "deathCompensation")).toBe("on");
  });

  it("the centre's figures count a closed flagged case among death-compensation cases, once", async () => {
    const now = Date.now();
    const window = { viewer: staff.user, from: localDate(now, -1), to: localDate(now, 1), now };
    const before = centreStats(window).severeCases.deathCompensation;
    const filed = await call(casesRoute, "/api/v1/cases", {
      method: "POST",
      token: party.token,
      body: { ...body, deathCompensation: true, informed: true },
    });
    db.update(cases).set({ status: "closed", outcome: "agreement", closedAt: now }).where(eq(cases.id, filed.body.id)).run();
    const after = centreStats(window).severeCases.deathCompensation;
    expect([after.closed - before.closed, after.outcomes.agreement - before.outcomes.agreement]).toEqual([1, 1]);
  });
});
