// Staff and admin pages (issue 11): the admin finds a mediator by typing in the picker (a combobox with
// JavaScript, a search box narrowing the list without), the form is empty again after an account is
// opened, every staff page says what it is (title, heading, description) in both languages, and the
// filters narrow the staff lists. axe on each page; screenshots to /tmp/shots/staff/ (phone, tablet,
// desktop; zh and en).
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations, login, uniqueEmail } from "./booking-utils";
import { expectNoHorizontalOverflow } from "./utils";

const SHOTS = "/tmp/shots/staff";
fs.mkdirSync(SHOTS, { recursive: true });

async function shot(page: Page, name: string) {
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const createForm = (page: Page) => page.getByRole("region", { name: "开设新账号" });
const nameOf = (label: string) => /^#\d+ (.+)（/.exec(label)![1];
// Every test signs in, and most run axe on several pages: more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

test("an admin finds a mediator by typing in the picker, picks it with the keyboard, and the form is empty after success", async ({
  page,
}) => {
  await login(page, "admin@example.com");
  const form = createForm(page);
  const picker = form.getByRole("combobox", { name: "关联的调解员" });
  const listbox = page.getByRole("listbox", { name: "关联的调解员" });
  // Once React runs the <select> gives way to the combobox.
  await expect(picker).toHaveAttribute("aria-autocomplete", "list");
  await picker.focus();
  await expect(picker).toHaveAttribute("aria-expanded", "true");
  const label = (await listbox.getByRole("option").nth(2).textContent())!;
  const name = nameOf(label);

  await picker.fill(name);
  const shown = await listbox.getByRole("option").allTextContents();
  expect(shown.filter((l) => !l.includes(name))).toEqual([]);
  expect(shown).toContain(label);
  await expect(form.getByRole("status").filter({ hasText: /找到 \d+ 位/ })).toHaveCount(1);
  await form.screenshot({ path: `${SHOTS}/desktop-admin-picker-open-zh.png` });
  // Arrow down to the option, Enter picks it (and does not send the form).
  const index = shown.indexOf(label);
  for (let i = 0; i <= index; i++) await picker.press("ArrowDown");
  await expect(listbox.getByRole("option", { name: label })).toHaveAttribute("aria-selected", "true");
  await picker.press("Enter");
  await expect(picker).toHaveValue(label);
  await expect(picker).toHaveAttribute("aria-expanded", "false");
  await expectNoSeriousViolations(page, "admin accounts, a mediator picked");

  await form.getByRole("textbox", { name: "姓名" }).fill("键盘选的调解员");
  await form.getByRole("textbox", { name: "电子邮箱" }).fill(uniqueEmail("picked"));
  await form.getByLabel("初始密码").fill("initial password 3");
  await form.getByRole("button", { name: "开设账号" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已开设账号" })).toContainText("已开设账号：键盘选的调解员");
  await expect(form.getByRole("textbox", { name: "姓名" })).toHaveValue("");
  await expect(form.getByRole("textbox", { name: "电子邮箱" })).toHaveValue("");
  await expect(form.getByRole("combobox", { name: "关联的调解员" })).toHaveValue("");
  await expect(page.getByRole("table").first().getByRole("row").filter({ hasText: "键盘选的调解员" })).toContainText(name);
  await shot(page, "desktop-admin-created-zh");
  await page.screenshot({ path: `${SHOTS}/desktop-admin-created-top-zh.png` });
});

test("an admin edits an account and reactivates it; each change is in the account log", async ({ page }) => {
  await login(page, "admin@example.com");
  const form = createForm(page);
  const email = uniqueEmail("mistaken");
  await form.getByRole("textbox", { name: "姓名" }).fill("开错的账号");
  await form.getByRole("textbox", { name: "电子邮箱" }).fill(email);
  await form.getByRole("radio", { name: "中心工作人员" }).check();
  await form.getByLabel("初始密码").fill("initial password 4");
  await form.getByRole("button", { name: "开设账号" }).click();
  const row = page.getByRole("table").first().getByRole("row").filter({ hasText: email });
  await row.getByRole("link", { name: "编辑 开错的账号 的账号" }).click();
  const edit = page.getByRole("region", { name: "编辑账号：开错的账号" });
  await edit.getByRole("textbox", { name: "姓名" }).fill("改对的名字");
  await edit.getByRole("textbox", { name: /手机号码/ }).fill("+86 139 0000 1234");
  await expectNoSeriousViolations(page, "admin accounts, editing");
  await shot(page, "desktop-admin-edit-zh");
  await edit.screenshot({ path: `${SHOTS}/desktop-admin-edit-form-zh.png` });
  await edit.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toHaveText("已保存 改对的名字 的账号修改。");
  const fixed = page.getByRole("table").first().getByRole("row").filter({ hasText: email });
  await fixed.getByRole("button", { name: "停用" }).click();
  await page.getByRole("table").first().getByRole("row").filter({ hasText: email }).getByRole("button", { name: "恢复" }).click();
  const log = page.getByRole("region", { name: "账号变动记录" });
  await expect(log.getByRole("row").filter({ hasText: "改对的名字" }).first()).toContainText("恢复");
  await expect(log.getByRole("row").filter({ hasText: "编辑账号" }).first()).toContainText("姓名、手机号");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the admin's search box narrows the mediator list; the account opens and the form comes back empty", async ({ page }) => {
    await login(page, "admin@example.com");
    const form = createForm(page);
    const select = form.getByRole("combobox", { name: "关联的调解员" });
    const all = await select.locator("option").count();
    const label = (await select.locator("option").nth(3).textContent())!;
    const name = nameOf(label);
    await form.getByRole("searchbox", { name: "查找调解员" }).fill(name);
    await form.getByRole("button", { name: "查找" }).click();
    await expect(page).toHaveURL(/[?&]find=/);
    const narrowed = await select.locator("option").allTextContents();
    expect(narrowed.slice(1).filter((l) => !l.includes(name))).toEqual([]);
    expect(narrowed.length).toBeLessThan(all);
    // No axe here: it runs as a script in the page, which this context does not allow.
    await shot(page, "desktop-admin-nojs-find-zh");
    await form.screenshot({ path: `${SHOTS}/desktop-admin-nojs-form-zh.png` });

    await form.getByRole("textbox", { name: "姓名" }).fill("无脚本开的账号");
    await form.getByRole("textbox", { name: "电子邮箱" }).fill(uniqueEmail("nojs"));
    await form.getByRole("radio", { name: "调解员" }).check();
    await select.selectOption({ label });
    await form.getByLabel("初始密码").fill("initial password 5");
    await form.getByRole("button", { name: "开设账号" }).click();
    await expect(page).toHaveURL(/\?created=\d+$/);
    await expect(page.getByRole("status").filter({ hasText: "已开设账号" })).toContainText("已开设账号：无脚本开的账号");
    await expect(form.getByRole("textbox", { name: "姓名" })).toHaveValue("");
  });

  test("the staff's booking filters work as a plain GET form", async ({ page }) => {
    await login(page, "staff@example.com");
    await page.goto("/bookings");
    const filters = page.getByRole("form", { name: "筛选" });
    await filters.getByRole("combobox", { name: "状态" }).selectOption("confirmed");
    await filters.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/status=confirmed/);
    const badges = await page.locator(".booking-card-head > span.status-badge:first-of-type").allTextContents();
    expect(badges.filter((b) => b !== "已确认")).toEqual([]);
  });
});

const STAFF_PAGES = [
  { path: "/bookings", zh: ["全部预约（中心）", "全部预约"], en: ["All bookings (centre)", "All bookings"] },
  { path: "/staff/cases", zh: ["案件队列", "案件队列"], en: ["Case queue", "Case queue"] },
  { path: "/staff/notifications", zh: ["通知记录", "通知记录（发件箱）"], en: ["Notifications", "Notifications (outbox)"] },
  { path: "/staff/dashboard", zh: ["中心数据看板", "中心数据看板"], en: ["Centre dashboard", "The centre's figures"] },
] as const;

test("every staff page says what it is: its own title, heading and description, in both languages", async ({ page }) => {
  await login(page, "staff@example.com");
  for (const lang of ["zh", "en"] as const) {
    await page.goto(`/lang/${lang}?next=/`);
    const site = lang === "zh" ? "调解点单" : "Order-a-Mediator";
    for (const p of STAFF_PAGES) {
      await page.goto(p.path);
      await expect(page).toHaveTitle(`${p[lang][0]} · ${site}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(p[lang][1]);
      await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.{12,}/);
      await expectNoSeriousViolations(page, `${p.path} (${lang})`);
    }
  }
  await page.goto("/lang/zh?next=/");
});

test("the filters narrow the staff lists, say how many, and a wrong filter is a 400 with a message", async ({ page }) => {
  await login(page, "staff@example.com");
  await page.goto("/bookings");
  const count = async () => Number(/共 (\d+) 个预约/.exec((await page.locator(".queue-count").textContent()) ?? "")![1]);
  const all = await count();
  const filters = page.getByRole("form", { name: "筛选" });
  const status = filters.getByRole("combobox", { name: "状态" });
  const optionCount = (text: string | null) => Number(/（(\d+)）$/.exec(text ?? "")![1]);
  const pendingCount = optionCount(await status.locator('option[value="pending"]').textContent());
  await status.selectOption("pending");
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/status=pending/);
  expect(await count()).toBe(pendingCount);
  const badges = await page.locator(".booking-card-head > span.status-badge:first-of-type").allTextContents();
  expect(badges.filter((b) => b !== "待确认")).toEqual([]);
  // The mediator with the fewest bookings (the demo's bookings are spread over several): fewer rows, all theirs.
  const mediator = page.getByRole("form", { name: "筛选" }).getByRole("combobox", { name: "调解员" });
  const fewest = mediator.locator("option").last();
  const [label, value] = [(await fewest.textContent())!, (await fewest.getAttribute("value"))!];
  await mediator.selectOption(value);
  await page.getByRole("form", { name: "筛选" }).getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`mediator=${value}`));
  expect([await count(), optionCount(label) < all]).toEqual([optionCount(label), true]);
  const names = await page.locator(".booking-card .inline-facts > div:first-child dd").allTextContents();
  expect(names.filter((n) => n !== label.replace(/（\d+）$/, ""))).toEqual([]);
  await shot(page, "desktop-bookings-filtered-zh");

  await page.goto("/staff/cases");
  const caseFilters = page.getByRole("form", { name: "筛选" });
  const town = caseFilters.getByRole("combobox", { name: "镇街" });
  const townOption = (await town.locator('option[value="dongji"]').textContent())!;
  await town.selectOption("dongji");
  await caseFilters.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByRole("status").filter({ hasText: /共 \d+ 件/ })).toHaveText(`共 ${/（(\d+)）/.exec(townOption)![1]} 件`);
  await shot(page, "desktop-cases-filtered-zh");

  const bad = await page.goto("/bookings?from=2026-02-30&status=lost");
  expect(bad?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("“日期从”不是有效日期");
  await expect(page.getByRole("alert")).toContainText("状态不在可选范围内");
  await expectNoSeriousViolations(page, "bookings with a wrong filter");
  await shot(page, "desktop-bookings-bad-filter-zh");
});

test("desktop and tablet pictures of the staff pages, zh and en", async ({ page }) => {
  await login(page, "admin@example.com");
  for (const lang of ["zh", "en"] as const) {
    await page.goto(`/lang/${lang}?next=/`);
    for (const [w, h, size] of [
      [1280, 900, "desktop"],
      [820, 1100, "tablet"],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto("/admin/accounts");
      await shot(page, `${size}-admin-accounts-${lang}`);
      await page.goto("/bookings");
      await shot(page, `${size}-bookings-${lang}`);
      await page.goto("/staff/cases");
      await shot(page, `${size}-cases-${lang}`);
    }
  }
  await page.goto("/lang/zh?next=/");
});

// On a phone the admin page is long (the pool members without an account): its top and the form are
// pictured, the lists whole.
test("@phone the picker and the staff lists on a 375 px phone (zh)", async ({ page }) => {
  await login(page, "admin@example.com");
  const picker = createForm(page).getByRole("combobox", { name: "关联的调解员" });
  await expect(picker).toHaveAttribute("aria-autocomplete", "list");
  await picker.fill("l");
  await expect(page.getByRole("listbox", { name: "关联的调解员" }).getByRole("option").first()).toBeVisible();
  await expectNoSeriousViolations(page, "admin accounts on a phone, the picker open");
  await expectNoHorizontalOverflow(page);
  await createForm(page).screenshot({ path: `${SHOTS}/phone-admin-picker-form-zh.png` });
  await picker.press("Escape");
  await page.goto("/bookings?status=pending");
  await expect(page).toHaveTitle("全部预约（中心） · 调解点单");
  await expectNoSeriousViolations(page, "staff bookings on a phone");
  await shot(page, "phone-bookings-zh");
  await page.goto("/staff/cases?town=dongji");
  await shot(page, "phone-cases-zh");
});

test("@phone the admin page and the staff lists on a 375 px phone (en)", async ({ page }) => {
  await login(page, "admin@example.com");
  await page.goto("/lang/en?next=/admin/accounts");
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: `${SHOTS}/phone-admin-accounts-top-en.png` });
  await page.goto("/bookings");
  await expect(page).toHaveTitle("All bookings (centre) · Order-a-Mediator");
  await shot(page, "phone-bookings-en");
  await page.goto("/staff/cases");
  await shot(page, "phone-cases-en");
  await page.goto("/lang/zh?next=/");
});
