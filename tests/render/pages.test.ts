/**
 * What readers find on the HTML pages: which feeds a page offers first, and an
 * article's categories, the same as its feed items carry.
 */
import { describe, expect, it } from "vitest";
import { collect } from "../../src/content/collections";
import { feedDocument } from "../../src/render/feed-document";
import { renderArticlePage } from "../../src/render/html/article-page";
import { renderCollectionPage } from "../../src/render/html/collection-page";
import { NS, child, children, htmlText, parseHtml, parseXml, site } from "../support/documents";
import { articles } from "../support/seeds";
import { renderAtom, renderJsonFeed, renderRss } from "../support/feeds-as-text";

const SITE = site();
const compiled = articles({
  "a.txt": ["---", "tags: Ukraine, politics, Q&A <live>", "---", "Politics", "Talks open", "Geneva, Jan 10 (EFE).- Talks opened.", "EFE"].join("\n\n"),
  "b.txt": ["World", "Talks end", "Geneva, Jan 12 (EFE).- Talks ended.", "EFE"].join("\n\n"),
});
const collections = collect(compiled, SITE.title);
const alternates = (html: string) =>
  Array.from(parseHtml(html).getElementsByTagName("link"))
    .filter((link) => link.getAttribute("rel") === "alternate")
    .map((link) => link.getAttribute("href"));

describe("autodiscovery", () => {
  it("a section or tag page offers its own feeds first, then the site's (SimplePie subscribes to the first)", () => {
    for (const collection of [collections.sections.get("politics")!, collections.tags.get("ukraine")!]) {
      const base = `https://news.example.com/${collection.kind === "section" ? "sections" : "tags"}/${collection.slug}`;
      expect(alternates(renderCollectionPage(SITE, collections, collection))).toEqual([
        `${base}/feed.xml`, `${base}/atom.xml`, `${base}/feed.json`,
        "https://news.example.com/feed.xml", "https://news.example.com/atom.xml", "https://news.example.com/feed.json",
      ]);
    }
  });
});

describe("an article's categories", () => {
  const talks = compiled.find((a) => a.id === "a")!;
  const feed = feedDocument(SITE, collections.site);
  const item = (xml: string, name: string, ns: string | null) => children(xml.includes("<rss") ? child(parseXml(xml).documentElement!, "channel") : parseXml(xml).documentElement!, name, ns)[1]!;

  it("are the same, in the same order, in RSS, Atom, JSON Feed and on its page: section first, each once, by name, with its page", () => {
    const want = [
      ["Politics", "https://news.example.com/sections/politics"],
      ["Ukraine", "https://news.example.com/tags/ukraine"],
      ["Q&A <live>", "https://news.example.com/tags/q-a-live"],
    ];
    const rss = children(item(renderRss(feed, { ttlMinutes: 5 }), "item", null), "category", null).map((c) => [htmlText(c.textContent ?? ""), c.getAttribute("domain")]);
    const atom = children(item(renderAtom(feed), "entry", NS.atom), "category", NS.atom).map((c) => [c.getAttribute("term"), c.getAttribute("scheme")]);
    const json = JSON.parse(renderJsonFeed(feed)).items[1].tags;
    const page = parseHtml(renderArticlePage(SITE, collections, talks));
    const links = Array.from(page.getElementsByTagName("article")[0]!.getElementsByTagName("a")).map((a) => [
      a.textContent!.replace(/^#/, ""),
      new URL(a.getAttribute("href")!, "https://news.example.com/").href,
    ]);
    expect(rss).toEqual(want);
    expect(atom).toEqual(want);
    expect(json).toEqual(want.map(([name]) => name));
    expect(links).toEqual(want);
  });
});
