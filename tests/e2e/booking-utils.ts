// Helpers for the account and booking tests. Slots always come from the running site's slots API
// (never hard-coded dates: the calendar moves with the clock), and every test signs in by itself.
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo12345";
/** The demo mediator account is linked to this mediator (the first senior mediator). */
export const DEMO_MEDIATOR_ID = 1;

export interface Slot {
  start: string;
  end: string;
  modes: string[];
  towns: string[];
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.com`;
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function logout(page: Page) {
  await page.getByRole("navigation", { name: "账号" }).getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login\?notice=logged-out/);
  await expect(page.getByRole("status")).toContainText("您已退出登录");
}

export async function slotsOf(
  request: APIRequestContext,
  kind: "mediators" | "committees",
  id: number,
  params: Record<string, string> = {},
): Promise<Slot[]> {
  const qs = new URLSearchParams(params);
  const response = await request.get(`/api/v1/${kind}/${id}/slots?${qs}`);
  expect(response.ok(), `slots of ${kind}/${id}`).toBe(true);
  return ((await response.json()) as { slots: Slot[] }).slots;
}

/** The first free slot in the default two weeks that offers `mode`. */
export async function firstSlot(
  request: APIRequestContext,
  id: number,
  mode: string,
  kind: "mediators" | "committees" = "mediators",
): Promise<Slot> {
  const slots = await slotsOf(request, kind, id, { mode });
  expect(slots.length, `a free ${mode} slot of ${kind}/${id} in the next two weeks`).toBeGreaterThan(0);
  return slots[0];
}

/** The radio of a slot on a booking page. */
export const slotRadio = (page: Page, slot: Pick<Slot, "start">) => page.locator(`input[type="radio"][value="${slot.start}"]`);

/** Books `slot` from the mediator's booking page with the mouse; returns the new booking's id. */
export async function bookSlot(
  page: Page,
  path: string,
  slot: Slot,
  details: { mode: string; modeLabel: string; category?: string; summary: string; counterparty?: string },
): Promise<number> {
  await page.goto(path);
  await slotRadio(page, slot).check();
  await page.getByRole("group", { name: "调解方式" }).getByRole("radio", { name: details.modeLabel, exact: true }).check();
  const category = page.getByRole("combobox", { name: "纠纷类型" });
  if (details.category) await category.selectOption(details.category);
  else await category.selectOption({ index: 1 });
  await page.getByRole("textbox", { name: "纠纷情况" }).fill(details.summary);
  if (details.counterparty) await page.getByRole("textbox", { name: "对方当事人姓名（选填）" }).fill(details.counterparty);
  await page.getByRole("button", { name: "提交预约" }).click();
  await expect(page).toHaveURL(/\/bookings\/\d+\?created=1$/);
  return Number(/\/bookings\/(\d+)/.exec(page.url())![1]);
}

/** "12月1日 周二" for a slot's start, as the pages print it. */
export function dayLabel(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  const weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${weekdays[d.getUTCDay()]}`;
}

/** "09:00–10:30". */
export function timeRange(slot: Pick<Slot, "start" | "end">): string {
  return `${slot.start.slice(11, 16)}–${slot.end.slice(11, 16)}`;
}

/** A bearer token for API calls made by a test (setup and clean-up, not what is under test). */
export async function apiToken(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await request.post("/api/v1/auth/token", { data: { email, password } });
  expect(response.ok(), `token for ${email}`).toBe(true);
  return ((await response.json()) as { token: string }).token;
}

/** axe with the WCAG 2.1 A/AA and best-practice rules: nothing serious or critical. */
export async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  expect(serious, what).toEqual([]);
}
