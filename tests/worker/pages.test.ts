import { describe, expect, it } from "vitest";
import { articles as compile, seedText } from "../support/seeds";
import { SITE, workerFor } from "../support/worker";

const SIGN_OFF_BODY = "Second paragraph. EFE";
import type { Document } from "@xmldom/xmldom";
import { parseHtml } from "../support/documents";

const articles = compile({
  "a1.txt": seedText({ section: "Politics", headline: "Talks open in Geneva", body: ["Geneva, Jan 10 (EFE).- Talks opened.", SIGN_OFF_BODY, "ab/cd"], frontMatter: ["tags: Ukraine", "image: https://cdn.example.org/geneva.jpg"] }),
  "a2.txt": seedText({ section: "Economía", headline: "Sube el paro <b>en enero</b>", body: ["Madrid, 12 ene (EFE).- El paro subió en enero, según los datos de la oficina de empleo y de la seguridad social.", SIGN_OFF_BODY, "ab/cd"] }),
});
const fetchSite = workerFor(articles);
const politics = articles.find((a) => a.category === "Politics")!;
const economia = articles.find((a) => a.category === "Economía")!;

async function page(path: string) {
  const response = await fetchSite(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
  return parseHtml(await response.text());
}

const alternates = (doc: Document) =>
  Array.from(doc.getElementsByTagName("link"))
    .filter((l) => l.getAttribute("rel") === "alternate")
    .map((l) => l.getAttribute("href"));
const meta = (doc: Document, key: string) =>
  Array.from(doc.getElementsByTagName("meta")).find((m) => m.getAttribute("property") === key || m.getAttribute("name") === key)?.getAttribute("content");
const hrefs = (doc: Document) => Array.from(doc.getElementsByTagName("a")).map((a) => a.getAttribute("href"));

describe("HTML pages", () => {
  it("/ lists the newest articles and every section, with landmarks and one h1", async () => {
    const doc = await page("/");
    expect(hrefs(doc)).toEqual(expect.arrayContaining(["/sections/politics", "/sections/economia", `/articles/${politics.slug}`, "/feeds"]));
    expect(doc.getElementsByTagName("h1")).toHaveLength(1);
    for (const landmark of ["header", "nav", "main", "footer"]) expect(doc.getElementsByTagName(landmark).length, landmark).toBeGreaterThan(0);
    expect(alternates(doc)).toEqual([`${SITE}/feed.xml`, `${SITE}/atom.xml`, `${SITE}/feed.json`]);
  });

  it("a section page lists its articles and offers its own feeds, then the site's", async () => {
    const doc = await page("/sections/economia");
    expect(doc.getElementsByTagName("h1")[0]!.textContent).toBe("Economía");
    expect(hrefs(doc)).toContain(`/articles/${economia.slug}`);
    expect(hrefs(doc)).not.toContain(`/articles/${politics.slug}`);
    expect(alternates(doc)).toEqual([
      `${SITE}/sections/economia/feed.xml`, `${SITE}/sections/economia/atom.xml`, `${SITE}/sections/economia/feed.json`,
      `${SITE}/feed.xml`, `${SITE}/atom.xml`, `${SITE}/feed.json`,
    ]);
    expect((await page("/tags/ukraine")).getElementsByTagName("h1")[0]!.textContent).toBe("#Ukraine");
  });

  it("an article page links to its section and tags, shows dateline, agency and <time>, and offers its section's feeds", async () => {
    const doc = await page(`/articles/${politics.slug}`);
    expect(hrefs(doc)).toEqual(expect.arrayContaining(["/sections/politics", "/tags/ukraine"]));
    const time = doc.getElementsByTagName("time")[0]!;
    expect(time.getAttribute("datetime")).toBe(politics.published);
    expect(time.parentNode!.textContent).toMatch(/^Geneva · \d{1,2} January \d{4} · EFE$/);
    expect(alternates(doc)).toContain(`${SITE}/sections/politics/feed.xml`);
    expect(meta(doc, "og:title")).toBe("Talks open in Geneva · wirefeed");
    expect(meta(doc, "og:type")).toBe("article");
    expect(meta(doc, "og:image")).toBe("https://cdn.example.org/geneva.jpg");
    expect(meta(doc, "twitter:card")).toBe("summary_large_image");
    expect(meta(doc, "article:section")).toBe("Politics");
    expect(meta(doc, "og:url")).toBe(`${SITE}/articles/${politics.slug}`);
  });

  it("a Spanish article says lang=es on the page's English chrome, and its headline markup is text", async () => {
    const response = await fetchSite(`/articles/${economia.slug}`);
    const html = await response.text();
    const doc = parseHtml(html);
    expect(doc.documentElement!.getAttribute("lang")).toBe("en");
    expect(doc.getElementsByTagName("article")[0]!.getAttribute("lang")).toBe("es");
    expect(doc.getElementsByTagName("h1")[0]!.textContent).toBe("Sube el paro <b>en enero</b>");
    expect(doc.getElementsByTagName("b")).toHaveLength(0);
    expect(meta(doc, "og:description")).toBe(economia.summary);
  });

  it("/feeds explains how to subscribe and gives every feed's URL in each format", async () => {
    const doc = await page("/feeds");
    const codes = Array.from(doc.getElementsByTagName("code")).map((c) => c.textContent);
    for (const base of ["", "/sections/politics", "/sections/economia", "/tags/ukraine"]) {
      for (const file of ["feed.xml", "atom.xml", "feed.json"]) expect(codes).toContain(`${SITE}${base}/${file}`);
    }
    expect(hrefs(doc)).toContain("/opml.xml");
  });
});
