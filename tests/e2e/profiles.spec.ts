// What a party reads before choosing: the profile and the committee page, checked against the API.
import { expect, test } from "@playwright/test";
import { CATEGORIES, TOWNS } from "../../domain";
import type { CommitteeProfile, MediatorProfile } from "../../app/models/mediators.server";
import { apiSearch } from "./utils";

test("a lawyer's profile: licence marked as demo data, island towns, record, committees", async ({ page, request }) => {
  // A lawyer who serves an island town on site, if the pool has one.
  const lawyers = await apiSearch(request, { kind: "lawyer", mode: "onsite", perPage: "50" });
  const hit = lawyers.hits.find((h) => h.towns.some((t) => TOWNS.find((x) => x.slug === t)?.island)) ?? lawyers.hits[0];
  const m = (await (await request.get(`/api/v1/mediators/${hit.id}`)).json()) as MediatorProfile;

  await page.goto(`/mediators/${m.id}`);
  await expect(page).toHaveTitle(new RegExp(m.name));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${m.name}${m.namePinyin}`);
  const details = page.getByRole("region", { name: "基本信息" });
  await expect(details).toContainText(m.licenceNo!);
  await expect(details).toContainText("虚构的演示数据");
  await expect(details).toContainText(`${m.yearsOfExperience} 年`);
  for (const slug of m.categories) {
    await expect(page.getByRole("region", { name: "擅长的纠纷类型" })).toContainText(CATEGORIES.find((c) => c.slug === slug)!.zh);
  }
  const service = page.getByRole("region", { name: "服务方式与范围" });
  for (const slug of m.towns) {
    const town = TOWNS.find((t) => t.slug === slug)!;
    const tag = service.getByRole("listitem").filter({ hasText: town.zh });
    await expect(tag).toHaveText(town.island ? `${town.zh} 海岛` : town.zh);
  }
  const record = page.getByRole("region", { name: "调解成效" });
  // The record of the last 12 months, from case rows: its period, what success means, how ranking treats few cases.
  if (m.stats.closed > 0) {
    await expect(record).toContainText(`${m.stats.closed} 件`);
    if (m.stats.successRate !== null) await expect(record).toContainText(`${Math.round(m.stats.successRate * 100)}%`);
  } else {
    await expect(record).toContainText("近12个月暂无结案");
  }
  await expect(record).toContainText("统计期间");
  await expect(record).toContainText("撤回申请");
  await expect(record).toContainText("偶然成功 1 件");
  await expect(page.getByRole("region", { name: "预约调解" }).getByRole("link", { name: "选择时间并预约" })).toHaveAttribute(
    "href",
    `/mediators/${m.id}/book`,
  );
  for (const c of m.committees) {
    await expect(page.getByRole("region", { name: "所属调解委员会" }).getByRole("link", { name: c.name })).toHaveAttribute(
      "href",
      `/committees/${c.id}`,
    );
  }
});

test("a committee page: its record and members, chair first, linking to profiles", async ({ page, request }) => {
  const hit = (await apiSearch(request, { kind: "committee", perPage: "1" })).hits[0];
  const c = (await (await request.get(`/api/v1/committees/${hit.id}`)).json()) as CommitteeProfile;

  await page.goto(`/committees/${c.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.name);
  await expect(page.getByText(c.description)).toBeVisible();
  await expect(page.getByRole("region", { name: "委员会调解成效（经委员会办理的案件）" })).toContainText(
    c.stats.closed > 0 ? `${c.stats.closed} 件` : "近12个月暂无结案",
  );

  const members = page.getByRole("region", { name: `委员（${c.members.length} 人）` }).getByRole("listitem");
  await expect(members).toHaveCount(c.members.length);
  await expect(members.first()).toContainText(c.members[0].name);
  await expect(members.first()).toContainText(c.members[0].role === "chair" ? "主任" : "委员");
  await members.first().getByRole("link", { name: c.members[0].name }).click();
  await expect(page).toHaveURL(`/mediators/${c.members[0].id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(c.members[0].name);
  await expect(page.getByRole("region", { name: "所属调解委员会" }).getByRole("link", { name: c.name })).toBeVisible();
});
