import { articleBodyHtmlAsXml } from "./article-html";
import { rfc822 } from "./dates";
import { escapeMarkup as x } from "./escape";
import { archiveLinks, HISTORY_NS } from "./archive-links";
import { perItem, type FeedDocument, type FeedItem } from "./feed-document";

export interface RssOptions {
  /** `<ttl>`: minutes a reader may cache the channel; matches the HTTP max-age. */
  ttlMinutes: number;
}

/** RSS 2.0 (RSS Advisory Board), with atom:link self, content:encoded and dc:creator. */
export function renderRss(feed: FeedDocument, { ttlMinutes }: RssOptions): string {
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"${feed.archive ? ` xmlns:fh="${HISTORY_NS}"` : ""}>`,
    `<channel>`,
    `  <title>${x(feed.title)}</title>`,
    `  <link>${x(feed.homeUrl)}</link>`,
    `  <description>${x(feed.description)}</description>`,
    `  <language>${x(feed.language)}</language>`,
    `  <lastBuildDate>${rfc822(feed.updated)}</lastBuildDate>`,
    `  <generator>wirefeed</generator>`,
    `  <docs>https://www.rssboard.org/rss-specification</docs>`,
    // An archive page never changes (and is served immutable): no refresh hints that say it does.
    ...(feed.archive?.archived ? [] : [`  <ttl>${ttlMinutes}</ttl>`, ...syndicationHints(ttlMinutes)]),
    `  <atom:link href="${x(feed.urls.rss)}" rel="self" type="application/rss+xml"/>`,
    ...(feed.hub === undefined ? [] : [`  <atom:link href="${x(feed.hub)}" rel="hub"/>`]),
    ...archiveLinks(feed).map(({ rel, href }) => `  <atom:link href="${x(href)}" rel="${rel}" type="application/rss+xml"/>`),
    ...(feed.archive?.archived ? [`  <fh:archive/>`] : []),
    ...feed.items.map(renderItem),
    `</channel>`,
    `</rss>`,
    ``,
  ];
  return lines.join("\n");
}

/** sy:updatePeriod/updateFrequency say the same as <ttl> to readers that read the module instead. */
function syndicationHints(ttlMinutes: number): string[] {
  const [period, minutes] = ttlMinutes <= 60 ? ["hourly", 60] : ["daily", 1440];
  const frequency = Math.max(1, Math.floor(minutes / ttlMinutes));
  return [`  <sy:updatePeriod>${period}</sy:updatePeriod>`, `  <sy:updateFrequency>${frequency}</sy:updateFrequency>`];
}

const renderItem = perItem(({ article, id, url, categories }: FeedItem): string => {
  return [
    `  <item>`,
    `    <title>${x(article.title)}</title>`,
    `    <link>${x(url)}</link>`,
    `    <guid isPermaLink="false">${x(id)}</guid>`,
    `    <pubDate>${rfc822(article.published)}</pubDate>`,
    // Readers take <description> as HTML: the plain-text summary is escaped for HTML, then for XML.
    `    <description>${x(x(article.summary))}</description>`,
    `    <content:encoded>${articleBodyHtmlAsXml(article)}</content:encoded>`,
    ...(article.author === undefined ? [] : [`    <dc:creator>${x(article.author)}</dc:creator>`]),
    ...categories.map((category) => `    <category>${x(category)}</category>`),
    `  </item>`,
  ].join("\n");
});
