// Messages that say something (issue 11): after a booking the staff's outbox shows the party's and the
// mediator's messages with the time in words (Beijing time), the place and the link, no slugs; the
// calendar file is there right after the request (tentative); a mediator makes a private calendar feed
// address, a calendar reads it, and it stops once turned off. Screenshots in /tmp/shots/messages/.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { whenWords } from "../../app/i18n/when";
import { apiToken, expectNoSeriousViolations, login, logout, slotsOf, uniqueEmail } from "./booking-utils";

const SHOTS = "/tmp/shots/messages";
/** The outbox is long (newest first): its first screen holds this booking's messages. */
async function shot(page: Page, project: string, name: string, fullPage = true) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${project}-${name}.png`), fullPage });
}

/** Mediator 7: not the demo account's mediator 1, nor the 2 and 3 other specs book. */
const MEDIATOR_ID = 7;
// Two sign-ins, axe four times and full-page screenshots: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

/** A new party books mediator 7's first time at least two days ahead (past any answer deadline rule). */
async function bookAsNewParty(request: APIRequestContext) {
  const email = uniqueEmail("messages-party");
  const name = `消息当事人${Date.now() % 10000}`;
  const registered = await request.post("/api/v1/auth/register", { data: { email, password: "messages-party-1", name } });
  expect(registered.status(), await registered.text()).toBe(201);
  const token = await apiToken(request, email, "messages-party-1");
  const slots = await slotsOf(request, "mediators", MEDIATOR_ID);
  const slot = slots.find((s) => Date.parse(s.start) > Date.now() + 48 * 3_600_000)!;
  expect(slot, "a free time of mediator 7 two days ahead").toBeDefined();
  const mode = slot.modes.includes("centre") ? "centre" : slot.modes[0];
  const made = await request.post("/api/v1/bookings", {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      mediatorId: MEDIATOR_ID,
      start: slot.start,
      mode,
      ...(mode === "onsite" ? { town: slot.towns[0] } : {}),
      category: "labour",
      summary: "老板拖欠两个月工资，想请调解员帮忙。",
    },
  });
  expect(made.status(), await made.text()).toBe(201);
  const booking = (await made.json()) as { id: number; caseNumber: string; mediatorName: string };
  return { email, name, booking, start: Date.parse(slot.start), mode };
}

test("@phone after a booking the outbox says what, when in words, where and the link; the .ics is there at once", async ({
  page,
  request,
}, testInfo) => {
  const project = testInfo.project.name;
  const { email, name, booking, start } = await bookAsNewParty(request);

  // The party's booking page offers the calendar file straight away, as a tentative event.
  await login(page, email, "messages-party-1");
  await page.goto(`/bookings/${booking.id}`);
  const icsLink = page.getByRole("link", { name: "下载日历文件（.ics）" });
  await expect(icsLink).toBeVisible();
  const ics = await page.request.get(`/api/v1/bookings/${booking.id}/calendar.ics`);
  expect(ics.status()).toBe(200);
  const file = (await ics.text()).replace(/\r\n /g, "");
  expect(file).toContain("STATUS:TENTATIVE");
  expect(file).toContain(`URL:http://localhost:3000/bookings/${booking.id}`);
  expect(file).toContain("TRIGGER:-PT2H");
  await logout(page);

  // The staff's outbox: the party's e-mail and text, the mediator's request, in words.
  await login(page, "staff@example.com");
  await page.goto("/staff/notifications");
  const when = whenWords(start, "zh");
  expect(when).toMatch(/^\d+月\d+日（周.）(凌晨|上午|中午|下午|晚上)\d+:\d\d$/);
  const toParty = page.getByRole("row").filter({ hasText: email });
  await expect(toParty).toHaveCount(1);
  await expect(toParty).toContainText(`预约已提交：${when}，${booking.mediatorName}`);
  await expect(toParty).toContainText(`查看、改期或取消：http://localhost:3000/bookings/${booking.id}`);
  await expect(toParty).toContainText("人民调解不收费");
  const request_ = page.getByRole("row").filter({ hasText: `新的调解预约：${when}，${name}` });
  await expect(request_.first()).toContainText(`（${booking.caseNumber}）`);
  await expect(request_.first()).toContainText(`前确认或婉拒：http://localhost:3000/bookings/${booking.id}`);
  const table = page.getByRole("table");
  await expect(table).not.toContainText("(online)");
  await expect(table).not.toContainText("（线上）");
  await expect(table).not.toContainText("undefined");
  await expectNoSeriousViolations(page, "outbox zh");
  await toParty.scrollIntoViewIfNeeded();
  await shot(page, project, "outbox-zh", false);

  // In English the page's own words change; each message stays in its recipient's language.
  await page.goto("/lang/en?next=/staff/notifications");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifications (outbox)");
  await expect(toParty).toContainText(`预约已提交：${when}`);
  await expectNoSeriousViolations(page, "outbox en");
  await toParty.scrollIntoViewIfNeeded();
  await shot(page, project, "outbox-en", false);
  // The demo staff account keeps its language for the specs after this one.
  await page.goto("/lang/zh?next=/staff/notifications");
});

test("@phone a mediator makes a private calendar feed address, a calendar reads it, and it stops once turned off", async ({
  page,
}, testInfo) => {
  const project = testInfo.project.name;
  await login(page, "mediator@example.com");
  await page.goto("/account");
  const section = page.getByRole("region", { name: "日历订阅" });
  await expect(section).toBeVisible();
  await expectNoSeriousViolations(page, "account with the feed section");
  await section.getByRole("link", { name: "管理日历订阅" }).click();
  await expect(page).toHaveURL("/calendar/feed");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("日历订阅");

  await page.getByRole("button", { name: /^生成(新的)?订阅地址/ }).click();
  const field = page.getByRole("textbox", { name: "订阅地址" });
  await expect(field).toBeVisible();
  const url = await field.inputValue();
  expect(url).toMatch(/^http:\/\/localhost:3000\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
  const feedPath = new URL(url).pathname;
  await expect(page.getByRole("link", { name: "在日历应用中打开" })).toHaveAttribute("href", url.replace(/^http:/, "webcal:"));
  await expect(page.getByText(/^订阅地址已启用，/)).toBeVisible();
  await expectNoSeriousViolations(page, "feed made");
  await shot(page, project, "feed-zh");

  // A calendar app reads it without a session.
  const read = await page.context().request.fetch(feedPath, { headers: { Cookie: "" } });
  expect(read.status()).toBe(200);
  expect(read.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await read.text()).toContain("X-WR-CALNAME:");

  await page.getByRole("button", { name: "停用订阅地址" }).click();
  await expect(page.getByRole("status").filter({ hasText: "订阅地址已停用" })).toBeVisible();
  await expect(page.getByText("您还没有订阅地址。")).toBeVisible();
  expect((await page.context().request.fetch(feedPath, { headers: { Cookie: "" } })).status()).toBe(404);
  // Reloading does not show an address again: it was shown once.
  await page.goto("/calendar/feed");
  await expect(page.getByRole("textbox", { name: "订阅地址" })).toHaveCount(0);

  await page.goto("/lang/en?next=/calendar/feed");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calendar feed");
  await page.getByRole("button", { name: "Make a feed address" }).click();
  await expect(page.getByRole("textbox", { name: "Feed address" })).toBeVisible();
  await expectNoSeriousViolations(page, "feed made, en");
  await shot(page, project, "feed-en");
  await page.getByRole("button", { name: "Turn the feed address off" }).click();
  await expect(page.getByText("You have no feed address yet.")).toBeVisible();
  // The demo mediator account keeps its language (and its messages stay in Chinese) for later specs.
  await page.goto("/lang/zh?next=/calendar/feed");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("日历订阅");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the calendar feed's forms work as plain posts", async ({ page }) => {
    await login(page, "mediator@example.com");
    await page.goto("/calendar/feed");
    await page.getByRole("button", { name: /^生成(新的)?订阅地址/ }).click();
    const url = await page.getByRole("textbox", { name: "订阅地址" }).inputValue();
    const feedPath = new URL(url).pathname;
    expect((await page.context().request.fetch(feedPath, { headers: { Cookie: "" } })).status()).toBe(200);
    await page.getByRole("button", { name: "停用订阅地址" }).click();
    await expect(page.getByText("订阅地址已停用，日历应用不会再收到更新。")).toBeVisible();
    expect((await page.context().request.fetch(feedPath, { headers: { Cookie: "" } })).status()).toBe(404);
  });
});
