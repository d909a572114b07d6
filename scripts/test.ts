// `npm test`: unit, integration and contract tests (vitest), then end-to-end tests (Playwright, real
// Chromium). Prints one closing line with the totals of both runners.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CHROMIUM_HELP, findChromium } from "./browser";
import { freePort } from "./free-port";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const out = fs.mkdtempSync(path.join(os.tmpdir(), "mediators-test-"));

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };

/** The parts of vitest's and Playwright's JSON reports that the totals use. */
interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: { status?: string; assertionResults?: { status?: string }[] }[];
}
interface PlaywrightReport {
  stats?: { expected?: number; flaky?: number; unexpected?: number; skipped?: number };
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

// 0. A fresh build: integration tests start real server processes from it, and so does Playwright.
const build = spawnSync(bin("remix"), ["build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
if (build.status !== 0) {
  console.error("remix build failed");
  process.exit(1);
}

// 1. vitest
const vitestJson = path.join(out, "vitest.json");
const vitest = spawnSync(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "test" },
});
const vr = readJson<VitestReport>(vitestJson);
if (vr) {
  totals.passed += vr.numPassedTests ?? 0;
  // Failed tests, plus files that failed without a failing test (an import error, a failed hook):
  // numFailedTestSuites would count every describe block around a failing test again.
  const brokenFiles = (vr.testResults ?? []).filter(
    (f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"),
  ).length;
  totals.failed += (vr.numFailedTests ?? 0) + brokenFiles;
  totals.skipped += (vr.numPendingTests ?? 0) + (vr.numTodoTests ?? 0);
} else if (vitest.status !== 0) totals.failed += 1;

// 2. Playwright
let e2eStatus = 0;
if (process.env.SKIP_E2E === "1") {
  console.log("\nend-to-end tests skipped: SKIP_E2E=1");
} else if (!findChromium()) {
  console.error(`\n${CHROMIUM_HELP}`);
  e2eStatus = 1;
  totals.failed += 1;
} else {
  const port = await freePort();
  const pwJson = path.join(out, "playwright.json");
  const pw = spawnSync(bin("playwright"), ["test", "--reporter=list,json"], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      E2E_PORT: String(port),
      E2E_DATABASE_PATH: path.join(out, "e2e.db"),
      PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    },
  });
  e2eStatus = pw.status ?? 1;
  const pr = readJson<PlaywrightReport>(pwJson);
  if (pr?.stats) {
    totals.passed += (pr.stats.expected ?? 0) + (pr.stats.flaky ?? 0);
    totals.failed += pr.stats.unexpected ?? 0;
    totals.skipped += pr.stats.skipped ?? 0;
  } else if (e2eStatus !== 0) totals.failed += 1;
}

fs.rmSync(out, { recursive: true, force: true });
console.log(`\ntotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(vitest.status === 0 && e2eStatus === 0 && totals.failed === 0 ? 0 : 1);
