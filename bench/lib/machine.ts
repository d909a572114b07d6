// What a benchmark ran on, saved with every result so figures are never read without their machine.
import os from "node:os";

export interface MachineInfo {
  node: string;
  v8: string;
  platform: string;
  arch: string;
  cpuModel: string;
  cores: number;
  totalMemoryGB: number;
  hostname: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.type()} ${os.release()}`,
    arch: process.arch,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: typeof os.availableParallelism === "function" ? os.availableParallelism() : cpus.length,
    totalMemoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    hostname: os.hostname(),
  };
}

export function describeMachine(m: MachineInfo): string {
  return `Node ${m.node}, ${m.cpuModel}, ${m.cores} cores, ${m.totalMemoryGB} GB, ${m.platform} ${m.arch}`;
}

/** 1-minute load average per core: above ~0.5 before a run, other work is competing for the CPU. */
export function loadPerCore(): number {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.round((os.loadavg()[0] / cores) * 100) / 100;
}

export function warnIfBusy(): void {
  const load = loadPerCore();
  if (load > 0.5)
    console.log(`note: the machine is busy (1-minute load ${load} per core); figures will be noisier and slower than on an idle machine`);
}
