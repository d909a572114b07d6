// 3+X joint panels (issue 9): staff open a group case, convene a panel (the three fixed roles and the
// case's department preselected), see the earliest common free times, book one in one step; when a
// member or the room was taken meanwhile nothing is booked and fresh times are offered; a member signs
// in and confirms their seat from the dashboard; staff record the minutes (with "add a row"); the case
// page shows the panel, its members' seats and the minutes. axe on every page, and the panel page on a
// phone in both languages. Cases are filed through the API; times come from the site's own suggestions.
import fs from "node:fs";
import { expect as baseExpect, test, type APIRequestContext, type Page } from "@playwright/test";
import { apiToken, expectNoSeriousViolations, login, logout } from "./booking-utils";
import { expectNoHorizontalOverflow, withE2eDatabase } from "./utils";

// A whole panel's life in one test, with axe on each page, on a machine other suites share: room to breathe.
test.describe.configure({ timeout: 150_000 });
const expect = baseExpect.configure({ timeout: 15_000 });

const shots = "/tmp/shots/panels";
fs.mkdirSync(shots, { recursive: true });

/**
 * The demo judge's account (db/seed.ts): 王振国 sits on weekday afternoons, the only judge free on the
 * afternoons the labour department's representative is, so a labour panel seats him.
 */
const MEMBER_EMAIL = "judge@example.com";

/** A group case (labour unless said) filed by staff at the window, as the API returns it. */
async function fileGroupCase(
  request: APIRequestContext,
  token: string,
  description: string,
  category = "labour",
): Promise<{ id: number; number: string }> {
  const response = await request.post("/api/v1/cases", {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      channel: "window",
      category,
      severity: "group",
      description,
      applicants: [{ name: "渔业加工厂工人代表" }],
      respondents: [{ name: "示例水产加工有限公司" }],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: number; number: string };
}

/** The suggestions page of a case with its preselected roles (the case's department too), searched as the form does. */
async function searchSlots(page: Page, caseId: number, department = "劳动争议") {
  await page.goto(`/staff/panels/new?case=${caseId}`);
  const form = page.getByRole("region", { name: "1. 选择参加的角色和时间" });
  await expect(form.getByRole("checkbox", { name: "法官" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: "首席调解员" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: "法律援助律师" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: department })).toBeChecked();
  // An hour each: the tests book several panels with the same people in the default two weeks.
  await form.getByLabel("会商时长").selectOption("60");
  await form.getByRole("button", { name: "查找共同空闲时间" }).click();
  await expect(page).toHaveURL(/search=1/);
  const suggestions = page.getByRole("region", { name: "2. 最早的共同空闲时间" });
  await expect(suggestions.getByRole("article").first()).toBeVisible();
  return suggestions;
}

/**
 * Minutes are recorded once a panel has begun: its time is moved some thousand days back in the e2e
 * database (no API moves a booking into the past; the overlap triggers still watch the update).
 */
async function sitPanel(panelId: number) {
  await withE2eDatabase((db) => {
    const { bookingId, startAt } = db
      .prepare("select b.id as bookingId, b.start_at as startAt from panels p join bookings b on b.id = p.booking_id where p.id = ?")
      .get(panelId) as { bookingId: number; startAt: number };
    // A day of its own per panel, so two panels moved back never overlap each other.
    const back = startAt - (Date.now() - (1000 + panelId) * 86_400_000);
    db.prepare("update bookings set start_at = start_at - ?, end_at = end_at - ? where id = ?").run(back, back, bookingId);
    db.prepare("update booking_participants set start_at = start_at - ?, end_at = end_at - ? where booking_id = ?").run(
      back,
      back,
      bookingId,
    );
  });
}

test("staff convene a panel for a group case, a member confirms, staff record the minutes, the case shows them", async ({
  page,
  request,
  browser,
}, testInfo) => {
  const token = await apiToken(request, "staff@example.com");
  const first = await fileGroupCase(request, token, "水产加工厂三十余名工人集体讨薪，涉及工伤认定。");
  const second = await fileGroupCase(request, token, "同一加工厂另一车间工人集体讨薪。");

  // From the case page: the panel section offers to convene one.
  await login(page, "staff@example.com");
  await page.goto(`/cases/${first.id}`);
  const section = page.getByRole("region", { name: "3+X 会商" });
  await section.getByRole("link", { name: "组建 3+X 会商" }).click();
  await expect(page).toHaveURL(`/staff/panels/new?case=${first.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("组建 3+X 会商");
  await expectNoSeriousViolations(page, "/staff/panels/new");

  // Another tab searches the second case first: the same people and room at the same earliest time.
  const other = await page.context().newPage();
  const otherSuggestions = await searchSlots(other, second.id);
  const suggestions = await searchSlots(page, first.id);
  const slot = suggestions.getByRole("article").first();
  const when = (await slot.getByRole("heading").textContent())!;
  // Who, where and when: the second case is offered the very same seats.
  const taken = (await slot.textContent())!;
  await expect(otherSuggestions.getByRole("article").first()).toHaveText(taken);
  for (const role of ["法官", "首席调解员", "法律援助律师", "劳动争议职能部门代表"]) await expect(slot).toContainText(role);
  const room = (await slot.locator(".panel-slot-room").textContent())!;
  await expectNoSeriousViolations(page, "/staff/panels/new with suggestions");
  await page.screenshot({ path: `${shots}/${testInfo.project.name}-convene-zh.png`, fullPage: true });

  // Book it: one step, then the panel page with every seat invited.
  await slot.getByRole("button", { name: `预约这个时间：${when}` }).click();
  await expect(page).toHaveURL(/\/panels\/\d+\?done=booked$/);
  const panelPath = new URL(page.url()).pathname;
  await expect(page.getByRole("status")).toHaveText("会商已预约。已通知每位成员确认。");
  const members = page.getByRole("table", { name: "会商成员" });
  await expect(members.getByRole("row")).toHaveCount(5);
  await expect(members.getByText("已邀请")).toHaveCount(4);
  await expectNoSeriousViolations(page, "panel page after booking");

  // The other tab still offers that time for the second case: booking it books nothing, says why, and offers fresh times.
  await otherSuggestions
    .getByRole("article")
    .first()
    .getByRole("button", { name: `预约这个时间：${when}` })
    .click();
  await expect(other).toHaveURL(/taken=1/);
  await expect(other.getByRole("alert")).toHaveText("刚才有成员或调解室被占用了，什么都没有预约。下面是重新查找的最早共同空闲时间。");
  const fresh = other.getByRole("region", { name: "2. 最早的共同空闲时间" }).getByRole("article").first();
  await expect(fresh).toBeVisible();
  await expect(fresh).not.toHaveText(taken);
  await expectNoSeriousViolations(other, "/staff/panels/new after slot_taken");
  await other.screenshot({ path: `${shots}/${testInfo.project.name}-taken-zh.png`, fullPage: true });
  await other.close();

  // The list shows the panel among the upcoming ones.
  await page.getByRole("navigation", { name: "账号" }).getByRole("link", { name: "会商研判" }).click();
  await expect(page).toHaveURL("/staff/panels");
  await expect(page.getByRole("region", { name: /待召开的会商/ }).getByRole("link", { name: `查看 ${first.number} 的会商` })).toBeVisible();
  await expectNoSeriousViolations(page, "/staff/panels");
  await page.screenshot({ path: `${shots}/${testInfo.project.name}-list-zh.png`, fullPage: true });
  await logout(page);

  // A member signs in: the dashboard lists the invitation; they confirm their seat.
  const memberContext = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", baseURL: testInfo.project.use.baseURL });
  const member = await memberContext.newPage();
  await login(member, MEMBER_EMAIL);
  await member.goto("/dashboard");
  // A judge is not in the public pool: no profile to link to.
  await expect(member.getByRole("link", { name: "我的公开主页" })).toHaveCount(0);
  const seats = member.getByRole("region", { name: /会商邀请/ });
  const card = seats.getByRole("article").filter({ hasText: first.number });
  await expect(card).toContainText("担任：法官");
  await expect(card).toContainText("已邀请");
  await expectNoSeriousViolations(member, "/dashboard with a panel invitation");
  await member.screenshot({ path: `${shots}/${testInfo.project.name}-dashboard-zh.png`, fullPage: true });
  await card.getByRole("button", { name: "确认参加" }).click();
  await expect(member).toHaveURL(`${panelPath}?done=confirmed`);
  await expect(member.getByRole("status")).toHaveText("已确认参加，谢谢。");
  await expect(member.getByRole("row").filter({ hasText: "（您）" })).toContainText("已确认");
  await expectNoSeriousViolations(member, "panel page for a member");
  await memberContext.close();

  // The panel sits: minutes are recorded once it has begun.
  await sitPanel(Number(panelPath.split("/").pop()));

  // Staff record the minutes: two entries, a third row added, the plan, dissent, the outcome.
  await login(page, "staff@example.com");
  await page.goto(panelPath);
  await expect(page.getByRole("table", { name: "会商成员" }).getByText("已确认")).toHaveCount(1);
  await page.getByRole("link", { name: "记录会商纪要" }).click();
  await expect(page).toHaveURL(`${panelPath}/minutes`);
  const names = await page.getByLabel("第 1 条：发言人").locator("option").allTextContents();
  const judge = names.find((n) => n.includes("（法官）"))!;
  const chief = names.find((n) => n.includes("（首席调解员）"))!;
  await page.getByLabel("第 1 条：发言人").selectOption({ label: judge });
  await page.getByLabel("第 1 条：发言内容").fill("工资拖欠事实清楚，建议先行支付基本工资。");
  // A save with no plan or outcome is refused on those fields, what was typed kept.
  await page.getByRole("button", { name: "保存会商纪要" }).click();
  await expect(page.getByRole("alert").first()).toContainText("请填写决定的方案");
  await expect(page.getByLabel("第 1 条：发言内容")).toHaveValue("工资拖欠事实清楚，建议先行支付基本工资。");
  await expectNoSeriousViolations(page, "minutes form with errors");
  const rows = await page
    .getByRole("listitem")
    .filter({ has: page.getByLabel(/发言内容/) })
    .count();
  await page.getByRole("button", { name: "再加一行" }).click();
  await expect(page.getByLabel(`第 ${rows + 1} 条：发言内容`)).toBeVisible();
  await expect(page.getByLabel("第 1 条：发言内容")).toHaveValue("工资拖欠事实清楚，建议先行支付基本工资。");
  await page.getByLabel(`第 ${rows + 1} 条：发言人`).selectOption({ label: chief });
  await page.getByLabel(`第 ${rows + 1} 条：发言内容`).fill("组织双方分期履行，首期七日内支付。");
  await page.getByLabel("决定的方案", { exact: true }).fill("企业七日内支付拖欠工资的一半，余款三十日内付清；工伤另行认定。");
  await page.getByLabel("不同意见（选填）").fill("劳动部门代表认为应一次付清。");
  await page.getByLabel("会商结果").selectOption({ label: "通过调处方案" });
  await page.screenshot({ path: `${shots}/${testInfo.project.name}-minutes-form-zh.png`, fullPage: true });
  await page.getByRole("button", { name: "保存会商纪要" }).click();
  await expect(page).toHaveURL(`${panelPath}?done=minuted`);
  await expect(page.getByRole("status")).toHaveText("会商纪要已保存。");

  // The case page shows the panel, its seats and the minutes.
  await page.goto(`/cases/${first.id}`);
  const shown = page.getByRole("region", { name: "3+X 会商" });
  await expect(shown.getByRole("definition").filter({ hasText: room })).toHaveCount(1);
  await expect(shown.getByRole("table", { name: "会商成员" }).getByRole("row")).toHaveCount(5);
  const minutes = shown.getByRole("group", { name: "会商纪要" });
  await expect(minutes.getByRole("listitem")).toHaveCount(2);
  await expect(minutes).toContainText("工资拖欠事实清楚，建议先行支付基本工资。");
  await expect(minutes).toContainText("企业七日内支付拖欠工资的一半");
  await expect(minutes).toContainText("劳动部门代表认为应一次付清。");
  await expect(minutes).toContainText("会商结果：通过调处方案");
  await expectNoSeriousViolations(page, "case page with the panel and its minutes");
  await page.screenshot({ path: `${shots}/${testInfo.project.name}-case-zh.png`, fullPage: true });

  // In English.
  await page.goto(`/lang/en?next=${encodeURIComponent(panelPath)}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("3+X joint panel");
  await expect(page.getByRole("group", { name: "Minutes" })).toContainText("Outcome: Plan adopted");
  await expectNoSeriousViolations(page, "panel page in English");
  await page.screenshot({ path: `${shots}/${testInfo.project.name}-panel-en.png`, fullPage: true });
  await page.goto("/lang/zh?next=%2F");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the suggestion search is a GET form, booking a POST that redirects, and an unsent search says what to fix", async ({
    page,
    request,
  }) => {
    const token = await apiToken(request, "staff@example.com");
    const kase = await fileGroupCase(request, token, "船厂外包工人集体讨薪，无法联系承包人。");
    await login(page, "staff@example.com");
    await page.goto(`/staff/panels/new?case=${kase.id}`);
    // Every role unticked: the form says what is missing and offers no times.
    for (const name of ["法官", "首席调解员", "法律援助律师", "劳动争议"]) await page.getByRole("checkbox", { name }).uncheck();
    await page.getByRole("button", { name: "查找共同空闲时间" }).click();
    await expect(page.getByText(/请选择至少一个角色/)).toBeVisible();
    await expect(page.getByRole("region", { name: "2. 最早的共同空闲时间" })).toHaveCount(0);
    const suggestions = await searchSlots(page, kase.id);
    const slot = suggestions.getByRole("article").first();
    const when = (await slot.getByRole("heading").textContent())!;
    await slot.getByRole("button", { name: `预约这个时间：${when}` }).click();
    await expect(page).toHaveURL(/\/panels\/\d+\?done=booked$/);
    await expect(page.getByRole("table", { name: "会商成员" }).getByRole("row")).toHaveCount(5);
  });
});

test("@phone the panel page on a phone, in Chinese and English", async ({ page, request }, testInfo) => {
  const token = await apiToken(request, "staff@example.com");
  const kase = await fileGroupCase(request, token, "海岛渔业合作社二十名船员集体讨要工钱。");
  await login(page, "staff@example.com");
  const suggestions = await searchSlots(page, kase.id);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: `${shots}/${testInfo.project.name}-convene-small-zh.png`, fullPage: true });
  const slot = suggestions.getByRole("article").first();
  const when = (await slot.getByRole("heading").textContent())!;
  await slot.getByRole("button", { name: `预约这个时间：${when}` }).click();
  await expect(page).toHaveURL(/\/panels\/\d+\?done=booked$/);
  const panelPath = new URL(page.url()).pathname;
  await expect(page.getByRole("table", { name: "会商成员" }).getByRole("row")).toHaveCount(5);
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousViolations(page, "panel page on a phone");
  await page.screenshot({ path: `${shots}/${testInfo.project.name}-panel-small-zh.png`, fullPage: true });

  // Before it sits the minutes page says when it can be used; once it has sat, the form.
  await page.goto(`${panelPath}/minutes`);
  await expect(page.getByRole("status")).toContainText("开始后才能记录纪要");
  await sitPanel(Number(panelPath.split("/").pop()));
  await page.reload();
  await expect(page.getByRole("button", { name: "保存会商纪要" })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousViolations(page, "minutes form on a phone");
  await page.screenshot({ path: `${shots}/${testInfo.project.name}-minutes-small-zh.png`, fullPage: true });

  await page.goto(`/lang/en?next=${encodeURIComponent(panelPath)}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("3+X joint panel");
  await expect(page.getByRole("table", { name: "Members" }).getByText("Invited")).toHaveCount(4);
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousViolations(page, "panel page on a phone, English");
  await page.screenshot({ path: `${shots}/${testInfo.project.name}-panel-small-en.png`, fullPage: true });
  await page.goto("/staff/panels");
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: `${shots}/${testInfo.project.name}-list-en.png`, fullPage: true });
  // The case has its panel booked: no second one is offered, the page links to the first.
  await page.goto(`/staff/panels/new?case=${kase.id}`);
  await expect(page.getByRole("status")).toContainText("This case already has a panel booked");
  await expect(page.getByRole("status").getByRole("link", { name: "Open the panel" })).toHaveAttribute("href", panelPath);
  await expect(page.getByRole("button", { name: "Find common free times" })).toHaveCount(0);
  const another = await fileGroupCase(request, token, "同一合作社另一艘渔船的船员讨要工钱。");
  await page.goto(`/staff/panels/new?case=${another.id}`);
  await page.getByRole("button", { name: "Find common free times" }).click();
  await expect(page.getByRole("region", { name: "2. The earliest common free times" }).getByRole("article").first()).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousViolations(page, "convening in English");
  await page.screenshot({ path: `${shots}/${testInfo.project.name}-convene-en.png`, fullPage: true });
  await page.goto("/lang/zh?next=%2F");
});

/**
 * A medical panel sits on a Monday or Wednesday afternoon (the medical department's afternoons), when
 * both demo judges sit: the one not seated is the judge's only free replacement.
 */
test("@phone a member declines, staff seat a replacement, then cancel the panel with a reason", async ({ page, request }, testInfo) => {
  const followup = "/tmp/shots/panels-followup";
  fs.mkdirSync(followup, { recursive: true });
  const name = testInfo.project.name;
  const token = await apiToken(request, "staff@example.com");
  const kase = await fileGroupCase(request, token, "镇卫生院手术后多名患者家属集体投诉。", "medical");
  await login(page, "staff@example.com");
  const suggestions = await searchSlots(page, kase.id, "医疗纠纷");
  const slot = suggestions.getByRole("article").first();
  const when = (await slot.getByRole("heading").textContent())!;
  // Checked before booking, as the other tests do: a click while the page hydrates can be lost.
  await expectNoSeriousViolations(page, "medical panel suggestions");
  await slot.getByRole("button", { name: `预约这个时间：${when}` }).click();
  await expect(page).toHaveURL(/\/panels\/\d+\?done=booked$/);
  const panelPath = new URL(page.url()).pathname;

  // The judge declines by phone: staff answer for them, and the seat's replace form appears beside it.
  const members = page.getByRole("table", { name: "会商成员" });
  const judgeRow = members.getByRole("row").filter({ hasText: "法官" });
  const judge = (await judgeRow.locator('td[data-label="姓名"] span').first().textContent())!;
  await judgeRow.getByRole("button", { name: `代为婉拒：${judge}` }).click();
  await expect(page).toHaveURL(`${panelPath}?done=declined`);
  const choose = page.getByLabel(`另请人员替换 ${judge}（法官）`);
  // The placeholder and the one other judge, who is free then and not seated.
  await expect(choose.locator("option")).toHaveCount(2);
  const replacement = (await choose.locator("option").nth(1).textContent())!;
  expect(replacement).not.toContain(judge);
  await expectNoSeriousViolations(page, "panel page with a declined seat to replace");
  await page.screenshot({ path: `${followup}/${name}-replace-zh.png`, fullPage: true });
  await choose.selectOption({ index: 1 });
  await page.getByRole("button", { name: "替换", exact: true }).click();
  await expect(page).toHaveURL(`${panelPath}?done=replaced`);
  await expect(page.getByRole("status")).toHaveText("已请新成员担任这个席位，并已通知对方确认。");
  // The declined seat stays in the record; the replacement is invited in its place.
  const judges = members.getByRole("row").filter({ hasText: "法官" });
  await expect(judges).toHaveCount(2);
  await expect(judges.nth(0)).toContainText(judge);
  await expect(judges.nth(0)).toContainText("已婉拒");
  await expect(judges.nth(1)).toContainText(replacement.split(" · ")[0]);
  await expect(judges.nth(1)).toContainText("已邀请");
  await expect(page.getByRole("combobox", { name: /另请人员替换/ })).toHaveCount(0);

  // Cancelling: a reason of spaces is refused next to the field, what was typed kept; then cancelled.
  const cancel = page.getByRole("region", { name: "取消会商" });
  const reason = cancel.getByLabel("取消原因");
  await reason.fill("  ");
  await cancel.getByRole("button", { name: "取消这个会商" }).click();
  await expect(cancel.getByText("请填写取消原因（至少 2 个字）。")).toBeVisible();
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousViolations(page, "cancel form with its error");
  await reason.fill("卫生院已与患者家属达成和解，不再需要会商。");
  await cancel.getByRole("button", { name: "取消这个会商" }).click();
  await expect(page).toHaveURL(`${panelPath}?done=cancelled`);
  await expect(page.getByRole("status")).toHaveText("会商已取消，已通知每位成员。");
  await expect(page.getByRole("definition").filter({ hasText: "卫生院已与患者家属达成和解" })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "取消会商" })).toHaveCount(0);
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousViolations(page, "cancelled panel");
  await page.screenshot({ path: `${followup}/${name}-cancelled-zh.png`, fullPage: true });

  // The case page says it was cancelled and why, and offers to convene another.
  await page.goto(`/cases/${kase.id}`);
  const section = page.getByRole("region", { name: "3+X 会商" });
  await expect(section).toContainText("已取消");
  await expect(section).toContainText("卫生院已与患者家属达成和解，不再需要会商。");
  await expect(section.getByRole("link", { name: "组建 3+X 会商" })).toHaveAttribute("href", `/staff/panels/new?case=${kase.id}`);
  await expectNoSeriousViolations(page, "case page with a cancelled panel");
  await page.screenshot({ path: `${followup}/${name}-case-zh.png`, fullPage: true });

  await page.goto(`/lang/en?next=${encodeURIComponent(panelPath)}`);
  await expect(page.getByRole("term").filter({ hasText: "Reason for cancelling" })).toHaveCount(1);
  await expect(page.getByRole("table", { name: "Members" }).getByText("Declined")).toHaveCount(1);
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousViolations(page, "cancelled panel in English");
  await page.screenshot({ path: `${followup}/${name}-cancelled-en.png`, fullPage: true });
  await page.goto("/lang/zh?next=%2F");
});
