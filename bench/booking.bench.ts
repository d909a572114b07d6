// `bench:booking`: how fast ordering is, and that the guarantee holds under load.
//   1. slot computation: one mediator over 60 days; 100 mediators over 30 days (target ≤ 2 ms per
//      mediator-month), the database reads and the pure computation reported apart;
//   2. raw SQLite: the booking insert alone in a BEGIN IMMEDIATE transaction with its overlap check,
//      and the whole `createBooking` model transaction, in-process;
//   3. HTTP: successful bookings/s over distinct slots through the production server (target ≥ 1,000/s),
//      with 50 concurrent clients;
//   4. contention: 500 simultaneous requests for one slot: exactly one success, and how long it takes.
// Options: --scale N (mediators in the pool, default 2000), --seconds N (HTTP run, default 10),
// --processes N (WEB_CONCURRENCY of the multi-process run, default 2), --quick, --no-docs.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { describeMachine, machineInfo } from "./lib/machine";
import { ROOT, fileTimestamp, mdTable, updateDocSection, writeResults } from "./lib/report";
import { fmtInt, fmtMs, round, summarize } from "./lib/stats";
import { freePort } from "../scripts/free-port";
import { cpuSecondsOfTree } from "../scripts/processes";
import { autocannon } from "./lib/autocannon";

const { values: opts } = parseArgs({
  options: {
    scale: { type: "string", default: "2000" },
    seconds: { type: "string", default: "10" },
    processes: { type: "string", default: "2" },
    quick: { type: "boolean", default: false },
    "no-docs": { type: "boolean", default: false },
  },
});
const quick = opts.quick;
const scale = quick ? 300 : Number(opts.scale);
const httpSeconds = quick ? 3 : Number(opts.seconds);
// Enough distinct free slots for 3,000 bookings/s: a repeated slot would be a 409, not a booking.
const httpRequests = httpSeconds * 3000;
const processes = Number(opts.processes);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-booking-"));
const dbFile = path.join(dir, "bench.db");
process.env.DATABASE_PATH = dbFile;
process.env.NODE_ENV = "production";
process.env.DEMO_ACCOUNTS = "1";
process.env.BOOKING_RESPONSE_HOURS = "24";

const { prepareDatabase } = await import("../db/seed");
const { openDb } = await import("../db/client");
const { getDb } = await import("../app/db.server");
const { slotContext, mediatorSlots } = await import("../app/models/availability.server");
const { computeSlots } = await import("../app/models/slots");
const { createBooking } = await import("../app/models/booking-create.server");
const { getUserById } = await import("../app/models/auth.server");

console.log(`bench:booking — ${describeMachine(machineInfo())}`);
console.log(`seeding ${scale} mediators into ${dbFile}…`);
let t0 = performance.now();
prepareDatabase(dbFile, { scale, demoAccounts: true });
console.log(`  seeded in ${fmtMs(performance.now() - t0)} ms`);
const db = getDb();
const now = Date.now();
const zone = "Asia/Shanghai";
const today = DateTime.fromMillis(now, { zone }).toISODate()!;
const plus = (days: number) => DateTime.fromMillis(now, { zone }).plus({ days }).toISODate()!;

// ── 1. slot computation ────────────────────────────────────────────────────────────────────────────
function timeIt(reps: number, fn: () => void): number[] {
  for (let i = 0; i < Math.min(20, reps); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const s = performance.now();
    fn();
    samples.push(performance.now() - s);
  }
  return samples;
}
const oneSixty = summarize(timeIt(quick ? 50 : 300, () => mediatorSlots(db, 1, { from: today, to: plus(59), now })));
const hundredIds = Array.from({ length: 100 }, (_, i) => i + 1);
const hundredThirty = summarize(
  timeIt(quick ? 5 : 30, () => hundredIds.forEach((id) => mediatorSlots(db, id, { from: today, to: plus(29), now }))),
);
const contexts = hundredIds.map((id) => slotContext(db, id, today, plus(29)));
const pureHundred = summarize(
  timeIt(quick ? 5 : 30, () => contexts.forEach((c) => computeSlots({ ...c, now, from: today, to: plus(29) }))),
);
const slotRows = [
  ["1 mediator × 60 days", fmtMs(oneSixty.p50), fmtMs(oneSixty.p95), fmtMs(oneSixty.p50 / 2)],
  ["100 mediators × 30 days (with reads)", fmtMs(hundredThirty.p50), fmtMs(hundredThirty.p95), fmtMs(hundredThirty.p50 / 100)],
  ["100 mediators × 30 days (computation only)", fmtMs(pureHundred.p50), fmtMs(pureHundred.p95), fmtMs(pureHundred.p50 / 100)],
];
console.log(mdTable(["slot computation", "p50 ms", "p95 ms", "ms per mediator-month (p50)"], slotRows, ["l", "r", "r", "r"]));

// Free slots to book: every mediator's online slots over the horizon, each used once.
const partyUser = getUserById(1)!;
const freeSlots: { mediatorId: number; start: string }[] = [];
// At most three a day per mediator: the demo pool's daily caps are 3 or 4.
const httpConfigs = processes > 1 ? 3 : 2; // see `configs` below
for (let id = 1; id <= scale && freeSlots.length < httpRequests * httpConfigs + 3000; id++) {
  const perDay = new Map<string, number>();
  for (const s of mediatorSlots(db, id, { from: today, to: plus(59), now, mode: "online" })) {
    const day = DateTime.fromMillis(s.start, { zone }).toISODate()!;
    if ((perDay.get(day) ?? 0) >= 3) continue;
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    freeSlots.push({ mediatorId: id, start: DateTime.fromMillis(s.start, { zone }).toISO()! });
  }
}
console.log(`${fmtInt(freeSlots.length)} free online slots collected`);

// ── 2. raw SQLite and the model transaction, in-process ─────────────────────────────────────────────
const raw = openDb(dbFile).$client;
const rawInsert = raw.prepare(
  `insert into bookings (case_id, party_user_id, mediator_id, start_at, end_at, mode, status, respond_by)
   values (1, 1, ?, ?, ?, 'online', 'pending', ?)`,
);
const overlap = raw.prepare(
  `select 1 from bookings where mediator_id = ? and status in ('pending','confirmed') and start_at < ? and end_at > ?`,
);
raw.prepare(`insert into cases (party_user_id, category_slug, summary) values (1, 'labour', 'bench')`).run();
const rawN = quick ? 2000 : 20000;
const farFuture = Date.parse("2100-01-01T00:00:00Z");
const rawTx = raw.transaction((i: number) => {
  const start = farFuture + i * 3_600_000;
  if (!overlap.get(scale + 1, start + 3_600_000, start)) rawInsert.run(1, start, start + 3_600_000, start);
});
t0 = performance.now();
for (let i = 0; i < rawN; i++) rawTx.immediate(i);
const rawRate = rawN / ((performance.now() - t0) / 1000);
// The participants' rows the triggers wrote for them (ADR 027) go first: they reference the bookings.
raw.prepare(`delete from booking_participants where booking_id in (select id from bookings where start_at >= ?)`).run(farFuture);
raw.prepare(`delete from bookings where start_at >= ?`).run(farFuture);

const modelN = quick ? 200 : 1000;
const modelSlots = freeSlots.splice(0, modelN);
t0 = performance.now();
// One after another, as before: each awaits its write transaction (the one write primitive).
for (const s of modelSlots)
  await createBooking({
    party: partyUser,
    input: { mediatorId: s.mediatorId, start: s.start, mode: "online", category: "labour", summary: "基准测试预约" },
    now: Date.now(),
  });
const modelRate = modelN / ((performance.now() - t0) / 1000);
console.log(`raw insert transaction: ${fmtInt(rawRate)}/s; createBooking model transaction: ${fmtInt(modelRate)}/s`);

// ── 3. HTTP ────────────────────────────────────────────────────────────────────────────────────────
const children: ChildProcess[] = [];
const stopAll = () => children.forEach((c) => c.exitCode === null && c.kill("SIGTERM"));
process.on("exit", stopAll);
process.on("SIGINT", () => process.exit(130));

async function startServer(env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const profile = process.env.BENCH_SERVER_PROFILE ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, "server.mjs", "build/server/index.js"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", ACCESS_LOG: "0", NODE_ENV: "production", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return url;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}
/** Stops every server and waits (a profile asked for with BENCH_SERVER_PROFILE is written on exit). */
async function stopServers() {
  await Promise.all(
    children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : (c.once("exit", resolve), c.kill("SIGTERM"))))),
  );
  children.length = 0;
}
if (!fs.existsSync(path.join(ROOT, "build/server/index.js"))) throw new Error("run `npm run build` first");

type FreeSlot = (typeof freeSlots)[number];
const bookBody = (s: FreeSlot) => ({
  mediatorId: s.mediatorId,
  start: s.start,
  mode: "online",
  category: "labour",
  summary: "基准测试预约",
});

/** A fetch loop: for the warm-up and the contention case, where every request's answer is kept. */
async function run(urls: string[], token: string, total: number, concurrency: number, body: (i: number) => unknown) {
  const statuses: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const r = await fetch(`${urls[i % urls.length]}/api/v1/bookings`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
          body: JSON.stringify(body(i)),
        });
        await r.arrayBuffer();
        statuses[i] = r.status;
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, statuses };
}

/**
 * The measured run: autocannon (far lighter per request than a fetch loop, so the server gets the
 * CPU), 50 connections (cluster workers share them), every request a different free slot, for a
 * fixed duration (with a fixed number of requests autocannon ends on a whole-second tick).
 */
async function measure(urls: string[], token: string, slots: FreeSlot[]) {
  const serverCpuBefore = children.map((c) => cpuSecondsOfTree(c.pid!));
  const clientCpuBefore = process.cpuUsage();
  const share = urls.map((_, p) => slots.filter((_, i) => i % urls.length === p));
  const results = await Promise.all(
    urls.map((url, p) => {
      let next = 0;
      return autocannon({
        url: `${url}/api/v1/bookings`,
        connections: Math.ceil(50 / urls.length),
        duration: httpSeconds,
        timeout: 30,
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        requests: [
          { method: "POST", setupRequest: (req) => ({ ...req, body: JSON.stringify(bookBody(share[p][next++ % share[p].length])) }) },
        ],
      });
    }),
  );
  const seconds = Math.max(...results.map((r) => r.duration));
  const count = (status: string) => results.reduce((n, r) => n + (r.statusCodeStats?.[status]?.count ?? 0), 0);
  // Latency percentiles of the slowest process's run (autocannon reports per run).
  const latency = results.reduce((a, b) => (b.latency.p99 > a.latency.p99 ? b : a)).latency;
  const requests = results.reduce((n, r) => n + Object.values(r.statusCodeStats ?? {}).reduce((m, c) => m + c.count, 0), 0);
  const created = count("201");
  // Where the two cores went: the servers' CPU per booking, and the load generator's share.
  const serverCpu = children.reduce((sum, c, i) => sum + cpuSecondsOfTree(c.pid!) - serverCpuBefore[i], 0);
  const client = process.cpuUsage(clientCpuBefore);
  return {
    serverCpuMsPerBooking: round((serverCpu * 1000) / created),
    loadGeneratorCores: round((client.user + client.system) / 1e6 / seconds),
    seconds,
    requests,
    created,
    bookingsPerSecond: round(created / seconds),
    conflicts: count("409"),
    errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0),
    latency: { p50: latency.p50, p99: latency.p99 },
  };
}

// Side by side in one run: one process, what `npm start` runs on this machine (a process per core), and the
// same API through Remix's own request handler (the baseline the fast path is measured against).
// The contention case runs against the multi-process configuration: the guarantee across processes.
// Several processes are what `WEB_CONCURRENCY=N npm start` runs: node:cluster workers on one port.
const configs: { name: string; processes: number; env: Record<string, string>; contention: boolean }[] = [
  { name: "1 process (WEB_CONCURRENCY=1)", processes: 1, env: { WEB_CONCURRENCY: "1" }, contention: processes === 1 },
  ...(processes > 1
    ? [
        {
          name: `${processes} processes (WEB_CONCURRENCY=${processes}${processes === Math.min(os.availableParallelism(), 4) ? ", npm start's default on this machine" : ""})`,
          processes,
          env: { WEB_CONCURRENCY: String(processes) },
          contention: true,
        },
      ]
    : []),
  {
    name: "1 process, API through Remix's handler (API_FAST_PATH=0)",
    processes: 1,
    env: { WEB_CONCURRENCY: "1", API_FAST_PATH: "0" },
    contention: false,
  },
];
const httpRuns: (ReturnType<typeof measure> extends Promise<infer R> ? R & { name: string; processes: number } : never)[] = [];
let race = { seconds: 0, statuses: [] as number[] };
for (const config of configs) {
  const urls = [await startServer(config.env)];
  const token = (
    (await (
      await fetch(`${urls[0]}/api/v1/auth/token`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: "party@example.com", password: "demo12345" }),
      })
    ).json()) as { token: string }
  ).token;
  await run(urls, token, 200, 50, () => bookBody(freeSlots.pop()!)); // warm-up
  const figures = { name: config.name, processes: config.processes, ...(await measure(urls, token, freeSlots.splice(0, httpRequests))) };
  httpRuns.push(figures);
  console.log(
    `HTTP, ${config.name}: ${fmtInt(figures.created)} × 201 of ${fmtInt(figures.requests)} (${figures.conflicts} × 409, ${figures.errors} errors) in ${figures.seconds} s → ${fmtInt(figures.bookingsPerSecond)} bookings/s (p50 ${fmtMs(figures.latency.p50)} ms, p99 ${fmtMs(figures.latency.p99)} ms); server CPU ${fmtMs(figures.serverCpuMsPerBooking)} ms per booking, load generator ${figures.loadGeneratorCores} cores`,
  );
  // ── 4. contention, across every process of the multi-process run ──────────────────────────────────
  if (config.contention) {
    const contested = freeSlots.pop()!;
    race = await run(urls, token, 500, 500, () => bookBody(contested));
  }
  await stopServers();
}
const winners = race.statuses.filter((s) => s === 201).length;
const losers = race.statuses.filter((s) => s === 409).length;
console.log(`contention: 500 requests for one slot → ${winners} × 201, ${losers} × 409, all answered in ${fmtMs(race.seconds * 1000)} ms`);
const main = httpRuns[0];

// ── report ─────────────────────────────────────────────────────────────────────────────────────────
const machine = machineInfo();
const results = {
  machine,
  scale,
  processes,
  slots: { oneMediator60Days: oneSixty, hundredMediators30Days: hundredThirty, hundredMediators30DaysComputationOnly: pureHundred },
  sqlite: { rawInsertPerSecond: round(rawRate), createBookingPerSecond: round(modelRate) },
  http: httpRuns,
  contention: { requests: 500, created: winners, conflicts: losers, milliseconds: round(race.seconds * 1000) },
};
const files = writeResults("booking", results, { latest: !quick, timestamp: fileTimestamp() });
console.log(`saved ${files.join(", ")}`);
if (!quick && !opts["no-docs"]) {
  const perMonth = hundredThirty.p50 / 100;
  updateDocSection(
    "booking",
    [
      `### Booking (\`npm run bench:booking\`, ${DateTime.now().toISODate()}, ${describeMachine(machine)})`,
      "",
      `Pool of ${fmtInt(scale)} generated mediators; 50 connections from autocannon on the same machine, ${httpSeconds} s per run, every request a different free slot.`,
      "",
      mdTable(
        ["figure", "result", "target"],
        [
          ...httpRuns.map((r) => [
            `successful bookings/s over HTTP, ${r.name}`,
            `${fmtInt(r.bookingsPerSecond)} (p50 ${fmtMs(r.latency.p50)} ms, p99 ${fmtMs(r.latency.p99)} ms; server CPU ${fmtMs(r.serverCpuMsPerBooking)} ms per booking)`,
            r === main || r.processes > 1 ? `≥ 1,000/s ${r.bookingsPerSecond >= 1000 ? "✅" : "❌"}` : "baseline",
          ]),
          ["raw SQLite insert transaction (same insert + overlap check)", `${fmtInt(rawRate)}/s`, "ceiling"],
          ["`createBooking` model transaction, in-process", `${fmtInt(modelRate)}/s`, ""],
          [
            "500 requests for one slot",
            `${winners} × 201, ${losers} × 409 in ${fmtMs(race.seconds * 1000)} ms`,
            `exactly one ${winners === 1 ? "✅" : "❌"}`,
          ],
          ["slots: 1 mediator × 60 days", `${fmtMs(oneSixty.p50)} ms (p95 ${fmtMs(oneSixty.p95)})`, ""],
          [
            "slots: 100 mediators × 30 days",
            `${fmtMs(hundredThirty.p50)} ms → ${fmtMs(perMonth)} ms per mediator-month`,
            `≤ 2 ms ${perMonth <= 2 ? "✅" : "❌"}`,
          ],
          ["slots: the same, computation only", `${fmtMs(pureHundred.p50 / 100)} ms per mediator-month`, ""],
        ],
        ["l", "r", "l"],
      ),
    ].join("\n"),
  );
  console.log("updated docs/performance.md");
}
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
