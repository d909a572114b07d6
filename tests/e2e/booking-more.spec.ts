// Ordering a committee; two parties racing for one slot (409, the calendar reloads, nothing typed is
// lost); the order form without JavaScript (the server explains a mode the slot does not offer); and a
// double submit of one form making one booking.
import { expect, test } from "@playwright/test";
import { DEMO_MEDIATOR_ID, bookSlot, firstSlot, login, slotRadio, slotsOf, type Slot } from "./booking-utils";
import { apiSearch } from "./utils";

test("order a committee: its members' free times, and the centre assigns one", async ({ page, request }) => {
  const committees = (await apiSearch(request, { kind: "committee", perPage: "20" })).hits;
  let committee: (typeof committees)[number] | undefined;
  let slot: Slot | undefined;
  for (const c of committees) {
    const slots = await slotsOf(request, "committees", c.id, { mode: "online" });
    if (slots.length) {
      committee = c;
      slot = slots[0];
      break;
    }
  }
  expect(committee, "a committee with free online time").toBeTruthy();

  await login(page, "party@example.com");
  await page.goto(`/committees/${committee!.id}`);
  await page.getByRole("link", { name: "选择时间并点单" }).click();
  await expect(page).toHaveURL(`/committees/${committee!.id}/book`);
  await expect(page.getByRole("main")).toContainText("中心会指派一位在所选时段有空的委员");
  const id = await bookSlot(page, `/committees/${committee!.id}/book`, slot!, {
    mode: "online",
    modeLabel: "线上调解",
    summary: "渔船雇佣合同纠纷，工资结算有争议。",
  });
  const details = page.getByRole("region", { name: "预约信息" });
  await expect(details).toContainText("由调委会指派");
  await expect(details.getByRole("link", { name: committee!.name })).toHaveAttribute("href", `/committees/${committee!.id}`);
  const booking = await (await page.request.get(`/api/v1/bookings/${id}`)).json();
  expect(booking.committeeId).toBe(committee!.id);
});

test("two parties race for one slot: the second hears it was just taken", async ({ browser, request }) => {
  const slot = await firstSlot(request, DEMO_MEDIATOR_ID, "online");
  const baseURL = test.info().project.use.baseURL;
  const a = await browser.newContext({ baseURL, locale: "zh-CN" });
  const b = await browser.newContext({ baseURL, locale: "zh-CN" });
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  await login(pageA, "party@example.com");
  await login(pageB, "party2@example.com");
  for (const p of [pageA, pageB]) {
    await p.goto(`/mediators/${DEMO_MEDIATOR_ID}/book`);
    await slotRadio(p, slot).check();
    await p.getByRole("group", { name: "调解方式" }).getByRole("radio", { name: "线上调解", exact: true }).check();
    await p.getByRole("combobox", { name: "纠纷类型" }).selectOption({ index: 1 });
    await p.getByRole("textbox", { name: "纠纷情况" }).fill("同一时段的预约竞争测试。");
  }
  await pageA.getByRole("button", { name: "提交预约" }).click();
  await expect(pageA).toHaveURL(/\/bookings\/\d+\?created=1$/);

  await pageB.getByRole("button", { name: "提交预约" }).click();
  await expect(pageB.getByRole("alert")).toContainText("该时段刚被他人预约，请选择其他时段");
  await expect(pageB.getByRole("group", { name: "选择时段" })).toHaveAccessibleDescription(/该时段刚被他人预约/);
  // The calendar was reloaded: the slot is gone; what was typed is still there.
  await expect(slotRadio(pageB, slot)).toHaveCount(0);
  await expect(pageB.getByRole("textbox", { name: "纠纷情况" })).toHaveValue("同一时段的预约竞争测试。");
  await a.close();
  await b.close();
});

test("a double submit of one form makes one booking", async ({ page, request }) => {
  await login(page, "party@example.com");
  const slot = await firstSlot(request, DEMO_MEDIATOR_ID, "online");
  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}/book`);
  const form = {
    csrf: await page.locator('input[name="csrf"]').first().inputValue(),
    idempotencyKey: await page.locator('input[name="idempotencyKey"]').inputValue(),
    start: slot.start,
    mode: "online",
    category: "neighbourhood",
    summary: "重复提交只应产生一个预约。",
  };
  expect(form.idempotencyKey).toMatch(/^page-/);
  const post = () => page.request.post(`/mediators/${DEMO_MEDIATOR_ID}/book`, { form, maxRedirects: 0 });
  const [first, second] = [await post(), await post()];
  expect(first.status()).toBe(302);
  expect(second.status()).toBe(302);
  expect(first.headers()["location"]).toMatch(/^\/bookings\/\d+\?created=1$/);
  expect(second.headers()["location"]).toBe(first.headers()["location"]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the order form works, and a mode the slot does not offer is explained", async ({ page, request }) => {
    const profile = await (await request.get(`/api/v1/mediators/${DEMO_MEDIATOR_ID}`)).json();
    const slots = await slotsOf(request, "mediators", DEMO_MEDIATOR_ID);
    // A slot that lacks one of the modes the mediator offers.
    const slot = slots.find((s) => (profile.modes as string[]).some((m) => !s.modes.includes(m)));
    expect(slot, "a slot without every mode").toBeTruthy();
    const missing = (profile.modes as string[]).find((m) => !slot!.modes.includes(m))!;
    const labels: Record<string, string> = { centre: "中心现场", online: "线上调解", onsite: "上门/上岛" };

    await login(page, "party@example.com");
    await page.goto(`/mediators/${DEMO_MEDIATOR_ID}/book`);
    // Without JavaScript all radios are one group under the field's own name.
    await expect(slotRadio(page, slot!)).toHaveAttribute("name", "start");
    await slotRadio(page, slot!).check();
    await page.getByRole("group", { name: "调解方式" }).getByRole("radio", { name: labels[missing], exact: true }).check();
    await page.getByRole("combobox", { name: "纠纷类型" }).selectOption({ index: 1 });
    await page.getByRole("textbox", { name: "纠纷情况" }).fill("没有 JavaScript 的预约。");
    if (missing === "onsite") {
      await page.getByRole("combobox", { name: "上门/上岛的镇街" }).selectOption({ index: 1 });
      await page.getByRole("textbox", { name: "碰面地点" }).fill("村委会门口");
      await page.getByRole("textbox", { name: "当天联系电话" }).fill("13800138000");
    }
    await page.getByRole("button", { name: "提交预约" }).click();

    await expect(page.getByRole("alert")).toContainText("这个时段只提供");
    await expect(page.getByRole("group", { name: "调解方式" })).toHaveAccessibleDescription(/这个时段只提供/);
    // The choices survive the round trip.
    await expect(slotRadio(page, slot!)).toBeChecked();
    await expect(page.getByRole("textbox", { name: "纠纷情况" })).toHaveValue("没有 JavaScript 的预约。");

    await page.getByRole("group", { name: "调解方式" }).getByRole("radio", { name: labels[slot!.modes[0]], exact: true }).check();
    if (slot!.modes[0] === "onsite") {
      await page.getByRole("combobox", { name: "上门/上岛的镇街" }).selectOption(slot!.towns[0]);
      await page.getByRole("textbox", { name: "碰面地点" }).fill("村委会门口");
      await page.getByRole("textbox", { name: "当天联系电话" }).fill("13800138000");
    }
    await page.getByRole("button", { name: "提交预约" }).click();
    await expect(page).toHaveURL(/\/bookings\/\d+\?created=1$/);
    await expect(page.getByRole("status")).toContainText("预约已提交");
  });

  test("sign in and out without JavaScript", async ({ page }) => {
    await login(page, "party2@example.com");
    await expect(page).toHaveURL("/bookings");
    await page.getByRole("navigation", { name: "账号" }).getByRole("button", { name: "退出" }).click();
    await expect(page).toHaveURL("/login?notice=logged-out");
    await page.goto("/bookings");
    await expect(page).toHaveURL("/login?next=%2Fbookings");
  });
});
