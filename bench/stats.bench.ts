// `bench:stats`: how long the centre's figures take over the article's year (45,000 cases from
// db/demo-history.ts), grouped by month and by category (target ≤ 200 ms each), and every other
// grouping, against two baselines measured in the same run on the same file: a bare `count(*)` over
// cases (what SQLite costs at all) and reading the year's case rows into JS (the least any
// compute-in-JS approach would pay before computing anything).
// Options: --cases N (default 45000), --runs N (default 30), --http [--seconds N] [--root DIR] (the stats
// API under autocannon through the built server, one process, 10 connections, with the stats cache off
// then on, ADR 018), --no-docs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { describeMachine, machineInfo } from "./lib/machine";
import { autocannon } from "./lib/autocannon";
import { ROOT, fileTimestamp, mdTable, updateDocSection, writeResults } from "./lib/report";
import { fmtInt, fmtMs, round, roundSummary, summarize } from "./lib/stats";
import { freePort } from "../scripts/free-port";

const { values: opts } = parseArgs({
  options: {
    cases: { type: "string", default: "45000" },
    runs: { type: "string", default: "30" },
    "no-docs": { type: "boolean", default: false },
    /** Also load GET /api/v1/stats through the built server with autocannon (needs `npm run build`). */
    http: { type: "boolean", default: false },
    seconds: { type: "string", default: "10" },
    /** Where server.mjs and its build are (default: this checkout), e.g. an export of one commit. */
    root: { type: "string" },
  },
});
const caseCount = Number(opts.cases);
const runs = Number(opts.runs);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-stats-"));
const dbFile = path.join(dir, "bench.db");
process.env.DATABASE_PATH = dbFile;
process.env.NODE_ENV = "production";

const { prepareDatabase } = await import("../db/seed");
const { getDb } = await import("../app/db.server");
const { centreStats } = await import("../app/models/stats.server");
const { cachedCentreStats, caseDataVersion } = await import("../app/models/stats-cache.server");
const { sql } = await import("drizzle-orm");
const { localMidnightOf } = await import("../domain/zone");
const { CENTRE_TIMEZONE } = await import("../domain");
const { DateTime } = await import("luxon");

console.log(`bench:stats — ${describeMachine(machineInfo())}`);
console.log(`seeding the demo pool and ${fmtInt(caseCount)} cases of history into ${dbFile}…`);
const t0 = performance.now();
const { history } = prepareDatabase(dbFile, { history: caseCount, demoAccounts: true });
console.log(`  seeded in ${fmtMs(performance.now() - t0)} ms (${fmtInt(history?.cases ?? 0)} cases)`);
const db = getDb();

// The edge reads the clock once: the history's year ends now.
const now = Date.now();
const today = DateTime.fromMillis(now, { zone: CENTRE_TIMEZONE });
const period = { from: today.minus({ years: 1 }).plus({ days: 1 }).toISODate()!, to: today.toISODate()! };
const start = localMidnightOf(period.from, CENTRE_TIMEZONE);
const end = localMidnightOf(today.plus({ days: 1 }).toISODate()!, CENTRE_TIMEZONE);
const staff = { role: "staff" as const };

function time(fn: () => unknown): ReturnType<typeof roundSummary> {
  for (let i = 0; i < 3; i++) fn(); // warm the statement cache and the page cache
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return roundSummary(summarize(samples));
}

const counts = db.get<{
  cases: number;
  closed: number;
  agreements: number;
  instalments: number;
  ratings: number;
  confirmations: number;
}>(sql`
  select (select count(*) from cases) as cases, (select count(*) from cases where closed_at is not null) as closed,
         (select count(*) from agreements) as agreements, (select count(*) from instalments) as instalments,
         (select count(*) from ratings) as ratings, (select count(*) from judicial_confirmations) as confirmations`);
console.log(`  rows: ${JSON.stringify(counts)}`);

const whole = centreStats({ viewer: staff, ...period, now });
console.log(
  `  the year's figures: handled ${whole.handled} (${whole.online} online), zero-visit ${whole.zeroVisitRate?.toFixed(3)}, ` +
    `satisfaction ${whole.satisfactionRate?.toFixed(3)}, confirmations ${whole.judicialConfirmations} (${whole.fulfilledOnTimeAfterConfirmation} on time, ${whole.enforced} enforced)`,
);

const measured: Record<string, ReturnType<typeof roundSummary>> = {
  "baseline: select count(*) from cases": time(() => db.get(sql`select count(*) from cases`)),
  "baseline: the year's case rows read into JS": time(() =>
    db.all(
      sql`select * from cases where (created_at >= ${start} and created_at < ${end}) or (closed_at >= ${start} and closed_at < ${end})`,
    ),
  ),
  "centreStats, whole year": time(() => centreStats({ viewer: staff, ...period, now })),
};
for (const groupBy of ["month", "category", "town", "pool", "channel"] as const)
  measured[`centreStats, by ${groupBy}`] = time(() => centreStats({ viewer: staff, ...period, groupBy, now }));
// The cache (ADR 018): what a hit costs (the version read, the key, the map), and the version read alone.
measured["the data version: max(id) of case_events"] = time(() => caseDataVersion(db));
cachedCentreStats({ viewer: staff, ...period, groupBy: "month", now });
measured["cachedCentreStats, by month, a hit"] = time(() => cachedCentreStats({ viewer: staff, ...period, groupBy: "month", now }));

// What SQLite does for the closed-cases query (the costly one): recorded for the index advice.
const plan = db
  .all<{ detail: string }>(
    sql`explain query plan select count(*) from cases where status = 'closed' and closed_at >= ${start} and closed_at < ${end}`,
  )
  .map((r) => r.detail);
const filedPlan = db
  .all<{ detail: string }>(sql`explain query plan select count(*) from cases where created_at >= ${start} and created_at < ${end}`)
  .map((r) => r.detail);

console.log("");
for (const [name, s] of Object.entries(measured))
  console.log(`  ${name.padEnd(48)} p50 ${fmtMs(s.p50).padStart(7)} ms  p95 ${fmtMs(s.p95).padStart(7)} ms`);
console.log(`  plan (closed): ${plan.join("; ")}`);
console.log(`  plan (filed):  ${filedPlan.join("; ")}`);

// The API under load: one server process on the same file, a staff token, a year by month; first with
// the stats cache off (STATS_CACHE_ENTRIES=0: every request recomputes, the baseline), then on (ADR 018).
interface HttpFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  seconds: number;
  connections: number;
}
let http: { cold: HttpFigures; warm: HttpFigures; serverRoot: string } | null = null;
async function loadStats(cacheEntries: string | undefined): Promise<HttpFigures> {
  const port = await freePort();
  const child = spawn(process.execPath, ["server.mjs", "build/server/index.js"], {
    cwd: serverRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      ACCESS_LOG: "0",
      WEB_CONCURRENCY: "1",
      DATABASE_PATH: dbFile,
      ...(cacheEntries === undefined ? {} : { STATS_CACHE_ENTRIES: cacheEntries }),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (i > 600) throw new Error("server did not start");
      if (
        await fetch(`${url}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const { token } = (await (
      await fetch(`${url}/api/v1/auth/token`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: "staff@example.com", password: "demo12345" }),
      })
    ).json()) as { token: string };
    const headers = { Authorization: `Bearer ${token}` };
    await autocannon({ url, connections: 4, amount: 20, headers, requests: [{ method: "GET", path: pathAndQuery }] }); // warm-up
    const seconds = Number(opts.seconds);
    const r = await autocannon({ url, connections: 10, duration: seconds, headers, requests: [{ method: "GET", path: pathAndQuery }] });
    return {
      requestsPerSecond: round(r.requests.average),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      non2xx: r.non2xx,
      seconds,
      connections: 10,
    };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}
const serverRoot = path.resolve(opts.root ?? ROOT);
const pathAndQuery = `/api/v1/stats?from=${period.from}&to=${period.to}&groupBy=month`;
if (opts.http) {
  if (!fs.existsSync(path.join(serverRoot, "build/server/index.js"))) throw new Error(`run \`npm run build\` first (in ${serverRoot})`);
  const cold = await loadStats("0");
  const warm = await loadStats(undefined);
  http = { cold, warm, serverRoot: path.relative(ROOT, serverRoot) || "." };
  for (const [name, f] of Object.entries({ "cache off (cold)": cold, "cache on (warm)": warm }))
    console.log(
      `  GET ${pathAndQuery}, ${name}: ${fmtMs(f.requestsPerSecond)} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, non-2xx ${f.non2xx}`,
    );
}

const results = {
  benchmark: "stats",
  date: new Date(now).toISOString(),
  machine: machineInfo(),
  cases: caseCount,
  rows: counts,
  period,
  runs,
  target: { groupedByMonthOrCategoryP95Ms: 200 },
  measured,
  plans: { closed: plan, filed: filedPlan },
  http,
};
const files = writeResults("stats", results, { latest: true, timestamp: fileTimestamp(new Date(now)) });
console.log(`\nsaved ${files.join(", ")}`);

if (!opts["no-docs"]) {
  const rows = Object.entries(measured).map(([name, s]) => [name, fmtMs(s.p50), fmtMs(s.p95), fmtMs(s.max)]);
  updateDocSection(
    "stats",
    `## Centre figures

\`npm run bench:stats\` (\`bench/stats.bench.ts\`): every figure of \`centreStats\` (the dashboard, its CSV
and \`GET /api/v1/stats\`) for one year of ${fmtInt(caseCount)} generated cases (\`db/demo-history.ts\`:
${fmtInt(counts?.agreements ?? 0)} agreements, ${fmtInt(counts?.instalments ?? 0)} instalments, ${fmtInt(counts?.ratings ?? 0)} ratings,
${fmtInt(counts?.confirmations ?? 0)} judicial confirmations), ${runs} runs after 3 warm-up runs, in-process on
${describeMachine(machineInfo())}; measured ${new Date(now).toISOString().slice(0, 10)}. Target: grouped by month and by category
in ≤ 200 ms.

${mdTable(["query", "p50 ms", "p95 ms", "max ms"], rows, ["l", "r", "r", "r"])}

The figures are five aggregate queries (filed; closed; their agreements' fulfilment, one row per
agreement then per group; their ratings; confirmations decided), each one \`GROUP BY\` over the period
with the definitions of \`app/models/case-figures.ts\` as SQL; JS only adds up a few dozen group rows.
The baselines bound it: a bare \`count(*)\`, and merely reading the year's case rows into JS, which any
compute-in-JS approach would pay before computing anything. Fulfilment was first the per-case EXISTS
fragments of case-figures.ts (four instalment look-ups per agreement): 120 ms of a year's 200; one
aggregate per agreement (the same definition, tested equal) takes about 60. What indexes would still
save: \`cases(created_at)\` (the filed query scans the table), and a covering
\`instalments(obligation_id, result)\` (the fulfilment query reads each instalment row only for its result).
${http ? httpSection(http) : ""}Query plans: closed cases \`${plan.join("; ")}\`; filed cases \`${filedPlan.join("; ")}\`.`,
  );
  console.log("updated docs/performance.md (Centre figures)");
}
fs.rmSync(dir, { recursive: true, force: true });

function httpSection(h: NonNullable<typeof http>): string {
  const row = (name: string, f: HttpFigures) => [name, fmtMs(f.requestsPerSecond), String(f.p50Ms), String(f.p99Ms), String(f.non2xx)];
  return `
### The stats API under load

\`GET /api/v1/stats\` for the year by month through the built server (one process, ${h.warm.connections} connections,
${h.warm.seconds} s each, autocannon, the same file), first with the stats cache off (\`STATS_CACHE_ENTRIES=0\`:
every request recomputes, the baseline), then on (ADR 018: the answer is reused while the case audit
log's last id is unchanged, read in the same request).

${mdTable(["stats cache", "requests/s", "p50 ms", "p99 ms", "non-2xx"], [row("off (cold)", h.cold), row("on (warm)", h.warm)], ["l", "r", "r", "r", "r"])}

`;
}
