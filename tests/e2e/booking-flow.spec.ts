// The whole journey: a new party registers, books mediator 1 online, the mediator confirms it on the
// dashboard, and the party downloads the calendar file. Plus the sign-in page's own behaviour.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_MEDIATOR_ID, dayLabel, firstSlot, login, logout, slotRadio, timeRange, uniqueEmail } from "./booking-utils";

test("register, book online, the mediator confirms, the party downloads the .ics", async ({ page, request }) => {
  const email = uniqueEmail("party");
  const name = `测试当事人${Date.now() % 10000}`;

  // Register (a party account) and land signed in.
  await page.goto("/register");
  await page.getByRole("textbox", { name: "姓名" }).fill(name);
  await page.getByRole("textbox", { name: "电子邮箱" }).fill(email);
  await page.getByLabel("密码", { exact: true }).fill("correct horse battery");
  await page.getByRole("checkbox", { name: "我已阅读并同意《个人信息处理说明》" }).check();
  await page.getByRole("button", { name: "注册并登录" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("navigation", { name: "账号" })).toContainText(name);
  await expect(page.getByRole("link", { name: "我的预约" })).toBeVisible();

  // From the mediator's profile to the booking calendar.
  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}`);
  await page.getByRole("link", { name: "选择时间并预约" }).click();
  await expect(page).toHaveURL(`/mediators/${DEMO_MEDIATOR_ID}/book`);
  const slot = await firstSlot(request, DEMO_MEDIATOR_ID, "online");
  const day = page.getByRole("group", { name: new RegExp(`^${dayLabel(slot.start)}`) });
  await expect(day).toBeVisible();
  await day.getByRole("radio", { name: new RegExp(`^${timeRange(slot)}`) }).check();
  await expect(page.getByText(`已选：${dayLabel(slot.start)} ${timeRange(slot)}`)).toBeVisible();
  // Only the modes this slot offers are offered.
  const modes = page.getByRole("group", { name: "调解方式" });
  await expect(modes.getByRole("radio")).toHaveCount(slot.modes.length);
  await modes.getByRole("radio", { name: "线上调解", exact: true }).check();
  await page.getByRole("combobox", { name: "纠纷类型" }).selectOption({ index: 1 });
  await page.getByRole("textbox", { name: "纠纷情况" }).fill("邻居装修噪音扰民，多次沟通无果，希望调解。");
  await page.getByRole("textbox", { name: "对方当事人姓名（选填）" }).fill("赵某某");
  await page.getByRole("button", { name: "提交预约" }).click();

  await expect(page).toHaveURL(/\/bookings\/\d+\?created=1$/);
  const bookingId = Number(/\/bookings\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByRole("status")).toContainText("预约已提交");
  await expect(page.locator(".status-badge")).toHaveText("待确认");
  await expect(page.getByText(/调解员需在 .+ 前答复/)).toBeVisible();
  const details = page.getByRole("region", { name: "预约信息" });
  await expect(details).toContainText(`${dayLabel(slot.start)} ${timeRange(slot)}`);
  await expect(details).toContainText("线上调解");
  await expect(details).toContainText("赵某某");
  // The slot is no longer free.
  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}/book`);
  await expect(slotRadio(page, slot)).toHaveCount(0);
  await logout(page);

  // The mediator sees the request on the dashboard and confirms it.
  await login(page, "mediator@example.com");
  await expect(page).toHaveURL("/dashboard");
  const card = page
    .getByRole("article")
    .filter({ has: page.getByRole("link", { name: new RegExp(timeRange(slot)) }) })
    .filter({ hasText: name });
  await expect(card).toContainText("赵某某");
  await expect(card).toContainText(/请在 .+ 前答复/);
  await card.getByRole("button", { name: "确认" }).click();
  await expect(page.getByRole("status")).toContainText(/已确认 普调〔\d{4}〕\d{5}号 的预约/);
  await expect(page.getByRole("region", { name: /即将进行的调解/ })).toContainText(name);
  await logout(page);

  // The party sees it confirmed and downloads the calendar file.
  await login(page, email, "correct horse battery");
  await expect(page).toHaveURL("/bookings");
  await page.getByRole("link", { name: `${dayLabel(slot.start)} ${timeRange(slot)}` }).click();
  await expect(page).toHaveURL(`/bookings/${bookingId}`);
  await expect(page.locator(".status-badge")).toHaveText("已确认");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载日历文件（.ics）" }).click()]);
  expect(download.suggestedFilename()).toBe(`booking-${bookingId}.ics`);
  const ics = fs.readFileSync((await download.path())!, "utf8");
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain("STATUS:CONFIRMED");
});

test("sign-in: a generic message for wrong details, then back to where the visitor was", async ({ page }) => {
  // Anonymous visitors see the calendar (to pick a time and hold it) and a way to sign in that comes back here.
  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}/book`);
  await expect(page.getByRole("group", { name: "选择时段" })).toBeVisible();
  await expect(page.getByRole("button", { name: "提交预约" })).toHaveCount(0);
  await page.getByRole("link", { name: "登录后预约" }).click();
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent(`/mediators/${DEMO_MEDIATOR_ID}/book`)}`);

  await page.getByLabel("电子邮箱").fill("party2@example.com");
  await page.getByLabel("密码", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("邮箱或密码不正确");
  await expect(summary).toBeFocused();
  // The email stays, the password does not.
  await expect(page.getByLabel("电子邮箱")).toHaveValue("party2@example.com");
  await expect(page.getByLabel("密码", { exact: true })).toHaveValue("");

  await page.getByLabel("密码", { exact: true }).fill("demo12345");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(`/mediators/${DEMO_MEDIATOR_ID}/book`);
  await expect(page.getByRole("button", { name: "提交预约" })).toBeVisible();
});

test("sign-in: too many attempts are refused with the wait in seconds", async ({ page }) => {
  const email = uniqueEmail("nobody");
  await page.goto("/login");
  const attempt = async (password: string) => {
    await page.getByLabel("电子邮箱").fill(email);
    await page.getByLabel("密码", { exact: true }).fill(password);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/login") && r.request().method() === "POST"),
      page.getByRole("button", { name: "登录", exact: true }).click(),
    ]);
    return response.status();
  };
  // The account allows five failures in its window.
  for (let i = 0; i < 5; i++) {
    expect(await attempt(`wrong-${i}`)).toBe(401);
    await expect(page.getByRole("alert")).toContainText("邮箱或密码不正确");
  }
  expect(await attempt("wrong-again")).toBe(429);
  await expect(page.getByRole("alert")).toContainText(/尝试次数过多，请 \d+ 秒后再试/);
});

test("register: field errors next to the fields, and a taken email", async ({ page }) => {
  await page.goto("/register");
  await page.getByRole("textbox", { name: "电子邮箱" }).fill("not-an-email");
  await page.getByLabel("密码", { exact: true }).fill("short");
  await page.getByRole("button", { name: "注册并登录" }).click();
  await expect(page.getByRole("alert")).toContainText("有 4 处需要修改");
  const nameBox = page.getByRole("textbox", { name: "姓名" });
  await expect(nameBox).toHaveAttribute("aria-invalid", "true");
  await expect(nameBox).toHaveAccessibleDescription(/请填写姓名/);
  await expect(page.getByRole("textbox", { name: "电子邮箱" })).toHaveAccessibleDescription(/请填写有效的电子邮箱/);
  await expect(page.getByLabel("密码", { exact: true })).toHaveAccessibleDescription(/至少 8 个字符/);
  // The summary links to the field.
  await page.getByRole("alert").getByRole("link", { name: /姓名/ }).click();
  await expect(nameBox).toBeFocused();

  await nameBox.fill("重复注册");
  await page.getByRole("textbox", { name: "电子邮箱" }).fill("party@example.com");
  await page.getByLabel("密码", { exact: true }).fill("long enough password");
  await page.getByRole("checkbox", { name: "我已阅读并同意《个人信息处理说明》" }).check();
  await page.getByRole("button", { name: "注册并登录" }).click();
  await expect(page.getByRole("textbox", { name: "电子邮箱" })).toHaveAccessibleDescription(/已经注册过了/);
});

test("account: sign out everywhere ends every session", async ({ page, browser }) => {
  const email = uniqueEmail("everywhere");
  await page.goto("/register");
  await page.getByRole("textbox", { name: "姓名" }).fill("多设备用户");
  await page.getByRole("textbox", { name: "电子邮箱" }).fill(email);
  await page.getByLabel("密码", { exact: true }).fill("long enough password");
  await page.getByRole("checkbox", { name: "我已阅读并同意《个人信息处理说明》" }).check();
  await page.getByRole("button", { name: "注册并登录" }).click();
  await expect(page).toHaveURL("/");

  // A second device.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "zh-CN" });
  const otherPage = await other.newPage();
  await login(otherPage, email, "long enough password");
  await otherPage.goto("/bookings");
  await expect(otherPage.getByRole("heading", { level: 1 })).toHaveText("我的预约");

  await page.getByRole("link", { name: /我的账号/ }).click();
  await expect(page.getByRole("region", { name: "我的账号" })).toContainText(email);
  await page.getByRole("button", { name: "在所有设备上退出" }).click();
  await expect(page).toHaveURL("/login?notice=everywhere");
  await expect(page.getByRole("status")).toContainText("所有设备");

  await otherPage.goto("/bookings");
  await expect(otherPage).toHaveURL(/\/login\?next=%2Fbookings/);
  await other.close();
});
