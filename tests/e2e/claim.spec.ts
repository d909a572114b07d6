// Claiming a mediator's account (issue 9): the admin makes a claim link for a pool member without an
// account and sees it once; the member opens it without JavaScript, sees their name, chooses an e-mail
// and a password and is signed in as that mediator; the used link then says plainly that it is dead
// (410). And the other half of "everyone in the pool can answer": staff confirm on the booking page for
// a mediator who has no account, and the party reads who did. axe on every page; screenshots into
// tests/e2e/screenshots/.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { bookSlot, expectNoSeriousViolations, login, logout, slotsOf, uniqueEmail } from "./booking-utils";
import { expectNoHorizontalOverflow } from "./utils";

const dir = path.join(import.meta.dirname, "screenshots");

async function shot(page: Page, name: string, project: string) {
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: path.join(dir, `${project}-${name}.png`), fullPage: true });
}

test("an admin's claim link opens the mediator's account once, without JavaScript", async ({ page, browser, baseURL }, testInfo) => {
  const project = testInfo.project.name;
  await login(page, "admin@example.com");
  await page.goto("/admin/accounts");
  const pool = page.getByRole("region", { name: "邀请调解员认领账号" });
  const row = pool.getByRole("row").nth(1);
  const name = ((await row.getByRole("cell").nth(1).textContent()) ?? "").replace(/（.*$/, "");
  expect(name.length).toBeGreaterThan(1);
  await row.getByRole("button", { name: /认领链接/ }).click();

  const issued = page.getByRole("region", { name: "新的认领链接（只显示这一次）" });
  await expect(issued).toContainText(name);
  const link = ((await issued.locator("code").first().textContent()) ?? "").trim();
  expect(link).toMatch(new RegExp(`^${baseURL}/claim/[\\w-]{40,}$`));
  await expect(pool.getByRole("row").filter({ hasText: name })).toContainText("已发送");
  await expectNoSeriousViolations(page, "admin accounts with a new claim link");
  await shot(page, "admin-claim-link", project);

  // The claim page with scripts, for axe and the picture; then the claim itself without them.
  const claimPath = new URL(link).pathname;
  await page.goto(claimPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("认领调解员账号");
  await expect(page.getByRole("main")).toContainText(name);
  await expectNoSeriousViolations(page, "claim page");
  await shot(page, "claim", project);

  const context = await browser.newContext({ javaScriptEnabled: false, baseURL, locale: "zh-CN" });
  const member = await context.newPage();
  await member.goto(claimPath);
  await member.getByLabel("密码", { exact: true }).fill("short");
  await member.getByLabel("电子邮箱").fill("not an address");
  await member.getByRole("button", { name: "认领并登录" }).click();
  await expect(member.getByRole("heading", { name: /有 2 处需要修改/ })).toBeVisible();
  await shot(member, "claim-errors", project);

  const email = uniqueEmail("claimed");
  await member.getByLabel("电子邮箱").fill(email);
  await member.getByLabel("密码", { exact: true }).fill("claim-password-1");
  await member.getByRole("button", { name: "认领并登录" }).click();
  await expect(member).toHaveURL("/dashboard");
  await expect(member.getByRole("navigation", { name: "账号" })).toContainText(name);

  const again = await member.goto(claimPath);
  expect(again?.status()).toBe(410);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("这个链接不能使用");
  await shot(member, "claim-gone", project);
  const unknown = await member.goto("/claim/not-a-real-token-at-all");
  expect(unknown?.status()).toBe(404);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("这个链接不能使用");
  await context.close();
});

test("staff confirm for a mediator without an account; the party reads who did", async ({ page, request }, testInfo) => {
  const project = testInfo.project.name;
  // A mediator well past the first few (the claim test above claims the first without an account).
  let mediatorId = 0;
  let slots: Awaited<ReturnType<typeof slotsOf>> = [];
  for (let id = 30; id < 60 && !slots.length; id++) {
    slots = await slotsOf(request, "mediators", id, { mode: "online" });
    mediatorId = id;
  }
  expect(slots.length, "a mediator with a free online slot").toBeGreaterThan(0);

  await login(page, "party@example.com");
  const id = await bookSlot(page, `/mediators/${mediatorId}/book`, slots[0], {
    mode: "online",
    modeLabel: "线上调解",
    summary: "工作人员代调解员确认的测试。",
  });
  const mediatorName = ((await page.getByRole("region", { name: "预约信息" }).getByRole("link").first().textContent()) ?? "").trim();
  await logout(page);

  await login(page, "staff@example.com");
  await page.goto(`/bookings/${id}`);
  const acting = page.getByRole("region", { name: "代调解员操作" });
  await expect(acting).toContainText(mediatorName);
  await expect(acting.getByRole("button", { name: "确认预约" })).toBeVisible();
  await expectNoSeriousViolations(page, "booking page as staff");
  await shot(page, "booking-acting-for", project);
  await acting.getByRole("button", { name: "确认预约" }).click();
  await expect(page).toHaveURL(`/bookings/${id}?done=confirmed`);
  await logout(page);

  await login(page, "party@example.com");
  await page.goto(`/bookings/${id}`);
  await expect(page.locator(".status-badge")).toHaveText("已确认");
  await expect(page.getByRole("region", { name: "预约信息" })).toContainText(`由工作人员 中心工作人员（示例） 代 ${mediatorName} 确认`);
  await expect(page.getByRole("region", { name: "代调解员操作" })).toHaveCount(0);
});
