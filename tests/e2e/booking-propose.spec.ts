// A mediator proposes another time for a confirmed session from the booking page; the party accepts it
// and the session moves, confirmed, while until then the old time stood (issue 11, ADR 029).
import { expect, test } from "@playwright/test";
import {
  DEMO_MEDIATOR_ID,
  apiToken,
  bookSlot,
  dayLabel,
  expectNoSeriousViolations,
  login,
  logout,
  slotRadio,
  slotsOf,
  timeRange,
} from "./booking-utils";

test("@phone the mediator proposes another time for a confirmed session; the party accepts and it moves", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const slots = await slotsOf(request, "mediators", DEMO_MEDIATOR_ID, { mode: "online" });
  expect(slots.length, "two free online times of the demo mediator").toBeGreaterThanOrEqual(2);
  const [first, second] = [slots[0], slots[slots.length - 1]];

  await login(page, "party2@example.com");
  const id = await bookSlot(page, `/mediators/${DEMO_MEDIATOR_ID}/book`, first, {
    mode: "online",
    modeLabel: "线上调解",
    summary: `提议改时间测试 ${testInfo.project.name}`,
  });
  await logout(page);
  // The mediator confirms through the API (the dashboard's confirm is tested in booking-flow).
  const token = await apiToken(request, "mediator@example.com");
  const confirmed = await request.post(`/api/v1/bookings/${id}/confirm`, { headers: { Authorization: `Bearer ${token}` } });
  expect(confirmed.status()).toBe(200);

  await login(page, "mediator@example.com");
  await page.goto(`/bookings/${id}`);
  await page.locator("summary").filter({ hasText: "提议另一个时间" }).click();
  await slotRadio(page, second).check();
  await page.getByRole("textbox", { name: "说明（会发给当事人）" }).fill("那天上午另有调解，改到这个时间可以吗？");
  await page.getByRole("button", { name: "向当事人提议这个时间" }).click();
  await expect(page.getByText(`已向当事人提议改到`)).toBeVisible();
  // Until the party answers, the confirmed time stands.
  await expect(page.locator(".status-badge")).toHaveText("已确认");
  await expectNoSeriousViolations(page, "booking page after proposing a time");
  await logout(page);

  await login(page, "party2@example.com");
  await page.goto(`/bookings/${id}`);
  const proposal = page.getByRole("region", { name: "调解员提议改时间" });
  await expect(proposal).toContainText("不同意时原时间照常进行");
  await expectNoSeriousViolations(page, "booking page with the mediator's proposal");
  await proposal.getByRole("button", { name: "同意改到这个时间" }).click();
  const details = page.getByRole("region", { name: "预约信息" });
  await expect(details).toContainText(`${dayLabel(second.start)} ${timeRange(second)}`);
  await expect(page.locator(".status-badge")).toHaveText("已确认");
  await expect(page.getByRole("region", { name: "调解员提议改时间" })).toHaveCount(0);
  // Give the time back: the later specs book this mediator too.
  const party = await apiToken(request, "party2@example.com");
  const moved = Number(/\/bookings\/(\d+)/.exec(page.url())![1]);
  const cancelled = await request.post(`/api/v1/bookings/${moved}/cancel`, {
    headers: { Authorization: `Bearer ${party}` },
    data: { reason: "测试结束，取消" },
  });
  expect(cancelled.status()).toBe(200);
});
