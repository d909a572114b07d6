// Latency statistics for benchmarks. Percentiles are nearest-rank over the sorted samples.

export interface LatencySummary {
  samples: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    samples: sorted.length,
    mean: sorted.length ? sum / sorted.length : NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** Rounded for JSON and tables: 3 decimals below 10, 2 below 100, 1 above. */
export function round(n: number): number {
  if (!Number.isFinite(n)) return n;
  const d = Math.abs(n) < 10 ? 1000 : Math.abs(n) < 100 ? 100 : 10;
  return Math.round(n * d) / d;
}

export function roundSummary(s: LatencySummary): LatencySummary {
  return {
    samples: s.samples,
    mean: round(s.mean),
    p50: round(s.p50),
    p95: round(s.p95),
    p99: round(s.p99),
    min: round(s.min),
    max: round(s.max),
  };
}

/** "1.234", "12.3", "123": short and readable in a table. */
export function fmtMs(n: number): string {
  if (!Number.isFinite(n)) return "–";
  if (n < 10) return n.toFixed(2);
  if (n < 100) return n.toFixed(1);
  return n.toFixed(0);
}

export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}
