// Signing in with a code by text message (issue 11), as a party on a phone would: JavaScript off, the
// number typed with +86 and spaces, the code read from the centre's outbox (the dev SMS provider) by
// staff, consent asked before a new number opens an account. axe on the pages with JavaScript on, in
// Chinese and English, and screenshots of both (tests/e2e/screenshots/).
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousViolations, login } from "./booking-utils";
import { expectNoHorizontalOverflow } from "./utils";

const dir = path.join(import.meta.dirname, "screenshots");
const phoneViewport = { width: 375, height: 740 };

/** A mainland mobile number no earlier run used (the e2e database lives across runs). */
const freshMobile = (salt: number) => `139${String((Date.now() + salt) % 100_000_000).padStart(8, "0")}`;

/** Staff read the newest code sent to `phone` on the outbox page, as the demo's SMS provider shows it. */
async function codeFromOutbox(browser: Browser, baseURL: string, phone: string): Promise<string> {
  const context = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const staff = await context.newPage();
  await login(staff, "staff@example.com");
  await staff.goto("/staff/notifications");
  const row = staff.getByRole("row").filter({ hasText: phone }).first();
  await expect(row).toContainText("5 分钟内有效");
  await expect(row).toContainText("请勿告诉任何人");
  const code = /验证码 (\d{6})/.exec((await row.textContent()) ?? "")?.[1];
  await context.close();
  expect(code, "a 6-digit code in the text message").toMatch(/^\d{6}$/);
  return code!;
}

const phoneSection = (page: Page, name: string | RegExp) => page.getByRole("region", { name });

test("a new number signs in on a phone without JavaScript, after consent, with the code from the outbox", async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const phone = freshMobile(1);
  const context = await browser.newContext({
    baseURL,
    viewport: phoneViewport,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  await page.goto("/login");
  const byPhone = phoneSection(page, "手机验证码登录");
  await byPhone.getByLabel("手机号码", { exact: true }).fill(`+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)}-${phone.slice(7)}`);
  await byPhone.getByRole("button", { name: "获取验证码" }).click();
  // The number is masked on the page and never in the address bar.
  await expect(page.getByText(`${phone.slice(0, 3)}****${phone.slice(7)}`)).toBeVisible();
  expect(page.url()).not.toContain(phone);

  const code = await codeFromOutbox(browser, baseURL, phone);
  await byPhone.getByLabel("验证码", { exact: true }).fill(code);
  await byPhone.getByRole("button", { name: "登录", exact: true }).click();
  // A new number: consent first, and the code stays good.
  await expect(page.getByRole("alert")).toContainText("同意《个人信息处理说明》");
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: path.join(dir, `${testInfo.project.name}-phone-login-consent.png`), fullPage: true });
  await byPhone.getByLabel("验证码", { exact: true }).fill(code);
  await byPhone.getByLabel("我已阅读并同意《个人信息处理说明》").check();
  await byPhone.getByLabel("怎么称呼您（选填）").fill("岛上渔民");
  await byPhone.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/bookings/);
  await expect(page.getByRole("navigation", { name: "账号" })).toContainText("岛上渔民");

  // The account page shows the consent and offers the data download and deletion.
  await page.goto("/account");
  await expect(page.getByText(/同意了《个人信息处理说明》（版本 /)).toBeVisible();
  await expect(page.getByRole("button", { name: "下载我的信息" })).toBeVisible();
  await page.screenshot({ path: path.join(dir, `${testInfo.project.name}-phone-account.png`), fullPage: true });

  // Asking for another code for the number at once: told to wait (the resend cool-down), nothing sent.
  const again = await browser.newContext({ baseURL, viewport: phoneViewport, locale: "zh-CN", javaScriptEnabled: false });
  const second = await again.newPage();
  await second.goto("/login");
  await phoneSection(second, "手机验证码登录").getByLabel("手机号码", { exact: true }).fill(phone);
  await phoneSection(second, "手机验证码登录").getByRole("button", { name: "获取验证码" }).click();
  await expect(second.getByRole("alert")).toContainText("秒后再获取验证码");
  await again.close();
  await context.close();
});

test("the sign-in and privacy pages pass axe in Chinese and English on a phone", async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  for (const lang of ["zh", "en"] as const) {
    const context = await browser.newContext({ baseURL, viewport: phoneViewport, locale: lang === "zh" ? "zh-CN" : "en-GB" });
    await context.addCookies([{ name: "lang", value: lang, url: baseURL }]);
    const page = await context.newPage();
    await page.goto("/login");
    await expectNoSeriousViolations(page, `login ${lang}`);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: path.join(dir, `${testInfo.project.name}-phone-login-${lang}.png`), fullPage: true });
    const region = phoneSection(page, lang === "zh" ? "手机验证码登录" : "Code by text message");
    await region.getByLabel(lang === "zh" ? "手机号码" : "Mobile number", { exact: true }).fill(freshMobile(lang === "zh" ? 7 : 9));
    await region.getByRole("button", { name: lang === "zh" ? "获取验证码" : "Send me a code" }).click();
    await expect(region.getByLabel(lang === "zh" ? "验证码" : "Code", { exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, `login code ${lang}`);
    await page.screenshot({ path: path.join(dir, `${testInfo.project.name}-phone-login-code-${lang}.png`), fullPage: true });
    await page.goto("/privacy");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "zh" ? "个人信息处理说明" : "Personal data notice");
    await expectNoSeriousViolations(page, `privacy ${lang}`);
    await page.screenshot({ path: path.join(dir, `${testInfo.project.name}-privacy-${lang}.png`), fullPage: true });
    await page.goto("/forgot-password");
    await expectNoSeriousViolations(page, `forgot password ${lang}`);
    await context.close();
  }
});
