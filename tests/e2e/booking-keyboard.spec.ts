// Booking by keyboard alone: Tab into the slot grid (one Tab stop), the arrow keys through it (they
// choose as they move), Tab on to the form, Enter to send. No mouse from the profile to the created
// booking, which opens with the focus on its confirmation's heading.
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

  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}`);
  await tabTo(page, page.getByRole("link", { name: "选择时间并预约" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/mediators/${DEMO_MEDIATOR_ID}/book`);
  // Once JavaScript runs, the grid is one radio group with one Tab stop.
  await expect(slotRadio(page, slot)).toHaveAttribute("name", "start-choice");

  // Tab into the calendar: the first day's first slot.
  const firstRadio = page.locator('.slot-calendar input[type="radio"]').first();
  await tabTo(page, firstRadio);
  // Down through the times (across days) until the slot: each step chooses the focused time.
  for (let i = 0; i < 200 && (await focusedValue(page)) !== slot.start; i++) {
    await page.keyboard.press("ArrowDown");
    expect(await focusedName(page), "the arrows stay in the grid").toBe("start-choice");
  }
  expect(await focusedValue(page)).toBe(slot.start);
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
  await expect(page.getByRole("heading", { name: "预约已提交" })).toBeFocused();
  await expect(page.locator(".status-badge")).toHaveText("待确认");
  await expect(page.getByRole("region", { name: "预约信息" })).toContainText(`${dayLabel(slot.start)} ${timeRange(slot)}`);
  await expect(page.getByRole("region", { name: "预约信息" })).toContainText("某渔业公司");
});

test("the error summary is reachable and its links lead to the fields, by keyboard", async ({ page }) => {
  await login(page, "party2@example.com");
  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}/book`);
  await expect(page.locator('.slot-calendar input[type="radio"]').first()).toHaveAttribute("name", "start-choice");
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
