import type { Article } from "../content/article";
import type { Collection } from "../content/collections";
import type { SiteConfig } from "../config";

/**
 * Where things live. The HTTP router serves these paths and the documents link
 * to them, so both read them from here.
 */
export const PATHS = {
  home: "/",
  feeds: "/feeds",
  opml: "/opml.xml",
  sitemap: "/sitemap.xml",
  robots: "/robots.txt",
  articlePrefix: "/articles/",
} as const;

export type FeedFormat = "rss" | "atom" | "json";
export const FEED_FORMATS: readonly FeedFormat[] = ["rss", "atom", "json"];

/** File name of each format, under a collection's path or its archive pages. */
export const FEED_FILES: Record<FeedFormat, string> = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" };

export function absolute(site: SiteConfig, path: string): string {
  return `${site.siteUrl}${path}`;
}

/** `` for the site, `/sections/<slug>`, `/tags/<slug>`. */
export function collectionBase(collection: Pick<Collection, "kind" | "slug">): string {
  return collection.kind === "site" ? "" : `/${collection.kind === "section" ? "sections" : "tags"}/${collection.slug}`;
}

/** The collection's HTML page. */
export function collectionPagePath(collection: Pick<Collection, "kind" | "slug">): string {
  return collectionBase(collection) || PATHS.home;
}

/** A feed of the collection: its current document, or archive page `page` (RFC 5005). */
export function feedPath(collection: Pick<Collection, "kind" | "slug">, format: FeedFormat, page?: number): string {
  return `${collectionBase(collection)}${page === undefined ? "" : `/archive/${page}`}/${FEED_FILES[format]}`;
}

export function articlePath(article: Article): string {
  return `${PATHS.articlePrefix}${article.slug}`;
}

export function articleUrl(site: SiteConfig, article: Article): string {
  return absolute(site, articlePath(article));
}

/** The item's permanent id: a tag URI from the configured prefix and the seed id. */
export function articleTag(site: SiteConfig, article: Article): string {
  return `${site.tagPrefix}article:${article.id}`;
}
