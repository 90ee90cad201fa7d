import type { Collection, Collections } from "../content/collections";
import type { SiteConfig } from "../config";
import { escapeText as x } from "./escape";
import { newestUpdate } from "./feed-document";
import { articlesOn, pageCount } from "./pages";
import { PATHS, absolute, articleUrl, indexPath, listingPagePath, sitemapPartPath } from "./urls";

/**
 * URLs per sitemap. The protocol allows 50,000; a tenth of that keeps each
 * document about a megabyte, so a large site's sitemap is several documents
 * a Worker renders and holds one at a time, not one of tens of megabytes.
 */
export const SITEMAP_URLS = 5_000;

interface Entry {
  loc: string;
  lastmod: string;
}

/** How many parts the sitemap has: 0 when one sitemap lists every page (then `/sitemap.xml` is it). */
export function sitemapPartCount(site: SiteConfig, collections: Collections): number {
  const listings = [collections.site, ...collections.sections.values(), ...collections.tags.values()].reduce((sum, c) => sum + 1 + pageCount(c, site.feedItems), 0);
  const total = listings + 3 + collections.site.articles.length;
  return total <= SITEMAP_URLS ? 0 : Math.ceil(total / SITEMAP_URLS);
}

/**
 * sitemaps.org 0.9 at `/sitemap.xml`: every HTML page with the date its
 * content last changed; past SITEMAP_URLS pages, a sitemap index of the parts.
 */
export function renderSitemap(site: SiteConfig, collections: Collections): string {
  const parts = sitemapPartCount(site, collections);
  if (parts === 0) return urlset(entries(site, collections));
  const all = entries(site, collections);
  const sitemaps = Array.from({ length: parts }, (_, i) => {
    const lastmod = newestOf(all.slice(i * SITEMAP_URLS, (i + 1) * SITEMAP_URLS));
    return `  <sitemap><loc>${x(absolute(site, sitemapPartPath(i + 1)))}</loc><lastmod>${lastmod}</lastmod></sitemap>`;
  });
  return [`<?xml version="1.0" encoding="utf-8"?>`, `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`, ...sitemaps, `</sitemapindex>`, ``].join("\n");
}

/** Part `part` (1…) of a sitemap too large for one document. */
export function renderSitemapPart(site: SiteConfig, collections: Collections, part: number): string {
  return urlset(entries(site, collections).slice((part - 1) * SITEMAP_URLS, part * SITEMAP_URLS));
}

/** Every HTML page: listings and their older pages, /feeds and the indexes, then the articles, newest first. */
function entries(site: SiteConfig, collections: Collections): Entry[] {
  const newest = newestUpdate(collections.site.articles);
  /** The collection's listing and each of its older pages, dated by the articles each shows. */
  const listing = (collection: Collection): Entry[] =>
    [undefined, ...Array.from({ length: pageCount(collection, site.feedItems) }, (_, i) => i + 1)].map((page) => ({
      loc: absolute(site, listingPagePath(collection, page)),
      lastmod: newestUpdate(articlesOn(collection, site.feedItems, page)),
    }));
  return [
    ...listing(collections.site),
    { loc: absolute(site, PATHS.feeds), lastmod: newest },
    { loc: absolute(site, indexPath("section")), lastmod: newest },
    { loc: absolute(site, indexPath("tag")), lastmod: newest },
    ...[...collections.sections.values(), ...collections.tags.values()].flatMap(listing),
    ...collections.site.articles.map((article) => ({ loc: articleUrl(site, article), lastmod: article.updated })),
  ];
}

function urlset(list: readonly Entry[]): string {
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...list.map(({ loc, lastmod }) => `  <url><loc>${x(loc)}</loc><lastmod>${lastmod}</lastmod></url>`),
    `</urlset>`,
    ``,
  ].join("\n");
}

function newestOf(list: readonly Entry[]): string {
  return list.reduce((newest, { lastmod }) => (lastmod > newest ? lastmod : newest), "1970-01-01T00:00:00Z");
}

/** robots.txt: everything may be crawled; the sitemap says what there is. */
export function renderRobots(site: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absolute(site, PATHS.sitemap)}\n`;
}
