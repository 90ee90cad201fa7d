import type { Collection, Collections } from "../content/collections";
import type { SiteConfig } from "../config";
import { escapeText as x } from "./escape";
import { newestUpdate } from "./feed-document";
import { PATHS, absolute, articleUrl, collectionPagePath } from "./urls";

/** sitemaps.org 0.9: every HTML page, with the date its content last changed. */
export function renderSitemap(site: SiteConfig, collections: Collections): string {
  const url = (loc: string, lastmod: string) => `  <url><loc>${x(loc)}</loc><lastmod>${lastmod}</lastmod></url>`;
  const collectionUrl = (collection: Collection) =>
    url(absolute(site, collectionPagePath(collection)), newestUpdate(collection.articles.slice(0, site.feedItems)));
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    collectionUrl(collections.site),
    url(absolute(site, PATHS.feeds), newestUpdate(collections.site.articles)),
    ...[...collections.sections.values(), ...collections.tags.values()].map(collectionUrl),
    ...collections.site.articles.map((article) => url(articleUrl(site, article), article.updated)),
    `</urlset>`,
    ``,
  ].join("\n");
}

/** robots.txt: everything may be crawled; the sitemap says what there is. */
export function renderRobots(site: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absolute(site, PATHS.sitemap)}\n`;
}
