// Starts the built site with server.mjs (what `npm start` runs) on 127.0.0.1 and a free port, for
// tests that need real server processes. Builds first when the build is missing.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/free-port";

const root = path.resolve(import.meta.dirname, "../..");
// Several test files start servers at once (vitest runs files in parallel): one of them builds while
// the others wait, so none starts a server on a half-written build (pages answered 500).
const lock = path.join(os.tmpdir(), `mediators-build-${createHash("sha1").update(root).digest("hex").slice(0, 12)}.lock`);
const STALE_LOCK_MS = 10 * 60_000;

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const built = () => fs.existsSync(path.join(root, "build/server/index.js")) && !fs.existsSync(lock);

export function ensureBuilt(): void {
  for (;;) {
    if (built()) return;
    try {
      fs.mkdirSync(lock);
    } catch {
      // Another process is building: wait for it (a lock left by a process that died goes stale).
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) fs.rmSync(lock, { recursive: true, force: true });
      sleep(200);
      continue;
    }
    try {
      if (!fs.existsSync(path.join(root, "build/server/index.js")))
        // A production build, as `npm test` makes it: under vitest NODE_ENV is "test", and a build made
        // with that renders pages with the development JSX runtime, which the server has not (500s).
        execFileSync(path.join(root, "node_modules/.bin/remix"), ["build"], {
          cwd: root,
          stdio: "ignore",
          env: { ...process.env, NODE_ENV: "production" },
        });
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** Everything the server wrote so far, stdout and stderr (tests that check what it logs). */
  output(): string;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["server.mjs", "build/server/index.js"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", ACCESS_LOG: "0", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let output = "";
  child.stderr?.on("data", (d) => ((stderr += d), (output += d)));
  child.stdout?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
