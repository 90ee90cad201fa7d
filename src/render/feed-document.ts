import type { Article } from "../content/article";
import type { SiteConfig } from "../config";
import { PATHS, absolute, articleTag, articleUrl } from "./urls";

/**
 * What the three feed renderers share: one feed's metadata and items, with
 * every URL and id already absolute. A renderer only chooses the syntax.
 */
export interface FeedDocument {
  /** Tag URI of the feed itself. */
  id: string;
  title: string;
  description: string;
  language: string;
  author: { name: string; url: string };
  /** The HTML page the feed mirrors. */
  homeUrl: string;
  /** Each format's own URL, for self links and for the other formats' alternates. */
  urls: { rss: string; atom: string; json: string };
  /** Newest `updated` of the items: the feed changes exactly when an item does. */
  updated: string;
  /** WebSub hub that readers may subscribe through, when configured. */
  hub?: string;
  items: FeedItem[];
}

export interface FeedItem {
  article: Article;
  id: string;
  url: string;
  /** The section first, then the tags: RSS/Atom categories and JSON Feed tags. */
  categories: string[];
}

/** The site-wide feed: the newest `site.feedItems` articles (`articles` is newest first). */
export function siteFeed(site: SiteConfig, articles: readonly Article[]): FeedDocument {
  const items = articles.slice(0, site.feedItems).map((article) => ({
    article,
    id: articleTag(site, article),
    url: articleUrl(site, article),
    categories: article.category === undefined ? article.tags : [article.category, ...article.tags],
  }));
  return {
    id: `${site.tagPrefix}feed`,
    title: site.title,
    description: site.description,
    language: site.language,
    author: { name: site.author, url: absolute(site, PATHS.home) },
    homeUrl: absolute(site, PATHS.home),
    urls: { rss: absolute(site, PATHS.rss), atom: absolute(site, PATHS.atom), json: absolute(site, PATHS.json) },
    updated: newestUpdate(items.map((item) => item.article)),
    items,
    ...(site.hub === undefined ? {} : { hub: site.hub }),
  };
}

/** The latest `updated` among `articles`; the Unix epoch for none, so output stays deterministic. */
export function newestUpdate(articles: readonly Article[]): string {
  let newest = "1970-01-01T00:00:00Z";
  let newestTime = 0;
  for (const article of articles) {
    const time = Date.parse(article.updated);
    if (time > newestTime) [newest, newestTime] = [article.updated, time];
  }
  return newest;
}
