/**
 * newsboat (Debian), a terminal feed reader: subscribed to each served feed,
 * it reads every item, with the seed's guid, title, link, author and date.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { newsboat, type NewsboatResult } from "./clients/newsboat";
import { expectedItems, type ExpectedItem } from "./support/articles";
import { htmlToParagraphs } from "./support/html-text";
import { servedSite, type ServedSite } from "./support/site";
import { requireTool } from "./support/tools";

let site: ServedSite;
let expected: ExpectedItem[];
const read: Partial<Record<"rss" | "atom", NewsboatResult>> = {};

beforeAll(async () => {
  requireTool("newsboat", ["--version"], "newsboat (Debian newsboat)");
  requireTool("sqlite3", ["--version"], "sqlite3 (Debian sqlite3), to read newsboat's cache");
  site = await servedSite();
  expected = expectedItems(site.baseUrl);
  read.rss = await newsboat(site.rss.url);
  read.atom = await newsboat(site.atom.url);
});

for (const format of ["rss", "atom"] as const) {
  describe(`newsboat subscribed to ${format}`, () => {
    it("reports every item unread", () => {
      expect(read[format]!.unreadLine).toBe(`${expected.length} unread articles`);
    });

    it("stores every item with its guid, title, link, author and date", () => {
      const byGuid = new Map(read[format]!.items.map((item) => [item.guid, item]));
      expect([...byGuid.keys()].sort()).toEqual(expected.map((item) => item.id).sort());
      for (const want of expected) {
        const item = byGuid.get(want.id)!;
        expect({ title: item.title, url: item.url, author: item.author, date: new Date(item.pubDate * 1000).toISOString().replace(".000Z", "Z") }, want.id).toEqual({
          title: want.title,
          url: want.url,
          author: want.author ?? "",
          date: want.published,
        });
      }
    });

    it("shows the paragraphs as text, markup in the copy escaped", () => {
      const byGuid = new Map(read[format]!.items.map((item) => [item.guid, item]));
      for (const want of expected) expect(htmlToParagraphs(byGuid.get(want.id)!.content), want.id).toEqual(want.paragraphs);
    });
  });
}
