/**
 * The HTML the feeds link to: the home page and every article page, fetched
 * over HTTP from the links in the feeds. Each is served, canonical to its own
 * URL, and shows the seed's headline and paragraphs with copy markup escaped.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { expectedItems, type ExpectedItem } from "./support/articles";
import { decodeEntities, htmlToParagraphs } from "./support/html-text";
import { servedSite, type ServedSite } from "./support/site";

let site: ServedSite;
let expected: ExpectedItem[];

beforeAll(async () => {
  site = await servedSite();
  expected = expectedItems(site.baseUrl);
});

describe("HTML pages", () => {
  it("the home page lists every article, linking to its page", () => {
    expect(site.home.status).toBe(200);
    expect(site.home.contentType).toMatch(/^text\/html;\s*charset=utf-8$/i);
    const links = [...site.home.body.matchAll(/<h2><a href="([^"]*)">([^<]*)<\/a><\/h2>/g)].map((m) => ({ url: decodeEntities(m[1]!), title: decodeEntities(m[2]!) }));
    expect(links).toEqual(expected.map((item) => ({ url: item.url, title: item.title })));
  });

  it("every article page is served with its headline and paragraphs as text", () => {
    expect([...site.pages.keys()]).toEqual(expected.map((item) => item.url));
    for (const want of expected) {
      const page = site.pages.get(want.url)!;
      expect(page.status, want.url).toBe(200);
      expect(page.contentType).toMatch(/^text\/html;\s*charset=utf-8$/i);
      expect(decodeEntities(/<link rel="canonical" href="([^"]*)">/.exec(page.body)?.[1] ?? ""), want.url).toBe(want.url);
      expect(decodeEntities(/<h1>([^<]*)<\/h1>/.exec(page.body)?.[1] ?? "<h1> missing or holding markup"), want.url).toBe(want.title);
      const body = /<\/p>\n(<p>[\s\S]*?<\/p>)(?:\n<p class="meta">Editors:[^<]*<\/p>)?\n<\/article>/.exec(page.body)?.[1] ?? "";
      expect(htmlToParagraphs(body), want.url).toEqual(want.paragraphs);
    }
  });

  it("no page carries a script element", () => {
    for (const page of [site.home, ...site.pages.values()]) expect(page.body, page.url).not.toMatch(/<script\b/i);
  });
});
