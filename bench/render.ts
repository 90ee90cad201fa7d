/**
 * Times one feed renderer on compiled articles, warm (the steady state), in
 * this process, and prints one JSON line.
 *
 *   tsx bench/render.ts --articles bench/out/articles-100.ts --impl wirefeed|feed --format rss|atom|json [--warm-ms 400]
 *
 * Both implementations get the same items with the same fields: id, link,
 * title, summary, HTML content, author, categories, published and updated.
 */
import { parseArgs } from "node:util";
import { Feed } from "feed";
import { readArticles } from "../scripts/articles-file";
import type { Article } from "../src/content/article";
import { parseConfig, type Env, type SiteConfig } from "../src/config";
import { ttlMinutes } from "../src/http/cache-policy";
import { articleBodyHtml } from "../src/render/article-html";
import { renderAtom } from "../src/render/atom";
import { collect } from "../src/content/collections";
import { feedDocument } from "../src/render/feed-document";
import { renderJsonFeed } from "../src/render/json-feed";
import { renderRss } from "../src/render/rss";

export type Format = "rss" | "atom" | "json";
export type Impl = "wirefeed" | "feed";

export interface RenderTiming {
  impl: Impl;
  format: Format;
  items: number;
  bytes: number;
  /** The mean of one call. */
  ms: number;
  microsPerItem: number;
}

/** wirefeed: the feed document and the renderer, exactly what `Site.feed` runs per isolate (bytes, ready to send). */
function wirefeedRenderer(config: SiteConfig, articles: readonly Article[], format: Format): () => Uint8Array {
  const { site } = collect(articles, config.title);
  return () => {
    const document = feedDocument(config, site);
    if (format === "rss") return renderRss(document, { ttlMinutes: ttlMinutes(config) });
    return format === "atom" ? renderAtom(document) : renderJsonFeed(document);
  };
}

/** `feed` 6.0.0 on the same items (the document model built inside the timed call too). */
function feedRenderer(config: SiteConfig, articles: readonly Article[], format: Format): () => string {
  const document = feedDocument(config, collect(articles, config.title).site);
  return () => {
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string" },
      impl: { type: "string", default: "wirefeed" },
      format: { type: "string", default: "rss" },
      vars: { type: "string", default: "{}" },
      "warm-ms": { type: "string", default: "400" },
    },
  });
  // The articles as the Worker holds them: a first read decodes, as in a fresh isolate.
  const ARTICLES = readArticles(values.articles!);
  const config = parseConfig(JSON.parse(values.vars!) as Env);
  const format = values.format as Format;
  const impl = values.impl as Impl;
  const render = (impl === "wirefeed" ? wirefeedRenderer : feedRenderer)(config, ARTICLES, format);
  const items = Math.min(config.feedItems, ARTICLES.length);

  const first = render();
  const bytes = typeof first === "string" ? Buffer.byteLength(first) : first.byteLength;
  // Warm up until the optimising compiler has settled (as long as the timing), then time whole calls.
  const budget = Number(values["warm-ms"]);
  for (const end = performance.now() + budget; performance.now() < end; ) render();
  let calls = 0;
  const started = performance.now();
  while (performance.now() - started < budget) {
    render();
    calls++;
  }
  const ms = (performance.now() - started) / calls;
  const timing: RenderTiming = { impl, format, items, bytes, ms, microsPerItem: (ms * 1000) / items };
  console.log(JSON.stringify(timing));
}

await main();
