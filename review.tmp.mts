// usage: tsx review.mts <email|-> <path> <name> [width] [height]
import { chromium } from "@playwright/test";
const [email, path, name, w = "375", h = "740"] = process.argv.slice(2);
const base = "http://127.0.0.1:34567";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const ctx = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: Number(w), height: Number(h) }, deviceScaleFactor: 1 });
const page = await ctx.newPage();
page.on("pageerror", (e) => console.log("pageerror:", e.message));
if (email !== "-") {
  await page.goto(base + "/login");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill("demo12345");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}
await page.goto(base + path);
await page.waitForTimeout(300);
const height = await page.evaluate(() => document.documentElement.scrollHeight);
const step = Number(h);
let i = 0;
for (let y = 0; y < height && i < 8; y += step, i++) {
  await page.screenshot({ path: `/tmp/crops/${name}-${i}.png`, fullPage: true, clip: { x: 0, y, width: Number(w), height: Math.min(step, height - y) } });
}
console.log(name, "height", height, "parts", i);
await browser.close();
