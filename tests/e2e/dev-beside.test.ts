/**
 * `npm start` beside the project's other commands, as a publisher runs them in
 * a second terminal: `npm run build` rewrites src/generated/, and with a
 * broken seed removes it; wrangler.toml is edited. The dev server serves its
 * own build (scripts/dev.ts), so it keeps answering, within a second, with the
 * last good build, and an edit to wrangler.toml reaches it.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchProject, startDevServer, type DevServer } from "../support/dev-server";

/** The bound: no request waits longer than this, whatever runs beside the dev server. */
const ANSWER_WITHIN_MS = 1000;
/** Generous: from saving wrangler.toml to wrangler dev serving with it (a restart of its runtime). */
const RELOADED_WITHIN_MS = 30_000;
/** After the failed build: time enough for a dev server that read src/generated/ to notice it gone. */
const WATCH_AFTER_MS = 3000;

const BROKEN = "Politics\n\nTalks resume in Geneva\n\nDiplomats met again, with no dateline.\n";

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer(scratchProject("tests/fixtures/seeds"));
}, 150_000);
afterAll(async () => {
  await server?.stop();
});

/** GET /feed.xml every 100 ms until stopped; each answer's status, or how it failed. */
function poll(origin: string): { stop(): Promise<string[]> } {
  const answers: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${origin}/feed.xml`, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
        await response.arrayBuffer();
        answers.push(String(response.status));
      } catch (error) {
        answers.push(`${(error as Error).name} after ${Math.round(performance.now() - started)} ms`);
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return answers;
    },
  };
}

/** `npm run build` in the scratch project, as a second terminal runs it (not blocking the poll). */
function npmBuild(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn("npm", ["run", "build"], { cwd: server.dir, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, WIREFEED_TODAY: "2026-11-29", ...env } });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => child.on("exit", (code) => done({ code, output })));
}

const title = (rss: string) => /<channel>\s*<title>([^<]*)<\/title>/.exec(rss)?.[1];

describe("npm start beside npm run build and an edited wrangler.toml", () => {
  it("answers every request within a second with its last good build while npm run build writes, then removes, src/generated/", async () => {
    const generated = join(server.dir, "src/generated/articles.ts");
    const polling = poll(server.origin);
    const built = await npmBuild({ WIREFEED_SEEDS: "" });
    expect(built.code, built.output).toBe(0);
    expect(existsSync(generated)).toBe(true);
    // The publisher's broken seed, in a folder only this build reads: the dev server's seeds stay good.
    mkdirSync(join(server.dir, "incoming"));
    writeFileSync(join(server.dir, "incoming", "geneva-talks.txt"), BROKEN);
    const failed = await npmBuild({ WIREFEED_SEEDS: "incoming" });
    expect(failed.code, failed.output).toBe(1);
    expect(failed.output).toContain("incoming/geneva-talks.txt:5: no dateline");
    expect(existsSync(generated)).toBe(false);
    await new Promise((done) => setTimeout(done, WATCH_AFTER_MS));
    const answers = await polling.stop();
    expect(answers.length).toBeGreaterThan(10);
    expect(answers.filter((answer) => answer !== "200"), answers.join(", ")).toEqual([]);
    expect(server.output()).not.toMatch(/Could not resolve|\[ERROR\]/);
  });

  it("reloads with an edited wrangler.toml and says so", async () => {
    const toml = join(server.dir, "wrangler.toml");
    writeFileSync(toml, readFileSync(toml, "utf8").replace(/^SITE_TITLE = .*$/m, 'SITE_TITLE = "Noticias del Sur"'));
    const deadline = Date.now() + RELOADED_WITHIN_MS;
    let seen: string | undefined;
    while ((seen = title(await (await fetch(`${server.origin}/feed.xml`, { signal: AbortSignal.timeout(RELOADED_WITHIN_MS) })).text())) !== "Noticias del Sur") {
      if (Date.now() > deadline) throw new Error(`the feed's title is still "${seen}" ${RELOADED_WITHIN_MS / 1000} s after wrangler.toml changed:\n${server.output()}`);
      await new Promise((done) => setTimeout(done, 250));
    }
    expect(server.output()).toContain("wirefeed: wrangler.toml changed; wrangler dev reloads with it.");
  });

  it("the start names the URL it serves, and prints no update check (npm start needs no network)", () => {
    expect(server.output()).toContain(`env.SITE_URL ("${server.origin}")`);
    expect(server.output()).not.toContain("(hidden)");
    expect(server.output()).not.toMatch(/update available|wrangler \d+\.\d+\.\d+/);
  });
});
