import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { envVars, parseConfig } from "../../src/config";
import type { Article } from "../../src/content/article";
import type { Collection } from "../../src/content/collections";
import { PRERENDERED_NAMES, STORED_DOCUMENTS, configKey, openPrerendered, packPrerendered, prerenderedNames, readStored, storedNames } from "../../src/http/prerendered";
import { Site, type Document } from "../../src/http/site";
import { SITEMAP_URLS, sitemapPartCount } from "../../src/render/sitemap";
import { documentPath, type DocumentName } from "../../src/render/urls";
import { prerender } from "../../scripts/prerender";
import { createApp } from "../../src/http/app";
import { plainBody } from "../../src/http/respond";
import { BUDGETS } from "../../src/budgets";
import { gzip } from "../../src/zlib";
import documents from "../generated/articles.documents.bin";
import { FIXTURE_ARTICLES, FIXTURE_CORPUS, fetchWorker } from "../support/worker";
import { packed } from "../support/seeds";

/** What the fixture build prerendered, for the Worker under test's configuration (tests/support/test-vars.ts, not wrangler.toml's [vars]). */
const PRERENDERED = openPrerendered(documents);
const CONFIG = parseConfig(env);

/** A document's bytes as a client that takes no gzip gets them: inflated from the gzip when that is all it holds (a stored one). */
async function plainOf(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await new Response(plainBody(document.representation)).arrayBuffer());
}

async function text(document: Document): Promise<string> {
  return new TextDecoder().decode(await plainOf(document));
}

async function rendered(site: Site, path: string): Promise<Document> {
  const name = PRERENDERED_NAMES.find((candidate) => documentPath(candidate) === path)!;
  return site.document(name)!;
}

/** `document` is `made`'s bytes, validators and headers, and its gzip inflates to those bytes. */
async function expectSame(document: Document, made: Document, path: string): Promise<void> {
  const body = await plainOf(document);
  expect(new TextDecoder().decode(body), path).toBe(new TextDecoder().decode(made.representation.body));
  const { body: _, gzip, ...validators } = document.representation;
  const { body: _body, gzip: _gzip, ...madeValidators } = made.representation;
  expect(validators, path).toEqual(madeValidators);
  expect(document.options, path).toEqual(made.options);
  const inflated = await new Response(new Blob([gzip]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  expect(new Uint8Array(inflated), path).toEqual(body);
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
      await expectSame(prerendered, made, path);
      expect(made.representation.gzip.byteLength).toBeGreaterThan(0);
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
      expect(await text(own), path).toContain("https://news.example.org/");
      expect(await text(own), path).not.toContain(CONFIG.siteUrl);
    }
  });

  it("read back exactly as they were packed", async () => {
    const site = new Site(CONFIG, FIXTURE_CORPUS);
    const made = new Map(await Promise.all(PRERENDERED_NAMES.map(async (name) => [documentPath(name), await site.document(name)!] as const)));
    const reopened = openPrerendered(packPrerendered(envVars(env), CONFIG, made, "", [], ["fr", "pt-BR"]));
    expect(reopened.config).toEqual(CONFIG);
    expect(reopened.configFor(env)).toEqual(CONFIG);
    expect([...reopened.documents()]).toEqual([...made]);
    expect(reopened.languages).toEqual(["fr", "pt-BR"]);
    expect(openPrerendered(packPrerendered(envVars(env), CONFIG, made)).languages).toEqual([]);
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
    expect(await text(after)).toContain("A story under embargo");
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

  /** What the build writes for the Worker's own variables, by the build's own function, its clock before the embargo. */
  const built = (async () => openPrerendered((await prerender(corpus, envVars(env), new Map(), () => BEFORE)).module))();

  it("is prerendered when the sitemap is an index, and only then", async () => {
    const site = new Site(CONFIG, corpus, null, undefined, () => BEFORE);
    expect(sitemapPartCount(CONFIG, site.collections)).toBe(2);
    expect(prerenderedNames(CONFIG, site.collections)).toEqual([...PRERENDERED_NAMES, sitemap]);
    const prerendered = await built;
    expect([...prerendered.documents().keys()].sort()).toEqual(["/", "/atom.xml", "/feed.json", "/feed.xml", "/sitemap.xml"]);
    expect(await text(prerendered.documents().get("/sitemap.xml")!)).toMatch(/^<\?xml[^\n]*\n<sitemapindex /);
    // A sitemap of one urlset (the fixture site's) is not in the bundle: it is stored as a file (below).
    const small = new Site(CONFIG, FIXTURE_CORPUS);
    expect(sitemapPartCount(CONFIG, small.collections)).toBe(0);
    expect(prerenderedNames(CONFIG, small.collections)).toEqual(PRERENDERED_NAMES);
  });

  it("is byte for byte what the Worker renders at run time, with the same headers, and is what it answers with", async () => {
    const prerendered = (await built).documents().get("/sitemap.xml")!;
    await expectSame(prerendered, await new Site(CONFIG, corpus, null, undefined, () => BEFORE).document(sitemap)!, "/sitemap.xml");
    // Held as it is, not as a promise: nothing to render or wait for.
    expect(new Site(CONFIG, corpus, await built, undefined, () => BEFORE).document(sitemap)).toBe(prerendered);
  });

  it("has its parts stored as files, byte for byte what the Worker renders, and answered from them", async () => {
    const { module, files } = await prerender(corpus, envVars(env), new Map(), () => BEFORE);
    const prerendered = openPrerendered(module);
    const rendered = new Site(CONFIG, corpus, null, undefined, () => BEFORE);
    const reads: string[] = [];
    const site = new Site(CONFIG, corpus, prerendered, async (file) => (reads.push(file), files.get(file)!), () => BEFORE);
    for (const part of [1, 2]) {
      const name = { type: "sitemap-part", part } as const;
      const stored = prerendered.stored(`/sitemaps/${part}.xml`)!;
      const served = await site.document(name)!;
      expect(reads.at(-1)).toBe(stored.file);
      await expectSame(served, await rendered.document(name)!, `/sitemaps/${part}.xml`);
    }
    expect(reads).toHaveLength(2);
    expect(site.document({ type: "sitemap-part", part: 3 })).toBeUndefined();
    // The index is in the bundle, not stored again.
    expect(prerendered.stored("/sitemap.xml")).toBeUndefined();
  });

  it("is never served to a Worker configured otherwise: it renders its own, as a Worker without it would", async () => {
    const elsewhere = parseConfig({ ...env, SITE_URL: "https://news.example.org" });
    const own = await new Site(elsewhere, corpus, await built, undefined, () => BEFORE).document(sitemap)!;
    expect(own).not.toBe((await built).documents().get("/sitemap.xml"));
    expect(await text(own)).toContain("<loc>https://news.example.org/sitemaps/1.xml</loc>");
    expect(await text(own)).not.toContain(CONFIG.siteUrl);
    expect(await text(own)).toBe(await text(await new Site(elsewhere, corpus, null, undefined, () => BEFORE).document(sitemap)!));
  });

  it("is served only while the clock shows what the build's showed: past an embargo, the Worker dates the parts itself", async () => {
    const prerendered = (await built).documents().get("/sitemap.xml")!;
    expect(await text(prerendered)).not.toContain(EMBARGO);
    let now = BEFORE;
    const site = new Site(CONFIG, corpus, await built, undefined, () => now);
    expect(site.document(sitemap)).toBe(prerendered);
    now = Date.parse(EMBARGO);
    const after = await site.document(sitemap)!;
    expect(after).not.toBe(prerendered);
    // The held story is the newest page now: the home page, in the first part, changed when it was published.
    expect(await text(after)).toContain(`<loc>${CONFIG.siteUrl}/sitemaps/1.xml</loc><lastmod>${EMBARGO}</lastmod>`);
    expect(await text(after)).toBe(await text(await new Site(CONFIG, corpus, null, undefined, () => now).document(sitemap)!));
    // A Worker started after the instant never takes it up.
    expect(new Site(CONFIG, corpus, await built, undefined, () => now + 1000).document(sitemap)).not.toBe(prerendered);
  });
});

describe("documents the build stored as files: the pages listing the feeds, section and tag feeds, the sitemap or its parts", () => {
  const site = new Site(CONFIG, FIXTURE_CORPUS);
  const names = storedNames(CONFIG, site.collections);
  const feeds = names.filter((name) => name.type === "feed");
  /** The fixture build's [assets] folder as the Worker under test reads it (vitest.config.ts), counting the reads. */
  function assets(read: string[] = []) {
    return async (file: string) => {
      read.push(file);
      const response = await env.ARCHIVE.fetch(`https://archive.invalid/${file}`);
      if (!response.ok) throw new Error(`${file}: ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    };
  }

  it("are every section's and tag's feed, largest first, each a file of the [assets] folder", () => {
    const { sections, tags } = site.collections;
    expect(feeds).toHaveLength(3 * (sections.size + tags.size));
    const sizes = feeds.filter((_, i) => i % 3 === 0).map((name) => name.type === "feed" && (name.collection.kind === "section" ? sections : tags).get(name.collection.slug)!.articles.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => Number(b) - Number(a)));
    for (const name of names) expect(PRERENDERED.stored(documentPath(name)), documentPath(name)).toMatchObject({ file: expect.stringMatching(/^[0-9a-f]{32}\.bin$/) });
    // The site's own are in the bundle, not stored again.
    expect(PRERENDERED.stored("/feed.xml")).toBeUndefined();
  });

  it("are byte for byte what the Worker renders at run time, with the same headers: the feeds, and the pages listing them", async () => {
    const read = assets();
    expect(names.filter((name) => name.type !== "feed").map(documentPath)).toEqual(["/feeds", "/opml.xml", "/sections", "/tags", "/sitemap.xml"]);
    for (const name of names) {
      const path = documentPath(name);
      const stored = await readStored(PRERENDERED.stored(path)!, await read(PRERENDERED.stored(path)!.file));
      await expectSame(stored, await site.document(name)!, path);
    }
  });

  it("are what the Worker answers with: one read of the file, nothing rendered", async () => {
    const name = feeds[0]!;
    const path = documentPath(name);
    const read: string[] = [];
    const files: Uint8Array[] = [];
    const served = new Site(CONFIG, FIXTURE_CORPUS, PRERENDERED, async (file) => files[files.push(await assets(read)(file)) - 1]!);
    const document = await served.document(name)!;
    expect(read).toEqual([PRERENDERED.stored(path)!.file]);
    // Its gzip is the file itself, not a render's.
    expect(document.representation.gzip).toBe(files[0]);
    expect(served.document(name)).toBe(document);
    // Through the Worker: its ARCHIVE binding, asked for that file.
    const asked: string[] = [];
    const ARCHIVE = { fetch: (input: RequestInfo | URL) => (asked.push(new URL(String(input)).pathname.slice(1)), env.ARCHIVE.fetch(input)) } as Fetcher;
    const response = await createApp(FIXTURE_CORPUS, PRERENDERED).fetch(new Request(`http://localhost${path}`, { headers: { "Accept-Encoding": "gzip" } }), { ...env, ARCHIVE });
    expect(response.headers.get("ETag")).toBe(`"${document.representation.hash}-gz"`);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(document.representation.gzip);
    expect(asked).toEqual(read);
    // A client that takes no gzip gets the plain bytes, inflated from the file: what a render makes.
    const plain = await createApp(FIXTURE_CORPUS, PRERENDERED).fetch(new Request(`http://localhost${path}`), { ...env, ARCHIVE });
    const made = (await site.document(name)!).representation.body!;
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    expect(plain.headers.get("Content-Length")).toBe(String(made.byteLength));
    expect(new Uint8Array(await plain.arrayBuffer())).toEqual(made);
    expect(asked).toHaveLength(2);
  });

  it("are inflated once for clients that take no gzip: the plain copy is kept, within a budget of its own", async () => {
    const path = documentPath(feeds[0]!);
    const read = async () => readStored(PRERENDERED.stored(path)!, await assets()(PRERENDERED.stored(path)!.file));
    const stored = await read();
    expect(stored.representation.body).toBeUndefined();
    const first = plainBody(stored.representation);
    expect(new TextDecoder().decode(first)).toBe(new TextDecoder().decode((await site.document(feeds[0]!)!).representation.body));
    // The next plain client's, even through another read of the file (the same bytes, the same hash), is that copy.
    expect(plainBody((await read()).representation)).toBe(first);
    // A document larger than the budget is inflated for each such client and kept for none.
    const large = new Uint8Array(BUDGETS.plainCopies + 1).fill(0x61);
    const oversized = { ...stored.representation, hash: "oversized", gzip: gzip(large), length: large.byteLength };
    const once = plainBody(oversized);
    expect([once.byteLength, once[0], once.at(-1)]).toEqual([large.byteLength, 0x61, 0x61]);
    expect(plainBody(oversized) === once).toBe(false);
  });

  it("are rendered instead, and the failure logged, when the file is missing or not the build's", async () => {
    const name = feeds[0]!;
    const path = documentPath(name);
    const made = await site.document(name)!;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const missing = new Site(CONFIG, FIXTURE_CORPUS, PRERENDERED, async () => Promise.reject(new Error("404")));
      expect(await text(await missing.document(name)!)).toBe(await text(made));
      const file = await assets()(PRERENDERED.stored(path)!.file);
      const altered = file.slice();
      altered[0]! ^= 1;
      const wrong = new Site(CONFIG, FIXTURE_CORPUS, PRERENDERED, async () => altered);
      const answered = await wrong.document(name)!;
      expect(await text(answered)).toBe(await text(made));
      expect(answered.representation.hash).toBe(made.representation.hash);
      expect(errors).toHaveBeenCalledTimes(2);
      expect(String(errors.mock.calls[1])).toContain(path);
    } finally {
      errors.mockRestore();
    }
  });

  it("are never read by a Worker configured otherwise, nor once an embargo lifts", async () => {
    const name = feeds[0]!;
    const read: string[] = [];
    const elsewhere = new Site(parseConfig({ ...env, SITE_URL: "https://news.example.org" }), FIXTURE_CORPUS, PRERENDERED, assets(read));
    expect(await text(await elsewhere.document(name)!)).toContain("https://news.example.org/");
    expect(read).toEqual([]);

    const plain = FIXTURE_ARTICLES.map((article) => ({ ...JSON.parse(JSON.stringify(article)) }));
    const embargo = "2030-01-01T00:00:00Z";
    const held = { ...plain.find((article) => article.category !== undefined)!, id: "held", slug: "held-story", title: "A story under embargo", published: embargo, updated: embargo };
    const corpus = packed([held, ...plain]);
    let now = Date.parse(embargo) - 60_000;
    const { module, files } = await prerender(corpus, envVars(env), new Map(), () => now);
    const prerendered = openPrerendered(module);
    // The feed of the held story's section, which the build stored without it.
    const sections = new Site(CONFIG, corpus, null, undefined, () => Date.parse(embargo)).collections.sections.values();
    const { slug } = [...sections].find((section) => section.articles.some((article) => article.slug === "held-story"))!;
    const named: DocumentName = { type: "feed", collection: { kind: "section", slug }, format: "atom" };
    const reads: string[] = [];
    const live = new Site(CONFIG, corpus, prerendered, async (file) => (reads.push(file), files.get(file)!), () => now);
    const before = await text(await live.document(named)!);
    expect(before).toMatch(/^<\?xml[^\n]*\n<feed /);
    expect(before).not.toContain("A story under embargo");
    expect(reads).toHaveLength(1);
    now = Date.parse(embargo);
    expect(await text(await live.document(named)!)).toContain("A story under embargo");
    expect(reads).toHaveLength(1);
  });

  it("are at most STORED_DOCUMENTS, the largest collections' first", () => {
    const article = FIXTURE_ARTICLES[0]!;
    const tag = (i: number): Collection => ({ kind: "tag", slug: `t${i}`, name: `T${i}`, articles: Array.from({ length: i % 7 }, () => article) });
    const tags = new Map<string, Collection>(Array.from({ length: STORED_DOCUMENTS }, (_, i) => [`t${i}`, tag(i)]));
    const names = storedNames(CONFIG, { site: { kind: "site", slug: "", name: "", articles: [article] }, sections: new Map(), tags });
    expect(names).toHaveLength(STORED_DOCUMENTS);
    // The pages that list every feed and the sitemap come first; then feeds, of the largest tags.
    expect(names.slice(0, 5).map(documentPath)).toEqual(["/feeds", "/opml.xml", "/sections", "/tags", "/sitemap.xml"]);
    expect(names.slice(5).every((name) => name.type === "feed" && tags.get(name.collection.slug)!.articles.length >= 4)).toBe(true);
  });
});
