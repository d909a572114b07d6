// Starts the INSTALLED Meilisearch binary for a test run: `MEILI_BIN`, else `meilisearch` on PATH. The
// repository never builds or downloads Meilisearch (ADR 011); without a binary the caller reports its
// tests as skipped, with the reason. Each server listens on 127.0.0.1 on a free port, with a fresh data
// directory and a random master key, and is stopped (and its directory removed) by stop().
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import net from "node:net";
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
  /** Kills the process as a crash would (SIGKILL), keeping the data directory and the port's number. */
  kill(): Promise<void>;
  /** Starts it again (after kill(), or stopping it first) on the same port, data directory and key. */
  restart(): Promise<void>;
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
  let output = "";
  let child: ChildProcess;
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  // If the test process dies without calling stop(), do not leave the server behind.
  const killNow = () => child.kill("SIGKILL");
  const spawnServer = () => {
    child = spawn(
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
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    process.once("exit", killNow);
  };
  /** Ends the process (SIGKILL when `hard`: a crash, not a shutdown), keeping its data directory. */
  const end = async (hard = false) => {
    process.removeListener("exit", killNow);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill(hard ? "SIGKILL" : "SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
  };

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await end();
      fs.rmSync(dir, { recursive: true, force: true });
    })());
  const kill = () => end(true);
  const restart = async () => {
    await end();
    // The port was just released by the same server; nothing else on loopback is expected to grab it.
    spawnServer();
    await waitHealthy(url, child, () => output, timeoutMs);
  };

  spawnServer();
  try {
    await waitHealthy(url, child!, () => output, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, key, binary, dir, stop, kill, restart };
}

// A real loopback TCP proxy in front of a real Meilisearch, for the fault tests: it forwards every byte,
// and holds the server's answers back by `delayMs` (settable while it runs), as a stalled or far-away
// server would. Not a fake server: every answer is Meilisearch's own.

export interface SlowProxy {
  url: string;
  delayMs: number;
  close(): Promise<void>;
}

export async function startSlowProxy(target: string): Promise<SlowProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  const proxy: SlowProxy = { url: "", delayMs: 0, close: async () => {} };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on("data", (chunk) => upstream.write(chunk));
    // Each chunk of the answer is held for the delay in force when it arrived.
    upstream.on("data", (chunk) => {
      const delay = proxy.delayMs;
      if (delay <= 0) client.write(chunk);
      else setTimeout(() => !client.destroyed && client.write(chunk), delay).unref();
    });
    client.on("end", () => upstream.end());
    upstream.on("end", () => setTimeout(() => client.end(), proxy.delayMs).unref());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  proxy.close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return proxy;
}
