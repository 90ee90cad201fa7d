/**
 * Starts wirefeed the way a user does: `wrangler dev` on a free local port,
 * whose `[build]` step compiles the conformance corpus (never seeds/). The
 * site URL is the served origin, so self links and article links point at
 * what the suite fetches. Stops it (and rebuilds the default seeds, so the
 * working tree's generated module is what `npm start` expects) afterwards.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { freePort } from "../support/free-port";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { FEED_ITEMS, REFERENCE_DATE, SEED_DIRS } from "./support/constants";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const ROOT = resolve(import.meta.dirname, "../..");
const READY_TIMEOUT_MS = 120_000;


async function waitUntilServing(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with code ${child.exitCode} before serving:\n${log()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not serve ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${log()}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = await freePort();
  const inspectorPort = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(
    process.execPath,
    [
      resolve(ROOT, "node_modules/wrangler/bin/wrangler.js"),
      "dev",
      "--ip", "127.0.0.1",
      "--port", String(port),
      "--inspector-port", String(inspectorPort),
      "--var", `SITE_URL:${origin}`,
      // Few items per feed, so the corpus fills RFC 5005 archive pages.
      "--var", `FEED_ITEMS:${FEED_ITEMS}`,
      "--show-interactive-dev-session=false",
    ],
    {
      cwd: ROOT,
      // Its own process group, so stopping it stops workerd too.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
        WRANGLER_SEND_METRICS: "false",
        // No banner: its update check asks the npm registry, and the suite needs no network.
        WRANGLER_HIDE_BANNER: "true",
        WIREFEED_SEEDS: SEED_DIRS.join(":"),
        WIREFEED_TODAY: REFERENCE_DATE,
        // Blocks of two articles and none deflated in the bundle: all but the newest six articles
        // are archived, so every older document is read through the ARCHIVE assets binding.
        WIREFEED_BLOCK_ARTICLES: "2",
        WIREFEED_BUNDLED_BYTES: "0",
      },
    },
  );
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = () => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
  };
  try {
    await waitUntilServing(`${origin}/feed.xml`, child, () => output);
  } catch (error) {
    stop();
    throw error;
  }
  project.provide("baseUrl", origin);

  return async () => {
    stop();
    await new Promise((r) => (child.exitCode === null ? child.once("exit", r) : r(undefined)));
    const env = { ...process.env };
    delete env.WIREFEED_SEEDS;
    delete env.WIREFEED_TODAY;
    try {
      execFileSync(process.execPath, [resolve(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/build.ts", "--quiet"], { cwd: ROOT, env, stdio: "inherit" });
    } catch {
      console.warn("conformance: could not rebuild src/generated/articles.ts from the default seeds; run `npm run build`.");
    }
  };
}
