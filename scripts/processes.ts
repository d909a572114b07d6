// What Linux's /proc says about running processes, for tests and benchmarks that start servers:
// which processes a server forked (cluster workers) and how much CPU they used.
import fs from "node:fs";

export interface ProcessStat {
  pid: number;
  parent: number;
  /** User + system CPU seconds so far (clock ticks at USER_HZ = 100). */
  cpuSeconds: number;
}

/** Every process now running, as /proc lists it (empty where there is no /proc). */
export function processes(): ProcessStat[] {
  const out: ProcessStat[] = [];
  let entries: string[] = [];
  try {
    entries = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const entry of entries) {
    try {
      // After the command name in parentheses: state, ppid, … utime (12th), stime (13th).
      const fields = fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ");
      out.push({ pid: Number(entry), parent: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100 });
    } catch {
      // ended meanwhile
    }
  }
  return out;
}

/** The pids of a process's children. */
export function childrenOf(pid: number): number[] {
  return processes()
    .filter((p) => p.parent === pid)
    .map((p) => p.pid);
}

/** CPU seconds used by a process and its children together (a cluster primary and its workers). */
export function cpuSecondsOfTree(pid: number): number {
  return processes()
    .filter((p) => p.pid === pid || p.parent === pid)
    .reduce((sum, p) => sum + p.cpuSeconds, 0);
}
