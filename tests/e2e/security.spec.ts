// Page actions refuse posts without the session's CSRF token (or from another site), and each page
// admits only its roles: others get a 403 page, anonymous visitors the sign-in page.
import { expect, test } from "@playwright/test";
import { DEMO_MEDIATOR_ID, login, logout } from "./booking-utils";

test("a POST without the csrf field is refused with 403, and changes nothing", async ({ page }) => {
  await login(page, "party@example.com");
  // "Log out everywhere" without the token: refused, and the session still works.
  const everywhere = await page.request.post("/account", { form: {}, maxRedirects: 0 });
  expect(everywhere.status()).toBe(403);
  const wrong = await page.request.post("/account", { form: { csrf: "not-the-token" }, maxRedirects: 0 });
  expect(wrong.status()).toBe(403);
  // The page says which refusal it is: a stale page, not a missing right.
  expect(await wrong.text()).toContain("这次提交没有通过安全检查");
  await page.goto("/bookings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的预约");

  // Ordering without the token.
  const booking = await page.request.post(`/mediators/${DEMO_MEDIATOR_ID}/book`, {
    form: { start: "2030-01-01T09:00:00+08:00", mode: "online", category: "labour", summary: "没有令牌的提交" },
    maxRedirects: 0,
  });
  expect(booking.status()).toBe(403);
  // Signing out without the token.
  expect((await page.request.post("/logout", { form: {}, maxRedirects: 0 })).status()).toBe(403);

  // The right token from another site is refused too: server.mjs answers 403 before the app runs.
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const crossSite = await page.request.post("/account", {
    form: { csrf },
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  await page.goto("/bookings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的预约");
});

test("the mediator's editor refuses a post without the token", async ({ page }) => {
  await login(page, "mediator@example.com");
  const response = await page.request.post("/dashboard/availability", {
    form: { intent: "save", sessionMinutes: "60" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
});

test("sign-in and registration refuse other sites' posts", async ({ request }) => {
  const evil = { Origin: "https://evil.example" };
  const login_ = await request.post("/login", {
    form: { email: "party@example.com", password: "demo12345" },
    headers: evil,
    maxRedirects: 0,
  });
  expect(login_.status()).toBe(403);
  expect(login_.headers()["set-cookie"] ?? "").not.toContain("sid=");
  const email = `cross-site-${Date.now()}@example.com`;
  const register = await request.post("/register", {
    form: { email, password: "long enough", name: "x", consent: "on" },
    headers: evil,
    maxRedirects: 0,
  });
  expect(register.status()).toBe(403);
  // No account was made: the same email registers normally afterwards.
  const again = await request.post("/register", { form: { email, password: "long enough", name: "x", consent: "on" }, maxRedirects: 0 });
  expect(again.status()).toBe(302);
});

test("roles: each page admits its own", async ({ page }) => {
  // Anonymous visitors are sent to sign in, and come back.
  for (const path of ["/bookings", "/dashboard", "/staff/notifications", "/admin/accounts", "/account"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(`/login?next=${encodeURIComponent(path)}`);
  }
  await login(page, "party@example.com");
  for (const path of ["/dashboard", "/dashboard/availability", "/staff/notifications", "/admin/accounts"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("没有权限");
  }
  // Waits for the sign-out to land: navigating away at once could cancel it.
  await logout(page);
  await login(page, "mediator@example.com");
  expect((await page.goto("/admin/accounts"))?.status()).toBe(403);
  expect((await page.goto("/staff/notifications"))?.status()).toBe(403);
  // A mediator is told plainly that only parties order.
  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}/book`);
  await expect(page.getByRole("status")).toContainText("只有当事人账号可以点单预约");
  await expect(page.getByRole("button", { name: "提交预约" })).toHaveCount(0);
});

test("the Content-Security-Policy blocks nothing of ours: pages hydrate and client navigation works", async ({ page }) => {
  // Recorded from the first script on, before any of the page's own.
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  const hydrated = () => page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter));
  for (const path of ["/", "/search?q=医疗", `/mediators/${DEMO_MEDIATOR_ID}`, "/login"]) {
    await page.goto(path);
    await hydrated();
    expect(await violations(), path).toEqual([]);
  }
  await login(page, "party@example.com");
  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}/book`);
  await hydrated();
  expect(await violations()).toEqual([]);
  // A client-side navigation: the router (a script the policy must allow) fetches the next page's data.
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "查找调解员" }).click();
  await expect(page).toHaveURL(/\/search/);
  expect(await violations()).toEqual([]);
});
