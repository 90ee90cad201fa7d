/**
 * gofeed (Go; Debian golang-github-mmcdole-gofeed-dev), the parser behind many
 * Go readers and bots, on every document, current and archived, in each of its
 * three formats: it parses each one as the right type, and every item carries
 * the compiled article's title, dates, author and categories.
 *
 * gofeed hands a program a title as the document wrote it: for RSS and for
 * Atom `type="html"` that is HTML, so a headline with markup in it (escaped, so
 * readers show it as text) arrives HTML-escaped. The titles are compared as a
 * reader that renders them shows them, and verbatim wherever the headline reads
 * the same as text and as HTML, which is what a program printing them shows.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { htmlText } from "../support/documents";
import { buildGofeed, gofeed, type GofeedResult } from "./clients/gofeed";
import { documentLanguage, pageLanguage, wranglerVar } from "./support/articles";
import { FEED_FORMATS, servedSite } from "./support/site";

const site = await servedSite();
const parsed = new Map<string, GofeedResult>();

beforeAll(async () => {
  const binary = await buildGofeed();
  const documents = site.documents.flatMap((document) => FEED_FORMATS.map((format) => document[format]));
  const results = await gofeed(binary, documents);
  documents.forEach((served, i) => parsed.set(served.url, results[i]!));
}, 300_000);

/** Text that reads the same whether a program shows it as text or renders it as HTML. */
const readsTheSame = (text: string) => htmlText(text) === text;

for (const document of site.documents) {
  const expected = document.expected;
  for (const format of FEED_FORMATS) {
    describe(`gofeed reads ${format}: ${document.label}`, () => {
      const result = () => parsed.get(document[format].url)!;
      /** How a field gofeed passes on as the document wrote it reads: JSON Feed titles are text; RSS and Atom ones may be HTML. */
      const shown = (value: string) => (format === "json" ? value : htmlText(value));

      it("as the right type, with the feed's title, links and language", () => {
        expect(result().error).toBeUndefined();
        expect(result().feedType).toBe(format);
        expect(shown(result().title)).toBe(document.listed.text);
        expect(result().link).toBe(document.listed.htmlUrl);
        expect(result().feedLink).toBe(document[format].url);
        // Atom's xml:lang is the site's on a feed of several languages; RSS and JSON Feed then say none.
        expect(result().language || undefined).toBe(format === "atom" ? pageLanguage(expected) : documentLanguage(expected));
      });

      it("the publisher as the feed's author, in Atom and in JSON Feed (which gofeed reads as 1.0: `author`)", () => {
        if (format !== "rss") expect(result().author).toBe(wranglerVar("SITE_AUTHOR"));
      });

      it("every item, in order, with its id, link and title", () => {
        const items = result().items;
        expect(items.map((item) => item.guid)).toEqual(expected.map((item) => item.id));
        expect(items.map((item) => item.link)).toEqual(expected.map((item) => item.url));
        expect(items.map((item) => shown(item.title))).toEqual(expected.map((item) => item.title));
        const plain = (titles: string[]) => titles.filter((_, i) => readsTheSame(expected[i]!.title));
        expect(plain(items.map((item) => item.title))).toEqual(plain(expected.map((item) => item.title)));
      });

      it("dates to the second", () => {
        const items = result().items;
        expect(items.map((item) => item.published)).toEqual(expected.map((item) => item.published));
        // RSS 2.0 items have one date; Atom and JSON Feed carry the update separately.
        expect(items.map((item) => item.updated)).toEqual(expected.map((item) => (format === "rss" ? null : item.updated)));
      });

      it("the author, in every format (JSON Feed items carry 1.0's author beside 1.1's authors)", () => {
        const items = result().items;
        expect(items.map((item) => item.author)).toEqual(expected.map((item) => item.author ?? null));
        expect(items.map((item) => item.authors)).toEqual(expected.map((item) => (item.author === undefined ? [] : [item.author])));
      });

      it("categories by name, the section first (Atom: the term, which gofeed shows)", () => {
        const items = result().items;
        const names = (categories: string[]) => (format === "rss" ? categories.map(shown) : categories);
        expect(items.map((item) => names(item.categories))).toEqual(expected.map((item) => item.categories));
      });

      it("each item's picture: RSS and Atom as an enclosure (RSS also Media RSS content), JSON Feed as the item's image", () => {
        for (const [i, item] of result().items.entries()) {
          const image = expected[i]!.article.image;
          const length = image?.length === undefined ? (format === "rss" ? "0" : "") : String(image.length);
          const enclosures = format === "json" || image === undefined ? [] : [{ url: image.url, type: image.type, length }];
          expect([item.enclosures, item.image, item.mediaContent], expected[i]!.id).toEqual([
            enclosures,
            format === "json" ? (image?.url ?? null) : null,
            format === "rss" && image !== undefined ? [image.url] : [],
          ]);
        }
      });
    });
  }
}
