import type { Collection, Collections } from "../content/collections";
import type { SiteConfig } from "../config";
import { escapeText as x } from "./escape";
import { documentUpdated, pageCount } from "./pages";
import { PATHS, absolute, articleUrl, indexPath, listingPagePath, sitemapPartPath } from "./urls";

/**
 * URLs per sitemap. The protocol allows 50,000; a tenth of that keeps each
 * document about a megabyte, so a large site's sitemap is several documents
 * a Worker renders and holds one at a time, not one of tens of megabytes.
 */
export const SITEMAP_URLS = 5_000;

/** How many parts the sitemap has: 0 when one sitemap lists every page (then `/sitemap.xml` is it). */
export function sitemapPartCount(site: SiteConfig, collections: Collections): number {
  const listings = [collections.site, ...collections.sections.values(), ...collections.tags.values()].reduce((sum, c) => sum + 1 + pageCount(c), 0);
  const total = listings + 3 + collections.site.articles.length;
  return total <= SITEMAP_URLS ? 0 : Math.ceil(total / SITEMAP_URLS);
}

/**
 * sitemaps.org 0.9 at `/sitemap.xml`: every HTML page with the date its
 * content last changed; past SITEMAP_URLS pages, a sitemap index of the parts.
 * `newest`: the site's last change, the Last-Modified of the pages that list
 * the whole site (/feeds, the indexes).
 */
export function renderSitemap(site: SiteConfig, collections: Collections, newest: string): string {
  const parts = sitemapPartCount(site, collections);
  if (parts === 0) return urlset(site, collections, newest, 0, Infinity);
  const sitemaps = Array.from({ length: parts }, (_, i) => {
    let lastmod = "1970-01-01T00:00:00Z";
    forEachPage(site, collections, newest, i * SITEMAP_URLS, (i + 1) * SITEMAP_URLS, (segment, index) => {
      const date = segment.lastmod(index);
      if (date > lastmod) lastmod = date;
    });
    return `  <sitemap><loc>${x(absolute(site, sitemapPartPath(i + 1)))}</loc><lastmod>${lastmod}</lastmod></sitemap>`;
  });
  return [`<?xml version="1.0" encoding="utf-8"?>`, `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`, ...sitemaps, `</sitemapindex>`, ``].join("\n");
}

/** Part `part` (1…) of a sitemap too large for one document. */
export function renderSitemapPart(site: SiteConfig, collections: Collections, newest: string, part: number): string {
  return urlset(site, collections, newest, (part - 1) * SITEMAP_URLS, part * SITEMAP_URLS);
}

/** A run of pages, each made only when a sitemap lists it. */
interface Segment {
  length: number;
  loc(index: number): string;
  lastmod(index: number): string;
}

/**
 * Every HTML page in sitemap order (listings and their older pages, /feeds and
 * the indexes, then the articles, newest first), as runs that make only the
 * pages in [start, end): at 100,000 articles a part made every page's URL and
 * date to keep 5,000 of them, 250 ms of a request.
 */
function forEachPage(site: SiteConfig, collections: Collections, newest: string, start: number, end: number, visit: (segment: Segment, index: number) => void): void {
  const listing = (collection: Collection): Segment => ({
    length: 1 + pageCount(collection),
    loc: (i) => absolute(site, listingPagePath(collection, i === 0 ? undefined : i)),
    lastmod: (i) => documentUpdated(collection, site.feedItems, i === 0 ? undefined : i),
  });
  const fixed = [PATHS.feeds, indexPath("section"), indexPath("tag")];
  const articles = collections.site.articles;
  const segments: Segment[] = [
    listing(collections.site),
    { length: fixed.length, loc: (i) => absolute(site, fixed[i]!), lastmod: () => newest },
    ...[...collections.sections.values(), ...collections.tags.values()].map(listing),
    { length: articles.length, loc: (i) => articleUrl(site, articles[i]!), lastmod: (i) => articles[i]!.updated },
  ];
  let at = 0;
  for (const segment of segments) {
    for (let i = Math.max(0, start - at); i < segment.length && at + i < end; i++) visit(segment, i);
    at += segment.length;
    if (at >= end) return;
  }
}

function urlset(site: SiteConfig, collections: Collections, newest: string, start: number, end: number): string {
  const urls: string[] = [];
  forEachPage(site, collections, newest, start, end, (segment, i) => urls.push(`  <url><loc>${x(segment.loc(i))}</loc><lastmod>${segment.lastmod(i)}</lastmod></url>`));
  return [`<?xml version="1.0" encoding="utf-8"?>`, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`, ...urls, `</urlset>`, ``].join("\n");
}

/** robots.txt: everything may be crawled; the sitemap says what there is. */
export function renderRobots(site: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absolute(site, PATHS.sitemap)}\n`;
}
