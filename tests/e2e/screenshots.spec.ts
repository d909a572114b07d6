// Full-page screenshots of each page on desktop and phone, for people to look at (git-ignored).
import path from "node:path";
import { expect, test } from "@playwright/test";
import { apiSearch } from "./utils";

const dir = path.join(import.meta.dirname, "screenshots");

test("@phone screenshots of home, search, profile and committee", async ({ page, request }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: path.join(dir, `${testInfo.project.name}-${name}.png`), fullPage: true });
  const lawyer = (await apiSearch(request, { kind: "lawyer", perPage: "1" })).hits[0];
  const committee = (await apiSearch(request, { kind: "committee", q: "海事" })).hits[0];

  await page.goto("/");
  await shot("home");
  await page.goto("/search?q=%E5%8C%BB%E7%96%97");
  await expect(page.getByRole("status")).toContainText("结果");
  await shot("search");
  await page.goto("/search?q=%E5%8C%BB%E7%96%97&kind=bogus");
  await shot("search-invalid");
  await page.goto(`/mediators/${lawyer.id}`);
  await shot("profile");
  await page.goto(`/committees/${committee.id}`);
  await shot("committee");
  await page.goto("/mediators/999999");
  await shot("404");
  await page.goto("/lang/en?next=/search%3Fq%3D%E5%8C%BB%E7%96%97");
  await shot("search-en");
  await page.goto("/lang/zh?next=/");
});
