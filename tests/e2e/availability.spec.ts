// The mediator's availability editor: add a range, set a day off, see it on the public booking page;
// validation errors next to their inputs; and the same editing with JavaScript off. Each test puts the
// mediator's availability back as it found it (through the API), so the other tests see the demo hours.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_MEDIATOR_ID, apiToken, login, slotsOf } from "./booking-utils";

const WEEKDAYS = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

/** Today at the centre, and the next date (after today) falling on `weekday` (1 = Monday … 7 = Sunday). */
function nextWeekday(weekday: number): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  for (let i = 1; i <= 7; i++) {
    const d = new Date(now.getTime() + i * 86_400_000);
    if ((d.getUTCDay() || 7) === weekday) return d.toISOString().slice(0, 10);
  }
  throw new Error("unreachable");
}

async function saveOriginal(request: APIRequestContext) {
  const token = await apiToken(request, "mediator@example.com");
  const headers = { Authorization: `Bearer ${token}` };
  const original = await (await request.get("/api/v1/me/availability", { headers })).json();
  return {
    original: original as { weekly: { weekday: number; start: string; end: string }[]; sessionMinutes: number },
    restore: async () => {
      const response = await request.put("/api/v1/me/availability", { headers, data: original });
      expect(response.ok(), "availability restored").toBe(true);
    },
  };
}

/** "18:00" plus a session's minutes, as the calendar prints its end. */
function clockAfter(hhmm: string, minutes: number): string {
  const total = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/** A weekday on which the mediator has no hours yet (so a new range cannot overlap). */
function freeWeekday(weekly: { weekday: number }[], prefer: number[]): number {
  const day = prefer.find((d) => !weekly.some((w) => w.weekday === d));
  if (!day) throw new Error("the demo mediator works every day");
  return day;
}

const weekdayGroup = (page: Page, weekday: number) => page.getByRole("group", { name: WEEKDAYS[weekday - 1], exact: true });

test.describe("with JavaScript", () => {
  test("add a range and a day off; the public calendar follows; errors sit next to their inputs", async ({ page, request }) => {
    const { original, restore } = await saveOriginal(request);
    try {
      const weekday = freeWeekday(original.weekly, [7, 6, 1]);
      const date = nextWeekday(weekday);
      const dayName = WEEKDAYS[weekday - 1];
      // A day that has free time now, to take off.
      const before = await slotsOf(request, "mediators", DEMO_MEDIATOR_ID);
      const offDate = [...new Set(before.map((s) => s.start.slice(0, 10)))].filter((d) => d !== date).at(-1)!;
      expect(offDate).toBeTruthy();

      await login(page, "mediator@example.com");
      await page.getByRole("link", { name: "设置可约时间" }).click();
      await expect(page).toHaveURL("/dashboard/availability");
      const group = weekdayGroup(page, weekday);
      await expect(group).toContainText("这一天不接受预约");

      // Add a range: the new row takes the focus.
      await group.getByRole("button", { name: `为${dayName}添加时间段` }).click();
      const row = page.getByRole("group", { name: `${dayName} 第 1 段` });
      await expect(row.getByLabel("开始")).toBeFocused();
      await row.getByLabel("开始").fill("18:00");
      await row.getByLabel("结束").fill("18:00");
      await row.getByRole("checkbox", { name: "线上调解" }).check();

      // Save: end equal to start is refused, next to the end time.
      await page.getByRole("button", { name: "保存", exact: true }).click();
      const end = row.getByLabel("结束");
      await expect(end).toHaveAttribute("aria-invalid", "true");
      await expect(end).toHaveAccessibleDescription(/结束时间不能与开始时间相同/);
      await expect(page.getByRole("alert")).toContainText(`${dayName} 第 1 段 · 结束`);
      await expect(page.getByRole("alert")).toBeFocused();
      // What was typed is still there.
      await expect(row.getByLabel("开始")).toHaveValue("18:00");
      await expect(row.getByRole("checkbox", { name: "线上调解" })).toBeChecked();

      await end.fill("20:00");
      // A day off.
      await page.getByRole("button", { name: "+ 添加休息日" }).click();
      const override = page.getByRole("group", { name: /^特定日期 \d+$/ }).last();
      await expect(override.getByLabel("日期", { exact: true })).toBeFocused();
      await override.getByLabel("日期", { exact: true }).fill(offDate);
      await expect(override.getByRole("radio", { name: "全天休息" })).toBeChecked();
      await page.getByRole("button", { name: "保存", exact: true }).click();
      await expect(page.getByRole("status")).toContainText("已保存");
      await expect(page.getByRole("group", { name: `${dayName} 第 1 段` }).getByLabel("结束")).toHaveValue("20:00");

      // The public booking page shows the new hours (one session of the mediator's length from 18:00) …
      await page.goto(`/mediators/${DEMO_MEDIATOR_ID}/book?from=${date}`);
      const day = page.getByRole("region", {
        name: new RegExp(`^${Number(date.slice(5, 7))}月${Number(date.slice(8))}日 ${dayName}`),
      });
      await expect(day).toContainText(`18:00–${clockAfter("18:00", original.sessionMinutes)}`);
      await expect(day).toContainText("线上调解");
      // … and nothing on the day off.
      expect(await slotsOf(request, "mediators", DEMO_MEDIATOR_ID, { from: offDate, to: offDate })).toEqual([]);
      await page.goto(`/mediators/${DEMO_MEDIATOR_ID}/book?from=${offDate}`);
      await expect(
        page.getByRole("region", { name: new RegExp(`^${Number(offDate.slice(5, 7))}月${Number(offDate.slice(8))}日`) }),
      ).toHaveCount(0);
    } finally {
      await restore();
    }
  });

  test("leave over several days becomes one day off per date; rows can be removed", async ({ page, request }) => {
    const { restore } = await saveOriginal(request);
    try {
      await login(page, "mediator@example.com");
      await page.goto("/dashboard/availability");
      const from = nextWeekday(1);
      const to = new Date(Date.parse(`${from}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
      const leave = page.getByRole("group", { name: "请假（连续多天）" });
      await leave.getByLabel("第一天").fill(from);
      await leave.getByLabel("最后一天").fill(to);
      await leave.getByRole("button", { name: "加入请假日期" }).click();
      const overrides = page.getByRole("group", { name: /^特定日期 \d+$/ });
      await expect(overrides).toHaveCount(3);
      await expect(overrides.nth(0).getByLabel("日期", { exact: true })).toBeFocused();
      await expect(overrides.nth(2).getByLabel("日期", { exact: true })).toHaveValue(to);
      // Remove the middle one.
      await overrides.nth(1).getByRole("button", { name: "删除特定日期 2" }).click();
      await expect(overrides).toHaveCount(2);
      await expect(overrides.nth(1).getByLabel("日期", { exact: true })).toHaveValue(to);
      await page.getByRole("button", { name: "保存", exact: true }).click();
      await expect(page.getByRole("status")).toContainText("已保存");
      for (const date of [from, to]) expect(await slotsOf(request, "mediators", DEMO_MEDIATOR_ID, { from: date, to: date })).toEqual([]);
    } finally {
      await restore();
    }
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("add ranges (nothing typed is lost), remove one, save", async ({ page, request }) => {
    const { original, restore } = await saveOriginal(request);
    try {
      const weekday = freeWeekday(original.weekly, [6, 7, 1]);
      const other = freeWeekday(original.weekly.concat({ weekday, start: "", end: "" }), [7, 1, 2, 3, 4, 5]);
      const dayName = WEEKDAYS[weekday - 1];
      const otherName = WEEKDAYS[other - 1];
      await login(page, "mediator@example.com");
      await page.goto("/dashboard/availability");

      await page.getByRole("button", { name: `为${dayName}添加时间段` }).click();
      const row = page.getByRole("group", { name: `${dayName} 第 1 段` });
      // The page comes back with the focus in the new row.
      await expect(row.getByLabel("开始")).toBeFocused();
      await row.getByLabel("开始").fill("19:00");
      await row.getByLabel("结束").fill("21:00");
      await row.getByRole("checkbox", { name: "线上调解" }).check();
      // Another add: the page comes back from the server with what was typed above.
      await page.getByRole("button", { name: `为${otherName}添加时间段` }).click();
      await expect(row.getByLabel("开始")).toHaveValue("19:00");
      await expect(row.getByLabel("结束")).toHaveValue("21:00");
      await expect(row.getByRole("checkbox", { name: "线上调解" })).toBeChecked();
      const otherRow = page.getByRole("group", { name: `${otherName} 第 1 段` });
      await expect(otherRow.getByLabel("开始")).toHaveValue("");
      // Remove it again.
      await otherRow.getByRole("button", { name: `删除${otherName} 第 1 段` }).click();
      await expect(otherRow).toHaveCount(0);
      await expect(row.getByLabel("结束")).toHaveValue("21:00");

      await page.getByRole("button", { name: "保存", exact: true }).click();
      await expect(page).toHaveURL("/dashboard/availability?saved=1");
      await expect(page.getByRole("status")).toContainText("已保存");

      const date = nextWeekday(weekday);
      const slots = await slotsOf(request, "mediators", DEMO_MEDIATOR_ID, { from: date, to: date });
      expect(slots.map((s) => s.start.slice(11, 16))).toContain("19:00");
      await page.goto(`/mediators/${DEMO_MEDIATOR_ID}/book?from=${date}`);
      await expect(page.getByRole("region", { name: new RegExp(dayName) }).first()).toContainText(
        `19:00–${clockAfter("19:00", original.sessionMinutes)}`,
      );
    } finally {
      await restore();
    }
  });

  test("validation errors without JavaScript", async ({ page }) => {
    await login(page, "mediator@example.com");
    await page.goto("/dashboard/availability");
    const rules = page.getByRole("region", { name: "预约规则" });
    await rules.getByLabel("每次调解时长（分钟）").fill("5");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("每次调解时长（分钟）");
    await expect(rules.getByLabel("每次调解时长（分钟）")).toHaveAccessibleDescription(/不能小于 15/);
    await expect(rules.getByLabel("每次调解时长（分钟）")).toHaveValue("5");
  });
});
