// Searching with JavaScript: from the home page, facets applying at once, instant results while
// typing, pinyin names, sorting, and opening a profile.
import { expect, test } from "@playwright/test";
import { KIND_LABELS, TOWNS, type HitKind } from "../../domain";
import { apiSearch, narrowingValue, resultCards, resultStatus } from "./utils";

test("search in Chinese from the home page, filter by town, open a profile", async ({ page, request }) => {
  const all = await apiSearch(request, { q: "医疗" });
  expect(all.total).toBeGreaterThan(1);

  await page.goto("/");
  await page.getByRole("searchbox", { name: "搜索调解员、专家、律师或调委会" }).fill("医疗");
  await page.getByRole("button", { name: "搜索", exact: true }).click();

  await expect(page).toHaveURL(/\/search\?q=%E5%8C%BB%E7%96%97$/);
  await expect(resultStatus(page)).toHaveText(`“医疗”共找到 ${all.total} 个结果`);
  await expect(resultCards(page)).toHaveCount(Math.min(all.total, all.perPage));
  // Every card says why it matched, with the match marked.
  for (const card of await resultCards(page).all()) await expect(card).toContainText("医疗");
  await expect(resultCards(page).first().locator("mark").first()).toHaveText("医疗");
  await expect(resultCards(page).first().getByRole("heading")).toHaveText(all.hits[0].name);

  // Tick a town: the URL, the count and the cards follow without pressing anything.
  await expect(page.getByRole("button", { name: "筛选", exact: true })).toBeHidden(); // hydrated
  const [town, count] = narrowingValue(all.facets.town, all.total);
  const label = TOWNS.find((t) => t.slug === town)!.zh;
  const checkbox = page.getByRole("checkbox", { name: new RegExp(`^${label}`) });
  await expect(page.getByRole("group", { name: "服务镇街", exact: true })).toContainText(`${label}`);
  await checkbox.check();
  await expect(page).toHaveURL(new RegExp(`town=${town}`));
  await expect(resultStatus(page)).toHaveText(`“医疗”共找到 ${count} 个结果`);
  await expect(checkbox).toBeChecked();
  await expect(checkbox).toBeFocused();
  const narrowed = await apiSearch(request, { q: "医疗", town });
  await expect(resultCards(page)).toHaveCount(Math.min(narrowed.total, narrowed.perPage));
  for (const card of await resultCards(page).all()) await expect(card).toContainText(label);
  // Facet counts are shown, and are disjunctive: other towns keep their counts.
  await expect(page.getByRole("group", { name: "类型", exact: true })).toContainText(/\d/);

  // Open the first result's profile.
  const first = narrowed.hits[0];
  await resultCards(page).first().getByRole("link", { name: first.name }).click();
  // The profile carries the search it came from, for its "back" link (issue 11).
  const profilePath = first.kind === "committee" ? `/committees/${first.id}` : `/mediators/${first.id}`;
  await expect(page).toHaveURL(new RegExp(`${profilePath}\\?search=`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(first.name);

  // Back to the filtered results.
  await page.goBack();
  await expect(page.getByRole("checkbox", { name: new RegExp(`^${label}`) })).toBeChecked();
});

test("instant results while typing, without pressing enter", async ({ page, request }) => {
  const expected = await apiSearch(request, { q: "劳动" });
  expect(expected.total).toBeGreaterThan(0);

  await page.goto("/search");
  const box = page.getByRole("searchbox", { name: "搜索调解员、专家、律师或调委会" });
  // Once JavaScript runs, the facets apply at once and their Apply button steps aside.
  await expect(page.getByRole("button", { name: "筛选", exact: true })).toBeHidden();
  await box.click();
  await box.pressSequentially("劳动", { delay: 120 });
  await expect(page).toHaveURL(/\/search\?q=%E5%8A%B3%E5%8A%A8$/);
  await expect(resultStatus(page)).toHaveText(`“劳动”共找到 ${expected.total} 个结果`);
  await expect(resultCards(page).first().getByRole("heading")).toHaveText(expected.hits[0].name);
  // Typing kept the focus in the box and the text as typed.
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("劳动");
});

test("a name's pinyin finds the person", async ({ page, request }) => {
  const pool = await apiSearch(request, { kind: "expert", perPage: "10" });
  const person = pool.hits.find((h) => /^[a-z ]+$/.test(h.namePinyin))!;
  const joined = person.namePinyin.replace(/\s+/g, "");

  await page.goto("/search");
  await page.getByRole("searchbox", { name: "搜索调解员、专家、律师或调委会" }).fill(joined);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${joined}`));
  await expect(page.getByRole("link", { name: person.name, exact: true }).first()).toBeVisible();
});

test("sorting by success rate and paging keep the filters", async ({ page, request }) => {
  const sorted = await apiSearch(request, { kind: "lawyer", sort: "success" });
  expect(sorted.total).toBeGreaterThan(sorted.perPage);

  await page.goto("/search?kind=lawyer");
  // With JavaScript, choosing a sort applies at once (its Apply button steps aside once hydrated).
  await expect(page.getByRole("button", { name: "应用排序" })).toBeHidden();
  await page.getByRole("combobox", { name: "排序" }).selectOption("success");
  await expect(page).toHaveURL(/sort=success/);
  await expect(resultCards(page).first().getByRole("heading")).toHaveText(sorted.hits[0].name);

  const page2 = await apiSearch(request, { kind: "lawyer", sort: "success", page: "2" });
  await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/kind=lawyer/);
  await expect(page).toHaveURL(/sort=success/);
  await expect(resultCards(page).first().getByRole("heading")).toHaveText(page2.hits[0].name);
  await expect(page.getByRole("link", { name: "第 2 页" })).toHaveAttribute("aria-current", "page");
});

test("a box ticked before JavaScript wakes up is applied, not lost", async ({ page, request }) => {
  const all = await apiSearch(request, { q: "医疗" });
  const [kind, count] = narrowingValue(all.facets.kind, all.total);
  // Hold the scripts back so the tick lands on the server-rendered page.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/build\/.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/search?q=%E5%8C%BB%E7%96%97", { waitUntil: "domcontentloaded" });
  await page.getByRole("checkbox", { name: new RegExp(`^${KIND_LABELS[kind as HitKind].zh}`) }).check();
  release();
  await expect(page).toHaveURL(new RegExp(`kind=${kind}`));
  await expect(resultStatus(page)).toHaveText(`“医疗”共找到 ${count} 个结果`);
});

test("half-typed pinyin in a Chinese input method is not searched for", async ({ page, request }) => {
  const expected = await apiSearch(request, { q: "医疗" });
  await page.goto("/search");
  await expect(page.getByRole("button", { name: "筛选", exact: true })).toBeHidden(); // hydrated
  const box = page.getByRole("searchbox", { name: "搜索调解员、专家、律师或调委会" });
  await box.click();
  const cdp = await page.context().newCDPSession(page);
  for (const text of ["y", "yi", "yi'l", "yi'liao"]) {
    await cdp.send("Input.imeSetComposition", { text, selectionStart: text.length, selectionEnd: text.length });
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(400);
  await expect(page).toHaveURL(/\/search$/);
  // Choosing the characters ends the composition; now it searches.
  await cdp.send("Input.insertText", { text: "医疗" });
  await expect(page).toHaveURL(/\/search\?q=%E5%8C%BB%E7%96%97$/);
  await expect(resultStatus(page)).toHaveText(`“医疗”共找到 ${expected.total} 个结果`);
});

test("the free-within filter narrows to mediators with a free slot soon, and shows when", async ({ page, request }) => {
  const all = await apiSearch(request, {});
  const soon = await apiSearch(request, { availableWithinDays: "7" });
  expect(soon.total).toBeGreaterThan(0);
  expect(soon.total).toBeLessThanOrEqual(all.total);
  await page.goto("/search");
  await expect(page.getByRole("button", { name: "筛选", exact: true })).toBeHidden(); // hydrated
  await page.getByRole("radio", { name: "7 天内有空" }).check();
  await expect(page).toHaveURL(/availableWithinDays=7/);
  await expect(resultStatus(page)).toContainText(`${soon.total}`);
  // Each card says when the mediator is next free.
  await expect(resultCards(page).first()).toContainText(/可约/);
  await page.getByRole("radio", { name: "不限" }).check();
  await expect(page).not.toHaveURL(/availableWithinDays/);
});
