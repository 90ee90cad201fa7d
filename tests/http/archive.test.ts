import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/content/article";
import { openCorpus, packArticles, type Corpus } from "../../src/content/article-pack";
import { parseConfig } from "../../src/config";
import { createApp } from "../../src/http/app";
import { Site } from "../../src/http/site";
import { documentPath } from "../../src/render/urls";
import { archiveOf } from "../support/archive";

/** 60 articles over 9 days, 3 sections and 4 tags, newest first. */
const ARTICLES: Article[] = Array.from({ length: 60 }, (_, i) => {
  const day = String(28 - Math.floor(i / 7)).padStart(2, "0");
  const time = `${String(18 - (i % 7)).padStart(2, "0")}:00:00`;
  return {
    id: `tag:wirefeed.example.com,2022:a${i}`,
    slug: `story-${i}`,
    title: `Story ${i}: talks “resume”`,
    summary: `Summary of story ${i}.`,
    paragraphs: [`Geneva, Jan ${day} (EFE).- Paragraph ${i} of the story, with é and 中文.`, `More of story ${i}.`],
    category: ["Politics", "Economy", "Sports"][i % 3]!,
    tags: [`Tag ${i % 4}`],
    agency: "EFE",
    published: `2022-01-${day}T${time}Z`,
    updated: `2022-01-${day}T${time}Z`,
  };
});

/** Blocks of 3 articles and no deflated block in the pack: the 9 newest articles bundled, 17 blocks archived. */
const { pack, archive } = packArticles(ARTICLES, { perBlock: 3, bundledBytes: 0, archivePageSize: 5 });
const bundled = packArticles(ARTICLES, { archivePageSize: 5 }).pack;
/** Small feeds, so the corpus has archive pages and listings of older articles. */
const config = parseConfig({ ...env, FEED_ITEMS: "5" });


async function bodyOf(site: Site, path: string, name: Parameters<Site["document"]>[0]): Promise<string> {
  const document = await site.document(name, path);
  if (document === undefined) throw new Error(`no document at ${path}`);
  return new TextDecoder().decode(document.representation.body);
}

describe("a site whose oldest article blocks are archived", () => {
  it("serves every document byte for byte as with every block bundled, fetching the archived blocks it needs", async () => {
    expect(archive.size).toBe(17);
    const fetched: string[] = [];
    const sites = { bundled: new Site(config, openCorpus(bundled)), archived: new Site(config, openCorpus(pack), null, archiveOf(archive, fetched)) };
    const names = [...sites.bundled.names()];
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) {
      const path = documentPath(name);
      expect(await bodyOf(sites.archived, path, name), path).toBe(await bodyOf(sites.bundled, path, name));
    }
    // Every archived block was read, each fetched once or again only after its cache let it go.
    expect(new Set(fetched)).toEqual(new Set(archive.keys()));
  });

  it("renders again, fetching what is missing, when a record is gone before the render reads it", async () => {
    const corpus = openCorpus(pack);
    let skipped = 0;
    // A prepare that does nothing the first time, as when a flood of requests evicts the records it parsed.
    const forgetful: Corpus = {
      get articles() {
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
      prepare: (list, files) => (skipped++ === 0 ? Promise.resolve({ release() {} }) : corpus.prepare(list, files)),
    };
    const site = new Site(config, forgetful, null, archiveOf(archive));
    const oldest = ARTICLES.at(-1)!;
    const body = await bodyOf(site, `/articles/${oldest.slug}`, { type: "article", slug: oldest.slug });
    expect(body).toContain(oldest.paragraphs[1]);
    expect(skipped).toBe(2);
  });

  it("through the Worker: the ARCHIVE binding serves the blocks; without it, a 500 that caches nothing and says why in the log", async () => {
    const served: string[] = [];
    const ARCHIVE = {
      fetch: async (input: RequestInfo | URL) => {
        const file = new URL(String(input instanceof Request ? input.url : input)).pathname.slice(1);
        served.push(file);
        const bytes = archive.get(file);
        return bytes === undefined ? new Response("not found", { status: 404 }) : new Response(bytes);
      },
    } as unknown as Fetcher;
    const oldest = ARTICLES.at(-1)!;
    const worker = createApp(openCorpus(pack));
    const response = await worker.fetch(new Request(`http://localhost/articles/${oldest.slug}`), { ...env, ARCHIVE });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(oldest.paragraphs[1]);
    expect(served).toEqual([[...archive.keys()][0]]);

    const unbound = createApp(openCorpus(pack));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const failed = await unbound.fetch(new Request(`http://localhost/articles/${oldest.slug}`), { ...env, ARCHIVE: undefined });
      expect(failed.status).toBe(500);
      expect(failed.headers.get("Cache-Control")).toBe("no-store");
      expect(String(errors.flat())).toMatch(/no archive.*ARCHIVE/);
      // The newest articles are in the bundle: the same Worker serves them.
      expect((await unbound.fetch(new Request(`http://localhost/articles/${ARTICLES[0]!.slug}`), { ...env, ARCHIVE: undefined })).status).toBe(200);
    } finally {
      console.error = original;
    }
  });

  it("a fetched block whose bytes are not the ones its name hashes is a 500 that caches nothing, logged once, never served and never kept", async () => {
    const [oldestFile, nextFile] = [...archive.keys()];
    const inflate = (bytes: Uint8Array) => process.getBuiltinModule("node:zlib").inflateRawSync(bytes).byteLength;
    // The swap the length check let through: another block that inflates to the same length.
    expect(inflate(archive.get(nextFile!)!)).toBe(inflate(archive.get(oldestFile!)!));
    const files = new Map(archive);
    files.set(oldestFile!, archive.get(nextFile!)!);
    const ARCHIVE = {
      fetch: async (input: RequestInfo | URL) => {
        const bytes = files.get(new URL(String(input instanceof Request ? input.url : input)).pathname.slice(1));
        return bytes === undefined ? new Response("not found", { status: 404 }) : new Response(bytes);
      },
    } as unknown as Fetcher;
    const oldest = ARTICLES.at(-1)!;
    const worker = createApp(openCorpus(pack));
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const failed = await worker.fetch(new Request(`http://localhost/articles/${oldest.slug}`), { ...env, ARCHIVE });
      expect(failed.status).toBe(500);
      expect(failed.headers.get("Cache-Control")).toBe("no-store");
      expect(await failed.text()).not.toMatch(/story/i);
      expect(errors).toHaveLength(1);
      expect(String(errors.flat())).toContain(`the archived block ${oldestFile} holds other bytes`);
    } finally {
      console.error = original;
    }
    // The right file deployed again: the same isolate serves the right story, nothing of the wrong file kept.
    files.set(oldestFile!, archive.get(oldestFile!)!);
    const restored = await worker.fetch(new Request(`http://localhost/articles/${oldest.slug}`), { ...env, ARCHIVE });
    expect(restored.status).toBe(200);
    const body = await restored.text();
    expect(body).toContain(oldest.paragraphs[1]);
    const neighbour = ARTICLES.at(-4)!;
    expect(body).not.toContain(neighbour.paragraphs[1]);
  });
});
