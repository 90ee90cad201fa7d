import type { Collection, Collections } from "../content/collections";
import type { SiteConfig } from "../config";
import { escapeText as x } from "./escape";
import { newestUpdate } from "./feed-document";
import { articlesOn, pageCount } from "./pages";
import { PATHS, absolute, articleUrl, indexPath, listingPagePath } from "./urls";

/** sitemaps.org 0.9: every HTML page, with the date its content last changed. */
export function renderSitemap(site: SiteConfig, collections: Collections): string {
  const url = (loc: string, lastmod: string) => `  <url><loc>${x(loc)}</loc><lastmod>${lastmod}</lastmod></url>`;
  const newest = newestUpdate(collections.site.articles);
  /** The collection's listing and each of its older pages, dated by the articles each shows. */
  const listingUrls = (collection: Collection) =>
    [undefined, ...Array.from({ length: pageCount(collection, site.feedItems) }, (_, i) => i + 1)].map((page) =>
      url(absolute(site, listingPagePath(collection, page)), newestUpdate(articlesOn(collection, site.feedItems, page))),
    );
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...listingUrls(collections.site),
    url(absolute(site, PATHS.feeds), newest),
    url(absolute(site, indexPath("section")), newest),
    url(absolute(site, indexPath("tag")), newest),
    ...[...collections.sections.values(), ...collections.tags.values()].flatMap(listingUrls),
    ...collections.site.articles.map((article) => url(articleUrl(site, article), article.updated)),
    `</urlset>`,
    ``,
  ].join("\n");
}

/** robots.txt: everything may be crawled; the sitemap says what there is. */
export function renderRobots(site: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absolute(site, PATHS.sitemap)}\n`;
}
