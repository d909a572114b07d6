// Full-page screenshots of the booking calendar, a booking, the dashboard and the availability editor
// (and the account pages), on desktop and on a 375 px phone, for people to look at. Nothing sticks out
// sideways on either.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_MEDIATOR_ID, bookSlot, firstSlot, login, logout, slotsOf } from "./booking-utils";
import { expectNoHorizontalOverflow } from "./utils";

const dir = path.join(import.meta.dirname, "screenshots");

test("@phone screenshots of the booking pages", async ({ page, request }, testInfo) => {
  test.setTimeout(90_000);
  const shot = async (name: string) => {
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: path.join(dir, `${testInfo.project.name}-${name}.png`), fullPage: true });
  };
  await page.goto("/login");
  await shot("login");
  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}/book`);
  await shot("booking-calendar-anonymous");

  await login(page, "party@example.com");
  const slots = await slotsOf(request, "mediators", DEMO_MEDIATOR_ID);
  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}/book`);
  // Hydrated: the grid's radios are one roving group and a hidden field carries the choice.
  await expect(page.locator('.slot-calendar input[type="radio"]').first()).toHaveAttribute("name", "start-choice");
  await page.locator(`input[type="radio"][value="${slots[0].start}"]`).check();
  await shot("booking-calendar");
  await page.getByRole("button", { name: "提交预约" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await shot("booking-errors");

  const slot = await firstSlot(request, DEMO_MEDIATOR_ID, "online");
  const id = await bookSlot(page, `/mediators/${DEMO_MEDIATOR_ID}/book`, slot, {
    mode: "online",
    modeLabel: "线上调解",
    summary: "楼上住户长期漏水，导致我家天花板发霉，物业和楼上都不愿承担维修费用，希望调解。",
    counterparty: "楼上住户陈某",
  });
  await shot("booking-detail");
  await page.goto("/bookings");
  await shot("my-bookings");
  await logout(page);

  await login(page, "mediator@example.com");
  await expect(page.locator(`a[href="/bookings/${id}"]`)).toBeVisible();
  await shot("dashboard");
  await page.goto("/dashboard/availability");
  await shot("availability");
  await page.getByRole("region", { name: "预约规则" }).getByLabel("每次调解时长（分钟）").fill("5");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await shot("availability-errors");
  await logout(page);

  await login(page, "party@example.com");
  await page.goto(`/bookings/${id}`);
  await page.getByRole("region", { name: "取消预约" }).getByRole("button", { name: "取消这次预约" }).click();
  await expect(page.getByRole("region", { name: "取消预约" }).getByRole("textbox")).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("region", { name: "取消预约" }).getByRole("textbox").fill("只是截图用的预约，取消。");
  await page.getByRole("region", { name: "取消预约" }).getByRole("button", { name: "取消这次预约" }).click();
  await expect(page.locator(".status-badge")).toHaveText("已取消");
  await shot("booking-cancelled");
  await logout(page);

  await login(page, "staff@example.com");
  await shot("notifications");
  await logout(page);
  await login(page, "admin@example.com");
  await shot("admin-accounts");
  await page.goto("/lang/en?next=/admin/accounts");
  await shot("admin-accounts-en");
  await page.goto("/lang/zh?next=/");
});
