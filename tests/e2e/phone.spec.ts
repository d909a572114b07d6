// A 375 px phone (the "phone" project runs tests tagged @phone; the desktop project runs them too, at
// the same width): nothing overflows sideways, and the filters fold into a panel above the results.
import { expect, test } from "@playwright/test";
import { TOWNS } from "../../domain";
import { apiSearch, expectNoHorizontalOverflow, narrowingValue, resultCards, resultStatus } from "./utils";

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
});

test("@phone search page fits the screen and the filters panel works", async ({ page, request }) => {
  const all = await apiSearch(request, { q: "医疗" });
  await page.goto("/search?q=%E5%8C%BB%E7%96%97");
  await expectNoHorizontalOverflow(page);
  await expect(page.getByRole("button", { name: "筛选", exact: true })).toBeHidden(); // hydrated

  // The panel starts folded, above the results.
  const summary = page.locator("summary", { hasText: "筛选" });
  await expect(summary).toBeVisible();
  const [town, count] = narrowingValue(all.facets.town, all.total);
  const label = TOWNS.find((t) => t.slug === town)!.zh;
  const checkbox = page.getByRole("checkbox", { name: new RegExp(`^${label}`) });
  await expect(checkbox).toBeHidden();
  const summaryBox = (await summary.boundingBox())!;
  const firstCard = (await resultCards(page).first().boundingBox())!;
  expect(summaryBox.y).toBeLessThan(firstCard.y);
  expect(summaryBox.height).toBeGreaterThanOrEqual(44);

  await summary.click();
  await expect(checkbox).toBeVisible();
  await checkbox.check();
  await expect(page).toHaveURL(new RegExp(`town=${town}`));
  await expect(resultStatus(page)).toHaveText(`“医疗”共找到 ${count} 个结果`);
  await expect(summary).toHaveText("筛选（已选 1 项）");
  // A link at the foot of the open panel jumps down to the results.
  await page.getByRole("link", { name: `查看 ${count} 个结果` }).click();
  await expect(resultCards(page).first()).toBeInViewport();
  await expectNoHorizontalOverflow(page);
});

test("@phone home, profile and committee pages fit the screen", async ({ page, request }) => {
  await page.goto("/");
  await expectNoHorizontalOverflow(page);
  const lawyer = (await apiSearch(request, { kind: "lawyer", perPage: "1" })).hits[0];
  await page.goto(`/mediators/${lawyer.id}`);
  await expectNoHorizontalOverflow(page);
  const committee = (await apiSearch(request, { kind: "committee", perPage: "1" })).hits[0];
  await page.goto(`/committees/${committee.id}`);
  await expectNoHorizontalOverflow(page);
  await page.goto("/lang/en?next=/search%3Fq%3D%E5%8C%BB%E7%96%97");
  await expectNoHorizontalOverflow(page);
  await page.goto("/lang/zh?next=/");
});
