// @ts-check
// WEB_CONCURRENCY=N (default: one per core, at most 4): N server processes on one port (node:cluster; the primary hands connections out
// in turn). They share the SQLite file as any processes may (WAL; writes wait for the lock without
// blocking, ADR 007); each runs its own background jobs and embedded search index. The primary only
// supervises: it replaces a worker that dies and stops them all on SIGTERM/SIGINT.
import cluster from "node:cluster";
import os from "node:os";

const RESTART_WINDOW_MS = 60_000;
const MAX_RESTARTS = 10;

/**
 * The number of server processes: WEB_CONCURRENCY (validated by config/env.mjs), or by default one per
 * core (at most 4), since one Node process uses one core and the centre's server should use the machine.
 * @param {{ WEB_CONCURRENCY?: number }} config
 * @param {number} [cores]
 */
export function workerCount(config, cores = os.availableParallelism()) {
  return config.WEB_CONCURRENCY ?? Math.min(cores, 4);
}

/** @param {number} count */
export function superviseWorkers(count) {
  let stopping = false;
  /** @type {number[]} */
  const restarts = [];
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts[0] < now - RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length > MAX_RESTARTS) {
      console.error(`workers keep exiting (${restarts.length} in a minute); stopping`);
      process.exit(1);
    }
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
}
