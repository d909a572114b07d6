// WEB_CONCURRENCY: the server runs that many processes on one port; the primary replaces a worker that
// dies, and SIGTERM stops them all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { ensureBuilt, startServer, type RunningServer } from "./server";
import { childrenOf } from "../../scripts/processes";
import { openDb } from "../../db/client";
import { createMediator } from "../factories";

const file = freshDatabase();
const mediator = createMediator(openDb(file), { now: Date.now() });
let server: RunningServer;

async function until(check: () => boolean, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function untilAsync(check: () => Promise<boolean>, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  ensureBuilt();
  server = await startServer({ DATABASE_PATH: file, WEB_CONCURRENCY: "3" });
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

describe("WEB_CONCURRENCY", () => {
  it("runs that many workers behind one port, and replaces one that dies", async () => {
    const primary = server.process.pid!;
    await until(() => childrenOf(primary).length === 3);
    const workers = childrenOf(primary);
    process.kill(workers[0], "SIGKILL");
    await until(() => {
      const now = childrenOf(primary);
      return now.length === 3 && !now.includes(workers[0]);
    });
    // Once a worker listens again (the one killed may have been the only one ready yet, on a busy
    // machine), whichever worker answers, the site works.
    await untilAsync(async () => (await fetch(`${server.url}/healthz`).catch(() => null))?.ok === true);
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${server.url}/api/v1/mediators/${mediator.id}`);
      expect(res.status).toBe(200);
    }
  }, 120_000);

  it("SIGTERM to the primary stops every worker", async () => {
    const primary = server.process.pid!;
    await until(() => childrenOf(primary).length === 3);
    const workers = childrenOf(primary);
    await server.stop();
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await until(() => workers.every((w) => !alive(w)), 10_000);
  }, 30_000);
});
