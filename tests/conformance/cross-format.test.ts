/**
 * The RSS, Atom and JSON Feed formats of each feed document, current and
 * archived, describe the same items: compared item by item (ids, titles as
 * each format declares them, links, dates, order, categories), with the
 * articles the document should hold, and with each item's article page: the
 * same categories, by name and collection page, in the same order, everywhere.
 */
import type { Element } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import { NS, atomText, child, children, htmlText, parseHtml, parseXml, text } from "../support/documents";
import { documentLanguage, fold, newestUpdate, pageLanguage, toSecond } from "./support/articles";
import { servedSite, type Served } from "./support/site";

interface Row {
  id: string;
  title: string;
  link: string;
  published: string;
}

/** A category as a reader can follow it: the name shown and the collection page it names. */
type Category = [name: string, page: string | undefined];

const site = await servedSite();

/** An article page's categories: the section (kicker link), then the tags (tag list links), as absolute URLs. */
function pageCategories(page: Served): Category[] {
  const article = parseHtml(page.body).getElementsByTagName("article")[0]!;
  return Array.from(article.getElementsByTagName("a")).map((a): Category => [a.textContent!.replace(/^#/, ""), new URL(a.getAttribute("href")!, page.url).href]);
}

for (const document of site.documents) {
  describe(`RSS, Atom and JSON Feed agree: ${document.label}`, () => {
    let rss: Row[];
    let atom: Row[];
    let json: Row[];
    let categories: { rss: Category[][]; atom: Category[][]; atomLabels: string[][]; json: string[][] };
    let updated: { rss: string; atom: string };
    let languages: { rss?: string; atom: string; json?: string };

    beforeAll(() => {
      const channel = child(parseXml(document.rss.body).documentElement!, "channel", null);
      const rssItems = children(channel, "item", null);
      rss = rssItems.map((item) => ({
        id: text(item, "guid", null),
        // An RSS title that reads as markup is escaped HTML: what readers that render it show.
        title: htmlText(text(item, "title", null)),
        link: text(item, "link", null),
        published: toSecond(text(item, "pubDate", null))!,
      }));
      const feed = parseXml(document.atom.body).documentElement!;
      const entries = children(feed, "entry", NS.atom);
      atom = entries.map((entry) => ({
        id: text(entry, "id", NS.atom),
        title: atomText(child(entry, "title", NS.atom)),
        link: children(entry, "link", NS.atom).find((link) => (link.getAttribute("rel") ?? "alternate") === "alternate")!.getAttribute("href")!,
        published: text(entry, "published", NS.atom),
      }));
      const jsonFeed = JSON.parse(document.json.body) as { language?: string; items: Array<{ id: string; title: string; url: string; date_published: string; tags?: string[] }> };
      json = jsonFeed.items.map((item) => ({
        id: item.id,
        title: item.title,
        link: item.url,
        published: item.date_published,
      }));
      const atomCategories = (entry: Element) => children(entry, "category", NS.atom);
      categories = {
        rss: rssItems.map((item) => children(item, "category", null).map((c): Category => [htmlText(c.textContent ?? ""), c.getAttribute("domain") ?? undefined])),
        atom: entries.map((entry) => atomCategories(entry).map((c): Category => [c.getAttribute("term")!, c.getAttribute("scheme") ?? undefined])),
        atomLabels: entries.map((entry) => atomCategories(entry).map((c) => c.getAttribute("label")!)),
        json: jsonFeed.items.map((item) => item.tags ?? []),
      };
      updated = { rss: toSecond(text(channel, "lastBuildDate", null))!, atom: text(feed, "updated", NS.atom) };
      languages = { rss: children(channel, "language", null)[0]?.textContent ?? undefined, atom: feed.getAttribute("xml:lang")!, json: jsonFeed.language };
    });

    it("on every item, in the same order", () => {
      expect(atom).toEqual(rss);
      expect(json).toEqual(rss);
    });

    it("and carry the articles the document should hold, newest first", () => {
      expect(json.map((row) => row.id)).toEqual(document.expected.map((item) => item.id));
      expect(json.map((row) => row.title)).toEqual(document.expected.map((item) => item.title));
      const times = json.map((row) => Date.parse(row.published));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it("on the feed's updated time: the newest item update", () => {
      const newest = newestUpdate(document.expected);
      expect(updated).toEqual({ rss: newest, atom: newest });
    });

    it("on the language: the one its articles share; in several, none in RSS and JSON Feed, the site's (its title's) in Atom", () => {
      const language = documentLanguage(document.expected);
      expect(languages).toEqual({ rss: language, atom: pageLanguage(document.expected), json: language });
    });

    it("on each item's categories, the article's by name, and its page shows the same, linking the same collection pages", () => {
      const names = document.expected.map((item) => item.categories);
      expect(categories.json).toEqual(names);
      expect(categories.atomLabels).toEqual(names);
      expect(categories.atom).toEqual(categories.rss);
      expect(categories.rss.map((list) => list.map(([name]) => name))).toEqual(names);
      const pages = document.expected.map((item) => pageCategories(site.pages.get(item.url)!));
      expect(pages).toEqual(categories.rss);
      // Each category links the collection the OPML lists under that name (names that differ only in case, accents or spacing are one).
      const listed = new Map(site.subscriptions.map(({ listed: { htmlUrl, text } }) => [htmlUrl, fold(text.replace(/ · [^·]+$/, "").replace(/^#/, ""))]));
      for (const [name, page] of categories.rss.flat()) expect(listed.get(page!), page).toBe(fold(name));
    });
  });
}
