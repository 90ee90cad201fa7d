/**
 * The dev loop (`npm start`, scripts/dev.ts) as a writer lives it: a seed saved
 * broken, then fixed. Every request is answered at once, the problem is shown
 * with its file:line until the seed is fixed, then the new build is served.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchProject, startDevServer, type DevServer } from "../support/dev-server";

/** The bound: no request waits longer than this, broken seed or not. */
const ANSWER_WITHIN_MS = 1000;
/** Generous: from saving a seed to the dev server serving its build (measured about 1 s). */
const REBUILT_WITHIN_MS = 30_000;

const BROKEN = "Politics\n\nTalks resume in Geneva\n\nDiplomats met again, with no dateline.\n";
const FIXED = "Politics\n\nTalks resume in Geneva\n\nGeneva, Jan 28 (EFE).- Diplomats met again on Friday.\n";

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer(scratchProject("tests/fixtures/seeds"));
}, 150_000);
afterAll(async () => {
  await server?.stop();
});

/** GET `path`, failing if the answer takes longer than the bound. */
async function get(path: string, accept = "*/*"): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(`${server.origin}${path}`, { headers: { Accept: accept }, signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

/** Ask for `path` until it answers `status`, each request within the bound. */
async function until(status: number, path: string) {
  const deadline = Date.now() + REBUILT_WITHIN_MS;
  for (;;) {
    const answer = await get(path);
    if (answer.status === status) return answer;
    if (Date.now() > deadline) throw new Error(`${path} still answered ${answer.status}, not ${status}, after ${REBUILT_WITHIN_MS / 1000} s:\n${server.output()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

const titles = (rss: string) => [...rss.matchAll(/<item>\s*<title>([^<]*)<\/title>/g)].map((match) => match[1]);

describe("npm start with a seed saved broken, then fixed", () => {
  it("answers every request within a second: 503 listing the problem as seeds/<file>:<line>, then the fixed build", async () => {
    expect(titles((await until(200, "/feed.xml")).body)).toHaveLength(3);
    const built = server.output();

    writeFileSync(join(server.dir, "seeds", "geneva-talks.txt"), BROKEN);
    const broken = await until(503, "/feed.xml");
    const problem = 'seeds/geneva-talks.txt:5: no dateline and no front matter date, expected a dateline such as "LONDON, Dec 4 (Reuters) - ", "Madrid, 4 dic (EFE).- ", "WASHINGTON (AP) — ", "(ANSA) - ROMA, 4 DIC - ", "SYDNEY, Dec 4 AAP - ", "MOSCOW, December 4. /TASS/. ", "OTTAWA — ", or front matter date: 2022-01-21T09:00:00+01:00';
    expect(broken.body).toContain(`\n${problem}\n`);
    expect(broken.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(broken.headers.get("Cache-Control")).toBe("no-store");
    const page = await get("/", "text/html,application/xhtml+xml,*/*;q=0.8");
    expect(page.status).toBe(503);
    expect(page.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(page.body).toContain("seeds/geneva-talks.txt:5: no dateline and no front matter date");

    writeFileSync(join(server.dir, "seeds", "geneva-talks.txt"), FIXED);
    const fixed = await until(200, "/feed.xml");
    expect(titles(fixed.body)).toContain("Talks resume in Geneva");
    expect(titles(fixed.body)).toHaveLength(4);

    // The terminal: the problem printed once, no stack trace, one build per change.
    const since = server.output().slice(built.length);
    expect(since.split(problem).length - 1, since).toBe(1);
    expect(since, since).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(since.match(/^wirefeed build: /gm), since).toHaveLength(1);
    expect(since.match(/^wirefeed build failed: /gm), since).toHaveLength(1);
    expect(server.output()).not.toContain("[custom build]");
  });

  it("built once at start; removing a seed or saving an empty one is a change like any other", async () => {
    expect(server.output().match(/^wirefeed build: 3 articles/gm)).toHaveLength(1);
    rmSync(join(server.dir, "seeds", "geneva-talks.txt"), { force: true });
    writeFileSync(join(server.dir, "seeds", "empty.txt"), "");
    const broken = await until(503, "/");
    expect(broken.body).toContain("seeds/empty.txt:1: an empty seed");
    rmSync(join(server.dir, "seeds", "empty.txt"));
    expect(titles((await until(200, "/feed.xml")).body)).toHaveLength(3);
  });
});
