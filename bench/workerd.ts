/**
 * Standalone `workerd serve` for the benchmark: a generated capnp config, one
 * process per configuration, each worker on its own loopback socket. This is
 * the runtime Cloudflare runs, without `wrangler dev`'s proxy in front.
 *
 * Every socket (and the inspector) binds port 0: the kernel picks a free port
 * and workerd reports it on its control descriptor, so runs never collide
 * with each other or with anything else on the machine.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import type { Readable } from "node:stream";
import { CORES, onCpus } from "./cores";
import { parseGcLine, type GcPause } from "./gc-trace";

export interface WorkerSpec {
  /** Service and socket name; also the inspector target's name. */
  name: string;
  /** Modules in load order; the first is the entry. Paths are embedded by the config. */
  modules: Array<{ name: string; path: string; type: "esModule" | "json" | "data" | "text" }>;
  compatibilityDate: string;
  compatibilityFlags: readonly string[];
  vars: Record<string, string>;
  /**
   * A folder served to the Worker as its ARCHIVE binding, as wrangler.toml's
   * [assets] is on Cloudflare (a workerd disk service: GET /<file> reads it).
   */
  archive?: string;
}

/** The workerd binary that wrangler's own dependency ships. */
export function workerdBinary(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(dirname(require.resolve("workerd"))), "bin", "workerd");
}

/**
 * A capnp config serving every worker in `workers`, each on 127.0.0.1:0,
 * written to `file` (capnp resolves embeds relative to it). A request's
 * `cf-blob` header becomes its `request.cf`, as Cloudflare's edge provides it.
 * `v8Flags`: V8's own, for every isolate of the process (`--trace-gc`).
 */
export function writeConfig(file: string, workers: readonly WorkerSpec[], v8Flags: readonly string[] = []): void {
  const quote = (text: string) => JSON.stringify(text);
  const lines = ['using Workerd = import "/workerd/workerd.capnp";', "const config :Workerd.Config = ("];
  if (v8Flags.length > 0) lines.push(`  v8Flags = [${v8Flags.map(quote).join(", ")}],`);
  const services = workers.flatMap((w) => [
    `(name = ${quote(w.name)}, worker = .${w.name})`,
    ...(w.archive === undefined ? [] : [`(name = ${quote(`${w.name}-archive`)}, disk = (path = ${quote(resolve(w.archive))}, writable = false))`]),
  ]);
  lines.push(`  services = [${services.join(", ")}],`);
  lines.push(`  sockets = [${workers.map((w) => `(name = ${quote(w.name)}, address = "127.0.0.1:0", http = (cfBlobHeader = "cf-blob"), service = ${quote(w.name)})`).join(", ")}],`);
  lines.push(");");
  for (const w of workers) {
    const modules = w.modules.map((m) => `(name = ${quote(m.name)}, ${m.type} = embed ${quote(relative(dirname(file), m.path))})`);
    const bindings = Object.entries(w.vars).map(([name, text]) => `(name = ${quote(name)}, text = ${quote(text)})`);
    if (w.archive !== undefined) bindings.push(`(name = "ARCHIVE", service = ${quote(`${w.name}-archive`)})`);
    lines.push(`const ${w.name} :Workerd.Worker = (`);
    lines.push(`  modules = [${modules.join(", ")}],`);
    lines.push(`  compatibilityDate = ${quote(w.compatibilityDate)},`);
    lines.push(`  compatibilityFlags = [${w.compatibilityFlags.map(quote).join(", ")}],`);
    lines.push(`  bindings = [${bindings.join(", ")}],`);
    lines.push(");");
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

export interface RunningWorkerd {
  process: ChildProcess;
  /** The port each socket (named as its worker) listens on. */
  ports: Record<string, number>;
  /** The inspector's port, when started with `inspector: true`. */
  inspectorPort?: number;
  /**
   * Milliseconds from spawn until every socket listened. workerd evaluates each
   * Worker's global scope before it binds the sockets, so this includes startup.
   */
  readyMs: number;
  /** workerd's CPU time (every thread) from spawn until every socket listened, in ms. */
  readyCpuMs: number;
  /** Resident set now, and its high-water mark, in bytes (Linux /proc). */
  memory(): { rssBytes: number; peakRssBytes: number };
  /**
   * Nanoseconds the process's threads have run on a CPU so far (Linux
   * schedstat): unlike wall time, what other processes on the machine do
   * hardly changes it.
   */
  cpuNanos(): number;
  /** The collections V8 reported so far, when started with `gcTrace` (and the config's `v8Flags` has `--trace-gc`). */
  gcPauses(): readonly GcPause[];
  stop(): Promise<void>;
}

/**
 * A workerd whose memory runs away (serving a 16 MB sitemap to h2load at
 * 100,000 articles once grew one to 23 GB) would take the shared machine down
 * with it: the bench kills it first, and says so.
 */
const MAX_RSS_BYTES = 6 * 2 ** 30;

/** Start `workerd serve config` and wait until every socket of `names` listens. */
export async function startWorkerd(config: string, names: readonly string[], options: { inspector?: boolean; gcTrace?: boolean } = {}): Promise<RunningWorkerd> {
  const args = ["serve", config, "--control-fd=3"];
  if (options.inspector) args.push("--inspector-addr=127.0.0.1:0");
  // V8 prints its trace with C stdio, which holds a pipe's output in blocks
  // (the first 24 collections of a Worker making garbage arrived together,
  // after 75 requests): coreutils' stdbuf makes it line by line, so each
  // line is timed as it comes. It execs workerd, as taskset does.
  const [command, commandArgs] = options.gcTrace ? ["stdbuf", ["-oL", workerdBinary(), ...args]] : [workerdBinary(), args];
  const started = performance.now();
  // On the server's own core: clients run on the others (bench/cores.ts). taskset execs workerd, so the pid is workerd's.
  const child = spawn(...onCpus(CORES.server, command, commandArgs), { stdio: ["ignore", options.gcTrace ? "pipe" : "ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const pauses: GcPause[] = [];
  if (options.gcTrace) {
    lines(child.stdout!, (line) => {
      const pause = parseGcLine(line, performance.now());
      if (pause !== undefined) pauses.push(pause);
    });
  }
  const ports: Record<string, number> = {};
  let inspectorPort: number | undefined;
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`workerd did not listen within 120 s:\n${stderr}`)), 120_000);
    const onExit = (code: number | null) => fail(new Error(`workerd exited (${code}) before listening:\n${stderr}`));
    child.once("exit", onExit);
    lines(child.stdio[3] as Readable, (line) => {
      // {"event":"listen","socket":"<name>","port":N} and {"event":"listen-inspector","port":N}
      const event = JSON.parse(line) as { event: string; socket?: string; port: number };
      if (event.event === "listen") ports[event.socket!] = event.port;
      if (event.event === "listen-inspector") inspectorPort = event.port;
      if (names.every((name) => name in ports) && (!options.inspector || inspectorPort !== undefined)) {
        clearTimeout(timer);
        child.off("exit", onExit);
        ready();
      }
    });
  });
  const readyMs = performance.now() - started;
  const cpuNanos = () =>
    readdirSync(`/proc/${child.pid}/task`).reduce((sum, task) => {
      try {
        return sum + Number(readFileSync(`/proc/${child.pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        return sum; // a thread that ended since the listing
      }
    }, 0);
  const readyCpuMs = cpuNanos() / 1e6;
  let exited = child.exitCode !== null;
  let stopping = false;
  const memory = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN) * 1024;
    return { rssBytes: kib("VmRSS"), peakRssBytes: kib("VmHWM") };
  };
  const watchdog = setInterval(() => {
    if (!exited && memory().rssBytes > MAX_RSS_BYTES) {
      console.error(`bench: workerd (${config}) grew past ${MAX_RSS_BYTES / 2 ** 30} GiB of memory; killed, so that the machine stays usable`);
      child.kill("SIGKILL");
    }
  }, 200);
  watchdog.unref();
  child.once("exit", (code, signal) => {
    exited = true;
    clearInterval(watchdog);
    if (!stopping) console.error(`bench: workerd (${config}) exited (${signal ?? code}) while in use:\n${stderr.slice(-2000)}`);
  });
  return {
    process: child,
    ports,
    ...(inspectorPort === undefined ? {} : { inspectorPort }),
    readyMs,
    readyCpuMs,
    memory,
    cpuNanos,
    gcPauses: () => pauses,
    stop: () =>
      new Promise<void>((done) => {
        stopping = true;
        if (exited) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}

function lines(stream: Readable, onLine: (line: string) => void): void {
  let buffered = "";
  stream.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    let end;
    while ((end = buffered.indexOf("\n")) !== -1) {
      const line = buffered.slice(0, end).trim();
      buffered = buffered.slice(end + 1);
      if (line !== "") onLine(line);
    }
  });
}
