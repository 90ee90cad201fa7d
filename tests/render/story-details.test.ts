/**
 * What the parser keeps besides the story (authors, contributors, labels, a
 * note, rights, desk codes, the lead picture), as each format shows it. The
 * articles are built here as the parser fills them, so these tests hold the
 * renderers to the model whatever the parser reads.
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/content/article";
import { collect } from "../../src/content/collections";
import { feedDocument } from "../../src/render/feed-document";
import { renderArticlePage } from "../../src/render/html/article-page";
import { labelWords } from "../../src/render/labels";
import { NS, child, children, htmlParagraphs, parseHtml, parseXml, site, text } from "../support/documents";
import { renderAtom, renderJsonFeed, renderRss } from "../support/feeds-as-text";

const MEDIA = "http://search.yahoo.com/mrss/";

const story = (id: string, fields: Partial<Article> = {}): Article => ({
  id,
  slug: `talks-${id}`,
  title: "Talks end without a deal",
  summary: "Diplomats met on Friday.",
  paragraphs: ["Diplomats met on Friday.", "Talks continue next week."],
  tags: [],
  category: "World",
  place: "Geneva",
  agency: "Reuters",
  published: "2026-11-20T10:00:00Z",
  updated: "2026-11-20T10:00:00Z",
  ...fields,
});

const FULL = story("full", {
  authors: ["Jane Doe", "John Roe", "Ann Poe"],
  contributors: [
    { name: "Mark Potter", role: "additional reporting" },
    { name: "Lin Wu", role: "additional reporting" },
    { name: "Kim Li", role: "editing" },
  ],
  labels: { priority: "URGENT", version: "UPDATE 2", kind: "EXCLUSIVE" },
  note: "Corrects paragraph 2 to say talks continue next week, not today.",
  rights: "Copyright 2026 Reuters. All rights reserved.",
  initials: "is/mp",
  image: {
    url: "https://images.example.com/geneva.jpg",
    caption: "Delegates arrive in Geneva.",
    credit: "REUTERS/Denis Balibouse",
    type: "image/jpeg",
    length: 48213,
    width: 1200,
    height: 800,
  },
});
const PLAIN = story("plain", { authors: ["Reuters"], published: "2026-11-19T10:00:00Z", updated: "2026-11-19T10:00:00Z" });
const SITE = site();

function documents(articles: Article[], config = SITE) {
  const feed = feedDocument(config, collect(articles, config.title).site);
  const rssText = renderRss(feed, { ttlMinutes: 5 });
  const atomText = renderAtom(feed);
  return {
    rssText,
    atomText,
    rss: children(child(parseXml(rssText).documentElement!, "channel"), "item"),
    atom: children(parseXml(atomText).documentElement!, "entry", NS.atom),
    json: JSON.parse(renderJsonFeed(feed)).items as Array<Record<string, unknown>>,
  };
}

function page(article: Article, config = SITE) {
  const html = renderArticlePage(config, collect([article], config.title), article);
  return { html, doc: parseHtml(html) };
}

const byClass = (doc: ReturnType<typeof parseHtml>, name: string) =>
  Array.from(doc.getElementsByTagName("*")).filter((element) => (element.getAttribute("class") ?? "").split(" ").includes(name));

describe("authors and contributors", () => {
  const { rss, atom, json } = documents([FULL, PLAIN]);

  it("RSS: a dc:creator per author and a dc:contributor per contributor", () => {
    expect(children(rss[0]!, "creator", NS.dc).map((e) => e.textContent)).toEqual(["Jane Doe", "John Roe", "Ann Poe"]);
    expect(children(rss[0]!, "contributor", NS.dc).map((e) => e.textContent)).toEqual(["Mark Potter", "Lin Wu", "Kim Li"]);
    expect(children(rss[1]!, "contributor", NS.dc)).toEqual([]);
  });

  it("Atom: an author and a contributor element per person, each with a name", () => {
    const names = (entry: (typeof atom)[0], element: string) => children(entry, element, NS.atom).map((e) => text(e, "name", NS.atom));
    expect(names(atom[0]!, "author")).toEqual(["Jane Doe", "John Roe", "Ann Poe"]);
    expect(names(atom[0]!, "contributor")).toEqual(["Mark Potter", "Lin Wu", "Kim Li"]);
  });

  it("JSON Feed: authors, the first as 1.0's author; no field for contributors or rights", () => {
    expect(json[0]!.authors).toEqual([{ name: "Jane Doe" }, { name: "John Roe" }, { name: "Ann Poe" }]);
    expect(json[0]!.author).toEqual({ name: "Jane Doe" });
    expect(Object.keys(json[0]!).filter((key) => /contributor|rights/.test(key))).toEqual([]);
  });

  it('the page: "By A, B and C", and a line of the other credits by role', () => {
    const { doc } = page(FULL);
    expect(byClass(doc, "byline").map((p) => p.textContent)).toEqual(["By Jane Doe, John Roe and Ann Poe"]);
    expect(byClass(doc, "contributors").map((p) => p.textContent)).toEqual(["Additional reporting by Mark Potter and Lin Wu; Editing by Kim Li"]);
  });

  it("the page: no byline that names the agency as a person (the dateline names it)", () => {
    expect(byClass(page(PLAIN).doc, "byline")).toEqual([]);
    expect(byClass(page(story("x", { authors: ["REUTERS", "Jane Doe"] })).doc, "byline").map((p) => p.textContent)).toEqual(["By Jane Doe"]);
  });

  it("the page: the byline in the article's language, else in the site's", () => {
    const spanish = page(story("es", { language: "es", authors: ["Ana Pérez", "Luis Gómez"] })).doc;
    const [line] = byClass(spanish, "byline");
    expect(line!.textContent).toBe("Por Ana Pérez y Luis Gómez");
    expect(line!.getAttribute("lang")).toBeNull(); // the article's own language, declared on <article>
    const russian = byClass(page(story("ru", { language: "ru", authors: ["Иван Петров"] })).doc, "byline")[0]!;
    expect([russian.textContent, russian.getAttribute("lang")]).toEqual(["By Иван Петров", "en"]);
  });

  it("English credits read as a sentence, including those who contributed to the report", () => {
    const { doc } = page(story("ap", { contributors: [{ name: "Sam Hill", role: "contributed" }, { name: "Jo Bay", role: "contributed" }] }));
    expect(byClass(doc, "contributors")[0]!.textContent).toBe("Sam Hill and Jo Bay contributed to this report");
  });
});

describe("labels: never the headline, shown as a news site shows them", () => {
  const { rss, atom, json } = documents([FULL, PLAIN]);

  it.each([
    [{ priority: "FLASH" }, "en", ["Breaking"]],
    [{ priority: "URGENTE" }, "es", ["Última hora"]],
    [{ version: "UPDATE 2" }, "en", ["Update 2"]],
    [{ version: "2nd Ld-Writethru" }, "en", ["Update 2"]],
    [{ version: "CORRECTED" }, "en", ["Corrected"]],
    [{ version: "REFILE" }, "en", []],
    [{ kind: "WRAPUP 1" }, "en", ["Roundup"]],
    [{ kind: "ANALYSIS" }, "de", ["Analyse"]],
    [{ kind: "FACT CHECK" }, "en", ["Fact check"]],
    [{ priority: "URGENT", version: "UPDATE 1", kind: "EXCLUSIVE" }, "fr-FR", ["Urgent", "Mise à jour 1", "Exclusif"]],
    [{ kind: "EXCLUSIVE" }, "ru", ["Exclusive"]],
  ] as const)("%j in %s reads %j", (labels, language, words) => {
    expect(labelWords(labels, language)).toEqual(words);
  });

  it("the title and link are the headline alone", () => {
    expect(text(rss[0]!, "title")).toBe("Talks end without a deal");
    expect(text(rss[0]!, "link")).toBe("https://news.example.com/articles/talks-full");
    expect(json[0]!.title).toBe("Talks end without a deal");
  });

  it("the feeds' content opens with the labels in bold, then the note, then the story", () => {
    const lead = ["Breaking · Update 2 · Exclusive", "Corrects paragraph 2 to say talks continue next week, not today.", "Diplomats met on Friday.", "Talks continue next week."];
    expect(htmlParagraphs(text(rss[0]!, "encoded", NS.content))).toEqual(lead);
    expect(htmlParagraphs(text(atom[0]!, "content", NS.atom))).toEqual(lead);
    expect(htmlParagraphs(json[0]!.content_html as string)).toEqual(lead);
    expect(json[0]!.content_text).toBe(lead.join("\n\n"));
    expect(text(rss[0]!, "encoded", NS.content)).toMatch(/^<p><strong>Breaking · Update 2 · Exclusive<\/strong><\/p>\n<p><em>Corrects/);
    // A story without labels or a note is the story alone.
    expect(htmlParagraphs(text(rss[1]!, "encoded", NS.content))).toEqual(PLAIN.paragraphs);
  });

  it("the page: a kicker of the section and the labels above the headline, the note near the top", () => {
    const { doc } = page(FULL);
    const [kicker] = byClass(doc, "kicker");
    expect(kicker!.textContent).toBe("World · Breaking · Update 2 · Exclusive");
    expect(doc.getElementsByTagName("h1")[0]!.textContent).toBe("Talks end without a deal");
    const note = byClass(doc, "note")[0]!;
    expect([note.tagName.toLowerCase(), note.textContent]).toEqual(["p", FULL.note]);
    // Before the story's first paragraph.
    const paragraphs = Array.from(doc.getElementsByTagName("p")).map((p) => p.textContent);
    expect(paragraphs.indexOf(FULL.note!)).toBeLessThan(paragraphs.indexOf("Diplomats met on Friday."));
  });
});

describe("rights and desk codes", () => {
  const { rss, atom, json } = documents([FULL]);

  it("rights: RSS dc:rights, Atom rights, a small line under the page's story; none in JSON Feed", () => {
    expect(text(rss[0]!, "rights", NS.dc)).toBe(FULL.rights);
    expect(text(atom[0]!, "rights", NS.atom)).toBe(FULL.rights);
    expect("rights" in json[0]!).toBe(false);
    expect(byClass(page(FULL).doc, "rights").map((p) => p.textContent)).toEqual([FULL.rights]);
  });

  it("editors' initials stay off the page unless SHOW_DESK_CODES is true", () => {
    expect(page(FULL).html).not.toContain("is/mp");
    expect(page(FULL, site({ SHOW_DESK_CODES: "false" })).html).not.toContain("is/mp");
    expect(byClass(page(FULL, site({ SHOW_DESK_CODES: "true" })).doc, "desk").map((p) => p.textContent)).toEqual(["Editors: is/mp"]);
  });

  it("SHOW_DESK_CODES other than true or false is a configuration error naming it", () => {
    expect(() => site({ SHOW_DESK_CODES: "yes" })).toThrow('SHOW_DESK_CODES is "yes", expected "true" or "false" (or nothing: false)');
  });
});

describe("the lead picture", () => {
  const BARE = story("bare", { image: { url: "https://images.example.com/a.png", type: "image/png" }, published: "2026-11-18T10:00:00Z", updated: "2026-11-18T10:00:00Z" });
  const { rss, atom, json, rssText } = documents([FULL, PLAIN, BARE]);

  it("RSS: an enclosure with URL, type and length (0 when unknown)", () => {
    const attributes = (item: (typeof rss)[0]) => ["url", "type", "length"].map((name) => child(item, "enclosure").getAttribute(name));
    expect(attributes(rss[0]!)).toEqual(["https://images.example.com/geneva.jpg", "image/jpeg", "48213"]);
    expect(attributes(rss[2]!)).toEqual(["https://images.example.com/a.png", "image/png", "0"]);
    expect(children(rss[1]!, "enclosure")).toEqual([]);
  });

  it("RSS: Media RSS content with the size, the caption and the credit", () => {
    const content = child(rss[0]!, "content", MEDIA);
    expect(["url", "type", "medium", "fileSize", "width", "height"].map((name) => content.getAttribute(name))).toEqual([
      "https://images.example.com/geneva.jpg", "image/jpeg", "image", "48213", "1200", "800",
    ]);
    expect(text(content, "description", MEDIA)).toBe("Delegates arrive in Geneva.");
    expect(text(content, "credit", MEDIA)).toBe("REUTERS/Denis Balibouse");
    expect(child(rss[2]!, "content", MEDIA).childNodes).toHaveLength(0);
  });

  it("RSS: the Media RSS namespace only in documents with a picture", () => {
    expect(rssText).toContain(`xmlns:media="${MEDIA}"`);
    expect(documents([PLAIN]).rssText).not.toContain("xmlns:media");
  });

  it("Atom: an enclosure link with type, and length when known", () => {
    const enclosure = (entry: (typeof atom)[0]) => children(entry, "link", NS.atom).filter((link) => link.getAttribute("rel") === "enclosure");
    expect(enclosure(atom[0]!).map((link) => ["href", "type", "length"].map((name) => link.getAttribute(name)))).toEqual([["https://images.example.com/geneva.jpg", "image/jpeg", "48213"]]);
    expect(enclosure(atom[2]!)[0]!.hasAttribute("length")).toBe(false);
    expect(enclosure(atom[1]!)).toEqual([]);
  });

  it("JSON Feed: the item's image", () => {
    expect([json[0]!.image, json[1]!.image, json[2]!.image]).toEqual(["https://images.example.com/geneva.jpg", undefined, "https://images.example.com/a.png"]);
  });

  it("the page: a figure before the story, sized, loaded at once (the lead is above the fold), with caption and credit", () => {
    const { doc, html } = page(FULL);
    const figure = doc.getElementsByTagName("figure")[0]!;
    const img = figure.getElementsByTagName("img")[0]!;
    expect(["src", "alt", "width", "height", "decoding", "loading"].map((name) => img.getAttribute(name))).toEqual([
      "https://images.example.com/geneva.jpg", "Delegates arrive in Geneva.", "1200", "800", "async", null,
    ]);
    expect(figure.getElementsByTagName("figcaption")[0]!.textContent).toBe("Delegates arrive in Geneva. — REUTERS/Denis Balibouse");
    expect(html.indexOf("<figure>")).toBeLessThan(html.indexOf("<p>Diplomats met on Friday.</p>"));
    expect(html).toContain('<meta property="og:image" content="https://images.example.com/geneva.jpg">');
  });

  it("the page: alt text as given, else empty rather than missing; no caption, no figcaption", () => {
    const img = (article: Article) => page(article).doc.getElementsByTagName("img")[0]!;
    expect(img(story("alt", { image: { url: "https://i.example.com/a.jpg", type: "image/jpeg", alt: "Flags", caption: "Cap" } })).getAttribute("alt")).toBe("Flags");
    expect(img(BARE).getAttribute("alt")).toBe("");
    expect(page(BARE).doc.getElementsByTagName("figcaption")).toHaveLength(0);
  });
});
