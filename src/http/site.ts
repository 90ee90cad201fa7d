import type { Article } from "../content/article";
import { collect, type Collection, type Collections } from "../content/collections";
import type { SiteConfig } from "../config";
import { renderAtom } from "../render/atom";
import { archivePageCount, feedDocument, newestUpdate } from "../render/feed-document";
import { renderArticlePage } from "../render/html/article-page";
import { renderCollectionPage } from "../render/html/collection-page";
import { renderFeedsPage } from "../render/html/feeds-page";
import { renderHomePage } from "../render/html/home-page";
import { renderJsonFeed } from "../render/json-feed";
import { renderOpml } from "../render/opml";
import { renderRss } from "../render/rss";
import { renderRobots, renderSitemap } from "../render/sitemap";
import type { FeedFormat } from "../render/urls";
import { ttlMinutes } from "./cache-policy";
import { LruMap } from "../render/lru-map";
import { represent, type Representation } from "./representation";
import type { RespondOptions } from "./respond";

/** What a path resolved to: how to get its representation, and how to answer with it. */
export interface ResolvedRoute {
  load: () => Promise<Representation>;
  options: RespondOptions;
}

export const CONTENT_TYPES = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
  html: "text/html; charset=utf-8",
  opml: "text/x-opml; charset=utf-8",
  xml: "application/xml; charset=utf-8",
  text: "text/plain; charset=utf-8",
} as const;

/**
 * One isolate's state for one configuration: the articles grouped into
 * collections, and the documents rendered so far. Each document is rendered
 * at most once per isolate while it stays in memory; later requests, 200 or
 * 304, only choose headers.
 */
export class Site {
  readonly bySlug: ReadonlyMap<string, Article>;
  readonly collections: Collections;
  /** The site's own feeds and pages: a handful, polled most, kept for the isolate's life. */
  private readonly fixed = new Map<string, Promise<Representation>>();
  /**
   * Everything else (section, tag and archive feeds, article pages): at 10,000
   * articles one of each would outgrow an isolate's 128 MB, so the recent ones.
   */
  private readonly recent = new LruMap<string, Promise<Representation>>(256);
  /**
   * Paths already routed to a representation. A poller asks for the same few
   * URLs forever: after the first time, its request skips the router and goes
   * straight to the validators. Holds loaders, not bytes, so memory stays
   * bounded by the stores above.
   */
  readonly routes = new LruMap<string, ResolvedRoute>(1024);

  constructor(
    readonly config: SiteConfig,
    articles: readonly Article[],
  ) {
    this.bySlug = new Map(articles.map((article) => [article.slug, article]));
    this.collections = collect(articles, config.title);
  }

  /** The collection's current feed, or archive page `page`; undefined when there is no such page. */
  feed(collection: Collection, format: FeedFormat, page?: number): Promise<Representation> | undefined {
    if (page !== undefined && (page < 1 || page > archivePageCount(collection, this.config.feedItems))) return undefined;
    const store = collection.kind === "site" && page === undefined ? this.fixed : this.recent;
    return memo(store, `feed:${collection.kind}:${collection.slug}:${page ?? ""}:${format}`, () => {
      const feed = feedDocument(this.config, collection, page);
      const text = format === "rss" ? renderRss(feed, { ttlMinutes: ttlMinutes(this.config) }) : format === "atom" ? renderAtom(feed) : renderJsonFeed(feed);
      return represent(text, CONTENT_TYPES[format], feed.updated);
    });
  }

  home(): Promise<Representation> {
    return memo(this.fixed, "home", () => represent(renderHomePage(this.config, this.collections), CONTENT_TYPES.html, this.newest(this.config.feedItems)));
  }

  collectionPage(collection: Collection): Promise<Representation> {
    return memo(this.recent, `page:${collection.kind}:${collection.slug}`, () =>
      represent(renderCollectionPage(this.config, this.collections, collection), CONTENT_TYPES.html, newestUpdate(collection.articles.slice(0, this.config.feedItems))),
    );
  }

  article(article: Article): Promise<Representation> {
    return memo(this.recent, `article:${article.slug}`, () =>
      represent(renderArticlePage(this.config, this.collections, article), CONTENT_TYPES.html, article.updated),
    );
  }

  feedsPage(): Promise<Representation> {
    return memo(this.fixed, "feeds", () => represent(renderFeedsPage(this.config, this.collections), CONTENT_TYPES.html, this.newest()));
  }

  opml(): Promise<Representation> {
    return memo(this.fixed, "opml", () => represent(renderOpml(this.config, this.collections), CONTENT_TYPES.opml, this.newest()));
  }

  sitemap(): Promise<Representation> {
    return memo(this.fixed, "sitemap", () => represent(renderSitemap(this.config, this.collections), CONTENT_TYPES.xml, this.newest()));
  }

  robots(): Promise<Representation> {
    return memo(this.fixed, "robots", () => represent(renderRobots(this.config), CONTENT_TYPES.text, this.newest()));
  }

  private newest(count?: number): string {
    const articles = this.collections.site.articles;
    return newestUpdate(count === undefined ? articles : articles.slice(0, count));
  }
}

interface Store {
  get(key: string): Promise<Representation> | undefined;
  set(key: string, value: Promise<Representation>): void;
  delete(key: string): void;
}

function memo(store: Store, key: string, make: () => Promise<Representation>): Promise<Representation> {
  let found = store.get(key);
  if (found === undefined) {
    found = make();
    // A failure must not stick for the isolate's life: forget it so the next request retries.
    found.catch(() => store.delete(key));
    store.set(key, found);
  }
  return found;
}
