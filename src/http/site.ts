import type { Article } from "../content/article";
import type { SiteConfig } from "../config";
import { renderAtom } from "../render/atom";
import { siteFeed, newestUpdate, type FeedDocument } from "../render/feed-document";
import { renderArticlePage } from "../render/html/article-page";
import { renderIndexPage } from "../render/html/index-page";
import { renderJsonFeed } from "../render/json-feed";
import { renderRss } from "../render/rss";
import { ttlMinutes } from "./cache-policy";
import { LruMap } from "./lru-map";
import { represent, type Representation } from "./representation";

export const CONTENT_TYPES = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
  html: "text/html; charset=utf-8",
} as const;

export type FeedFormat = "rss" | "atom" | "json";

/**
 * One isolate's state for one configuration: the articles, an index by slug,
 * and the documents rendered so far. Each document is rendered at most once
 * per isolate; later requests, 200 or 304, only choose headers.
 */
export class Site {
  readonly bySlug: ReadonlyMap<string, Article>;
  private readonly fixed = new Map<string, Promise<Representation>>();
  /** One page per article could outgrow an isolate's 128 MB at 10,000 articles: keep the recent ones. */
  private readonly pages = new LruMap<string, Promise<Representation>>(512);
  private feedDocument?: FeedDocument;

  constructor(
    readonly config: SiteConfig,
    readonly articles: readonly Article[],
  ) {
    this.bySlug = new Map(articles.map((article) => [article.slug, article]));
  }

  feed(format: FeedFormat): Promise<Representation> {
    return memo(this.fixed, format, () => {
      const feed = (this.feedDocument ??= siteFeed(this.config, this.articles));
      const text =
        format === "rss" ? renderRss(feed, { ttlMinutes: ttlMinutes(this.config) }) : format === "atom" ? renderAtom(feed) : renderJsonFeed(feed);
      return represent(text, CONTENT_TYPES[format], feed.updated);
    });
  }

  home(): Promise<Representation> {
    return memo(this.fixed, "home", () => {
      const shown = this.articles.slice(0, this.config.feedItems);
      return represent(renderIndexPage(this.config, this.articles), CONTENT_TYPES.html, newestUpdate(shown));
    });
  }

  article(article: Article): Promise<Representation> {
    return memo(this.pages, article.slug, () => represent(renderArticlePage(this.config, article), CONTENT_TYPES.html, article.updated));
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
