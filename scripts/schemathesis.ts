// `npm run test:api-fuzz`: Schemathesis (a tool nobody here wrote) attacks /api/v1 from its own OpenAPI
// description (GET /api/v1/openapi.json, ADR 016): a server from the build on 127.0.0.1 and a free port,
// a fresh database seeded with the demo pool, its demo accounts and a year of cases, a bearer token from
// POST /api/v1/auth/token (the documented way in), then every check Schemathesis has. Fails on any
// server error or answer that breaks the description. Prints how many requests were sent.
//
// Schemathesis runs from a venv in the user's cache (never in the repo), pinned so CI is repeatable.
// Environment: SCHEMATHESIS_EXAMPLES (per operation and phase, default 40), SCHEMATHESIS_SEED (default
// fixed, so a failure in CI reproduces), SCHEMATHESIS_ROLES (party,mediator,staff: one run each, as the
// operations some roles only may use are reached only so), SCHEMATHESIS_MAX_MINUTES (a hard limit on the run, default 15).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

const VERSION = "4.32.5"; // works on Python 3.9–3.13; checked on 3.11
const root = path.resolve(import.meta.dirname, "..");
const examples = Number(process.env.SCHEMATHESIS_EXAMPLES ?? 40);
const seed = process.env.SCHEMATHESIS_SEED ?? "20261201";
const roles = (process.env.SCHEMATHESIS_ROLES ?? "party,mediator,staff").split(",");
const maxMinutes = Number(process.env.SCHEMATHESIS_MAX_MINUTES ?? 15);
const ACCOUNTS: Record<string, string> = { party: "party@example.com", staff: "staff@example.com", mediator: "mediator@example.com" };
const DEMO_PASSWORD = "demo12345"; // db/seed.ts: every demo account's password

/**
 * Operations left out, each with its reason. Both revoke the credential the whole run authenticates
 * with: after the first call every later request would be a 401 and test nothing. Their behaviour and
 * their answers' fit to the description are checked in tests/integration/api-openapi.test.ts instead.
 */
const EXCLUDED_OPERATIONS = ["revokeToken", "logoutEverywhere"];

/**
 * Checks left out of `--checks all`, each with its reason:
 * - positive_data_acceptance: it expects every request that fits the JSON Schema to be accepted, but
 *   the API also holds rules JSON Schema cannot state for query parameters or that depend on who asks:
 *   page × perPage ≤ 10,000 (search), `to` after `from` and at most 62 days (slots, stats), weekly
 *   ranges that do not overlap (availability), a party files without `applicants` and staff with them
 *   (cases). Those are 400s with `fields`, described in the operations' words. Negative data (that the
 *   schema rejects) must still be refused: negative_data_rejection stays on.
 * - allow_header_conformance: the server refuses methods no route answers (OPTIONS, TRACE…) before
 *   routing (server/app.mjs, ADR 009) with the site-wide `Allow` list, not the resource's; every method
 *   a route module is asked with (PUT on a POST route…) answers its own exact list, which
 *   tests/integration/api-openapi.test.ts checks against this description.
 */
const EXCLUDED_CHECKS = ["positive_data_acceptance", "allow_header_conformance"];

function venv(): string {
  const cache = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache");
  const dir = path.join(cache, "order-a-mediator", `schemathesis-${VERSION}`);
  const bin = path.join(dir, "bin", "schemathesis");
  const installed = spawnSync(bin, ["--version"], { encoding: "utf8" });
  if (installed.status === 0 && installed.stdout.includes(VERSION)) return bin;
  console.log(`installing schemathesis ${VERSION} into ${dir}`);
  fs.rmSync(dir, { recursive: true, force: true });
  execFileSync("python3", ["-m", "venv", dir], { stdio: "inherit" });
  execFileSync(path.join(dir, "bin", "pip"), ["install", "--quiet", "--disable-pip-version-check", `schemathesis==${VERSION}`], {
    stdio: "inherit",
  });
  return bin;
}

async function waitHealthy(url: string, child: ReturnType<typeof spawn>, stderr: () => string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy: ${stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Requests sent, from the NDJSON event stream: one `interactions` entry per request and response. */
function countRequests(ndjson: string): number {
  let n = 0;
  for (const line of fs.readFileSync(ndjson, "utf8").split("\n")) {
    if (!line.includes('"interactions"')) continue;
    const event = JSON.parse(line) as Record<string, { recorder?: { interactions?: Record<string, unknown> } }>;
    for (const value of Object.values(event)) n += Object.keys(value?.recorder?.interactions ?? {}).length;
  }
  return n;
}

async function main(): Promise<number> {
  for (const role of roles) if (!ACCOUNTS[role]) throw new Error(`SCHEMATHESIS_ROLES: each one of ${Object.keys(ACCOUNTS).join(", ")}`);
  const deadline = Date.now() + maxMinutes * 60_000;
  const schemathesis = venv();
  if (!fs.existsSync(path.join(root, "build/server/index.js")))
    execFileSync(path.join(root, "node_modules/.bin/remix"), ["build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mediators-fuzz-"));
  const database = path.join(tmp, "app.db");
  const env = { ...process.env, DATABASE_PATH: database, DEMO_ACCOUNTS: "1" };
  // The seed as `npm run db:seed` runs it: the demo pool, the demo accounts, a year of cases to read.
  execFileSync(path.join(root, "node_modules/.bin/tsx"), ["db/seed.ts", "--history", "2000"], { cwd: root, env, stdio: "inherit" });

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["server.mjs", "build/server/index.js"], {
    cwd: root,
    env: { ...env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), ACCESS_LOG: "0", WEB_CONCURRENCY: "2" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let serverErr = "";
  server.stderr?.on("data", (d) => (serverErr += d));
  try {
    await waitHealthy(url, server, () => serverErr);
    // Every token first: the run's failed logins count against this address and would lock it out.
    const tokens: Record<string, string> = {};
    for (const role of roles) {
      const login = await fetch(`${url}/api/v1/auth/token`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: ACCOUNTS[role], password: DEMO_PASSWORD }),
      });
      if (login.status !== 200) throw new Error(`login as ${role} failed: ${login.status} ${await login.text()}`);
      tokens[role] = ((await login.json()) as { token: string }).token;
    }
    let failed = false;
    let total = 0;
    for (const role of roles) {
      const reports = path.join(tmp, `report-${role}`);
      const args = [
        "--config-file",
        path.join(root, "scripts/schemathesis.toml"),
        "--no-color",
        "run",
        `${url}/api/v1/openapi.json`,
        "--checks",
        "all",
        "--exclude-checks",
        EXCLUDED_CHECKS.join(","),
        "--max-examples",
        String(examples),
        "--seed",
        seed,
        // One worker: Hypothesis parses its own lambdas' source with ast.parse, which is not thread-safe
        // on CPython 3.11 ("AST constructor recursion depth mismatch" errors under several workers).
        "--workers",
        "1",
        "--request-timeout",
        "20",
        "--header",
        `Authorization: Bearer ${tokens[role]}`,
        ...EXCLUDED_OPERATIONS.flatMap((id) => ["--exclude-operation-id", id]),
        "--report",
        "ndjson",
        "--report-dir",
        reports,
        "--generation-database",
        "none",
      ];
      console.log(`\nschemathesis ${VERSION} against ${url} as ${role}, ${examples} examples per operation and phase, seed ${seed}`);
      const left = deadline - Date.now();
      const run = spawnSync(schemathesis, args, { cwd: tmp, stdio: "inherit", timeout: Math.max(left, 1), killSignal: "SIGKILL" });
      const ndjson = fs.existsSync(reports) ? fs.readdirSync(reports).find((f) => f.endsWith(".ndjson")) : undefined;
      const requests = ndjson ? countRequests(path.join(reports, ndjson)) : 0;
      total += requests;
      console.log(`schemathesis as ${role}: ${requests} requests, exit ${run.status ?? run.signal}`);
      if (run.error || run.signal) console.error(`schemathesis stopped: ${run.error?.message ?? run.signal} (limit ${maxMinutes} min)`);
      if (run.status !== 0) failed = true;
    }
    console.log(
      `\nschemathesis sent ${total} requests as ${roles.join(", ")}: ${failed ? "FAILED" : "no server errors, no answers outside the description"}`,
    );
    if (/Something went wrong on our side|TypeError|Error:/.test(serverErr)) console.error(`server stderr:\n${serverErr.slice(-4000)}`);
    return failed ? 1 : 0;
  } finally {
    await new Promise<void>((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once("exit", () => resolve());
      server.kill("SIGTERM");
    });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

process.exitCode = await main();
