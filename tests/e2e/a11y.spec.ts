// axe scans of every kind of page: no serious or critical violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { apiSearch } from "./utils";

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  expect(serious).toEqual([]);
}

test("home page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expectNoSeriousViolations(page);
});

test("search results with facets have no serious accessibility violations", async ({ page, request }) => {
  const result = await apiSearch(request, { q: "医疗" });
  const town = Object.keys(result.facets.town)[0];
  await page.goto(`/search?q=%E5%8C%BB%E7%96%97&town=${town}`);
  await expect(page.getByRole("group", { name: "服务镇街", exact: true })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("invalid search has no serious accessibility violations", async ({ page }) => {
  await page.goto("/search?sort=bogus");
  await expectNoSeriousViolations(page);
});

test("a mediator's profile has no serious accessibility violations", async ({ page, request }) => {
  const lawyer = (await apiSearch(request, { kind: "lawyer", perPage: "1" })).hits[0];
  await page.goto(`/mediators/${lawyer.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(lawyer.name);
  await expectNoSeriousViolations(page);
});

test("a committee page has no serious accessibility violations", async ({ page, request }) => {
  const committee = (await apiSearch(request, { kind: "committee", perPage: "1" })).hits[0];
  await page.goto(`/committees/${committee.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(committee.name);
  await expectNoSeriousViolations(page);
});

test("the 404 page and the English search page have no serious accessibility violations", async ({ page }) => {
  await page.goto("/mediators/999999");
  await expectNoSeriousViolations(page);
  await page.goto("/lang/en?next=/search%3Fq%3Dlabour");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectNoSeriousViolations(page);
});

test("keyboard: the skip link jumps to the main content", async ({ page }) => {
  await page.goto("/search");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到主要内容" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});
