// A handle on the garbage collector for memory figures. Prefer `node --expose-gc`; without the flag
// it is switched on at run time (V8 accepts --expose-gc late and exposes `gc` to new contexts).
import v8 from "node:v8";
import vm from "node:vm";

let cached: (() => void) | undefined;

export function getGc(): () => void {
  if (cached) return cached;
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === "function") return (cached = g);
  v8.setFlagsFromString("--expose-gc");
  const fromContext = vm.runInNewContext("gc") as unknown;
  if (typeof fromContext !== "function") throw new Error("could not expose the garbage collector; run node with --expose-gc");
  return (cached = fromContext as () => void);
}

/** Several full collections, so weak and finalised objects are gone too. */
export function fullGc(): void {
  const gc = getGc();
  for (let i = 0; i < 3; i++) gc();
}

export interface MemorySnapshot {
  heapUsed: number;
  arrayBuffers: number;
  external: number;
  rss: number;
}

export function memorySnapshot(): MemorySnapshot {
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, external: m.external, rss: m.rss };
}

export const MB = 2 ** 20;
