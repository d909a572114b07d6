// `npm run bench:search`: the embedded search engine against a MiniSearch + Intl.Segmenter baseline,
// side by side in one run, over generated pools of 1k, 10k and 100k mediators (+ the 12 committees).
//
// Per pool size: build time and memory of each index (heap + array buffers and RSS, deltas after full
// GCs; the documents themselves are allocated before either index and not counted), then latency of a
// fixed, seeded query mix by class (bench/lib/queries.ts). Every query asks for page 1 of 20 hits with
// all facets. Engines are interleaved query by query (alternating which goes first) so drift, GC and
// thermal effects hit both alike. Figures go to stdout, bench/results/search-<timestamp>.json (+
// search-latest.json) and the bench:search section of docs/performance.md.
//
// Options:
//   --sizes 1000,10000   pool sizes (default 1000,10000,100000)
//   --samples N          minimum timed samples per class per engine (default 300)
//   --quick              smoke run: sizes 1000,10000 and 40 samples unless given; no docs, no -latest
//   --docs / --no-docs   force or suppress rewriting docs/performance.md (default: rewrite when the
//                        run is not --quick and includes 100000)
//   --baseline-only      run without the embedded engine (while it does not exist yet)
//   --render FILE        measure nothing: rewrite the docs section from a saved results file
import { parseArgs } from "node:util";
import { FACETS } from "../domain";
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from "../search/types";
import { MiniSearchEngine } from "./baseline/minisearch-engine";
import { MB, fullGc, getGc, memorySnapshot } from "./lib/gc";
import { GcWatch, type GcOverlap, type Interval } from "./lib/gc-watch";
import { describeMachine, loadPerCore, machineInfo, warnIfBusy } from "./lib/machine";
import { benchPool } from "./lib/pool";
import { CLASS_DESCRIPTIONS, QUERY_CLASSES, describeQuery, queryMix, type BenchQuery, type QueryClass } from "./lib/queries";
import fs from "node:fs";
import path from "node:path";
import { ROOT, fileTimestamp, mdTable, resultsFile, updateDocSection, writeResults } from "./lib/report";
import { fmtInt, fmtMs, round, roundSummary, summarize, type LatencySummary } from "./lib/stats";

type Engine = Pick<SearchEngine, "setup" | "upsert" | "search" | "count">;
type EngineId = "embedded" | "baseline";

interface EngineSpec {
  id: EngineId;
  label: string;
  create: () => Engine;
}

/** The targets of the issue: p95 ≤ 10 ms at 100k for top-20 + all facets, faster than the baseline. */
export const TARGETS = { size: 100_000, p95Ms: 10 } as const;

/** Same page size as the app's indexing (search/service.ts reads and upserts 5000 at a time). */
const UPSERT_BATCH = 5000;

const { values: opts } = parseArgs({
  options: {
    sizes: { type: "string" },
    samples: { type: "string" },
    quick: { type: "boolean", default: false },
    docs: { type: "boolean" },
    "no-docs": { type: "boolean", default: false },
    "baseline-only": { type: "boolean", default: false },
    render: { type: "string" },
  },
});

const sizes = (opts.sizes ?? (opts.quick ? "1000,10000" : "1000,10000,100000"))
  .split(",")
  .map((s) => Number(s.trim().replace(/_/g, "").replace(/k$/i, "000")));
if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
  console.error("--sizes needs positive whole numbers, e.g. --sizes 1000,10000");
  process.exit(2);
}
const minSamples = Number(opts.samples ?? (opts.quick ? 40 : 300));
if (!Number.isInteger(minSamples) || minSamples <= 0) {
  console.error("--samples needs a positive whole number");
  process.exit(2);
}
const warmupPasses = opts.quick ? 1 : 3;
const writeDocs = opts["no-docs"] ? false : (opts.docs ?? (!opts.quick && sizes.includes(TARGETS.size)));

async function engineSpecs(): Promise<EngineSpec[]> {
  const baseline: EngineSpec = {
    id: "baseline",
    label: "MiniSearch + Intl.Segmenter",
    create: () => new MiniSearchEngine(),
  };
  if (opts["baseline-only"]) return [baseline];
  const { EmbeddedEngine } = await import("../search/embedded");
  return [{ id: "embedded", label: "embedded", create: () => new EmbeddedEngine() }, baseline];
}

interface BuildFigures {
  ms: number;
  /** V8 heap used + ArrayBuffer memory, delta after full GCs, MB. */
  heapMB: number;
  heapUsedMB: number;
  arrayBuffersMB: number;
  rssMB: number;
  count: number;
}

async function build(spec: EngineSpec, documents: SearchDocument[]) {
  fullGc();
  const before = memorySnapshot();
  const started = performance.now();
  const engine = spec.create();
  await engine.setup();
  for (let i = 0; i < documents.length; i += UPSERT_BATCH) await engine.upsert(documents.slice(i, i + UPSERT_BATCH));
  const ms = performance.now() - started;
  fullGc();
  const after = memorySnapshot();
  const heapUsed = (after.heapUsed - before.heapUsed) / MB;
  const arrayBuffers = (after.arrayBuffers - before.arrayBuffers) / MB;
  const figures: BuildFigures = {
    ms: round(ms),
    heapMB: round(heapUsed + arrayBuffers),
    heapUsedMB: round(heapUsed),
    arrayBuffersMB: round(arrayBuffers),
    rssMB: round((after.rss - before.rss) / MB),
    count: await engine.count(),
  };
  return { engine, figures };
}

function checkResult(spec: EngineSpec, q: SearchQuery, r: SearchResult): void {
  const problems: string[] = [];
  if (!Number.isInteger(r.total) || r.total < 0) problems.push(`total ${r.total}`);
  if (r.hits.length > q.perPage) problems.push(`${r.hits.length} hits for perPage ${q.perPage}`);
  if (r.hits.length < Math.min(q.perPage, r.total)) problems.push(`${r.hits.length} hits of ${r.total}`);
  for (const f of FACETS) if (!r.facets || typeof r.facets[f] !== "object") problems.push(`no facet ${f}`);
  if (problems.length) throw new Error(`${spec.id} answered ${describeQuery(q)} wrongly: ${problems.join("; ")}`);
}

interface ClassFigures {
  cls: QueryClass;
  queries: number;
  engines: Partial<Record<EngineId, LatencySummary & { avgTotal: number }>>;
  /** baseline ÷ embedded; > 1 means the embedded engine is faster. */
  speedup?: { p50: number; p95: number; p99: number; mean: number };
  perQuery: Array<{
    query: string;
    totals: Partial<Record<EngineId, number>>;
    p50: Partial<Record<EngineId, number>>;
    p95: Partial<Record<EngineId, number>>;
  }>;
  /**
   * The embedded engine timed again on its own, after the baseline index is dropped: what a server
   * process sees. Interleaved timings also catch GC pauses caused by the baseline's garbage.
   */
  embeddedAlone?: LatencySummary;
  embeddedAloneGc?: GcOverlap;
  /** GC pauses inside each engine's timed samples (interleaved run). */
  gc: Partial<Record<EngineId, GcOverlap>>;
}

interface SizeFigures {
  size: number;
  documents: number;
  committees: number;
  poolMs: number;
  build: Partial<Record<EngineId, BuildFigures>>;
  classes: ClassFigures[];
  all: Partial<Record<EngineId, LatencySummary>>;
  embeddedAlone?: LatencySummary;
}

async function timeOnce(engine: Engine, q: SearchQuery, intervals?: Interval[]): Promise<number> {
  const t0 = performance.now();
  await engine.search(q);
  const t1 = performance.now();
  intervals?.push({ start: t0, end: t1 });
  return t1 - t0;
}

const gcWatch = new GcWatch();

async function benchSize(size: number, specs: EngineSpec[]): Promise<SizeFigures> {
  const t0 = performance.now();
  const { pool, documents, committees } = benchPool(size);
  const poolMs = performance.now() - t0;
  console.log(
    `\n── ${fmtInt(size)} mediators + ${committees} committees (${fmtInt(documents.length)} documents; pool generated in ${fmtMs(poolMs)} ms)`,
  );

  const engines = new Map<EngineId, Engine>();
  const buildFigures: SizeFigures["build"] = {};
  for (const spec of specs) {
    const { engine, figures } = await build(spec, documents);
    if (figures.count !== documents.length) throw new Error(`${spec.id} holds ${figures.count} of ${documents.length} documents`);
    engines.set(spec.id, engine);
    buildFigures[spec.id] = figures;
    console.log(
      `   build ${spec.id.padEnd(9)} ${fmtMs(figures.ms).padStart(8)} ms   heap+buffers ${fmtMs(figures.heapMB).padStart(7)} MB` +
        `   (heap ${fmtMs(figures.heapUsedMB)}, buffers ${fmtMs(figures.arrayBuffersMB)})   RSS ${fmtMs(figures.rssMB)} MB`,
    );
  }

  const mix = queryMix(pool);
  const classes: ClassFigures[] = [];
  const all: Record<EngineId, number[]> = { embedded: [], baseline: [] };

  // Correctness of shape and result sizes first (one run each), then warm-up passes over everything.
  const totals = new Map<BenchQuery, Partial<Record<EngineId, number>>>();
  for (const cls of QUERY_CLASSES) {
    for (const bq of mix[cls]) {
      const t: Partial<Record<EngineId, number>> = {};
      for (const spec of specs) {
        const r = await engines.get(spec.id)!.search(bq.query);
        checkResult(spec, bq.query, r);
        t[spec.id] = r.total;
      }
      totals.set(bq, t);
    }
  }
  for (let pass = 0; pass < warmupPasses; pass++)
    for (const cls of QUERY_CLASSES) for (const bq of mix[cls]) for (const spec of specs) await engines.get(spec.id)!.search(bq.query);

  console.log(`   latency in ms over ≥${minSamples} samples per class per engine; hits = average total matches`);
  printHeader(specs);
  for (const cls of QUERY_CLASSES) {
    const queries = mix[cls];
    const rounds = Math.ceil(minSamples / queries.length);
    const samples: Record<EngineId, number[]> = { embedded: [], baseline: [] };
    const perQuery = queries.map(() => ({ embedded: [] as number[], baseline: [] as number[] }));
    const intervals: Record<EngineId, Interval[]> = { embedded: [], baseline: [] };
    fullGc();
    gcWatch.start();
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < queries.length; i++) {
        const order = (r + i) % 2 === 0 ? specs : [...specs].reverse();
        for (const spec of order) {
          const ms = await timeOnce(engines.get(spec.id)!, queries[i].query, intervals[spec.id]);
          samples[spec.id].push(ms);
          perQuery[i][spec.id].push(ms);
        }
      }
    }
    await gcWatch.stop();
    const figures: ClassFigures = { cls, queries: queries.length, engines: {}, perQuery: [], gc: {} };
    for (const spec of specs) figures.gc[spec.id] = gcWatch.overlap(intervals[spec.id]);
    for (const spec of specs) {
      const avgTotal = queries.reduce((n, q) => n + (totals.get(q)?.[spec.id] ?? 0), 0) / queries.length;
      figures.engines[spec.id] = { ...roundSummary(summarize(samples[spec.id])), avgTotal: round(avgTotal) };
      all[spec.id].push(...samples[spec.id]);
    }
    const e = figures.engines.embedded;
    const b = figures.engines.baseline;
    if (e && b) {
      const s = summarize(samples.embedded);
      const t = summarize(samples.baseline);
      figures.speedup = {
        p50: round(t.p50 / s.p50),
        p95: round(t.p95 / s.p95),
        p99: round(t.p99 / s.p99),
        mean: round(t.mean / s.mean),
      };
    }
    figures.perQuery = queries.map((q, i) => ({
      query: describeQuery(q.query),
      totals: totals.get(q) ?? {},
      p50: Object.fromEntries(specs.map((spec) => [spec.id, round(summarize(perQuery[i][spec.id]).p50)])),
      p95: Object.fromEntries(specs.map((spec) => [spec.id, round(summarize(perQuery[i][spec.id]).p95)])),
    }));
    classes.push(figures);
    printClass(figures, specs);
  }

  const allFigures: SizeFigures["all"] = {};
  for (const spec of specs) allFigures[spec.id] = roundSummary(summarize(all[spec.id]));

  let embeddedAlone: LatencySummary | undefined;
  const embedded = engines.get("embedded");
  if (embedded && engines.has("baseline")) {
    engines.delete("baseline");
    fullGc();
    const every: number[] = [];
    const line: string[] = [];
    for (const figures of classes) {
      const queries = mix[figures.cls];
      const rounds = Math.ceil(minSamples / queries.length);
      const samples: number[] = [];
      const intervals: Interval[] = [];
      fullGc();
      gcWatch.start();
      for (let r = 0; r < rounds; r++) for (const q of queries) samples.push(await timeOnce(embedded, q.query, intervals));
      await gcWatch.stop();
      figures.embeddedAlone = roundSummary(summarize(samples));
      figures.embeddedAloneGc = gcWatch.overlap(intervals);
      every.push(...samples);
      line.push(`${figures.cls} ${fmtMs(figures.embeddedAlone.p50)}/${fmtMs(figures.embeddedAlone.p95)}`);
    }
    embeddedAlone = roundSummary(summarize(every));
    console.log(`   embedded alone (baseline dropped), p50/p95 ms: ${line.join(" · ")}`);
    console.log(
      `   GC pauses in the embedded engine's slowest 5 % of samples, interleaved → alone: ` +
        classes
          .map(
            (c) =>
              `${c.cls} ${Math.round((c.gc.embedded?.tailShareWithGc ?? 0) * 100)} → ${Math.round((c.embeddedAloneGc?.tailShareWithGc ?? 0) * 100)} %`,
          )
          .join(" · "),
    );
  }
  return {
    size,
    documents: documents.length,
    committees,
    poolMs: round(poolMs),
    build: buildFigures,
    classes,
    all: allFigures,
    embeddedAlone,
  };
}

function printHeader(specs: EngineSpec[]): void {
  const cols = (id: string) =>
    `${id.padStart(9)}: ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)} ${"mean".padStart(7)} ${"hits".padStart(7)}`;
  console.log(
    `   ${"class".padEnd(15)} ${"n".padStart(3)}  ${specs.map((s) => cols(s.id)).join(" │ ")}${specs.length > 1 ? "   speed-up p50 / p95" : ""}`,
  );
}

function printClass(c: ClassFigures, specs: EngineSpec[]): void {
  const part = (id: EngineId) => {
    const s = c.engines[id]!;
    return `${"".padStart(9)}  ${fmtMs(s.p50).padStart(7)} ${fmtMs(s.p95).padStart(7)} ${fmtMs(s.p99).padStart(7)} ${fmtMs(s.mean).padStart(7)} ${fmtInt(s.avgTotal).padStart(7)}`;
  };
  const speed = c.speedup ? `   ×${c.speedup.p50.toFixed(1)} / ×${c.speedup.p95.toFixed(1)}` : "";
  console.log(`   ${c.cls.padEnd(15)} ${String(c.queries).padStart(3)}  ${specs.map((s) => part(s.id)).join(" │ ")}${speed}`);
}

interface TargetCheck {
  measured: boolean;
  /**
   * p95 per class, of the embedded engine alone (what a server process sees; the verdict when measured)
   * and interleaved with the baseline (which adds pauses for collecting the baseline's garbage).
   */
  p95: Array<{
    cls: string;
    alone: number | null;
    interleaved: number;
    passAlone: boolean | null;
    passInterleaved: boolean;
    /** Share of the embedded engine's slowest 5 % of interleaved samples that a GC pause fell into. */
    interleavedTailGc: number | null;
  }>;
  faster: Array<{ cls: string; embeddedP50: number; baselineP50: number; embeddedP95: number; baselineP95: number; pass: boolean }>;
  /** p95 ≤ target on every class: alone when measured, else interleaved. */
  p95Pass: boolean | null;
  p95InterleavedPass: boolean | null;
  fasterPass: boolean | null;
}

function checkTargets(figures: SizeFigures[]): TargetCheck {
  const at = figures.find((f) => f.size === TARGETS.size);
  if (!at) return { measured: false, p95: [], faster: [], p95Pass: null, p95InterleavedPass: null, fasterPass: null };
  const p95 = at.classes
    .filter((c) => c.engines.embedded)
    .map((c) => {
      const interleaved = c.engines.embedded!.p95;
      const alone = c.embeddedAlone?.p95 ?? null;
      return {
        cls: c.cls,
        alone,
        interleaved,
        passAlone: alone === null ? null : alone <= TARGETS.p95Ms,
        passInterleaved: interleaved <= TARGETS.p95Ms,
        interleavedTailGc: c.gc?.embedded?.tailShareWithGc ?? null,
      };
    });
  const faster = at.classes
    .filter((c) => c.engines.embedded && c.engines.baseline)
    .map((c) => {
      const e = c.engines.embedded!;
      const b = c.engines.baseline!;
      return {
        cls: c.cls,
        embeddedP50: e.p50,
        baselineP50: b.p50,
        embeddedP95: e.p95,
        baselineP95: b.p95,
        pass: e.p50 < b.p50 && e.p95 < b.p95,
      };
    });
  const aloneMeasured = p95.length > 0 && p95.every((x) => x.passAlone !== null);
  return {
    measured: p95.length > 0,
    p95,
    faster,
    p95Pass: p95.length ? p95.every((x) => (aloneMeasured ? x.passAlone : x.passInterleaved)) : null,
    p95InterleavedPass: p95.length ? p95.every((x) => x.passInterleaved) : null,
    fasterPass: faster.length ? faster.every((x) => x.pass) : null,
  };
}

const mark = (pass: boolean | null | undefined) => (pass === null || pass === undefined ? "–" : pass ? "✅" : "❌");

function docSection(run: SearchRun): string {
  const lines: string[] = [];
  lines.push(
    `Last run: ${run.finishedAt.slice(0, 16).replace("T", " ")} UTC · ${run.machineLine} · load ${run.loadPerCore.start}/core at start · ${run.options.samplesPerClass}+ samples per class per engine · \`${run.resultsFile}\``,
  );
  lines.push("");
  lines.push("**Targets** (at 100 000 mediators, top-20 + all facets):");
  const t = run.targets;
  if (!t.measured) lines.push("", "- not measured in this run (no 100 000 pool)");
  else {
    const worstOf = (key: "alone" | "interleaved") => [...t.p95].sort((a, b) => (b[key] ?? 0) - (a[key] ?? 0))[0];
    const missed = (key: "alone" | "interleaved") =>
      t.p95
        .filter((x) => (x[key] ?? 0) > TARGETS.p95Ms)
        .map(
          (x) =>
            `${x.cls} ${fmtMs(x[key] ?? NaN)} ms` +
            (key === "interleaved" && x.interleavedTailGc !== null
              ? ` (a GC pause fell into ${Math.round(x.interleavedTailGc * 100)} % of its slowest 5 % samples)`
              : ""),
        );
    lines.push("");
    if (t.p95.some((x) => x.alone !== null)) {
      const w = worstOf("alone");
      const m = missed("alone");
      lines.push(
        `- ${mark(t.p95Pass)} p95 ≤ ${TARGETS.p95Ms} ms on every query class, the embedded engine timed alone (as a server process runs it) — ` +
          `worst: ${w.cls} ${fmtMs(w.alone ?? NaN)} ms${m.length ? `; missed by ${m.join(", ")}` : ""}`,
      );
    }
    {
      const w = worstOf("interleaved");
      const m = missed("interleaved");
      lines.push(
        `- ${mark(t.p95InterleavedPass)} the same, timed interleaved with the baseline (its garbage collections land in the embedded ` +
          `engine's timings too) — worst: ${w.cls} ${fmtMs(w.interleaved)} ms${m.length ? `; missed by ${m.join(", ")}` : ""}`,
      );
    }
    const failFaster = t.faster.filter((x) => !x.pass).map((x) => x.cls);
    lines.push(
      `- ${mark(t.fasterPass)} faster than the baseline on every query class (p50 and p95)` +
        (failFaster.length ? `; not on ${failFaster.join(", ")}` : ""),
    );
  }
  lines.push("", "**Build** (documents allocated beforehand; memory = deltas after full GC):", "");
  const withBoth = run.specs.map((s) => s.id);
  lines.push(
    mdTable(
      ["mediators", "documents", ...withBoth.flatMap((id) => [`${id} build ms`, `${id} heap+buffers MB`, `${id} RSS MB`])],
      run.sizes.map((f) => [
        fmtInt(f.size),
        fmtInt(f.documents),
        ...withBoth.flatMap((id) => {
          const b = f.build[id];
          return b ? [fmtInt(b.ms), fmtMs(b.heapMB), fmtMs(b.rssMB)] : ["–", "–", "–"];
        }),
      ]),
      ["r", "r", ...withBoth.flatMap(() => ["r", "r", "r"] as const)],
    ),
  );
  for (const f of run.sizes) {
    lines.push("", `**Latency at ${fmtInt(f.size)} mediators** (ms; hits = average total matches):`, "");
    const isTarget = f.size === TARGETS.size;
    const alone = f.classes.some((c) => c.embeddedAlone);
    const header = [
      "class",
      ...withBoth.flatMap((id) => [`${id} p50`, `p95`, `p99`]),
      ...(alone ? ["embedded alone p50 / p95"] : []),
      "speed-up p50 / p95",
      "hits emb / base",
    ];
    if (isTarget) header.push(`p95 ≤ ${TARGETS.p95Ms} alone / interleaved`, "faster");
    const rows = f.classes.map((c) => {
      const row = [
        `\`${c.cls}\``,
        ...withBoth.flatMap((id) => {
          const s = c.engines[id];
          return s ? [fmtMs(s.p50), fmtMs(s.p95), fmtMs(s.p99)] : ["–", "–", "–"];
        }),
        ...(alone ? [c.embeddedAlone ? `${fmtMs(c.embeddedAlone.p50)} / ${fmtMs(c.embeddedAlone.p95)}` : "–"] : []),
        c.speedup ? `×${c.speedup.p50.toFixed(1)} / ×${c.speedup.p95.toFixed(1)}` : "–",
        withBoth.map((id) => (c.engines[id] ? fmtInt(c.engines[id]!.avgTotal) : "–")).join(" / "),
      ];
      if (isTarget) {
        const p = t.p95.find((x) => x.cls === c.cls);
        row.push(`${mark(p?.passAlone)} / ${mark(p?.passInterleaved)}`, mark(t.faster.find((x) => x.cls === c.cls)?.pass));
      }
      return row;
    });
    const allRow = [
      "**all**",
      ...withBoth.flatMap((id) => {
        const s = f.all[id];
        return s ? [fmtMs(s.p50), fmtMs(s.p95), fmtMs(s.p99)] : ["–", "–", "–"];
      }),
      ...(alone ? [f.embeddedAlone ? `${fmtMs(f.embeddedAlone.p50)} / ${fmtMs(f.embeddedAlone.p95)}` : "–"] : []),
      f.all.embedded && f.all.baseline
        ? `×${(f.all.baseline.p50 / f.all.embedded.p50).toFixed(1)} / ×${(f.all.baseline.p95 / f.all.embedded.p95).toFixed(1)}`
        : "–",
      "",
    ];
    if (isTarget) allRow.push("", "");
    rows.push(allRow);
    lines.push(
      mdTable(header, rows, [
        "l",
        ...withBoth.flatMap(() => ["r", "r", "r"] as const),
        ...(alone ? ["r" as const] : []),
        "r",
        "r",
        "l",
        "l",
      ]),
    );
  }
  return lines.join("\n");
}

interface SearchRun {
  benchmark: "search";
  startedAt: string;
  finishedAt: string;
  machine: ReturnType<typeof machineInfo>;
  machineLine: string;
  loadPerCore: { start: number; end: number };
  resultsFile: string;
  options: { sizes: number[]; samplesPerClass: number; warmupPasses: number; quick: boolean; upsertBatch: number; perPage: number };
  specs: Array<{ id: EngineId; label: string }>;
  queryClasses: Record<QueryClass, string>;
  targets: TargetCheck;
  sizes: SizeFigures[];
}

/** `--render FILE`: the docs section again from saved figures (targets re-checked with today's rules). */
function render(file: string): void {
  const run = JSON.parse(fs.readFileSync(file, "utf8")) as SearchRun;
  run.targets = checkTargets(run.sizes);
  run.loadPerCore ??= { start: NaN, end: NaN };
  for (const f of run.sizes) for (const c of f.classes) c.gc ??= {};
  updateDocSection("search", docSection(run));
  console.log(`docs/performance.md: bench:search section rewritten from ${file}`);
}

async function main(): Promise<void> {
  if (opts.render) return render(opts.render);
  getGc(); // fail early if the GC cannot be reached
  const machine = machineInfo();
  const startedAt = new Date().toISOString();
  const loadAtStart = loadPerCore();
  const specs = await engineSpecs();
  console.log(`search benchmark · ${describeMachine(machine)}`);
  warnIfBusy();
  console.log(
    `engines: ${specs.map((s) => `${s.id} (${s.label})`).join(" vs ")} · sizes ${sizes.map(fmtInt).join(", ")} · ≥${minSamples} samples per class per engine`,
  );

  // Load lazily initialised pieces (jieba's dictionary, ICU segmentation data) and JIT-warm both
  // engines on a small pool, so the first measured build pays for none of it.
  {
    const { pool, documents } = benchPool(300);
    for (const spec of specs) {
      const e = spec.create();
      await e.setup();
      await e.upsert(documents);
      for (const cls of QUERY_CLASSES) for (const bq of queryMix(pool)[cls]) await e.search(bq.query);
    }
  }

  const figures: SizeFigures[] = [];
  for (const size of sizes) {
    figures.push(await benchSize(size, specs));
    fullGc();
  }

  const targets = checkTargets(figures);
  const run: SearchRun = {
    benchmark: "search",
    startedAt,
    finishedAt: new Date().toISOString(),
    machine,
    machineLine: describeMachine(machine),
    loadPerCore: { start: loadAtStart, end: loadPerCore() },
    resultsFile: "",
    options: { sizes, samplesPerClass: minSamples, warmupPasses, quick: !!opts.quick, upsertBatch: UPSERT_BATCH, perPage: 20 },
    specs: specs.map(({ id, label }) => ({ id, label })),
    queryClasses: CLASS_DESCRIPTIONS,
    targets,
    sizes: figures,
  };

  console.log("");
  if (targets.measured) {
    const verdict = (pass: boolean | null) => (pass === null ? "not measured" : pass ? "MET" : "MISSED");
    console.log(`targets at ${fmtInt(TARGETS.size)}:`);
    console.log(
      `   p95 ≤ ${TARGETS.p95Ms} ms on every class, embedded alone: ${verdict(targets.p95Pass)}; interleaved with the baseline: ${verdict(targets.p95InterleavedPass)}`,
    );
    for (const x of targets.p95.filter((x) => x.passAlone === false))
      console.log(`      missed alone: ${x.cls} ${fmtMs(x.alone ?? NaN)} ms`);
    for (const x of targets.p95.filter((x) => !x.passInterleaved))
      console.log(`      missed interleaved: ${x.cls} ${fmtMs(x.interleaved)} ms`);
    console.log(`   faster than the baseline on every class (p50 and p95): ${verdict(targets.fasterPass)}`);
    for (const x of targets.faster.filter((x) => !x.pass))
      console.log(
        `      not faster: ${x.cls} p50 ${fmtMs(x.embeddedP50)} vs ${fmtMs(x.baselineP50)} ms, p95 ${fmtMs(x.embeddedP95)} vs ${fmtMs(x.baselineP95)} ms`,
      );
  } else {
    console.log(`targets: not checked (they are set at ${fmtInt(TARGETS.size)} mediators${specs.length < 2 ? " with both engines" : ""})`);
  }

  const timestamp = fileTimestamp();
  run.resultsFile = path.relative(ROOT, resultsFile("search", timestamp));
  const files = writeResults("search", run, { latest: !opts.quick, timestamp });
  console.log(`results: ${files.join(", ")}`);
  if (writeDocs && specs.length === 2) {
    updateDocSection("search", docSection(run));
    console.log("docs/performance.md: bench:search section rewritten");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
