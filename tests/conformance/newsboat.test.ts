/**
 * newsboat (Debian), a terminal feed reader: subscribed to every feed the
 * OPML lists, in RSS and in Atom, it reads every item of the current
 * document, with the seed's guid, title, link, author and date.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { newsboat, type NewsboatResult } from "./clients/newsboat";
import { htmlText } from "../support/documents";
import { escapeHtml, htmlToParagraphs } from "./support/html-text";
import { servedSite } from "./support/site";
import { requireTool } from "./support/tools";

const site = await servedSite();
const read = new Map<string, NewsboatResult>();
/** newsboat runs at once: one per core of the machines the suite runs on. */
const PARALLEL = 2;

beforeAll(async () => {
  requireTool("newsboat", ["--version"], "newsboat (Debian newsboat)");
  requireTool("sqlite3", ["--version"], "sqlite3 (Debian sqlite3), to read newsboat's cache");
  const urls = site.subscriptions.flatMap(({ current }) => [current.rss.url, current.atom.url]);
  const next = urls.values();
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (const url of next) read.set(url, await newsboat(url));
    }),
  );
});

for (const { current } of site.subscriptions) {
  const expected = current.expected;
  for (const format of ["rss", "atom"] as const) {
    describe(`newsboat subscribed to ${format}: ${current.label}`, () => {
      const result = () => read.get(current[format].url)!;

      it("reports every item unread", () => {
        expect(result().unreadLine).toBe(`${expected.length} unread articles`);
      });

      it("stores every item with its guid, title, link, author and date", () => {
        const byGuid = new Map(result().items.map((item) => [item.guid, item]));
        expect([...byGuid.keys()].sort()).toEqual(expected.map((item) => item.id).sort());
        for (const want of expected) {
          const item = byGuid.get(want.id)!;
          // newsboat shows an RSS title as text: a headline that reads as markup, which RSS carries as
          // escaped HTML (the RSS profile's choice, clean in the W3C validator), shows escaped. Atom's is declared html and reads right.
          const title = format === "rss" && htmlText(want.title) !== want.title ? escapeHtml(want.title) : want.title;
          expect({ title: item.title, url: item.url, author: item.author, date: new Date(item.pubDate * 1000).toISOString().replace(".000Z", "Z") }, want.id).toEqual({
            title,
            url: want.url,
            author: want.author ?? "",
            date: want.published,
          });
        }
      });

      it("shows the paragraphs as text, markup in the copy escaped", () => {
        const byGuid = new Map(result().items.map((item) => [item.guid, item]));
        for (const want of expected) expect(htmlToParagraphs(byGuid.get(want.id)!.content), want.id).toEqual(want.paragraphs);
      });
    });
  }
}
