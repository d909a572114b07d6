// The same journey with JavaScript off: the search page is a plain GET form.
import { expect, test } from "@playwright/test";
import { KIND_LABELS, type HitKind } from "../../domain";
import { apiSearch, narrowingValue, resultCards, resultStatus } from "./utils";

test.use({ javaScriptEnabled: false });

test("search, filter and open a profile without JavaScript", async ({ page, request }) => {
  const all = await apiSearch(request, { q: "劳动" });
  expect(all.total).toBeGreaterThan(1);

  await page.goto("/");
  const box = page.getByRole("searchbox", { name: "搜索调解员、专家、律师或调委会" });
  await box.fill("劳动");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=%E5%8A%B3%E5%8A%A8$/);
  await expect(resultStatus(page)).toHaveText(`“劳动”共找到 ${all.total} 个结果`);
  for (const card of await resultCards(page).all()) await expect(card).toContainText("劳动");

  // Tick a kind and press 筛选 (Apply).
  const [kind, count] = narrowingValue(all.facets.kind, all.total);
  const label = KIND_LABELS[kind as HitKind].zh;
  await page.getByRole("checkbox", { name: new RegExp(`^${label}`) }).check();
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`kind=${kind}`));
  await expect(page).toHaveURL(/q=%E5%8A%B3%E5%8A%A8/);
  await expect(resultStatus(page)).toHaveText(`“劳动”共找到 ${count} 个结果`);
  await expect(page.getByRole("checkbox", { name: new RegExp(`^${label}`) })).toBeChecked();
  for (const card of await resultCards(page).all()) await expect(card).toContainText(label);

  // Sort without JavaScript: choose, then apply.
  await page.getByRole("combobox", { name: "排序" }).selectOption("success");
  await page.getByRole("button", { name: "应用排序" }).click();
  await expect(page).toHaveURL(/sort=success/);
  const sorted = await apiSearch(request, { q: "劳动", kind, sort: "success" });
  await expect(resultCards(page).first().getByRole("heading")).toHaveText(sorted.hits[0].name);

  // Open a profile.
  const first = sorted.hits[0];
  await resultCards(page).first().getByRole("link", { name: first.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(first.name);
});

test("the language switch and error pages work without JavaScript", async ({ page }) => {
  await page.goto("/search?q=%E5%8C%BB%E7%96%97");
  await page.getByRole("link", { name: "Switch language to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/search\?q=%E5%8C%BB%E7%96%97$/);
  await page.getByRole("link", { name: "切换到中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  const response = await page.goto("/mediators/999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到这个页面");
});
