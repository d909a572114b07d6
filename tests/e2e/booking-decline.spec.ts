// After the booking: the mediator declines (the party sees the reason and similar mediators with free
// time), either side cancels with a reason, and the party reschedules to another free slot.
import { expect, test, type Page } from "@playwright/test";
import {
  DEMO_MEDIATOR_ID,
  bookSlot,
  dayLabel,
  expectNoSeriousViolations,
  firstSlot,
  login,
  logout,
  slotRadio,
  slotsOf,
  timeRange,
} from "./booking-utils";

const card = (page: Page, id: number) => page.locator("article", { has: page.locator(`a[href="/bookings/${id}"]`) });

test("a declined request shows the reason and similar mediators with free time", async ({ page, request }) => {
  await login(page, "party2@example.com");
  const slot = await firstSlot(request, DEMO_MEDIATOR_ID, "online");
  const id = await bookSlot(page, `/mediators/${DEMO_MEDIATOR_ID}/book`, slot, {
    mode: "online",
    modeLabel: "线上调解",
    summary: "船只碰撞后对方拒绝赔偿，希望调解。",
  });
  await logout(page);

  await login(page, "mediator@example.com");
  const request_ = card(page, id);
  await expect(request_).toContainText("李建国");
  await request_.getByText("婉拒并说明理由").click();
  // An empty reason is refused next to the field.
  await request_.getByRole("button", { name: "婉拒", exact: true }).click();
  await expect(request_.getByRole("textbox", { name: "婉拒理由" })).toHaveAccessibleDescription(/请简要说明理由/);
  await request_.getByRole("textbox", { name: "婉拒理由" }).fill("该时段需出庭，建议选择其他调解员。");
  await request_.getByRole("button", { name: "婉拒", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(/已婉拒 普调〔\d{4}〕\d{5}号 的预约/);
  await expect(card(page, id)).toHaveCount(0);
  await logout(page);

  await login(page, "party2@example.com");
  await page.goto(`/bookings/${id}`);
  await expect(page.locator(".status-badge")).toHaveText("已婉拒");
  await expect(page.getByRole("region", { name: "预约信息" })).toContainText("该时段需出庭，建议选择其他调解员。");
  const alternatives = page.getByRole("region", { name: "有空档的相似调解员" });
  const items = alternatives.getByRole("listitem").filter({ has: page.getByRole("article") });
  await expect(items.first()).toBeVisible();
  // Each says when it is free next and leads to its booking page; the one who declined is not among them.
  await expect(items.first()).toContainText("最早可约");
  await expect(alternatives.locator(`a[href="/mediators/${DEMO_MEDIATOR_ID}/book"]`)).toHaveCount(0);
  await expectNoSeriousViolations(page, "declined booking with alternatives");
  const bookLink = items.first().getByRole("link", { name: /^预约/ });
  const href = await bookLink.getAttribute("href");
  expect(href).toMatch(/^\/mediators\/\d+\/book$/);
  await bookLink.click();
  await expect(page).toHaveURL(href!);
  await expect(page.getByRole("button", { name: "提交预约" })).toBeVisible();
});

test("the party cancels with a reason and the time is free again", async ({ page, request }) => {
  await login(page, "party2@example.com");
  const slot = await firstSlot(request, DEMO_MEDIATOR_ID, "online");
  const id = await bookSlot(page, `/mediators/${DEMO_MEDIATOR_ID}/book`, slot, {
    mode: "online",
    modeLabel: "线上调解",
    summary: "租房押金纠纷，房东不退押金。",
  });
  const cancel = page.getByRole("region", { name: "取消预约" });
  await cancel.getByRole("button", { name: "取消这次预约" }).click();
  await expect(cancel.getByRole("textbox", { name: "取消理由" })).toHaveAttribute("aria-invalid", "true");
  await expect(cancel.getByRole("textbox", { name: "取消理由" })).toHaveAccessibleDescription(/请简要说明理由/);
  await cancel.getByRole("textbox", { name: "取消理由" }).fill("双方已自行和解。");
  await cancel.getByRole("button", { name: "取消这次预约" }).click();
  await expect(page).toHaveURL(`/bookings/${id}?done=cancelled`);
  await expect(page.getByRole("status")).toContainText("预约已取消");
  await expect(page.locator(".status-badge")).toHaveText("已取消");
  await expect(page.getByRole("region", { name: "预约信息" })).toContainText("双方已自行和解。");
  await expect(page.getByRole("region", { name: "预约信息" })).toContainText("当事人取消");
  await expect(page.getByRole("region", { name: "取消预约" })).toHaveCount(0);

  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}/book`);
  await expect(slotRadio(page, slot)).toHaveCount(1);
});

test("the mediator cancels a confirmed session from the dashboard", async ({ page, request }) => {
  await login(page, "party2@example.com");
  const slot = await firstSlot(request, DEMO_MEDIATOR_ID, "online");
  const id = await bookSlot(page, `/mediators/${DEMO_MEDIATOR_ID}/book`, slot, {
    mode: "online",
    modeLabel: "线上调解",
    summary: "物业费争议，希望调解。",
  });
  await logout(page);

  await login(page, "mediator@example.com");
  await card(page, id).getByRole("button", { name: "确认" }).click();
  await expect(page.getByRole("status")).toContainText(/已确认 普调〔\d{4}〕\d{5}号 的预约/);
  const upcoming = page.getByRole("region", { name: /即将进行的调解/ });
  const session = upcoming.locator("article", { has: page.locator(`a[href="/bookings/${id}"]`) });
  await session.getByText("取消这次调解").click();
  await session.getByRole("textbox", { name: "取消理由" }).fill("临时有紧急案件，非常抱歉。");
  await session.getByRole("button", { name: "取消这次预约" }).click();
  await expect(page.getByRole("status")).toContainText(/已取消 普调〔\d{4}〕\d{5}号 的预约/);
  await expect(card(page, id)).toHaveCount(0);
  await logout(page);

  await login(page, "party2@example.com");
  await page.goto(`/bookings/${id}`);
  await expect(page.locator(".status-badge")).toHaveText("已取消");
  await expect(page.getByRole("region", { name: "预约信息" })).toContainText("调解员取消");
});

test("the party reschedules to another free slot of the same mediator", async ({ page, request }) => {
  await login(page, "party2@example.com");
  const slots = await slotsOf(request, "mediators", DEMO_MEDIATOR_ID, { mode: "online" });
  // A slot beyond the minimum notice, and a later one to move to.
  const [first, second] = slots.slice(-2);
  const id = await bookSlot(page, `/mediators/${DEMO_MEDIATOR_ID}/book`, first, {
    mode: "online",
    modeLabel: "线上调解",
    summary: "劳动合同到期不续签的补偿争议。",
  });
  const section = page.getByRole("region", { name: "改期" });
  await section.getByText("选择新的时间").click();
  await slotRadio(page, second).check();
  await section.getByRole("button", { name: "改到所选时段" }).click();
  await expect(page).toHaveURL(/\/bookings\/\d+\?done=rescheduled$/);
  // The new booking opens at the top, on its confirmation, with the focus on its heading.
  await expect(page.getByRole("heading", { name: "已改期，等待确认" })).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const newId = Number(/\/bookings\/(\d+)/.exec(page.url())![1]);
  expect(newId).not.toBe(id);
  await expect(page.getByRole("status")).toContainText("已改期");
  await expect(page.locator(".status-badge")).toHaveText("待确认");
  const details = page.getByRole("region", { name: "预约信息" });
  await expect(details).toContainText(`${dayLabel(second.start)} ${timeRange(second)}`);
  await expect(details).toContainText("劳动合同到期不续签的补偿争议。");
  await details.getByRole("link", { name: "改期前的预约" }).click();
  await expect(page.locator(".status-badge")).toHaveText("已取消");
  await expect(page.getByRole("region", { name: "预约信息" })).toContainText("已改期到新的时间");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the mediator declines (a missing reason is explained) and confirms; the party reschedules and cancels", async ({
    page,
    request,
  }) => {
    const slots = await slotsOf(request, "mediators", DEMO_MEDIATOR_ID, { mode: "online" });
    const [a, b, c] = slots.slice(-3);
    await login(page, "party2@example.com");
    const declined = await bookSlot(page, `/mediators/${DEMO_MEDIATOR_ID}/book`, a, {
      mode: "online",
      modeLabel: "线上调解",
      summary: "无脚本婉拒测试。",
    });
    const kept = await bookSlot(page, `/mediators/${DEMO_MEDIATOR_ID}/book`, b, {
      mode: "online",
      modeLabel: "线上调解",
      summary: "无脚本确认测试。",
    });
    await logout(page);

    await login(page, "mediator@example.com");
    await card(page, declined).getByText("婉拒并说明理由").click();
    await card(page, declined).getByRole("button", { name: "婉拒", exact: true }).click();
    // The page comes back with the fold open and the error by the field.
    const reason = card(page, declined).getByRole("textbox", { name: "婉拒理由" });
    await expect(reason).toBeVisible();
    await expect(reason).toHaveAccessibleDescription(/请简要说明理由/);
    await reason.fill("时间冲突。");
    await card(page, declined).getByRole("button", { name: "婉拒", exact: true }).click();
    await expect(page.getByRole("status")).toContainText(/已婉拒 普调〔\d{4}〕\d{5}号 的预约/);
    await card(page, kept).getByRole("button", { name: "确认" }).click();
    await expect(page.getByRole("status")).toContainText(/已确认 普调〔\d{4}〕\d{5}号 的预约/);
    await logout(page);

    await login(page, "party2@example.com");
    await page.goto(`/bookings/${kept}`);
    await expect(page.locator(".status-badge")).toHaveText("已确认");
    await page.getByRole("region", { name: "改期" }).getByText("选择新的时间").click();
    await slotRadio(page, c).check();
    await page.getByRole("button", { name: "改到所选时段" }).click();
    // A confirmed session is not given up: the move is a request, and the session stands meanwhile.
    await expect(page).toHaveURL(/\/bookings\/\d+\?done=change-requested$/);
    await expect(page.getByRole("status")).toContainText("改期申请已提交");
    await expect(page.getByRole("status")).toContainText("仍为您保留");
    await expect(page.getByRole("region", { name: "预约信息" })).toContainText(`${dayLabel(c.start)} ${timeRange(c)}`);
    const move = Number(/\/bookings\/(\d+)/.exec(page.url())![1]);
    await logout(page);
    // The mediator's card says it is a move, and that the confirmed session stands meanwhile.
    await login(page, "mediator@example.com");
    await expect(card(page, move).locator(".status-badge").filter({ hasText: "改期" })).toBeVisible();
    await expect(card(page, move).getByTestId("move-of")).toContainText("这是一次改期申请");
    await logout(page);
    await login(page, "party2@example.com");
    await page.goto(`/bookings/${move}`);
    // Withdrawing the move (cancelling the request) leaves the confirmed session as it was.
    await page.getByRole("textbox", { name: "取消理由" }).fill("改变主意了。");
    await page.getByRole("button", { name: "取消这次预约" }).click();
    await expect(page.getByRole("status")).toContainText("预约已取消");
    await expect(page.locator(".status-badge")).toHaveText("已取消");
    await page.goto(`/bookings/${kept}`);
    await expect(page.locator(".status-badge")).toHaveText("已确认");
    await expect(page.getByRole("region", { name: "预约信息" })).toContainText(`${dayLabel(b.start)} ${timeRange(b)}`);
  });
});
