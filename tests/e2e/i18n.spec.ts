// English and back, keeping the page and its query; the switch only ever redirects within the site.
import { expect, test } from "@playwright/test";
import { apiSearch, resultStatus } from "./utils";

test("switch to English and back on the search page", async ({ page, request }) => {
  const result = await apiSearch(request, { q: "医疗" });
  await page.goto("/search?q=%E5%8C%BB%E7%96%97");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.getByRole("link", { name: "Switch language to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/search\?q=%E5%8C%BB%E7%96%97$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find a mediator");
  await expect(resultStatus(page)).toHaveText(`${result.total} results for “医疗”`);
  await expect(page.getByRole("group", { name: "Kind", exact: true })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("invented demo data");
  await expect(page).toHaveTitle(/Order-a-Mediator/);

  // The choice sticks across pages (a cookie).
  await page.getByRole("link", { name: "Home" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pick the mediator you trust");

  await page.getByRole("link", { name: "切换到中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("挑选您信任的调解员");
  await expect(page.getByRole("contentinfo")).toContainText("虚构的演示数据");
});

test("the language switch never redirects off the site", async ({ request }) => {
  for (const next of ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", ""]) {
    const response = await request.get(`/lang/en?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
    expect(response.status(), next).toBe(303);
    expect(response.headers()["location"], next).toBe("/");
  }
  const ok = await request.get(`/lang/zh?next=${encodeURIComponent("/search?q=医疗&kind=expert")}`, { maxRedirects: 0 });
  expect(ok.headers()["location"]).toBe("/search?q=%E5%8C%BB%E7%96%97&kind=expert");
  expect(ok.headers()["set-cookie"]).toMatch(/^lang=zh;/);
  expect((await request.get("/lang/fr?next=/", { maxRedirects: 0 })).status()).toBe(404);
});
