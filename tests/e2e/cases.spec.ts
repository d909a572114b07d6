// The case pages: a party files a case online (without JavaScript: every error at once, then filed
// with a pick), finds it at /cases by its number, ranks the shortlist and withdraws; a case the other
// side accepted goes through the mediator's outcome form (rows added without JavaScript) to an
// agreement the parties acknowledge, with the judicial-confirmation countdown and staff's forms, the
// rating, which staff read and whose comment they hide. axe on each page, and screenshots on desktop
// and on a 375 px phone.
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_MEDIATOR_ID, apiToken, expectNoSeriousViolations, login, logout } from "./booking-utils";
import { expectNoHorizontalOverflow } from "./utils";

const dir = path.join(import.meta.dirname, "screenshots");
const NUMBER = /普调〔\d{4}〕\d{5}号/;

/** The notice shown after a step (the page may hold other status regions). */
const notice = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

async function shot(page: Page, project: string, name: string) {
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: path.join(dir, `${project}-${name}.png`), fullPage: true });
}

/** A case filed by the demo party through the API (setup, not what is under test). */
async function fileByApi(request: APIRequestContext, phone: string, picks: number[] = [DEMO_MEDIATOR_ID]) {
  const token = await apiToken(request, "party@example.com");
  const res = await request.post("/api/v1/cases", {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      category: "labour",
      description: "公司拖欠三个月工资共两万四千元，多次催要未果。",
      town: "liuheng",
      amountYuan: 24000,
      respondents: [{ name: "舟山示例水产有限公司", phone }],
      picks,
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: number; number: string };
}

test.describe("filing without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("every error at once, then filed with a pick; listed by number; rank and withdraw", async ({ page }) => {
    await login(page, "party@example.com");
    await page.goto(`/cases/new?category=labour&pick=${DEMO_MEDIATOR_ID}`);
    await expect(page.getByRole("combobox", { name: "纠纷类型" })).toHaveValue("labour");
    await expect(page.getByRole("combobox", { name: "第 1 选择" })).toHaveValue(String(DEMO_MEDIATOR_ID));
    await expect(page.getByText("调解邀请通过短信发给对方")).toBeVisible();

    // Nothing filled in: the description, the other side's name and the acknowledgement, all at once.
    await page.getByRole("textbox", { name: "手机号码" }).fill("abc");
    await page.getByRole("button", { name: "提交申请" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "需要修改" });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link")).toHaveCount(4);
    await expect(page.getByRole("textbox", { name: "发生了什么" })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("textbox", { name: "姓名或单位名称" })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("checkbox")).toHaveAttribute("aria-invalid", "true");
    // What was chosen is kept.
    await expect(page.getByRole("combobox", { name: "第 1 选择" })).toHaveValue(String(DEMO_MEDIATOR_ID));

    // Another respondent row, without JavaScript, keeping what was typed.
    await page.getByRole("textbox", { name: "发生了什么" }).fill("公司拖欠我三个月工资共两万四千元，多次催要未果，希望调解。");
    await page.getByRole("button", { name: "再添加一位对方当事人" }).click();
    await expect(page.getByRole("group", { name: "对方当事人 2" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "发生了什么" })).toHaveValue(/两万四千元/);
    await page.getByRole("group", { name: "对方当事人 2" }).getByRole("button", { name: "删除这位" }).click();
    await expect(page.getByRole("group", { name: "对方当事人 2" })).toHaveCount(0);

    await page.getByRole("textbox", { name: "姓名或单位名称" }).fill("舟山示例水产有限公司");
    await page.getByRole("textbox", { name: "手机号码" }).fill("13900001111");
    await page.getByRole("textbox", { name: "争议金额（元，选填）" }).fill("24,000");
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "提交申请" }).click();
    await expect(page).toHaveURL(/\/cases\/\d+\?done=filed/);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toHaveText(NUMBER);
    const number = (await heading.textContent())!;
    await expect(notice(page, number)).toBeVisible();
    const id = Number(/\/cases\/(\d+)/.exec(page.url())![1]);

    await page.goto("/cases");
    await expect(page.getByRole("link", { name: number })).toHaveAttribute("href", `/cases/${id}`);
    await page.getByRole("link", { name: number }).click();

    // The applicant ranks the shortlist: the acknowledgement was recorded when filing, so no second tick.
    const rank = page.getByRole("region", { name: "排序候选调解员" });
    await expect(rank).toBeVisible();
    await expect(rank.getByRole("checkbox")).toHaveCount(0);
    await rank.getByRole("button", { name: "保存排序" }).click();
    await expect(notice(page, "您的排序已保存")).toBeVisible();
    await expect(page.getByRole("region", { name: "当事人", exact: true })).toContainText("已排序");

    // Withdraw: a reason is needed; then the case is closed as withdrawn.
    await page.locator("summary", { hasText: "撤回申请" }).click();
    await page.getByRole("button", { name: "确认撤回" }).click();
    await expect(page.getByRole("textbox", { name: "撤回原因" })).toHaveAttribute("aria-invalid", "true");
    await page.getByRole("textbox", { name: "撤回原因" }).fill("已与对方自行协商解决。");
    await page.getByRole("button", { name: "确认撤回" }).click();
    await expect(notice(page, "申请已撤回")).toBeVisible();
    await expect(page.locator(".case-head")).toContainText("申请人撤回");
    await expect(page.getByRole("region", { name: "排序候选调解员" })).toHaveCount(0);
  });
});

test.describe("a mediator records an agreement, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("outcome form rows, agreement, acknowledgement, countdown and staff's forms", async ({ page, request, browser }) => {
    test.setTimeout(90_000);
    const phone = `139${String(Date.now()).slice(-8)}`;
    const filed = await fileByApi(request, phone);
    // Staff record the respondent's acceptance of the pick (given by phone): setup through the API.
    const staff = await apiToken(request, "staff@example.com");
    const agreed = await request.post(`/api/v1/cases/${filed.id}/consent`, {
      headers: { Authorization: `Bearer ${staff}` },
      data: { informed: true, accept: true, side: "respondent" },
    });
    expect(agreed.status()).toBe(200);

    await login(page, "mediator@example.com");
    await page.goto(`/cases/${filed.id}`);
    await page.getByRole("button", { name: "开始调解" }).click();
    await expect(notice(page, "调解已开始")).toBeVisible();

    const outcome = page.getByRole("region", { name: "记录调解结果" });
    await outcome.getByRole("radio", { name: "达成调解协议" }).check();
    await outcome.getByRole("textbox", { name: "纠纷事实" }).fill("经核实，被申请人尚欠申请人工资人民币 24,000 元。");
    const first = outcome.getByRole("group", { name: "义务 1" });
    await first.getByRole("textbox", { name: "履行内容" }).fill("支付拖欠的工资");
    await first.getByRole("textbox", { name: "金额（元，选填）", exact: true }).fill("24000");
    await first.getByRole("radio", { name: "分期履行" }).check();
    await first.getByLabel("第 1 期日期").fill("2031-01-15");
    await first.getByRole("textbox", { name: "第 1 期金额（元）" }).fill("12000");
    await first.getByLabel("第 2 期日期").fill("2031-02-15");
    await first.getByRole("textbox", { name: "第 2 期金额（元）" }).fill("12000");
    // Add a third instalment and a second obligation: the page comes back with what was typed.
    await first.getByRole("button", { name: "再加一期" }).click();
    const again = page.getByRole("region", { name: "记录调解结果" });
    await expect(again.getByLabel("第 3 期日期")).toBeVisible();
    await expect(again.getByRole("group", { name: "义务 1" }).getByRole("textbox", { name: "第 2 期金额（元）" })).toHaveValue("12000");
    await again.getByRole("button", { name: "再加一项义务" }).click();
    const second = page.getByRole("region", { name: "记录调解结果" }).getByRole("group", { name: "义务 2" });
    await expect(second).toBeVisible();
    // The second obligation left blank: its errors come back with the rest.
    await page.getByRole("button", { name: "记录结果并结案" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "需要修改" })).toBeVisible();
    await shot(page, test.info().project.name, "case-outcome-errors");
    const obligation2 = page.getByRole("region", { name: "记录调解结果" }).getByRole("group", { name: "义务 2" });
    await expect(obligation2.getByRole("textbox", { name: "履行内容" })).toHaveAttribute("aria-invalid", "true");
    await obligation2.getByRole("button", { name: "删除这项义务" }).click();
    await page.getByRole("button", { name: "记录结果并结案" }).click();
    await expect(notice(page, "调解结果已记录")).toBeVisible();
    await expect(page.locator(".case-head")).toContainText("达成调解协议");
    const agreement = page.getByRole("region", { name: "调解协议", exact: true });
    await expect(agreement).toContainText("支付拖欠的工资");
    await expect(agreement.getByRole("link", { name: "下载调解协议书（PDF）" })).toHaveAttribute(
      "href",
      `/api/v1/cases/${filed.id}/agreement.pdf`,
    );
    // The link works with the session cookie.
    const pdf = await page.request.get(`/api/v1/cases/${filed.id}/agreement.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    await logout(page);

    // The applicant acknowledges; the respondent with the code from the invitation (API).
    await login(page, "party@example.com");
    await page.goto(`/cases/${filed.id}`);
    await page.getByRole("button", { name: "我确认协议内容" }).click();
    await expect(notice(page, "您已确认调解协议")).toBeVisible();
    await logout(page);
    await login(page, "staff@example.com");
    let code = "";
    await expect(async () => {
      await page.goto("/staff/notifications");
      const html = await page.content();
      code = new RegExp(`/invitations/${filed.id}\\?code=([A-Z0-9]+)`).exec(html)?.[1] ?? "";
      expect(code).not.toBe("");
    }).toPass({ timeout: 15_000 });
    expect((await request.post(`/api/v1/cases/${filed.id}/acknowledge`, { data: { code } })).status()).toBe(200);

    // Staff see the countdown, the materials, the confirmation and fulfilment forms, and the log.
    await page.goto(`/cases/${filed.id}`);
    const confirmation = page.getByRole("region", { name: "司法确认" });
    await expect(confirmation).toContainText("还剩 30 天");
    await expect(confirmation).toContainText("身份证件");
    await expect(page.getByRole("region", { name: "当事人", exact: true })).toContainText(phone);
    await expect(page.getByRole("region", { name: "案件日志" })).toContainText("agreement-effective");
    await confirmation.getByLabel("申请日期").fill("2030-12-20");
    await confirmation.getByRole("button", { name: "保存司法确认" }).click();
    await expect(notice(page, "司法确认已记录")).toBeVisible();
    await page.getByRole("combobox", { name: "第 1 期履行情况" }).selectOption("on-time");
    await page.getByRole("button", { name: "记录", exact: true }).first().click();
    await expect(notice(page, "履行情况已记录")).toBeVisible();
    await expect(page.getByRole("region", { name: "调解协议", exact: true })).toContainText("按时履行");
    await shot(page, test.info().project.name, "case-staff");
    await logout(page);

    // The applicant rates once.
    await login(page, "party@example.com");
    await page.goto(`/cases/${filed.id}`);
    const rate = page.getByRole("region", { name: "评价这次调解" });
    await rate.getByRole("button", { name: "提交评价" }).click();
    await expect(page.getByRole("region", { name: "评价这次调解" }).getByText("请选择 1 到 5 星。", { exact: true })).toBeVisible();
    await page.getByRole("region", { name: "评价这次调解" }).getByRole("radio", { name: "5 星" }).check();
    await page.getByRole("region", { name: "评价这次调解" }).getByRole("textbox", { name: "意见（选填）" }).fill("调解员说话难听");
    await page.getByRole("region", { name: "评价这次调解" }).getByRole("button", { name: "提交评价" }).click();
    await expect(notice(page, "感谢您的评价")).toBeVisible();
    await expect(page.getByRole("region", { name: "评价这次调解" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "您的评价" })).toContainText("调解员说话难听");
    await shot(page, test.info().project.name, "case-agreement-party");
    await logout(page);

    // Staff read the rating and hide its comment: the reason is required.
    await login(page, "staff@example.com");
    await page.goto(`/cases/${filed.id}`);
    const ratings = page.getByRole("region", { name: "当事人评价" });
    await expect(ratings).toContainText("申请人一方");
    await expect(ratings).toContainText("意见公开显示");
    await ratings.getByText("隐藏这条意见").click();
    await ratings.getByRole("button", { name: "隐藏意见" }).click();
    await expect(page.getByRole("region", { name: "当事人评价" }).getByRole("textbox", { name: "隐藏原因（必填）" })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await page.getByRole("region", { name: "当事人评价" }).getByRole("textbox", { name: "隐藏原因（必填）" }).fill("含有不当言辞");
    await page.getByRole("region", { name: "当事人评价" }).getByRole("button", { name: "隐藏意见" }).click();
    await expect(notice(page, "这条评价意见已隐藏")).toBeVisible();
    await expect(page.getByRole("region", { name: "当事人评价" })).toContainText("含有不当言辞");
    await expect(page.getByRole("region", { name: "当事人评价" }).getByRole("button", { name: "隐藏意见" })).toHaveCount(0);
    // axe runs in the page's scripts (the describe's contexts have none): the same page, with JavaScript.
    const scripted = await browser.newContext({ javaScriptEnabled: true });
    const withJs = await scripted.newPage();
    await login(withJs, "staff@example.com");
    await withJs.goto(`/cases/${filed.id}`);
    await expect(withJs.getByRole("region", { name: "当事人评价" })).toContainText("含有不当言辞");
    await expectNoSeriousViolations(withJs, "/cases/:id ratings as staff");
    await scripted.close();
  });
});

test("@phone the case pages: axe clean, screenshots", async ({ page, request }, testInfo) => {
  test.setTimeout(60_000);
  const project = testInfo.project.name;
  const filed = await fileByApi(request, `138${String(Date.now()).slice(-8)}`);
  await login(page, "party@example.com");

  await page.goto("/cases");
  await expect(page.getByRole("link", { name: filed.number })).toBeVisible();
  await expectNoSeriousViolations(page, "/cases");
  await shot(page, project, "cases");

  // From a mediator's profile: "ask them to mediate" files with them as the first choice.
  await page.goto(`/mediators/${DEMO_MEDIATOR_ID}`);
  await page.getByRole("link", { name: "申请由TA调解" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/new\\?pick=${DEMO_MEDIATOR_ID}$`));
  await expect(page.getByRole("combobox", { name: "第 1 选择" })).toHaveValue(String(DEMO_MEDIATOR_ID));
  await expectNoSeriousViolations(page, "/cases/new");
  await shot(page, project, "case-new");
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "需要修改" })).toBeFocused();
  await expectNoSeriousViolations(page, "/cases/new with errors");
  await shot(page, project, "case-new-errors");

  await page.goto(`/cases/${filed.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(filed.number);
  await expect(page.getByRole("region", { name: "排序候选调解员" })).toBeVisible();
  await expectNoSeriousViolations(page, "/cases/:id");
  await shot(page, project, "case-applicant");

  await page.goto("/lang/en?next=" + encodeURIComponent(`/cases/${filed.id}`));
  await expect(page.getByRole("region", { name: "Rank the shortlist" })).toBeVisible();
  await shot(page, project, "case-applicant-en");
  await page.goto("/lang/zh?next=/cases");
  await logout(page);

  await login(page, "staff@example.com");
  await page.goto(`/cases/${filed.id}`);
  await expect(page.getByRole("region", { name: "案件日志" })).toBeVisible();
  await expectNoSeriousViolations(page, "/cases/:id as staff");
  await shot(page, project, "case-staff-submitted");
});

test("with JavaScript the outcome form adds rows in place and the page hydrates cleanly", async ({ page, request }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  const filed = await fileByApi(request, `137${String(Date.now()).slice(-8)}`);
  const staff = await apiToken(request, "staff@example.com");
  const agreed = await request.post(`/api/v1/cases/${filed.id}/consent`, {
    headers: { Authorization: `Bearer ${staff}` },
    data: { informed: true, accept: true, side: "respondent" },
  });
  expect(agreed.status()).toBe(200);
  await login(page, "mediator@example.com");
  await page.goto(`/cases/${filed.id}`);
  const outcome = page.getByRole("region", { name: "记录调解结果" });
  await outcome.getByRole("textbox", { name: "纠纷事实" }).fill("经核实，被申请人尚欠工资。");
  await outcome.getByRole("button", { name: "再加一项义务" }).click();
  await expect(outcome.getByRole("group", { name: "义务 2" })).toBeVisible();
  await outcome.getByRole("group", { name: "义务 1" }).getByRole("button", { name: "再加一期" }).click();
  await expect(outcome.getByRole("group", { name: "义务 1" }).getByLabel("第 3 期日期")).toBeVisible();
  await expect(outcome.getByRole("textbox", { name: "纠纷事实" })).toHaveValue("经核实，被申请人尚欠工资。");
  await outcome.getByRole("radio", { name: "未达成协议" }).check();
  await outcome.getByRole("button", { name: "记录结果并结案" }).click();
  await expect(notice(page, "调解结果已记录")).toBeVisible();
  await expect(page.locator(".case-head")).toContainText("未达成协议");
  expect(errors).toEqual([]);
});
