// Days to conclude, per category (issue 8: "normally concluded within 30 days; configurable per
// category"): staff set them on /staff/categories (1–90, a field message otherwise), and a case filed
// afterwards is due in the category's days; a category nobody set keeps the domain's (labour 15).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { cases, categorySettings } from "../../db/schema";
import type { CategorySlug } from "../../domain";
import { createParty, createStaff } from "../factories";
import { loadPage } from "./helpers/load-page";
import { postPage } from "./helpers/post-page";

const db = openDb(freshDatabase());
const categoriesPage = await import("~/routes/staff.categories");
const { fileCase } = await import("~/models/cases.server");
const DAY = 86_400_000;
const NOW = Date.parse("2026-03-02T02:00:00Z");

async function dueDaysOfNewCase(category: CategorySlug): Promise<number> {
  const party = createParty(db, { now: NOW });
  const { id } = await fileCase({
    user: party.user,
    input: { category, description: "测试办结期限的案件", respondents: [{ name: "某公司" }] },
    now: NOW,
  });
  const row = db.select({ dueAt: cases.dueAt }).from(cases).where(eq(cases.id, id)).get()!;
  return (row.dueAt! - NOW) / DAY;
}

describe("days to conclude, per category", () => {
  it("start as the domain's: labour 15 by law, the rest 30; filing uses them", async () => {
    const staff = createStaff(db, { now: NOW });
    const page = await loadPage(categoriesPage as never, "/staff/categories", staff.user.id);
    const days = Object.fromEntries((page.body.settings as { category: string; dueDays: number }[]).map((s) => [s.category, s.dueDays]));
    expect([days.labour, days.consumer, days.tourism]).toEqual([15, 30, 30]);
    expect(await dueDaysOfNewCase("labour")).toBe(15);
    expect(await dueDaysOfNewCase("tourism")).toBe(30);
  });

  it("staff set a category's days; a case filed afterwards is due in them, others keep theirs", async () => {
    const staff = createStaff(db, { now: NOW });
    const res = await postPage(categoriesPage as never, "/staff/categories", staff.user.id, {
      auto: ["tourism"],
      "days.consumer": "7",
      "days.labour": "15",
    });
    expect([res.status, res.location]).toEqual([302, "/staff/categories?saved=1"]);
    const row = db.select().from(categorySettings).where(eq(categorySettings.category, "consumer")).get()!;
    expect([row.dueDays, row.updatedByUserId, row.autoAssign]).toEqual([7, staff.user.id, false]);
    expect(await dueDaysOfNewCase("consumer")).toBe(7);
    expect(await dueDaysOfNewCase("labour")).toBe(15);
    expect(await dueDaysOfNewCase("medical")).toBe(30);

    // The auto-assign switch alone (no days in the form) leaves the days as they are.
    await postPage(categoriesPage as never, "/staff/categories", staff.user.id, { auto: ["consumer"] });
    expect(db.select().from(categorySettings).where(eq(categorySettings.category, "consumer")).get()!.dueDays).toBe(7);
    expect(await dueDaysOfNewCase("consumer")).toBe(7);
  });

  it("refuses 0, 91, a fraction and a blank with a message under each field, and changes nothing", async () => {
    const staff = createStaff(db, { now: NOW });
    const before = db.select().from(categorySettings).all();
    const res = await postPage(categoriesPage as never, "/staff/categories", staff.user.id, {
      auto: ["medical"],
      "days.consumer": "0",
      "days.tourism": "91",
      "days.medical": "2.5",
      "days.construction": " ",
      "days.labour": "20",
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({
      "days.consumer": ["不能小于 1。"],
      "days.tourism": ["不能大于 90。"],
      "days.medical": ["请填写整数。"],
      "days.construction": ["此项必填。"],
    });
    // What was typed comes back to the form.
    expect(res.body.values).toMatchObject({ auto: ["medical"], days: { consumer: "0", tourism: "91", labour: "20" } });
    expect(db.select().from(categorySettings).all()).toEqual(before);
    expect(await dueDaysOfNewCase("labour")).toBe(15);
  });

  it("is the staff's only, and needs the CSRF token", async () => {
    const party = createParty(db, { now: NOW });
    expect((await postPage(categoriesPage as never, "/staff/categories", party.user.id, { "days.consumer": "5" })).status).toBe(403);
    const staff = createStaff(db, { now: NOW });
    expect(
      (await postPage(categoriesPage as never, "/staff/categories", staff.user.id, { "days.consumer": "5" }, { csrf: false })).status,
    ).toBe(403);
    expect(db.select().from(categorySettings).where(eq(categorySettings.category, "consumer")).get()!.dueDays).toBe(7);
  });
});
