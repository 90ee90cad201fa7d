/**
 * The project's commands as a user runs them (`npm start`, `npm run deploy`), in
 * a scratch copy of the project (its code and config, node_modules linked,
 * `seeds/` a copy of a test corpus). A copy, so what they write (the compiled
 * articles, a bundle) lands there and never in the working tree, where another
 * `npm start` or test run may be reading it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { freePort } from "./free-port";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
/** What `npm start` needs from the project, besides node_modules and seeds/. */
const PROJECT_FILES = ["package.json", "wrangler.toml", "tsconfig.json", "src", "scripts"];
/** Long enough for wrangler to build the seeds and start workerd on a slow CI machine. */
const START_DEADLINE_MS = 120_000;

export interface DevServer {
  /** `http://localhost:PORT`, also the site's SITE_URL. */
  origin: string;
  /** The scratch project; its `seeds/` is the corpus being served. */
  dir: string;
  /** Everything `npm start` printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Stop npm start and every process it started, and remove the scratch project. */
  stop(): Promise<void>;
}

/** Copy the project with `seeds/` holding the `.txt` files of `corpus` (relative to the repository root). */
export function scratchProject(corpus: string): string {
  const dir = mkdtempSync(join(tmpdir(), "wirefeed-project-"));
  for (const file of PROJECT_FILES) {
    cpSync(join(ROOT, file), join(dir, file), { recursive: true, filter: (source) => !source.includes(`${join("src", "generated")}`) });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  mkdirSync(join(dir, "seeds"));
  cpSync(join(ROOT, corpus), join(dir, "seeds"), { recursive: true, filter: (source) => !source.endsWith("~") });
  return dir;
}

/**
 * Start `npm start` in `dir` on a free port, with `env` added to its
 * environment; resolves once `/` answers with this server's own canonical link.
 */
export async function startDevServer(dir: string, env: Record<string, string> = {}): Promise<DevServer> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const chunks: string[] = [];
  // wrangler's inspector too: from WIREFEED_TEST_PORTS when set, never a fixed port another run may hold.
  // The port as wrangler dev takes it (`npm start -- --port N`); PORT set to one that fails, so the argument must win.
  const child = spawn("npm", ["start", "--", "--port", String(port), "--inspector-port", String(await freePort())], {
    cwd: dir,
    // Its own process group, so stopping it also stops wrangler and workerd under npm.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: "1", WIREFEED_SEEDS: "", WIREFEED_TODAY: "2026-11-29", ...env },
  });
  child.stdout!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  const server: DevServer = {
    origin,
    dir,
    output: () => chunks.join(""),
    stop: async () => {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitUntilServing(origin, child, server.output);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}


/** Poll `/` until it answers 200 and its canonical link names `origin`, proving it is this run's server. */
async function waitUntilServing(origin: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_DEADLINE_MS;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`npm start exited (${child.exitCode ?? child.signalCode}) before serving ${origin}:\n${output()}`);
    }
    try {
      const response = await fetch(`${origin}/`);
      const body = await response.text();
      if (response.status === 200 && body.includes(`<link rel="canonical" href="${origin}/">`)) return;
      last = `${response.status}, canonical not ${origin}/`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`npm start did not serve ${origin} within ${START_DEADLINE_MS / 1000} s (last: ${last}):\n${output()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  process.kill(-child.pid!, "SIGTERM");
  const killer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(killer);
}
