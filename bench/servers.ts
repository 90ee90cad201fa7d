/**
 * The Workers the bench runs in `workerd serve`: wirefeed's bundle with
 * wrangler.toml's settings, the floor (bench/floor-worker.ts) replaying
 * wirefeed's captured answers, and an empty Worker (the least startup).
 */
import { buildSync } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { unstable_readConfig } from "wrangler";
import type { Corpus } from "./prepare";
import type { CapturedRoute } from "./routes";
import { startWorkerd, writeConfig, type RunningWorkerd, type WorkerSpec } from "./workerd";

const wrangler = unstable_readConfig({ config: "wrangler.toml" });
/** wrangler.toml's [vars], as deploy would bind them. */
export const VARS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(wrangler.vars).map(([name, value]) => [name, String(value)]));
const RUNTIME = { compatibilityDate: wrangler.compatibility_date ?? "2026-04-26", compatibilityFlags: wrangler.compatibility_flags ?? [] };

/** wirefeed's bundle of `corpus`, with `vars` over wrangler.toml's (as `--var` at deploy would). */
export function wirefeedWorker(corpus: Corpus, vars: Record<string, string> = {}): WorkerSpec {
  return { name: "wirefeed", modules: corpus.modules, vars: { ...VARS, ...vars }, archive: corpus.archive.dir, ...RUNTIME };
}

/**
 * The floor, replaying `routes` (written with its module into `dir`); `name`
 * tells copies apart: a second one is the A/A control.
 */
export function floorWorker(dir: string, routes: readonly CapturedRoute[], name = "floor"): WorkerSpec {
  mkdirSync(dir, { recursive: true });
  const answers = routes.flatMap((route) =>
    (["gzip", "plain"] as const).map((encoding) => {
      const { status, headers, body } = route[encoding];
      return { path: route.path, encoding, status, headers, body: body.toString("base64") };
    }),
  );
  writeFileSync(join(dir, "responses.json"), JSON.stringify(answers));
  // Bundled with wirefeed's own content-coding functions: both sides decide gzip alike. Profiles name it by its source.
  buildSync({
    entryPoints: [fileURLToPath(new URL("./floor-worker.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    external: ["./responses.json"],
    outfile: join(dir, "floor-worker.js"),
    logLevel: "error",
  });
  const modules: WorkerSpec["modules"] = [
    { name: "floor-worker.js", path: join(dir, "floor-worker.js"), type: "esModule" },
    { name: "responses.json", path: join(dir, "responses.json"), type: "json" },
  ];
  return { name, modules, vars: {}, ...RUNTIME };
}

/**
 * A Worker that does nothing: what workerd costs before any Worker code.
 * `carrying`: modules it holds without importing them (wirefeed's Data
 * modules), so that what workerd itself spends loading those bytes (parsing
 * a 17 MiB `embed` in the capnp config took about 330 ms of CPU here, for a
 * module no code reads) is on both sides of a startup difference.
 */
export function emptyWorker(dir: string, carrying: WorkerSpec["modules"] = []): WorkerSpec {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "empty.js"), "export default { fetch() { return new Response(''); } };\n");
  return { name: "empty", modules: [{ name: "empty.js", path: join(dir, "empty.js"), type: "esModule" }, ...carrying], vars: {}, ...RUNTIME };
}

export interface ServeOptions {
  inspector?: boolean;
  /** V8 reports each garbage collection, read as `gcPauses()` (bench/gc-trace.ts). */
  gcTrace?: boolean;
}

/** One fresh `workerd serve` process running `workers`, its config written as `dir/<name>.capnp`. */
export async function serve(dir: string, name: string, workers: readonly WorkerSpec[], options: ServeOptions = {}): Promise<RunningWorkerd> {
  mkdirSync(dir, { recursive: true });
  const config = join(dir, `${name}.capnp`);
  writeConfig(config, workers, options.gcTrace ? ["--trace-gc"] : []);
  return startWorkerd(
    config,
    workers.map((worker) => worker.name),
    options,
  );
}

/**
 * Each of `workers` in a fresh `workerd serve` process of its own (all on the
 * server's core), by worker name. Compared Workers run apart: in one process,
 * the collections and compilation one Worker's requests left to V8's
 * background threads ran, and were counted, during the next one's run.
 */
export async function serveEach(dir: string, name: string, workers: readonly WorkerSpec[], options: ServeOptions = {}): Promise<Record<string, RunningWorkerd>> {
  const servers: Record<string, RunningWorkerd> = {};
  try {
    for (const worker of workers) servers[worker.name] = await serve(dir, `${name}-${worker.name}`, [worker], options);
  } catch (error) {
    await stopEach(servers);
    throw error;
  }
  return servers;
}

export async function stopEach(servers: Readonly<Record<string, RunningWorkerd>>): Promise<void> {
  await Promise.all(Object.values(servers).map((server) => server.stop()));
}
