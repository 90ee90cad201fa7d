import { articleBodyHtmlAsXml } from "./article-html";
import { rfc822 } from "./dates";
import { escapeAttribute as a, escapeText as x, readsAsMarkup } from "./escape";
import { archiveLinks, HISTORY_NS } from "./archive-links";
import { perItem, type FeedDocument, type FeedItem } from "./feed-document";
import { around } from "./markup";

export interface RssOptions {
  /** `<ttl>`: minutes a reader may cache the channel; matches the HTTP max-age. */
  ttlMinutes: number;
}

/** RSS 2.0 (RSS Advisory Board), with atom:link self, content:encoded and dc:creator. */
export function renderRss(feed: FeedDocument, { ttlMinutes }: RssOptions): Uint8Array {
  const head = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"${feed.archive ? ` xmlns:fh="${HISTORY_NS}"` : ""}>`,
    `<channel>`,
    `  <title>${plain(feed.title)}</title>`,
    `  <link>${x(feed.homeUrl)}</link>`,
    `  <description>${plain(feed.description)}</description>`,
    // RSS has no language per item: a feed of several languages declares none.
    ...(feed.language === undefined ? [] : [`  <language>${x(feed.language)}</language>`]),
    `  <lastBuildDate>${rfc822(feed.updated)}</lastBuildDate>`,
    `  <generator>wirefeed</generator>`,
    `  <docs>https://www.rssboard.org/rss-specification</docs>`,
    // An archive page never changes (and is served immutable): no refresh hints that say it does.
    ...(feed.archive?.archived ? [] : [`  <ttl>${ttlMinutes}</ttl>`, ...syndicationHints(ttlMinutes)]),
    `  <atom:link href="${a(feed.urls.rss)}" rel="self" type="application/rss+xml"/>`,
    ...(feed.hub === undefined ? [] : [`  <atom:link href="${a(feed.hub)}" rel="hub"/>`]),
    ...archiveLinks(feed).map(({ rel, href }) => `  <atom:link href="${a(href)}" rel="${rel}" type="application/rss+xml"/>`),
    ...(feed.archive?.archived ? [`  <fh:archive/>`] : []),
  ];
  return around(head.join("\n"), feed.items.map(renderItem), `</channel>\n</rss>\n`);
}

/** sy:updatePeriod/updateFrequency say the same as <ttl> to readers that read the module instead. */
function syndicationHints(ttlMinutes: number): string[] {
  const [period, minutes] = ttlMinutes <= 60 ? ["hourly", 60] : ["daily", 1440];
  const frequency = Math.max(1, Math.floor(minutes / ttlMinutes));
  return [`  <sy:updatePeriod>${period}</sy:updatePeriod>`, `  <sy:updateFrequency>${frequency}</sy:updateFrequency>`];
}

/**
 * Text for the RSS elements whose type readers guess (RSS 2.0 leaves open
 * whether a title is text or HTML): as it is, when it reads the same both
 * ways; otherwise (markup in a headline: `<b>bold</b>`, `&amp;`) as escaped
 * HTML whose `&`s are hexadecimal character references (`&#x26;lt;b&#x26;gt;`),
 * the encoding the RSS Advisory Board's profile gives for such text and the
 * one the W3C validator accepts instead of warning that the title holds HTML.
 */
function plain(text: string): string {
  return readsAsMarkup(text) ? x(text).replace(/&/g, "&#x26;") : x(text);
}

const renderItem = perItem(({ article, id, url, categories }: FeedItem): string => {
  return [
    `  <item>`,
    `    <title>${plain(article.title)}</title>`,
    `    <link>${x(url)}</link>`,
    `    <guid isPermaLink="false">${x(id)}</guid>`,
    `    <pubDate>${rfc822(article.published)}</pubDate>`,
    // Readers take <description> as HTML: the plain-text summary is escaped for HTML, then for XML.
    `    <description>${x(x(article.summary))}</description>`,
    `    <content:encoded>${articleBodyHtmlAsXml(article)}</content:encoded>`,
    ...(article.authors ?? []).map((name) => `    <dc:creator>${x(name)}</dc:creator>`),
    // The domain names the collection, as Atom's scheme does: readers that show it link the section's page.
    ...categories.map(({ name, url }) => `    <category domain="${a(url)}">${plain(name)}</category>`),
    `  </item>`,
    // The line break that ends the item's last line, kept with it: `around` puts items one after another.
    "",
  ].join("\n");
});
