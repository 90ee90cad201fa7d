/**
 * The RSS, Atom and JSON Feed formats of each feed document, current and
 * archived, describe the same items: compared item by item (ids, titles,
 * links, dates, order), and with the articles the document should hold.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { NS, child, children, parseXml, text } from "../support/documents";
import { newestUpdate, toSecond } from "./support/articles";
import { servedSite } from "./support/site";

interface Row {
  id: string;
  title: string;
  link: string;
  published: string;
}

const site = await servedSite();

for (const document of site.documents) {
  describe(`RSS, Atom and JSON Feed agree: ${document.label}`, () => {
    let rss: Row[];
    let atom: Row[];
    let json: Row[];
    let updated: { rss: string; atom: string };

    beforeAll(() => {
      const channel = child(parseXml(document.rss.body).documentElement!, "channel", null);
      rss = children(channel, "item", null).map((item) => ({
        id: text(item, "guid", null),
        title: text(item, "title", null),
        link: text(item, "link", null),
        published: toSecond(text(item, "pubDate", null))!,
      }));
      const feed = parseXml(document.atom.body).documentElement!;
      atom = children(feed, "entry", NS.atom).map((entry) => ({
        id: text(entry, "id", NS.atom),
        title: text(entry, "title", NS.atom),
        link: children(entry, "link", NS.atom).find((link) => (link.getAttribute("rel") ?? "alternate") === "alternate")!.getAttribute("href")!,
        published: text(entry, "published", NS.atom),
      }));
      json = (JSON.parse(document.json.body) as { items: Array<{ id: string; title: string; url: string; date_published: string }> }).items.map((item) => ({
        id: item.id,
        title: item.title,
        link: item.url,
        published: item.date_published,
      }));
      updated = { rss: toSecond(text(channel, "lastBuildDate", null))!, atom: text(feed, "updated", NS.atom) };
    });

    it("on every item, in the same order", () => {
      expect(atom).toEqual(rss);
      expect(json).toEqual(rss);
    });

    it("and carry the articles the document should hold, newest first", () => {
      expect(json.map((row) => row.id)).toEqual(document.expected.map((item) => item.id));
      const times = json.map((row) => Date.parse(row.published));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it("on the feed's updated time: the newest item update", () => {
      const newest = newestUpdate(document.expected);
      expect(updated).toEqual({ rss: newest, atom: newest });
    });
  });
}
