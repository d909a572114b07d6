// Practical details (issue 11): the centre's page in both languages on a phone and a desktop, the
// notice while ferries are suspended (a row put in the test's database, times relative to now), the
// free-of-charge note where people book, the printable slip (its party may open it, another party gets
// a 404), the skip link, focus on the new page's h1 after a client-side navigation, the larger-text
// mode that sticks with and without JavaScript, and axe on each page touched.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { apiToken, expectNoSeriousViolations, firstSlot, login, uniqueEmail } from "./booking-utils";
import { expectNoHorizontalOverflow, withE2eDatabase } from "./utils";

const dir = path.join(import.meta.dirname, "screenshots");

async function shot(page: Page, name: string, project: string) {
  await page.screenshot({ path: path.join(dir, `${project}-practical-${name}.png`), fullPage: true });
  // The first screen too: a phone's full page is too tall to judge at a glance.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(dir, `${project}-practical-${name}-top.png`) });
}

test("@phone the centre's page in Chinese and English: address, hours, map, islands, what to bring", async ({ page }, testInfo) => {
  await page.goto("/centre");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("中心地址与交通");
  await expect(page.getByText("人民调解不收费").first()).toBeVisible();
  await expect(page.getByText(/演示数据/).first()).toBeVisible();
  await expect(page.getByRole("img", { name: "普陀区海岛与中心位置示意图" })).toBeVisible();
  for (const town of ["东极镇", "六横镇", "桃花镇", "虾峙镇", "普陀山镇", "朱家尖街道"])
    await expect(page.getByRole("heading", { level: 3, name: town })).toBeVisible();
  await expect(page.getByText("东极庙子湖码头")).toBeVisible();
  await page.getByText("劳动争议", { exact: true }).click();
  await expect(page.getByText("劳动合同、工资条或转账记录、考勤记录")).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousViolations(page, "/centre zh");
  await shot(page, "centre-zh", testInfo.project.name);

  await page.goto("/lang/en?next=/centre");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Address and how to get here");
  await expect(page.getByText("People's mediation is free of charge").first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Dongji" })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousViolations(page, "/centre en");
  await shot(page, "centre-en", testInfo.project.name);
  await page.goto("/lang/zh?next=/");
});

test("a ferry suspension in force shows on the centre's page, naming the towns and until when", async ({ page }) => {
  const now = Date.now();
  const until = now + 5 * 3_600_000;
  const id = await withE2eDatabase((db) => {
    const staff = db.prepare("SELECT id FROM users WHERE role = 'staff' LIMIT 1").get() as { id: number };
    return Number(
      db
        .prepare("INSERT INTO sea_suspensions (towns, from_at, to_at, note, created_by_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .run(JSON.stringify(["dongji", "xiazhi"]), now - 3_600_000, until, "8 级大风", staff.id, now).lastInsertRowid,
    );
  });
  try {
    await page.goto("/centre");
    const notice = page.getByRole("region", { name: "海上停航" }).getByRole("status");
    await expect(notice).toContainText("现在停航：东极镇、虾峙镇");
    // "until" in Beijing time, as the page words it (computed here from the same instant).
    const d = new Date(until + 8 * 3_600_000);
    const hhmm = `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
    await expect(notice).toContainText(`${d.getUTCMonth() + 1}月${d.getUTCDate()}日`);
    await expect(notice).toContainText(hhmm);
    await expect(notice).toContainText("8 级大风");
    await expectNoSeriousViolations(page, "/centre with a suspension");
  } finally {
    await withE2eDatabase((db) => db.prepare("UPDATE sea_suspensions SET lifted_at = ? WHERE id = ?").run(Date.now() - 1000, id));
  }
  await page.goto("/centre");
  await expect(page.getByText("目前没有登记的停航。")).toBeVisible();
});

test("@phone free of charge where people book; the slip for the booking's party, 404 for another party", async ({
  page,
  request,
  browser,
}, testInfo) => {
  await page.goto("/mediators/3");
  await expect(page.locator(".profile-side").getByText("人民调解不收费")).toBeVisible();
  await expectNoSeriousViolations(page, "profile");

  const email = uniqueEmail("slip-party");
  expect((await request.post("/api/v1/auth/register", { data: { email, password: "slip-party-1", name: "预约单当事人" } })).status()).toBe(
    201,
  );
  await login(page, email, "slip-party-1");
  await page.goto("/mediators/3/book");
  await expect(page.locator(".booking-form").getByText("人民调解不收费")).toBeVisible();
  await expectNoSeriousViolations(page, "booking form");

  const token = await apiToken(request, email, "slip-party-1");
  const slot = await firstSlot(request, 3, "centre");
  const made = await request.post("/api/v1/bookings", {
    headers: { Authorization: `Bearer ${token}` },
    data: { mediatorId: 3, start: slot.start, mode: "centre", category: "labour", summary: "老板拖欠三个月工资，想请调解员帮忙。" },
  });
  expect(made.status(), await made.text()).toBe(201);
  const booking = (await made.json()) as { id: number; caseNumber: string };

  await page.goto(`/bookings/${booking.id}`);
  const practical = page.getByRole("region", { name: "来之前" });
  await expect(practical).toContainText("人民调解不收费");
  await expect(practical).toContainText("劳动合同、工资条或转账记录、考勤记录");
  await expect(practical.getByRole("link", { name: "中心地址与交通" })).toHaveAttribute("href", "/centre");
  await expectNoSeriousViolations(page, "booking page");
  await shot(page, "booking-zh", testInfo.project.name);
  await practical.getByRole("link", { name: "打印预约单" }).click();
  await expect(page).toHaveURL(`/bookings/${booking.id}/slip`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("调解预约单");
  const slip = page.getByRole("article");
  await expect(slip).toContainText(booking.caseNumber);
  await expect(slip).toContainText("海港路 88 号");
  await expect(slip).toContainText("身份证");
  // The QR code names the booking page only: no personal data in it.
  await expect(page.getByRole("img", { name: new RegExp(`/bookings/${booking.id}$`) })).toBeVisible();
  await expect(slip).not.toContainText("预约单当事人");
  await expectNoSeriousViolations(page, "slip");
  await shot(page, "slip-zh", testInfo.project.name);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await page.goto(`/lang/en?next=/bookings/${booking.id}/slip`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mediation appointment slip");
  await expect(page.getByRole("article")).toContainText("Your identity card");
  await expectNoSeriousViolations(page, "slip en");
  await shot(page, "slip-en", testInfo.project.name);
  await page.goto(`/lang/zh?next=/bookings/${booking.id}`);

  // Another party gets the 404 of a booking that is not there.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const otherEmail = uniqueEmail("slip-other");
  expect(
    (
      await otherPage.request.post("/api/v1/auth/register", { data: { email: otherEmail, password: "slip-other-1", name: "另一当事人" } })
    ).status(),
  ).toBe(201);
  await login(otherPage, otherEmail, "slip-other-1");
  const response = await otherPage.goto(`/bookings/${booking.id}/slip`);
  expect(response?.status()).toBe(404);
  await expect(otherPage.getByText(booking.caseNumber)).toHaveCount(0);
  await other.close();
});

test("keyboard: the skip link is the first Tab stop and moves focus to main; the search page skips to the results", async ({ page }) => {
  await page.goto("/centre");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到主要内容" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await page.goto("/search?q=%E6%AC%A0%E8%96%AA");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "跳到搜索结果" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#results$/);
});

test("focus moves to the new page's h1 after a client-side navigation, not on the first load", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("body")).toBeFocused();
  // A client-side navigation needs the page hydrated (the words load after the first paint, ADR 033).
  await page.waitForFunction(() => "__remixRouter" in window);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "来中心" }).click();
  await expect(page).toHaveURL("/centre");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
});

test("the language switch's accessible name contains its visible text", async ({ page }) => {
  await page.goto("/centre");
  const link = page.getByRole("navigation", { name: "主导航" }).locator(".lang-switch");
  const visible = (await link.innerText()).trim();
  await expect(link).toHaveAccessibleName(new RegExp(visible));
});

test("@phone the larger-text mode sticks across pages", async ({ page }, testInfo) => {
  await page.goto("/centre");
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await page.getByRole("button", { name: "大字模式" }).click();
  await expect(page).toHaveURL("/centre");
  await expect(page.locator("html")).toHaveClass(/large-text/);
  await expect(page.getByRole("button", { name: "大字模式" })).toHaveAttribute("aria-pressed", "true");
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(after).toBeGreaterThan(before);
  await page.goto("/search");
  await expect(page.locator("html")).toHaveClass(/large-text/);
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousViolations(page, "search in larger text");
  await page.goto("/centre");
  await shot(page, "large-text", testInfo.project.name);
  await page.getByRole("button", { name: "大字模式" }).click();
  await expect(page.locator("html")).not.toHaveClass(/large-text/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the larger-text toggle works and the device test explains what to do", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "大字模式" }).click();
    await expect(page).toHaveURL("/");
    await expect(page.locator("html")).toHaveClass(/large-text/);
    await page.goto("/online-test");
    await expect(page.getByText("此测试需要浏览器启用 JavaScript")).toBeVisible();
    await page.getByRole("button", { name: "大字模式" }).click();
    await expect(page.locator("html")).not.toHaveClass(/large-text/);
  });
});

test("the device test page, and a confirmed online booking's room link for its party", async ({ page, request }) => {
  await page.goto("/online-test");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("测试设备");
  await expect(page.getByRole("button", { name: "开始测试" })).toBeVisible();
  await expectNoSeriousViolations(page, "/online-test");
  // A confirmed online booking of mediator 2 (staff confirm for a mediator without an account), so the
  // demo account's mediator keeps its times for the specs that need its account.
  const email = uniqueEmail("room-party");
  expect((await request.post("/api/v1/auth/register", { data: { email, password: "room-party-1", name: "线上当事人" } })).status()).toBe(
    201,
  );
  const token = await apiToken(request, email, "room-party-1");
  const slot = await firstSlot(request, 2, "online");
  const made = await request.post("/api/v1/bookings", {
    headers: { Authorization: `Bearer ${token}` },
    data: { mediatorId: 2, start: slot.start, mode: "online", category: "consumer", summary: "网购商品质量问题，协商不成。" },
  });
  expect(made.status(), await made.text()).toBe(201);
  const booking = (await made.json()) as { id: number };
  const mediatorToken = await apiToken(request, "staff@example.com");
  const confirmed = await request.post(`/api/v1/bookings/${booking.id}/confirm`, {
    headers: { Authorization: `Bearer ${mediatorToken}` },
    data: {},
  });
  expect(confirmed.ok(), await confirmed.text()).toBe(true);
  await login(page, email, "room-party-1");
  await page.goto(`/bookings/${booking.id}`);
  const room = page.getByRole("link", { name: "进入线上调解房间" });
  await expect(room).toHaveAttribute("href", /^https:\/\/.+\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByRole("link", { name: "先测试摄像头和麦克风" })).toHaveAttribute("href", "/online-test");
  await expectNoSeriousViolations(page, "online booking");
});
