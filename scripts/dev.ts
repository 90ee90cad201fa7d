/**
 * `npm start`: the dev loop. Compiles the seeds, serves them with `wrangler dev`
 * on PORT (default 8787) with SITE_URL set to that origin, and recompiles once
 * for each change to a seed (a `.txt` in a seed folder). wrangler bundles src/
 * itself and reloads the Worker when the build rewrites its module, when you
 * edit src/, or when wrangler.toml changes.
 *
 *   PORT=9000 WIREFEED_SEEDS=dir1:dir2 npm start [-- wrangler dev options, --port 9000 among them]
 *
 * The seeds are built here, not by wrangler's `[build]` step (which deploy
 * keeps): wrangler dev runs that step twice on every start, watches one fixed
 * folder, and holds every request while a build fails. Here a failed build
 * writes a Worker that answers 503 listing the problems (scripts/dev-build.ts),
 * so every request is answered at once, each problem is printed once, and the
 * site comes back when the seed is fixed.
 *
 * The dev server builds into its own folder (DEV_BUILD), served through its
 * own entry and config, never src/generated/: `npm run build` with a broken
 * seed removes that, `npm test` and a deploy rewrite it, and wrangler dev
 * serving it would fail to bundle, or hold every request, until it came back.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, watch, writeFileSync, type FSWatcher } from "node:fs";
import { createServer } from "node:net";
import { join, relative, resolve } from "node:path";
import { devConfig } from "./dev-config";

const ROOT = join(import.meta.dirname, "..");
/** wrangler.toml as `wrangler dev` gets it from `npm start` (scripts/dev-config.ts; ignored by git). */
const DEV_CONFIG = ".wrangler-dev.toml";
/** The dev server's own build: its generated module, the data beside it, and the entry importing it (.wrangler/ is ignored by git). */
const DEV_BUILD = ".wrangler/dev-build";
const DEV_MODULE = `${DEV_BUILD}/articles.ts`;
const DEV_ENTRY = `${DEV_BUILD}/index.ts`;
/** Editors save a file in several writes and renames: wait this long after the last event before building. */
const SETTLE_MS = 50;

/**
 * `npm start -- --port 9000` as `wrangler dev --port 9000` takes it, else PORT,
 * else 8787: the build prerenders for this origin and the port is checked free
 * before anything starts, so the port is taken out of wrangler's arguments.
 */
function portAndWranglerArgs(argv: readonly string[]): { port: string; rest: string[] } {
  const rest: string[] = [];
  let port = process.env.PORT || "8787";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--port" && i + 1 < argv.length) port = argv[++i]!;
    else if (arg.startsWith("--port=")) port = arg.slice("--port=".length);
    else rest.push(arg);
  }
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    console.error(`wirefeed: port "${port}" is not a port number, expected 1 to 65535 (npm start -- --port 9000, or PORT=9000 npm start)`);
    process.exit(1);
  }
  return { port, rest };
}

const { port, rest: wranglerArgs } = portAndWranglerArgs(process.argv.slice(2));
const origin = `http://localhost:${port}`;
const seedDirs = (process.env.WIREFEED_SEEDS || "seeds").split(":").filter((dir) => dir !== "");

/** The build as the dev server runs it: into its own folder, prerendered for its origin; a failed build serves its problems instead of failing. */
function runBuild(): Promise<number | null> {
  const build = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts/build.ts"), "--out", DEV_MODULE, "--var", `SITE_URL:${origin}`, "--no-stored-documents"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, WIREFEED_DEV: "1" },
  });
  return new Promise((done) => build.on("exit", (code) => done(code)));
}

/** One build at a time; changes during a build ask for one more after it. */
function builder(): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    const code = await runBuild();
    if (code !== 0) console.error(`wirefeed: the build stopped (exit ${code}); still serving the last build.`);
    running = false;
    if (again) {
      again = false;
      void run();
    }
  };
  return () => (running ? (again = true) : void run());
}

/** Call `then` once `name` in `dir` settles after a change, for the files `wanted` names. */
function watchFolder(dir: string, wanted: (name: string) => boolean, then: () => void): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  return watch(resolve(ROOT, dir), (_event, name) => {
    if (name === null || !wanted(name)) return;
    clearTimeout(timer);
    timer = setTimeout(then, SETTLE_MS);
  });
}

function watchSeeds(build: () => void): FSWatcher[] {
  return seedDirs.map((dir) => {
    try {
      // Only seeds count: the build's own writes into the folder (a publication
      // record, say) must not start another build.
      return watchFolder(dir, (name) => name.endsWith(".txt"), build);
    } catch (error) {
      console.error(`wirefeed: cannot watch the seeds folder ${dir} (${(error as NodeJS.ErrnoException).code}), expected a folder of .txt articles`);
      process.exit(1);
    }
  });
}

/**
 * Write the dev config from wrangler.toml; true if it changed. wrangler dev
 * watches its config and reloads with it. A wrangler.toml it cannot use is
 * said, and the last config kept.
 */
function writeDevConfig(): boolean {
  let config: string;
  try {
    const dev = { main: relative(ROOT, join(ROOT, DEV_ENTRY)), assets: `${DEV_BUILD}/articles.archive`, siteUrl: origin };
    config = devConfig(readFileSync(join(ROOT, "wrangler.toml"), "utf8"), "wrangler.toml", dev);
  } catch (error) {
    console.error(`wirefeed: ${(error as Error).message}; still serving with the last wrangler.toml.`);
    return false;
  }
  let previous: string | undefined;
  try {
    previous = readFileSync(join(ROOT, DEV_CONFIG), "utf8");
  } catch {
    // the first start
  }
  if (config === previous) return false;
  // Whole or not at all: wrangler reads it as soon as it changes.
  writeFileSync(join(ROOT, `${DEV_CONFIG}.tmp`), config);
  renameSync(join(ROOT, `${DEV_CONFIG}.tmp`), join(ROOT, DEV_CONFIG));
  return true;
}

/** The Worker entry over the dev build: src/worker.ts's, as src/index.ts is over src/generated/. */
function writeDevEntry(): void {
  mkdirSync(join(ROOT, DEV_BUILD), { recursive: true });
  const src = relative(join(ROOT, DEV_BUILD), join(ROOT, "src")).split("\\").join("/");
  const entry = [
    "// Generated by scripts/dev.ts: the Worker over `npm start`'s own build (src/index.ts is the one deployed).",
    'import * as build from "./articles";',
    `import { workerOver } from "${src}/worker";`,
    "",
    "export default workerOver(build);",
    "",
  ].join("\n");
  writeFileSync(join(ROOT, DEV_ENTRY), entry);
}

function requireFreePort(port: string): Promise<void> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      console.error(`wirefeed: port ${port} is ${error.code === "EADDRINUSE" ? "in use (another npm start?)" : `not available (${error.code})`}; start on another with PORT=${Number(port) + 1} npm start`);
      process.exit(1);
    });
    probe.listen(Number(port), "127.0.0.1", () => probe.close(() => done()));
  });
}

function startWrangler(): ChildProcess {
  const args = ["dev", "--config", DEV_CONFIG, "--port", port, ...wranglerArgs];
  return spawn(process.execPath, [join(ROOT, "node_modules/wrangler/bin/wrangler.js"), ...args], {
    cwd: ROOT,
    stdio: "inherit",
    // No request for the `cf` object, no metrics, and no banner, whose update check asks the npm registry: `npm start` needs no network.
    env: { CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", WRANGLER_HIDE_BANNER: "true", ...process.env },
  });
}

// wrangler reports a taken port as a crash of the runtime, with a stack trace: say it plainly, before building.
await requireFreePort(port);
const watchers = watchSeeds(builder());
// A change to wrangler.toml: a new config, which wrangler dev reloads with. No build: one beside
// wrangler's reload raced it (its bundle's temporary files gone), and the dev build's prerendered
// documents only make a first request faster; for other [vars] the Worker renders its own.
watchers.push(
  watchFolder(".", (name) => name === "wrangler.toml", () => {
    if (writeDevConfig()) console.log("wirefeed: wrangler.toml changed; wrangler dev reloads with it.");
  }),
);
writeDevEntry();
// The first build, before wrangler bundles the Worker that imports its output.
const first = await runBuild();
if (first !== 0) process.exit(first ?? 1);
writeDevConfig();
const wrangler = startWrangler();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => wrangler.kill(signal));
wrangler.on("exit", (code, signal) => {
  for (const watcher of watchers) watcher.close();
  process.exit(code ?? (signal ? 1 : 0));
});
