// Starts the INSTALLED Meilisearch binary for a test run: `MEILI_BIN`, else `meilisearch` on PATH. The
// repository never builds or downloads Meilisearch (ADR 011); without a binary the caller reports its
// tests as skipped, with the reason. Each server listens on 127.0.0.1 on a free port, with a fresh data
// directory and a random master key, and is stopped (and its directory removed) by stop().
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/free-port";

export interface MeiliBinary {
  path: string;
  /** What `meilisearch --version` prints, e.g. "meilisearch 1.50.0". */
  version: string;
}

export interface MeiliServer {
  url: string;
  key: string;
  binary: MeiliBinary;
  /** The fresh directory holding its data, removed by stop(). */
  dir: string;
  stop(): Promise<void>;
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The installed binary and its version, or why there is none (a sentence for the skip message). */
export function findMeiliBinary(): MeiliBinary | { missing: string } {
  const fromEnv = process.env.MEILI_BIN?.trim();
  const candidate = fromEnv || onPath("meilisearch");
  if (!candidate) return { missing: "no Meilisearch binary (set MEILI_BIN or put meilisearch on PATH)" };
  const run = spawnSync(candidate, ["--version"], { encoding: "utf8", timeout: 10_000 });
  if (run.error || run.status !== 0) {
    return { missing: `${candidate} --version failed: ${run.error?.message ?? run.stderr.trim() ?? `exit ${run.status}`}` };
  }
  return { path: candidate, version: run.stdout.trim() };
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`meilisearch exited with ${child.exitCode} before it was healthy:\n${log()}`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`meilisearch was not healthy at ${url} within ${timeoutMs} ms:\n${log()}`);
}

/**
 * Start the installed binary; throws when there is none (call findMeiliBinary() first to skip). A port
 * found free can be taken by another process before Meilisearch binds it: then it tries another.
 */
export async function startMeili(opts: { timeoutMs?: number } = {}): Promise<MeiliServer> {
  const binary = findMeiliBinary();
  if ("missing" in binary) throw new Error(binary.missing);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(binary, await freePort(), opts.timeoutMs ?? 30_000);
    } catch (error) {
      if (attempt >= 3 || !/address already in use|os error 98/i.test(String(error))) throw error;
    }
  }
}

async function startOn(binary: MeiliBinary, port: number, timeoutMs: number): Promise<MeiliServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meili-test-"));
  const key = randomBytes(24).toString("hex");
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary.path,
    [
      "--http-addr",
      `127.0.0.1:${port}`,
      "--db-path",
      path.join(dir, "data.ms"),
      "--dump-dir",
      path.join(dir, "dumps"),
      "--snapshot-dir",
      path.join(dir, "snapshots"),
      "--master-key",
      key,
      "--env",
      "development",
      "--no-analytics",
      "--log-level",
      "WARN",
    ],
    { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // If the test process dies without calling stop(), do not leave the server behind.
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      process.removeListener("exit", kill);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    })());

  try {
    await waitHealthy(url, child, () => output, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, key, binary, dir, stop };
}
