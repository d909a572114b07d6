// Every page has one non-empty <meta name="description"> in the page's language (issue 11, the
// Lighthouse bullet): the public pages, a 404, and the pages of a party, a mediator and the centre's
// staff, in Chinese and in English. Each test lists the pages that fall short, so a failure names them.
import { expect, test, type Page } from "@playwright/test";
import { login } from "./booking-utils";
import { apiSearch } from "./utils";

/** The pages (of `paths`) whose description is missing, doubled, or not in the page's language. */
async function missingDescriptions(page: Page, paths: string[], lang: "zh" | "en"): Promise<string[]> {
  const wrong: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    const contents = await page
      .locator('head meta[name="description"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute("content") ?? ""));
    // A Chinese description has Han characters; an English one is Latin text (names may still be Chinese).
    const inLanguage = lang === "zh" ? /\p{Script=Han}/u : /[A-Za-z]{3,}/;
    if (contents.length !== 1 || contents[0].trim().length < 10 || !inLanguage.test(contents[0]))
      wrong.push(`${path}: ${JSON.stringify(contents)}`);
  }
  return wrong;
}

async function publicPaths(request: Parameters<typeof apiSearch>[0]): Promise<string[]> {
  const mediator = (await apiSearch(request, { kind: "lawyer", perPage: "1" })).hits[0];
  const committee = (await apiSearch(request, { kind: "committee", perPage: "1" })).hits[0];
  return [
    "/",
    "/search",
    "/search?q=%E5%8A%B3%E5%8A%A8",
    `/mediators/${mediator.id}`,
    `/committees/${committee.id}`,
    "/centre",
    "/privacy",
    "/developers",
    "/login",
    "/register",
    "/forgot-password",
    "/mediators/999999",
  ];
}

test("every public page has a meta description, in Chinese and in English", async ({ page, request }) => {
  const paths = await publicPaths(request);
  expect(await missingDescriptions(page, paths, "zh")).toEqual([]);
  await page.goto("/lang/en?next=/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(await missingDescriptions(page, paths, "en")).toEqual([]);
});

test("a party's pages have a meta description", async ({ page }) => {
  await login(page, "party@example.com");
  expect(await missingDescriptions(page, ["/account", "/bookings", "/cases", "/cases/new"], "zh")).toEqual([]);
});

test("a mediator's pages have a meta description, in English too", async ({ page }) => {
  await login(page, "mediator@example.com");
  const paths = ["/dashboard", "/dashboard/availability", "/dashboard/ties", "/calendar/feed"];
  expect(await missingDescriptions(page, paths, "zh")).toEqual([]);
  await page.goto("/lang/en?next=/dashboard");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(await missingDescriptions(page, paths, "en")).toEqual([]);
  // The demo mediator account keeps Chinese (its messages follow it) for the specs after this one.
  await page.goto("/lang/zh?next=/dashboard");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});

test("the centre staff's pages have a meta description", async ({ page }) => {
  await login(page, "staff@example.com");
  const paths = [
    "/staff/queue",
    "/staff/cases",
    "/staff/cases/new",
    "/staff/categories",
    "/staff/panels",
    "/staff/sea",
    "/staff/search",
    "/staff/dashboard",
    "/staff/notifications",
  ];
  expect(await missingDescriptions(page, paths, "zh")).toEqual([]);
});
