// phone search with the filters panel open
import { chromium } from "@playwright/test";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const ctx = await b.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, locale: "zh-CN" });
const p = await ctx.newPage();
await p.goto("http://127.0.0.1:34567/search?q=%E5%8C%BB%E7%96%97&town=liuheng");
await p.waitForTimeout(600);
await p.locator("summary").click();
await p.waitForTimeout(300);
await p.evaluate(() => window.scrollTo(0, 400));
await p.screenshot({ path: "/tmp/pf1.png" });
await p.evaluate(() => window.scrollTo(0, 1600));
await p.screenshot({ path: "/tmp/pf2.png" });
await b.close();
