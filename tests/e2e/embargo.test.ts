/**
 * An embargo lifting on its own (issue 17), through `npm start` (wrangler
 * dev) and the real clock: a story saved with a front matter `embargo:` a
 * few seconds ahead is in no document and its URL is a 404 cached no later than the instant; from the
 * instant on it is in the feeds and at its URL, with no build in between.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchProject, startDevServer, type DevServer } from "../support/dev-server";

/** How far ahead the embargo is, from saving the seed: the dev build takes about a second, more on a busy machine. */
const AHEAD_MS = 20_000;

let server: DevServer;
beforeAll(async () => {
  // The real clock, not the fixtures' day: the build reads it as a deploy would.
  server = await startDevServer(scratchProject("tests/fixtures/seeds"), { WIREFEED_TODAY: "" });
}, 150_000);
afterAll(async () => {
  await server?.stop();
});

const builds = () => server.output().match(/^wirefeed build: /gm)?.length ?? 0;
/** wrangler's word that the Worker it serves is the latest build's: until then the previous one answers. */
const reloads = () => server.output().match(/Local server updated and ready/g)?.length ?? 0;

describe("npm start with an embargoed story", () => {
  it("shows it nowhere before its instant, and everywhere from it, with no build in between", async () => {
    const instant = Math.ceil((Date.now() + AHEAD_MS) / 1000) * 1000;
    const embargo = new Date(instant).toISOString().replace(".000Z", "Z");
    const before = builds();
    const reloaded = reloads();
    writeFileSync(
      join(server.dir, "seeds", "summit.txt"),
      `---\nembargo: ${embargo}\n---\n\nWorld\n\nSummit deal reached\n\nGENEVA (Reuters) - Leaders agreed a deal.\n`,
    );
    // The rebuild that compiled it, once wrangler serves it: asked before, the previous build answered, knowing no embargo.
    const deadline = Date.now() + AHEAD_MS / 2;
    while (builds() === before || reloads() === reloaded) {
      if (Date.now() > deadline) throw new Error(`no build served within ${AHEAD_MS / 2000} s of saving the seed:\n${server.output()}`);
      await new Promise((done) => setTimeout(done, 100));
    }
    expect(server.output()).toMatch(/wirefeed build: 4 articles/);
    const built = builds();

    // Before the instant: nowhere, and nothing cached past it.
    const feed = await fetch(`${server.origin}/feed.xml`);
    expect(Date.now()).toBeLessThan(instant);
    expect(await feed.text()).not.toContain("Summit deal reached");
    const page = await fetch(`${server.origin}/articles/summit-deal-reached`);
    const never = await fetch(`${server.origin}/articles/no-such-story`);
    expect(page.status).toBe(404);
    expect(await page.text()).toBe(await never.text());
    const left = (instant - Date.now()) / 1000;
    for (const response of [feed, page]) {
      const cacheControl = response.headers.get("Cache-Control")!;
      const seconds = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(cacheControl)?.[1] ?? 0);
      expect(seconds("max-age") + Math.max(seconds("stale-while-revalidate"), seconds("stale-if-error")), cacheControl).toBeLessThanOrEqual(Math.ceil(left) + 1);
    }

    // From the instant: the same server, no new build, the story everywhere.
    await new Promise((done) => setTimeout(done, Math.max(0, instant - Date.now())));
    const after = await fetch(`${server.origin}/feed.xml`);
    expect(await after.text()).toContain("Summit deal reached");
    expect(after.headers.get("Last-Modified")).toBe(new Date(instant).toUTCString());
    const story = await fetch(`${server.origin}/articles/summit-deal-reached`);
    expect(story.status).toBe(200);
    expect(await story.text()).toContain(`datetime="${embargo}"`);
    expect(await (await fetch(`${server.origin}/sections/world`)).text()).toContain("Summit deal reached");
    expect(builds()).toBe(built);
  }, 90_000);
});
