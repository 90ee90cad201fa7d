/**
 * The HTML the feeds link to: the home page and every article page, fetched
 * over HTTP from the links in the feeds (current and archived). Each is
 * served, canonical to its own URL, and shows the seed's headline and
 * paragraphs with copy markup escaped.
 */
import { describe, expect, it } from "vitest";
import { parseHtml } from "../support/documents";
import { wranglerVar } from "./support/articles";
import { servedSite } from "./support/site";

const site = await servedSite();
const siteFeed = site.subscriptions.find((subscription) => subscription.kind === "site")!;
/** Every article, newest first. */
const expected = siteFeed.items;

describe("HTML pages", () => {
  it("the home page lists the site feed's articles, linking to their pages", () => {
    expect(site.home.status).toBe(200);
    expect(site.home.contentType).toMatch(/^text\/html;\s*charset=utf-8$/i);
    const list = Array.from(parseHtml(site.home.body).getElementsByTagName("ol"))[0]!;
    const links = Array.from(list.getElementsByTagName("a")).map((a) => ({ url: new URL(a.getAttribute("href")!, site.home.url).href, title: a.textContent }));
    expect(links).toEqual(siteFeed.current.expected.map((item) => ({ url: item.url, title: item.title })));
  });

  it("every article page is served with its headline and paragraphs as text", () => {
    expect([...site.pages.keys()].sort()).toEqual(expected.map((item) => item.url).sort());
    for (const want of expected) {
      const page = site.pages.get(want.url)!;
      expect(page.status, want.url).toBe(200);
      expect(page.contentType).toMatch(/^text\/html;\s*charset=utf-8$/i);
      const doc = parseHtml(page.body);
      const canonical = Array.from(doc.getElementsByTagName("link")).find((link) => link.getAttribute("rel") === "canonical");
      expect(canonical?.getAttribute("href"), want.url).toBe(want.url);
      const [h1, ...moreH1] = Array.from(doc.getElementsByTagName("h1"));
      expect(moreH1, want.url).toEqual([]);
      expect(h1!.childNodes.length, `${want.url}: <h1> holds markup`).toBe(1);
      expect(h1!.textContent, want.url).toBe(want.title);
      // The body: the article's paragraphs without a class (dateline, byline and credits have one).
      const article = doc.getElementsByTagName("article")[0]!;
      const paragraphs = Array.from(article.getElementsByTagName("p")).filter((p) => !p.getAttribute("class"));
      for (const p of paragraphs) expect(p.childNodes.length, `${want.url}: markup inside a paragraph`).toBeLessThanOrEqual(1);
      expect(paragraphs.map((p) => p.textContent), want.url).toEqual(want.paragraphs);
    }
  });

  it("each article page says the article's language and direction, and writes its date in that language", () => {
    // Written out by hand for the corpus's languages: English, Spanish, French and Arabic (CLDR's words, Western digits).
    const dates: Record<string, string> = {
      "reuters-london-markets": "7 March 2024",
      "efe-madrid-espanol": "14 de febrero de 2024",
      "afp-paris-francais": "5 mai 2024",
      "rtl-arabic-hebrew": "3 يونيو 2024",
    };
    const siteLanguage = wranglerVar("SITE_LANGUAGE");
    for (const want of expected) {
      const doc = parseHtml(site.pages.get(want.url)!.body);
      expect(doc.documentElement!.getAttribute("lang"), want.url).toBe(siteLanguage);
      const article = doc.getElementsByTagName("article")[0]!;
      expect(article.getAttribute("lang") || siteLanguage, want.url).toBe(want.language);
      expect(article.getAttribute("dir") || "ltr", want.url).toBe(want.language === "ar" ? "rtl" : "ltr");
      const date = dates[want.article.id];
      if (date !== undefined) expect(article.getElementsByTagName("time")[0]!.textContent, want.url).toBe(date);
    }
    expect(expected.filter((item) => dates[item.article.id] !== undefined)).toHaveLength(Object.keys(dates).length);
  });

  it("a page with a picture shows it sized, described and credited, before the story", () => {
    const pictured = expected.filter((item) => item.article.image !== undefined);
    expect(pictured.length).toBeGreaterThan(0);
    for (const want of pictured) {
      const image = want.article.image!;
      const doc = parseHtml(site.pages.get(want.url)!.body);
      const [figure, ...more] = Array.from(doc.getElementsByTagName("figure"));
      expect(more, want.url).toEqual([]);
      const img = figure!.getElementsByTagName("img")[0]!;
      expect(["src", "alt", "width", "height"].map((name) => img.getAttribute(name)), want.url).toEqual([
        image.url, image.alt ?? image.caption ?? "", image.width?.toString() ?? null, image.height?.toString() ?? null,
      ]);
      const caption = [image.caption, image.credit].filter((part) => part !== undefined).join(" — ");
      expect(figure!.getElementsByTagName("figcaption")[0]?.textContent ?? "", want.url).toBe(caption);
      // Its policy lets the browser load it: img-src allows the picture's scheme.
      const policy = site.pages.get(want.url)!.headers.get("Content-Security-Policy")!;
      expect(/img-src ([^;]*)/.exec(policy)![1]!.split(" "), want.url).toContain(new URL(image.url).protocol);
    }
  });

  it("no page carries a script element", () => {
    for (const page of [site.home, ...site.pages.values()]) expect(page.body, page.url).not.toMatch(/<script\b/i);
  });
});
