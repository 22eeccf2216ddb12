/** The machine a benchmark ran on, as docs/performance.md reports it: cores, CPU model, memory, Node and the OS. */
import { readFileSync } from "node:fs";
import os from "node:os";

export interface MachineDescription {
  /** What `nproc` prints: the processors this process may use. */
  readonly cores: number;
  /** The `model name` of /proc/cpuinfo (os.cpus() elsewhere). */
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
}

function cpuInfoModel(): string | undefined {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    return match?.[1]?.trim();
  } catch {
    return undefined;
  }
}

export function describeMachine(): MachineDescription {
  return {
    cores: os.availableParallelism(),
    cpuModel: cpuInfoModel() ?? os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export function machineLine(machine: MachineDescription): string {
  return `${machine.cores} cores (nproc), ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}`;
}
