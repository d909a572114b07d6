// Which timed samples a garbage-collection pause fell into. V8 collects for the whole process, so a
// pause caused by one engine's garbage can land in the other engine's sample; this tells how much of
// a latency tail is GC rather than the work of the engine being timed.
import { PerformanceObserver, constants } from "node:perf_hooks";

export interface Interval {
  start: number;
  end: number;
}

export interface GcOverlap {
  /** Samples during which a GC pause ran. */
  samplesWithGc: number;
  /** Of the slowest 5 % of samples (≥ p95), the share that overlapped a GC pause, 0..1. */
  tailShareWithGc: number;
  /** GC pause time inside this engine's samples, ms. */
  gcMs: number;
  /** Major (mark-compact) pauses among them. */
  majorPauses: number;
}

interface GcEvent extends Interval {
  major: boolean;
}

export class GcWatch {
  private readonly events: GcEvent[] = [];
  private readonly observer = new PerformanceObserver((list) => this.record(list.getEntries()));

  private record(entries: readonly PerformanceEntry[]): void {
    for (const e of entries) {
      const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      this.events.push({ start: e.startTime, end: e.startTime + e.duration, major: kind === constants.NODE_PERFORMANCE_GC_MAJOR });
    }
  }

  start(): void {
    this.events.length = 0;
    this.observer.observe({ entryTypes: ["gc"] });
  }

  /** Stops observing, taking the entries not yet delivered to the callback (delivery is asynchronous). */
  async stop(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.record(this.observer.takeRecords());
    this.observer.disconnect();
  }

  overlap(samples: Interval[]): GcOverlap {
    const events = [...this.events].sort((a, b) => a.start - b.start);
    const inside = samples.map((s) => {
      let ms = 0;
      let major = 0;
      for (const e of events) {
        if (e.start >= s.end) break;
        if (e.end <= s.start) continue;
        ms += Math.min(e.end, s.end) - Math.max(e.start, s.start);
        if (e.major) major++;
      }
      return { duration: s.end - s.start, ms, major };
    });
    const byDuration = [...inside].sort((a, b) => b.duration - a.duration);
    const tail = byDuration.slice(0, Math.max(1, Math.ceil(inside.length * 0.05)));
    return {
      samplesWithGc: inside.filter((x) => x.ms > 0).length,
      tailShareWithGc: tail.length ? Math.round((tail.filter((x) => x.ms > 0).length / tail.length) * 100) / 100 : 0,
      gcMs: Math.round(inside.reduce((n, x) => n + x.ms, 0) * 10) / 10,
      majorPauses: inside.reduce((n, x) => n + x.major, 0),
    };
  }
}
