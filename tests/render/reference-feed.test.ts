/**
 * `feed` 6.0.0, the package most Node projects use, is the reference our
 * renderers are held to: for the same items, readers must get the same
 * fields from ours as from its output. Where it is wrong, the tests below
 * show how, which is why wirefeed writes its own serializers.
 */
import { Feed } from "feed";
import { describe, expect, it } from "vitest";
import seed from "../../seeds/000_854574d7f70e4787.txt?raw";
import type { Article } from "../../src/content/article";
import { articleBodyHtml } from "../../src/render/article-html";
import type { FeedDocument } from "../../src/render/feed-document";
import type { Element } from "@xmldom/xmldom";
import { NS, atomText, child, children, htmlText, parseXml, site, siteFeed, text, xmlErrors } from "../support/documents";
import { compile, seedText } from "../support/seeds";
import { renderAtom, renderJsonFeed, renderRss } from "../support/feeds-as-text";

function referenceFeed(document: FeedDocument): Feed {
  const reference = new Feed({
    title: document.title,
    description: document.description,
    id: document.id,
    link: document.homeUrl,
    language: document.language,
    updated: new Date(document.updated),
    generator: "wirefeed",
    copyright: "",
    feedLinks: { rss: document.urls.rss, atom: document.urls.atom, json: document.urls.json },
    author: { name: document.author.name, link: document.author.url },
  });
  for (const { article, id, url, categories } of document.items) {
    reference.addItem({
      title: article.title,
      id,
      link: url,
      date: new Date(article.updated),
      published: new Date(article.published),
      description: article.summary,
      content: articleBodyHtml(article),
      author: (article.authors ?? []).map((name) => ({ name })),
      category: categories.map(({ name, url }) => ({ name, term: name, domain: url, scheme: url })),
    });
  }
  return reference;
}

const { articles } = compile({
  "000_854574d7f70e4787.txt": seed,
  "london.txt": seedText({
    frontMatter: ["updated: 2026-03-08T09:15:00Z"],
    section: "Markets",
    headline: "Pound & euro steady as “traders” wait <for> data",
    body: ["LONDON, March 7 (Reuters) - Sterling held steady against the euro & the dollar.", "Traders wait for data. Reuters"],
  }),
});
const document = siteFeed(site(), articles);
const reference = referenceFeed(document);

/** A title as `feed` means it: the plain text, in CDATA (see below for what readers that honour its Atom type="html" make of it). */
const rawTitle = (title: Element) => title.textContent ?? "";

describe("the same fields as the feed package's output", () => {
  it("RSS: titles, links, ids, dates, summaries, content", () => {
    // Ours: a headline with markup is escaped HTML, the text readers that render titles show.
    const view = (xml: string, title: (element: Element) => string) =>
      children(child(parseXml(xml).documentElement!, "channel"), "item").map((item) => ({
        title: title(child(item, "title")),
        link: text(item, "link"),
        guid: text(item, "guid"),
        pubDate: Date.parse(text(item, "pubDate")),
        description: htmlText(text(item, "description")),
        content: text(item, "encoded", NS.content),
      }));
    const ours = view(renderRss(document, { ttlMinutes: 5 }), (title) => htmlText(title.textContent ?? ""));
    expect(ours).toHaveLength(2);
    expect(ours).toEqual(view(reference.rss2(), rawTitle));
  });

  it("Atom: titles, links, ids, dates, summaries, content", () => {
    const view = (xml: string, title: (element: Element) => string) =>
      children(parseXml(xml).documentElement!, "entry", NS.atom).map((entry) => ({
        title: title(child(entry, "title", NS.atom)),
        link: child(entry, "link", NS.atom).getAttribute("href"),
        id: text(entry, "id", NS.atom),
        published: Date.parse(text(entry, "published", NS.atom)),
        updated: Date.parse(text(entry, "updated", NS.atom)),
        summary: text(entry, "summary", NS.atom),
        content: text(entry, "content", NS.atom),
      }));
    const ours = view(renderAtom(document), atomText);
    expect(ours).toHaveLength(2);
    expect(ours).toEqual(view(reference.atom1(), rawTitle));
  });

  it("JSON Feed: titles, urls, ids, dates, summaries, content", () => {
    const view = (json: string) =>
      JSON.parse(json).items.map((item: Record<string, string>) => ({
        id: item.id,
        url: item.url,
        title: item.title,
        summary: item.summary,
        content_html: item.content_html,
        date_published: Date.parse(item.date_published!),
        date_modified: Date.parse(item.date_modified!),
      }));
    const ours = view(renderJsonFeed(document));
    expect(ours).toHaveLength(2);
    expect(ours).toEqual(view(reference.json1()));
  });
});

describe("why wirefeed does not use the feed package", () => {
  const hostile: Article = {
    ...articles[0]!,
    title: "Markup ]]> closes CDATA ]]> <script>alert(1)</script>",
    summary: "A vertical tab\u000B and a bell\u0007 from a CMS export",
    category: "Q&A <live>",
    tags: [],
  };
  const hostileDocument = siteFeed(site(), [hostile]);

  it("its XML is not well-formed for text with ]]> twice or U+000B; ours is", () => {
    const theirs = referenceFeed(hostileDocument);
    expect(xmlErrors(theirs.rss2())).not.toEqual([]);
    expect(xmlErrors(theirs.atom1())).not.toEqual([]);
    expect(xmlErrors(renderRss(hostileDocument, { ttlMinutes: 5 }))).toEqual([]);
    expect(xmlErrors(renderAtom(hostileDocument))).toEqual([]);
  });

  it("each defect alone breaks its XML", () => {
    const only = (changes: Partial<Article>) => referenceFeed(siteFeed(site(), [{ ...articles[0]!, ...changes }]));
    expect(xmlErrors(only({ title: "a ]]> b ]]> c" }).rss2())).not.toEqual([]);
    expect(xmlErrors(only({ summary: "tab\u000Bhere" }).rss2())).not.toEqual([]);
    expect(xmlErrors(only({ category: "Q&A <live>" }).atom1())).not.toEqual([]);
  });

  it("its Atom titles say type=\"html\" but hold the plain text: markup in a headline is lost to readers that honour the type; ours reads as written", () => {
    const title = (xml: string) => atomText(children(parseXml(xml).documentElement!, "entry", NS.atom)[0]!.getElementsByTagNameNS(NS.atom, "title")[0]!);
    const headline = "Pound & euro steady as “traders” wait <for> data";
    expect(title(reference.atom1())).not.toBe(headline);
    expect(title(renderAtom(document))).toBe(headline);
  });

  it("its JSON is JSON Feed 1.0, with a single author; ours is 1.1 with authors", () => {
    const theirs = JSON.parse(reference.json1());
    expect(theirs.version).toBe("https://jsonfeed.org/version/1");
    expect(JSON.parse(renderJsonFeed(document)).version).toBe("https://jsonfeed.org/version/1.1");
    expect(JSON.parse(renderJsonFeed(document)).items[0].authors).toEqual([{ name: "Reuters" }]);
  });
});
