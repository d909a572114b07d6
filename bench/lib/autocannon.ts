// autocannon, the load generator of bench:http and bench:booking. It ships no types; this is the part
// of its programmatic API the benchmarks use. It costs the machine far less CPU per request than a
// `fetch` loop, which matters when client and server share two cores.
import { createRequire } from "node:module";

export interface Histogram {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  total?: number;
}

export interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  throughput: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  duration: number;
  statusCodeStats?: Record<string, { count: number }>;
}

interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface AutocannonOptions {
  url: string;
  connections: number;
  /** Seconds; `amount` (a number of requests) takes precedence when given. */
  duration?: number;
  amount?: number;
  timeout?: number;
  headers?: Record<string, string>;
  requests: Array<RawRequest & { setupRequest?: (req: RawRequest) => RawRequest }>;
}

export const autocannon = createRequire(import.meta.url)("autocannon") as (opts: AutocannonOptions) => Promise<AutocannonResult>;
