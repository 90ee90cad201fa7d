import { describe, expect, it } from "vitest";
import type { Element } from "@xmldom/xmldom";
import { articles as compile, seedText } from "../support/seeds";
import { workerFor } from "../support/worker";
import { parseHtml } from "../support/documents";

const story = (i: number, section: string, tags: string[] = []) =>
  seedText({
    section,
    headline: `Story number ${i}`,
    body: [`Paris, Mar ${i} (EFE).- Story ${i} broke.`, "Second paragraph. EFE", "ab/cd"],
    ...(tags.length === 0 ? {} : { frontMatter: [`tags: ${tags.join(", ")}`] }),
  });
/** Eleven stories, a page of three: pages 1–3 are full, the two newest only on the current page. */
const seeds = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`n${String(i + 1).padStart(2, "0")}.txt`, story(i + 1, i % 2 === 0 ? "World" : "Sport", i < 8 ? ["Europe"] : [])]));
const articles = compile(seeds);
const fetchSite = workerFor(articles, { FEED_ITEMS: "3" }, { archivePageSize: 3 });

async function page(path: string) {
  const response = await fetchSite(path, { headers: { Accept: "text/html" } });
  expect(response.status, path).toBe(200);
  const doc = parseHtml(await response.text());
  const links = (rel: string) =>
    Array.from(doc.getElementsByTagName("a") as unknown as Element[])
      .filter((a) => a.getAttribute("rel") === rel)
      .map((a) => a.getAttribute("href")!);
  const head = (rel: string) =>
    Array.from(doc.getElementsByTagName("link") as unknown as Element[])
      .filter((link) => link.getAttribute("rel") === rel)
      .map((link) => link.getAttribute("href")!);
  const headlines = Array.from(doc.getElementsByTagName("h3") as unknown as Element[])
    .concat(Array.from(doc.getElementsByTagName("h2") as unknown as Element[]))
    .map((h) => h.textContent ?? "")
    .filter((text) => text.startsWith("Story number"));
  return { doc, links, head, headlines };
}

/** Follow "Older" from `start` to the end; the headlines seen, page by page. */
async function walkOlder(start: string): Promise<{ paths: string[]; headlines: Set<string> }> {
  const paths: string[] = [];
  const headlines = new Set<string>();
  for (let path: string | undefined = start; path !== undefined; ) {
    paths.push(path);
    const visited = await page(path);
    visited.headlines.forEach((headline) => headlines.add(headline));
    const [older] = visited.links("next");
    expect(visited.head("next")[0], path).toBe(older);
    path = older;
  }
  return { paths, headlines };
}

describe("listings paginate, so every article is reachable from /", () => {
  it("the home page leads, by Older, through pages counted from the oldest, to every article", async () => {
    const { paths, headlines } = await walkOlder("/");
    expect(paths).toEqual(["/", "/page/3", "/page/2", "/page/1"]);
    expect(headlines.size).toBe(articles.length);
  });

  it("Newer leads back, page by page, to the current page", async () => {
    expect((await page("/page/1")).links("prev")).toEqual(["/page/2"]);
    expect((await page("/page/3")).links("prev")).toEqual(["/"]);
    expect((await page("/")).links("prev")).toEqual([]);
    expect((await page("/page/1")).links("next")).toEqual([]);
  });

  it("section and tag pages paginate the same way", async () => {
    const world = await walkOlder("/sections/world");
    expect(world.paths).toEqual(["/sections/world", "/sections/world/page/2", "/sections/world/page/1"]);
    expect(world.headlines.size).toBe(articles.filter((article) => article.category === "World").length);
    const europe = await walkOlder("/tags/europe");
    expect(europe.headlines.size).toBe(8);
  });

  it("an older page keeps its articles when newer ones arrive", async () => {
    const more = compile({ ...seeds, "n12.txt": story(12, "World"), "n13.txt": story(13, "World") });
    const fetchMore = workerFor(more, { FEED_ITEMS: "3" }, { archivePageSize: 3 });
    const before = await (await fetchSite("/page/2")).text();
    const after = await (await fetchMore("/page/2")).text();
    const headlinesOf = (html: string) => [...html.matchAll(/Story number \d+/g)].map((m) => m[0]);
    expect(headlinesOf(after)).toEqual(headlinesOf(before));
  });

  it("pages past the last, and page 0, are 404s", async () => {
    for (const path of ["/page/4", "/page/0", "/sections/world/page/3", "/tags/europe/page/9"]) expect((await fetchSite(path)).status, path).toBe(404);
  });
});

describe("/sections and /tags", () => {
  it("list every section and tag, linking to its page", async () => {
    const sections = await page("/sections");
    const hrefs = Array.from(sections.doc.getElementsByTagName("a") as unknown as Element[]).map((a) => a.getAttribute("href"));
    expect(hrefs).toEqual(expect.arrayContaining(["/sections/world", "/sections/sport"]));
    const tags = await page("/tags");
    expect(Array.from(tags.doc.getElementsByTagName("a") as unknown as Element[]).map((a) => a.getAttribute("href"))).toContain("/tags/europe");
  });
});

describe("what browsers and careless links get", () => {
  it("a 404 is one HTML page in the site's layout, with a link home, the same bytes for browsers and readers", async () => {
    const browser = await fetchSite("/no-such-page", { headers: { Accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(browser.status).toBe(404);
    expect(browser.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    // Cloudflare's cache ignores Vary: a public 404 must not depend on Accept.
    expect(browser.headers.get("Vary")).toBeNull();
    expect(browser.headers.get("Cache-Control")).toMatch(/^public/);
    expect(browser.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    const doc = parseHtml(await browser.text());
    expect(Array.from(doc.getElementsByTagName("a") as unknown as Element[]).map((a) => a.getAttribute("href"))).toContain("/");
    expect(doc.getElementsByTagName("h1")[0]!.textContent).toBe("Page not found");

    const reader = await fetchSite("/no-such-page", { headers: { Accept: "application/rss+xml, */*" } });
    expect(reader.status).toBe(404);
    expect(reader.headers.get("Vary")).toBeNull();
    expect(reader.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(await reader.text()).toBe(await (await fetchSite("/another-page", { headers: { Accept: "text/html" } })).text());
    const head = await fetchSite("/no-such-page", { method: "HEAD" });
    expect(head.status).toBe(404);
    expect(await head.text()).toBe("");
  });

  it("a trailing slash redirects (301) to the canonical URL, keeping the query; on nothing it is a 404", async () => {
    for (const [path, location] of [
      ["/feeds/", "/feeds"],
      ["/sections/world/", "/sections/world"],
      ["/feed.xml/", "/feed.xml"],
      ["/page/2/?utm_source=x", "/page/2?utm_source=x"],
    ]) {
      const response = await fetchSite(path!, { redirect: "manual" });
      expect(response.status, path).toBe(301);
      expect(response.headers.get("Location"), path).toBe(location);
    }
    expect((await fetchSite("/sections/nowhere/", { redirect: "manual" })).status).toBe(404);
  });

  it("/favicon.ico is a small icon, not a 404", async () => {
    const response = await fetchSite("/favicon.ico");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/x-icon");
    const icon = new DataView(await response.arrayBuffer());
    // ICONDIR: reserved 0, type 1 (icon), one image of 16×16 at 32 bits per pixel.
    expect([icon.getUint16(0, true), icon.getUint16(2, true), icon.getUint16(4, true), icon.getUint8(6), icon.getUint8(7), icon.getUint16(12, true)]).toEqual([0, 1, 1, 16, 16, 32]);
    expect(icon.byteLength).toBe(22 + icon.getUint32(14, true));
  });
});
