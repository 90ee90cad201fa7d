import { describe, expect, it } from "vitest";
import type { Article, Withdrawal } from "../../src/content/article";
import { NS, children, child, parseHtml, parseXml } from "../support/documents";
import { SITE, workerFor } from "../support/worker";

/**
 * Issue 17, the Worker's side: embargoes, expiry and withdrawals decided by
 * the Worker's clock (injected here), at request time, with no deploy.
 */

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

function story(i: number, fields: Partial<Article> = {}): Article {
  // One story an hour from 1 February 2026, 00:00 UTC; the caller lists them newest first.
  const published = new Date(at("2026-02-01T00:00:00Z") + i * HOUR).toISOString().replace(".000", "");
  return {
    id: `s${i}`,
    slug: `story-${i}`,
    title: `Headline number ${i}`,
    summary: `Summary ${i}.`,
    paragraphs: [`Paragraph of story ${i}.`],
    category: i % 2 === 0 ? "Politics" : "Economy",
    tags: [`Tag ${i % 3}`],
    published,
    updated: published,
    ...fields,
  };
}

/** Ten ordinary stories, s0 (oldest) … s9, newest first. */
const BASE = Array.from({ length: 10 }, (_, i) => story(i)).reverse();
const EMBARGO = "2026-03-01T06:00:00Z";
const EMBARGOED = story(100, { slug: "summit-deal", title: "Leaders agree summit deal", category: "Summits", tags: ["Geneva talks"], published: EMBARGO, updated: EMBARGO });
const BEFORE = at(EMBARGO) - 100_000; // 100 s before it lifts
const WITH_EMBARGO = [EMBARGOED, ...BASE];

const paths = ["/feed.xml", "/atom.xml", "/feed.json", "/", "/sections", "/tags", "/feeds", "/sitemap.xml", "/opml.xml", "/sections/politics", "/archive/1/atom.xml", "/page/1"];

function lifetimes(cacheControl: string): { maxAge: number; longest: number } {
  const value = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(cacheControl)?.[1] ?? 0);
  const maxAge = value("max-age");
  return { maxAge, longest: maxAge + Math.max(value("stale-while-revalidate"), value("stale-if-error")) };
}

describe("an embargoed story", () => {
  const options = { archivePageSize: 4 };
  const withIt = (clock: number) => workerFor(WITH_EMBARGO, { FEED_ITEMS: "5" }, { ...options, clock: () => clock });
  const without = workerFor(BASE, { FEED_ITEMS: "5" }, { ...options, clock: () => BEFORE });

  it("before its instant, every document is byte for byte, ETag and Last-Modified, what a build without it serves", async () => {
    const held = withIt(BEFORE);
    for (const path of paths) {
      const [a, b] = [await held(path), await without(path)];
      expect(a.status, path).toBe(b.status);
      expect(await a.text(), path).toBe(await b.text());
      for (const header of ["ETag", "Last-Modified", "Content-Type"]) expect(a.headers.get(header), `${header} of ${path}`).toBe(b.headers.get(header));
    }
    // Its section and tag do not exist yet.
    for (const path of ["/sections/summits", "/tags/geneva-talks", "/sections/summits/feed.xml"]) expect((await held(path)).status, path).toBe(404);
  });

  it("before its instant, its URL answers exactly what a URL that never existed answers", async () => {
    const held = withIt(BEFORE);
    const [mine, never] = [await held("/articles/summit-deal"), await held("/articles/no-such-story")];
    expect(mine.status).toBe(404);
    expect(await mine.text()).toBe(await never.text());
    const headers = (response: Response) => [...response.headers].filter(([name]) => name !== "date");
    expect(headers(mine)).toEqual(headers(never));
  });

  it("before its instant, no response may be cached past it: max-age and the stale windows end by then", async () => {
    const held = withIt(BEFORE);
    for (const path of [...paths, "/articles/summit-deal", "/articles/story-1", "/favicon.ico", "/feed.xml/"]) {
      const response = await held(path);
      const { maxAge, longest } = lifetimes(response.headers.get("Cache-Control")!);
      expect(longest, `${path}: ${response.headers.get("Cache-Control")}`).toBeLessThanOrEqual(100);
      expect(maxAge, path).toBeLessThanOrEqual(100);
      expect(response.headers.get("Cache-Control"), path).not.toMatch(/immutable/);
    }
    // Far from the instant, the usual lifetimes.
    expect((await withIt(at(EMBARGO) - 10 * 86_400_000)("/feed.xml")).headers.get("Cache-Control")).toBe("public, max-age=300, stale-while-revalidate=3600, stale-if-error=86400");
  });

  it("appears everywhere at its instant, in the same isolate, with no deploy, dated by its embargo", async () => {
    let now = BEFORE;
    const fetchSite = workerFor(WITH_EMBARGO, { FEED_ITEMS: "5" }, { ...options, clock: () => now });
    // Rendered and kept before the instant…
    expect(await (await fetchSite("/feed.xml")).text()).not.toContain("summit-deal");
    expect((await fetchSite("/articles/summit-deal")).status).toBe(404);
    // …and not served after it.
    for (const instant of [at(EMBARGO), at(EMBARGO) + HOUR]) {
      now = instant;
      for (const path of ["/feed.xml", "/atom.xml", "/feed.json", "/", "/sitemap.xml", "/opml.xml", "/sections", "/tags", "/sections/summits", "/tags/geneva-talks"]) {
        const response = await fetchSite(path);
        expect(response.status, path).toBe(200);
        expect(await response.text(), path).toMatch(/summit-deal|Summits|Geneva talks/);
      }
      const page = await fetchSite("/articles/summit-deal");
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Leaders agree summit deal");
      expect((await fetchSite("/feed.xml")).headers.get("Last-Modified")).toBe(new Date(EMBARGO).toUTCString());
      const atom = parseXml(await (await fetchSite("/atom.xml")).text()).documentElement!;
      expect(children(atom, "entry")[0]!.getElementsByTagNameNS(NS.atom, "published")[0]!.textContent).toBe(EMBARGO);
    }
  });

  it("takes no slot in an archive page before its instant: pages are those of a build without it", async () => {
    const held = withIt(BEFORE);
    for (const path of ["/archive/1/feed.xml", "/archive/2/atom.xml", "/page/2"]) expect(await (await held(path)).text(), path).toBe(await (await without(path)).text());
  });
});

describe("an expiring story", () => {
  const EXPIRES = "2026-03-02T00:00:00Z";
  const licensed = BASE.map((article) => (article.id === "s8" ? { ...article, tags: ["Licensed"], expires: EXPIRES } : article));
  const expiring = licensed.find((article) => article.id === "s8")!;
  let now = at(EXPIRES) - 30_000;
  const fetchSite = workerFor(licensed, { FEED_ITEMS: "5" }, { archivePageSize: 4, clock: () => now });

  it("is shown until its instant, with lifetimes that end by then", async () => {
    now = at(EXPIRES) - 30_000;
    expect((await fetchSite(`/articles/${expiring.slug}`)).status).toBe(200);
    expect((await fetchSite("/tags/licensed")).status).toBe(200);
    for (const path of ["/feed.xml", `/articles/${expiring.slug}`, "/tags/licensed/atom.xml"]) {
      expect(lifetimes((await fetchSite(path)).headers.get("Cache-Control")!).longest, path).toBeLessThanOrEqual(30);
    }
  });

  it("from its instant is gone as a withdrawn story is: 410, no item, its tag gone, a tombstone in the Atom feeds", async () => {
    now = at(EXPIRES);
    const page = await fetchSite(`/articles/${expiring.slug}`);
    expect(page.status).toBe(410);
    expect(await page.text()).not.toContain(expiring.title);
    expect((await fetchSite("/tags/licensed")).status).toBe(404);
    for (const path of ["/feed.xml", "/feed.json", "/", "/sitemap.xml", "/tags", "/sections/politics"]) expect(await (await fetchSite(path)).text(), path).not.toContain(expiring.slug);
    const atom = parseXml(await (await fetchSite("/atom.xml")).text()).documentElement!;
    const [deleted] = children(atom, "deleted-entry", TOMBSTONES);
    expect(deleted?.getAttribute("ref")).toBe(`tag:wirefeed.example.com,2022:article:${expiring.id}`);
    expect(deleted?.getAttribute("when")).toBe(EXPIRES);
    // The document changed when the story went: If-Modified-Since pollers see it.
    expect((await fetchSite("/atom.xml")).headers.get("Last-Modified")).toBe(new Date(EXPIRES).toUTCString());
  });
});

const TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";

describe("a withdrawn story", () => {
  // s7 was killed: the compilation lists it, and its article is no longer among the stories.
  const killed = BASE.find((article) => article.id === "s7")!;
  const withdrawal: Withdrawal = { id: killed.id, slug: killed.slug, withdrawn: "2026-02-20T09:30:00Z", published: killed.published, category: killed.category!, tags: ["Kill notice"] };
  const remaining = BASE.filter((article) => article !== killed);
  const fetchSite = workerFor(remaining, { FEED_ITEMS: "5" }, { archivePageSize: 4, withdrawn: [withdrawal], clock: () => at("2026-03-01T00:00:00Z") });

  it("answers 410 Gone with a short notice, HTML for browsers and text otherwise, never its headline, briefly cached", async () => {
    const browser = await fetchSite(`/articles/${killed.slug}`, { headers: { Accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(browser.status).toBe(410);
    expect(browser.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const html = await browser.text();
    expect(parseHtml(html).getElementsByTagName("h1")[0]!.textContent).toBe("Story withdrawn");
    expect(html).toContain('datetime="2026-02-20T09:30:00Z"');
    const reader = await fetchSite(`/articles/${killed.slug}`, { headers: { Accept: "application/rss+xml, */*" } });
    expect(reader.status).toBe(410);
    expect(reader.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await reader.text()).toMatch(/withdrawn/);
    for (const response of [browser, reader]) {
      expect(response.headers.get("Cache-Control")).toBe("private, max-age=60");
      expect(response.headers.get("Vary")).toBe("Accept");
    }
    expect(html).not.toContain(killed.title);
    expect((await fetchSite(`/articles/${killed.slug}`, { method: "HEAD" })).status).toBe(410);
  });

  it("is in no item, list, count, section or tag, sitemap or OPML; a tag it alone had is gone", async () => {
    for (const path of ["/feed.xml", "/feed.json", "/", "/sitemap.xml", "/opml.xml", "/sections", "/tags", "/sections/economy", "/sections/economy/feed.json"]) {
      const response = await fetchSite(path);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).not.toContain(killed.slug);
    }
    expect((await fetchSite("/tags/kill-notice")).status).toBe(404);
    const rss = parseXml(await (await fetchSite("/feed.xml")).text());
    expect(rss.getElementsByTagNameNS(TOMBSTONES, "deleted-entry")).toHaveLength(0);
  });

  it("has a tombstone in the Atom feeds whose window held it: the site's and its section's, and the archive page of its slot", async () => {
    const ref = `tag:wirefeed.example.com,2022:article:${killed.id}`;
    for (const path of ["/atom.xml", "/sections/economy/atom.xml"]) {
      const atom = parseXml(await (await fetchSite(path)).text()).documentElement!;
      const deleted = children(atom, "deleted-entry", TOMBSTONES);
      expect(deleted.map((element) => element.getAttribute("ref")), path).toEqual([ref]);
      expect(deleted[0]!.getAttribute("when")).toBe("2026-02-20T09:30:00Z");
      expect(children(deleted[0]!, "link")[0]!.getAttribute("href")).toBe(`${SITE}/articles/${killed.slug}`);
      expect(children(atom, "entry").map((entry) => child(entry, "id").textContent)).not.toContain(ref);
    }
    // Its slot (s7 is the 8th story: page 2 of pages of 4) keeps a tombstone for good.
    const page2 = parseXml(await (await fetchSite("/archive/2/atom.xml")).text()).documentElement!;
    expect(children(page2, "deleted-entry", TOMBSTONES).map((element) => element.getAttribute("ref"))).toEqual([ref]);
    expect(children(page2, "entry")).toHaveLength(3);
  });

  it("leaves the site feed's window as newer stories push it out, and its tombstone with it", async () => {
    const newer = Array.from({ length: 5 }, (_, i) => story(20 + i)).reverse();
    const later = workerFor([...newer, ...remaining], { FEED_ITEMS: "5" }, { archivePageSize: 4, withdrawn: [withdrawal], clock: () => at("2026-03-01T00:00:00Z") });
    const atom = parseXml(await (await later("/atom.xml")).text()).documentElement!;
    expect(children(atom, "deleted-entry", TOMBSTONES)).toHaveLength(0);
    expect((await later("/archive/2/atom.xml")).status).toBe(200);
    expect(children(parseXml(await (await later("/archive/2/atom.xml")).text()).documentElement!, "deleted-entry", TOMBSTONES)).toHaveLength(1);
  });

  it("changes only the archive page that held it: slots hold their place", async () => {
    const before = workerFor(BASE, { FEED_ITEMS: "5" }, { archivePageSize: 4, clock: () => at("2026-03-01T00:00:00Z") });
    // s0–s3 on page 1, s4–s7 on page 2 (s7 now a hole), s8, s9 in no full page.
    expect(await (await fetchSite("/archive/1/feed.xml")).text()).toBe(await (await before("/archive/1/feed.xml")).text());
    expect(await (await fetchSite("/archive/2/feed.xml")).text()).not.toBe(await (await before("/archive/2/feed.xml")).text());
    expect((await fetchSite("/archive/3/feed.xml")).status).toBe(404);
  });
});

describe("archive pages depend on nothing but the stories", () => {
  it("changing FEED_ITEMS re-cuts no archive page", async () => {
    const clock = () => at("2026-03-01T00:00:00Z");
    const small = workerFor(BASE, { FEED_ITEMS: "3" }, { archivePageSize: 4, clock });
    const large = workerFor(BASE, { FEED_ITEMS: "8" }, { archivePageSize: 4, clock });
    for (const path of ["/archive/1/feed.xml", "/archive/2/atom.xml", "/archive/1/feed.json", "/page/1", "/page/2", "/sections/politics/archive/1/feed.xml"]) {
      const [a, b] = [await small(path), await large(path)];
      expect(a.status, path).toBe(200);
      expect(await a.text(), path).toBe(await b.text());
      expect(a.headers.get("ETag"), path).toBe(b.headers.get("ETag"));
    }
    expect(await (await small("/feed.xml")).text()).not.toBe(await (await large("/feed.xml")).text());
  });
});

describe("a story's versions on its page", () => {
  it("says when it was updated, and shows the correction note", async () => {
    const corrected = story(9, { updated: "2026-02-01T11:45:00Z", note: "Corrects the name of the minister in paragraph 2." });
    const fetchSite = workerFor([corrected], {}, { clock: () => at("2026-03-01T00:00:00Z") });
    const doc = parseHtml(await (await fetchSite(`/articles/${corrected.slug}`)).text());
    const updated = [...doc.getElementsByTagName("p")].find((p) => p.getAttribute("class") === "meta updated")!;
    expect(updated.textContent).toMatch(/^Updated .*11:45 UTC$/);
    expect(updated.getElementsByTagName("time")[0]!.getAttribute("datetime")).toBe("2026-02-01T11:45:00Z");
    expect([...doc.getElementsByTagName("p")].find((p) => p.getAttribute("class") === "note")?.textContent).toBe(corrected.note);
    const feed = await (await fetchSite("/atom.xml")).text();
    expect(feed).toContain("Corrects the name of the minister");
    // An original, never updated, says nothing of the kind.
    const original = parseHtml(await (await workerFor([story(9)], {}, { clock: () => at("2026-03-01T00:00:00Z") })(`/articles/story-9`)).text());
    expect([...original.getElementsByTagName("p")].some((p) => p.getAttribute("class") === "meta updated")).toBe(false);
  });
});
