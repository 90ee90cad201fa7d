import type { Article } from "../content/article";
import type { Corpus } from "../content/article-pack";
import type { Collection, Collections } from "../content/collections";
import type { SiteConfig } from "../config";
import { renderAtom } from "../render/atom";
import { prepareDates } from "../render/dates";
import { feedDocument } from "../render/feed-document";
import { renderArticlePage } from "../render/html/article-page";
import { renderCollectionPage } from "../render/html/collection-page";
import { renderJsonFeed } from "../render/json-feed";
import { renderRss } from "../render/rss";
import { ttlMinutes } from "./cache-policy";

/**
 * Articles the warm-up renders. Two ran every loop body once, which compiles
 * the code; with sixteen, the steps that run once per story (parsing its
 * record, escaping and encoding it) have run more often, and V8 optimises a
 * function by how much it has run. An archive page's first request (50
 * stories from archived blocks) at 100,000 articles, over the bare Worker's
 * (`BENCH_ONLY=cold BENCH_SIZES=100000`, two runs each, the same hour):
 * 8.76 and 9.20 ms with two, 7.27 and 7.90 with sixteen, 7.59 with 48; its
 * profile's render and pack read steps are where it went. Startup
 * (`BENCH_ONLY=scale`): 34–40 ms with either, within its spread. All sixteen
 * are in the pack's raw blocks, which hold the newest 65 at least.
 */
export const WARM_UP_ARTICLES = 16;

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
 * nothing rendered here is kept. The date formatters of the site's language
 * and of `languages` (those most of the copy is in, `warmUpLanguages`) are
 * made first, and kept.
 */
export function warmUp(config: SiteConfig, corpus: Corpus, languages: readonly string[] = []): void {
  try {
    prepareDates([config.language, ...languages]);
    const count = Math.min(WARM_UP_ARTICLES, corpus.count);
    if (count === 0) return;
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

/** A language whose dates the warm-up prepares has at least this share of the articles. */
const LANGUAGE_SHARE = 0.01;
/** And at most this many are prepared: each costs a fresh isolate 1.3–1.7 ms of startup (render/dates.ts). */
const MOST_LANGUAGES = 8;

/**
 * The languages of `articles` whose dates the warm-up prepares, most common
 * first: those at least 1 % of the articles are written in (as the build
 * detected or was told), up to 8. A story in any other language still gets
 * its dates, its formatter made on its first page. Those without a language
 * are in the site's, which the warm-up prepares anyway. Tags come back in
 * lower case.
 */
export function warmUpLanguages(articles: Iterable<Pick<Article, "language">>): string[] {
  const counts = new Map<string, number>();
  let total = 0;
  for (const { language } of articles) {
    total++;
    // Tags are case-insensitive (BCP 47), as the formatters are keyed: `pt-BR` and `pt-br` are one language.
    const key = language?.toLowerCase();
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count >= total * LANGUAGE_SHARE)
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))
    .slice(0, MOST_LANGUAGES)
    .map(([language]) => language);
}

/** The site's feed, as the rehearsal asks for it: prerendered, so answered from memory. */
const REHEARSAL_URL = "https://rehearsal.invalid/feed.xml";

/**
 * Answers the requests a poller makes for the site's feed, HEAD and
 * conditional GETs, through `answer` (the Worker's own GET handler, over a
 * site of its own), and throws the answers away, while the isolate starts.
 * Returns the statuses it got, for tests.
 *
 * Compiling the request path (reading the URL, the site, choosing headers, 304s)
 * on first use was most of a fresh isolate's first request for a document
 * already made: 2.3 ms over the bare Worker at 100,000 articles, and the same
 * again on top of every other document's first request (BENCHMARKS.md,
 * section 2). Only answers without a body: workerd refuses to make a
 * Response with one outside a request. `createApp` leaves it out when the
 * clock has left the build's view (nothing prerendered to answer from);
 * should an answer still have to be rendered, the rehearsal stops there.
 */
export function rehearse(answer: (request: Request) => Response | Promise<Response>): number[] {
  const statuses: number[] = [];
  const ask = (init: RequestInit): Response | undefined => {
    const answered = answer(new Request(REHEARSAL_URL, init));
    if (answered instanceof Response) return (statuses.push(answered.status), answered);
    answered.catch(() => undefined);
    return undefined;
  };
  try {
    const gzip = { clientAcceptEncoding: "gzip" };
    const head = ask({ method: "HEAD", cf: gzip });
    if (head === undefined) return statuses;
    ask({ method: "HEAD", cf: {} });
    ask({ headers: { "If-None-Match": head.headers.get("ETag") ?? "" }, cf: gzip });
    ask({ headers: { "If-Modified-Since": head.headers.get("Last-Modified") ?? "" }, cf: {} });
  } catch {
    // Only a speed-up, as the render warm-up is.
  }
  return statuses;
}
