import { describe, expect, it } from "vitest";
import type { Element } from "@xmldom/xmldom";
import type { Article } from "../../src/content/article";
import { SITEMAP_URLS } from "../../src/render/sitemap";
import { parseXml } from "../support/documents";
import { SITE, workerFor } from "../support/worker";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const locs = (xml: string, element: string) =>
  Array.from(parseXml(xml).getElementsByTagNameNS(SITEMAP_NS, element) as unknown as Element[]).map((node) => node.getElementsByTagNameNS(SITEMAP_NS, "loc")[0]!.textContent!);

const lastmods = (xml: string) => Array.from(parseXml(xml).getElementsByTagNameNS(SITEMAP_NS, "lastmod") as unknown as Element[]).map((node) => node.textContent!);

/** A site with more pages than one sitemap may list: built directly, as compiling thousands of seeds would be slow here. */
const count = SITEMAP_URLS + 200;
const articles: Article[] = Array.from({ length: count }, (_, i) => {
  const seconds = Date.UTC(2020, 0, 1) / 1000 + (count - i) * 3600;
  const instant = new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  return { id: `a${i}`, slug: `story-${i}`, title: `Story ${i}`, summary: "S.", paragraphs: ["P."], category: `Section ${i % 3}`, tags: [], published: instant, updated: instant };
});
const fetchSite = workerFor(articles, { FEED_ITEMS: "1000" }, { archivePageSize: 1000 });

describe("the sitemap of a large site", () => {
  it("is an index of parts, each within the limit, that list every page exactly once", async () => {
    const index = await (await fetchSite("/sitemap.xml")).text();
    const parts = locs(index, "sitemap");
    expect(parts).toEqual([`${SITE}/sitemaps/1.xml`, `${SITE}/sitemaps/2.xml`]);
    const indexDates = lastmods(index);
    const listed: string[] = [];
    for (const [i, part] of parts.entries()) {
      const response = await fetchSite(new URL(part).pathname);
      expect(response.status).toBe(200);
      const xml = await response.text();
      const urls = locs(xml, "url");
      expect(urls.length).toBeLessThanOrEqual(SITEMAP_URLS);
      // The index dates each part by the newest page it lists.
      expect(indexDates[i]).toBe(lastmods(xml).sort().at(-1));
      listed.push(...urls);
    }
    // Every page in one sitemap's order: the listings, /feeds and the indexes, then every article, newest first.
    expect(listed.slice(-count)).toEqual(articles.map((article) => `${SITE}/articles/${article.slug}`));
    // The home page and its 5 older pages (1,000 a page), /feeds, /sections, /tags, 3 sections of 1,733 with one older page each.
    expect(listed.length).toBe(6 + 3 + 3 * 2 + count);
    const unique = new Set(listed);
    expect(unique.size).toBe(listed.length);
    expect(articles.filter((article) => !unique.has(`${SITE}/articles/${article.slug}`))).toEqual([]);
    expect(listed).toContain(`${SITE}/sections`);
    expect((await fetchSite("/sitemaps/3.xml")).status).toBe(404);
  });
});
