// Starts the built site with server.mjs (what `npm start` runs) on 127.0.0.1 and a free port, for
// tests that need real server processes. Builds first when the build is missing.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../../scripts/free-port";

const root = path.resolve(import.meta.dirname, "../..");

export function ensureBuilt(): void {
  if (!fs.existsSync(path.join(root, "build/server/index.js")))
    execFileSync(path.join(root, "node_modules/.bin/remix"), ["build"], { cwd: root, stdio: "ignore" });
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["server.mjs", "build/server/index.js"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", ACCESS_LOG: "0", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
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
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
