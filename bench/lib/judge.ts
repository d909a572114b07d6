// The judged query set (bench/lib/judged-queries.ts) as a function: the demo pool indexed exactly as the
// app indexes it (a fresh database seeded by db/seed.ts, documents from search/service.ts allDocuments)
// into each engine asked for, then per query and engine: are the expected people and committees among
// the first 10 hits, is the expected one first, and did anything that must not be there appear.
// `npm run search:judge` (bench/judge.ts) prints and saves it; `npm run bench:search` runs it in the
// same run as its timings.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, openDb } from "../../db/client";
import { prepareDatabase } from "../../db/seed";
import { EmbeddedEngine } from "../../search/embedded";
import { buildIndexSettings, MeilisearchEngine } from "../../search/meilisearch";
import { allDocuments } from "../../search/service";
import type { SearchDocument, SearchEngine } from "../../search/types";
import { MiniSearchEngine } from "../baseline/minisearch-engine";
import { JUDGED_QUERIES, type JudgedKind, type JudgedQuery } from "./judged-queries";
import { describeMachine, machineInfo, type MachineInfo } from "./machine";
import type { MeiliTarget } from "./meili";
import { mdTable } from "./report";

export const TOP = 10;
export const JUDGE_ENGINES = ["embedded", "meilisearch", "baseline"] as const;
export type JudgeEngineName = (typeof JUDGE_ENGINES)[number];
type Engine = Pick<SearchEngine, "setup" | "upsert" | "search">;

export interface Verdict {
  total: number;
  /** Wall time of the search as the caller sees it (for Meilisearch: HTTP to 127.0.0.1 included). */
  ms: number;
  top: string[];
  found: number;
  missing: string[];
  /** The expected first hit, when it was not first. */
  wrongFirst: string | null;
  unwanted: string[];
  /** Hits of the first page outside the query's `only` categories. */
  outside: string[];
  /** How many more hits the first page should have held (`only`: as many as the pool has, up to 10). */
  short: number;
  pass: boolean;
}

export interface JudgedResult {
  q: string;
  kind: JudgedKind;
  expected: string[];
  first?: string;
  notExpected?: string[];
  only?: string[];
  verdicts: Partial<Record<JudgeEngineName, Verdict>>;
}

export interface Score {
  queries: number;
  passed: number;
  /** Mean over queries with expectations of (expected found in the top 10) / expected. */
  meanRecall: number;
  firstRight: number;
  firstAsked: number;
  unwanted: number;
  /** Hits outside the field the query asked for (`only`), over all queries. */
  outside: number;
  /** Median and slowest wall time of one search, ms (one run each: an indication, not a benchmark). */
  p50Ms: number;
  maxMs: number;
}

export interface JudgeReport {
  date: string;
  /** The commit measured (with "+changes" when the work tree differed), or null outside git. */
  commit: string | null;
  /** The Meilisearch index settings in force (settings.ts), when Meilisearch ran. */
  meilisearchSettings?: unknown;
  machine: MachineInfo;
  pool: { documents: number };
  meilisearch: { version: string; source: string } | { skipped: string };
  scores: Partial<Record<JudgeEngineName, Score>>;
  byKind: Partial<Record<JudgeEngineName, Record<string, { queries: number; passed: number }>>>;
  results: JudgedResult[];
}

/** The demo pool's documents, from a fresh seeded database, as the app indexes them. */
export function demoDocuments(): SearchDocument[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "judge-"));
  try {
    const file = path.join(dir, "app.db");
    prepareDatabase(file, { demoAccounts: false });
    const db = openDb(file);
    const docs = [...allDocuments(db)].flat();
    closeDb(db);
    return docs;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every name the queries use must name exactly one document. */
export function checkNames(docs: SearchDocument[]): void {
  const count = new Map<string, number>();
  for (const d of docs) count.set(d.name, (count.get(d.name) ?? 0) + 1);
  const bad: string[] = [];
  for (const jq of JUDGED_QUERIES) {
    for (const name of [...jq.expected, ...(jq.first ? [jq.first] : []), ...(jq.notExpected ?? [])]) {
      if (count.get(name) !== 1) bad.push(`${jq.q}: ${name} (${count.get(name) ?? 0} documents)`);
    }
  }
  const seen = new Set<string>();
  for (const jq of JUDGED_QUERIES) {
    if (seen.has(jq.q)) bad.push(`${jq.q}: judged twice`);
    seen.add(jq.q);
  }
  if (bad.length) throw new Error(`judged queries name unknown or ambiguous documents:\n  ${bad.join("\n  ")}`);
}

async function judgeOne(engine: Engine, jq: JudgedQuery, docs: SearchDocument[]): Promise<Verdict> {
  const started = performance.now();
  const r = await engine.search({ q: jq.q, filters: {}, sort: "relevance", page: 1, perPage: TOP });
  const ms = Math.round((performance.now() - started) * 100) / 100;
  const top = r.hits.map((h) => h.document.name);
  const missing = jq.expected.filter((n) => !top.includes(n));
  const wrongFirst = jq.first && top[0] !== jq.first ? jq.first : null;
  const unwanted = (jq.notExpected ?? []).filter((n) => top.includes(n));
  const inField = (d: SearchDocument) => !jq.only || d.categories.some((c) => (jq.only as string[]).includes(c));
  const outside = r.hits.filter((h) => !inField(h.document)).map((h) => h.document.name);
  const short = jq.only ? Math.max(0, Math.min(TOP, docs.filter(inField).length) - r.hits.length) : 0;
  // Nothing expected and no other condition: the right answer is an empty page.
  const emptyRight = jq.expected.length > 0 || top.length === 0 || Boolean(jq.notExpected?.length || jq.only);
  return {
    total: r.total,
    ms,
    top,
    found: jq.expected.length - missing.length,
    missing,
    wrongFirst,
    unwanted,
    outside,
    short,
    pass: missing.length === 0 && !wrongFirst && unwanted.length === 0 && outside.length === 0 && short === 0 && emptyRight,
  };
}

function score(results: JudgedResult[], e: JudgeEngineName): Score {
  const vs = results.map((r) => ({ r, v: r.verdicts[e]! }));
  const withExpected = vs.filter(({ r }) => r.expected.length > 0);
  const firstAsked = vs.filter(({ r }) => r.first);
  return {
    queries: vs.length,
    passed: vs.filter(({ v }) => v.pass).length,
    meanRecall: withExpected.reduce((s, { r, v }) => s + v.found / r.expected.length, 0) / Math.max(1, withExpected.length),
    firstRight: firstAsked.filter(({ v }) => !v.wrongFirst).length,
    firstAsked: firstAsked.length,
    unwanted: vs.reduce((s, { v }) => s + v.unwanted.length, 0),
    outside: vs.reduce((s, { v }) => s + v.outside.length, 0),
    p50Ms: median(vs.map(({ v }) => v.ms)),
    maxMs: Math.max(...vs.map(({ v }) => v.ms)),
  };
}

function byKind(results: JudgedResult[], e: JudgeEngineName): Record<string, { queries: number; passed: number }> {
  const out: Record<string, { queries: number; passed: number }> = {};
  for (const r of results) {
    const k = (out[r.kind] ??= { queries: 0, passed: 0 });
    k.queries++;
    if (r.verdicts[e]!.pass) k.passed++;
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
};

/** Why a query did not pass, in a few words. */
export function why(v: Verdict): string {
  const parts: string[] = [];
  if (v.missing.length) parts.push(`missing ${v.missing.join("、")}`);
  if (v.wrongFirst) parts.push(`first is ${v.top[0] ?? "nothing"}, not ${v.wrongFirst}`);
  if (v.unwanted.length) parts.push(`unwanted ${v.unwanted.join("、")}`);
  if (v.outside.length) parts.push(`outside the field: ${v.outside.join("、")}`);
  if (v.short) parts.push(`${v.short} hits short of a full page`);
  if (!parts.length && !v.pass) parts.push(`${v.total} hits, none expected`);
  return parts.join("; ");
}

export function commitMeasured(): string | null {
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" });
  if (head.status !== 0) return null;
  const dirty = spawnSync("git", ["status", "--porcelain", "--", "search", "bench", "db", "domain"], { encoding: "utf8" });
  return `${head.stdout.trim()}${dirty.stdout.trim() ? "+changes" : ""}`;
}

export interface RunJudgedOptions {
  /** Engines to judge (default: all three); Meilisearch only with a server. */
  engines?: readonly JudgeEngineName[];
  /** The server to judge Meilisearch on (a throw-away index, deleted afterwards), or why there is none. */
  meili: MeiliTarget | { skipped: string };
}

/** Index the demo pool into each engine and judge every query; Meilisearch over HTTP, as the app uses it. */
export async function runJudged(opts: RunJudgedOptions): Promise<JudgeReport> {
  const wanted = opts.engines ?? JUDGE_ENGINES;
  const docs = demoDocuments();
  checkNames(docs);

  const engines: Partial<Record<JudgeEngineName, Engine>> = {};
  let meili: MeilisearchEngine | undefined;
  let meiliInfo: JudgeReport["meilisearch"];
  if ("skipped" in opts.meili) meiliInfo = { skipped: opts.meili.skipped };
  else if (!wanted.includes("meilisearch")) meiliInfo = { skipped: "not asked for (--engines)" };
  else meiliInfo = { version: opts.meili.version, source: opts.meili.source };

  try {
    for (const name of JUDGE_ENGINES) {
      if (!wanted.includes(name)) continue;
      let engine: Engine;
      if (name === "embedded") engine = new EmbeddedEngine();
      else if (name === "baseline") engine = new MiniSearchEngine();
      else {
        if ("skipped" in opts.meili) continue;
        engine = meili = new MeilisearchEngine({
          url: opts.meili.url,
          apiKey: opts.meili.apiKey,
          indexName: `judge_${Date.now()}_${process.pid}`,
        });
      }
      await engine.setup();
      await engine.upsert(docs);
      engines[name] = engine;
    }

    const results: JudgedResult[] = [];
    for (const jq of JUDGED_QUERIES) {
      const verdicts: JudgedResult["verdicts"] = {};
      for (const [name, engine] of Object.entries(engines) as [JudgeEngineName, Engine][])
        verdicts[name] = await judgeOne(engine, jq, docs);
      results.push({
        q: jq.q,
        kind: jq.kind,
        expected: jq.expected,
        first: jq.first,
        notExpected: jq.notExpected,
        only: jq.only,
        verdicts,
      });
    }

    const names = JUDGE_ENGINES.filter((e) => engines[e]);
    return {
      date: new Date().toISOString(),
      commit: commitMeasured(),
      meilisearchSettings: meili ? buildIndexSettings() : undefined,
      machine: machineInfo(),
      pool: { documents: docs.length },
      meilisearch: meiliInfo,
      scores: Object.fromEntries(names.map((e) => [e, score(results, e)])),
      byKind: Object.fromEntries(names.map((e) => [e, byKind(results, e)])),
      results,
    };
  } finally {
    await meili?.deleteIndex().catch(() => undefined);
  }
}

/** The engines a report has, in the order of JUDGE_ENGINES. */
export const judgedEngines = (report: JudgeReport): JudgeEngineName[] => JUDGE_ENGINES.filter((e) => report.scores[e]);

/** The score table: passed, recall, first hits, wrong hits, time per search, one row per engine. */
export function judgedScoreTable(report: JudgeReport): string {
  return mdTable(
    ["engine", "passed", "mean recall@10", "right first hit", "named-wrong hits", "hits outside the field", "ms per search (median, max)"],
    judgedEngines(report).map((e) => {
      const s = report.scores[e]!;
      return [
        e,
        `${s.passed} / ${s.queries}`,
        pct(s.meanRecall),
        `${s.firstRight} / ${s.firstAsked}`,
        String(s.unwanted),
        String(s.outside),
        `${s.p50Ms}, ${s.maxMs}`,
      ];
    }),
    ["l", "r", "r", "r", "r", "r", "r"],
  );
}

/** Passed per kind of query, one column per engine. */
export function judgedKindTable(report: JudgeReport): string {
  const engines = judgedEngines(report);
  return mdTable(
    ["kind", ...engines],
    Object.keys(report.byKind[engines[0]] ?? {}).map((k) => [
      k,
      ...engines.map((e) => `${report.byKind[e]![k].passed} / ${report.byKind[e]![k].queries}`),
    ]),
    ["l", ...engines.map(() => "r" as const)],
  );
}

/** The queries some engine did not pass (or only those among `engines`), with why. */
export function judgedFailureTable(report: JudgeReport, engines = judgedEngines(report)): string {
  const rows = report.results
    .filter((r) => engines.some((e) => r.verdicts[e] && !r.verdicts[e]!.pass))
    .map((r) => [
      `\`${r.q}\``,
      r.kind,
      ...engines.map((e) => (!r.verdicts[e] ? "–" : r.verdicts[e]!.pass ? "✓" : `✗ ${why(r.verdicts[e]!)}`)),
    ]);
  return rows.length ? mdTable(["query", "kind", ...engines], rows) : "(none)";
}

/** The Meilisearch part of a heading: "Meilisearch 1.50.0" or why it was skipped. */
export function meiliLabel(report: JudgeReport): string {
  return "version" in report.meilisearch
    ? `Meilisearch ${report.meilisearch.version}`
    : `Meilisearch skipped (${report.meilisearch.skipped})`;
}

/** The bench:judged section of docs/performance.md. */
export function renderJudged(report: JudgeReport): string {
  return [
    `### Judged queries (\`npm run search:judge\`, ${report.date.slice(0, 10)}${report.commit ? `, commit ${report.commit}` : ""}, ${meiliLabel(report)}, ${describeMachine(report.machine)})`,
    "",
    `${report.results.length} queries a party would type (bench/lib/judged-queries.ts, with how they were judged), over the ` +
      `demo pool (${report.pool.documents} documents). A query passes when every expected person or committee is in the first ${TOP} ` +
      "hits, the expected one is first where one is named, nothing named as wrong is there, and, where the query names a field " +
      "(`only`), the whole first page is of that field.",
    "",
    judgedScoreTable(report),
    "",
    judgedKindTable(report),
    "",
    "Queries not passed by every engine:",
    "",
    judgedFailureTable(report),
  ].join("\n");
}

export function printJudged(report: JudgeReport): void {
  const engines = judgedEngines(report);
  for (const r of report.results) {
    const cells = engines.map((e) => {
      const v = r.verdicts[e]!;
      return `${e.slice(0, 5)} ${v.pass ? "✓" : "✗"} ${v.found}/${r.expected.length}${v.pass ? "" : ` (${why(v)})`}`;
    });
    console.log(`${r.q.padEnd(14)} ${r.kind.padEnd(13)} ${cells.join("   ")}`);
  }
  console.log("");
  printJudgedScores(report);
}

export function printJudgedScores(report: JudgeReport, indent = ""): void {
  for (const e of judgedEngines(report)) {
    const s = report.scores[e]!;
    console.log(
      `${indent}${e.padEnd(12)} passed ${s.passed}/${s.queries}, mean recall@10 ${pct(s.meanRecall)}, right first hit ${s.firstRight}/${s.firstAsked}, ` +
        `named-wrong hits ${s.unwanted}, hits outside the field ${s.outside}, ms per search median ${s.p50Ms}, max ${s.maxMs}`,
    );
  }
}
