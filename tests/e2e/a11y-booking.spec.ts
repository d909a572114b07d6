// axe scans of the account, booking, dashboard, staff and admin pages (with their error states): no
// serious or critical violations, in Chinese and in English.
import { expect, test } from "@playwright/test";
import { DEMO_MEDIATOR_ID, bookSlot, expectNoSeriousViolations, firstSlot, login, logout } from "./booking-utils";

test("sign-in and registration, empty and with errors", async ({ page }) => {
  await page.goto("/login");
  await expectNoSeriousViolations(page, "login");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectNoSeriousViolations(page, "login with errors");
  await page.goto("/register");
  await expectNoSeriousViolations(page, "register");
  await page.getByRole("button", { name: "注册并登录" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectNoSeriousViolations(page, "register with errors");
});

test("profile and booking calendar: anonymous, as a party, with errors, and in English", async ({ page }) => {
  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}`);
  await expectNoSeriousViolations(page, "profile");
  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}/book`);
  await expectNoSeriousViolations(page, "calendar, anonymous");
  await login(page, "party@example.com");
  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}/book`);
  await expect(page.locator('.slot-calendar input[type="radio"]').first()).toHaveAttribute("name", "start-choice");
  await expectNoSeriousViolations(page, "calendar and order form");
  await page.getByRole("button", { name: "提交预约" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectNoSeriousViolations(page, "order form with errors");
  await page.goto(`/lang/en?next=/mediators/${DEMO_MEDIATOR_ID}/book`);
  await expect(page.getByRole("button", { name: "Send booking request" })).toBeVisible();
  await expectNoSeriousViolations(page, "order form in English");
  await page.goto("/lang/zh?next=/");
});

test("booking detail, my bookings, the dashboard", async ({ page, request }) => {
  await login(page, "party@example.com");
  const slot = await firstSlot(request, DEMO_MEDIATOR_ID, "online");
  const id = await bookSlot(page, `/mediators/${DEMO_MEDIATOR_ID}/book`, slot, {
    mode: "online",
    modeLabel: "线上调解",
    summary: "无障碍检查用的预约。",
    counterparty: "某某",
  });
  await expectNoSeriousViolations(page, "booking detail, pending");
  await page.getByRole("region", { name: "改期" }).getByText("选择新的时间").click();
  await expectNoSeriousViolations(page, "booking detail, reschedule open");
  await page.goto("/bookings");
  await expectNoSeriousViolations(page, "my bookings");
  await logout(page);

  await login(page, "mediator@example.com");
  await expect(page.locator(`a[href="/bookings/${id}"]`)).toBeVisible();
  await expectNoSeriousViolations(page, "dashboard");
  await page.goto(`/bookings/${id}`);
  await expectNoSeriousViolations(page, "booking detail as the mediator");
});

test("the availability editor, with errors", async ({ page }) => {
  await login(page, "mediator@example.com");
  await page.goto("/dashboard/availability");
  await expectNoSeriousViolations(page, "availability editor");
  const rules = page.getByRole("region", { name: "预约规则" });
  await rules.getByLabel("每次调解时长（分钟）").fill("");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectNoSeriousViolations(page, "availability editor with errors");
});

test("the staff outbox and the admin's accounts page", async ({ page }) => {
  // Five pages through axe, two of them long tables (200 notifications, every account): more than the
  // default 30 s on two busy cores.
  test.setTimeout(120_000);
  await login(page, "staff@example.com");
  await page.goto("/staff/notifications");
  await expectNoSeriousViolations(page, "notifications");
  await logout(page);
  await login(page, "admin@example.com");
  await page.goto("/admin/accounts");
  await expectNoSeriousViolations(page, "admin accounts");
  await page.getByRole("button", { name: "开设账号" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectNoSeriousViolations(page, "admin accounts with errors");
  await page.goto("/account");
  await expectNoSeriousViolations(page, "my account");
  // The 403 page.
  await logout(page);
  await login(page, "party2@example.com");
  await page.goto("/staff/notifications");
  await expectNoSeriousViolations(page, "403 page");
});
