/**
 * Standalone `workerd serve` for the benchmark: a generated capnp config, one
 * process per configuration, each worker on its own loopback port. This is
 * the runtime Cloudflare runs, without `wrangler dev`'s proxy in front.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { connect } from "node:net";
import { dirname, join, relative } from "node:path";

export interface WorkerSpec {
  name: string;
  port: number;
  /** Modules in load order; the first is the entry. Paths are embedded by the config. */
  modules: Array<{ name: string; path: string; type: "esModule" | "json" | "data" | "text" }>;
  compatibilityDate: string;
  compatibilityFlags: readonly string[];
  vars: Record<string, string>;
}

/** The workerd binary that wrangler's own dependency ships. */
export function workerdBinary(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(dirname(require.resolve("workerd"))), "bin", "workerd");
}

function capnpString(value: string): string {
  return JSON.stringify(value);
}

/** A capnp config serving every worker in `workers`, written to `file` (capnp resolves embeds relative to it). */
export function writeConfig(file: string, workers: readonly WorkerSpec[]): void {
  const lines = ['using Workerd = import "/workerd/workerd.capnp";', "const config :Workerd.Config = ("];
  lines.push(`  services = [${workers.map((w) => `(name = ${capnpString(w.name)}, worker = .${w.name})`).join(", ")}],`);
  lines.push(
    `  sockets = [${workers.map((w) => `(name = ${capnpString(w.name)}, address = "127.0.0.1:${w.port}", http = (), service = ${capnpString(w.name)})`).join(", ")}],`,
  );
  lines.push(");");
  for (const w of workers) {
    const modules = w.modules.map((m) => `(name = ${capnpString(m.name)}, ${m.type} = embed ${capnpString(relative(dirname(file), m.path))})`);
    const bindings = Object.entries(w.vars).map(([name, text]) => `(name = ${capnpString(name)}, text = ${capnpString(text)})`);
    lines.push(`const ${w.name} :Workerd.Worker = (`);
    lines.push(`  modules = [${modules.join(", ")}],`);
    lines.push(`  compatibilityDate = ${capnpString(w.compatibilityDate)},`);
    lines.push(`  compatibilityFlags = [${w.compatibilityFlags.map(capnpString).join(", ")}],`);
    lines.push(`  bindings = [${bindings.join(", ")}],`);
    lines.push(");");
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

export interface RunningWorkerd {
  process: ChildProcess;
  /** Milliseconds from spawn until every socket accepted a connection. */
  readyMs: number;
  stop(): Promise<void>;
}

/** Start `workerd serve config` and wait until every port accepts connections. */
export async function startWorkerd(config: string, ports: readonly number[]): Promise<RunningWorkerd> {
  const started = performance.now();
  const child = spawn(workerdBinary(), ["serve", config], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let exited = false;
  child.on("exit", () => (exited = true));
  for (const port of ports) {
    for (;;) {
      if (exited) throw new Error(`workerd exited before listening on ${port}:\n${stderr}`);
      if (await accepts(port)) break;
      if (performance.now() - started > 60_000) throw new Error(`workerd did not listen on ${port} within 60 s:\n${stderr}`);
      await new Promise((done) => setTimeout(done, 1));
    }
  }
  const readyMs = performance.now() - started;
  return {
    process: child,
    readyMs,
    stop: () =>
      new Promise<void>((done) => {
        if (exited) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}
