/**
 * A maintained Node feed parser (@rowanmanning/feed-parser), as a Node-based
 * reader would use it: every RSS and Atom document, current and archived,
 * parses without error, and every item carries the seed's fields. It reads
 * Atom text by its declared type and RSS descriptions as HTML, but RSS titles
 * as text: a headline that reads as markup, which RSS carries as escaped HTML
 * (the RSS profile's choice, clean in the W3C validator), reaches it escaped.
 * The expectations model exactly that, so anything else it shows differently
 * still fails.
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { toSecond } from "./support/articles";
import { htmlText } from "../support/documents";
import { escapeHtml } from "./support/html-text";
import { servedSite } from "./support/site";

const site = await servedSite();

for (const document of site.documents) {
  const expected = document.expected;
  for (const format of ["rss", "atom"] as const) {
    describe(`@rowanmanning/feed-parser reads ${format}: ${document.label}`, () => {
      let feed: ReturnType<typeof parseFeed>;

      beforeAll(() => {
        feed = parseFeed(document[format].body);
      });

      it("as the right format, with the feed's title, link and self link", () => {
        expect(feed.meta.type).toBe(format);
        expect(feed.title).toBe(document.listed.text);
        expect(feed.url).toBe(document.listed.htmlUrl);
        expect(feed.self).toBe(document[format].url);
      });

      it("every item, in order, with id, link and title", () => {
        const items = feed.items;
        expect(items.map((item) => item.id)).toEqual(expected.map((item) => item.id));
        expect(items.map((item) => item.url)).toEqual(expected.map((item) => item.url));
        const title = (text: string) => (format === "rss" && htmlText(text) !== text ? escapeHtml(text) : text);
        expect(items.map((item) => item.title)).toEqual(expected.map((item) => title(item.title)));
      });

      it("dates to the second", () => {
        const items = feed.items;
        expect(items.map((item) => toSecond(item.published))).toEqual(expected.map((item) => item.published));
        if (format === "atom") expect(items.map((item) => toSecond(item.updated))).toEqual(expected.map((item) => item.updated));
      });

      it("author and categories", () => {
        const items = feed.items;
        expect(items.map((item) => item.authors.map((author) => author.name))).toEqual(expected.map((item) => (item.author === undefined ? [] : [item.author])));
        expect(items.map((item) => item.categories.map((category) => category.label))).toEqual(expected.map((item) => item.categories));
        expect(items.map((item) => item.categories.map((category) => category.term))).toEqual(expected.map((item) => item.categories));
      });

      it("each item's picture: the item's image, and a medium of type image with the media type (and size where given)", () => {
        for (const [i, item] of feed.items.entries()) {
          const image = expected[i]!.article.image;
          expect(item.image?.url ?? null, expected[i]!.id).toBe(image?.url ?? null);
          const media = item.media.map(({ url, type, mimeType, length }) => ({ url, type, mimeType, length }));
          // RSS: the enclosure and the Media RSS content, one picture (the parser drops the repeat by URL).
          expect(media, expected[i]!.id).toEqual(image === undefined ? [] : [{ url: image.url, type: "image", mimeType: image.type, length: image.length ?? (format === "rss" ? 0 : null) }]);
        }
      });

      it("summary and content", () => {
        const items = feed.items;
        expect(items.map((item) => item.description)).toEqual(expected.map((item) => item.summary));
        expect(items.map((item) => item.content)).toEqual(expected.map((item) => item.paragraphs.map((p) => `<p>${p}</p>`).join("\n")));
      });
    });
  }
}
