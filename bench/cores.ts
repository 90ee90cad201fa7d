/**
 * Where the bench's processes run. On one machine, a load generator and the
 * server it measures compete for the same cores, and the comparison then
 * measures the scheduler: issue 11's floor ratios scattered from 0.5 to 2.4
 * that way. So workerd gets a core of its own (the last, unless
 * BENCH_SERVER_CPUS names others) and every client (h2load, this Node
 * process's own requests) the rest (BENCH_CLIENT_CPUS). Builds, which the
 * bench times as a publisher would run them, may use every core.
 */
import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";

export interface Placement {
  /** taskset CPU lists, e.g. "1" and "0". */
  server: string;
  client: string;
  all: string;
  /** False on a single core: nothing can be kept apart, and the report says so. */
  pinned: boolean;
}

const CPU_LIST = /^\d+(-\d+)?(,\d+(-\d+)?)*$/;

/** The cores for the server and for the clients, from `env` or the machine's core count. */
export function placement(env: NodeJS.ProcessEnv, cores = availableParallelism()): Placement {
  const all = `0-${cores - 1}`;
  const named = (name: string) => {
    const value = env[name]?.trim();
    if (value === undefined || value === "") return undefined;
    if (!CPU_LIST.test(value)) throw new Error(`${name} is "${value}", expected a CPU list such as 1 or 2-3 (taskset -c syntax)`);
    return value;
  };
  const server = named("BENCH_SERVER_CPUS");
  const client = named("BENCH_CLIENT_CPUS");
  if (cores < 2 && server === undefined) return { server: all, client: all, all, pinned: false };
  const defaultServer = String(cores - 1);
  return { server: server ?? defaultServer, client: client ?? (cores === 2 ? "0" : `0-${cores - 2}`), all, pinned: true };
}

/** `command args` run on `cpus` (through taskset), as spawn arguments. */
export function onCpus(cpus: string, command: string, args: readonly string[]): [string, string[]] {
  return ["taskset", ["-c", cpus, command, ...args]];
}

/** Keep this process (and what it spawns without onCpus) on `cpus`. */
export function pinSelf(cpus: string): void {
  execFileSync("taskset", ["-pc", cpus, String(process.pid)], { stdio: "ignore" });
}

/** This run's placement (BENCH_SERVER_CPUS, BENCH_CLIENT_CPUS). */
export const CORES: Placement = placement(process.env);
