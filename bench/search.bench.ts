// `npm run bench:search`: the embedded search engine, Meilisearch (a real server, over HTTP through our
// MeilisearchEngine, as the app uses it) and a MiniSearch + Intl.Segmenter baseline, side by side in one
// run, over generated pools of 1k, 10k and 100k mediators (+ the 12 committees), and the judged query
// set (bench/lib/judge.ts) over all three in the same run.
//
// Per pool size: build time and memory of each index (in-process engines: heap + array buffers and RSS,
// deltas after full GCs, the documents themselves allocated before any index and not counted;
// Meilisearch: a fresh server per size, index time from the first upsert until every task succeeded,
// and the server process's VmRSS / VmHWM from /proc), then latency of a fixed, seeded query mix by
// class (bench/lib/queries.ts). Every query asks for page 1 of 20 hits with all facets. Engines are
// interleaved query by query (rotating which goes first) so drift, GC and thermal effects hit all
// alike; then the embedded engine is timed again alone. Figures go to stdout,
// bench/results/search-<timestamp>.json (+ search-latest.json), and the bench:search and bench:judged
// sections of docs/performance.md.
//
// Meilisearch: MEILI_URL (+ MEILI_MASTER_KEY) when set (throw-away indexes, no process memory), else
// the installed binary (MEILI_BIN or `meilisearch` on PATH) started by tests/contract/meili-server.ts
// on a free 127.0.0.1 port with a fresh data directory; else its column is skipped and the reason said.
//
// Options:
//   --sizes 1000,10000   pool sizes (default 1000,10000,100000)
//   --engines a,b        engines among embedded, meilisearch, baseline (default all three)
//   --samples N          minimum timed samples per class per engine (default 300)
//   --quick              smoke run: sizes 1000,10000 and 40 samples unless given; no docs, no -latest
//   --docs / --no-docs   force or suppress rewriting docs/performance.md (default: rewrite when the
//                        run is not --quick, includes 100000 and runs all three engines)
//   --no-judge           skip the judged query set
//   --baseline-only      the same as --engines baseline
//   --render FILE        measure nothing: rewrite the docs sections from a saved results file
//   --doc-file FILE      write those sections into FILE instead of docs/performance.md (a preview)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { FACETS } from "../domain";
import { MeilisearchEngine } from "../search/meilisearch";
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from "../search/types";
import { MiniSearchEngine } from "./baseline/minisearch-engine";
import { MB, fullGc, getGc, memorySnapshot } from "./lib/gc";
import { GcWatch, type GcOverlap, type Interval } from "./lib/gc-watch";
import {
  commitMeasured,
  judgedFailureTable,
  judgedScoreTable,
  meiliLabel,
  printJudgedScores,
  renderJudged,
  runJudged,
  why,
  type JudgeReport,
} from "./lib/judge";
import { describeMachine, loadPerCore, machineInfo, warnIfBusy } from "./lib/machine";
import { diskUsageMB, meiliUnavailable, openMeili, processCpuMs, processMemory, type MeiliTarget, type ProcessMemory } from "./lib/meili";
import { benchPool } from "./lib/pool";
import { CLASS_DESCRIPTIONS, QUERY_CLASSES, describeQuery, queryMix, type BenchQuery, type QueryClass } from "./lib/queries";
import { ROOT, fileTimestamp, mdTable, resultsFile, updateDocSection, writeResults } from "./lib/report";
import { fmtInt, fmtMs, round, roundSummary, summarize, type LatencySummary } from "./lib/stats";

type Engine = Pick<SearchEngine, "setup" | "upsert" | "search" | "count">;
const ENGINE_IDS = ["embedded", "meilisearch", "baseline"] as const;
type EngineId = (typeof ENGINE_IDS)[number];

interface EngineSpec {
  id: EngineId;
  label: string;
  /** Meilisearch gets the server of the pool size being measured. */
  create: (meili?: MeiliTarget) => Engine;
}

/** The targets of the issues: p95 ≤ 10 ms at 100k for top-20 + all facets, faster than the baseline. */
export const TARGETS = { size: 100_000, p95Ms: 10 } as const;

/** Same page size as the app's indexing (search/service.ts reads and upserts 5000 at a time). */
const UPSERT_BATCH = 5000;

const { values: opts } = parseArgs({
  options: {
    sizes: { type: "string" },
    engines: { type: "string" },
    samples: { type: "string" },
    quick: { type: "boolean", default: false },
    docs: { type: "boolean" },
    "no-docs": { type: "boolean", default: false },
    "no-judge": { type: "boolean", default: false },
    "baseline-only": { type: "boolean", default: false },
    render: { type: "string" },
    "doc-file": { type: "string" },
  },
});
/** Where the docs sections go (default docs/performance.md; another file to preview a rendering). */
const docFile = opts["doc-file"] ? path.resolve(opts["doc-file"]) : undefined;

const sizes = (opts.sizes ?? (opts.quick ? "1000,10000" : "1000,10000,100000"))
  .split(",")
  .map((s) => Number(s.trim().replace(/_/g, "").replace(/k$/i, "000")));
if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
  console.error("--sizes needs positive whole numbers, e.g. --sizes 1000,10000");
  process.exit(2);
}
const askedEngines = (opts["baseline-only"] ? "baseline" : (opts.engines ?? ENGINE_IDS.join(","))).split(",").map((s) => s.trim());
if (!askedEngines.length || askedEngines.some((e) => !(ENGINE_IDS as readonly string[]).includes(e))) {
  console.error(`--engines takes a comma-separated list of ${ENGINE_IDS.join(", ")}; got ${opts.engines}`);
  process.exit(2);
}
const minSamples = Number(opts.samples ?? (opts.quick ? 40 : 300));
if (!Number.isInteger(minSamples) || minSamples <= 0) {
  console.error("--samples needs a positive whole number");
  process.exit(2);
}
const warmupPasses = opts.quick ? 1 : 3;
const allEnginesAsked = ENGINE_IDS.every((e) => askedEngines.includes(e));
const writeDocs = opts["no-docs"] ? false : (opts.docs ?? (!opts.quick && sizes.includes(TARGETS.size) && allEnginesAsked));

/** Meilisearch waits: at 100k a 5000-document batch on 2 cores takes a while; the app's default is 60 s. */
const MEILI_TASK_TIMEOUT_MS = 600_000;

/** Why Meilisearch is not measured in this run, or null when it is. */
let meiliSkipped: string | null = null;

async function engineSpecs(): Promise<EngineSpec[]> {
  const specs: EngineSpec[] = [];
  if (askedEngines.includes("embedded")) {
    const { EmbeddedEngine } = await import("../search/embedded");
    specs.push({ id: "embedded", label: "embedded (search/embedded, in-process)", create: () => new EmbeddedEngine() });
  }
  if (askedEngines.includes("meilisearch")) {
    meiliSkipped = meiliUnavailable();
    if (meiliSkipped) console.warn(`Meilisearch column skipped: ${meiliSkipped}`);
    else
      specs.push({
        id: "meilisearch",
        label: "Meilisearch over HTTP (search/meilisearch MeilisearchEngine)",
        create: (meili) =>
          new MeilisearchEngine({
            url: meili!.url,
            apiKey: meili!.apiKey,
            indexName: `bench_${Date.now()}_${process.pid}`,
            taskTimeoutMs: MEILI_TASK_TIMEOUT_MS,
          }),
      });
  } else meiliSkipped = "not asked for (--engines)";
  if (askedEngines.includes("baseline"))
    specs.push({ id: "baseline", label: "MiniSearch + Intl.Segmenter (in-process)", create: () => new MiniSearchEngine() });
  return specs;
}

/** The Meilisearch server process's memory around one pool size. */
interface ServerFigures {
  /** After start and index settings, before any document. */
  idle: ProcessMemory | null;
  /** Once every indexing task succeeded. */
  indexed: ProcessMemory | null;
  /** After all the timed queries (VmHWM then is the peak of the whole size). */
  afterQueries: ProcessMemory | null;
  /** CPU time (user + system) the server spent indexing, ms: above the index time when it used both cores. */
  indexCpuMs: number | null;
  /** Its data directory on disk once indexed. */
  diskMB: number | null;
  source: string;
  version: string;
}

interface BuildFigures {
  ms: number;
  /** In-process engines: V8 heap used + ArrayBuffer memory, delta after full GCs, MB. */
  heapMB: number | null;
  heapUsedMB: number | null;
  arrayBuffersMB: number | null;
  /** In-process engines: RSS delta of this process; Meilisearch: the server's VmRSS once indexed. */
  rssMB: number | null;
  count: number;
  server?: ServerFigures;
}

async function build(spec: EngineSpec, documents: SearchDocument[], meili?: MeiliTarget) {
  if (spec.id === "meilisearch") {
    const engine = spec.create(meili);
    await engine.setup(); // index + settings on the empty index, before the clock starts
    const idle = processMemory(meili!.pid);
    const cpu0 = processCpuMs(meili!.pid);
    const started = performance.now();
    // As the app reindexes: batches of 5000, each upsert returning once its tasks succeeded.
    for (let i = 0; i < documents.length; i += UPSERT_BATCH) await engine.upsert(documents.slice(i, i + UPSERT_BATCH));
    const ms = performance.now() - started;
    const cpu1 = processCpuMs(meili!.pid);
    const indexed = processMemory(meili!.pid);
    const figures: BuildFigures = {
      ms: round(ms),
      heapMB: null,
      heapUsedMB: null,
      arrayBuffersMB: null,
      rssMB: indexed ? round(indexed.rssMB) : null,
      count: await engine.count(),
      server: {
        idle: roundMemory(idle),
        indexed: roundMemory(indexed),
        afterQueries: null,
        indexCpuMs: cpu0 !== null && cpu1 !== null ? round(cpu1 - cpu0) : null,
        diskMB: nullable(diskUsageMB(meili!.dir)),
        source: meili!.source,
        version: meili!.version,
      },
    };
    return { engine, figures };
  }
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

const nullable = (n: number | null) => (n === null ? null : round(n));
const roundMemory = (m: ProcessMemory | null): ProcessMemory | null => (m ? { rssMB: round(m.rssMB), hwmMB: round(m.hwmMB) } : null);

function checkResult(spec: EngineSpec, q: SearchQuery, r: SearchResult): void {
  const problems: string[] = [];
  if (!Number.isInteger(r.total) || r.total < 0) problems.push(`total ${r.total}`);
  if (r.hits.length > q.perPage) problems.push(`${r.hits.length} hits for perPage ${q.perPage}`);
  if (r.hits.length < Math.min(q.perPage, r.total)) problems.push(`${r.hits.length} hits of ${r.total}`);
  for (const f of FACETS) if (!r.facets || typeof r.facets[f] !== "object") problems.push(`no facet ${f}`);
  if (problems.length) throw new Error(`${spec.id} answered ${describeQuery(q)} wrongly: ${problems.join("; ")}`);
}

interface Speedup {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

interface ClassFigures {
  cls: QueryClass;
  queries: number;
  engines: Partial<Record<EngineId, LatencySummary & { avgTotal: number }>>;
  /** baseline ÷ embedded; > 1 means the embedded engine is faster. */
  speedup?: Speedup;
  /** meilisearch ÷ embedded; > 1 means the embedded engine is faster. */
  speedupVsMeili?: Speedup;
  perQuery: Array<{
    query: string;
    totals: Partial<Record<EngineId, number>>;
    p50: Partial<Record<EngineId, number>>;
    p95: Partial<Record<EngineId, number>>;
  }>;
  /**
   * The embedded engine timed again on its own, after the other engines are dropped: what a server
   * process sees. Interleaved timings also catch GC pauses caused by the others' garbage.
   */
  embeddedAlone?: LatencySummary;
  embeddedAloneGc?: GcOverlap;
  /** GC pauses (of this Node process) inside each engine's timed samples (interleaved run). */
  gc: Partial<Record<EngineId, GcOverlap>>;
}

interface SizeFigures {
  size: number;
  documents: number;
  committees: number;
  poolMs: number;
  /** 1-, 5- and 15-minute load averages when this size started (the whole machine, 2 cores). */
  loadAverage?: number[];
  build: Partial<Record<EngineId, BuildFigures>>;
  classes: ClassFigures[];
  all: Partial<Record<EngineId, LatencySummary>>;
  embeddedAlone?: LatencySummary;
  /** Wall time of this size, s. */
  seconds?: number;
}

async function timeOnce(engine: Engine, q: SearchQuery, intervals?: Interval[]): Promise<number> {
  const t0 = performance.now();
  await engine.search(q);
  const t1 = performance.now();
  intervals?.push({ start: t0, end: t1 });
  return t1 - t0;
}

const gcWatch = new GcWatch();
const loadAverage = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
const rotate = <T>(list: readonly T[], by: number): T[] => list.map((_, i) => list[(i + by) % list.length]);
const ratio = (other: LatencySummary, mine: LatencySummary): Speedup => ({
  p50: round(other.p50 / mine.p50),
  p95: round(other.p95 / mine.p95),
  p99: round(other.p99 / mine.p99),
  mean: round(other.mean / mine.mean),
});

async function benchSize(size: number, specs: EngineSpec[]): Promise<SizeFigures> {
  const began = performance.now();
  const load = loadAverage();
  const t0 = performance.now();
  const { pool, documents, committees } = benchPool(size);
  const poolMs = performance.now() - t0;
  console.log(
    `\n── ${fmtInt(size)} mediators + ${committees} committees (${fmtInt(documents.length)} documents; pool generated in ${fmtMs(poolMs)} ms; load ${load.join(" ")})`,
  );

  // A fresh Meilisearch server for each size, so its memory is this pool's alone.
  const meili = specs.some((s) => s.id === "meilisearch") ? await openMeili() : undefined;
  try {
    const engines = new Map<EngineId, Engine>();
    const buildFigures: SizeFigures["build"] = {};
    for (const spec of specs) {
      const { engine, figures } = await build(spec, documents, meili);
      if (figures.count !== documents.length) throw new Error(`${spec.id} holds ${figures.count} of ${documents.length} documents`);
      engines.set(spec.id, engine);
      buildFigures[spec.id] = figures;
      const s = figures.server;
      console.log(
        s
          ? `   build ${spec.id.padEnd(11)} ${fmtMs(figures.ms).padStart(8)} ms   server RSS ${fmtMem(s.idle?.rssMB)} → ${fmtMem(s.indexed?.rssMB)} MB` +
              ` (peak ${fmtMem(s.indexed?.hwmMB)})   server CPU ${s.indexCpuMs === null ? "–" : fmtInt(s.indexCpuMs)} ms   on disk ${fmtMem(s.diskMB)} MB`
          : `   build ${spec.id.padEnd(11)} ${fmtMs(figures.ms).padStart(8)} ms   heap+buffers ${fmtMem(figures.heapMB).padStart(7)} MB` +
              `   (heap ${fmtMem(figures.heapUsedMB)}, buffers ${fmtMem(figures.arrayBuffersMB)})   RSS ${fmtMem(figures.rssMB)} MB`,
      );
    }

    const mix = queryMix(pool);
    const classes: ClassFigures[] = [];
    const all: Record<EngineId, number[]> = { embedded: [], meilisearch: [], baseline: [] };

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
      const samples: Record<EngineId, number[]> = { embedded: [], meilisearch: [], baseline: [] };
      const perQuery = queries.map(() => ({ embedded: [] as number[], meilisearch: [] as number[], baseline: [] as number[] }));
      const intervals: Record<EngineId, Interval[]> = { embedded: [], meilisearch: [], baseline: [] };
      fullGc();
      gcWatch.start();
      for (let r = 0; r < rounds; r++) {
        for (let i = 0; i < queries.length; i++) {
          for (const spec of rotate(specs, r + i)) {
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
      if (figures.engines.embedded) {
        const mine = summarize(samples.embedded);
        if (figures.engines.baseline) figures.speedup = ratio(summarize(samples.baseline), mine);
        if (figures.engines.meilisearch) figures.speedupVsMeili = ratio(summarize(samples.meilisearch), mine);
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
    const server = buildFigures.meilisearch?.server;
    if (server) server.afterQueries = roundMemory(processMemory(meili!.pid));

    const allFigures: SizeFigures["all"] = {};
    for (const spec of specs) allFigures[spec.id] = roundSummary(summarize(all[spec.id]));

    let embeddedAlone: LatencySummary | undefined;
    const embedded = engines.get("embedded");
    if (embedded && engines.size > 1) {
      for (const id of [...engines.keys()]) if (id !== "embedded") engines.delete(id);
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
      console.log(`   embedded alone (others dropped), p50/p95 ms: ${line.join(" · ")}`);
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
    if (server?.afterQueries)
      console.log(
        `   Meilisearch server after the queries: RSS ${fmtMem(server.afterQueries.rssMB)} MB, peak ${fmtMem(server.afterQueries.hwmMB)} MB`,
      );
    return {
      size,
      documents: documents.length,
      committees,
      poolMs: round(poolMs),
      loadAverage: load,
      build: buildFigures,
      classes,
      all: allFigures,
      embeddedAlone,
      seconds: round((performance.now() - began) / 1000),
    };
  } finally {
    await meili?.stop();
  }
}

const fmtMem = (n: number | null | undefined) => (n === null || n === undefined ? "–" : fmtMs(n));

function printHeader(specs: EngineSpec[]): void {
  const cols = (id: string) =>
    `${id.padStart(11)}: ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)} ${"mean".padStart(7)} ${"hits".padStart(7)}`;
  const speed = [
    specs.some((s) => s.id === "meilisearch") ? "vs meili p50/p95" : "",
    specs.some((s) => s.id === "baseline") ? "vs base p50/p95" : "",
  ]
    .filter(Boolean)
    .join("  ");
  console.log(`   ${"class".padEnd(15)} ${"n".padStart(3)}  ${specs.map((s) => cols(s.id)).join(" │ ")}   ${speed}`);
}

function printClass(c: ClassFigures, specs: EngineSpec[]): void {
  const part = (id: EngineId) => {
    const s = c.engines[id]!;
    return `${"".padStart(11)}  ${fmtMs(s.p50).padStart(7)} ${fmtMs(s.p95).padStart(7)} ${fmtMs(s.p99).padStart(7)} ${fmtMs(s.mean).padStart(7)} ${fmtInt(s.avgTotal).padStart(7)}`;
  };
  const x = (s?: Speedup) => (s ? `×${s.p50.toFixed(1)} / ×${s.p95.toFixed(1)}`.padEnd(17) : "");
  console.log(
    `   ${c.cls.padEnd(15)} ${String(c.queries).padStart(3)}  ${specs.map((s) => part(s.id)).join(" │ ")}   ${x(c.speedupVsMeili)}${x(c.speedup)}`,
  );
}

interface FasterCheck {
  size: number;
  cls: string;
  embeddedP50: number;
  otherP50: number;
  embeddedP95: number;
  otherP95: number;
  embeddedP99: number;
  otherP99: number;
  /** Lower p50 and lower p95 (interleaved, same conditions for both). */
  pass: boolean;
  /** Lower p99 too. */
  p99Pass: boolean;
}

interface TargetCheck {
  measured: boolean;
  /**
   * p95 per class, of the embedded engine alone (what a server process sees; the verdict when measured)
   * and interleaved with the other engines (which adds pauses for collecting their garbage).
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
  /** Issue 10: faster than Meilisearch on every class at every size measured, and at least as relevant. */
  meili?: {
    sizes: number[];
    faster: FasterCheck[];
    fasterPass: boolean | null;
    p99Pass: boolean | null;
    relevance: {
      embeddedPassed: number;
      meiliPassed: number;
      embeddedRecall: number;
      meiliRecall: number;
      queries: number;
      pass: boolean;
    } | null;
  };
}

function checkMeili(figures: SizeFigures[], judged: JudgeReport | null): TargetCheck["meili"] {
  const faster: FasterCheck[] = [];
  for (const f of figures)
    for (const c of f.classes) {
      const e = c.engines.embedded;
      const m = c.engines.meilisearch;
      if (!e || !m) continue;
      faster.push({
        size: f.size,
        cls: c.cls,
        embeddedP50: e.p50,
        otherP50: m.p50,
        embeddedP95: e.p95,
        otherP95: m.p95,
        embeddedP99: e.p99,
        otherP99: m.p99,
        pass: e.p50 < m.p50 && e.p95 < m.p95,
        p99Pass: e.p99 < m.p99,
      });
    }
  const e = judged?.scores.embedded;
  const m = judged?.scores.meilisearch;
  return {
    sizes: [...new Set(faster.map((x) => x.size))],
    faster,
    fasterPass: faster.length ? faster.every((x) => x.pass) : null,
    p99Pass: faster.length ? faster.every((x) => x.p99Pass) : null,
    relevance:
      e && m
        ? {
            embeddedPassed: e.passed,
            meiliPassed: m.passed,
            embeddedRecall: e.meanRecall,
            meiliRecall: m.meanRecall,
            queries: e.queries,
            pass: e.passed >= m.passed && e.meanRecall >= m.meanRecall,
          }
        : null,
  };
}

function checkTargets(figures: SizeFigures[], judged: JudgeReport | null): TargetCheck {
  const meili = checkMeili(figures, judged);
  const at = figures.find((f) => f.size === TARGETS.size);
  if (!at) return { measured: false, p95: [], faster: [], p95Pass: null, p95InterleavedPass: null, fasterPass: null, meili };
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
    meili,
  };
}

const mark = (pass: boolean | null | undefined) => (pass === null || pass === undefined ? "–" : pass ? "✅" : "❌");
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function meiliTargetLines(run: SearchRun): string[] {
  const m = run.targets.meili;
  const lines: string[] = [];
  if (!m || m.fasterPass === null) {
    lines.push(
      `- – faster than Meilisearch: not measured (${run.meilisearch && "skipped" in run.meilisearch ? run.meilisearch.skipped : "no Meilisearch figures"})`,
    );
  } else {
    const missing = TARGET_SIZES.filter((s) => !m.sizes.includes(s));
    const fails = m.faster.filter((x) => !x.pass);
    lines.push(
      `- ${mark(m.fasterPass)} faster than Meilisearch on every query class at every size (${m.sizes.map(fmtInt).join(", ")}; lower p50 and p95, interleaved)` +
        (fails.length
          ? `; not on ${fails.map((x) => `${x.cls} at ${fmtInt(x.size)} (p50 ${fmtMs(x.embeddedP50)} vs ${fmtMs(x.otherP50)}, p95 ${fmtMs(x.embeddedP95)} vs ${fmtMs(x.otherP95)} ms)`).join(", ")}`
          : "") +
        (missing.length ? ` — sizes not measured in this run: ${missing.map(fmtInt).join(", ")}` : ""),
    );
    const p99Fails = m.faster.filter((x) => !x.p99Pass);
    lines.push(
      `- ${mark(m.p99Pass)} and at p99 too` +
        (p99Fails.length
          ? `; not on ${p99Fails.map((x) => `${x.cls} at ${fmtInt(x.size)} (${fmtMs(x.embeddedP99)} vs ${fmtMs(x.otherP99)} ms)`).join(", ")}`
          : ""),
    );
  }
  const r = m?.relevance;
  lines.push(
    r
      ? `- ${mark(r.pass)} at least as relevant as Meilisearch on the judged queries: embedded passed ${r.embeddedPassed} / ${r.queries} ` +
          `(recall@10 ${pct(r.embeddedRecall)}), Meilisearch ${r.meiliPassed} / ${r.queries} (${pct(r.meiliRecall)})` +
          (r.pass ? "" : ` — the queries it loses are listed below`)
      : "- – at least as relevant as Meilisearch: not judged in this run",
  );
  return lines;
}

const TARGET_SIZES = [1_000, 10_000, 100_000];

function docSection(run: SearchRun): string {
  const lines: string[] = [];
  const la = run.loadAverage?.start;
  lines.push(
    `Last run: ${run.finishedAt.slice(0, 16).replace("T", " ")} UTC${run.commit ? ` · commit ${run.commit}` : ""} · ${run.machineLine} · load ${run.loadPerCore.start}/core at start` +
      (la ? ` (load average ${la.join(" / ")}; ${run.loadAverage!.end.join(" / ")} at the end)` : "") +
      ` · ${run.options.samplesPerClass}+ samples per class per engine` +
      (run.seconds ? ` · ${Math.round(run.seconds / 60)} min` : "") +
      (run.meilisearch && "version" in run.meilisearch ? ` · Meilisearch ${run.meilisearch.version}` : "") +
      ` · \`${run.resultsFile}\``,
  );
  lines.push("");
  const ids = ENGINE_IDS.filter((id) => run.specs.some((s) => s.id === id));
  const has = (id: EngineId) => ids.includes(id);
  const t = run.targets;

  lines.push("**Issue 10** (embedded engine faster than Meilisearch on every class at every size, and at least as relevant):", "");
  lines.push(...meiliTargetLines(run));

  lines.push("", "**Targets of the embedded engine** (at 100 000 mediators, top-20 + all facets):");
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
        `- ${mark(t.p95InterleavedPass)} the same, timed interleaved with the other engines (their garbage collections land in the embedded ` +
          `engine's timings too) — worst: ${w.cls} ${fmtMs(w.interleaved)} ms${m.length ? `; missed by ${m.join(", ")}` : ""}`,
      );
    }
    if (has("baseline")) {
      const failFaster = t.faster.filter((x) => !x.pass).map((x) => x.cls);
      lines.push(
        `- ${mark(t.fasterPass)} faster than the MiniSearch baseline on every query class (p50 and p95)` +
          (failFaster.length ? `; not on ${failFaster.join(", ")}` : ""),
      );
    }
  }

  // Index time and memory, the three engines side by side.
  lines.push(
    "",
    "**Index** (in-process engines: build time, and what the index keeps, as deltas of this process after full GCs; " +
      "Meilisearch: from the first upsert until every task succeeded, and its server process's memory from `/proc` — " +
      "VmRSS once indexed, VmHWM the peak up to then — with its own CPU time while indexing and its data on disk):",
    "",
  );
  const buildHeader = ["mediators", "documents"];
  const buildAlign: Array<"l" | "r"> = ["r", "r"];
  for (const id of ids) {
    if (id === "meilisearch") {
      buildHeader.push("meilisearch index ms", "server CPU ms", "server RSS MB idle → indexed", "server peak MB", "on disk MB");
      buildAlign.push("r", "r", "r", "r", "r");
    } else {
      buildHeader.push(`${id} build ms`, `${id} heap+buffers MB`, `${id} RSS MB`);
      buildAlign.push("r", "r", "r");
    }
  }
  lines.push(
    mdTable(
      buildHeader,
      run.sizes.map((f) => [
        fmtInt(f.size),
        fmtInt(f.documents),
        ...ids.flatMap((id) => {
          const b = f.build[id];
          if (id === "meilisearch") {
            const s = b?.server;
            return b && s
              ? [
                  fmtInt(b.ms),
                  s.indexCpuMs === null ? "–" : fmtInt(s.indexCpuMs),
                  `${fmtMem(s.idle?.rssMB)} → ${fmtMem(s.indexed?.rssMB)}`,
                  fmtMem(s.indexed?.hwmMB),
                  fmtMem(s.diskMB),
                ]
              : ["–", "–", "–", "–", "–"];
          }
          return b ? [fmtInt(b.ms), fmtMem(b.heapMB), fmtMem(b.rssMB)] : ["–", "–", "–"];
        }),
      ]),
      buildAlign,
    ),
  );

  for (const f of run.sizes) {
    lines.push(
      "",
      `**Latency at ${fmtInt(f.size)} mediators** (ms, interleaved; hits = average total matches${f.loadAverage ? `; load average ${f.loadAverage.join(" / ")} when this size started` : ""}):`,
      "",
    );
    const alone = f.classes.some((c) => c.embeddedAlone);
    const header = [
      "class",
      ...ids.flatMap((id) => [`${id} p50`, "p95", "p99"]),
      ...(alone ? ["embedded alone p50 / p95"] : []),
      ...(has("embedded") && has("meilisearch") ? ["vs meilisearch p50 / p95", "faster"] : []),
      ...(has("embedded") && has("baseline") ? ["vs baseline p50 / p95"] : []),
      `hits ${ids.map((id) => id.slice(0, 5)).join(" / ")}`,
    ];
    const align: Array<"l" | "r"> = [
      "l",
      ...ids.flatMap(() => ["r", "r", "r"] as const),
      ...(alone ? ["r" as const] : []),
      ...(has("embedded") && has("meilisearch") ? (["r", "l"] as const) : []),
      ...(has("embedded") && has("baseline") ? ["r" as const] : []),
      "r",
    ];
    const x = (s?: Speedup) => (s ? `×${s.p50.toFixed(1)} / ×${s.p95.toFixed(1)}` : "–");
    const rows = f.classes.map((c) => [
      `\`${c.cls}\``,
      ...ids.flatMap((id) => {
        const s = c.engines[id];
        return s ? [fmtMs(s.p50), fmtMs(s.p95), fmtMs(s.p99)] : ["–", "–", "–"];
      }),
      ...(alone ? [c.embeddedAlone ? `${fmtMs(c.embeddedAlone.p50)} / ${fmtMs(c.embeddedAlone.p95)}` : "–"] : []),
      ...(has("embedded") && has("meilisearch")
        ? [x(c.speedupVsMeili), mark(t.meili?.faster.find((y) => y.size === f.size && y.cls === c.cls)?.pass)]
        : []),
      ...(has("embedded") && has("baseline") ? [x(c.speedup)] : []),
      ids.map((id) => (c.engines[id] ? fmtInt(c.engines[id]!.avgTotal) : "–")).join(" / "),
    ]);
    const allX = (other: EngineId) =>
      f.all.embedded && f.all[other]
        ? `×${(f.all[other]!.p50 / f.all.embedded.p50).toFixed(1)} / ×${(f.all[other]!.p95 / f.all.embedded.p95).toFixed(1)}`
        : "–";
    rows.push([
      "**all**",
      ...ids.flatMap((id) => {
        const s = f.all[id];
        return s ? [fmtMs(s.p50), fmtMs(s.p95), fmtMs(s.p99)] : ["–", "–", "–"];
      }),
      ...(alone ? [f.embeddedAlone ? `${fmtMs(f.embeddedAlone.p50)} / ${fmtMs(f.embeddedAlone.p95)}` : "–"] : []),
      ...(has("embedded") && has("meilisearch") ? [allX("meilisearch"), ""] : []),
      ...(has("embedded") && has("baseline") ? [allX("baseline")] : []),
      "",
    ]);
    lines.push(mdTable(header, rows, align));
  }
  if (t.measured) {
    lines.push(
      "",
      `At ${fmtInt(TARGETS.size)}: p95 ≤ ${TARGETS.p95Ms} ms alone / interleaved: ` +
        t.p95.map((p) => `${p.cls} ${mark(p.passAlone)} / ${mark(p.passInterleaved)}`).join(" · "),
    );
  }

  const j = run.judged;
  if (j) {
    lines.push(
      "",
      `**Judged queries** (the same run; ${j.results.length} queries of \`bench/lib/judged-queries.ts\` over the demo pool of ${j.pool.documents} documents, ` +
        `${meiliLabel(j)}; the rule and the per-kind table are in [Judged queries](#judged-queries)):`,
      "",
      judgedScoreTable(j),
    );
    if (j.scores.embedded && j.scores.meilisearch) {
      const lost = j.results.filter((r) => !r.verdicts.embedded!.pass && r.verdicts.meilisearch!.pass);
      const won = j.results.filter((r) => r.verdicts.embedded!.pass && !r.verdicts.meilisearch!.pass);
      const neither = j.results.filter((r) => !r.verdicts.embedded!.pass && !r.verdicts.meilisearch!.pass);
      lines.push(
        "",
        `**To fix in the embedded engine** (\`search/embedded/\`): the ${lost.length} judged queries Meilisearch passes and the embedded engine does not` +
          (lost.length ? ":" : "."),
      );
      if (lost.length)
        lines.push(
          "",
          mdTable(
            ["query", "kind", "embedded", "meilisearch's first hits"],
            lost.map((r) => [
              `\`${r.q}\``,
              r.kind,
              `✗ ${why(r.verdicts.embedded!)}`,
              r.verdicts.meilisearch!.top.slice(0, 5).join("、") || "(none)",
            ]),
          ),
        );
      lines.push(
        "",
        `The embedded engine passes and Meilisearch does not: ${won.length ? won.map((r) => `\`${r.q}\` (Meilisearch ${why(r.verdicts.meilisearch!)})`).join("; ") : "none"}. ` +
          `Neither passes: ${neither.length ? neither.map((r) => `\`${r.q}\``).join(", ") : "none"}.`,
      );
    }
    if (j.scores.baseline) {
      lines.push(
        "",
        "<details><summary>Every judged query not passed by every engine, the baseline too</summary>",
        "",
        judgedFailureTable(j),
        "",
        "</details>",
      );
    }
  }
  return lines.join("\n");
}

interface SearchRun {
  benchmark: "search";
  /** The commit measured ("+changes" when search/, bench/, db/ or domain/ differed from it), or null. */
  commit?: string | null;
  startedAt: string;
  finishedAt: string;
  /** Wall time of the whole run, s. */
  seconds?: number;
  machine: ReturnType<typeof machineInfo>;
  machineLine: string;
  loadPerCore: { start: number; end: number };
  /** 1-, 5- and 15-minute load averages of the machine at the start and end of the run. */
  loadAverage?: { start: number[]; end: number[] };
  resultsFile: string;
  options: {
    sizes: number[];
    engines?: string[];
    samplesPerClass: number;
    warmupPasses: number;
    quick: boolean;
    upsertBatch: number;
    perPage: number;
  };
  specs: Array<{ id: EngineId; label: string }>;
  meilisearch?: { version: string; source: string } | { skipped: string };
  queryClasses: Record<QueryClass, string>;
  targets: TargetCheck;
  sizes: SizeFigures[];
  /** The judged query set over the same engines, in the same run. */
  judged?: JudgeReport | null;
}

/** `--render FILE`: the docs sections again from saved figures (targets re-checked with today's rules). */
function render(file: string): void {
  const run = JSON.parse(fs.readFileSync(file, "utf8")) as SearchRun;
  run.targets = checkTargets(run.sizes, run.judged ?? null);
  run.loadPerCore ??= { start: NaN, end: NaN };
  for (const f of run.sizes) for (const c of f.classes) c.gc ??= {};
  updateDocSection("search", docSection(run), docFile);
  if (run.judged) updateDocSection("judged", renderJudged(run.judged), docFile);
  console.log(`docs/performance.md: bench:search${run.judged ? " and bench:judged sections" : " section"} rewritten from ${file}`);
}

async function judgedSet(specs: EngineSpec[]): Promise<JudgeReport | null> {
  if (opts["no-judge"]) return null;
  const engines = specs.map((s) => s.id);
  const meili = engines.includes("meilisearch") ? await openMeili() : undefined;
  try {
    const report = await runJudged({ engines, meili: meili ?? { skipped: meiliSkipped ?? "not asked for" } });
    console.log(`\njudged queries (${report.results.length}, demo pool of ${report.pool.documents} documents):`);
    printJudgedScores(report, "   ");
    return report;
  } finally {
    await meili?.stop();
  }
}

async function main(): Promise<void> {
  if (opts.render) return render(opts.render);
  getGc(); // fail early if the GC cannot be reached
  const began = performance.now();
  const machine = machineInfo();
  const startedAt = new Date().toISOString();
  const commit = commitMeasured();
  const loadAtStart = loadPerCore();
  const loadAverageAtStart = loadAverage();
  const specs = await engineSpecs();
  if (!specs.length) throw new Error("no engine to measure");
  console.log(`search benchmark · ${describeMachine(machine)} · load average ${loadAverageAtStart.join(" ")}`);
  warnIfBusy();
  console.log(
    `engines: ${specs.map((s) => `${s.id} (${s.label})`).join(" vs ")} · sizes ${sizes.map(fmtInt).join(", ")} · ≥${minSamples} samples per class per engine`,
  );

  // Load lazily initialised pieces (jieba's dictionary, ICU segmentation data, the HTTP client) and
  // JIT-warm every engine on a small pool, so the first measured build pays for none of it.
  {
    const { pool, documents } = benchPool(300);
    const meili = specs.some((s) => s.id === "meilisearch") ? await openMeili() : undefined;
    try {
      for (const spec of specs) {
        const e = spec.create(meili);
        await e.setup();
        await e.upsert(documents);
        for (const cls of QUERY_CLASSES) for (const bq of queryMix(pool)[cls]) await e.search(bq.query);
      }
    } finally {
      await meili?.stop();
    }
  }

  // Relevance first (a few seconds), so a long run that fails later still said it.
  const judged = await judgedSet(specs);

  const figures: SizeFigures[] = [];
  for (const size of sizes) {
    figures.push(await benchSize(size, specs));
    fullGc();
  }

  const targets = checkTargets(figures, judged);
  const meiliSpec = specs.find((s) => s.id === "meilisearch");
  const firstServer = figures.find((f) => f.build.meilisearch?.server)?.build.meilisearch?.server;
  const run: SearchRun = {
    benchmark: "search",
    commit,
    startedAt,
    finishedAt: new Date().toISOString(),
    seconds: round((performance.now() - began) / 1000),
    machine,
    machineLine: describeMachine(machine),
    loadPerCore: { start: loadAtStart, end: loadPerCore() },
    loadAverage: { start: loadAverageAtStart, end: loadAverage() },
    resultsFile: "",
    options: {
      sizes,
      engines: specs.map((s) => s.id),
      samplesPerClass: minSamples,
      warmupPasses,
      quick: !!opts.quick,
      upsertBatch: UPSERT_BATCH,
      perPage: 20,
    },
    specs: specs.map(({ id, label }) => ({ id, label })),
    meilisearch:
      meiliSpec && firstServer ? { version: firstServer.version, source: firstServer.source } : { skipped: meiliSkipped ?? "not measured" },
    queryClasses: CLASS_DESCRIPTIONS,
    targets,
    sizes: figures,
    judged,
  };

  console.log("");
  const verdict = (pass: boolean | null | undefined) => (pass === null || pass === undefined ? "not measured" : pass ? "MET" : "MISSED");
  const m = targets.meili;
  console.log(`issue 10, at ${m?.sizes.map(fmtInt).join(", ") || "no size"}:`);
  console.log(`   faster than Meilisearch on every class (p50 and p95): ${verdict(m?.fasterPass)}; at p99 too: ${verdict(m?.p99Pass)}`);
  for (const x of m?.faster.filter((x) => !x.pass) ?? [])
    console.log(
      `      not faster: ${x.cls} at ${fmtInt(x.size)}: p50 ${fmtMs(x.embeddedP50)} vs ${fmtMs(x.otherP50)} ms, p95 ${fmtMs(x.embeddedP95)} vs ${fmtMs(x.otherP95)} ms`,
    );
  if (m?.relevance)
    console.log(
      `   at least as relevant (judged): ${verdict(m.relevance.pass)} — embedded ${m.relevance.embeddedPassed}/${m.relevance.queries}, Meilisearch ${m.relevance.meiliPassed}/${m.relevance.queries}`,
    );
  if (targets.measured) {
    console.log(`targets at ${fmtInt(TARGETS.size)}:`);
    console.log(
      `   p95 ≤ ${TARGETS.p95Ms} ms on every class, embedded alone: ${verdict(targets.p95Pass)}; interleaved: ${verdict(targets.p95InterleavedPass)}`,
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
    console.log(`targets of the embedded engine: not checked (they are set at ${fmtInt(TARGETS.size)} mediators)`);
  }
  console.log(
    `run: ${Math.round(run.seconds ?? 0)} s; load average ${run.loadAverage!.start.join(" ")} at start, ${run.loadAverage!.end.join(" ")} at the end`,
  );

  const timestamp = fileTimestamp();
  run.resultsFile = path.relative(ROOT, resultsFile("search", timestamp));
  const files = writeResults("search", run, { latest: !opts.quick, timestamp });
  if (judged && !opts.quick) files.push(...writeResults("judged", judged, { latest: allEnginesAsked, timestamp }));
  console.log(`results: ${files.join(", ")}`);
  if (writeDocs && specs.length >= 2) {
    updateDocSection("search", docSection(run), docFile);
    if (judged && judged.scores.meilisearch) updateDocSection("judged", renderJudged(judged), docFile);
    console.log(`docs/performance.md: bench:search${judged?.scores.meilisearch ? " and bench:judged sections" : " section"} rewritten`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
