import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectionSlug } from "../../src/content/collections";
import { FEED_FORMATS, documentAt, documentPath, type CollectionRef, type DocumentName } from "../../src/render/urls";

const slug = fc.stringMatching(/^[a-z0-9]{1,12}(?:-[a-z0-9]{1,12}){0,3}$/);
/** Collection slugs as names of every script give them (`выборы-2024-сша`, `c++`, `日内瓦会谈`). */
const collectionSlugs = fc.oneof(slug, fc.string({ unit: "grapheme", minLength: 1, maxLength: 16 }).map(collectionSlug));
const page = fc.integer({ min: 1, max: 999_999 });
const collection: fc.Arbitrary<CollectionRef> = fc.oneof(
  fc.constant({ kind: "site" as const, slug: "" }),
  fc.record({ kind: fc.constantFrom("section" as const, "tag" as const), slug: collectionSlugs }),
);
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
/** `{ page: undefined }` and `{}` are one name: build names without absent keys. */
const withOptional = <T extends object>(base: T, key: string, value: number | undefined): T => (value === undefined ? base : { ...base, [key]: value });

const names: fc.Arbitrary<DocumentName> = fc.oneof(
  fc.tuple(collection, fc.constantFrom(...FEED_FORMATS), optional(page)).map(([c, format, archive]) => withOptional({ type: "feed" as const, collection: c, format }, "archive", archive)),
  fc.tuple(collection, optional(page)).map(([c, p]) => withOptional({ type: "listing" as const, collection: c }, "page", p)),
  fc.record({ type: fc.constant("index" as const), kind: fc.constantFrom("section" as const, "tag" as const) }),
  fc.record({ type: fc.constant("article" as const), slug }),
  fc.record({ type: fc.constant("sitemap-part" as const), part: page }),
  fc.constantFrom<DocumentName>({ type: "negotiated-feed" }, { type: "feeds" }, { type: "opml" }, { type: "sitemap" }, { type: "robots" }, { type: "favicon" }),
);

describe("what a URL names (documentAt) and where a document lives (documentPath)", () => {
  it("read each other back: every path written names its document", () => {
    fc.assert(
      fc.property(names, (name) => {
        expect(documentAt(documentPath(name))).toEqual(name);
      }),
    );
  });

  it("give each document one URL: any path that names a document is the one documentPath writes", () => {
    const encoded = collectionSlugs.chain((text) => fc.constantFrom(encodeURIComponent(text), encodeURIComponent(text).toLowerCase(), encodeURI(text), text));
    const pathLike = fc.array(fc.oneof(slug, encoded, fc.constantFrom("sections", "tags", "articles", "archive", "page", "sitemaps", "1.xml", "01.xml", "feed.xml", "atom.xml", "feed.json", "", "01", "0", "1")), { maxLength: 6 });
    fc.assert(
      fc.property(pathLike, (segments) => {
        const path = `/${segments.join("/")}`;
        const name = documentAt(path);
        if (name !== undefined) expect(documentPath(name)).toBe(path);
      }),
      { numRuns: 5000 },
    );
  });

  it("write a collection slug of any script percent-encoded, as URIs carry it, and read it back decoded once", () => {
    const path = documentPath({ type: "feed", collection: { kind: "tag", slug: "выборы-2024-сша" }, format: "atom" });
    expect(path).toBe("/tags/%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B-2024-%D1%81%D1%88%D0%B0/atom.xml");
    expect(documentAt(path)).toEqual({ type: "feed", collection: { kind: "tag", slug: "выборы-2024-сша" }, format: "atom" });
    expect(documentPath({ type: "listing", collection: { kind: "tag", slug: "c#" } })).toBe("/tags/c%23");
    expect(documentPath({ type: "listing", collection: { kind: "tag", slug: "c++" } })).toBe("/tags/c++");
  });

  it("remember a path's name once read, and still read every path right after more paths than they remember", () => {
    const path = "/sections/business/archive/3/atom.xml";
    const name = documentAt(path);
    // The same object: the path was read once (a poller asks for the same path over and over).
    expect(documentAt(path)).toBe(name);
    for (let story = 1; story <= 3000; story++) expect(documentAt(`/articles/story-${story}`)).toEqual({ type: "article", slug: `story-${story}` });
    expect(documentAt(path)).toEqual({ type: "feed", collection: { kind: "section", slug: "business" }, format: "atom", archive: 3 });
    expect(documentAt("/")).toEqual({ type: "listing", collection: { kind: "site", slug: "" } });
    for (let time = 0; time < 2; time++) expect(documentAt("/sections/business/archive/03/atom.xml")).toBeUndefined();
  });

  it("recognise only the exact spellings wirefeed writes", () => {
    for (const path of [
      "/sectionsX/politics",
      "/evil-tags/congress/atom.xml",
      "/sectionsX/politics/archive/1/feed.json",
      "/xsections/politics/feed.xml",
      "/sections/politics/feed.xml/",
      "/sections/Politics",
      "/sections/",
      "/sections/politics/archive/01/feed.xml",
      "/archive/0/feed.xml",
      "/archive/1234567/feed.xml",
      "/archive/1/feed.rss",
      "/page/0",
      "/page/1/",
      "/Feed.xml",
      "/%66eed.xml",
      "//feed.xml",
      "/articles/",
      "/articles/a/b",
      "/articles/a--b",
      "/articles/-a",
      `/articles/${"a".repeat(129)}`,
      "/feeds/",
      "/index.html",
      "/sitemaps/0.xml",
      "/sitemaps/01.xml",
      "/sitemaps/1",
      "/sitemaps/x.xml",
      // A collection slug in any spelling but the one written: lowercase hex, an encoded +, raw, decoded twice, not UTF-8.
      "/tags/%d0%bc%d0%b8%d1%80",
      "/tags/c%2B%2B",
      "/tags/мир",
      "/tags/c%2523",
      "/tags/%FF",
      "/tags/%D0%9C%D0%B8%D1%80",
      "/articles/%D0%BC%D0%B8%D1%80",
    ]) {
      expect(documentAt(path), path).toBeUndefined();
    }
  });
});
