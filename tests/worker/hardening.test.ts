import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import type { Corpus } from "../../src/content/article-pack";
import { createApp } from "../../src/http/app";
import { parseHttpDate } from "../../src/http/conditional";
import { openBidi } from "../support/bidi";
import type { Element } from "@xmldom/xmldom";
import { child, children, parseHtml, parseXml, text } from "../support/documents";
import { articles as compile, packed, seedText } from "../support/seeds";
import { workerFor } from "../support/worker";

const BODY = ["Geneva, Jan 10 (EFE).- Talks opened on Monday.", "Second paragraph. EFE", "ab/cd"];
const articles = compile({
  "a.txt": seedText({ section: "Politics", headline: "Talks open", body: BODY, frontMatter: ["tags: Congress"] }),
  "b.txt": seedText({ section: "Sport", headline: "Cup final", body: ["Madrid, Jan 11 (EFE).- The final was played.", "Second paragraph. EFE", "ab/cd"] }),
});
const fetchSite = workerFor(articles);

describe("only the documented URLs answer", () => {
  it("made-up paths around the real ones are 404s, never a document", async () => {
    for (const path of [
      "/sectionsX/politics",
      "/evil-tags/congress/atom.xml",
      "/sectionsX/politics/archive/1/feed.json",
      "/tags-x/congress",
      "/Sections/politics",
      "/sections/politics/feed.xml.bak",
      "/articles/talks-open/extra",
      "/feed.xml/x",
    ]) {
      const response = await fetchSite(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("Cache-Control"), path).toBe("public, max-age=60");
    }
    expect((await fetchSite("/sections/politics")).status).toBe(200);
    expect((await fetchSite("/tags/congress/atom.xml")).status).toBe(200);
  });

  it("a 404 says nothing of the request: the same bytes for every path, whatever the Accept", async () => {
    const hostile = ["/<script>alert(1)</script>", "/%3Cscript%3Ealert(1)%3C/script%3E", "/a%0D%0ASet-Cookie:%20x=1", "/%00", "/articles/%E2%80%AE"];
    for (const accept of ["text/html,application/xhtml+xml,*/*;q=0.8", "application/rss+xml, */*"]) {
      const bodies = new Set<string>();
      for (const path of hostile) {
        const response = await fetchSite(path, { headers: { Accept: accept } });
        expect(response.status).toBe(404);
        const body = await response.text();
        expect(body).not.toMatch(/alert|Set-Cookie|%3C|%0D|\u0000|\u202E/i);
        bodies.add(body);
      }
      expect(bodies.size, accept).toBe(1);
    }
  });

  it("every other method on a document is 405 with Allow; on nothing, 404", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "PURGE"]) {
      const refused = await fetchSite("/feed.xml", { method });
      expect(refused.status, method).toBe(405);
      expect(refused.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
      expect((await fetchSite("/no-such-thing", { method })).status, method).toBe(404);
    }
  });
});

describe("CORS for browser-based readers", () => {
  it("the preflight allows the conditional headers", async () => {
    const preflight = await fetchSite("/feed.xml", {
      method: "OPTIONS",
      headers: { Origin: "https://reader.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match, if-modified-since" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const allowed = preflight.headers.get("Access-Control-Allow-Headers")!.toLowerCase().split(/\s*,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(["if-none-match", "if-modified-since"]));
    expect(preflight.headers.get("Access-Control-Allow-Methods")).toContain("GET");
  });

  it("responses expose their validators to the page that fetched them", async () => {
    for (const path of ["/feed.xml", "/atom.xml", "/feed.json", "/opml.xml", "/"]) {
      const exposed = (await fetchSite(path)).headers.get("Access-Control-Expose-Headers")!.split(/\s*,\s*/);
      expect(exposed, path).toEqual(expect.arrayContaining(["ETag", "Last-Modified"]));
    }
  });
});

describe("weights in Accept and Accept-Encoding (RFC 9110 §12.4.2)", () => {
  it("an invalid weight is no permission to compress", async () => {
    for (const value of ["gzip;q=-1", "gzip;q=abc", "gzip;q=1e-9", 'gzip;q="0"', "gzip;q=1.5", "gzip;q=0.0001", "gzip;q=0", "gzip; q=0, *"]) {
      const response = await fetchSite("/atom.xml", { headers: { "Accept-Encoding": value } });
      expect(response.headers.get("Content-Encoding"), value).toBeNull();
    }
    for (const value of ["gzip", "gzip;q=0.001", "GZIP;Q=1.000", "br;q=1, gzip;q=0.5", "*", "identity;q=0.5, *;q=0.1"]) {
      const response = await fetchSite("/atom.xml", { headers: { "Accept-Encoding": value } });
      expect(response.headers.get("Content-Encoding"), value).toBe("gzip");
    }
  });

  it("/feed honours refusals and wildcards, and an invalid weight never wins", async () => {
    const negotiated = async (accept: string) => {
      const response = await fetchSite("/feed", { headers: { Accept: accept } });
      return response.status === 200 ? response.headers.get("Content-Location") : response.status;
    };
    expect(await negotiated("application/rss+xml;q=0, */*")).toBe("/atom.xml");
    expect(await negotiated("application/rss+xml;q=0, application/atom+xml;q=0, */*;q=0.1")).toBe("/feed.json");
    expect(await negotiated("application/json;q=2, application/rss+xml;q=0.5")).toBe("/feed.xml");
    expect(await negotiated("application/atom+xml;q=abc, application/feed+json;q=0.4")).toBe("/feed.json");
    expect(await negotiated("application/*;q=0.5, application/atom+xml;q=0.9")).toBe("/atom.xml");
    expect(await negotiated("text/html,application/xhtml+xml,*/*;q=0.8")).toBe("/feed.xml");
    expect(await negotiated("text/html")).toBe("/feed.xml");
    expect(await negotiated("*/*;q=0")).toBe(406);
    expect(await negotiated("application/rss+xml;q=0, application/atom+xml;q=0, application/feed+json;q=0, application/json;q=0")).toBe(406);
    // JSON Feed refused by its own name is not given back as application/json through */*.
    expect(await negotiated("application/rss+xml;q=0, application/atom+xml;q=0, application/feed+json;q=0, */*")).toBe(406);
    expect(await negotiated("application/rss+xml;q=0, application/atom+xml;q=0, application/feed+json;q=0, application/*")).toBe(406);
    expect(await negotiated("application/rss+xml;q=0, application/atom+xml;q=0, application/json")).toBe("/feed.json");
  });
});

describe("dates never ahead of the clock", () => {
  const future = articles.map((article, i) => (i === 0 ? { ...article, published: "2099-01-01T12:00:00Z", updated: "2099-01-01T12:00:00Z" } : article));
  const fetchFuture = workerFor(future);

  it("no response carries a Last-Modified later than its Date", async () => {
    // A story dated ahead of the clock is held (an embargo): its URL is a 404 until then, and nothing shows it.
    expect((await fetchFuture(`/articles/${future[0]!.slug}`)).status).toBe(404);
    for (const path of ["/feed.xml", "/", `/articles/${future[1]!.slug}`]) {
      const response = await fetchFuture(path);
      const lastModified = parseHttpDate(response.headers.get("Last-Modified")!)!;
      expect(lastModified, path).toBeLessThanOrEqual(parseHttpDate(response.headers.get("Date")!)!);
    }
  });

  it("an If-Modified-Since on a day its month does not have is ignored, not read as the next month", async () => {
    const lastModified = parseHttpDate((await fetchSite("/feed.xml")).headers.get("Last-Modified")!)!;
    const year = new Date(lastModified * 1000).getUTCFullYear();
    // The copy is dated in January: read as 3 March (as Date.UTC rolls it over), 31 Feb would be a current copy and a 304.
    expect(lastModified).toBeLessThan(Date.UTC(year, 1, 1) / 1000);
    const response = await fetchSite("/feed.xml", { headers: { "If-Modified-Since": `Tue, 31 Feb ${year} 00:00:00 GMT` } });
    expect(response.status).toBe(200);
    expect((await fetchSite("/feed.xml", { headers: { "If-Modified-Since": `Tue, 03 Mar ${year} 00:00:00 GMT` } })).status).toBe(304);
  });

  it("an If-Modified-Since later than now is ignored", async () => {
    const response = await fetchSite("/feed.xml", { headers: { "If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT" } });
    expect(response.status).toBe(200);
  });
});

describe("a failure while rendering", () => {
  it("is a 500 that nothing caches, saying nothing of the failure, and the next request renders again", async () => {
    const corpus = packed(articles);
    let failing = true;
    // The corpus fails once, as a pack that cannot be read would.
    const flaky: Corpus = {
      get articles() {
        if (failing) throw new Error("the pack could not be read");
        return corpus.articles;
      },
      sections: corpus.sections,
      tags: corpus.tags,
      newest: corpus.newest,
      article: (index) => corpus.article(index),
      bySlug: (slug) => corpus.bySlug(slug),
      life: corpus.life,
      count: corpus.count,
      publishedAt: (index) => corpus.publishedAt(index),
      updatedAt: (index) => corpus.updatedAt(index),
      indexOf: (article) => corpus.indexOf(article),
      prepare: (list, archive) => corpus.prepare(list, archive),
    };
    const app = createApp(flaky);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const failed = await app.fetch(new Request("https://x/feed.xml"), env);
      expect(failed.status).toBe(500);
      expect(failed.headers.get("Cache-Control")).toBe("no-store");
      expect(await failed.text()).toBe("Internal error\n");
      expect(logged).toHaveBeenCalled();
      failing = false;
      expect((await app.fetch(new Request("https://x/feed.xml"), env)).status).toBe(200);
    } finally {
      logged.mockRestore();
    }
  });
});

describe("an unbalanced right-to-left override in article text (U+202E) reverses nothing after it", () => {
  const RLO = "\u202E";
  const overridden = compile({
    "o.txt": seedText({ section: `World${RLO}`, headline: `Talks ${RLO}open in Geneva`, body: BODY, frontMatter: [`tags: Congress${RLO}, Budget`] }),
  });
  const fetchOverridden = workerFor(overridden);
  const story = overridden[0]!;
  /** Each piece of article text, as written, leaves nothing open; what follows it is the site's. */
  const closed = (field: string, label: string) => expect(openBidi(field), `${label}: ${JSON.stringify(field)}`).toBe(0);

  it("in <title> and the share titles, the site's name keeps its direction; the page body isolates names in <bdi>", async () => {
    const doc = parseHtml(await (await fetchOverridden(`/articles/${story.slug}`)).text());
    const title = doc.getElementsByTagName("title")[0]!.textContent!;
    expect(title).toContain(RLO);
    const headline = title.slice(0, title.lastIndexOf(" · "));
    expect(headline).toContain("open in Geneva");
    closed(headline, "<title> before the site's name");
    for (const meta of Array.from(doc.getElementsByTagName("meta") as unknown as Element[])) {
      const content = meta.getAttribute("content") ?? "";
      if (content.includes(RLO)) closed(content, `meta ${meta.getAttribute("property") ?? meta.getAttribute("name")}`);
    }
    const tags = Array.from(doc.getElementsByTagName("bdi") as unknown as Element[]).map((bdi) => bdi.textContent);
    expect(tags).toContain(`Congress${RLO}\u202C`);

    const tagPage = parseHtml(await (await fetchOverridden("/tags/congress")).text());
    closed(tagPage.getElementsByTagName("title")[0]!.textContent!.split(" · ")[0]!, "tag page <title>");
    expect(tagPage.getElementsByTagName("h1")[0]!.getElementsByTagName("bdi")).toHaveLength(1);
  });

  it("in every feed format, each title and category is closed", async () => {
    const rss = child(parseXml(await (await fetchOverridden("/tags/congress/feed.xml")).text()).documentElement!, "channel");
    closed(text(rss, "title").split(" · ")[0]!, "RSS channel title");
    for (const item of children(rss, "item")) {
      closed(text(item, "title"), "RSS item title");
      for (const category of children(item, "category")) closed(category.textContent!, "RSS category");
    }
    const atom = parseXml(await (await fetchOverridden("/sections/world/atom.xml")).text()).documentElement!;
    closed(text(atom, "title").split(" · ")[0]!, "Atom feed title");
    for (const entry of children(atom, "entry")) {
      closed(text(entry, "title"), "Atom entry title");
      for (const category of children(entry, "category")) closed(category.getAttribute("label")!, "Atom category label");
    }
    const json = JSON.parse(await (await fetchOverridden("/tags/congress/feed.json")).text());
    closed(json.title.split(" · ")[0], "JSON Feed title");
    for (const item of json.items) {
      closed(item.title, "JSON Feed item title");
      for (const tag of item.tags) closed(tag, "JSON Feed tag");
    }
    expect(JSON.stringify(json)).toContain(RLO);
  });
});
