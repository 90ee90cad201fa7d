/**
 * What language and direction each document declares, read back by real
 * parsers: a feed or page of articles all in one language says that language
 * (RSS <language>, Atom xml:lang, JSON Feed language, <html lang>); right-to-left
 * articles get dir="rtl"; page dates are written in the article's language.
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/content/article";
import { collect, slotsOf } from "../../src/content/collections";
import { humanDate } from "../../src/render/dates";
import { feedDocument } from "../../src/render/feed-document";
import { renderArticlePage } from "../../src/render/html/article-page";
import { renderCollectionPage } from "../../src/render/html/collection-page";
import { renderHomePage } from "../../src/render/html/home-page";
import { languageDirection } from "../../src/render/language";
import { NS, child, children, parseHtml, parseXml, site, text } from "../support/documents";
import { renderAtom, renderJsonFeed, renderRss } from "../support/feeds-as-text";

const SITE = site({ FEED_ITEMS: "2" });

function article(id: string, fields: Partial<Article>): Article {
  return {
    id,
    slug: id,
    title: `Headline ${id}`,
    summary: "Summary.",
    paragraphs: ["Body."],
    category: "Sociedad",
    tags: [],
    published: "2024-02-14T12:00:00Z",
    updated: "2024-02-14T12:00:00Z",
    ...fields,
  };
}

/** What each format declares for a document, read by an XML parser and JSON.parse. */
function declared(articles: Article[], kind: "site" | "section", page?: number): { rss?: string; atom: string; json?: string } {
  const collections = collect(articles, SITE.title);
  const grouped = kind === "site" ? collections.site : [...collections.sections.values()][0]!;
  // Archive pages of two, as the pack would cut them for a site that records that size.
  const collection = { ...grouped, archive: slotsOf(2, () => grouped.articles) };
  const feed = feedDocument(SITE, collection, page);
  const languages = child(parseXml(renderRss(feed, { ttlMinutes: 5 })).documentElement!, "channel").getElementsByTagName("language");
  return {
    ...(languages.length === 0 ? {} : { rss: languages[0]!.textContent! }),
    atom: parseXml(renderAtom(feed)).documentElement!.getAttribute("xml:lang")!,
    ...(Object.hasOwn(JSON.parse(renderJsonFeed(feed)), "language") ? { json: JSON.parse(renderJsonFeed(feed)).language } : {}),
  };
}

const spanish = [article("es-3", { language: "es", published: "2024-02-16T12:00:00Z" }), article("es-2", { language: "es", published: "2024-02-15T12:00:00Z" }), article("es-1", { language: "es" })];
const english = article("en-1", { category: "World", published: "2024-02-17T12:00:00Z" });

describe("a document declares the language its articles share", () => {
  it("an all-Spanish section says es in RSS, Atom and JSON Feed", () => {
    expect(declared(spanish, "section")).toEqual({ rss: "es", atom: "es", json: "es" });
  });

  it("a mixed document declares no language in RSS nor JSON Feed, where each JSON item says its own", () => {
    expect(declared([english, ...spanish], "site")).toEqual({ atom: "en" });
    const feed = feedDocument(SITE, collect([english, ...spanish], SITE.title).site);
    expect(JSON.parse(renderJsonFeed(feed)).items.map((item: { language?: string }) => item.language)).toEqual(["en", "es"]);
  });

  it("a mixed Atom feed says the site's language, its title's, and each entry in another language says its own", () => {
    const entries = children(parseXml(renderAtom(feedDocument(SITE, collect([english, ...spanish], SITE.title).site))).documentElement!, "entry", NS.atom);
    expect(entries.map((entry) => entry.getAttribute("xml:lang") || undefined)).toEqual([undefined, "es"]);
  });

  it("an article too short to detect is in the site's language: an all-English feed still says en", () => {
    expect(declared([english, article("en-2", { category: "World" })], "site")).toEqual({ rss: "en", atom: "en", json: "en" });
  });

  it("an archive page is decided by its own articles, so it never changes when newer ones are added", () => {
    // Page 1 (the two oldest, Spanish) says es whether or not an English article arrives later.
    const before = declared(spanish, "site", 1);
    expect(before).toEqual({ rss: "es", atom: "es", json: "es" });
    expect(declared([english, ...spanish], "site", 1)).toEqual(before);
  });
});

describe("pages", () => {
  it("a collection page of Spanish articles says lang=es, and the site's own words around them say en", () => {
    const collections = collect(spanish, SITE.title);
    const doc = parseHtml(renderCollectionPage(SITE, collections, collections.sections.get("sociedad")!));
    expect(doc.documentElement!.getAttribute("lang")).toBe("es");
    for (const name of ["header", "footer"]) expect(doc.getElementsByTagName(name)[0]!.getAttribute("lang"), name).toBe("en");
    // Items in the page's language need no lang of their own.
    for (const li of Array.from(doc.getElementsByTagName("ol")[0]!.getElementsByTagName("li"))) expect(li.hasAttribute("lang")).toBe(false);
  });

  it("the home page follows the same rule as the site feed: all Spanish, lang=es, the site's words around it en", () => {
    const doc = parseHtml(renderHomePage(SITE, collect(spanish, SITE.title)));
    expect(doc.documentElement!.getAttribute("lang")).toBe("es");
    expect(doc.getElementsByTagName("h1")[0]!.getAttribute("lang")).toBe("en");
    expect(parseHtml(renderHomePage(SITE, collect([english, ...spanish], SITE.title))).documentElement!.getAttribute("lang")).toBe("en");
  });

  it("an Arabic article is right to left on its page and in lists, its chrome left to right", () => {
    const arabic = article("ar-1", { language: "ar", category: "الشرق الأوسط", title: "معرض للكتاب في دبي", authors: ["Jane Roe"], agency: "Reuters" });
    const collections = collect([english, arabic], SITE.title);
    const page = parseHtml(renderArticlePage(SITE, collections, arabic));
    const element = page.getElementsByTagName("article")[0]!;
    expect([element.getAttribute("lang"), element.getAttribute("dir")]).toEqual(["ar", "rtl"]);
    const byline = Array.from(element.getElementsByTagName("p")).find((p) => p.textContent?.startsWith("By "))!;
    expect([byline.getAttribute("lang"), byline.getAttribute("dir")]).toEqual(["en", "ltr"]);
    expect(page.documentElement!.hasAttribute("dir")).toBe(false);

    const home = parseHtml(renderHomePage(SITE, collections));
    const items = Array.from(home.getElementsByTagName("ol")[0]!.getElementsByTagName("li"));
    expect(items.map((li) => [li.getAttribute("lang") || undefined, li.getAttribute("dir") || undefined])).toEqual([[undefined, undefined], ["ar", "rtl"]]);

    const section = parseHtml(renderCollectionPage(SITE, collections, collections.sections.get([...collections.sections.keys()].find((slug) => slug !== "world")!)!));
    expect([section.documentElement!.getAttribute("lang"), section.documentElement!.getAttribute("dir")]).toEqual(["ar", "rtl"]);
    expect(section.getElementsByTagName("header")[0]!.getAttribute("dir")).toBe("ltr");
  });

  it("a Hebrew seed without a language of its own is still right to left, by its text", () => {
    const hebrew = article("he-1", { title: "תערוכת ספרים בתל אביב" });
    const element = parseHtml(renderArticlePage(SITE, collect([hebrew], SITE.title), hebrew)).getElementsByTagName("article")[0]!;
    expect(element.getAttribute("dir")).toBe("rtl");
  });

  it("page dates are written in the article's language", () => {
    const cases: Array<[string | undefined, string]> = [
      [undefined, "21 January 2022"],
      ["es", "21 de enero de 2022"],
      ["fr", "21 janvier 2022"],
      ["de", "21. Januar 2022"],
      ["pt", "21 de janeiro de 2022"],
      ["nb", "21. januar 2022"],
      ["ja", "2022年1月21日"],
      ["uk", "21 січня 2022 р."],
    ];
    for (const [language, shown] of cases) {
      const a = article(`d-${language}`, { published: "2022-01-21T12:00:00Z", ...(language === undefined ? {} : { language }) });
      const time = parseHtml(renderArticlePage(SITE, collect([a], SITE.title), a)).getElementsByTagName("time")[0]!;
      expect(time.textContent, language).toBe(shown);
      expect(time.getAttribute("datetime")).toBe("2022-01-21T12:00:00Z");
    }
  });
});

describe("dates in the article's language", () => {
  it("every month in each language, the French first of the month, day first for plain en, ISO 8601 for a language the runtime has no data for", () => {
    const months = (language: string) => Array.from({ length: 12 }, (_, m) => humanDate(`2024-${String(m + 1).padStart(2, "0")}-01T12:00:00Z`, language));
    expect(months("en").at(-1)).toBe("1 December 2024");
    expect(months("es")).toEqual(["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"].map((m) => `1 de ${m} de 2024`));
    expect(months("fr")).toEqual(["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"].map((m) => `1er ${m} 2024`));
    expect(months("de-AT")).toEqual(["Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"].map((m) => `1. ${m} 2024`));
    expect(humanDate("2024-06-03T23:59:59Z", "ar")).toBe("3 يونيو 2024");
    expect(humanDate("2024-06-03T00:00:00Z", "en-GB")).toBe("3 June 2024");
    expect(humanDate("2024-06-03T00:00:00Z", "en-US")).toBe("June 3, 2024");
    expect(humanDate("2024-06-03T00:00:00Z", "pt-BR")).toBe("3 de junho de 2024");
    expect(humanDate("2024-06-03T00:00:00Z", "x-klingon")).toBe("2024-06-03");
    expect(humanDate("2024-06-03T00:00:00Z", "sco")).toBe("2024-06-03");
  });

  it("directions by language tag: script subtags decide over the language", () => {
    expect(["ar", "he", "fa", "ur", "yi", "ar-EG", "pa-Arab"].map(languageDirection)).toEqual(Array(7).fill("rtl"));
    expect(["en", "es", "fr", "de", "tr", "az-Latn", "ku"].map(languageDirection)).toEqual(Array(7).fill("ltr"));
  });
});
