/**
 * A maintained Node feed parser (@rowanmanning/feed-parser), as a Node-based
 * reader would use it: each feed parses without error, and every item carries
 * the seed's fields. This parser decodes character references once more in
 * every field it reads, as if each were HTML: right for RSS descriptions and
 * content (HTML), lossy for plain-text fields that contain a reference-like
 * string (an Atom summary saying `&lt;b&gt;` reads `<b>`). The expectations
 * model exactly that, so anything else it shows differently still fails.
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { expectedItems, toSecond, type ExpectedItem } from "./support/articles";
import { decodeReferences } from "./support/html-text";
import { servedSite, type ServedSite } from "./support/site";

type Feed = ReturnType<typeof parseFeed>;

let site: ServedSite;
let expected: ExpectedItem[];
const feeds: Partial<Record<"rss" | "atom", Feed>> = {};

beforeAll(async () => {
  site = await servedSite();
  expected = expectedItems(site.baseUrl);
  feeds.rss = parseFeed(site.rss.body);
  feeds.atom = parseFeed(site.atom.body);
});

for (const format of ["rss", "atom"] as const) {
  describe(`@rowanmanning/feed-parser reads ${format}`, () => {
    it("as the right format, with the feed's title, link and self link", () => {
      const feed = feeds[format]!;
      expect(feed.meta.type).toBe(format);
      expect(feed.title).toBe("wirefeed");
      expect(feed.url).toBe(`${site.baseUrl}/`);
      expect(feed.self).toBe(site[format].url);
    });

    it("every item, in order, with id, link and title", () => {
      const items = feeds[format]!.items;
      expect(items.map((item) => item.id)).toEqual(expected.map((item) => item.id));
      expect(items.map((item) => item.url)).toEqual(expected.map((item) => item.url));
      expect(items.map((item) => item.title)).toEqual(expected.map((item) => decodeReferences(item.title)));
    });

    it("dates to the second", () => {
      const items = feeds[format]!.items;
      expect(items.map((item) => toSecond(item.published))).toEqual(expected.map((item) => item.published));
      if (format === "atom") expect(items.map((item) => toSecond(item.updated))).toEqual(expected.map((item) => item.updated));
    });

    it("author and categories", () => {
      const items = feeds[format]!.items;
      expect(items.map((item) => item.authors.map((author) => author.name))).toEqual(expected.map((item) => (item.author === undefined ? [] : [item.author])));
      expect(items.map((item) => item.categories.map((category) => category.label))).toEqual(expected.map((item) => item.categories));
    });

    it("summary and content", () => {
      const items = feeds[format]!.items;
      // RSS descriptions are HTML, decoded once to the text; Atom summaries are text, decoded once too many.
      expect(items.map((item) => item.description)).toEqual(expected.map((item) => (format === "atom" ? decodeReferences(item.summary) : item.summary)));
      expect(items.map((item) => item.content)).toEqual(expected.map((item) => item.paragraphs.map((p) => `<p>${p}</p>`).join("\n")));
    });
  });
}
