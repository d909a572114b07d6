// `npm run search:judge`: the engines over the judged queries (bench/lib/judged-queries.ts) on the demo
// pool, indexed exactly as the app indexes it (bench/lib/judge.ts): the embedded engine, Meilisearch and
// the MiniSearch baseline of the search benchmark. Per query and engine: are the expected people and
// committees among the first 10 hits, is the expected one first, and did anything that must not be
// there appear.
//
// Meilisearch: MEILI_URL (and MEILI_MASTER_KEY) when set, on a throw-away index deleted afterwards;
// else the installed binary (MEILI_BIN or `meilisearch` on PATH) started on a free 127.0.0.1 port with
// a fresh data directory; else the Meilisearch column is skipped and the reason printed.
// Figures go to stdout, bench/results/judged-<timestamp>.json (+ judged-latest.json) and the
// bench:judged section of docs/performance.md. `npm run bench:search` runs the same judge in its run.
//
// Options: --no-save (print only), --render FILE (rewrite the docs section from a saved result),
// --engines embedded,meilisearch,baseline (default all three).
import fs from "node:fs";
import { parseArgs } from "node:util";
import { JUDGE_ENGINES, printJudged, renderJudged, runJudged, type JudgeEngineName, type JudgeReport } from "./lib/judge";
import { meiliUnavailable, openMeili, type MeiliTarget } from "./lib/meili";
import { fileTimestamp, updateDocSection, writeResults } from "./lib/report";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { "no-save": { type: "boolean" }, render: { type: "string" }, engines: { type: "string" } },
  });
  if (values.render) {
    const report = JSON.parse(fs.readFileSync(values.render, "utf8")) as JudgeReport;
    updateDocSection("judged", renderJudged(report));
    console.log(`rewrote the bench:judged section of docs/performance.md from ${values.render}`);
    return;
  }
  const engines = (values.engines?.split(",").map((s) => s.trim()) ?? [...JUDGE_ENGINES]) as JudgeEngineName[];
  const unknown = engines.filter((e) => !JUDGE_ENGINES.includes(e));
  if (unknown.length || engines.length === 0) {
    console.error(`--engines takes a comma-separated list of ${JUDGE_ENGINES.join(", ")}; got ${values.engines}`);
    process.exit(2);
  }

  let server: MeiliTarget | undefined;
  try {
    let meili: MeiliTarget | { skipped: string };
    const unavailable = engines.includes("meilisearch") ? meiliUnavailable() : "not asked for (--engines)";
    if (unavailable) {
      meili = { skipped: unavailable };
      if (engines.includes("meilisearch")) console.warn(`Meilisearch column skipped: ${unavailable}`);
    } else meili = server = await openMeili();

    const report = await runJudged({ engines, meili });
    printJudged(report);
    if (!values["no-save"]) {
      const files = writeResults("judged", report, { latest: true, timestamp: fileTimestamp() });
      updateDocSection("judged", renderJudged(report));
      console.log(`\nsaved ${files.join(", ")} and the bench:judged section of docs/performance.md`);
    }
  } finally {
    await server?.stop();
  }
}

await main();
