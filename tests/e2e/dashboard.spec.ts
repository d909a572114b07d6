// The centre's dashboard (/staff/dashboard): staff read the figures with JavaScript off (charts are
// server-drawn SVG, the period form is a GET form), download the CSV, and the page passes axe; parties
// are refused the page, the CSV and the stats API. The figures themselves are checked against the
// stats API of the same site, so the test holds whether or not the demo database has case history.
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { login, logout } from "./booking-utils";
import { expectNoHorizontalOverflow } from "./utils";

const dir = path.join(import.meta.dirname, "screenshots");
const STAFF = "staff@example.com";
const CSV_HEADER = [
  "分组",
  "受理",
  "线上受理",
  "窗口受理",
  "办结",
  "调解",
  "零跑率 (0–1)",
  "只跑一次 (0–1)",
  "按时办结率 (0–1)",
  "满意率 (0–1)",
  "调解成功率 (0–1)",
  "履行率 (0–1)",
  "司法确认",
  "确认后按时履行",
  "申请强制执行",
  "重大疑难、群体性案件",
  "其中调解成功",
  "海岛镇线上调解",
].join(",");

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const found = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
  expect(found).toEqual([]);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("staff open the dashboard from the navigation: figures, three SVG charts with tables, the 2018 table", async ({ page }) => {
    await login(page, STAFF);
    await page.getByRole("navigation", { name: "账号" }).getByRole("link", { name: "中心数据" }).click();
    await expect(page).toHaveURL("/staff/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("中心数据看板");

    const charts = page.locator("figure.chart");
    await expect(charts).toHaveCount(3);
    for (const chart of await charts.all()) {
      const svg = chart.locator(".chart-svg > svg");
      await expect(svg).toHaveAttribute("role", "img");
      await expect(svg).toHaveAttribute("aria-label", /\S/);
      await expect(svg).toHaveAttribute("viewBox", /^0 0 \d+ \d+$/);
      // Markup only: no script, no handlers, no style element.
      const inner = await svg.evaluate((el) => el.outerHTML);
      expect(inner).not.toMatch(/<script|<style|\son[a-z]+=/i);
      await expect(chart.locator("figcaption")).not.toBeEmpty();
      await expect(chart.getByRole("table")).toBeVisible();
    }

    // The grid agrees with the API for the same period (this year so far, the page's default).
    const api = await (await page.request.get("/api/v1/stats")).json();
    const grid = page.locator(".figure-grid");
    await expect(grid.locator(".figure-card").filter({ hasText: "受理" }).first().locator(".figure-value")).toHaveText(String(api.handled));
    if (api.handled === 0 && api.closed === 0) await expect(page.getByText("这个期间没有案件。")).toBeVisible();

    const beside = page.getByRole("table").filter({ hasText: "2018 年（中心公布）" });
    await expect(beside.getByRole("row", { name: /零跑/ })).toContainText("77.3%");
    await expect(beside.getByRole("row", { name: /司法确认/ })).toContainText("207 件：按时履行 187，强制执行 20");
    await expect(beside.getByRole("row")).toHaveCount(10);
    // Three columns side by side: 2018 as published, the seed's target at this period's size, the rows.
    await expect(beside.getByRole("columnheader")).toHaveText([
      "指标",
      "2018 年（中心公布）",
      "演示数据目标（按本期受理量）",
      "所选期间（案件记录）",
    ]);
    await expect(beside.getByRole("row", { name: /零跑/ }).getByRole("cell")).toHaveText(["77.3%", "77.3%", /^(\d+(\.\d)?%|—)$/]);

    // Major and group cases by outcome, as the API counts them.
    const severe = page.getByRole("table", { name: /^重大疑难、群体性案件及结果/ });
    await expect(page.getByRole("heading", { name: "重大疑难、群体性案件及结果" })).toBeVisible();
    for (const [name, kind] of [
      ["重大疑难案件", "major"],
      ["群体性案件", "group"],
      ["死亡赔偿案件", "deathCompensation"],
    ] as const) {
      const cells = severe.getByRole("row", { name }).getByRole("cell");
      await expect(cells.first()).toHaveText(String(api.severeCases[kind].closed));
      await expect(cells.last()).toHaveText(String(api.severeCases[kind].fulfilled));
    }
  });

  test("the GET form: a custom period grouped by month, a month preset, and a bad period explained", async ({ page }) => {
    await login(page, STAFF);
    await page.goto("/staff/dashboard");
    await page.getByRole("radio", { name: "自定义" }).check();
    await page.getByLabel("开始日期").fill("2026-01-01");
    await page.getByLabel("结束日期").fill("2026-03-31");
    await page.getByLabel("分组方式").selectOption("month");
    await page.getByRole("button", { name: "查看", exact: true }).click();
    await expect(page).toHaveURL(/preset=custom.*from=2026-01-01.*to=2026-03-31.*groupBy=month/);
    await expect(page.locator(".stats-period strong")).toHaveText("2026-01-01 至 2026-03-31");
    const handled = page.getByRole("table", { name: "图表数据：受理量（线上 / 窗口）" });
    await expect(handled.locator("tbody tr")).toHaveCount(3);
    await expect(handled.locator("tbody th")).toHaveText(["2026年1月", "2026年2月", "2026年3月"]);
    await expect(page.getByRole("heading", { name: "按月" })).toBeVisible();

    await page.getByRole("radio", { name: "某个月" }).check();
    await page.getByLabel("月份").fill("2026-02");
    await page.getByRole("button", { name: "查看", exact: true }).click();
    await expect(page.locator(".stats-period strong")).toHaveText("2026-02-01 至 2026-02-28");

    const bad = await page.goto("/staff/dashboard?from=2026-05-01&to=2026-01-01");
    expect(bad?.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("结束日期不能早于开始日期");
  });

  test("the CSV downloads as UTF-8 with a BOM, a header row and one row per group", async ({ page }) => {
    await login(page, STAFF);
    await page.goto("/staff/dashboard?preset=custom&from=2026-01-01&to=2026-03-31&groupBy=month");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /下载 CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe("中心数据-2026-01-01-2026-03-31.csv");
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines.slice(1, 4).map((l) => l.split(",")[0])).toEqual(["2026年1月", "2026年2月", "2026年3月"]);
    expect(lines[4].split(",")[0]).toBe("合计");
    expect(lines[5]).toBe("");
    for (const line of lines.slice(1, 5)) expect(line.split(",")).toHaveLength(CSV_HEADER.split(",").length);
  });
});

test("the dashboard has no accessibility violations (grouped by category, and in English)", async ({ page }) => {
  await login(page, STAFF);
  await page.goto("/staff/dashboard?preset=last12&groupBy=category");
  await expect(page.locator("figure.chart svg")).toHaveCount(3);
  await expectNoViolations(page);
  await page.goto("/lang/en?next=/staff/dashboard%3Fpreset%3Dyear%26groupBy%3Dmonth");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The centre's figures");
  await expectNoViolations(page);
  await page.goto("/lang/zh?next=/staff/dashboard");
});

test("the stats API: staff get fractions, bad input is 400, no credentials 401", async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/v1/stats")).status()).toBe(401);
  await anonymous.dispose();

  await login(page, STAFF);
  const ok = await page.request.get("/api/v1/stats?from=2026-01-01&to=2026-06-30&groupBy=month");
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body).toMatchObject({ from: "2026-01-01", to: "2026-06-30", groupBy: "month" });
  expect(body.groups.map((g: { key: string }) => g.key)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
  for (const rate of [body.zeroVisitRate, body.onTimeRate, body.satisfactionRate, body.agreementRate])
    expect(rate === null || (rate >= 0 && rate <= 1)).toBe(true);
  const bad = await page.request.get("/api/v1/stats?groupBy=mediator");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: "invalid_input", fields: { groupBy: expect.any(Array) } });
});

test("a party gets 403 from the dashboard, its CSV and the stats API", async ({ page }) => {
  await login(page, "party@example.com");
  expect((await page.goto("/staff/dashboard"))?.status()).toBe(403);
  expect((await page.request.get("/staff/dashboard.csv")).status()).toBe(403);
  expect((await page.request.get("/api/v1/stats")).status()).toBe(403);
  await page.goto("/");
  await logout(page);
});

test("@phone screenshots of the dashboard", async ({ page }, testInfo) => {
  await login(page, STAFF);
  await page.goto("/staff/dashboard?preset=last12&groupBy=month");
  await expect(page.locator("figure.chart svg")).toHaveCount(3);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: path.join(dir, `${testInfo.project.name}-centre-dashboard.png`), fullPage: true });
});
