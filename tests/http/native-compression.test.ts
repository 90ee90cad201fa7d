/**
 * What a request does, it does without node:zlib: loading it was most of a
 * fresh isolate's first request for every document the build does not
 * prerender (about 5 ms in workerd). Gzip and the pack's deflated and
 * archived blocks go through the runtime's own compression streams.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import type { Article } from "../../src/content/article";
import { openCorpus, packArticles } from "../../src/content/article-pack";
import { parseConfig } from "../../src/config";
import { Site } from "../../src/http/site";
import { documentPath } from "../../src/render/urls";
import { zlib } from "../../src/zlib";
import { archiveOf } from "../support/archive";

vi.mock("../../src/zlib", async (original) => {
  const actual = await original<typeof import("../../src/zlib")>();
  return { ...actual, zlib: vi.fn(actual.zlib) };
});

const ARTICLES: Article[] = Array.from({ length: 40 }, (_, i) => ({
  id: `tag:wirefeed.example.com,2022:n${i}`,
  slug: `story-${i}`,
  title: `Story ${i}`,
  summary: `Summary of story ${i}.`,
  paragraphs: [`Paragraph ${i}, with é and 中文.`, `More of story ${i}.`],
  category: ["Politics", "Economy"][i % 2]!,
  tags: [`Tag ${i % 3}`],
  published: `2022-01-${String(28 - Math.floor(i / 2)).padStart(2, "0")}T12:00:00Z`,
  updated: `2022-01-${String(28 - Math.floor(i / 2)).padStart(2, "0")}T12:00:00Z`,
}));

describe("a site whose pack holds raw, deflated and archived blocks", () => {
  it("makes every document, gzip included, without loading node:zlib", async () => {
    // Blocks of 2: 3 raw, then deflated ones up to 300 bytes, the rest archived.
    const { pack, archive } = packArticles(ARTICLES, { perBlock: 2, bundledBytes: 300, archivePageSize: 5 });
    expect(archive.size).toBeGreaterThan(0);
    vi.mocked(zlib).mockClear();
    const site = new Site(parseConfig({ ...env, FEED_ITEMS: "5" }), openCorpus(pack), null, archiveOf(archive));
    let documents = 0;
    for (const name of site.names()) {
      const document = await site.document(name, documentPath(name));
      if (document === undefined) continue;
      expect(document.representation.gzip.byteLength, documentPath(name)).toBeGreaterThan(0);
      documents++;
    }
    expect(documents).toBeGreaterThan(50);
    expect(vi.mocked(zlib)).not.toHaveBeenCalled();
  });
});
