// Unknown ids are a friendly 404; bad search parameters are a 400 with help, never a crash.
import { expect, test } from "@playwright/test";
import { resultCards } from "./utils";

for (const path of ["/mediators/999999", "/committees/abc", "/mediators/-1", "/no-such-page"]) {
  test(`404 page for ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到这个页面");
    await expect(page).toHaveTitle(/页面不存在/);
    // The site around it still works.
    await expect(page.getByRole("banner")).toContainText("调解点单");
    await page.getByRole("main").getByRole("link", { name: "回到查找调解员" }).click();
    await expect(page).toHaveURL(/\/search$/);
    await expect(resultCards(page).first()).toBeVisible();
  });
}

test("invalid search parameters show a helpful message and the form", async ({ page }) => {
  for (const [query, message] of [
    ["perPage=999", "每页数量无效"],
    ["sort=bogus", "排序方式无效"],
    ["kind=astronaut", "“类型”筛选中有无法识别的值"],
    ["page=0", "页码无效"],
  ] as const) {
    const response = await page.goto(`/search?q=%E5%8C%BB%E7%96%97&${query}`);
    expect(response?.status(), query).toBe(400);
    await expect(page.getByRole("alert")).toContainText(message);
    await expect(page.getByRole("searchbox", { name: "搜索调解员、专家、律师或调委会" })).toHaveValue("医疗");
    // The rest of the search still runs.
    await expect(page.getByRole("alert")).toContainText("忽略这些条件");
    await expect(resultCards(page).first()).toContainText("医疗");
  }
  // The fix link drops only what was wrong.
  await page.getByRole("link", { name: "去掉无效条件后重新搜索" }).click();
  await expect(page).toHaveURL(/\/search\?q=%E5%8C%BB%E7%96%97$/);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(resultCards(page).first()).toBeVisible();
});
