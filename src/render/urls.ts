import type { Article } from "../content/article";
import type { SiteConfig } from "../config";

/**
 * Where things live. The HTTP router serves these paths and the documents link
 * to them, so both read them from here.
 */
export const PATHS = {
  home: "/",
  rss: "/feed.xml",
  atom: "/atom.xml",
  json: "/feed.json",
  articlePrefix: "/articles/",
} as const;

export function absolute(site: SiteConfig, path: string): string {
  return `${site.siteUrl}${path}`;
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
