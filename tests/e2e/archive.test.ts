/**
 * A large site's older articles, read through the ARCHIVE assets binding as
 * `npm start` (wrangler dev) serves it: many readers asking for the same old
 * documents at once, each the first request for it in the isolate, so that
 * requests render, fetch and wait side by side. (workerd cancels a request
 * that waits on another request's I/O as hung; that race showed as 16 500s in
 * 3,000 archive pages at 100,000 articles and is rarer than this test can
 * provoke: the bench's crawl is its check.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchProject, startDevServer, type DevServer } from "../support/dev-server";

let server: DevServer;
beforeAll(async () => {
  // Blocks of one article and none deflated in the bundle: all but the newest three articles are archived.
  server = await startDevServer(scratchProject("tests/e2e/seeds"), { WIREFEED_BLOCK_ARTICLES: "1", WIREFEED_BUNDLED_BYTES: "0" });
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

describe("archived articles under concurrent first requests", () => {
  it("answers every one, all 200, the same bytes to each reader", async () => {
    const sitemap = await (await fetch(`${server.origin}/sitemap.xml`)).text();
    const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    const articles = pages.filter((url) => url.includes("/articles/"));
    expect(articles.length).toBeGreaterThanOrEqual(5);
    // Documents that read archived articles, none asked for yet: each article page and each feed of one item per page.
    const urls = [...articles, ...["feed.xml", "atom.xml", "feed.json"].map((file) => `${server.origin}/sections/economia/${file}`)];
    const answers = await Promise.all(urls.flatMap((url) => Array.from({ length: 6 }, async () => {
      const response = await fetch(url);
      return { url, status: response.status, body: await response.text() };
    })));
    for (const { url, status } of answers) expect(status, url).toBe(200);
    for (const url of urls) expect(new Set(answers.filter((answer) => answer.url === url).map((answer) => answer.body)).size, url).toBe(1);
    expect(server.output()).not.toMatch(/hung|unexpected error/);
  });
});
