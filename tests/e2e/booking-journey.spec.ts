// The booking journey in a browser (issue 11): a visitor picks a time signed out, registers, and comes
// back to the same time, still held (another party is refused it) and booked; the booking page lands at
// the top on its confirmation with the focus on the heading; every error of the order form in one
// answer; days without free times greyed so the fortnight lines up; the arrow keys move across the
// slot grid. axe (no serious violation, and the heading order) on every page; screenshots on a
// desktop and a 375 px phone, in Chinese and in English, saved to /tmp/shots/booking/.
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_MEDIATOR_ID, apiToken, dayLabel, expectNoSeriousViolations, login, slotRadio, slotsOf, uniqueEmail } from "./booking-utils";
import { expectNoHorizontalOverflow } from "./utils";

const dir = "/tmp/shots/booking";
fs.mkdirSync(dir, { recursive: true });
const BOOK = `/mediators/${DEMO_MEDIATOR_ID}/book`;

async function shot(page: Page, name: string) {
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: `${dir}/${test.info().project.name}-${name}.png`, fullPage: true });
  // What the visitor sees first, without scrolling.
  await page.screenshot({ path: `${dir}/${test.info().project.name}-${name}-top.png` });
}

/** No serious violation, and headings in order (axe's heading-order is "moderate", so asked for by name). */
async function expectAccessible(page: Page, what: string) {
  await expectNoSeriousViolations(page, what);
  const order = await new AxeBuilder({ page }).withRules(["heading-order"]).analyze();
  expect(
    order.violations.map((v) => v.nodes.map((n) => n.target.join(" "))),
    `${what}: heading order`,
  ).toEqual([]);
}

// Several axe runs and full-page screenshots per test: more than the default 30 seconds on a busy machine.
test.describe.configure({ timeout: 120_000 });

const focusedValue = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? "");

test("@phone pick a time signed out, register, come back to the same time held, book it, land on the confirmation", async ({
  page,
  request,
}) => {
  const [slot] = await slotsOf(request, "mediators", DEMO_MEDIATOR_ID, { mode: "online" });
  // From a profile opened from a search for labour disputes: the category goes on to the booking page.
  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}?search=${encodeURIComponent("q=工资&category=labour")}`);
  await page.getByRole("link", { name: "选择时间并预约" }).first().click();
  await expect(page).toHaveURL(`${BOOK}?category=labour`);
  await expect(slotRadio(page, slot)).toHaveAttribute("name", "start-choice");
  await expectAccessible(page, "booking calendar, signed out");
  await shot(page, "signed-out-calendar-zh");
  await slotRadio(page, slot).check();
  await page.getByRole("button", { name: "保留这个时间并注册" }).click();
  await expect(page).toHaveURL(/\/register\?next=/);

  const email = uniqueEmail("held");
  await page.getByRole("textbox", { name: "姓名" }).fill("渔民老周");
  await page.getByRole("textbox", { name: "电子邮箱" }).fill(email);
  await page.getByLabel("密码", { exact: true }).fill("correct horse battery");
  await page.getByRole("checkbox", { name: "我已阅读并同意《个人信息处理说明》" }).check();
  await page.getByRole("button", { name: "注册并登录" }).click();

  // Back on the booking page: the same time, chosen and held; the dispute type from the search.
  await expect(page).toHaveURL(`${BOOK}?held=1&category=labour`);
  await expect(page.getByRole("status").filter({ hasText: "已为您保留" })).toContainText(dayLabel(slot.start));
  await expect(slotRadio(page, slot)).toBeChecked();
  await expect(page.getByRole("combobox", { name: "纠纷类型" })).toHaveValue("labour");
  await expectAccessible(page, "order form with a held time");
  await shot(page, "held-form-zh");

  // Meanwhile another party is refused that time.
  const token = await apiToken(request, "party2@example.com");
  const other = await request.post("/api/v1/bookings", {
    headers: { Authorization: `Bearer ${token}` },
    data: { mediatorId: DEMO_MEDIATOR_ID, start: slot.start, mode: "online", category: "labour", summary: "想约这个时间调解" },
  });
  expect(other.status()).toBe(409);

  await page.getByRole("group", { name: "调解方式" }).getByRole("radio", { name: "线上调解", exact: true }).check();
  await page.getByRole("textbox", { name: "纠纷情况" }).fill("船老板拖欠三个月工钱，想请调解员帮忙。");
  await page.getByRole("button", { name: "提交预约" }).click();
  await expect(page).toHaveURL(/\/bookings\/\d+\?created=1$/);
  const heading = page.getByRole("heading", { name: "预约已提交" });
  await expect(heading).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByRole("status").filter({ has: heading })).toContainText(/接下来：调解员会在 .+ 前答复/);
  await expectAccessible(page, "booking page after ordering");
  await shot(page, "confirmation-zh");

  await page.goto(`/lang/en?next=${encodeURIComponent(page.url().replace(/^https?:\/\/[^/]+/, ""))}`);
  await expect(page.getByRole("heading", { name: "Your booking request is sent" })).toBeVisible();
  await expectAccessible(page, "booking page after ordering, in English");
  await shot(page, "confirmation-en");
  await page.goto("/lang/zh?next=/");
});

test("@phone every error of the order form in one answer, in both languages", async ({ page }) => {
  await login(page, "party2@example.com");
  await page.goto(BOOK);
  await expect(page.locator('.slot-calendar input[type="radio"]').first()).toHaveAttribute("name", "start-choice");
  await page.getByRole("button", { name: "提交预约" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("listitem")).toHaveText([/请选择一个时段/, /请选择调解方式/, /请选择纠纷类型/, /请至少用 5 个字/]);
  await expectAccessible(page, "order form with every error");
  await shot(page, "errors-zh");

  await page.goto(`/lang/en?next=${BOOK}`);
  await page.getByRole("button", { name: "Send booking request" }).click();
  await expect(page.getByRole("alert").getByRole("listitem")).toHaveCount(4);
  await expectAccessible(page, "order form with every error, in English");
  await shot(page, "errors-en");
  await page.goto("/lang/zh?next=/");
});

test("@phone days without free times are greyed, and on a wide screen the two weeks line up", async ({ page, request }, info) => {
  await login(page, "party2@example.com");
  await page.goto(BOOK);
  const days = page.locator(".slot-calendar .days > .day");
  await expect(days).toHaveCount(14);
  const slots = await slotsOf(request, "mediators", DEMO_MEDIATOR_ID);
  const withTimes = new Set(slots.map((s) => dayLabel(s.start))).size;
  await expect(page.locator(".slot-calendar .days > .day.is-empty")).toHaveCount(14 - withTimes);
  await expect(page.locator(".slot-calendar .day.is-empty").first()).toContainText("无空闲时段");
  const first = await days.nth(0).boundingBox();
  const eighth = await days.nth(7).boundingBox();
  // Seven columns on a desktop (the eighth day under the first); one column on a phone.
  expect(eighth!.x).toBe(first!.x);
  expect(eighth!.y > first!.y).toBe(true);
  expect(await days.nth(1).evaluate((el, x) => el.getBoundingClientRect().x === x, first!.x)).toBe(info.project.name === "phone");
  await shot(page, "greyed-days-zh");
});

test("the arrow keys move within the slot grid, which is one Tab stop", async ({ page, request }) => {
  await login(page, "party2@example.com");
  await page.goto(BOOK);
  const slots = await slotsOf(request, "mediators", DEMO_MEDIATOR_ID);
  const byDay = new Map<string, string[]>();
  for (const s of slots) byDay.set(dayLabel(s.start), [...(byDay.get(dayLabel(s.start)) ?? []), s.start]);
  const [firstDay, secondDay] = [...byDay.values()];
  const radios = page.locator('.slot-calendar input[type="radio"]');
  await expect(radios.first()).toHaveAttribute("name", "start-choice");
  // One Tab stop: only the first time is reachable by Tab.
  await expect(page.locator('.slot-calendar input[type="radio"][tabindex="0"]')).toHaveCount(1);
  await radios.first().focus();
  expect(await focusedValue(page)).toBe(firstDay[0]);

  // Down: the next time of the day (or the next day's first), chosen as it moves.
  await page.keyboard.press("ArrowDown");
  const down = firstDay[1] ?? secondDay[0];
  expect(await focusedValue(page)).toBe(down);
  await expect(slotRadio(page, { start: down })).toBeChecked();
  await expect(page.locator('.slot-calendar input[type="radio"][tabindex="0"]')).toHaveAttribute("value", down);
  // Right from the first time: the same row of the next day with times.
  await page.keyboard.press("Home");
  expect(await focusedValue(page)).toBe(firstDay[0]);
  await page.keyboard.press("ArrowRight");
  expect(await focusedValue(page)).toBe(secondDay[0]);
  await page.keyboard.press("ArrowLeft");
  expect(await focusedValue(page)).toBe(firstDay[0]);
  await page.keyboard.press("End");
  expect(await focusedValue(page)).toBe(firstDay[firstDay.length - 1]);
  // Tab leaves the grid at once.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest(".slot-calendar .days")))).toBe(false);
  await expect(page.getByText(`已选：${dayLabel(firstDay[firstDay.length - 1])}`)).toBeVisible();
});
