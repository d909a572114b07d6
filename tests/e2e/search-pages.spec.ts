// Search and pages (issue 11): a town shows who can serve a party there (on site or online), the mode
// narrows it; nothing found offers the categories and the window; the score explained; the phone's
// booking bar and next free times; the way back to the same search; English everywhere the site speaks.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { CATEGORIES } from "../../domain";
import { CENTRE } from "../../domain/centre";
import { pageMessages } from "../../app/i18n/messages-pages";
import { expectNoSeriousViolations, login } from "./booking-utils";
import { apiSearch, expectNoHorizontalOverflow, resultCards, resultStatus } from "./utils";

const SHOTS = "/tmp/shots/search";
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

async function shot(page: Page, name: string, fullPage = true) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

/** JavaScript has run: the facets apply at once, and on a wide screen the filters sidebar is open. */
async function hydrated(page: Page) {
  await expect(page.getByRole("button", { name: /^(筛选|Apply)$/ })).toBeHidden();
}

async function english(page: Page, next: string) {
  await page.goto(`/lang/en?next=${encodeURIComponent(next)}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

test("a town shows those on site there and those online; on site narrows it to those who go there", async ({ page, request }) => {
  const all = await apiSearch(request, { town: "dongji", perPage: "50" });
  const onsite = await apiSearch(request, { town: "dongji", mode: "onsite" });
  const online = await apiSearch(request, { town: "dongji", mode: "online" });
  const onsiteThere = (h: (typeof all.hits)[number]) => h.modes.includes("onsite") && h.towns.includes("dongji");
  // Both kinds are there, and nobody else: whoever is listed goes to 东极镇 or meets online.
  expect(onsite.total).toBeGreaterThan(0);
  expect(all.hits.filter((h) => !onsiteThere(h) && h.modes.includes("online")).length).toBeGreaterThan(0);
  expect(all.hits.filter((h) => !onsiteThere(h) && !h.modes.includes("online"))).toEqual([]);
  expect(all.total).toBeGreaterThan(onsite.total);
  expect(all.total).toBeGreaterThanOrEqual(online.total);

  await page.goto("/search?town=dongji");
  await expect(resultStatus(page)).toHaveText(new RegExp(`^共 ${all.total} 个结果`));
  await expect(page.getByText("显示能为东极镇当事人调解的人：上岛到东极镇，或线上调解。")).toBeVisible();
  await expect(resultCards(page).filter({ hasText: "东极镇：可上岛/上门" }).first()).toBeVisible();
  await expect(resultCards(page).filter({ hasText: "东极镇：可线上调解" }).first()).toBeVisible();

  // The mode is its own choice: on site, with the count the facet promised.
  expect(all.facets.mode.onsite).toBe(onsite.total);
  expect(all.facets.mode.online).toBe(online.total);
  await expect(page.getByRole("button", { name: "筛选", exact: true })).toBeHidden(); // hydrated
  await page.getByRole("checkbox", { name: /^上门\/上岛/ }).check();
  await expect(page).toHaveURL(/town=dongji&mode=onsite|mode=onsite&town=dongji/);
  await expect(resultStatus(page)).toHaveText(new RegExp(`^共 ${onsite.total} 个结果`));
  await expect(resultCards(page)).toHaveCount(Math.min(onsite.total, 20));
  for (const card of await resultCards(page).all()) await expect(card).toContainText("东极镇：可上岛/上门");
});

test("nothing found: the kinds of dispute to start from, and the window's address and phone", async ({ page }) => {
  await page.goto("/search?q=%E9%9D%92%E8%9B%99");
  await expect(resultStatus(page)).toHaveText("“青蛙”共找到 0 个结果");
  const empty = page.locator(".notice.empty");
  await expect(empty.getByRole("heading", { name: "按纠纷类型查找" })).toBeVisible();
  await expect(empty.getByRole("link", { name: CATEGORIES[1].zh })).toHaveAttribute("href", `/search?category=${CATEGORIES[1].slug}`);
  // Every category, the phone and the centre's page.
  await expect(empty.getByRole("link")).toHaveCount(CATEGORIES.length + 2);
  await expect(empty).toContainText(CENTRE.address.zh);
  await expect(empty.getByRole("link", { name: CENTRE.phone })).toHaveAttribute("href", `tel:${CENTRE.phone}`);
  await expectNoSeriousViolations(page, "no results");
  await empty.getByRole("link", { name: CATEGORIES[1].zh }).click();
  await expect(page).toHaveURL(`/search?category=${CATEGORIES[1].slug}`);
  await expect(resultCards(page).first()).toBeVisible();
});

test("sorting by success explains the score on the page and on each card", async ({ page, request }) => {
  const r = await apiSearch(request, { q: "劳动", sort: "success" });
  const first = r.hits[0];
  expect(first.stats.successRate).not.toBeNull();
  const mediated = Math.round(first.stats.agreements / first.stats.successRate!);

  await page.goto("/search?q=%E5%8A%B3%E5%8A%A8&sort=success");
  const help = page.getByRole("group").filter({ has: page.getByText("成功率和排序是怎么算的？") });
  await page.getByText("成功率和排序是怎么算的？").click();
  await expect(help).toContainText("近12个月");
  await expect(help).toContainText("19/20 件（95%）可以排在 1/1 件（100%）前面");
  await expect(resultCards(page).first()).toContainText(
    `排序分 ${Math.round(first.stats.score * 100)}（满分 100）：近12个月调解 ${mediated} 件，达成协议 ${first.stats.agreements} 件`,
  );
  await expect(resultCards(page).filter({ hasText: "排序分" })).toHaveCount(r.hits.length);
});

test("the next three free times on each card that has them", async ({ page, request }) => {
  const r = await apiSearch(request, { q: "劳动" });
  const free = r.hits.filter((h) => h.nextAvailableAt !== null);
  expect(free.length).toBeGreaterThan(0);
  await page.goto("/search?q=%E5%8A%B3%E5%8A%A8");
  const withTimes = resultCards(page).filter({ hasText: "最近可约" });
  await expect(withTimes).toHaveCount(free.length);
  await expect(withTimes.first().locator("time")).toHaveCount(3);
  // The first of them is the cached next free time the API reports.
  const firstFree = free[0];
  const card = resultCards(page).filter({ has: page.getByRole("heading", { name: firstFree.name }) });
  await expect(card.locator("time").first()).toHaveAttribute("datetime", new RegExp(`^${firstFree.nextAvailableAt!.slice(0, 16)}`));
});

test("← back to the search returns to the same search, filters and all", async ({ page }) => {
  await page.goto("/search?q=%E5%8C%BB%E7%96%97&town=dongji&sort=success");
  await resultCards(page).first().getByRole("heading").getByRole("link").click();
  await expect(page).toHaveURL(/\/(mediators|committees)\/\d+\?search=/);
  await page.getByRole("link", { name: "← 返回查找调解员" }).click();
  await expect(page).toHaveURL("/search?q=%E5%8C%BB%E7%96%97&town=dongji&sort=success");
  await expect(page.getByRole("checkbox", { name: /^东极镇/ })).toBeChecked();
  // A profile opened from elsewhere goes back to the plain search page.
  await page.goto("/mediators/1");
  await expect(page.getByRole("link", { name: "← 返回查找调解员" })).toHaveAttribute("href", "/search");
  // Only search parameters are carried, and always to /search.
  await page.goto(`/mediators/1?search=${encodeURIComponent("q=x&next=//evil.example")}`);
  await expect(page.getByRole("link", { name: "← 返回查找调解员" })).toHaveAttribute("href", "/search?q=x");
});

test.describe("on a phone @phone", () => {
  test.use({ viewport: PHONE });

  test("a profile keeps a booking bar at the bottom of the screen", async ({ page, request }) => {
    const hit = (await apiSearch(request, { q: "劳动", kind: "expert" })).hits[0];
    await page.goto(`/mediators/${hit.id}`);
    const bar = page.getByRole("complementary", { name: "预约" });
    await expect(bar).toBeInViewport();
    await shot(page, "phone-zh-profile-first-screen", false);
    await expect(bar.getByRole("link", { name: "预约", exact: true })).toHaveAttribute("href", `/mediators/${hit.id}/book`);
    const box = (await bar.boundingBox())!;
    expect(Math.round(box.y + box.height)).toBe(PHONE.height);
    await page.mouse.wheel(0, 900);
    await expect(bar).toBeInViewport();
    await shot(page, "phone-zh-profile-scrolled", false);
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousViolations(page, "profile on a phone");
    await shot(page, "phone-zh-profile");
    await bar.getByRole("link", { name: "预约", exact: true }).click();
    await expect(page).toHaveURL(`/mediators/${hit.id}/book`);
  });

  test("screenshots of the search pages on a phone, Chinese and English", async ({ page }) => {
    test.setTimeout(90_000); // four full-page screenshots and two axe runs
    await page.goto("/search?q=%E5%8A%B3%E5%8A%A8&town=dongji&sort=success");
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousViolations(page, "search on a phone");
    await shot(page, "phone-zh-search");
    await page.goto("/search?q=%E9%9D%92%E8%9B%99");
    await shot(page, "phone-zh-empty");
    await english(page, "/search?q=%E5%8A%B3%E5%8A%A8&town=dongji&sort=success");
    await expect(page.getByText("Showing who can mediate for a party in Dongji")).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousViolations(page, "English search on a phone");
    await shot(page, "phone-en-search");
    await page.goto("/search?q=%E9%9D%92%E8%9B%99");
    await expect(page.getByRole("heading", { name: "Find by kind of dispute" })).toBeVisible();
    await shot(page, "phone-en-empty");
  });
});

test("on a wide screen the booking bar steps aside for the booking panel", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto("/mediators/1");
  await expect(page.getByRole("complementary", { name: "预约" })).toBeHidden();
  await expect(page.getByRole("region", { name: "预约调解" })).toBeVisible();
});

test("English: the 404 page keeps the signed-in header", async ({ page }) => {
  await login(page, "party@example.com");
  await english(page, "/");
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can't find that page");
  await expect(page).toHaveTitle("Page not found · Order-a-Mediator");
  const account = page.getByRole("navigation", { name: "Account" });
  await expect(account.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(account.getByRole("link", { name: /^My account: / })).toBeVisible();
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", pageMessages.en.pages.description.notFound);
  await expectNoSeriousViolations(page, "English 404");
  await page.setViewportSize(DESKTOP);
  await shot(page, "desktop-en-404");
});

test("English: committee names on the cards and the committee page", async ({ page, request }) => {
  const committees = await apiSearch(request, { kind: "committee", perPage: "50" });
  const names = pageMessages.en.pages.committeeNames as Record<string, string>;
  expect(committees.hits.every((c) => names[c.name] !== undefined)).toBe(true);
  await english(page, "/search?kind=committee&perPage=50");
  await expect(resultCards(page)).toHaveCount(committees.total);
  for (const c of committees.hits) await expect(page.getByRole("heading", { level: 3, name: names[c.name], exact: true })).toBeVisible();
  const first = committees.hits[0];
  await page.getByRole("link", { name: names[first.name], exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(names[first.name]);
  await expect(page).toHaveTitle(`${names[first.name]} · Order-a-Mediator`);
  await expect(page.getByRole("link", { name: "← Back to the search" })).toHaveAttribute("href", "/search?kind=committee&perPage=50");
  await expectNoSeriousViolations(page, "English committee page");
});

test("screenshots of the search pages on a desktop, Chinese and English", async ({ page }) => {
  test.setTimeout(90_000); // four full-page screenshots and two axe runs
  await page.setViewportSize(DESKTOP);
  await page.goto("/search?q=%E5%8A%B3%E5%8A%A8&town=dongji&sort=success");
  await hydrated(page);
  await expectNoSeriousViolations(page, "search on a desktop");
  await shot(page, "desktop-zh-search");
  await page.goto("/search?q=%E9%9D%92%E8%9B%99");
  await shot(page, "desktop-zh-empty");
  await english(page, "/search?q=%E5%8A%B3%E5%8A%A8&town=dongji&sort=success");
  await hydrated(page);
  await expectNoSeriousViolations(page, "English search on a desktop");
  await shot(page, "desktop-en-search");
  await page.goto("/mediators/1");
  await shot(page, "desktop-en-profile");
});
