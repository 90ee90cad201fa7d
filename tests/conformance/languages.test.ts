/**
 * No document declares a language its items contradict (issue 18 part 4),
 * read as readers read it: an item's language is the one its article page
 * gives the article (its `lang`, else the page's), and a document's
 * declaration is checked against every item that does not say its own.
 * RSS `<language>` and JSON Feed `language` cover every item; Atom's
 * `xml:lang` is inherited, so each entry's language is its own attribute,
 * else the feed's.
 */
import type { Element } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { NS, child, children, parseHtml, parseXml } from "../support/documents";
import { servedSite, type Served } from "./support/site";

const site = await servedSite();

/** The language an article page gives its article: the nearest `lang` around the <article>. */
function articleLanguage(page: Served): string {
  let element: Element | null = parseHtml(page.body).getElementsByTagName("article")[0]!;
  while (element !== null && !element.hasAttribute("lang")) element = element.parentNode as Element | null;
  return element!.getAttribute("lang")!;
}

const fold = (language: string | null | undefined) => language?.toLowerCase();

describe("every feed document declares only languages its items are in", () => {
  it("covers documents of several languages, so the check can fail", () => {
    const mixed = site.documents.filter((document) => new Set(document.expected.map((item) => fold(articleLanguage(site.pages.get(item.url)!)))).size > 1);
    expect(mixed.length).toBeGreaterThan(0);
  });

  for (const document of site.documents) {
    describe(document.label, () => {
      const pages = () => document.expected.map((item) => articleLanguage(site.pages.get(item.url)!));

      it("RSS: <language> only when every item is in it", () => {
        const declared = children(child(parseXml(document.rss.body).documentElement!, "channel", null), "language", null)[0]?.textContent;
        const languages = new Set(pages().map(fold));
        if (declared !== undefined && declared !== null) expect([...languages]).toEqual([fold(declared)]);
        else expect(languages.size).toBeGreaterThan(1);
      });

      it("JSON Feed: `language` only when every item is in it; each item says its own", () => {
        const feed = JSON.parse(document.json.body) as { language?: string; items: Array<{ language?: string }> };
        expect(feed.items.map((item) => fold(item.language))).toEqual(pages().map(fold));
        if (feed.language !== undefined) for (const language of pages()) expect(fold(language)).toBe(fold(feed.language));
      });

      it("Atom: every entry's xml:lang, its own or the feed's, is its article's", () => {
        const feed = parseXml(document.atom.body).documentElement!;
        const inherited = feed.getAttribute("xml:lang");
        const entries = children(feed, "entry", NS.atom).map((entry) => entry.getAttribute("xml:lang") || inherited);
        expect(entries.map(fold)).toEqual(pages().map(fold));
      });
    });
  }
});
