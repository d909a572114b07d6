// `bench:http`: requests/s and latency of GET /api/v1/search under autocannon, end to end through a
// production server (embedded engine) over a temporary database seeded with a generated pool: plain
// `remix-serve`, and the app's own server (`server.mjs`, what `npm start` runs: Express, compression,
// security headers, access log). Figures go to stdout, bench/results/http-<timestamp>.json (+ http-latest.json) and the
// bench:http section of docs/performance.md.
//
// Options:
//   --scale 10000        pool size(s), comma separated for several runs (default 10000)
//   --server LIST        remix-serve, app or both (default remix-serve,app; app only when server.mjs exists)
//   --connections 50     concurrent connections (default 50)
//   --duration 10        measured seconds per run (default 10), after --warmup seconds (default 3)
//   --rebuild            run `remix build` even when build/ is up to date
//   --quick              5 s, 1 s warm-up; no docs, no -latest
//   --docs / --no-docs   force or suppress rewriting docs/performance.md (default: unless --quick)
//
// The server and autocannon share the machine: on a small machine the load generator takes CPU from
// the server, so the figures are a floor, not a capacity.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generatePool } from "../db/demo-pool";
import { prepareDatabase } from "../db/seed";
import { freePort } from "../scripts/free-port";
import type { SearchQuery } from "../search/types";
import { describeMachine, loadPerCore, machineInfo, warnIfBusy } from "./lib/machine";
import { QUERY_CLASSES, queryMix } from "./lib/queries";
import { autocannon, type AutocannonResult } from "./lib/autocannon";
import { ROOT, fileTimestamp, mdTable, resultsFile, updateDocSection, writeResults } from "./lib/report";
import { fmtInt, fmtMs, round } from "./lib/stats";

const { values: opts } = parseArgs({
  options: {
    scale: { type: "string", default: "10000" },
    server: { type: "string", default: "remix-serve,app" },
    connections: { type: "string", default: "50" },
    duration: { type: "string" },
    warmup: { type: "string" },
    rebuild: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    docs: { type: "boolean" },
    "no-docs": { type: "boolean", default: false },
  },
});

const positiveInt = (name: string, raw: string): number => {
  const n = Number(raw.trim().replace(/_/g, "").replace(/k$/i, "000"));
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`--${name} needs a positive whole number, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return n;
};
const scales = opts.scale.split(",").map((s) => positiveInt("scale", s));
const connections = positiveInt("connections", opts.connections);
const duration = positiveInt("duration", opts.duration ?? (opts.quick ? "5" : "10"));
const warmup = Number(opts.warmup ?? (opts.quick ? 1 : 3));
const writeDocs = opts["no-docs"] ? false : (opts.docs ?? !opts.quick);

type ServerKind = "remix-serve" | "app";
const SERVER_KINDS: ServerKind[] = ["remix-serve", "app"];
const servers = opts.server.split(",").map((s) => s.trim()) as ServerKind[];
if (servers.length === 0 || servers.some((s) => !SERVER_KINDS.includes(s))) {
  console.error(`--server takes ${SERVER_KINDS.join(", ")} (comma separated)`);
  process.exit(2);
}
const APP_SERVER = path.join(ROOT, "server.mjs");

// ── the server ──────────────────────────────────────────────────────────────────────────────────────

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

function cleanup(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}
process.on("exit", cleanup);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server`);
    cleanup();
    process.exit(130);
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "build" || entry.name === "node_modules") continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.(tsx?|css|js|json)$/.test(entry.name) && !/\.test\./.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Where the server build is: build/server/index.js, or build/index.js (the compiler's default). */
const BUILD_CANDIDATES = ["build/server/index.js", "build/index.js"];
function serverBuild(): string | undefined {
  const found = BUILD_CANDIDATES.map((p) => path.join(ROOT, p)).filter((p) => fs.existsSync(p));
  found.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return found[0];
}

/** Builds the site when asked, when the build is missing, or when a source is newer (as scripts/prepare.ts). */
function ensureBuilt(): { built: boolean; ms: number; serverBuild: string } {
  const sources = Math.max(
    ...["app", "search", "db", "public"].filter((d) => fs.existsSync(path.join(ROOT, d))).map((d) => newestMtime(path.join(ROOT, d))),
    fs.statSync(path.join(ROOT, "remix.config.js")).mtimeMs,
  );
  const existing = serverBuild();
  if (!opts.rebuild && existing && fs.statSync(existing).mtimeMs >= sources)
    return { built: false, ms: 0, serverBuild: path.relative(ROOT, existing) };
  console.log("building the site (remix build)…");
  const t0 = performance.now();
  execFileSync(path.join(ROOT, "node_modules/.bin/remix"), ["build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  const built = serverBuild();
  if (!built) throw new Error(`remix build wrote none of ${BUILD_CANDIDATES.join(", ")}`);
  return { built: true, ms: performance.now() - t0, serverBuild: path.relative(ROOT, built) };
}

interface Server {
  url: string;
  child: ChildProcess;
  readyMs: number;
  stop(): Promise<void>;
}

async function startServer(kind: ServerKind, build: string, databasePath: string): Promise<Server> {
  const port = await freePort();
  const t0 = performance.now();
  const [command, args] =
    kind === "remix-serve" ? [path.join(ROOT, "node_modules/.bin/remix-serve"), [build]] : [process.execPath, [APP_SERVER, build]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_PATH: databasePath,
      MEILI_URL: "", // the embedded engine, whatever the caller's environment says
      WEB_CONCURRENCY: "1", // one process each: remix-serve has no cluster mode
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.add(child);
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr = (stderr + String(d)).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer /healthz 200 within 300 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const readyMs = performance.now() - t0;
  return {
    url,
    child,
    readyMs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          children.delete(child);
          return resolve();
        }
        const force = setTimeout(() => child.kill("SIGKILL"), 5000);
        child.once("exit", () => {
          clearTimeout(force);
          children.delete(child);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

// ── the requests ────────────────────────────────────────────────────────────────────────────────────

function searchPath(q: SearchQuery): string {
  const params = new URLSearchParams();
  if (q.q) params.set("q", q.q);
  for (const [facet, values] of Object.entries(q.filters)) for (const v of values ?? []) params.append(facet, v);
  if (q.sort !== "relevance") params.set("sort", q.sort);
  if (q.page !== 1) params.set("page", String(q.page));
  params.set("perPage", String(q.perPage));
  return `/api/v1/search?${params.toString()}`;
}

/** The search benchmark's query mix for this pool, as API paths, classes interleaved. */
function requestPaths(scale: number): string[] {
  const mix = queryMix(generatePool({ scale }));
  const lists = QUERY_CLASSES.map((c) => mix[c].map((bq) => searchPath(bq.query)));
  const out: string[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

function load(url: string, paths: string[], seconds: number): Promise<AutocannonResult> {
  let next = 0;
  return autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
  });
}

// ── a run ───────────────────────────────────────────────────────────────────────────────────────────

interface HttpFigures {
  scale: number;
  server: ServerKind;
  seedMs: number;
  serverReadyMs: number;
  urls: number;
  sampleUrls: string[];
  connections: number;
  durationS: number;
  requests: number;
  requestsPerSecond: { mean: number; p50: number; min: number; max: number };
  latencyMs: { mean: number; p50: number; p90: number; p97_5: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** The API's own tookMs of one search per URL, before the load: the engine's share of a request. */
  engineTookMs: { mean: number; max: number };
}

async function runScale(scale: number, build: string): Promise<HttpFigures[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mediators-http-bench-"));
  tempDirs.add(dir);
  const dbFile = path.join(dir, "bench.db");
  try {
    console.log(`\n── ${fmtInt(scale)} mediators: seeding ${dbFile}`);
    const t0 = performance.now();
    prepareDatabase(dbFile, { scale });
    const seedMs = performance.now() - t0;
    console.log(`   seeded in ${fmtInt(seedMs)} ms`);
    const paths = requestPaths(scale);
    const out: HttpFigures[] = [];
    for (const kind of servers) out.push(await runServer(kind, build, dbFile, scale, seedMs, paths));
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  }
}

async function runServer(
  kind: ServerKind,
  build: string,
  dbFile: string,
  scale: number,
  seedMs: number,
  paths: string[],
): Promise<HttpFigures> {
  console.log(`   ${kind}: starting`);
  const server = await startServer(kind, build, dbFile);
  try {
    console.log(`   ${kind}: ${server.url} healthy after ${fmtInt(server.readyMs)} ms (the index is built at start)`);
    const took: number[] = [];
    for (const p of paths) {
      const res = await fetch(server.url + p);
      if (res.status !== 200) throw new Error(`GET ${p} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      const body = (await res.json()) as { engine?: string; tookMs?: number };
      if (body.engine !== "embedded") throw new Error(`GET ${p} was answered by ${body.engine}, not the embedded engine`);
      if (typeof body.tookMs === "number") took.push(body.tookMs);
    }
    if (warmup > 0) await load(server.url, paths, warmup);
    console.log(
      `   ${kind}: autocannon, ${connections} connections, ${duration} s, ${paths.length} URLs in rotation (after ${warmup} s warm-up)…`,
    );
    const t0 = performance.now();
    const r = await load(server.url, paths, duration);
    const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
    const figures: HttpFigures = {
      scale,
      server: kind,
      seedMs: round(seedMs),
      serverReadyMs: round(server.readyMs),
      urls: paths.length,
      sampleUrls: paths.slice(0, 8),
      connections,
      durationS: round(r.duration || (performance.now() - t0) / 1000),
      requests: r["2xx"] + r.non2xx,
      requestsPerSecond: {
        mean: round(r.requests.average),
        p50: round(r.requests.p50),
        min: round(r.requests.min),
        max: round(r.requests.max),
      },
      latencyMs: {
        mean: round(r.latency.average),
        p50: round(r.latency.p50),
        p90: round(r.latency.p90),
        p97_5: round(r.latency.p97_5),
        p99: round(r.latency.p99),
        max: round(r.latency.max),
      },
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      statusCodes,
      engineTookMs: {
        mean: round(took.reduce((a, b) => a + b, 0) / Math.max(1, took.length)),
        max: round(Math.max(0, ...took)),
      },
    };
    console.log(
      `   ${kind}: ${fmtInt(figures.requestsPerSecond.mean)} req/s · latency p50 ${fmtMs(figures.latencyMs.p50)} ms, p99 ${fmtMs(figures.latencyMs.p99)} ms` +
        ` · ${fmtInt(figures.requests)} requests, non-2xx ${figures.non2xx}, errors ${figures.errors}, timeouts ${figures.timeouts}`,
    );
    return figures;
  } finally {
    await server.stop();
  }
}

interface HttpRunForDocs {
  finishedAt: string;
  machineLine: string;
  loadPerCore: { start: number };
  resultsFile: string;
  runs: HttpFigures[];
  failures: Array<{ scale: number; error: string }>;
}

function docSection(run: HttpRunForDocs): string {
  const lines = [
    `Last run: ${run.finishedAt.slice(0, 16).replace("T", " ")} UTC · ${run.machineLine} · load ${run.loadPerCore.start}/core at start · server and load generator on the same machine · \`${run.resultsFile}\``,
    "",
    mdTable(
      [
        "mediators",
        "server",
        "connections",
        "seconds",
        "requests/s",
        "latency p50 ms",
        "p90 ms",
        "p99 ms",
        "non-2xx",
        "errors",
        "engine tookMs (mean / max)",
      ],
      run.runs.map((f) => [
        fmtInt(f.scale),
        f.server === "app" ? "app (`server.mjs`)" : "`remix-serve`",
        String(f.connections),
        String(Math.round(f.durationS)),
        fmtInt(f.requestsPerSecond.mean),
        fmtMs(f.latencyMs.p50),
        fmtMs(f.latencyMs.p90),
        fmtMs(f.latencyMs.p99),
        String(f.non2xx),
        String(f.errors + f.timeouts),
        `${fmtMs(f.engineTookMs.mean)} / ${fmtMs(f.engineTookMs.max)}`,
      ]),
      ["r", "l", "r", "r", "r", "r", "r", "r", "r", "r", "r"],
    ),
  ];
  for (const f of run.failures) lines.push("", `- ${fmtInt(f.scale)} mediators: failed — ${f.error.split("\n")[0]}`);
  return lines.join("\n");
}

async function main(): Promise<boolean> {
  const machine = machineInfo();
  const startedAt = new Date().toISOString();
  const loadAtStart = loadPerCore();
  console.log(`HTTP benchmark · ${describeMachine(machine)}`);
  warnIfBusy();
  if (servers.includes("app") && !fs.existsSync(APP_SERVER)) {
    console.log("server.mjs not found: benchmarking remix-serve only");
    servers.splice(servers.indexOf("app"), 1);
  }
  const build = ensureBuilt();
  console.log(`server build: ${build.serverBuild}${build.built ? ` (built in ${fmtInt(build.ms)} ms)` : " (up to date)"}`);
  const runs: HttpFigures[] = [];
  const failures: Array<{ scale: number; error: string }> = [];
  for (const scale of scales) {
    try {
      runs.push(...(await runScale(scale, build.serverBuild)));
    } catch (error) {
      // One pool size failing (seeding, server start) must not throw away the others' figures.
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.error(`   ${fmtInt(scale)} mediators FAILED: ${error instanceof Error ? error.stack : message}`);
      failures.push({ scale, error: message.slice(0, 500) });
    }
  }
  if (runs.length === 0) throw new Error("no pool size could be benchmarked");

  const timestamp = fileTimestamp();
  const run = {
    benchmark: "http" as const,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine,
    machineLine: describeMachine(machine),
    loadPerCore: { start: loadAtStart, end: loadPerCore() },
    resultsFile: path.relative(ROOT, resultsFile("http", timestamp)),
    options: {
      scales,
      servers,
      serverBuild: build.serverBuild,
      connections,
      durationS: duration,
      warmupS: warmup,
      quick: !!opts.quick,
      endpoint: "/api/v1/search",
    },
    runs,
    failures,
  };
  const files = writeResults("http", run, { latest: !opts.quick, timestamp });
  console.log(`\nresults: ${files.join(", ")}`);
  if (writeDocs) {
    updateDocSection("http", docSection(run));
    console.log("docs/performance.md: bench:http section rewritten");
  }
  return failures.length === 0;
}

main()
  .then((ok) => {
    cleanup();
    process.exit(ok ? 0 : 1);
  })
  .catch((error) => {
    console.error(error);
    cleanup();
    process.exit(1);
  });
