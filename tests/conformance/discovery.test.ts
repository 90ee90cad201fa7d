/**
 * How readers and crawlers find what wirefeed serves: the OPML 2.0
 * subscription list (opml.org/spec2), each collection page's
 * `<link rel="alternate">` feeds, the sitemap (sitemaps.org 0.9) and
 * robots.txt. Read with the strict XML and HTML parsers; xmllint checks the
 * same documents in xmllint.test.ts.
 */
import type { Element } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { child, children, parseHtml, parseXml, text } from "../support/documents";
import { compiledArticles, fold, pageLanguage } from "./support/articles";
import { FEED_FORMATS, MEDIA_TYPES, get, servedSite } from "./support/site";

const site = await servedSite();
const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
/** W3C Datetime (www.w3.org/TR/NOTE-datetime), the format sitemaps.org requires for lastmod. */
const W3C_DATETIME = /^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?)?)?$/;
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

/** Every outline element, at any depth. */
function outlines(opml: Element): Element[] {
  return Array.from(opml.getElementsByTagName("outline"));
}

describe("/opml.xml", () => {
  const opml = parseXml(site.opml.body).documentElement!;
  const feeds = outlines(opml).filter((outline) => outline.hasAttribute("xmlUrl"));

  it("is served as OPML in UTF-8", () => {
    expect(site.opml.status).toBe(200);
    expect(site.opml.contentType).toMatch(/^text\/x-opml;\s*charset=utf-8$/i);
  });

  it("is OPML 2.0 with a head title and a body", () => {
    expect(opml.localName).toBe("opml");
    expect(opml.getAttribute("version")).toBe("2.0");
    const head = child(opml, "head");
    expect(text(head, "title").trim()).not.toBe("");
    for (const date of children(head, "dateModified")) expect(date.textContent).toMatch(RFC822);
    expect(children(child(opml, "body"), "outline").length).toBeGreaterThan(0);
  });

  it("says it last changed when its Last-Modified says, the site's newest change", () => {
    const [date] = children(child(opml, "head"), "dateModified");
    expect(Date.parse(date!.textContent!)).toBe(Date.parse(site.opml.headers.get("Last-Modified")!));
  });

  it("every outline has text; every feed outline is type=rss with an absolute xmlUrl and htmlUrl", () => {
    for (const outline of outlines(opml)) expect(outline.getAttribute("text") ?? "", outline.toString().slice(0, 120)).not.toBe("");
    for (const outline of feeds) {
      expect(outline.getAttribute("type"), outline.getAttribute("text")!).toBe("rss");
      expect(outline.getAttribute("xmlUrl")).toMatch(/^https?:\/\//);
      expect(outline.getAttribute("htmlUrl")).toMatch(/^https?:\/\//);
    }
  });

  it("lists every feed once: the site's, each section's and each tag's", () => {
    const urls = feeds.map((outline) => outline.getAttribute("xmlUrl"));
    expect(new Set(urls).size).toBe(urls.length);
    const articles = compiledArticles();
    const sections = new Set(articles.flatMap((article) => (article.category === undefined ? [] : [fold(article.category)])));
    const tags = new Set(articles.flatMap((article) => article.tags.map(fold)));
    expect(site.subscriptions.map((subscription) => subscription.kind).sort()).toEqual(
      ["site", ...Array(sections.size).fill("section"), ...Array(tags.size).fill("tag")].sort(),
    );
    // Each outline names a collection that has articles.
    for (const subscription of site.subscriptions) expect(subscription.items.length, subscription.listed.text).toBeGreaterThan(0);
  });

  it("every xmlUrl answers 200 as RSS, and its Atom and JSON Feed siblings as theirs", () => {
    for (const { current } of site.subscriptions) {
      for (const format of FEED_FORMATS) {
        expect(current[format].status, current[format].url).toBe(200);
        expect(current[format].contentType, current[format].url).toBe(`${MEDIA_TYPES[format]}; charset=utf-8`);
      }
    }
  });

  it("every htmlUrl is a page that offers its own feed first, in each format, with <link rel=alternate>", async () => {
    for (const { listed: { htmlUrl }, current } of site.subscriptions) {
      const page = await get(htmlUrl);
      expect(page.status, htmlUrl).toBe(200);
      const alternates = Array.from(parseHtml(page.body).getElementsByTagName("link"))
        .filter((link) => link.getAttribute("rel") === "alternate")
        .map((link) => `${link.getAttribute("type")} ${link.getAttribute("href")}`);
      // SimplePie (FreshRSS, WordPress) subscribes to the first a page offers: a section page must not subscribe to the whole site.
      expect(alternates.slice(0, FEED_FORMATS.length), htmlUrl).toEqual(FEED_FORMATS.map((format) => `${MEDIA_TYPES[format]} ${current[format].url}`));
    }
  });

  it("every htmlUrl page says the language its articles share, as its feeds do, and right-to-left where that language is", async () => {
    for (const { listed: { htmlUrl }, current } of site.subscriptions) {
      const root = parseHtml((await get(htmlUrl)).body).documentElement!;
      const language = pageLanguage(current.expected);
      expect(root.getAttribute("lang"), htmlUrl).toBe(language);
      expect(root.getAttribute("dir") || "ltr", htmlUrl).toBe(["ar", "he", "fa", "ur"].includes(language) ? "rtl" : "ltr");
    }
  });
});

describe("/sitemap.xml", () => {
  const urlset = parseXml(site.sitemap.body).documentElement!;
  const entries = children(urlset, "url", SITEMAP_NS).map((url) => ({ loc: text(url, "loc", SITEMAP_NS), lastmod: text(url, "lastmod", SITEMAP_NS) }));

  it("is a sitemaps.org 0.9 urlset served as XML", () => {
    expect(site.sitemap.status).toBe(200);
    expect(site.sitemap.contentType).toMatch(/^application\/xml;\s*charset=utf-8$/i);
    expect(urlset.localName).toBe("urlset");
    expect(urlset.namespaceURI).toBe(SITEMAP_NS);
    expect(entries.length).toBeGreaterThan(0);
  });

  it("every <loc> is listed once and answers 200 with an HTML page", async () => {
    const locs = entries.map((entry) => entry.loc);
    expect(new Set(locs).size).toBe(locs.length);
    const pages = await Promise.all(locs.map(get));
    expect(pages.filter((page) => page.status !== 200 || !/^text\/html;\s*charset=utf-8$/i.test(page.contentType)).map((page) => `${page.status} ${page.contentType} ${page.url}`)).toEqual([]);
  });

  it("every <lastmod> is a W3C datetime", () => {
    for (const { loc, lastmod } of entries) expect(lastmod, loc).toMatch(W3C_DATETIME);
  });

  it("lists every article page, dated when the article was last updated, and every feed's page", () => {
    const byLoc = new Map(entries.map((entry) => [entry.loc, entry.lastmod]));
    const articles = site.subscriptions.find((subscription) => subscription.kind === "site")!.items;
    for (const item of articles) expect(byLoc.get(item.url), item.url).toBe(item.updated);
    for (const { listed: { htmlUrl } } of site.subscriptions) expect(byLoc.has(htmlUrl), htmlUrl).toBe(true);
  });

  it("dates every page that is not an article when the page's own Last-Modified does", async () => {
    const pages = entries.filter(({ loc }) => !loc.includes("/articles/"));
    expect(pages.length).toBeGreaterThan(3);
    for (const { loc, lastmod } of pages) {
      const page = await get(loc);
      expect(Date.parse(lastmod), loc).toBe(Date.parse(page.headers.get("Last-Modified")!));
    }
  });
});

describe("/robots.txt", () => {
  it("names the sitemap at its absolute URL", () => {
    expect(site.robots.status).toBe(200);
    expect(site.robots.contentType).toMatch(/^text\/plain;\s*charset=utf-8$/i);
    const sitemaps = site.robots.body.split("\n").flatMap((line) => /^sitemap:\s*(\S+)\s*$/i.exec(line)?.[1] ?? []);
    expect(sitemaps).toEqual([site.sitemap.url]);
  });
});
