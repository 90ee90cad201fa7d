import type { Corpus } from "../content/article-pack";
import type { Collection, Collections } from "../content/collections";
import type { SiteConfig } from "../config";
import { renderAtom } from "../render/atom";
import { feedDocument } from "../render/feed-document";
import { renderArticlePage } from "../render/html/article-page";
import { renderCollectionPage } from "../render/html/collection-page";
import { renderJsonFeed } from "../render/json-feed";
import { renderRss } from "../render/rss";
import { ttlMinutes } from "./cache-policy";

/** Articles the warm-up renders: enough to run every loop body, few enough to cost little. */
const SAMPLE = 2;

/**
 * Renders a feed in each format and two pages of the corpus's newest articles
 * once, and throws the output away, while the isolate starts.
 *
 * A fresh isolate's first request for a document the build did not prerender
 * (a section or tag feed, an archive page, an article) spent most of its time
 * compiling the render code on first use, whatever the document's size: V8
 * compiles each function when it is first called. Cloudflare starts an isolate
 * while the TLS handshake is under way, so that is where this belongs, as the
 * ICU data's load does (render/dates.ts); BENCHMARKS.md measures both sides.
 * The newest articles sit in the pack's raw blocks: nothing is inflated, and
 * nothing rendered here is kept.
 */
export function warmUp(config: SiteConfig, corpus: Corpus): void {
  const count = Math.min(SAMPLE, corpus.count);
  if (count === 0) return;
  try {
    const articles = Array.from({ length: count }, (_, index) => corpus.article(index));
    const collection: Collection = { kind: "section", slug: "warm-up", name: "Warm-up", articles };
    const collections: Collections = { site: { kind: "site", slug: "", name: config.title, articles }, sections: new Map([[collection.slug, collection]]), tags: new Map() };
    const feed = feedDocument(config, collection);
    renderRss(feed, { ttlMinutes: ttlMinutes(config) });
    renderAtom(feed);
    renderJsonFeed(feed);
    renderCollectionPage(config, collections, collection);
    renderArticlePage(config, collections, articles[0]!);
  } catch {
    // Only a speed-up: whatever failed here fails again on the request that needs it, which answers and logs it.
  }
}
