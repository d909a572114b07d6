// Ranking by success must not let 1 agreement out of 1 case outrank 45 out of 50. The lower bound of
// the Wilson score interval (95 %) is the usual small-sample-safe estimate: 1/1 → 0.21, 45/50 → 0.79.

const Z = 1.96;

export function successRate(closed: number, agreements: number): number | null {
  return closed > 0 ? agreements / closed : null;
}

export function successScore(closed: number, agreements: number): number {
  if (closed <= 0) return 0;
  const p = Math.min(agreements, closed) / closed;
  const z2 = Z * Z;
  const centre = p + z2 / (2 * closed);
  const margin = Z * Math.sqrt((p * (1 - p) + z2 / (4 * closed)) / closed);
  return (centre - margin) / (1 + z2 / closed);
}
