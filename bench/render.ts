/**
 * Times one feed renderer on compiled articles, warm (the steady state), in
 * this process, and prints one JSON line.
 *
 *   tsx bench/render.ts --articles bench/out/articles-100.ts --impl wirefeed|feed --format rss|atom|json [--warm-ms 400] [--cold]
 *
 * `--cold` times the first render instead, once, in this fresh process: what a
 * fresh isolate pays for a feed the build did not prerender (the build makes
 * the site's own feeds; src/http/prerendered.ts), so the largest section's
 * feed when it fills a feed (FEED_ITEMS items), else the site feed. The call
 * is the same as warm, and for wirefeed it includes the first read of each
 * article from the pack, as in the Worker.
 *
 * Both implementations get the same items with the same fields: id, link,
 * title, summary, HTML content, author, categories, published and updated.
 */
import { parseArgs } from "node:util";
import { Feed } from "feed";
import { readArticles } from "../scripts/articles-file";
import { parseConfig, type Env, type SiteConfig } from "../src/config";
import { ttlMinutes } from "../src/http/cache-policy";
import { articleBodyHtml } from "../src/render/article-html";
import { renderAtom } from "../src/render/atom";
import { collect, type Collection, type Collections } from "../src/content/collections";
import { feedDocument, type FeedDocument } from "../src/render/feed-document";
import { renderJsonFeed } from "../src/render/json-feed";
import { renderRss } from "../src/render/rss";

export type Format = "rss" | "atom" | "json";
export type Impl = "wirefeed" | "feed";

export interface RenderTiming {
  impl: Impl;
  format: Format;
  items: number;
  bytes: number;
  /** The mean of one call (cold: the one call). */
  ms: number;
  microsPerItem: number;
  /** Present for `--cold`: the figure is the first call in a fresh process. */
  cold?: true;
  /** Present for `--cold`: the collection rendered (`site`, or `section:<slug>`). */
  collection?: string;
}

/** wirefeed: the feed document and the renderer, exactly what `Site.feed` runs per isolate (bytes, ready to send). */
function wirefeedRenderer(config: SiteConfig, collection: Collection, format: Format): () => Uint8Array {
  return () => {
    const document = feedDocument(config, collection);
    if (format === "rss") return renderRss(document, { ttlMinutes: ttlMinutes(config) });
    return format === "atom" ? renderAtom(document) : renderJsonFeed(document);
  };
}

/**
 * `feed` 6.0.0 on the same items (the document model built inside the timed call too). The items
 * come from wirefeed's feed document, made on the first call: warm, that is before the timing;
 * cold, inside the one call, as wirefeed's is (reading the articles from the pack).
 */
function feedRenderer(config: SiteConfig, collection: Collection, format: Format): () => string {
  let made: FeedDocument | undefined;
  return () => {
    const document = (made ??= feedDocument(config, collection));
    const feed = new Feed({
      id: document.id,
      title: document.title,
      description: document.description,
      link: document.homeUrl,
      language: document.language,
      updated: new Date(document.updated),
      generator: "wirefeed",
      feedLinks: document.urls,
      author: { name: document.author.name, link: document.author.url },
      ttl: ttlMinutes(config),
    });
    for (const { article, id, url, categories } of document.items) {
      feed.addItem({
        id,
        guid: id,
        link: url,
        title: article.title,
        description: article.summary,
        content: articleBodyHtml(article),
        date: new Date(article.updated),
        published: new Date(article.published),
        ...(article.authors === undefined ? {} : { author: article.authors.map((name) => ({ name })) }),
        category: categories.map(({ name }) => ({ name })),
      });
    }
    return format === "rss" ? feed.rss2() : format === "atom" ? feed.atom1() : feed.json1();
  };
}

/** Batches `budget` ms of warm calls is cut into: each long enough to hold many calls, and the collections their garbage takes. */
const BATCHES = 8;

/**
 * Milliseconds per call of `render`, in the best of BATCHES batches of
 * whole calls over `budget` ms: other work on the machine only ever adds to
 * a batch (one run's mean over the whole budget read 0.59, 2.01 and 1.23 µs
 * per item for the same code), and a batch still pays its share of the
 * collections its own garbage causes.
 */
function bestBatchMs(render: () => unknown, budget: number): number {
  let best = Infinity;
  for (let batch = 0; batch < BATCHES; batch++) {
    let calls = 0;
    const started = performance.now();
    while (performance.now() - started < budget / BATCHES) {
      render();
      calls++;
    }
    best = Math.min(best, (performance.now() - started) / calls);
  }
  return best;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string" },
      impl: { type: "string", default: "wirefeed" },
      format: { type: "string", default: "rss" },
      vars: { type: "string", default: "{}" },
      "warm-ms": { type: "string", default: "400" },
      cold: { type: "boolean", default: false },
    },
  });
  // The articles as the Worker holds them: a first read decodes, as in a fresh isolate.
  const ARTICLES = readArticles(values.articles!);
  const config = parseConfig(JSON.parse(values.vars!) as Env);
  const format = values.format as Format;
  const impl = values.impl as Impl;
  const collections = collect(ARTICLES, config.title);
  const collection = values.cold ? coldCollection(collections, config.feedItems) : collections.site;
  const render = (impl === "wirefeed" ? wirefeedRenderer : feedRenderer)(config, collection, format);
  const items = Math.min(config.feedItems, collection.articles.length);

  if (values.cold) {
    const started = performance.now();
    const first = render();
    const ms = performance.now() - started;
    const bytes = typeof first === "string" ? Buffer.byteLength(first) : first.byteLength;
    const name = collection.kind === "site" ? "site" : `${collection.kind}:${collection.slug}`;
    const timing: RenderTiming = { impl, format, items, bytes, ms, microsPerItem: (ms * 1000) / items, cold: true, collection: name };
    console.log(JSON.stringify(timing));
    return;
  }
  const first = render();
  const bytes = typeof first === "string" ? Buffer.byteLength(first) : first.byteLength;
  // Warm up until the optimising compiler has settled (as long as the timing), then time whole calls.
  const budget = Number(values["warm-ms"]);
  for (const end = performance.now() + budget; performance.now() < end; ) render();
  const ms = bestBatchMs(render, budget);
  const timing: RenderTiming = { impl, format, items, bytes, ms, microsPerItem: (ms * 1000) / items };
  console.log(JSON.stringify(timing));
}

/** The largest section, when it fills a feed; else the site (see the header). */
function coldCollection(collections: Collections, feedItems: number): Collection {
  let largest: Collection | undefined;
  for (const section of collections.sections.values()) if (largest === undefined || section.articles.length > largest.articles.length) largest = section;
  return largest !== undefined && largest.articles.length >= feedItems ? largest : collections.site;
}

await main();
