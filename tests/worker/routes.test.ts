import { describe, expect, it } from "vitest";
import { FIXTURE_ARTICLES, SITE, fetchWorker } from "../support/worker";
import { NS, child, children, parseHtml, parseXml, text } from "../support/documents";

// The fixture corpus (tests/fixtures/seeds): a byte-for-byte copy of the bundled
// sample, the newest, and two older stories in Spanish and French.
const seed = FIXTURE_ARTICLES.find((article) => article.id === "000_854574d7f70e4787")!;
const ARTICLE_URL = `${SITE}/articles/us-russia-hold-frank-talk-but-no-breakthrough-over-ukraine-standoff`;
const HEADLINE = "US, Russia hold ‘frank’ talk but no breakthrough over Ukraine standoff";

async function get(path: string, contentType: string): Promise<string> {
  const response = await fetchWorker(path);
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe(contentType);
  return response.text();
}

describe("the Worker under test", () => {
  it("is src/index.ts serving the fixture corpus, newest first, whatever seeds/ holds", async () => {
    const channel = child(parseXml(await get("/feed.xml", "application/rss+xml; charset=utf-8")).documentElement!, "channel");
    const items = children(channel, "item").map((item) => [text(item, "guid"), text(item, "pubDate")]);
    expect(items).toEqual([
      ["tag:wirefeed.example.com,2022:article:000_854574d7f70e4787", "Fri, 21 Jan 2022 12:00:00 GMT"],
      ["tag:wirefeed.example.com,2022:article:efe-madrid-paro", "Thu, 02 Dec 2021 09:30:00 GMT"],
      ["tag:wirefeed.example.com,2022:article:afp-paris-greve", "Thu, 18 Nov 2021 15:45:00 GMT"],
    ]);
    expect(FIXTURE_ARTICLES.map((article) => article.id)).toEqual(["000_854574d7f70e4787", "efe-madrid-paro", "afp-paris-greve"]);
    // Each item in the language of its copy: the Spanish EFE and the French AFP story are detected as such.
    const feed = JSON.parse(await get("/feed.json", "application/feed+json; charset=utf-8"));
    expect(feed.items.map((item: { language: string }) => item.language)).toEqual(["en", "es", "fr"]);
  });
});

describe("GET /feed.xml", () => {
  it("is RSS 2.0 whose item is the seed, linking to its page, with absolute URLs from the config", async () => {
    const doc = parseXml(await get("/feed.xml", "application/rss+xml; charset=utf-8"));
    const rss = doc.documentElement!;
    expect(rss.getAttribute("version")).toBe("2.0");
    const channel = child(rss, "channel");
    expect(text(channel, "link", null)).toBe(`${SITE}/`);
    expect(text(channel, "lastBuildDate")).toBe("Fri, 21 Jan 2022 12:00:00 GMT");
    expect(child(channel, "link", NS.atom).getAttribute("href")).toBe(`${SITE}/feed.xml`);
    const [item] = children(channel, "item");
    expect(text(item!, "title")).toBe(HEADLINE);
    expect(text(item!, "link", null)).toBe(ARTICLE_URL);
    expect(child(item!, "guid").getAttribute("isPermaLink")).toBe("false");
    expect(text(item!, "guid")).toBe("tag:wirefeed.example.com,2022:article:000_854574d7f70e4787");
    expect(text(item!, "pubDate")).toBe("Fri, 21 Jan 2022 12:00:00 GMT");
    expect(text(item!, "creator", NS.dc)).toBe("EFE");
    expect(text(item!, "category")).toBe("Politics");
    const content = text(item!, "encoded", NS.content);
    expect(content.startsWith("<p>The United States and Russia on Friday")).toBe(true);
    expect(content.endsWith("rejecting them.</p>")).toBe(true);
  });
});

describe("GET /atom.xml", () => {
  it("is Atom 1.0 with the same entry", async () => {
    const feed = parseXml(await get("/atom.xml", "application/atom+xml; charset=utf-8")).documentElement!;
    expect(feed.namespaceURI).toBe("http://www.w3.org/2005/Atom");
    expect(feed.getAttribute("xml:lang")).toBe("en");
    const links = children(feed, "link").map((link) => [link.getAttribute("rel"), link.getAttribute("href")]);
    expect(links).toEqual([
      ["self", `${SITE}/atom.xml`],
      ["alternate", `${SITE}/`],
    ]);
    const [entry] = children(feed, "entry");
    expect(text(entry!, "id")).toBe("tag:wirefeed.example.com,2022:article:000_854574d7f70e4787");
    expect(text(entry!, "published")).toBe("2022-01-21T12:00:00Z");
    expect(child(entry!, "link").getAttribute("href")).toBe(ARTICLE_URL);
    expect(child(entry!, "content").getAttribute("type")).toBe("html");
    expect(child(entry!, "category").getAttribute("term")).toBe("Politics");
    expect(child(entry!, "category").getAttribute("label")).toBe("Politics");
    expect(text(child(entry!, "author"), "name")).toBe("EFE");
  });
});

describe("GET /feed.json", () => {
  it("is JSON Feed 1.1 with the same item", async () => {
    const feed = JSON.parse(await get("/feed.json", "application/feed+json; charset=utf-8"));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    expect(feed.home_page_url).toBe(`${SITE}/`);
    expect(feed.authors).toEqual([{ name: "wirefeed", url: `${SITE}/` }]);
    const [item] = feed.items;
    expect(item).toMatchObject({
      id: "tag:wirefeed.example.com,2022:article:000_854574d7f70e4787",
      url: ARTICLE_URL,
      title: HEADLINE,
      date_published: "2022-01-21T12:00:00Z",
      date_modified: "2022-01-21T12:00:00Z",
      authors: [{ name: "EFE" }],
      tags: ["Politics"],
      language: "en",
    });
    expect(item.content_text.split("\n\n")).toEqual(seed.paragraphs);
  });
});

describe("GET /", () => {
  it("lists the articles newest first and advertises all three feeds", async () => {
    const html = parseHtml(await get("/", "text/html; charset=utf-8"));
    const alternates = Array.from(html.getElementsByTagName("link"))
      .filter((link) => link.getAttribute("rel") === "alternate")
      .map((link) => [link.getAttribute("type"), link.getAttribute("href")]);
    expect(alternates).toEqual([
      ["application/rss+xml", `${SITE}/feed.xml`],
      ["application/atom+xml", `${SITE}/atom.xml`],
      ["application/feed+json", `${SITE}/feed.json`],
    ]);
    const links = Array.from(html.getElementsByTagName("a")).map((a) => a.getAttribute("href"));
    expect(links).toContain(new URL(ARTICLE_URL).pathname);
  });
});

describe("GET /articles/<slug>", () => {
  it("is the article page every feed item links to: headline, dateline, every paragraph, no sign-off or chrome", async () => {
    const page = await get(new URL(ARTICLE_URL).pathname, "text/html; charset=utf-8");
    const html = parseHtml(page);
    expect(html.getElementsByTagName("h1")[0]!.textContent).toBe(HEADLINE);
    const paragraphs = Array.from(html.getElementsByTagName("article")[0]!.getElementsByTagName("p"))
      .filter((p) => !p.getAttribute("class"))
      .map((p) => p.textContent);
    expect(paragraphs).toEqual(seed.paragraphs);
    const time = html.getElementsByTagName("time")[0]!;
    expect(time.getAttribute("datetime")).toBe("2022-01-21T12:00:00Z");
    expect(page).not.toContain("Related Articles");
    expect(page).not.toContain("Back to top button");
    expect(page).not.toMatch(/rejecting them\. EFE/);
  });

  it("absolute URLs come from the config, never from the Host header", async () => {
    const response = await fetchWorker("/feed.xml", { headers: { Host: "evil.example", "X-Forwarded-Host": "evil.example" } });
    expect(await response.text()).not.toContain("evil.example");
  });
});
