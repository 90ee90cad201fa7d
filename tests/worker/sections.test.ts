import { describe, expect, it } from "vitest";
import { articles as compile, seedText } from "../support/seeds";
import { SITE, workerFor } from "../support/worker";
import { legacyCollectionSlug } from "../../src/content/legacy-slugs";

const SIGN_OFF_BODY = "Second paragraph. EFE";
import { NS, child, children, parseXml, text } from "../support/documents";

const seeds = {
  "a1.txt": seedText({ section: "Politics", headline: "Talks open in Geneva", body: ["Geneva, Jan 10 (EFE).- Talks opened on Monday.", SIGN_OFF_BODY, "ab/cd"], frontMatter: ["tags: Ukraine, Diplomacy"] }),
  "a2.txt": seedText({ section: "politics ", headline: "Talks go on", body: ["Geneva, Jan 11 (EFE).- Talks went on.", SIGN_OFF_BODY, "ab/cd"], frontMatter: ["tags: ukraine"] }),
  "a3.txt": seedText({ section: "Economía", headline: "Sube el paro", body: ["Madrid, 12 ene (EFE).- El paro subió en enero, según los datos de la oficina de empleo y de la seguridad social.", SIGN_OFF_BODY, "ab/cd"] }),
  "a4.txt": seedText({ section: "Politics", headline: "Talks end", body: ["Geneva, Jan 13 (EFE).- Talks ended.", SIGN_OFF_BODY, "ab/cd"] }),
};
const articles = compile(seeds);
const fetchSite = workerFor(articles);

describe("feeds per section and per tag", () => {
  it("spellings that differ in case or spacing share one lowercase ASCII slug", async () => {
    const feed = JSON.parse(await (await fetchSite("/sections/politics/feed.json")).text());
    expect(feed.items.map((item: { title: string }) => item.title)).toEqual(["Talks end", "Talks go on", "Talks open in Geneva"]);
    expect((await fetchSite("/sections/economia/feed.json")).status).toBe(200);
    expect((await fetchSite("/tags/ukraine/feed.json")).status).toBe(200);
  });

  it("each has its own title, self link, ETag and Last-Modified, in every format", async () => {
    const rss = await fetchSite("/sections/politics/feed.xml");
    const channel = child(parseXml(await rss.text()).documentElement!, "channel");
    expect(text(channel, "title")).toBe("Politics · wirefeed");
    expect(child(channel, "link", NS.atom).getAttribute("href")).toBe(`${SITE}/sections/politics/feed.xml`);
    expect(text(channel, "link", null)).toBe(`${SITE}/sections/politics`);
    expect(rss.headers.get("Last-Modified")).toBe("Tue, 13 Jan 2026 12:00:00 GMT");
    const siteFeed = await fetchSite("/feed.xml");
    expect(rss.headers.get("ETag")).not.toBe(siteFeed.headers.get("ETag"));

    const atom = parseXml(await (await fetchSite("/tags/diplomacy/atom.xml")).text()).documentElement!;
    expect(text(atom, "title")).toBe("#Diplomacy · wirefeed");
    expect(text(atom, "id")).toBe("tag:wirefeed.example.com,2022:tag:diplomacy");
    expect(children(atom, "entry")).toHaveLength(1);
    const economy = await fetchSite("/sections/economia/feed.xml");
    expect(economy.headers.get("Last-Modified")).toBe("Mon, 12 Jan 2026 12:00:00 GMT");
  });

  it("unknown sections and tags are 404s", async () => {
    for (const path of ["/sections/sport/feed.xml", "/tags/nothing/atom.xml", "/sections/Politics/feed.xml", "/sections/sport"]) {
      expect((await fetchSite(path)).status, path).toBe(404);
    }
  });
});

describe("archives (RFC 5005)", () => {
  const many = compile(
    Object.fromEntries(
      Array.from({ length: 7 }, (_, i) => [
        `n${i}.txt`,
        seedText({ section: "World", headline: `Story number ${i + 1}`, body: [`Paris, Mar ${i + 1} (EFE).- Story ${i + 1} broke.`, SIGN_OFF_BODY, "ab/cd"] }),
      ]),
    ),
  );
  const fetchArchived = workerFor(many, { FEED_ITEMS: "3" }, { archivePageSize: 3 });
  const titles = (xml: string) => children(child(parseXml(xml).documentElement!, "channel"), "item").map((item) => text(item, "title"));
  const links = (xml: string) =>
    Object.fromEntries(
      children(child(parseXml(xml).documentElement!, "channel"), "link", NS.atom).map((link) => [link.getAttribute("rel"), link.getAttribute("href")]),
    );

  it("the current feed shows the newest items and links to the newest full archive page", async () => {
    const current = await (await fetchArchived("/feed.xml")).text();
    expect(titles(current)).toEqual(["Story number 7", "Story number 6", "Story number 5"]);
    expect(links(current)["prev-archive"]).toBe(`${SITE}/archive/2/feed.xml`);
    expect(current).not.toContain("<fh:archive/>");
  });

  it("archive pages hold fixed, full pages from the oldest, chained both ways, and every item is reachable", async () => {
    const page1 = await (await fetchArchived("/archive/1/feed.xml")).text();
    const page2 = await (await fetchArchived("/archive/2/feed.xml")).text();
    expect(titles(page1)).toEqual(["Story number 3", "Story number 2", "Story number 1"]);
    expect(titles(page2)).toEqual(["Story number 6", "Story number 5", "Story number 4"]);
    expect(page1).toContain("<fh:archive/>");
    expect(links(page1)).toMatchObject({ current: `${SITE}/feed.xml`, "next-archive": `${SITE}/archive/2/feed.xml`, self: `${SITE}/archive/1/feed.xml` });
    expect(links(page1)["prev-archive"]).toBeUndefined();
    expect(links(page2)).toMatchObject({ current: `${SITE}/feed.xml`, "prev-archive": `${SITE}/archive/1/feed.xml` });
    const reachable = new Set([...titles(await (await fetchArchived("/feed.xml")).text()), ...titles(page1), ...titles(page2)]);
    expect(reachable.size).toBe(7);
  });

  it("archive pages are cached for a day, not immutable (a withdrawn story leaves them); pages that don't exist are 404s", async () => {
    const archived = await fetchArchived("/archive/1/atom.xml");
    expect(archived.headers.get("Cache-Control")).toBe("public, max-age=86400, stale-if-error=86400");
    const atom = parseXml(await archived.text()).documentElement!;
    expect(children(atom, "link").find((l) => l.getAttribute("rel") === "current")?.getAttribute("href")).toBe(`${SITE}/atom.xml`);
    for (const path of ["/archive/0/feed.xml", "/archive/3/feed.xml", "/archive/01/feed.xml", "/archive/x/feed.xml"]) {
      expect((await fetchArchived(path)).status, path).toBe(404);
    }
  });

  it("RSS archive pages don't ask readers to refresh them every few minutes: no <ttl> or sy:update*", async () => {
    const archived = await fetchArchived("/archive/1/feed.xml");
    expect(archived.headers.get("Cache-Control")).toBe("public, max-age=86400, stale-if-error=86400");
    const channel = child(parseXml(await archived.text()).documentElement!, "channel");
    expect(children(channel, "ttl", null)).toEqual([]);
    expect(children(channel, "updatePeriod")).toEqual([]);
    expect(children(channel, "updateFrequency")).toEqual([]);
    // The current feed keeps them: it changes, and they say how often to look.
    const current = child(parseXml(await (await fetchArchived("/feed.xml")).text()).documentElement!, "channel");
    expect(children(current, "ttl", null)).toHaveLength(1);
    expect(children(current, "updatePeriod")).toHaveLength(1);
  });

  it("JSON Feed pages toward older items with next_url", async () => {
    const current = JSON.parse(await (await fetchArchived("/feed.json")).text());
    expect(current.next_url).toBe(`${SITE}/archive/2/feed.json`);
    const page2 = JSON.parse(await (await fetchArchived("/archive/2/feed.json")).text());
    expect(page2.next_url).toBe(`${SITE}/archive/1/feed.json`);
    const page1 = JSON.parse(await (await fetchArchived("/archive/1/feed.json")).text());
    expect(page1.next_url).toBeUndefined();
  });

  it("sections have archives too", async () => {
    const section = await (await fetchArchived("/sections/world/feed.xml")).text();
    expect(links(section)["prev-archive"]).toBe(`${SITE}/sections/world/archive/2/feed.xml`);
    expect((await fetchArchived("/sections/world/archive/1/feed.json")).status).toBe(200);
  });

  it("a corpus that fits in one document has no archive links", async () => {
    const current = await (await fetchSite("/feed.xml")).text();
    expect(current).not.toContain("prev-archive");
    expect((await fetchSite("/archive/1/feed.xml")).status).toBe(404);
  });
});

describe("discovery documents", () => {
  it("/opml.xml lists every feed once, in OPML 2.0", async () => {
    const response = await fetchSite("/opml.xml");
    expect(response.headers.get("Content-Type")).toBe("text/x-opml; charset=utf-8");
    const opml = parseXml(await response.text()).documentElement!;
    expect(opml.getAttribute("version")).toBe("2.0");
    const feeds = Array.from(opml.getElementsByTagName("outline"))
      .filter((outline) => outline.getAttribute("xmlUrl"))
      .map((outline) => outline.getAttribute("xmlUrl"));
    expect(feeds).toEqual([
      `${SITE}/feed.xml`,
      `${SITE}/sections/economia/feed.xml`,
      `${SITE}/sections/politics/feed.xml`,
      `${SITE}/tags/diplomacy/feed.xml`,
      `${SITE}/tags/ukraine/feed.xml`,
    ]);
    for (const url of feeds) expect((await fetchSite(new URL(url!).pathname)).status).toBe(200);
  });

  it("/sitemap.xml lists every page with its lastmod; /robots.txt points to it", async () => {
    const sitemap = parseXml(await (await fetchSite("/sitemap.xml")).text()).documentElement!;
    const entries = Object.fromEntries(children(sitemap, "url").map((url) => [text(url, "loc"), text(url, "lastmod")]));
    expect(entries[`${SITE}/`]).toBe("2026-01-13T12:00:00Z");
    expect(entries[`${SITE}/sections/economia`]).toBe("2026-01-12T12:00:00Z");
    for (const article of articles) expect(entries[`${SITE}/articles/${article.slug}`]).toBe(article.updated);
    for (const loc of Object.keys(entries)) expect((await fetchSite(new URL(loc).pathname)).status, loc).toBe(200);
    expect(await (await fetchSite("/robots.txt")).text()).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });
});

describe("Last-Modified of pages", () => {
  it("a section page is dated by the articles it shows, as the sitemap dates it", async () => {
    const corrected = compile({
      "old.txt": seedText({ section: "World", headline: "Old story", body: ["Paris, Mar 1 (EFE).- Old news.", SIGN_OFF_BODY], frontMatter: ["updated: 2026-06-01T00:00:00Z"] }),
      "new.txt": seedText({ section: "World", headline: "New story", body: ["Paris, Mar 2 (EFE).- New news.", SIGN_OFF_BODY] }),
    });
    const fetchOne = workerFor(corrected, { FEED_ITEMS: "1" });
    const page = await fetchOne("/sections/world");
    expect(page.headers.get("Last-Modified")).toBe("Mon, 02 Mar 2026 12:00:00 GMT");
    const sitemap = parseXml(await (await fetchOne("/sitemap.xml")).text()).documentElement!;
    const lastmod = children(sitemap, "url").find((url) => text(url, "loc") === `${SITE}/sections/world`)!;
    expect(new Date(text(lastmod, "lastmod")).toUTCString()).toBe(page.headers.get("Last-Modified"));
  });
});

describe("distinct names stay distinct (issue 20, item 4)", () => {
  const body = (place: string, day: number) => [`${place}, Jan ${day} (EFE).- Something happened in ${place}.`, SIGN_OFF_BODY, "ab/cd"];
  const distinct = compile({
    "us.txt": seedText({ section: "Мир", headline: "US votes", body: body("Washington", 10), frontMatter: ["tags: Выборы 2024 США, C#"] }),
    "ru.txt": seedText({ section: "Мир", headline: "Russia votes", body: body("Moscow", 11), frontMatter: ["tags: Выборы 2024 Россия, C++"] }),
    "fs.txt": seedText({ section: "Мир!", headline: "F sharp released", body: body("Oslo", 12), frontMatter: ["tags: F#, выборы 2024 сша"] }),
  });
  const fetchDistinct = workerFor(distinct);
  const entries = async (path: string) => {
    const response = await fetchDistinct(path);
    expect(response.status, path).toBe(200);
    return children(parseXml(await response.text()).documentElement!, "entry").map((entry) => text(entry, "title"));
  };

  it("names that differ in letters of any script, or in # and +, are separate collections, each at its own URL", async () => {
    expect(await entries("/tags/%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B-2024-%D1%81%D1%88%D0%B0/atom.xml")).toEqual(["F sharp released", "US votes"]);
    expect(await entries("/tags/%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B-2024-%D1%80%D0%BE%D1%81%D1%81%D0%B8%D1%8F/atom.xml")).toEqual(["Russia votes"]);
    expect(await entries("/tags/c%23/atom.xml")).toEqual(["US votes"]);
    expect(await entries("/tags/c++/atom.xml")).toEqual(["Russia votes"]);
    expect(await entries("/tags/f%23/atom.xml")).toEqual(["F sharp released"]);
    // Spellings that differ in case and meaningless punctuation still share one.
    expect(await entries("/sections/%D0%BC%D0%B8%D1%80/atom.xml")).toEqual(["F sharp released", "Russia votes", "US votes"]);
    // The one URL they shared before issue 20 names none of them now (and redirects nowhere: it named two).
    for (const path of ["/tags/2024", "/tags/c"]) expect((await fetchDistinct(path, { redirect: "manual" })).status, path).toBe(404);
  });

  it("feeds link every category by its own URI, percent-encoded, that answers", async () => {
    const channel = child(parseXml(await (await fetchDistinct("/feed.xml")).text()).documentElement!, "channel");
    const domains = children(channel, "item").flatMap((item) => children(item, "category").map((category): [string, string] => [category.textContent!, category.getAttribute("domain")!]));
    const urls = new Map(domains);
    expect(urls.size).toBe(6);
    expect(new Set(urls.values()).size).toBe(6);
    for (const [name, url] of urls) {
      expect(url, name).toMatch(/^[\x21-\x7e]+$/);
      expect(url.startsWith(`${SITE}/`)).toBe(true);
      expect((await fetchDistinct(url.slice(SITE.length))).status, url).toBe(200);
    }
    expect(urls.get("C++")).toBe(`${SITE}/tags/c++`);
    expect(urls.get("C#")).toBe(`${SITE}/tags/c%23`);
    expect(decodeURI(urls.get("Выборы 2024 Россия")!)).toBe(`${SITE}/tags/выборы-2024-россия`);
  });

  it("a path is decoded once: another encoding of a slug redirects to the site's; a double encoding names nothing", async () => {
    for (const [path, location] of [
      ["/tags/%d0%b2%d1%8b%d0%b1%d0%be%d1%80%d1%8b-2024-%d1%81%d1%88%d0%b0", "/tags/%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B-2024-%D1%81%D1%88%D0%B0"],
      ["/tags/c%2B%2B/feed.xml", "/tags/c++/feed.xml"],
      ["/tags/c%2b%2b/", "/tags/c++"],
    ] as const) {
      const response = await fetchDistinct(path, { redirect: "manual" });
      expect(response.status, path).toBe(301);
      expect(response.headers.get("Location"), path).toBe(location);
    }
    for (const path of ["/tags/c%2523", "/tags/c%252B%252B", "/tags/%D0", "/tags/c#", "/tags/%C3%A9conomia"]) {
      expect((await fetchDistinct(path, { redirect: "manual" })).status, path).toBe(404);
    }
  });
});

describe("sections and tags whose URL moved with issue 20", () => {
  const body = (place: string, day: number) => [`${place}, Jan ${day} (EFE).- Something happened in ${place}.`, SIGN_OFF_BODY, "ab/cd"];
  const moved = compile({
    "ua.txt": seedText({ section: "Україна", headline: "Kyiv votes", body: body("Kyiv", 10), frontMatter: ["tags: Выборы 2024 США, C#"] }),
    "cs.txt": seedText({ section: "Україна", headline: "Kyiv codes", body: body("Kyiv", 11), frontMatter: ["tags: C++"] }),
  });
  const fetchMoved = workerFor(moved);

  it("the slug a name had is the one the old rule gave it", () => {
    expect(["Україна", "Выборы 2024 США", "C#", "C++", "Economía"].map(legacyCollectionSlug)).toEqual(["x-18xeu80", "2024", "c", "c", "economia"]);
  });

  it("redirect (301) from the old slug to the same document at today's, when the old slug named one collection", async () => {
    for (const [path, location] of [
      ["/sections/x-18xeu80", "/sections/%D1%83%D0%BA%D1%80%D0%B0%D1%97%D0%BD%D0%B0"],
      ["/sections/x-18xeu80/feed.xml", "/sections/%D1%83%D0%BA%D1%80%D0%B0%D1%97%D0%BD%D0%B0/feed.xml"],
      ["/tags/2024/atom.xml", "/tags/%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B-2024-%D1%81%D1%88%D0%B0/atom.xml"],
    ] as const) {
      const response = await fetchMoved(path, { redirect: "manual" });
      expect(response.status, path).toBe(301);
      expect(response.headers.get("Location"), path).toBe(location);
      expect((await fetchMoved(location)).status, location).toBe(200);
    }
  });

  it("an old slug that named two collections (C# and C++ were both c) redirects nowhere", async () => {
    expect((await fetchMoved("/tags/c/feed.xml", { redirect: "manual" })).status).toBe(404);
    expect((await fetchMoved("/sections/x-0000000", { redirect: "manual" })).status).toBe(404);
  });
});

