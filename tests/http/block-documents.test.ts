/**
 * Every document of a site whose articles come from all three kinds of block
 * (raw in the pack, deflated in the pack, archived beside the Worker): each
 * is made, and what a gzip client gets inflates to exactly the bytes a plain
 * client gets. The gzip is node:zlib's at GZIP_LEVEL, the archived and
 * deflated blocks are inflated by node:zlib too (src/zlib.ts); here the
 * client's side is the runtime's own DecompressionStream, another inflater.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/content/article";
import { openCorpus, packArticles } from "../../src/content/article-pack";
import { parseConfig } from "../../src/config";
import { Site } from "../../src/http/site";
import { documentPath } from "../../src/render/urls";
import { archiveOf } from "../support/archive";

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

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
}

describe("a site whose pack holds raw, deflated and archived blocks", () => {
  it("makes every document, and its gzip inflates to its bytes", async () => {
    // Blocks of 2: 3 raw, then deflated ones up to 300 bytes, the rest archived.
    const { pack, archive } = packArticles(ARTICLES, { perBlock: 2, bundledBytes: 300, archivePageSize: 5 });
    expect(archive.size).toBeGreaterThan(0);
    const site = new Site(parseConfig({ ...env, FEED_ITEMS: "5" }), openCorpus(pack), null, archiveOf(archive));
    const slugs = new Set<string>();
    let documents = 0;
    for (const name of site.names()) {
      const path = documentPath(name);
      const document = await site.document(name, path);
      if (document === undefined) continue;
      const { body, gzip, length } = document.representation;
      expect(body, path).toBeDefined();
      expect(body!.byteLength, path).toBe(length);
      expect(await gunzip(gzip), path).toEqual(body);
      // Its own buffer, as the caches' byte budgets count it (src/budgets.ts).
      expect(gzip.buffer.byteLength, path).toBe(gzip.byteLength);
      if (name.type === "article") slugs.add(path);
      documents++;
    }
    expect(documents).toBeGreaterThan(50);
    // Every article's page, the archived ones' included.
    expect(slugs.size).toBe(ARTICLES.length);
  });
});
