/**
 * Python's feedparser (Debian python3-feedparser), the parser behind many
 * aggregators: every RSS and Atom document, current and archived, parses
 * without `bozo`, and every item carries what the seed says, field by field,
 * interpreting each value as the type feedparser reports (HTML is read back to
 * text, so leaked markup fails).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { feedparser, type FeedparserResult } from "./clients/feedparser";
import { htmlToParagraphs, htmlToText } from "./support/html-text";
import { servedSite } from "./support/site";
import { requireFeedparser } from "./support/tools";

const site = await servedSite();
const parsed = new Map<string, FeedparserResult>();

beforeAll(async () => {
  requireFeedparser();
  const feeds = site.documents.flatMap((document) => [document.rss, document.atom]);
  const results = await feedparser(feeds);
  feeds.forEach((served, i) => parsed.set(served.url, results[i]!));
});

/** A text-or-HTML value as the text a reader shows. */
function asText(value: string | null, type: string | null): string | null {
  return value === null ? null : type === "text/html" ? htmlToText(value) : value;
}

for (const document of site.documents) {
  const expected = document.expected;
  for (const format of ["rss", "atom"] as const) {
    describe(`feedparser reads ${format}: ${document.label}`, () => {
      const result = () => parsed.get(document[format].url)!;

      it("without bozo, as the right version", () => {
        expect(result().bozo_exception).toBeNull();
        expect(result().bozo).toBe(false);
        expect(result().version).toBe(format === "rss" ? "rss20" : "atom10");
      });

      it("the feed's title and link", () => {
        expect(result().feed.title).toBe(document.listed.text);
        expect(result().feed.link).toBe(document.listed.htmlUrl);
      });

      it("every item, in order, with its id, link and title", () => {
        expect(expected.length).toBeGreaterThan(0);
        const entries = result().entries;
        expect(entries.map((e) => e.id)).toEqual(expected.map((item) => item.id));
        expect(entries.map((e) => e.link)).toEqual(expected.map((item) => item.url));
        // A headline that reads as markup is escaped HTML (RSS) or declared html (Atom): read as the type feedparser reports.
        expect(entries.map((e) => asText(e.title, e.title_type))).toEqual(expected.map((item) => item.title));
      });

      it("dates to the second", () => {
        const entries = result().entries;
        expect(entries.map((e) => e.published)).toEqual(expected.map((item) => item.published));
        // RSS 2.0 items have one date; Atom carries updated separately.
        if (format === "atom") expect(entries.map((e) => e.updated)).toEqual(expected.map((item) => item.updated));
      });

      it("author and categories", () => {
        const entries = result().entries;
        expect(entries.map((e) => e.author ?? undefined)).toEqual(expected.map((item) => item.author));
        // By name: RSS categories are terms; Atom carries the name as both term and label.
        expect(entries.map((e) => e.tags.map((tag) => tag.term))).toEqual(expected.map((item) => item.categories));
        if (format === "atom") expect(entries.map((e) => e.tags.map((tag) => tag.label))).toEqual(expected.map((item) => item.categories));
      });

      it("summary, read as the type feedparser says it is", () => {
        for (const [i, entry] of result().entries.entries()) {
          expect(asText(entry.summary, entry.summary_type), expected[i]!.id).toBe(expected[i]!.summary);
        }
      });

      it("content: the paragraphs, with markup in the copy still text", () => {
        for (const [i, entry] of result().entries.entries()) {
          expect(entry.content, expected[i]!.id).toHaveLength(1);
          expect(entry.content[0]!.type).toBe("text/html");
          expect(htmlToParagraphs(entry.content[0]!.value ?? ""), expected[i]!.id).toEqual(expected[i]!.paragraphs);
        }
      });

      it("each item's picture: an enclosure with its type (RSS: and length, 0 when unknown), and in RSS the Media RSS content with its credit", () => {
        for (const [i, entry] of result().entries.entries()) {
          const image = expected[i]!.article.image;
          const length = image?.length === undefined ? (format === "rss" ? "0" : null) : String(image.length);
          expect(entry.enclosures, expected[i]!.id).toEqual(image === undefined ? [] : [{ href: image.url, type: image.type, length }]);
          if (format !== "rss") continue;
          expect(entry.media_content.map((media) => [media.url, media.type, media.medium, media.width, media.height]), expected[i]!.id).toEqual(
            image === undefined ? [] : [[image.url, image.type, "image", image.width?.toString(), image.height?.toString()]],
          );
          expect(entry.media_credit, expected[i]!.id).toEqual(image?.credit === undefined ? [] : [image.credit]);
        }
      });
    });
  }
}
