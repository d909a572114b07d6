// `bench:cases`: what the case adds to the write path and what the records cost, over a year of history.
//   1. seeding a year of demo history (1k, 10k, 45k cases) with the records projection rebuilt;
//   2. rebuilding every record from case rows (target ≤ 1 s at 45,000 cases);
//   3. an outcome's transaction (the case row, the agreement, its audit row, the records of the
//      mediator and committee, the search outbox) against a bare insert in the same write primitive;
//   4. reading a mediator's record (the profile's figures), window summed, median from rows.
// Options: --quick (1k and 10k only), --no-docs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { describeMachine, machineInfo } from "./lib/machine";
import { fileTimestamp, mdTable, updateDocSection, writeResults } from "./lib/report";
import { fmtMs, round, summarize } from "./lib/stats";

const { values: opts } = parseArgs({
  options: { quick: { type: "boolean", default: false }, "no-docs": { type: "boolean", default: false } },
});
const sizes = opts.quick ? [1_000, 10_000] : [1_000, 10_000, 45_000];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-cases-"));
process.env.DATABASE_PATH = path.join(dir, "main.db");
process.env.NODE_ENV = "production";
process.env.DEMO_ACCOUNTS = "1";

const { openDb, writeTransaction } = await import("../db/client");
const { prepareDatabase } = await import("../db/seed");
const { caseEvents, cases, mediators, users } = await import("../db/schema");
const { rebuildAllRecords, getMediatorRecord } = await import("../app/models/records.server");
const { openCase } = await import("../app/models/cases.server");
const { recordOutcome } = await import("../app/models/case-outcome.server");

const now = Date.now();
console.log(`bench:cases — ${describeMachine(machineInfo())}`);

const seeding: { cases: number; ms: number }[] = [];
for (const n of sizes) {
  const file = path.join(dir, `history-${n}.db`);
  const started = performance.now();
  prepareDatabase(file, { history: n });
  seeding.push({ cases: n, ms: round(performance.now() - started) });
  console.log(`seeded the pool and ${n.toLocaleString()} cases of history in ${fmtMs(performance.now() - started)} ms`);
}

// The main database: the largest history, which the remaining measurements run on.
const biggest = sizes[sizes.length - 1];
fs.copyFileSync(path.join(dir, `history-${biggest}.db`), process.env.DATABASE_PATH);
const db = openDb(process.env.DATABASE_PATH);

const rebuild: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  await writeTransaction(db, (tx) => rebuildAllRecords(tx));
  rebuild.push(performance.now() - t0);
}
const rebuildSummary = summarize(rebuild);
console.log(`rebuild every record from ${biggest.toLocaleString()} cases: p50 ${fmtMs(rebuildSummary.p50)} ms (target ≤ 1,000 ms)`);

// Fresh cases agreed on a mediator, to close one by one.
const staff = db.select().from(users).where(eq(users.role, "staff")).get()!;
const mediatorRows = db.select({ id: mediators.id }).from(mediators).limit(50).all();
const N = 300;
const open = await writeTransaction(db, (tx) =>
  Array.from({ length: N }, (_, i) => {
    const m = mediatorRows[i % mediatorRows.length].id;
    const { id } = openCase(tx, {
      filedBy: { ...staff, role: "staff" },
      channel: "window",
      category: "labour",
      description: "基准测试：拖欠工资纠纷",
      applicants: [{ name: "基准申请人" }],
      respondents: [{ name: "基准被申请人" }],
      now,
    });
    tx.update(cases).set({ status: "mediator-agreed", mediatorId: m }).where(eq(cases.id, id)).run();
    return id;
  }),
);
const staffUser = { id: staff.id, email: staff.email, name: staff.name, phone: staff.phone, role: "staff" as const, mediatorId: null };
const outcomeMs: number[] = [];
for (const id of open) {
  const t0 = performance.now();
  await recordOutcome({
    user: staffUser,
    caseId: id,
    input: {
      outcome: "agreement",
      visits: 0,
      agreement: {
        facts: "经核实，被申请人尚欠工资。",
        obligations: [{ obligor: "respondent", description: "支付工资", amountYuan: 8000, dueOn: "2031-01-15" }],
      },
    },
    now,
  });
  outcomeMs.push(performance.now() - t0);
}
const bareMs: number[] = [];
for (const id of open) {
  const t0 = performance.now();
  await writeTransaction(db, (tx) => tx.insert(caseEvents).values({ caseId: id, at: now, actor: "system", event: "bench" }).run());
  bareMs.push(performance.now() - t0);
}
const outcome = summarize(outcomeMs);
const bare = summarize(bareMs);
console.log(
  `an outcome's transaction: p50 ${fmtMs(outcome.p50)} ms, p95 ${fmtMs(outcome.p95)} ms; a bare insert: p50 ${fmtMs(bare.p50)} ms`,
);

const busiest = db.get<{ id: number }>(
  sql`select mediator_id as id from cases where mediator_id is not null group by mediator_id order by count(*) desc limit 1`,
).id;
const recordMs: number[] = [];
for (let i = 0; i < 200; i++) {
  const t0 = performance.now();
  getMediatorRecord({ mediatorId: busiest, now });
  recordMs.push(performance.now() - t0);
}
const record = summarize(recordMs);
console.log(
  `a mediator's record (the busiest, ${db.get<{ n: number }>(sql`select count(*) as n from cases where mediator_id = ${busiest}`).n} cases): p50 ${fmtMs(record.p50)} ms`,
);

const results = {
  machine: machineInfo(),
  at: new Date(now).toISOString(),
  seeding,
  rebuildAllRecords: { cases: biggest, ...rebuildSummary },
  outcomeTransaction: outcome,
  bareInsertTransaction: bare,
  mediatorRecordRead: record,
};
const saved = writeResults("cases", results, { latest: true, timestamp: fileTimestamp() });
console.log(`saved ${saved.join(", ")}`);
if (!opts["no-docs"]) {
  updateDocSection(
    "cases",
    `## Cases and records (\`npm run bench:cases\`)

${describeMachine(machineInfo())}; the year of demo history seeded by \`db/demo-history.ts\`.

${mdTable(
  ["measure", "figure"],
  [
    ...seeding.map((s) => [`seed the pool and ${s.cases.toLocaleString()} cases (records rebuilt)`, `${fmtMs(s.ms)} ms`]),
    [
      `rebuild every record from ${biggest.toLocaleString()} cases (target ≤ 1 s)`,
      `p50 ${fmtMs(rebuildSummary.p50)} ms, max ${fmtMs(rebuildSummary.max)} ms`,
    ],
    ["an outcome's transaction (case, agreement, audit, records, outbox)", `p50 ${fmtMs(outcome.p50)} ms, p95 ${fmtMs(outcome.p95)} ms`],
    ["baseline: a bare insert through the same write primitive", `p50 ${fmtMs(bare.p50)} ms, p95 ${fmtMs(bare.p95)} ms`],
    ["a mediator's record (the busiest mediator)", `p50 ${fmtMs(record.p50)} ms, p95 ${fmtMs(record.p95)} ms`],
  ],
  ["l", "r"],
)}`,
  );
}
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
