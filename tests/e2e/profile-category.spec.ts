// A profile opened from a search in one category (issue 8): the card links with `?category=`, the
// profile says the record in that category beside the overall one (the record API's figures), the
// booking link keeps the category, and satisfaction reads as a share of ratings with their count.
import { expect, test } from "@playwright/test";
import type { RecordView } from "../../app/models/records.server";
import { expectNoSeriousViolations } from "./booking-utils";
import { apiSearch, resultCards } from "./utils";

const pct = (rate: number) => `${Math.round(rate * 100)}%`;

test("from a labour search: the profile's record in labour disputes, satisfaction, and the booking link", async ({ page, request }) => {
  // A labour mediator with at least one labour agreement in the last 12 months (the demo history has them).
  const hits = (await apiSearch(request, { category: "labour", kind: "senior-mediator", sort: "success", perPage: "10" })).hits;
  let subject: { id: number; name: string; labour: RecordView; all: RecordView } | undefined;
  for (const hit of hits) {
    const labour = (await (await request.get(`/api/v1/mediators/${hit.id}/record?category=labour`)).json()) as RecordView;
    if (labour.agreements === 0) continue;
    const all = (await (await request.get(`/api/v1/mediators/${hit.id}/record`)).json()) as RecordView;
    subject = { id: hit.id, name: hit.name, labour, all };
    break;
  }
  expect(subject, "a labour mediator with a labour agreement").toBeDefined();
  const { id, name, labour, all } = subject!;

  await page.goto(`/search?category=labour&q=${encodeURIComponent(name)}`);
  const card = resultCards(page).filter({ has: page.locator(`a[href^="/mediators/${id}?"]`) });
  await expect(card).toHaveCount(1);
  await card.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/mediators/${id}\\?.*category=labour`));

  const head = page.locator(".profile-head");
  await expect(head.locator(".record-category")).toHaveText(
    `在劳动争议类案件中：成功率 ${pct(labour.agreementRate!)} · ${labour.agreements}/${labour.mediated} 件 · 近12个月`,
  );
  await expect(head.locator(".record").first()).toContainText(`${all.agreements}/${all.mediated} 件`);

  const record = page.getByRole("region", { name: "调解成效" });
  const satisfaction = record
    .locator("dl.figures > div")
    .filter({ has: page.locator("dt", { hasText: "满意度" }) })
    .locator("dd");
  await expect(satisfaction).toHaveText(all.satisfaction === null ? "—" : `${pct(all.satisfaction)}（${all.ratings} 人评价）`);
  await expect(record).toContainText("打 4 星或 5 星");
  await expect(record).toContainText("撤回申请");

  await expect(page.getByRole("region", { name: "预约调解" }).getByRole("link", { name: "选择时间并预约" })).toHaveAttribute(
    "href",
    `/mediators/${id}/book?category=labour`,
  );
  await expectNoSeriousViolations(page, "profile with a category record");

  // An unknown category in the address is ignored: the page shows, without a category line.
  await page.goto(`/mediators/${id}?category=nope`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.locator(".record-category")).toHaveCount(0);
});

test("in English: the category's record and satisfaction's words", async ({ page, request }) => {
  const hit = (await apiSearch(request, { category: "medical", perPage: "1", kind: "expert" })).hits[0];
  await page.goto(`/lang/en?next=${encodeURIComponent(`/mediators/${hit.id}?category=medical`)}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator(".record-category")).toContainText(/^Medical disputes: /);
  await expect(page.getByRole("main")).toContainText("the share of ratings with 4 or 5 stars");
});
