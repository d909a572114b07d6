// A Meilisearch server for a benchmark, and what its process holds in memory. Either MEILI_URL (and
// MEILI_MASTER_KEY) when set, used through throw-away indexes; or the INSTALLED binary (MEILI_BIN, else
// `meilisearch` on PATH) started by tests/contract/meili-server.ts on a free 127.0.0.1 port with a fresh
// data directory and a random master key; else the reason it is skipped. The repository never builds,
// downloads or ships Meilisearch (ADR 011): code only talks to a running server.
import fs from "node:fs";
import path from "node:path";
import { findMeiliBinary, startMeili, type MeiliServer } from "../../tests/contract/meili-server";

export interface MeiliTarget {
  url: string;
  apiKey: string | undefined;
  /** "MEILI_URL http://…" or "<binary path> (meilisearch 1.50.0)". */
  source: string;
  /** What the server says it is (GET /version), e.g. "1.50.0". */
  version: string;
  /** The server's process id when we started it (its memory can then be read from /proc), else null. */
  pid: number | null;
  /** Its data directory when we started it (fresh, removed by stop()), else null. */
  dir: string | null;
  external: boolean;
  stop(): Promise<void>;
}

/** Why Meilisearch cannot be measured here, or null when it can (MEILI_URL or an installed binary). */
export function meiliUnavailable(): string | null {
  if (process.env.MEILI_URL?.trim()) return null;
  const binary = findMeiliBinary();
  return "missing" in binary ? `MEILI_URL is not set and ${binary.missing}` : null;
}

/** The process whose command line names this data directory (startMeili does not hand out the child). */
function findPid(dir: string): number | null {
  const dbPath = path.join(dir, "data.ms");
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (args.includes(dbPath)) return Number(entry);
    } catch {
      // gone, or not ours to read
    }
  }
  return null;
}

async function serverVersion(url: string, apiKey: string | undefined): Promise<string> {
  try {
    const res = await fetch(`${url}/version`, { headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {} });
    return res.ok ? ((await res.json()) as { pkgVersion: string }).pkgVersion : `unknown (HTTP ${res.status})`;
  } catch (error) {
    return `unknown (${(error as Error).message})`;
  }
}

/** MEILI_URL when set, else a fresh server from the installed binary (throws when there is neither). */
export async function openMeili(): Promise<MeiliTarget> {
  const external = process.env.MEILI_URL?.trim();
  if (external) {
    const apiKey = process.env.MEILI_MASTER_KEY || undefined;
    return {
      url: external,
      apiKey,
      source: `MEILI_URL ${external}`,
      version: await serverVersion(external, apiKey),
      pid: null,
      dir: null,
      external: true,
      stop: async () => undefined,
    };
  }
  const server: MeiliServer = await startMeili();
  return {
    url: server.url,
    apiKey: server.key,
    source: `${server.binary.path} (${server.binary.version})`,
    version: await serverVersion(server.url, server.key),
    pid: findPid(server.dir),
    dir: server.dir,
    external: false,
    stop: () => server.stop(),
  };
}

export interface ProcessMemory {
  /** Resident set now (VmRSS), MB. */
  rssMB: number;
  /** Peak resident set since the process started (VmHWM), MB. */
  hwmMB: number;
}

/** VmRSS and VmHWM of a process from /proc/<pid>/status, or null when it cannot be read. */
export function processMemory(pid: number | null): ProcessMemory | null {
  if (pid === null) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kB = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    const rss = kB("VmRSS");
    const hwm = kB("VmHWM");
    if (!Number.isFinite(rss)) return null;
    return { rssMB: rss / 1024, hwmMB: hwm / 1024 };
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, ms, from /proc/<pid>/stat; null when unreadable. */
export function processCpuMs(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** Bytes a directory tree takes on disk (allocated blocks, so sparse files count what they use), MB. */
export function diskUsageMB(dir: string | null): number | null {
  if (!dir) return null;
  let bytes = 0;
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) bytes += fs.statSync(p).blocks * 512;
    }
  };
  try {
    walk(dir);
  } catch {
    return null;
  }
  return bytes / 2 ** 20;
}
