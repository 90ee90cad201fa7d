import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { envVars, parseConfig } from "../../src/config";
import type { Article } from "../../src/content/article";
import { PRERENDERED_NAMES, configKey, openPrerendered, packPrerendered, prerenderedNames } from "../../src/http/prerendered";
import { Site, type Document } from "../../src/http/site";
import { SITEMAP_URLS, sitemapPartCount } from "../../src/render/sitemap";
import { documentPath } from "../../src/render/urls";
import { prerender } from "../../scripts/prerender";
import documents from "../generated/articles.documents.bin";
import { FIXTURE_ARTICLES, FIXTURE_CORPUS, fetchWorker } from "../support/worker";
import { packed } from "../support/seeds";

/** What the fixture build prerendered, for the Worker under test's configuration (tests/support/test-vars.ts, not wrangler.toml's [vars]). */
const PRERENDERED = openPrerendered(documents);
const CONFIG = parseConfig(env);

async function rendered(site: Site, path: string): Promise<Document> {
  const name = PRERENDERED_NAMES.find((candidate) => documentPath(candidate) === path)!;
  return site.document(name)!;
}

describe("documents prerendered by the build", () => {
  it("were made for the configuration the Worker runs with, and are the site's feeds and home page", () => {
    expect(configKey(PRERENDERED.config)).toBe(configKey(CONFIG));
    // Recognised by its variables, so the Worker need not validate them again…
    expect(PRERENDERED.configFor(env)).toBe(PRERENDERED.config);
    // …and any other variable, even one that parses to the same configuration, is not it.
    expect(PRERENDERED.configFor({ ...env, SITE_URL: "https://news.example.org" })).toBeUndefined();
    expect(PRERENDERED.configFor({ ...env, SITE_URL: `${env.SITE_URL}/` })).toBeUndefined();
    expect([...PRERENDERED.documents().keys()].sort()).toEqual(["/", "/atom.xml", "/feed.json", "/feed.xml"]);
  });

  it("are byte for byte what the Worker renders at run time, with the same headers", async () => {
    const runtime = new Site(CONFIG, FIXTURE_CORPUS);
    for (const [path, prerendered] of PRERENDERED.documents()) {
      const made = await rendered(runtime, path);
      expect(new TextDecoder().decode(prerendered.representation.body), path).toBe(new TextDecoder().decode(made.representation.body));
      const { body, gzip, ...validators } = prerendered.representation;
      const { body: _body, gzip: madeGzip, ...madeValidators } = made.representation;
      expect(validators, path).toEqual(madeValidators);
      expect(prerendered.options, path).toEqual(made.options);
      const inflated = await new Response(new Blob([gzip]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
      expect(new Uint8Array(inflated), path).toEqual(body);
      expect(madeGzip.byteLength).toBeGreaterThan(0);
    }
  });

  it("are what the Worker answers with, without rendering anything", async () => {
    const site = new Site(CONFIG, FIXTURE_CORPUS, PRERENDERED);
    for (const [path, prerendered] of PRERENDERED.documents()) {
      // Held as they are, not as a promise: nothing to render or wait for.
      expect(site.document(PRERENDERED_NAMES.find((name) => documentPath(name) === path)!), path).toBe(prerendered);
      const response = await fetchWorker(path);
      expect(response.headers.get("ETag"), path).toBe(`"${prerendered.representation.hash}"`);
    }
  });

  it("are never served to a Worker configured otherwise: it renders its own", async () => {
    const elsewhere = parseConfig({ ...env, SITE_URL: "https://news.example.org" });
    const site = new Site(elsewhere, FIXTURE_CORPUS, PRERENDERED);
    for (const [path, prerendered] of PRERENDERED.documents()) {
      const own = await rendered(site, path);
      expect(own, path).not.toBe(prerendered);
      expect(new TextDecoder().decode(own.representation.body), path).toContain("https://news.example.org/");
      expect(new TextDecoder().decode(own.representation.body), path).not.toContain(CONFIG.siteUrl);
    }
  });

  it("read back exactly as they were packed", async () => {
    const site = new Site(CONFIG, FIXTURE_CORPUS);
    const made = new Map(await Promise.all(PRERENDERED_NAMES.map(async (name) => [documentPath(name), await site.document(name)!] as const)));
    const reopened = openPrerendered(packPrerendered(envVars(env), CONFIG, made));
    expect(reopened.config).toEqual(CONFIG);
    expect(reopened.configFor(env)).toEqual(CONFIG);
    expect([...reopened.documents()]).toEqual([...made]);
  });

  it("are served only while the clock shows what the build's showed: never hiding a story whose embargo has passed", async () => {
    const plain = FIXTURE_ARTICLES.map((article) => ({ ...JSON.parse(JSON.stringify(article)) }));
    const embargo = "2030-01-01T00:00:00Z";
    const held = { ...plain[0]!, id: "held", slug: "held-story", title: "A story under embargo", published: embargo, updated: embargo };
    const corpus = packed([held, ...plain]);
    let now = Date.parse(embargo) - 60_000;
    const build = new Site(CONFIG, corpus, null, undefined, () => now);
    const made = new Map(await Promise.all(PRERENDERED_NAMES.map(async (name) => [documentPath(name), await build.document(name)!] as const)));
    const prerendered = openPrerendered(packPrerendered(envVars(env), CONFIG, made, build.at().key));
    expect(prerendered.epoch).toBe("1/");
    const site = new Site(CONFIG, corpus, prerendered, undefined, () => now);
    expect(site.document(PRERENDERED_NAMES[0]!)).toBe(prerendered.documents().get("/feed.xml"));
    now = Date.parse(embargo);
    const after = await site.document(PRERENDERED_NAMES[0]!)!;
    expect(after).not.toBe(prerendered.documents().get("/feed.xml"));
    expect(new TextDecoder().decode(after.representation.body)).toContain("A story under embargo");
    // A Worker started after the instant never takes them up.
    const late = new Site(CONFIG, corpus, prerendered, undefined, () => Date.parse(embargo) + 1000);
    expect(late.document(PRERENDERED_NAMES[0]!)).not.toBe(prerendered.documents().get("/feed.xml"));
  });
});

describe("a large site's sitemap index, prerendered by the build", () => {
  /** More pages than one sitemap may list (as in tests/worker/sitemap.test.ts), and one story held until EMBARGO. */
  const EMBARGO = "2030-01-01T00:00:00Z";
  const count = SITEMAP_URLS + 200;
  const articles: Article[] = Array.from({ length: count }, (_, i) => {
    const instant = new Date(Date.UTC(2020, 0, 1) + (count - i) * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    return { id: `a${i}`, slug: `story-${i}`, title: `Story ${i}`, summary: "S.", paragraphs: ["P."], category: `Section ${i % 3}`, tags: [], published: instant, updated: instant };
  });
  const held: Article = { ...articles[0]!, id: "held", slug: "held-story", title: "A story under embargo", published: EMBARGO, updated: EMBARGO };
  const corpus = packed([held, ...articles], { archivePageSize: 1000 });
  const BEFORE = Date.parse(EMBARGO) - 60_000;
  const sitemap = { type: "sitemap" } as const;
  const text = (document: Document) => new TextDecoder().decode(document.representation.body);

  /** What the build writes for the Worker's own variables, by the build's own function, its clock before the embargo. */
  const built = (async () => openPrerendered(await prerender(corpus, envVars(env), new Map(), () => BEFORE)))();

  it("is prerendered when the sitemap is an index, and only then", async () => {
    const site = new Site(CONFIG, corpus, null, undefined, () => BEFORE);
    expect(sitemapPartCount(CONFIG, site.collections)).toBe(2);
    expect(prerenderedNames(CONFIG, site.collections)).toEqual([...PRERENDERED_NAMES, sitemap]);
    const prerendered = await built;
    expect([...prerendered.documents().keys()].sort()).toEqual(["/", "/atom.xml", "/feed.json", "/feed.xml", "/sitemap.xml"]);
    expect(text(prerendered.documents().get("/sitemap.xml")!)).toMatch(/^<\?xml[^\n]*\n<sitemapindex /);
    // A sitemap of one urlset (the fixture site's) is left to the Worker.
    const small = new Site(CONFIG, FIXTURE_CORPUS);
    expect(sitemapPartCount(CONFIG, small.collections)).toBe(0);
    expect(prerenderedNames(CONFIG, small.collections)).toEqual(PRERENDERED_NAMES);
  });

  it("is byte for byte what the Worker renders at run time, with the same headers, and is what it answers with", async () => {
    const prerendered = (await built).documents().get("/sitemap.xml")!;
    const made = await new Site(CONFIG, corpus, null, undefined, () => BEFORE).document(sitemap)!;
    expect(text(prerendered)).toBe(text(made));
    const { body, gzip, ...validators } = prerendered.representation;
    const { body: _body, gzip: _gzip, ...madeValidators } = made.representation;
    expect(validators).toEqual(madeValidators);
    expect(prerendered.options).toEqual(made.options);
    const inflated = await new Response(new Blob([gzip]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
    expect(new Uint8Array(inflated)).toEqual(body);
    // Held as it is, not as a promise: nothing to render or wait for.
    expect(new Site(CONFIG, corpus, await built, undefined, () => BEFORE).document(sitemap)).toBe(prerendered);
  });

  it("is never served to a Worker configured otherwise: it renders its own, as a Worker without it would", async () => {
    const elsewhere = parseConfig({ ...env, SITE_URL: "https://news.example.org" });
    const own = await new Site(elsewhere, corpus, await built, undefined, () => BEFORE).document(sitemap)!;
    expect(own).not.toBe((await built).documents().get("/sitemap.xml"));
    expect(text(own)).toContain("<loc>https://news.example.org/sitemaps/1.xml</loc>");
    expect(text(own)).not.toContain(CONFIG.siteUrl);
    expect(text(own)).toBe(text(await new Site(elsewhere, corpus, null, undefined, () => BEFORE).document(sitemap)!));
  });

  it("is served only while the clock shows what the build's showed: past an embargo, the Worker dates the parts itself", async () => {
    const prerendered = (await built).documents().get("/sitemap.xml")!;
    expect(text(prerendered)).not.toContain(EMBARGO);
    let now = BEFORE;
    const site = new Site(CONFIG, corpus, await built, undefined, () => now);
    expect(site.document(sitemap)).toBe(prerendered);
    now = Date.parse(EMBARGO);
    const after = await site.document(sitemap)!;
    expect(after).not.toBe(prerendered);
    // The held story is the newest page now: the home page, in the first part, changed when it was published.
    expect(text(after)).toContain(`<loc>${CONFIG.siteUrl}/sitemaps/1.xml</loc><lastmod>${EMBARGO}</lastmod>`);
    expect(text(after)).toBe(text(await new Site(CONFIG, corpus, null, undefined, () => now).document(sitemap)!));
    // A Worker started after the instant never takes it up.
    expect(new Site(CONFIG, corpus, await built, undefined, () => now + 1000).document(sitemap)).not.toBe(prerendered);
  });
});
