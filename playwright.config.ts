// End-to-end tests against the built site, served by server.mjs on 127.0.0.1 and a port chosen here,
// with a database of its own. `npm test` sets E2E_PORT; the fallback keeps `npx playwright test` working.
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./scripts/browser";

process.env.E2E_PORT ??= String(31000 + (process.pid % 2000));
process.env.E2E_DATABASE_PATH ??= path.join(os.tmpdir(), `mediators-e2e-${process.env.E2E_PORT}.db`);
const port = Number(process.env.E2E_PORT);
const executablePath = findChromium() ?? undefined;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] } },
    { name: "phone", use: { ...devices["Pixel 5"], viewport: { width: 375, height: 740 } }, grep: /@phone/ },
  ],
  webServer: {
    command: "node_modules/.bin/tsx scripts/prepare.ts && node server.mjs build/server/index.js",
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      DEMO_ACCOUNTS: "1",
      // Every spec registers its own parties from 127.0.0.1; the limit itself is tested in security-limits.
      REGISTER_PER_ADDRESS_PER_HOUR: "1000",
      DATABASE_PATH: process.env.E2E_DATABASE_PATH,
    },
  },
});
