// The sea (issue 9): staff declare a ferry suspension on /staff/sea and see the on-site session it
// catches (the mediator would have to cross to an island town), with its party offered the same time
// online; the party, on a phone with JavaScript off, accepts it on the booking page and the session is
// online at the same time. Data comes from the running site's APIs (no dates written in the test).
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiToken, expectNoSeriousViolations, login, uniqueEmail, type Slot } from "./booking-utils";
import { expectNoHorizontalOverflow } from "./utils";

const dir = path.join(import.meta.dirname, "screenshots");
const ISLANDS = ["liuheng", "taohua", "xiazhi", "dongji", "putuoshan"];
const ISLAND_ZH: Record<string, string> = {
  liuheng: "六横镇",
  taohua: "桃花镇",
  xiazhi: "虾峙镇",
  dongji: "东极镇",
  putuoshan: "普陀山镇",
};

/** A demo mediator who works online and has a free on-site slot in an island town (not the first: other tests book it). */
async function islandSlot(request: APIRequestContext): Promise<{ mediatorId: number; slot: Slot; town: string }> {
  for (let id = 2; id <= 60; id++) {
    const profile = await request.get(`/api/v1/mediators/${id}`);
    if (!profile.ok()) continue;
    const modes = ((await profile.json()) as { modes: string[] }).modes;
    if (!modes.includes("online")) continue;
    const res = await request.get(`/api/v1/mediators/${id}/slots?mode=onsite`);
    const slots = ((await res.json()) as { slots: Slot[] }).slots;
    // A day ahead at least, so the minimum notice never gets in the way while the test runs.
    const slot = slots.find((s) => Date.parse(s.start) > Date.now() + 86_400_000 && s.towns.some((t) => ISLANDS.includes(t)));
    if (slot) return { mediatorId: id, slot, town: slot.towns.find((t) => ISLANDS.includes(t))! };
  }
  throw new Error("no demo mediator with an on-site island slot who works online");
}

test("@phone staff declare a sea suspension; the party accepts the same time online without JavaScript", async ({
  page,
  request,
  browser,
}, testInfo) => {
  const { mediatorId, slot, town } = await islandSlot(request);
  const email = uniqueEmail("sea-party");
  const registered = await request.post("/api/v1/auth/register", { data: { email, password: "sea-party-1", name: "海岛当事人" } });
  expect(registered.status()).toBe(201);
  const token = await apiToken(request, email, "sea-party-1");
  const made = await request.post("/api/v1/bookings", {
    headers: { Authorization: `Bearer ${token}` },
    data: { mediatorId, start: slot.start, mode: "onsite", town, category: "maritime-fishery", summary: "渔船停靠费用纠纷，需上岛调解。" },
  });
  expect(made.status(), await made.text()).toBe(201);
  const booking = (await made.json()) as { id: number; caseNumber: string };

  // Staff declare: the town's ferries stop for the whole day of the session (Beijing time).
  await login(page, "staff@example.com");
  await page.getByRole("navigation", { name: "账号" }).getByRole("link", { name: "停航" }).click();
  await expect(page).toHaveURL("/staff/sea");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("海上停航");
  const day = new Date(Date.parse(slot.start) + 8 * 3_600_000).toISOString().slice(0, 10);
  const form = page.getByRole("region", { name: "登记停航" });
  // Errors first: no town, an end before the start.
  await form.getByLabel("开始时间（北京时间）").fill(`${day}T12:00`);
  await form.getByLabel("结束时间（北京时间）").fill(`${day}T08:00`);
  await form.getByRole("button", { name: "登记并通知" }).click();
  await expect(page.getByRole("alert")).toContainText("请至少选择一个停航的海岛镇");
  await expect(form.getByLabel("结束时间（北京时间）")).toHaveAccessibleDescription(/结束时间必须晚于开始时间/);
  await form.getByRole("checkbox", { name: ISLAND_ZH[town] }).check();
  await form.getByLabel("开始时间（北京时间）").fill(`${day}T00:00`);
  await form.getByLabel("结束时间（北京时间）").fill(`${day}T23:59`);
  await form.getByLabel("说明（选填）").fill("9 级大风，航线停航。");
  await form.getByRole("button", { name: "登记并通知" }).click();
  await expect(page).toHaveURL(/\/staff\/sea\?done=declared&n=\d+$/);
  await expect(page.getByRole("status")).toContainText("已登记停航");
  const card = page.locator(".sea-session", { has: page.locator(`a[href="/bookings/${booking.id}"]`) }).first();
  await expect(card).toContainText("调解员");
  await expect(card).toContainText("同一时间线上");
  await expect(card).toContainText("等待当事人选择");
  await expectNoSeriousViolations(page, "/staff/sea after declaring");
  await page.screenshot({ path: path.join(dir, `${testInfo.project.name}-sea-staff.png`), fullPage: true });

  // The party, on a phone: first as the page is with JavaScript (for axe, which runs in the page).
  const phoneOptions = {
    viewport: { width: 375, height: 740 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    baseURL: testInfo.project.use.baseURL,
  };
  const withJs = await browser.newContext(phoneOptions);
  const look = await withJs.newPage();
  await login(look, email, "sea-party-1");
  await look.goto(`/bookings/${booking.id}`);
  await expect(look.getByRole("region", { name: "因停航，可改为线上调解" })).toBeVisible();
  await expectNoHorizontalOverflow(look);
  await expectNoSeriousViolations(look, "booking with the sea offer, phone");
  await look.screenshot({ path: path.join(dir, `${testInfo.project.name}-sea-offer-phone.png`), fullPage: true });
  // In English too.
  await look.getByRole("link", { name: "Switch language to English" }).click();
  const english = look.getByRole("region", { name: "Ferries suspended: this session can move online" });
  await expect(english).toContainText("The mediator would have to cross the water");
  await expect(english.getByRole("button", { name: "Move online (same time)" })).toBeVisible();
  await expectNoSeriousViolations(look, "booking with the sea offer, phone, English");
  await look.screenshot({ path: path.join(dir, `${testInfo.project.name}-sea-offer-phone-en.png`), fullPage: true });
  await withJs.close();

  // Then with JavaScript off: the answer is a plain form post.
  const phone = await browser.newContext({ ...phoneOptions, javaScriptEnabled: false });
  const party = await phone.newPage();
  await login(party, email, "sea-party-1");
  await party.goto(`/bookings/${booking.id}`);
  const panel = party.getByRole("region", { name: "因停航，可改为线上调解" });
  await expect(panel).toContainText(`因大风停航：${ISLAND_ZH[town]}`);
  await expect(panel).toContainText("调解员需要过海");
  await expect(panel).toContainText("预约没有取消");
  await panel.getByRole("button", { name: "改为线上调解（时间不变）" }).click();
  await expect(party).toHaveURL(`/bookings/${booking.id}?done=sea-moved-online`);
  await expect(party.getByRole("region", { name: "因停航，可改为线上调解" })).toHaveCount(0);
  const after = party.getByRole("region", { name: "海上停航" });
  await expect(after.getByRole("status")).toContainText("已改为线上调解，时间不变");
  await expect(after).toContainText("当前：已改为线上调解");
  await expect(party.getByRole("region", { name: "预约信息" })).toContainText("线上");
  await party.screenshot({ path: path.join(dir, `${testInfo.project.name}-sea-moved-online-phone.png`), fullPage: true });
  await phone.close();

  // Staff see what the party chose.
  await page.reload();
  await expect(page.locator(".sea-session", { has: page.locator(`a[href="/bookings/${booking.id}"]`) }).first()).toContainText(
    "已改为线上调解",
  );

  // The staff page in English.
  await page.goto(`/lang/en?next=${encodeURIComponent("/staff/sea")}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ferry suspensions");
  await expect(page.locator(".sea-session", { has: page.locator(`a[href="/bookings/${booking.id}"]`) }).first()).toContainText(
    "Moved online",
  );
  await expectNoSeriousViolations(page, "/staff/sea in English");
  await page.screenshot({ path: path.join(dir, `${testInfo.project.name}-sea-staff-en.png`), fullPage: true });
});
