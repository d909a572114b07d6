// The fallback (兜底, issue 9, ADR 021): a party on an island files a case with no pick; staff open it,
// follow the case page's link to the centre's suggestion, read why (axe on the page, a screenshot), and
// accept it in one step; the case page then shows the ask waiting for the mediator, and the party reads
// a plain sentence. Data comes from the running site's APIs (no dates written in the test).
import path from "node:path";
import { expect, test } from "@playwright/test";
import { apiToken, expectNoSeriousViolations, login, logout } from "./booking-utils";

const dir = path.join(import.meta.dirname, "screenshots");

test("staff accept the centre's suggestion from the case page; the party reads why in a sentence", async ({ page, request }, testInfo) => {
  const token = await apiToken(request, "party@example.com");
  const filed = await request.post("/api/v1/cases", {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      category: "neighbourhood",
      description: "邻居装修漏水，要求赔偿（兜底测试）",
      town: "liuheng",
      respondents: [{ name: "楼上邻居" }],
      informed: true,
    },
  });
  expect(filed.status()).toBe(201);
  const { id, number } = (await filed.json()) as { id: number; number: string };

  await login(page, "staff@example.com");
  await page.goto(`/cases/${id}`);
  const panel = page.getByRole("region", { name: "调解员安排" });
  await panel.getByRole("link", { name: "安排调解员" }).click();
  await expect(page).toHaveURL(`/staff/cases/${id}/assign`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  const suggestion = page.getByRole("region", { name: "中心建议" });
  // An island party: the suggestion is online or on site, never a trip to the centre first.
  await expect(suggestion.locator(".lead")).toContainText(/线上调解|上门\/上岛/);
  await expect(suggestion.getByRole("table", { name: "比较过的调解员" })).toBeVisible();
  await expectNoSeriousViolations(page, "/staff/cases/:id/assign");
  await page.screenshot({ path: path.join(dir, `${testInfo.project.name}-fallback-assign.png`), fullPage: true });

  await suggestion.getByRole("button", { name: "采纳建议并预约" }).click();
  await expect(page.getByRole("status")).toContainText("已预约，等待调解员答复。");
  await page.goto(`/cases/${id}`);
  await expect(panel).toContainText("中心建议（工作人员确认）");
  await expect(panel).toContainText("等待答复");
  await expectNoSeriousViolations(page, "/cases/:id with an assignment");
  await logout(page);

  await login(page, "party@example.com");
  await page.goto(`/cases/${id}`);
  await expect(page.getByRole("region", { name: "调解员安排" })).toContainText(/^.*由中心指派：.+可(线上调解|上门\/上岛调解)。/);
  await page.screenshot({ path: path.join(dir, `${testInfo.project.name}-fallback-party.png`), fullPage: true });
});
