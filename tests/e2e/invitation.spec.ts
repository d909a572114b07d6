// The respondent's side and the centre's: a case is filed through the API by the demo party, the
// invitation code is read where the centre reads it (the outbox page, as staff), and the respondent
// answers on a phone with JavaScript off, without an account. Then: a refusal and the other routes, a
// wrong code, the agreement's verification page (no names), and staff working the case queue. axe on
// every page; screenshots on desktop and phone into tests/e2e/screenshots/.
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO_MEDIATOR_ID, apiToken, expectNoSeriousViolations, login } from "./booking-utils";
import { expectNoHorizontalOverflow } from "./utils";

const dir = path.join(import.meta.dirname, "screenshots");
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };
const PARTY_PHONE = "13800000001"; // the demo party's own number: never on the respondent's page

/** Today at the centre (UTC+8), as the pages print dates. */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const randomPhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

interface Filed {
  id: number;
  number: string;
  phone: string;
  applicant: string;
}

/** The demo party files a labour case picking the demo mediator; the respondent has a fresh phone. */
async function fileCase(request: APIRequestContext, description = "渔业公司拖欠三个月工资，共计三万二千元。"): Promise<Filed> {
  const token = await apiToken(request, "party@example.com");
  const headers = { Authorization: `Bearer ${token}` };
  const phone = randomPhone();
  const res = await request.post("/api/v1/cases", {
    headers,
    data: {
      category: "labour",
      description,
      town: "liuheng",
      respondents: [{ name: "舟山蓝湾示例渔业有限公司", phone }],
      picks: [DEMO_MEDIATOR_ID],
    },
  });
  expect(res.status(), "filing the case").toBe(201);
  const body = (await res.json()) as { id: number; number: string };
  const me = (await (await request.get("/api/v1/me", { headers })).json()) as { name: string };
  return { ...body, phone, applicant: me.name };
}

/** The code as the centre sees it: staff read the text message in the outbox (another browser, signed in). */
async function inviteCode(browser: Browser, phone: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, "staff@example.com");
  await page.goto("/staff/notifications");
  const row = page.getByRole("row").filter({ hasText: phone }).filter({ hasText: "邀请码" }).first();
  const text = await row.innerText();
  await context.close();
  const code = /邀请码\s*([A-Z0-9]{8})/.exec(text)?.[1];
  expect(code, `an invitation code in the text to ${phone}`).toBeTruthy();
  return code!;
}

/**
 * axe runs in the page's JavaScript, which these pages are tested without: the page as rendered is
 * checked in a second, scripted browser page at the same origin (scripts left out, styles kept).
 */
async function expectAccessibleWithoutJs(page: Page, browser: Browser, what: string) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: true, baseURL: new URL(page.url()).origin });
  const copy = await context.newPage();
  await copy.goto("/healthz");
  await copy.setContent(html, { waitUntil: "load" });
  await expectNoSeriousViolations(copy, what);
  await context.close();
}

async function shot(page: Page, name: string, project: string) {
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: path.join(dir, `${project}-${name}.png`), fullPage: true });
}

test.describe("the respondent on a phone, without JavaScript", () => {
  test.use({ javaScriptEnabled: false, ...PHONE });

  test("opens the link, must tick the acknowledgement, accepts the pick and sees what happens next", async ({ page, request, browser }) => {
    const c = await fileCase(request);
    const code = await inviteCode(browser, c.phone);
    const response = await page.goto(`/invitations/${c.id}?code=${code}`);
    expect(response?.status()).toBe(200);
    // Never more than the origin in a Referer (the address holds the code).
    expect(response?.headers()["referrer-policy"]).toMatch(/strict-origin$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("调解邀请");
    const facts = page.getByRole("region", { name: "案件情况" });
    await expect(facts).toContainText(c.number);
    await expect(facts).toContainText(c.applicant);
    await expect(facts).toContainText("劳动争议");
    await expect(facts).toContainText("渔业公司拖欠三个月工资");
    await expect(page.locator("body")).not.toContainText(PARTY_PHONE);
    await expect(page.locator("body")).not.toContainText(c.phone);
    await expect(page.getByRole("region", { name: "什么是人民调解" })).toContainText("免费");
    await expect(page.getByRole("region", { name: "什么是人民调解" })).toContainText("回避");
    await expectAccessibleWithoutJs(page, browser, "the invitation");
    await shot(page, "invitation", "phone");

    // The pick: who, their title, a link to the public profile.
    const accept = page.getByRole("region", { name: /同意申请人选择的调解员/ });
    const profile = accept.getByRole("link", { name: /查看 .+ 的资料/ });
    await expect(profile).toHaveAttribute("href", `/mediators/${DEMO_MEDIATOR_ID}`);
    const button = accept.getByRole("button", { name: /^同意由 .+ 调解$/ });
    const mediatorName = /^同意由 (.+) 调解$/.exec((await button.textContent()) ?? "")![1];

    // Without the tick nothing is recorded: the error says so, at the box.
    await button.click();
    await expect(page.getByRole("alert")).toContainText("请先勾选");
    await expect(page.getByRole("checkbox", { name: "我已阅读并了解以上内容" })).toHaveAttribute("aria-invalid", "true");
    await expectAccessibleWithoutJs(page, browser, "the invitation with an error");
    await shot(page, "invitation-error", "phone");

    await page.getByRole("checkbox", { name: "我已阅读并了解以上内容" }).check();
    await page.getByRole("button", { name: `同意由 ${mediatorName} 调解` }).click();
    await expect(page).toHaveURL(/done=accepted/);
    await expect(page.getByRole("status")).toContainText("您同意申请人选择的调解员");
    const next = page.getByRole("region", { name: "接下来会怎样" });
    await expect(next).toContainText(`双方已选定 ${mediatorName} 调解`);
    await expect(page.getByRole("button", { name: /同意由/ })).toHaveCount(0);
    await expectAccessibleWithoutJs(page, browser, "after accepting");
    await shot(page, "invitation-accepted", "phone");
  });

  test("ranks with every error at once, then declines after a confirmation and sees the other routes", async ({
    page,
    request,
    browser,
  }) => {
    const c = await fileCase(request, "邻居装修损坏了我家的外墙，协商多次未果。");
    const code = await inviteCode(browser, c.phone);
    await page.goto(`/invitations/${c.id}?code=${code}`);

    // Two mediators given the same number, and no tick: both errors together, the choices kept.
    const rank = page.getByRole("region", { name: /在推荐名单中排出我的顺序/ });
    const selects = rank.getByRole("combobox");
    expect(await selects.count()).toBeGreaterThan(1);
    await selects.nth(0).selectOption("1");
    await selects.nth(1).selectOption("1");
    await rank.getByRole("button", { name: "提交我的顺序" }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("请先勾选");
    await expect(summary).toContainText("“第 1 位”用了不止一次");
    await expect(selects.nth(0)).toHaveValue("1");
    await expect(selects.nth(1)).toHaveAttribute("aria-invalid", "true");
    await expectAccessibleWithoutJs(page, browser, "ranking errors");
    await shot(page, "invitation-ranking-errors", "phone");

    // Declining asks first; nothing is recorded until confirmed.
    await page.getByRole("checkbox", { name: "我已阅读并了解以上内容" }).check();
    await page.getByRole("button", { name: "我不同意调解…" }).click();
    await expect(page.getByRole("heading", { name: "确认不同意调解？" })).toBeVisible();
    await shot(page, "invitation-confirm-refuse", "phone");
    await page.getByRole("button", { name: "确认不同意调解" }).click();
    await expect(page).toHaveURL(/done=refused/);
    await expect(page.getByRole("status")).toContainText("您不同意调解");
    const routes = page.getByRole("region", { name: "其他解决途径" });
    await expect(routes).toContainText("仲裁");
    await expect(routes).toContainText("人民法院起诉");
    await expect(routes).toContainText("演示数据");
    await expect(page.getByRole("region", { name: "接下来会怎样" })).toContainText("调解已经结束");
    await expectAccessibleWithoutJs(page, browser, "after declining");
    await shot(page, "invitation-refused", "phone");
  });

  test("a wrong or missing code shows the code form, and the right code typed there opens it", async ({ page, request, browser }) => {
    const c = await fileCase(request, "购买的渔网质量有问题，商家拒绝退换。");
    const wrong = await page.goto(`/invitations/${c.id}?code=ZZZZZZZZ`);
    expect(wrong?.status()).toBe(404);
    await expect(page.getByRole("alert")).toContainText("邀请码不正确");
    await expect(page.locator("body")).not.toContainText(c.applicant);
    await expect(page.locator("body")).not.toContainText(c.number);
    await expectAccessibleWithoutJs(page, browser, "the code form");
    await shot(page, "invitation-code", "phone");

    await page.goto(`/invitations/${c.id}`);
    await expect(page.getByRole("alert")).toHaveCount(0);
    const code = await inviteCode(browser, c.phone);
    await page.getByRole("textbox", { name: "邀请码" }).fill(code.toLowerCase());
    await page.getByRole("button", { name: "打开邀请" }).click();
    await expect(page.getByRole("region", { name: "案件情况" })).toContainText(c.number);
    // A link out of the page tells the next page the site's origin, never the address with the code.
    const profile = page.waitForRequest((r) => r.url().endsWith(`/mediators/${DEMO_MEDIATOR_ID}`));
    await page
      .getByRole("region", { name: /同意申请人选择的调解员/ })
      .getByRole("link", { name: /查看 .+ 的资料/ })
      .click();
    const referer = (await profile).headers()["referer"] ?? "";
    expect(referer).not.toContain(code);
    expect(referer).not.toContain("/invitations/");
  });
});

test("the agreement: acknowledged and rated on the invitation page; /verify shows its state and no names", async ({
  page,
  request,
  browser,
}) => {
  const c = await fileCase(request, "船员工资结算争议，双方同意调解。");
  const code = await inviteCode(browser, c.phone);
  const consent = await request.post(`/api/v1/cases/${c.id}/consent`, { data: { code, informed: true, accept: true } });
  expect(consent.status()).toBe(200);
  const mediator = { Authorization: `Bearer ${await apiToken(request, "mediator@example.com")}` };
  const outcome = await request.post(`/api/v1/cases/${c.id}/outcome`, {
    headers: mediator,
    data: {
      outcome: "agreement",
      visits: 0,
      mode: "online",
      agreement: {
        facts: "经核实，被申请人尚欠申请人工资人民币8,000元。",
        obligations: [{ obligor: "respondent", description: "支付拖欠的工资", amountYuan: 8000, dueOn: "2031-01-15" }],
      },
    },
  });
  expect(outcome.status()).toBe(200);

  await page.goto(`/invitations/${c.id}?code=${code}`);
  const agreement = page.getByRole("region", { name: "调解协议" });
  await expect(agreement.getByRole("link", { name: "下载调解协议（PDF）" })).toHaveAttribute(
    "href",
    `/api/v1/cases/${c.id}/agreement.pdf?code=${code}`,
  );
  await agreement.getByRole("button", { name: "我已阅读并确认调解协议" }).click();
  await expect(page.getByRole("status")).toContainText("您确认了调解协议");
  const rating = page.getByRole("region", { name: "评价这次调解" });
  await rating.getByRole("button", { name: "提交评价" }).click();
  await expect(rating.getByText("请选择满意程度")).toBeVisible();
  await rating.getByRole("radio", { name: /5 星/ }).check();
  await rating.getByRole("textbox", { name: "想说的话（选填）" }).fill("调解员很耐心。");
  await rating.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByRole("status")).toContainText("感谢您的评价");
  await expectNoSeriousViolations(page, "the invitation after an agreement");

  const verifyUrl = `/verify/${encodeURIComponent(c.number)}`;
  await page.goto(verifyUrl);
  await expect(page.getByRole("heading", { level: 2 })).toContainText("中心存有这份调解协议");
  await expect(page.getByRole("main")).toContainText("尚未生效");
  await expect(page.getByRole("main")).toContainText("未申请司法确认");
  // Every party acknowledges; staff record the court's confirmation.
  const party = { Authorization: `Bearer ${await apiToken(request, "party@example.com")}` };
  expect((await request.post(`/api/v1/cases/${c.id}/acknowledge`, { headers: party, data: {} })).status()).toBe(200);
  const staff = { Authorization: `Bearer ${await apiToken(request, "staff@example.com")}` };
  const confirmed = await request.post(`/api/v1/cases/${c.id}/judicial-confirmation`, {
    headers: staff,
    data: { court: "普陀区人民法院", appliedOn: today, decidedOn: today, result: "confirmed" },
  });
  expect(confirmed.status()).toBe(200);
  await page.goto(verifyUrl);
  const main = page.getByRole("main");
  await expect(main).toContainText(c.number);
  await expect(main).toContainText("已生效");
  await expect(main).toContainText(`已经人民法院司法确认（${today}）`);
  const { name: mediatorName } = (await (await request.get(`/api/v1/mediators/${DEMO_MEDIATOR_ID}`)).json()) as { name: string };
  for (const personal of [c.applicant, "王海燕", "舟山蓝湾示例渔业有限公司", c.phone, PARTY_PHONE, mediatorName])
    await expect(page.locator("body")).not.toContainText(personal);
  await expectNoSeriousViolations(page, "the verification page");
  await shot(page, "verify", "desktop");
  const missing = await page.goto(`/verify/${encodeURIComponent("普调〔2026〕99999号")}`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 2 })).toContainText("没有找到");
});

test("@phone staff find a case in the queue with filters, record an answer given by phone, and file at the window", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(60_000);
  const project = testInfo.project.name;
  const c = await fileCase(request, "工伤赔偿争议，公司不认可伤残等级。");
  await login(page, "staff@example.com");
  await page.getByRole("navigation", { name: "账号" }).getByRole("link", { name: "案件队列" }).click();
  await expect(page).toHaveURL("/staff/cases");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("案件队列");
  await expectNoSeriousViolations(page, "the case queue");

  // Filter: submitted labour cases, newest first (the GET form, as without JavaScript).
  await page.getByRole("combobox", { name: "状态" }).selectOption("submitted");
  await page.getByRole("combobox", { name: "纠纷类型" }).selectOption("labour");
  await page.getByRole("combobox", { name: "排序" }).selectOption("newest");
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page).toHaveURL(/status=submitted/);
  await expect(page).toHaveURL(/category=labour/);
  await expect(page.getByRole("combobox", { name: "状态" })).toHaveValue("submitted");
  await expect(page.getByRole("combobox", { name: "状态" }).locator("option:checked")).toHaveText(/已受理，等待选定调解员（\d+）/);
  const row = page.getByRole("row").filter({ hasText: c.number });
  await expect(row).toContainText(c.applicant);
  await expect(row).toContainText("舟山蓝湾示例渔业有限公司");
  await expect(row.getByRole("link", { name: c.number, exact: true })).toHaveAttribute("href", `/cases/${c.id}`);
  await expectNoSeriousViolations(page, "the filtered queue");
  await shot(page, "staff-cases", project);

  // The "due within 3 days" filter leaves out a case filed just now (30 days to finish).
  await page.getByRole("checkbox", { name: /3 天内到期或已逾期/ }).check();
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page).toHaveURL(/due=soon/);
  await expect(page.getByRole("row").filter({ hasText: c.number })).toHaveCount(0);
  await page.goto("/staff/cases?status=submitted&category=labour&sort=newest");

  // The respondent answered by phone: staff record it.
  await page
    .getByRole("row")
    .filter({ hasText: c.number })
    .getByRole("link", { name: `记录 ${c.number} 的答复` })
    .click();
  await expect(page).toHaveURL(`/staff/cases/${c.id}/consent`);
  await page.getByRole("button", { name: "记录答复" }).click();
  await expect(page.getByRole("alert")).toContainText("请先勾选");
  await expect(page.getByRole("alert")).toContainText("请选择当事人的答复");
  await expectNoSeriousViolations(page, "recording an answer, with errors");
  await shot(page, "staff-consent", project);
  await page.getByRole("checkbox", { name: /已向当事人说明人民调解/ }).check();
  await page.getByRole("radio", { name: /同意申请人选择的调解员/ }).check();
  await page.getByRole("button", { name: "记录答复" }).click();
  await expect(page.getByRole("status")).toContainText("已记录答复");
  await expect(page.getByRole("region", { name: "已有的答复" })).toContainText("同意所选调解员");
  await expect(page.getByRole("region", { name: "已有的答复" })).toContainText("已选定调解员");

  // The intake window: someone came in person.
  await page.goto("/staff/cases/new");
  await expectNoSeriousViolations(page, "the intake form");
  await page.getByRole("button", { name: "登记案件" }).click();
  await expect(page.getByRole("alert")).toContainText("纠纷类型");
  await shot(page, "staff-intake-errors", project);
  const applicant = page.getByRole("group", { name: "申请人（来窗口的当事人）" });
  await applicant.getByRole("textbox", { name: "姓名或单位名称" }).fill("东极镇渔民 李某");
  const respondent = page.getByRole("group", { name: "被申请人（对方当事人）" });
  await respondent.getByRole("textbox", { name: "姓名或单位名称" }).fill("示例船务有限公司");
  await respondent.getByRole("textbox", { name: "手机号" }).fill(randomPhone());
  await page.getByRole("combobox", { name: "纠纷类型" }).selectOption("maritime-fishery");
  await page.getByRole("textbox", { name: "纠纷情况" }).fill("渔船碰撞后对方拒绝赔偿修理费。");
  await page.getByRole("button", { name: "登记案件" }).click();
  await expect(page).toHaveURL(/\/staff\/cases\?filed=/);
  await expect(page.getByRole("status").filter({ hasText: "已登记案件" })).toBeVisible();
  await page.goto("/staff/cases?channel=window&sort=newest");
  await expect(page.locator("tbody tr").first()).toContainText("东极镇渔民 李某");
  await expect(page.locator("tbody tr").first()).toContainText("窗口登记");
});

test("@phone screenshots of the invitation on desktop and phone, in English too", async ({ page, request, browser }, testInfo) => {
  const c = await fileCase(request, "Shipping company owes three months of wages.");
  const code = await inviteCode(browser, c.phone);
  await page.goto(`/invitations/${c.id}?code=${code}`);
  await shot(page, "invitation-zh", testInfo.project.name);
  await page.getByRole("link", { name: "Switch language to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invitation to mediation");
  await expect(page.getByRole("region", { name: "What people's mediation is" })).toContainText("Free of charge");
  await expectNoSeriousViolations(page, "the invitation in English");
  await shot(page, "invitation-en", testInfo.project.name);
  await page.goto(`/verify/${encodeURIComponent(c.number)}`);
  await shot(page, "verify-missing-en", testInfo.project.name);
  await page.getByRole("link", { name: "切换到中文" }).click();
});
