import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FEED_FORMATS, documentAt, documentPath, type CollectionRef, type DocumentName } from "../../src/render/urls";

const slug = fc.stringMatching(/^[a-z0-9]{1,12}(?:-[a-z0-9]{1,12}){0,3}$/);
const page = fc.integer({ min: 1, max: 999_999 });
const collection: fc.Arbitrary<CollectionRef> = fc.oneof(
  fc.constant({ kind: "site" as const, slug: "" }),
  fc.record({ kind: fc.constantFrom("section" as const, "tag" as const), slug }),
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
    const pathLike = fc.array(fc.oneof(slug, fc.constantFrom("sections", "tags", "articles", "archive", "page", "sitemaps", "1.xml", "01.xml", "feed.xml", "atom.xml", "feed.json", "", "01", "0", "1")), { maxLength: 6 });
    fc.assert(
      fc.property(pathLike, (segments) => {
        const path = `/${segments.join("/")}`;
        const name = documentAt(path);
        if (name !== undefined) expect(documentPath(name)).toBe(path);
      }),
      { numRuns: 5000 },
    );
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
    ]) {
      expect(documentAt(path), path).toBeUndefined();
    }
  });
});
