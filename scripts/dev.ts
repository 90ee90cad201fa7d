/**
 * `npm start`: the dev loop. Compiles the seeds, serves them with `wrangler dev`
 * on PORT (default 8787) with SITE_URL set to that origin, and recompiles once
 * for each change to a seed (a `.txt` in a seed folder). wrangler bundles
 * src/ itself and reloads the Worker when the build rewrites
 * src/generated/articles.ts, or when you edit src/.
 *
 *   PORT=9000 WIREFEED_SEEDS=dir1:dir2 npm start [-- wrangler dev options]
 *
 * The seeds are built here, not by wrangler's `[build]` step (which deploy
 * keeps): wrangler dev runs that step twice on every start, watches one fixed
 * folder, and holds every request while a build fails. Here a failed build
 * writes a Worker that answers 503 listing the problems (scripts/dev-build.ts),
 * so every request is answered at once, each problem is printed once, and the
 * site comes back when the seed is fixed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, watch, writeFileSync, type FSWatcher } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { devConfig } from "./dev-config";

const ROOT = join(import.meta.dirname, "..");
/** wrangler.toml without its `[build]` step, for `wrangler dev` only (ignored by git). */
const DEV_CONFIG = ".wrangler-dev.toml";
/** Editors save a file in several writes and renames: wait this long after the last event before building. */
const SETTLE_MS = 50;

const port = process.env.PORT || "8787";
const seedDirs = (process.env.WIREFEED_SEEDS || "seeds").split(":").filter((dir) => dir !== "");

/** `npm run build` as the dev server runs it: a failed build serves its problems instead of failing. */
function runBuild(): Promise<number | null> {
  const build = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts/build.ts")], {
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

function watchSeeds(build: () => void): FSWatcher[] {
  let timer: NodeJS.Timeout | undefined;
  return seedDirs.map((dir) => {
    try {
      // Only seeds count: the build's own writes into the folder (a publication
      // record, say) must not start another build.
      return watch(resolve(ROOT, dir), (_event, name) => {
        if (name === null || !name.endsWith(".txt")) return;
        clearTimeout(timer);
        timer = setTimeout(build, SETTLE_MS);
      });
    } catch (error) {
      console.error(`wirefeed: cannot watch the seeds folder ${dir} (${(error as NodeJS.ErrnoException).code}), expected a folder of .txt articles`);
      process.exit(1);
    }
  });
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
  writeFileSync(join(ROOT, DEV_CONFIG), devConfig(readFileSync(join(ROOT, "wrangler.toml"), "utf8"), "wrangler.toml"));
  const args = ["dev", "--config", DEV_CONFIG, "--port", port, "--var", `SITE_URL:http://localhost:${port}`, ...process.argv.slice(2)];
  return spawn(process.execPath, [join(ROOT, "node_modules/wrangler/bin/wrangler.js"), ...args], {
    cwd: ROOT,
    stdio: "inherit",
    env: { CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", ...process.env },
  });
}

// wrangler reports a taken port as a crash of the runtime, with a stack trace: say it plainly, before building.
await requireFreePort(port);
const watchers = watchSeeds(builder());
// The first build, before wrangler bundles the Worker that imports its output.
const first = await runBuild();
if (first !== 0) process.exit(first ?? 1);
const wrangler = startWrangler();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => wrangler.kill(signal));
wrangler.on("exit", (code, signal) => {
  for (const watcher of watchers) watcher.close();
  process.exit(code ?? (signal ? 1 : 0));
});
