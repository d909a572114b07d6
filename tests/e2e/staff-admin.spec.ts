// Centre staff read the notification outbox (what would have been sent); an admin opens accounts.
import { expect, test } from "@playwright/test";
import { DEMO_MEDIATOR_ID, bookSlot, firstSlot, login, logout, uniqueEmail } from "./booking-utils";

test("staff see a booking's notifications in the outbox, newest first; parties get 403", async ({ page, request }) => {
  // Messages go out in the recipient's language: the demo mediator reads Chinese here, whatever an
  // earlier spec chose on that account.
  await login(page, "mediator@example.com");
  await page.goto("/lang/zh?next=/dashboard");
  await logout(page);
  await login(page, "party@example.com");
  await page.goto("/lang/zh?next=/");
  const slot = await firstSlot(request, DEMO_MEDIATOR_ID, "online");
  const id = await bookSlot(page, `/mediators/${DEMO_MEDIATOR_ID}/book`, slot, {
    mode: "online",
    modeLabel: "线上调解",
    summary: "通知发件箱测试。",
  });
  // The case number is what people see and say; the messages carry it.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/普调〔\d{4}〕\d{5}号/);
  const heading = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  const number = /普调〔\d{4}〕\d{5}号/.exec(heading)![0];
  const response = await page.goto("/staff/notifications");
  expect(response?.status()).toBe(403);
  await page.goto("/bookings");
  await logout(page);

  await login(page, "staff@example.com");
  await expect(page).toHaveURL("/staff/notifications");
  const table = page.getByRole("table");
  for (const column of ["时间", "渠道", "收件人", "主题", "内容", "发送状态"]) {
    await expect(table.getByRole("columnheader", { name: column })).toBeVisible();
  }
  const rows = table.getByRole("row").filter({ hasText: number });
  // To the mediator's account, and to the party by email and by text (the demo party has a phone).
  // Subjects say what and when in words (the case number is in the body the row also shows).
  await expect(rows.filter({ hasText: "mediator@example.com" })).toContainText("新的调解预约：");
  await expect(rows.filter({ hasText: "party@example.com" })).toContainText("预约已提交：");
  // The text message is one segment: no case number, but the short link to this booking.
  const texts = table.getByRole("row").filter({ hasText: "短信" }).filter({ hasText: new RegExp(`/b/${id}(?!\\d)`) });
  await expect(texts).toHaveCount(1);
  // Newest first: this booking's rows come before any other.
  const firstRow = table.locator("tbody tr").first();
  await expect(firstRow).toContainText(new RegExp(`${number}|/b/${id}(?!\\d)`));
  // The subject links to the booking, which staff may read (with the party's name).
  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(`/bookings/${id}`);
  await expect(page.getByRole("link", { name: "← 返回全部预约" })).toBeVisible();
  await expect(page.getByRole("region", { name: "预约信息" })).toContainText("王海燕");
  // Staff read bookings but do not change them: no forms, and a post is refused.
  await expect(page.getByRole("region", { name: "取消预约" })).toHaveCount(0);
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const post = await page.request.post(`/bookings/${id}`, {
    form: { csrf, intent: "cancel", reason: "工作人员不能取消" },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(403);
  await page.reload();
  await expect(page.locator(".status-badge")).toHaveText("待确认");
});

test("an admin opens a staff account and it can sign in", async ({ page }) => {
  const email = uniqueEmail("staff");
  await login(page, "admin@example.com");
  await expect(page).toHaveURL("/admin/accounts");
  const form = page.getByRole("region", { name: "开设新账号" });
  await form.getByRole("textbox", { name: "姓名" }).fill("新同事");
  await form.getByRole("textbox", { name: "电子邮箱" }).fill(email);
  await form.getByRole("radio", { name: "中心工作人员" }).check();
  // The mediator picker is only for mediator accounts.
  await expect(form.getByRole("combobox", { name: "关联的调解员" })).toHaveCount(0);
  await form.getByLabel("初始密码").fill("initial password 1");
  await form.getByRole("button", { name: "开设账号" }).click();
  // Post/Redirect/Get: the notice names the account and the form is empty again.
  await expect(page.getByRole("status").filter({ hasText: "已开设账号" })).toContainText("已开设账号：新同事");
  await expect(form.getByRole("textbox", { name: "姓名" })).toHaveValue("");
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: email })).toContainText("中心工作人员");
  await logout(page);

  await login(page, email, "initial password 1");
  await expect(page).toHaveURL("/staff/notifications");
  await expect(page.getByRole("navigation", { name: "账号" })).toContainText("新同事");
});

test("an admin links a new mediator account to a mediator; errors name the field", async ({ page }) => {
  const email = uniqueEmail("mediator");
  await login(page, "admin@example.com");
  const form = page.getByRole("region", { name: "开设新账号" });
  await form.getByRole("textbox", { name: "姓名" }).fill("新调解员账号");
  await form.getByRole("textbox", { name: "电子邮箱" }).fill(email);
  await form.getByRole("radio", { name: "调解员" }).check();
  await form.getByLabel("初始密码").fill("initial password 2");
  await form.getByRole("button", { name: "开设账号" }).click();
  const picker = form.getByRole("combobox", { name: "关联的调解员" });
  await expect(picker).toHaveAttribute("aria-invalid", "true");
  await expect(picker).toHaveAccessibleDescription(/调解员账号必须关联一位调解员/);

  // The picker is a combobox: typing narrows it, a click on a match picks it.
  await picker.fill("");
  const option = page.getByRole("listbox", { name: "关联的调解员" }).getByRole("option").first();
  const label = (await option.textContent())!;
  const mediatorId = Number(/^#(\d+)/.exec(label)![1]);
  await picker.fill(`#${mediatorId}`);
  await page.getByRole("option", { name: label }).click();
  await expect(picker).toHaveValue(label);
  await form.getByLabel("初始密码").fill("initial password 2");
  await form.getByRole("button", { name: "开设账号" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已开设账号" })).toContainText("已开设账号：新调解员账号");
  // That mediator is no longer offered.
  await form.getByRole("combobox", { name: "关联的调解员" }).fill(`#${mediatorId}`);
  await expect(form.getByRole("status").filter({ hasText: "没有找到调解员" })).toHaveCount(1);
  await expect(page.getByRole("listbox", { name: "关联的调解员" }).getByRole("option")).toHaveCount(0);
  await logout(page);

  await login(page, email, "initial password 2");
  await expect(page).toHaveURL("/dashboard");
  await page.getByRole("link", { name: "我的公开主页" }).click();
  await expect(page).toHaveURL(`/mediators/${mediatorId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(label.replace(/^#\d+ /, "").replace(/（.*$/, ""));
});
