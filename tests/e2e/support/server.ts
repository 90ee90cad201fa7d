/**
 * Vitest global setup: start wirefeed the way a user does (`npm start`, that is
 * `wrangler dev`) on a free port, over the bundled seeds plus the e2e corpus,
 * and stop it, with every process it started, when the run ends.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { requireChromium } from "./browser";

declare module "vitest" {
  export interface ProvidedContext {
    /** Origin of the running wirefeed, e.g. `http://localhost:41234`; also its SITE_URL. */
    origin: string;
  }
}

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
/** Long enough for wrangler to build the seeds and start workerd on a slow CI machine. */
const START_DEADLINE_MS = 120_000;

export default async function startWirefeed(project: TestProject): Promise<() => Promise<void>> {
  // Fail before anything starts: a missing browser must never turn into skipped tests.
  requireChromium();
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const output: string[] = [];
  const child = spawn("npm", ["start"], {
    cwd: ROOT,
    // Its own process group, so stopping it also stops wrangler and workerd under npm.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      WIREFEED_SEEDS: "seeds:tests/e2e/seeds",
      WIREFEED_TODAY: "2026-11-29",
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
      WRANGLER_SEND_METRICS: "false",
    },
  });
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  try {
    await waitUntilServing(origin, child, output);
  } catch (error) {
    await stop(child);
    throw error;
  }
  project.provide("origin", origin);
  return () => stop(child);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Poll `/` until it answers 200 and its canonical link names `origin`, proving it is this run's server. */
async function waitUntilServing(origin: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + START_DEADLINE_MS;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`npm start exited (${child.exitCode ?? child.signalCode}) before serving ${origin}:\n${output.join("")}`);
    }
    try {
      const response = await fetch(`${origin}/`);
      const body = await response.text();
      if (response.status === 200 && body.includes(`<link rel="canonical" href="${origin}/">`)) return;
      last = `${response.status}, canonical not ${origin}/`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`npm start did not serve ${origin} within ${START_DEADLINE_MS / 1000} s (last: ${last}):\n${output.join("")}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGTERM");
  const killer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(killer);
}
