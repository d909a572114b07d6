// The admin's roles page (/admin/roles, ADR 038): without JavaScript the admin finds a person outside the
// public pool with the picker's search box, grants a role, reads the notice and the holder in the role's
// list, then removes it again (the demo data is left as it was: other specs share the database); a
// department without its category is refused with the field named. axe in zh and en; a phone picture.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations, login } from "./booking-utils";
import { expectNoHorizontalOverflow } from "./utils";

const SHOTS = "/tmp/shots/roles";
fs.mkdirSync(SHOTS, { recursive: true });

const grantForm = (page: Page) => page.getByRole("region", { name: "授予角色" });
const roleList = (page: Page, role: string) => page.getByRole("region", { name: new RegExp(`^${role} `) });
const nameOf = (label: string) => /^#\d+ (.+)（/.exec(label)![1];
test.describe.configure({ timeout: 120_000 });

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the admin grants a person outside the pool a role and removes it again", async ({ page }) => {
    await login(page, "admin@example.com");
    await page.getByRole("navigation", { name: "账号" }).getByRole("link", { name: "人员角色" }).click();
    await expect(page).toHaveURL(/\/admin\/roles$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("中心人员角色");
    const form = grantForm(page);
    const person = form.getByRole("combobox", { name: "人员" });
    // A judge, lawyer or department representative: none of them is a chief mediator in the demo.
    const label = (await person.locator("option", { hasText: "不在公开库" }).first().textContent())!;
    const name = nameOf(label);
    await expect(roleList(page, "首席调解员").getByRole("row", { name: new RegExp(name) })).toHaveCount(0);

    await form.getByRole("searchbox", { name: "查找调解员" }).fill(name);
    await form.getByRole("button", { name: "查找" }).click();
    await expect(page).toHaveURL(/[?&]find=/);
    const narrowed = await person.locator("option").allTextContents();
    expect(narrowed.slice(1).filter((l) => !l.includes(name))).toEqual([]);

    // A department without its category: the field is named, nothing is granted.
    await form.getByRole("combobox", { name: "角色" }).selectOption({ label: "职能部门代表" });
    await person.selectOption({ label });
    await form.getByRole("button", { name: "授予" }).click();
    await expect(page.getByRole("alert")).toContainText("纠纷类型（仅职能部门代表）：职能部门代表必须选择纠纷类型。");
    await expect(form.getByRole("combobox", { name: "人员" })).toHaveValue(/\d+/);

    await form.getByRole("combobox", { name: "角色" }).selectOption({ label: "首席调解员" });
    await form.getByRole("combobox", { name: /^纠纷类型/ }).selectOption({ label: "不选" });
    await form.getByRole("combobox", { name: "人员" }).selectOption({ label });
    await form.getByRole("button", { name: "授予" }).click();
    await expect(page).toHaveURL(/\?granted=\d+&role=chief-mediator$/);
    await expect(page.getByRole("status").filter({ hasText: "已将" })).toHaveText(`已将“首席调解员”角色授予${name}。`);
    const row = roleList(page, "首席调解员").getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("不在公开库");
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/desktop-granted-nojs-zh.png`, fullPage: true });

    await row.getByRole("button", { name: `移除${name}的“首席调解员”角色` }).click();
    await expect(page).toHaveURL(/\?removed=\d+&role=chief-mediator$/);
    await expect(page.getByRole("status").filter({ hasText: "已移除" })).toHaveText(`已移除${name}的“首席调解员”角色。`);
    await expect(roleList(page, "首席调解员").getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
  });
});

test("the roles page passes axe in zh and en, the picker typed into", async ({ page }) => {
  await login(page, "admin@example.com");
  await page.goto("/admin/roles");
  const picker = grantForm(page).getByRole("combobox", { name: "人员" });
  await expect(picker).toHaveAttribute("aria-autocomplete", "list");
  await grantForm(page).getByRole("combobox", { name: "角色" }).selectOption({ label: "职能部门代表" });
  await expect(grantForm(page).getByRole("combobox", { name: /^纠纷类型/ })).toBeVisible();
  await picker.fill("l");
  await expect(page.getByRole("listbox", { name: "人员" }).getByRole("option").first()).toBeVisible();
  await expectNoSeriousViolations(page, "admin roles (zh), the picker open");
  await picker.press("Escape");

  await page.goto("/lang/en?next=/admin/roles");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The centre's people roles");
  await expect(page).toHaveTitle("People's roles · Order-a-Mediator");
  await expect(page.getByRole("region", { name: /^Pre-litigation guiding judge / })).toBeVisible();
  await expectNoSeriousViolations(page, "admin roles (en)");
  await page.goto("/lang/zh?next=/");
});

test("@phone the roles page on a 375 px phone (zh)", async ({ page }) => {
  await login(page, "admin@example.com");
  await page.goto("/admin/roles");
  await expect(grantForm(page).getByRole("combobox", { name: "人员" })).toHaveAttribute("aria-autocomplete", "list");
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousViolations(page, "admin roles on a phone");
  await grantForm(page).screenshot({ path: `${SHOTS}/phone-grant-form-zh.png` });
  await page.screenshot({ path: `${SHOTS}/phone-roles-zh.png`, fullPage: true });
});
