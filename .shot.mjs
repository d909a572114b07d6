// usage: node .shot.mjs url out.png [width] [height] [scrollY] [js=1]
import { chromium } from "@playwright/test";
const [url, out, w = "1280", h = "900", y = "0", js = "1"] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const ctx = await b.newContext({ viewport: { width: +w, height: +h }, javaScriptEnabled: js === "1", locale: "zh-CN", deviceScaleFactor: +w < 500 ? 2 : 1 });
const p = await ctx.newPage();
p.on("pageerror", (e) => console.log("pageerror:", e.message.slice(0, 300)));
p.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log("console:", m.text().slice(0, 300)); });
await p.goto(url.startsWith("http") ? url : `http://127.0.0.1:34567${url}`);
await p.waitForTimeout(500);
await p.evaluate((y) => window.scrollTo(0, y), +y);
await p.waitForTimeout(200);
await p.screenshot({ path: out });
await b.close();
