// Booking by keyboard alone: Tab between the day groups, the arrow keys within a day, Space to choose,
// Enter to send. No mouse from the profile to the created booking.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_MEDIATOR_ID, dayLabel, firstSlot, login, slotRadio, timeRange } from "./booking-utils";

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement).catch(() => false);

/** Presses Tab until `target` has the focus (failing after `max` presses). */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

const focusedValue = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? "");
const focusedName = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? "");

test("book a mediator with the keyboard only", async ({ page, request }) => {
  await login(page, "party2@example.com");
  const slot = await firstSlot(request, DEMO_MEDIATOR_ID, "online");
  const date = new Date(Date.parse(slot.start) + 8 * 3_600_000).toISOString().slice(0, 10);

  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}`);
  await tabTo(page, page.getByRole("link", { name: "选择时间并预约" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/mediators/${DEMO_MEDIATOR_ID}/book`);
  // Once JavaScript runs, each day is its own radio group.
  await expect(slotRadio(page, slot)).toHaveAttribute("name", `start-day-${date}`);

  // Tab into the calendar: the first day's first slot.
  const firstRadio = page.locator('.slot-calendar input[type="radio"]').first();
  await tabTo(page, firstRadio);
  // Tab moves from day to day (one stop per day)…
  const days: string[] = [];
  while ((await focusedName(page)) !== `start-day-${date}`) {
    days.push(await focusedName(page));
    await page.keyboard.press("Tab");
    expect((await focusedName(page)).startsWith("start-day-"), "Tab stays in the calendar until the slot's day").toBe(true);
  }
  expect(new Set(days).size, "one Tab stop per day").toBe(days.length);
  // …and the arrow keys move within the day.
  for (let i = 0; i < 12 && (await focusedValue(page)) !== slot.start; i++) await page.keyboard.press("ArrowDown");
  expect(await focusedValue(page)).toBe(slot.start);
  await page.keyboard.press("Space");
  await expect(slotRadio(page, slot)).toBeChecked();
  await expect(page.getByText(`已选：${dayLabel(slot.start)} ${timeRange(slot)}`)).toBeVisible();

  // Mode: Tab leaves the calendar for the mode group; arrows choose "online".
  const modes = page.getByRole("group", { name: "调解方式" });
  await tabTo(page, modes.getByRole("radio").first());
  const online = modes.getByRole("radio", { name: "线上调解", exact: true });
  for (let i = 0; i < 3 && !(await online.isChecked()); i++) await page.keyboard.press("ArrowRight");
  await expect(online).toBeChecked();

  // Category: the first of the mediator's own kinds.
  await page.keyboard.press("Tab");
  const category = page.getByRole("combobox", { name: "纠纷类型" });
  await expect(category).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(category).not.toHaveValue("");

  await page.keyboard.press("Tab");
  await expect(page.getByRole("textbox", { name: "纠纷情况" })).toBeFocused();
  await page.keyboard.type("工资被拖欠三个月，希望调解员协助协商。");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("textbox", { name: "对方当事人姓名（选填）" })).toBeFocused();
  await page.keyboard.type("某渔业公司");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("textbox", { name: "对方当事人手机号（选填）" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "提交预约" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/bookings\/\d+\?created=1$/);
  await expect(page.locator(".status-badge")).toHaveText("待确认");
  await expect(page.getByRole("region", { name: "预约信息" })).toContainText(`${dayLabel(slot.start)} ${timeRange(slot)}`);
  await expect(page.getByRole("region", { name: "预约信息" })).toContainText("某渔业公司");
});

test("the error summary is reachable and its links lead to the fields, by keyboard", async ({ page }) => {
  await login(page, "party2@example.com");
  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}/book`);
  await expect(page.locator('.slot-calendar input[type="radio"]').first()).toHaveAttribute("name", /^start-day-/);
  await tabTo(page, page.getByRole("button", { name: "提交预约" }), 200);
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("请选择一个时段");
  await page.keyboard.press("Tab");
  await expect(summary.getByRole("link").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator('.slot-calendar input[type="radio"]').first()).toBeFocused();
});
