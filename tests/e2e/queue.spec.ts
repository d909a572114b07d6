// The staff work queue (issue 9) on a tablet at the window (820×1180), without JavaScript: staff open it
// from the navigation, filter by a reason (a chip) and by category (the GET form, the reason kept), see
// the case filed a moment ago and the one flagged for the pre-litigation fast track, and open a case.
// axe on the queue in both languages; screenshots; a party is refused.
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiToken, expectNoSeriousViolations, login, logout } from "./booking-utils";
import { expectNoHorizontalOverflow } from "./utils";

const dir = path.join(import.meta.dirname, "screenshots");

/** A case the demo party files through the API, with no pick (setup, not what is under test). */
async function fileCase(request: APIRequestContext, category: string, town: string) {
  const token = await apiToken(request, "party@example.com");
  const res = await request.post("/api/v1/cases", {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      category,
      description: "旅游团行程临时取消，旅行社拒绝退还定金。",
      town,
      respondents: [{ name: "示例旅行社", phone: `139${String(Date.now()).slice(-8)}` }],
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: number; number: string };
}

test.describe("the work queue on a tablet without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 820, height: 1180 } });

  test("staff filter by a reason and a category, and open a case", async ({ page, request }, info) => {
    const waiting = await fileCase(request, "tourism", "putuoshan");
    const fast = await fileCase(request, "tourism", "putuoshan");
    const toFlag = await fileCase(request, "tourism", "putuoshan");
    const staffToken = await apiToken(request, "staff@example.com");
    const flagged = await request.post(`/api/v1/cases/${fast.id}/pre-litigation`, { headers: { Authorization: `Bearer ${staffToken}` } });
    expect(flagged.status()).toBe(200);

    await login(page, "staff@example.com");
    await page.getByRole("navigation", { name: "账号" }).getByRole("link", { name: "工作队列" }).click();
    await expect(page).toHaveURL("/staff/queue");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("工作队列");
    const chips = page.getByRole("navigation", { name: "按原因筛选" });
    await expect(chips.getByRole("link", { name: /^全部 \d+$/ })).toHaveAttribute("aria-current", "true");

    // A reason: the chip is a plain link.
    await chips.getByRole("link", { name: /^诉前调解待处理 \d+$/ }).click();
    await expect(page).toHaveURL("/staff/queue?reason=pre-litigation");
    await expect(chips.getByRole("link", { name: /^诉前调解待处理/ })).toHaveAttribute("aria-current", "true");
    const table = page.getByRole("table");
    await expect(table.getByRole("row").filter({ hasText: fast.number })).toContainText("诉前调解待处理");
    await expect(table.getByRole("row").filter({ hasText: waiting.number })).toHaveCount(0);

    // Then the category, through the GET form: the reason is kept.
    await page.getByRole("combobox", { name: "纠纷类型" }).selectOption("tourism");
    await page.getByRole("combobox", { name: "镇街" }).selectOption("putuoshan");
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await expect(page).toHaveURL(/\/staff\/queue\?reason=pre-litigation&category=tourism&town=putuoshan/);
    await expect(page.getByRole("combobox", { name: "纠纷类型" })).toHaveValue("tourism");
    const row = table.getByRole("row").filter({ hasText: fast.number });
    await expect(row).toContainText("旅游纠纷");
    await expect(row).toContainText("普陀山镇");
    await expect(row).toContainText("北京时间");
    await expect(row).toContainText(/刚刚|分钟前/);

    // All reasons in this category and town: the case filed a moment ago waits for a mediator.
    await chips.getByRole("link", { name: /^全部 \d+$/ }).click();
    await expect(page).toHaveURL(/\/staff\/queue\?category=tourism&town=putuoshan$/);
    const waitingRow = table.getByRole("row").filter({ hasText: waiting.number });
    await expect(waitingRow).toContainText("未有调解员");
    // A simple case nobody has goes to the fast track from its row; back to the same filters.
    await table.getByRole("button", { name: `转诉前调解：${toFlag.number}` }).click();
    await expect(page.getByRole("status").filter({ hasText: `已把 ${toFlag.number} 转给诉前调解团队` })).toBeVisible();
    await expect(page).toHaveURL(/\/staff\/queue\?category=tourism&town=putuoshan&flagged=/);
    await expect(page.getByRole("status").filter({ hasText: "无法识别" })).toHaveCount(0);
    await expect(table.getByRole("row").filter({ hasText: toFlag.number })).toContainText("诉前调解待处理");
    await expect(table.getByRole("button", { name: `转诉前调解：${toFlag.number}` })).toHaveCount(0);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: path.join(dir, `${info.project.name}-staff-queue-tablet-nojs.png`), fullPage: true });

    // Open the case from its number.
    await page.goto("/staff/queue?category=tourism&town=putuoshan");
    await table.getByRole("link", { name: waiting.number }).click();
    await expect(page).toHaveURL(`/cases/${waiting.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(waiting.number);
  });

  test("a flagged case names the team and its judge; the judge reads it; its suggestion compares only the team", async ({ page, request }) => {
    const staffToken = await apiToken(request, "staff@example.com");
    const judgeToken = await apiToken(request, "judge@example.com");
    const me = (await (await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${judgeToken}` } })).json()) as {
      mediatorId: number;
    };
    // Each flag goes to the judge guiding fewest: within a few flags the demo judge's turn comes.
    let guided: { id: number; number: string; judge: string } | null = null;
    for (let i = 0; i < 8 && !guided; i++) {
      const c = await fileCase(request, "tourism", "putuoshan");
      const res = await request.post(`/api/v1/cases/${c.id}/pre-litigation`, { headers: { Authorization: `Bearer ${staffToken}` } });
      expect(res.status()).toBe(200);
      const body = (await res.json()) as { judge: { personId: number; name: string } };
      if (body.judge.personId === me.mediatorId) guided = { ...c, judge: body.judge.name };
    }
    expect(guided).not.toBeNull();
    const { id, number, judge } = guided!;

    await login(page, "staff@example.com");
    await page.goto(`/cases/${id}`);
    await expect(page.getByTestId("pre-litigation")).toContainText(`由诉前调解团队办理，${judge}法官指导`);
    await page.goto(`/staff/cases/${id}/assign`);
    await expect(page.getByText("只比较诉前调解团队的调解员")).toBeVisible();
    await logout(page);

    await login(page, "judge@example.com");
    await page.goto("/cases");
    await expect(page.getByRole("link", { name: number })).toBeVisible();
    await page.getByRole("link", { name: number }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(number);
    await expect(page.getByTestId("pre-litigation")).toContainText(judge);
    await logout(page);
  });

  test("a party is refused", async ({ page }) => {
    await login(page, "party@example.com");
    const response = await page.goto("/staff/queue");
    expect(response?.status()).toBe(403);
    await page.goto("/bookings");
    await logout(page);
  });
});

// axe runs in the page, so this part has JavaScript (the page is the same server-rendered HTML).
test.describe("the work queue on a tablet, checked", () => {
  test.use({ viewport: { width: 820, height: 1180 } });

  test("axe finds nothing serious in either language; screenshots", async ({ page, request }, info) => {
    const waiting = await fileCase(request, "tourism", "putuoshan");
    await login(page, "staff@example.com");
    await page.goto("/staff/queue?category=tourism&town=putuoshan");
    const table = page.getByRole("table");
    await expect(table.getByRole("row").filter({ hasText: waiting.number })).toContainText("未有调解员");
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousViolations(page, "the work queue");
    await page.screenshot({ path: path.join(dir, `${info.project.name}-staff-queue-tablet.png`), fullPage: true });

    await page.getByRole("link", { name: "Switch language to English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Work queue");
    await expect(table.getByRole("row").filter({ hasText: waiting.number })).toContainText("No mediator yet");
    await expect(table.getByRole("row").filter({ hasText: waiting.number })).toContainText("Beijing time");
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousViolations(page, "the work queue in English");
    await page.screenshot({ path: path.join(dir, `${info.project.name}-staff-queue-tablet-en.png`), fullPage: true });
    await page.goto(`/lang/zh?next=${encodeURIComponent("/staff/queue")}`);
  });
});
