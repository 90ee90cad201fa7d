/**
 * JSON Feed 1.1: every served document, current and archived, against a JSON
 * Schema for 1.1 (ajv with ajv-formats), plus what the spec says that a schema
 * cannot (unique ids, RFC 3339 dates), and the items' fields against the seeds.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { htmlToParagraphs } from "./support/html-text";
import { documentLanguage, wranglerVar } from "./support/articles";
import { servedSite } from "./support/site";

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  content_html?: string;
  content_text?: string;
  date_published?: string;
  date_modified?: string;
  authors?: Array<{ name?: string }>;
  author?: { name?: string };
  tags?: string[];
  language?: string;
}

type JsonFeed = {
  feed_url: string;
  home_page_url: string;
  title: string;
  language?: string;
  authors?: Array<{ name?: string }>;
  author?: { name?: string };
  items: JsonFeedItem[];
};

const site = await servedSite();
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(resolve(import.meta.dirname, "jsonfeed-1.1.schema.json"), "utf8")));

for (const feed of site.documents) {
  const expected = feed.expected;
  const json = feed.json;
  describe(`JSON Feed 1.1: ${feed.label}`, () => {
    let document: JsonFeed;

    beforeAll(() => {
      document = JSON.parse(json.body);
    });

    it("is served as application/feed+json in UTF-8", () => {
      expect(json.contentType).toMatch(/^application\/feed\+json;\s*charset=utf-8$/i);
    });

    it("validates against the 1.1 schema", () => {
      const valid = validate(document);
      expect(ajv.errorsText(validate.errors, { separator: "\n" })).toBe("No errors");
      expect(valid).toBe(true);
    });

    it("item ids are unique, every item has content_html or content_text", () => {
      const ids = document.items.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of document.items) expect(item.content_html !== undefined || item.content_text !== undefined, item.id).toBe(true);
    });

    it("dates are RFC 3339 with an offset", () => {
      for (const item of document.items) {
        for (const date of [item.date_published, item.date_modified]) if (date !== undefined) expect(date, item.id).toMatch(RFC3339);
      }
    });

    it("feed_url is the URL it was served at; title and home page are the OPML's", () => {
      expect(document.feed_url).toBe(json.url);
      expect(document.home_page_url).toBe(feed.listed.htmlUrl);
      expect(document.title).toBe(feed.listed.text);
    });

    it("the publisher as author for 1.1 readers (authors) and 1.0 readers (author); the language its articles share", () => {
      expect(document.authors?.map((author) => author.name)).toEqual([wranglerVar("SITE_AUTHOR")]);
      expect(document.author?.name).toBe(wranglerVar("SITE_AUTHOR"));
      expect(document.language).toBe(documentLanguage(expected));
    });

    it("every item carries the seed's fields", () => {
      expect(document.items.map((item) => item.id)).toEqual(expected.map((item) => item.id));
      for (const [i, item] of document.items.entries()) {
        const want = expected[i]!;
        expect(
          {
            url: item.url,
            title: item.title,
            summary: item.summary,
            published: item.date_published,
            modified: item.date_modified,
            authors: item.authors?.map((author) => author.name),
            author: item.author?.name,
            tags: item.tags,
            content_text: item.content_text,
            paragraphs: htmlToParagraphs(item.content_html ?? ""),
          },
          want.id,
        ).toEqual({
          url: want.url,
          title: want.title,
          summary: want.summary,
          published: want.published,
          modified: want.updated,
          authors: want.author === undefined ? undefined : [want.author],
          author: want.author,
          tags: want.categories,
          content_text: want.paragraphs.join("\n\n"),
          paragraphs: want.paragraphs,
        });
      }
    });
  });
}
