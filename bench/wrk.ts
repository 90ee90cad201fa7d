/** wrk (Debian's `wrk`): run it, and read its summary. */
import { execFileSync } from "node:child_process";

export interface WrkResult {
  requestsPerSecond: number;
  requests: number;
  /** Socket errors (connect, read, write, timeout) plus non-2xx/3xx responses. */
  errors: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  output: string;
}

export interface WrkOptions {
  url: string;
  seconds: number;
  connections: number;
  threads: number;
  headers?: Record<string, string>;
  script?: string;
}

/** Run wrk once; every figure comes from its `--latency` summary. */
export function runWrk(options: WrkOptions): WrkResult {
  const args = ["-t", String(options.threads), "-c", String(options.connections), "-d", `${options.seconds}s`, "--latency"];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("-H", `${name}: ${value}`);
  if (options.script !== undefined) args.push("-s", options.script);
  args.push(options.url);
  const output = execFileSync("wrk", args, { encoding: "utf8" });
  const number = (pattern: RegExp): number => Number(pattern.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    requests: number(/(\d+) requests in/),
    errors: socketErrors + number(/Non-2xx or 3xx responses: (\d+)/),
    p50Ms: latencyMs(output, "50%"),
    p90Ms: latencyMs(output, "90%"),
    p99Ms: latencyMs(output, "99%"),
    output,
  };
}

function latencyMs(output: string, percentile: string): number {
  const match = new RegExp(`^\\s*${percentile}\\s+([\\d.]+)(us|ms|s)\\s*$`, "m").exec(output);
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return match[2] === "us" ? value / 1000 : match[2] === "s" ? value * 1000 : value;
}
