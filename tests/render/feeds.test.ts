import { describe, expect, it } from "vitest";
import seed from "../../seeds/000_854574d7f70e4787.txt?raw";
import { NS, atomText, child, children, htmlParagraphs, htmlText, parseXml, site, siteFeed, text } from "../support/documents";
import { compile, seedText } from "../support/seeds";
import { renderAtom, renderJsonFeed, renderRss } from "../support/feeds-as-text";

const { articles } = compile({
  "000_854574d7f70e4787.txt": seed,
  "madrid.txt": seedText({
    frontMatter: ["tags: Europa, España", "updated: 2026-04-01T09:00:00+02:00", "author: Ana Pérez"],
    section: "Economía",
    headline: "El Gobierno aprueba la reforma & sube el salario <mínimo>",
    body: [
      "Madrid, 14 feb (EFE).- El Gobierno de España aprobó este sábado la reforma, según informó la ministra en una rueda de prensa en la que se dieron los detalles del plan.",
      "La medida entrará en vigor el lunes. EFE",
    ],
  }),
  "london.txt": seedText({ section: "Markets", headline: "Pound steadies", body: ["LONDON, March 7 (Reuters) - Sterling held steady.", "Traders wait for data."] }),
});
const SITE = site({ FEED_MAX_AGE: "300" });
const feed = siteFeed(SITE, articles);
const rssSource = renderRss(feed, { ttlMinutes: 5 });
const rss = parseXml(rssSource);
const atom = parseXml(renderAtom(feed));
const json = JSON.parse(renderJsonFeed(feed));

const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const TAG_URI = /^tag:news\.example\.com,2022:\S+$/;
const newestUpdate = Math.max(...articles.map((a) => Date.parse(a.updated)));
const byNewest = [...articles].sort((a, b) => Date.parse(b.published) - Date.parse(a.published));

const channel = child(rss.documentElement!, "channel");
const rssItems = children(channel, "item");
const entries = children(atom.documentElement!, "entry", NS.atom);

describe("RSS 2.0", () => {
  it("is an rss 2.0 document with its namespaces declared", () => {
    expect(rss.documentElement!.tagName).toBe("rss");
    expect(rss.documentElement!.getAttribute("version")).toBe("2.0");
    expect(channel.getElementsByTagNameNS(NS.content, "encoded")).toHaveLength(3);
    expect(channel.getElementsByTagNameNS(NS.dc, "creator")).toHaveLength(3);
  });

  it("describes the channel from the site settings", () => {
    expect(text(channel, "title")).toBe("Example News");
    expect(text(channel, "link", null)).toBe("https://news.example.com/");
    expect(text(channel, "description")).toBe("Wire copy, syndicated.");
    // Its items are in English and Spanish, and RSS has no language per item: it declares none.
    expect(channel.getElementsByTagName("language")).toHaveLength(0);
    expect(text(channel, "generator")).not.toBe("");
    expect(text(channel, "ttl")).toBe("5");
    const self = child(channel, "link", NS.atom);
    expect([self.getAttribute("rel"), self.getAttribute("href"), self.getAttribute("type")]).toEqual(["self", "https://news.example.com/feed.xml", "application/rss+xml"]);
  });

  it("dates the channel with the newest item's update, in RFC 822", () => {
    const lastBuild = text(channel, "lastBuildDate");
    expect(lastBuild).toMatch(RFC_822);
    expect(Date.parse(lastBuild)).toBe(newestUpdate);
  });

  it("has every item field", () => {
    const [london, madrid] = rssItems;
    // A headline with markup in it is HTML-escaped (readers that render RSS titles as HTML show it as written)…
    expect(htmlText(text(madrid!, "title"))).toBe("El Gobierno aprueba la reforma & sube el salario <mínimo>");
    // …with hexadecimal references, the RSS Advisory Board profile's encoding for such text.
    expect(rssSource).toContain("<title>El Gobierno aprueba la reforma &#x26;amp; sube el salario &#x26;lt;mínimo&#x26;gt;</title>");
    // A headline that reads the same as text and as HTML is written as it is.
    expect(text(london!, "title")).toBe("Pound steadies");
    expect(text(madrid!, "link")).toBe(`https://news.example.com/articles/${articles.find((a) => a.id === "madrid")!.slug}`);
    const guid = child(madrid!, "guid");
    expect(guid.getAttribute("isPermaLink")).toBe("false");
    expect(guid.textContent).toBe("tag:news.example.com,2022:article:madrid");
    expect(text(madrid!, "pubDate")).toBe("Sat, 14 Feb 2026 12:00:00 GMT");
    expect(text(madrid!, "description")).toMatch(/^El Gobierno de España aprobó/);
    expect(htmlParagraphs(text(madrid!, "encoded", NS.content))).toEqual(["El Gobierno de España aprobó este sábado la reforma, según informó la ministra en una rueda de prensa en la que se dieron los detalles del plan.", "La medida entrará en vigor el lunes."]);
    expect(text(madrid!, "creator", NS.dc)).toBe("Ana Pérez");
    // By name, with the collection's page as the domain; the section first.
    expect(children(madrid!, "category").map((c) => [c.textContent, c.getAttribute("domain")])).toEqual([
      ["Economía", "https://news.example.com/sections/economia"],
      ["Europa", "https://news.example.com/tags/europa"],
      ["España", "https://news.example.com/tags/espana"],
    ]);
    expect(text(london!, "creator", NS.dc)).toBe("Reuters");
    for (const item of rssItems) expect(text(item, "pubDate")).toMatch(RFC_822);
  });
});

describe("Atom 1.0", () => {
  const root = atom.documentElement!;

  it("is an Atom feed with a tag URI id, title, subtitle, language", () => {
    expect([root.localName, root.namespaceURI]).toEqual(["feed", NS.atom]);
    expect(root.getAttribute("xml:lang")).toBe("en");
    expect(text(root, "id", NS.atom)).toMatch(TAG_URI);
    expect(text(root, "title", NS.atom)).toBe("Example News");
    expect(text(root, "subtitle", NS.atom)).toBe("Wire copy, syndicated.");
    expect(text(child(root, "author", NS.atom), "name", NS.atom)).toBe("Example Publisher");
  });

  it("links to itself and to the home page", () => {
    const links = Object.fromEntries(children(root, "link", NS.atom).map((l) => [l.getAttribute("rel"), l.getAttribute("href")]));
    expect(links).toEqual({ self: "https://news.example.com/atom.xml", alternate: "https://news.example.com/" });
  });

  it("is updated when its newest item is, in RFC 3339", () => {
    expect(text(root, "updated", NS.atom)).toMatch(RFC_3339);
    expect(Date.parse(text(root, "updated", NS.atom))).toBe(newestUpdate);
  });

  it("has every entry field", () => {
    const madrid = entries[1]!;
    expect(text(madrid, "id", NS.atom)).toBe("tag:news.example.com,2022:article:madrid");
    // Markup in a headline: declared html and escaped, so it reads as written; plain headlines stay text.
    expect(child(madrid, "title", NS.atom).getAttribute("type")).toBe("html");
    expect(atomText(child(madrid, "title", NS.atom))).toBe("El Gobierno aprueba la reforma & sube el salario <mínimo>");
    expect(child(entries[2]!, "title", NS.atom).hasAttribute("type")).toBe(false);
    expect(text(madrid, "published", NS.atom)).toBe("2026-02-14T12:00:00Z");
    expect(text(madrid, "updated", NS.atom)).toBe("2026-04-01T07:00:00Z");
    const link = child(madrid, "link", NS.atom);
    expect([link.getAttribute("rel"), link.getAttribute("href")]).toEqual(["alternate", rssItems[1] && text(rssItems[1], "link")]);
    expect(text(madrid, "summary", NS.atom)).toMatch(/^El Gobierno de España aprobó/);
    const content = child(madrid, "content", NS.atom);
    expect(content.getAttribute("type")).toBe("html");
    expect(htmlParagraphs(content.textContent ?? "")).toHaveLength(2);
    expect(text(child(madrid, "author", NS.atom), "name", NS.atom)).toBe("Ana Pérez");
    // The name in term (what gofeed, sfeed, elfeed show) and label; the collection's page as the scheme.
    const categories = children(madrid, "category", NS.atom).map((c) => [c.getAttribute("term"), c.getAttribute("scheme"), c.getAttribute("label")]);
    expect(categories).toEqual([
      ["Economía", "https://news.example.com/sections/economia", "Economía"],
      ["Europa", "https://news.example.com/tags/europa", "Europa"],
      ["España", "https://news.example.com/tags/espana", "España"],
    ]);
    // The Spanish entry says so; the English ones inherit the feed's xml:lang.
    expect(madrid.getAttribute("xml:lang")).toBe("es");
    expect(entries[2]!.hasAttribute("xml:lang")).toBe(false);
  });
});

describe("JSON Feed 1.1", () => {
  it("is version 1.1 with the feed fields, and its author as both 1.1 and 1.0 readers look for it", () => {
    expect(json).toMatchObject({
      version: "https://jsonfeed.org/version/1.1",
      title: "Example News",
      home_page_url: "https://news.example.com/",
      feed_url: "https://news.example.com/feed.json",
      description: "Wire copy, syndicated.",
      authors: [{ name: "Example Publisher", url: "https://news.example.com/" }],
      author: { name: "Example Publisher", url: "https://news.example.com/" },
    });
    // English and Spanish items: the feed says no language, each item says its own.
    expect(json).not.toHaveProperty("language");
    expect(json.items.map((item: { language?: string }) => item.language)).toContain("es");
  });

  it("has every item field", () => {
    const madrid = json.items[1];
    expect(madrid).toMatchObject({
      id: "tag:news.example.com,2022:article:madrid",
      url: text(rssItems[1]!, "link"),
      title: "El Gobierno aprueba la reforma & sube el salario <mínimo>",
      date_published: "2026-02-14T12:00:00Z",
      date_modified: "2026-04-01T07:00:00Z",
      authors: [{ name: "Ana Pérez" }],
      author: { name: "Ana Pérez" },
      tags: ["Economía", "Europa", "España"],
      language: "es",
    });
    expect(madrid.summary).toMatch(/^El Gobierno de España aprobó/);
    expect(madrid.content_text).toBe(`${madrid.summary}\n\nLa medida entrará en vigor el lunes.`);
    expect(htmlParagraphs(madrid.content_html)).toEqual(madrid.content_text.split("\n\n"));
    for (const item of json.items) {
      expect(item.date_published).toMatch(RFC_3339);
      expect(item.date_modified).toMatch(RFC_3339);
    }
  });
});

describe("the three feeds agree", () => {
  const rssView = rssItems.map((item) => ({ id: text(item, "guid"), title: htmlText(text(item, "title")), url: text(item, "link"), published: Date.parse(text(item, "pubDate")) }));
  const atomView = entries.map((entry) => ({ id: text(entry, "id", NS.atom), title: atomText(child(entry, "title", NS.atom)), url: child(entry, "link", NS.atom).getAttribute("href"), published: Date.parse(text(entry, "published", NS.atom)) }));
  const jsonView = json.items.map((item: Record<string, string>) => ({ id: item.id, title: item.title, url: item.url, published: Date.parse(item.date_published!) }));

  it("same items, same ids, same order: newest first", () => {
    expect(rssView).toEqual(atomView);
    expect(jsonView).toEqual(atomView);
    expect(atomView.map((item) => item.title)).toEqual(byNewest.map((a) => a.title));
    for (const item of atomView) expect(item.id).toMatch(TAG_URI);
    expect(new Set(atomView.map((item) => item.id)).size).toBe(3);
  });

  it("carry the configured number of newest items", () => {
    const two = siteFeed(site({ FEED_ITEMS: "2" }), articles);
    expect(children(child(parseXml(renderRss(two, { ttlMinutes: 5 })).documentElement!, "channel"), "item")).toHaveLength(2);
    expect(children(parseXml(renderAtom(two)).documentElement!, "entry", NS.atom)).toHaveLength(2);
    expect(JSON.parse(renderJsonFeed(two)).items.map((i: { title: string }) => i.title)).toEqual(byNewest.slice(0, 2).map((a) => a.title));
  });

  it("are byte-identical when rendered again", () => {
    const again = siteFeed(SITE, compile({ "000_854574d7f70e4787.txt": seed }).articles);
    const once = siteFeed(SITE, compile({ "000_854574d7f70e4787.txt": seed }).articles);
    expect(renderRss(again, { ttlMinutes: 5 })).toBe(renderRss(once, { ttlMinutes: 5 }));
    expect(renderAtom(again)).toBe(renderAtom(once));
    expect(renderJsonFeed(again)).toBe(renderJsonFeed(once));
  });
});

describe("categories", () => {
  it("a tag that repeats the section in another spelling is not a second category", () => {
    const { articles: [a] } = compile({ "dup.txt": seedText({ section: "Economía", frontMatter: ["tags: economía, ECONOMIA , Banca"] }) });
    const doc = siteFeed(SITE, [a!]);
    const item = children(child(parseXml(renderRss(doc, { ttlMinutes: 5 })).documentElement!, "channel"), "item")[0]!;
    expect(children(item, "category").map((c) => c.textContent)).toEqual(["Economía", "Banca"]);
    const entry = children(parseXml(renderAtom(doc)).documentElement!, "entry", NS.atom)[0]!;
    expect(children(entry, "category", NS.atom).map((c) => c.getAttribute("term"))).toEqual(["Economía", "Banca"]);
    expect(JSON.parse(renderJsonFeed(doc)).items[0].tags).toEqual(["Economía", "Banca"]);
  });
});
