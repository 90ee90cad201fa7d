/**
 * h2load (Debian's nghttp2-client) over HTTP/1.1: a fixed number of requests
 * on keep-alive connections, timed, on the client's cores. Fixed counts let
 * a run last a fraction of a second, so more rounds, closer together, fit the
 * bench's time.
 */
import { execFileSync } from "node:child_process";
import { CORES, onCpus } from "./cores";

export interface H2loadOptions {
  url: string;
  requests: number;
  connections: number;
  headers?: Record<string, string>;
}

export interface H2loadResult {
  requestsPerSecond: number;
  /** Requests that got no response, or a response other than `status`. */
  errors: number;
}

/** Run h2load once; every response must have `status`. */
export function runH2load(options: H2loadOptions, status: number): H2loadResult {
  const args = ["--h1", "-n", String(options.requests), "-c", String(options.connections), "-t", "1"];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("-H", `${name}: ${value}`);
  args.push(options.url);
  const output = execFileSync(...onCpus(CORES.client, "h2load", args), { encoding: "utf8" });
  const rate = /finished in [\d.]+m?s, ([\d.]+) req\/s/.exec(output);
  const codes = /status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx/.exec(output);
  if (rate === null || codes === null) throw new Error(`h2load: unexpected output for ${options.url}:\n${output}`);
  const byClass = codes.slice(1).map(Number);
  const expected = byClass[Math.floor(status / 100) - 2]!;
  return { requestsPerSecond: Number(rate[1]), errors: options.requests - expected };
}
