import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/content/article";
import { renderArticlePage } from "../../src/render/html/article-page";
import { renderHomePage } from "../../src/render/html/home-page";
import { collect, collectionSlug } from "../../src/content/collections";
import { NS, atomText, child, children, htmlParagraphs, htmlText, parseHtml, parseXml, site, siteFeed, text } from "../support/documents";
import { compile, seedText } from "../support/seeds";
import { renderAtom, renderJsonFeed, renderRss } from "../support/feeds-as-text";
import { openBidi, withoutBidiControls } from "../support/bidi";

/**
 * What XML 1.0 cannot carry (§2.2: C0 controls but tab and newline, lone
 * surrogates, U+FFFE/U+FFFF) and what it discourages and validators flag
 * (C1 controls, noncharacters U+FDD0–U+FDEF). Readers must get everything else.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * What a reader gets of `input`: everything XML carries. Bidi embeddings and
 * isolates are compared apart: the renderers close the ones a text leaves
 * open (escape.ts, balanceBidi), so `shown` checks an output is balanced and
 * both sides are compared without them.
 */
const readable = (input: string) => withoutBidiControls(input.replace(NOT_XML, ""));
const shown = (output: string) => {
  expect(openBidi(output), `bidi controls left open in ${JSON.stringify(output)}`).toBe(0);
  return withoutBidiControls(output);
};

const NASTY = [
  "]]>", "]]>]]>", "<![CDATA[", "& < > \" '", "&amp;", "&nbsp;", "&#0;", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
  "</p><p>", "<!--", "-->", "\u000B", "\u0007", "\u0000", "\u001B", "\u0085", "\uD800", "\uDFFF", "\uFFFE", "\uFDD0",
  "\u202Eشبكة\u202C", "עברית", "مرحبا", "👩‍👩‍👧", "🇺🇦", "e\u0301", "\u0308", "\t", "\n", "\u00A0", "\u2028",
];

/**
 * Any text: grapheme clusters, any code point, and the strings that break
 * naive serializers. No CR: article text comes through the seed normaliser,
 * which turns every CR into LF.
 */
const anyText = fc
  .array(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.constantFrom(...NASTY)), { maxLength: 6 })
  .map((parts) => parts.join("").replace(/\r/g, ""));

// The section and tags are distinct names (by slug), as the build and the
// renderers keep them; tests/render/feeds.test.ts covers repeated spellings.
const anyCategories = fc.uniqueArray(anyText, { minLength: 1, maxLength: 4, selector: collectionSlug });

const anyArticle = fc
  .record({
    title: anyText,
    summary: anyText,
    paragraphs: fc.array(anyText, { minLength: 1, maxLength: 4 }),
    categories: anyCategories,
    author: anyText,
  })
  .map(({ categories: [category, ...tags], ...rest }) => ({ ...rest, category: category!, tags }));

type ArticleText = { title: string; summary: string; paragraphs: string[]; category: string; author: string; tags: string[] };

function toArticle(f: ArticleText, index = 0): Article {
  return {
    id: `prop-${index}`,
    slug: `prop-${index}`,
    title: f.title,
    summary: f.summary,
    paragraphs: f.paragraphs,
    category: f.category,
    tags: f.tags,
    place: "Geneva",
    agency: "EFE",
    authors: [f.author],
    published: "2022-01-21T12:00:00Z",
    updated: "2022-01-21T12:00:00Z",
  };
}

const SITE = site();

describe("any article text, read back by real parsers", () => {
  it("RSS parses, and gives back every field", () => {
    fc.assert(
      fc.property(anyArticle, (fields) => {
        const a = toArticle(fields);
        const item = child(child(parseXml(renderRss(siteFeed(SITE, [a]), { ttlMinutes: 5 })).documentElement!, "channel"), "item");
        // Titles and categories as readers that take them for HTML show them; plain text where that is the same.
        expect(shown(htmlText(text(item, "title")))).toBe(readable(a.title));
        // <description> is HTML to readers: the summary comes back as the text it shows.
        expect(shown(htmlText(text(item, "description")))).toBe(readable(a.summary));
        expect(shown(text(item, "creator", NS.dc))).toBe(readable(a.authors![0]!));
        expect(children(item, "category").map((c) => shown(htmlText(c.textContent ?? "")))).toEqual([a.category!, ...a.tags].map(readable));
        expect(htmlParagraphs(text(item, "encoded", NS.content)).map(shown)).toEqual(a.paragraphs.map(readable));
      }),
    );
  });

  it("Atom parses, and gives back every field", () => {
    fc.assert(
      fc.property(anyArticle, (fields) => {
        const a = toArticle(fields);
        const entry = child(parseXml(renderAtom(siteFeed(SITE, [a]))).documentElement!, "entry", NS.atom);
        expect(shown(atomText(child(entry, "title", NS.atom)))).toBe(readable(a.title));
        expect(shown(atomText(child(entry, "summary", NS.atom)))).toBe(readable(a.summary));
        expect(shown(text(child(entry, "author", NS.atom), "name", NS.atom))).toBe(readable(a.authors![0]!));
        // XML normalises tabs and newlines in attribute values to spaces (§3.3.3).
        const asAttribute = (s: string) => readable(s).replace(/[\t\n]/g, " ");
        for (const name of ["term", "label"]) {
          expect(children(entry, "category", NS.atom).map((c) => shown(c.getAttribute(name) ?? ""))).toEqual([a.category!, ...a.tags].map(asAttribute));
        }
        expect(htmlParagraphs(text(entry, "content", NS.atom)).map(shown)).toEqual(a.paragraphs.map(readable));
      }),
    );
  });

  it("JSON Feed parses, and gives back every field", () => {
    fc.assert(
      fc.property(anyArticle, (fields) => {
        const a = toArticle(fields);
        const item = JSON.parse(renderJsonFeed(siteFeed(SITE, [a]))).items[0];
        expect(shown(item.title)).toBe(readable(a.title));
        expect(shown(item.summary)).toBe(readable(a.summary));
        expect(item.authors.map((author: { name: string }) => shown(author.name))).toEqual([readable(a.authors![0]!)]);
        expect(shown(item.author.name)).toBe(readable(a.authors![0]!));
        expect(item.tags.map(shown)).toEqual([a.category!, ...a.tags].map(readable));
        expect(shown(item.content_text)).toBe(readable(a.paragraphs.join("\n\n")));
        expect(htmlParagraphs(item.content_html).map(shown)).toEqual(a.paragraphs.map(readable));
      }),
    );
  });
});

/** Element names in document order: the page's structure, which seed text must never change. */
function structure(html: string): string[] {
  return Array.from(parseHtml(html).getElementsByTagName("*")).map((element) => element.tagName.toLowerCase());
}

/**
 * The same article in harmless words. Sections and tags keep their identity
 * (one per distinct slug), since how many there are legitimately shapes a page.
 */
const plain = (a: Article): Article => ({
  ...a,
  title: "t",
  summary: "s",
  paragraphs: a.paragraphs.map(() => "p"),
  category: a.category === undefined ? undefined : `c ${collectionSlug(a.category)}`,
  authors: ["x"],
  tags: a.tags.map((tag) => `t ${collectionSlug(tag)}`),
});

describe("HTML pages escape everything a seed says", () => {
  it("an article page has the structure of a plain one, and shows the text as written", () => {
    fc.assert(
      fc.property(anyArticle, (fields) => {
        const a = toArticle(fields);
        const html = renderArticlePage(SITE, collect([a], SITE.title), a);
        expect(structure(html)).toEqual(structure(renderArticlePage(SITE, collect([plain(a)], SITE.title), plain(a))));
        const doc = parseHtml(html);
        expect(shown(doc.getElementsByTagName("h1")[0]!.textContent!)).toBe(readable(a.title));
        expect(shown(doc.getElementsByTagName("title")[0]!.textContent!)).toBe(`${readable(a.title)} · ${SITE.title}`);
        const paragraphs = Array.from(doc.getElementsByTagName("article")[0]!.getElementsByTagName("p")).map((p) => shown(p.textContent!));
        for (const paragraph of a.paragraphs) expect(paragraphs).toContain(readable(paragraph));
      }),
    );
  });

  it("the index page has the structure of a plain one", () => {
    fc.assert(
      fc.property(fc.array(anyArticle, { minLength: 1, maxLength: 3 }), (many) => {
        const articles = many.map((fields, i) => toArticle(fields, i));
        const home = (list: Article[]) => renderHomePage(SITE, collect(list, SITE.title));
        expect(structure(home(articles))).toEqual(structure(home(articles.map(plain))));
        const titles = Array.from(parseHtml(home(articles)).getElementsByTagName("h3")).map((h) => shown(h.textContent!));
        expect(titles).toEqual(articles.map((a) => readable(a.title)));
      }),
      // A headline of one left-to-right embedding, left open: CI's run of stop 15 found it.
      { examples: [[[{ title: "\u202A", summary: "", paragraphs: [""], author: "", category: "", tags: [] }]]] },
    );
  });
});

describe("any seed text, from the seed to the feed", () => {
  const line = fc
    .array(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.constantFrom(...NASTY)), { maxLength: 5 })
    .map((parts) => parts.join("").replace(/[\r\n]/g, " "));
  /** What the seed normaliser promises: NFC, forbidden characters dropped, the line trimmed. */
  const normalised = (s: string) => withoutBidiControls(s.normalize("NFC").replace(NOT_XML, "").trim());

  it("a headline and a paragraph come out of every format as they went in, normalised", () => {
    fc.assert(
      fc.property(line, line, (headline, paragraph) => {
        const { articles, problems } = compile({
          "prop.txt": seedText({ headline: `Headline ${headline}`, body: ["Geneva, Jan 21 (EFE).- Lede.", `Para ${paragraph}`, "End."] }),
        });
        expect(problems).toEqual([]);
        const title = normalised(`Headline ${headline}`);
        const body = normalised(`Para ${paragraph}`);
        const feed = siteFeed(SITE, articles);
        const item = child(child(parseXml(renderRss(feed, { ttlMinutes: 5 })).documentElement!, "channel"), "item");
        const entry = child(parseXml(renderAtom(feed)).documentElement!, "entry", NS.atom);
        const json = JSON.parse(renderJsonFeed(feed)).items[0];
        expect([htmlText(text(item, "title")), atomText(child(entry, "title", NS.atom)), json.title].map(shown)).toEqual([title, title, title]);
        expect(shown(htmlParagraphs(text(item, "encoded", NS.content))[1]!)).toBe(body);
        expect(shown(htmlParagraphs(text(entry, "content", NS.atom))[1]!)).toBe(body);
        expect(shown(json.content_text.split("\n\n")[1])).toBe(body);
      }),
      // A paragraph of one open embedding: JSON Feed's content_text had closed none.
      { examples: [["", "\u202A"]] },
    );
  });
});
