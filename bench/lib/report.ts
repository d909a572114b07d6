// Where benchmark figures go: bench/results/<name>-<timestamp>.json (+ <name>-latest.json), and a
// section of docs/performance.md between `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->`.
// Only that section is rewritten; the rest of the file (other benchmarks' sections, prose) is kept.
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const RESULTS_DIR = path.join(ROOT, "bench/results");
export const PERFORMANCE_DOC = path.join(ROOT, "docs/performance.md");

/** "2025-11-26T10-31-02Z": an ISO timestamp that is a safe file name everywhere. */
export function fileTimestamp(date = new Date()): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/:/g, "-");
}

/** Writes `data` to bench/results/<name>-<timestamp>.json (and <name>-latest.json); returns the paths. */
export function writeResults(name: string, data: unknown, opts: { latest: boolean; timestamp?: string }): string[] {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(data, null, 2)}\n`;
  const files = [resultsFile(name, opts.timestamp ?? fileTimestamp())];
  if (opts.latest) files.push(path.join(RESULTS_DIR, `${name}-latest.json`));
  for (const f of files) fs.writeFileSync(f, json);
  return files.map((f) => path.relative(ROOT, f));
}

export function resultsFile(name: string, timestamp: string): string {
  return path.join(RESULTS_DIR, `${name}-${timestamp}.json`);
}

const DOC_HEAD = `# Performance

Benchmarks print their figures and save them; they are never tests and never fail a build. Each
section between \`bench:…\` markers below is rewritten by its benchmark; everything else is prose.
`;

/** Replaces (or appends) the marked section `name` of docs/performance.md with `body`. */
export function updateDocSection(name: string, body: string, file = PERFORMANCE_DOC): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  let doc = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : DOC_HEAD;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i >= 0 && j > i) doc = doc.slice(0, i) + block + doc.slice(j + end.length);
  else doc = `${doc.trimEnd()}\n\n${block}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, doc.endsWith("\n") ? doc : `${doc}\n`);
}

/** A GitHub-flavoured markdown table. */
export function mdTable(header: string[], rows: string[][], align?: Array<"l" | "r">): string {
  const sep = header.map((_, i) => ((align?.[i] ?? "l") === "r" ? "---:" : "---"));
  return [header, sep, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}
