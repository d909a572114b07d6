// /staff/categories: without JavaScript staff change a category's days to conclude and see them kept;
// the page passes axe. (The refusal of 0 or 91 is tested on the action: the browser's own min/max check
// stops such a number before it is sent.)
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { login } from "./booking-utils";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("staff set a category's days to conclude, and they are kept", async ({ page }) => {
    await login(page, "staff@example.com");
    await page.goto("/staff/categories");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("各类纠纷：自动指派与办结期限");
    const days = page.getByRole("spinbutton", { name: "环境污染纠纷" });
    const before = await days.inputValue();
    await expect(page.getByRole("spinbutton", { name: "劳动争议" })).toHaveValue("15");

    await days.fill("21");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page).toHaveURL("/staff/categories?saved=1");
    await expect(page.getByRole("status")).toHaveText("已保存。");
    await expect(days).toHaveValue("21");

    // Put it back for the specs after this one.
    await days.fill(before);
    await page.getByRole("button", { name: "保存" }).click();
    await expect(days).toHaveValue(before);
  });
});

test("the categories page has no accessibility violations", async ({ page }) => {
  await login(page, "staff@example.com");
  await page.goto("/staff/categories");
  await expect(page.getByRole("spinbutton", { name: "劳动争议" })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => ({ id: v.id, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }))).toEqual([]);
});
