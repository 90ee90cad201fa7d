import type { Image } from "../content/article";
import { articleBodyHtmlAsXml } from "./article-html";
import { rfc822 } from "./dates";
import { escapeAttribute as a, escapeText as x, escapeTextTwice as xx, readsAsMarkup } from "./escape";
import { archiveLinks, HISTORY_NS } from "./archive-links";
import { perItem, type FeedDocument, type FeedItem } from "./feed-document";
import { feedLead } from "./feed-lead";
import { around } from "./markup";

/** Media RSS (rssboard.org/media-rss), for a picture's caption, credit and size. */
const MEDIA_NS = "http://search.yahoo.com/mrss/";

export interface RssOptions {
  /** `<ttl>`: minutes a reader may cache the channel; matches the HTTP max-age. */
  ttlMinutes: number;
}

/** RSS 2.0 (RSS Advisory Board), with atom:link self, content:encoded, Dublin Core credits and rights, and Media RSS pictures. */
export function renderRss(feed: FeedDocument, { ttlMinutes }: RssOptions): Uint8Array {
  const head = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"${feed.items.some(({ article }) => article.image !== undefined) ? ` xmlns:media="${MEDIA_NS}"` : ""}${feed.archive ? ` xmlns:fh="${HISTORY_NS}"` : ""}>`,
    `<channel>`,
    `  <title>${plain(feed.title)}</title>`,
    `  <link>${x(feed.homeUrl)}</link>`,
    `  <description>${plain(feed.description)}</description>`,
    // RSS has no language per item: a feed of several languages declares none.
    ...(feed.language === undefined ? [] : [`  <language>${x(feed.language)}</language>`]),
    `  <lastBuildDate>${rfc822(feed.updated)}</lastBuildDate>`,
    `  <generator>wirefeed</generator>`,
    `  <docs>https://www.rssboard.org/rss-specification</docs>`,
    // An archive page keeps its stories (but for one taken back, which a day's max-age covers): no refresh hints that say it changes.
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

/**
 * Text for elements that are plain text by definition (Media RSS
 * `type="plain"`, Dublin Core's rights), where the W3C validator wants `&`
 * and `<` as hexadecimal character references: readers decode them to the
 * same characters as `&amp;` and `&lt;`.
 */
function plainText(text: string): string {
  return x(text).replace(/&amp;/g, "&#x26;").replace(/&lt;/g, "&#x3C;");
}

const renderItem = perItem(({ article, id, url, categories, language }: FeedItem): string => {
  return [
    `  <item>`,
    `    <title>${plain(article.title)}</title>`,
    `    <link>${x(url)}</link>`,
    `    <guid isPermaLink="false">${x(id)}</guid>`,
    `    <pubDate>${rfc822(article.published)}</pubDate>`,
    // Readers take <description> as HTML: the plain-text summary is escaped for HTML, then for XML.
    `    <description>${xx(article.summary)}</description>`,
    `    <content:encoded>${x(feedLead(article, language).html)}${articleBodyHtmlAsXml(article)}</content:encoded>`,
    ...(article.authors ?? []).map((name) => `    <dc:creator>${x(name)}</dc:creator>`),
    // Dublin Core's contributor has no role; the page says who did what.
    ...(article.contributors ?? []).map(({ name }) => `    <dc:contributor>${x(name)}</dc:contributor>`),
    ...(article.rights === undefined ? [] : [`    <dc:rights>${plainText(article.rights)}</dc:rights>`]),
    ...picture(article.image),
    // The domain names the collection, as Atom's scheme does: readers that show it link the section's page.
    ...categories.map(({ name, url }) => `    <category domain="${a(url)}">${plain(name)}</category>`),
    `  </item>`,
    // The line break that ends the item's last line, kept with it: `around` puts items one after another.
    "",
  ].join("\n");
});

/**
 * The lead picture twice, for the two ways readers look for one. `enclosure`
 * is RSS 2.0's own and the one most readers read (feedparser, gofeed,
 * newsboat); it must give a length, and the RSS Advisory Board's profile says
 * 0 when it is unknown. Media RSS's `media:content` carries what an enclosure
 * cannot, the caption and the credit, and is where Feedly, Inoreader and
 * feedparser's `media_content` find a picture's size.
 */
function picture(image: Image | undefined): string[] {
  if (image === undefined) return [];
  const size = image.width === undefined ? "" : ` width="${image.width}" height="${image.height}"`;
  const details = [
    ...(image.caption === undefined ? [] : [`      <media:description type="plain">${plainText(image.caption)}</media:description>`]),
    ...(image.credit === undefined ? [] : [`      <media:credit>${plainText(image.credit)}</media:credit>`]),
  ];
  const content = `    <media:content url="${a(image.url)}" type="${a(image.type ?? "")}" medium="image"${image.length === undefined ? "" : ` fileSize="${image.length}"`}${size}`;
  return [
    `    <enclosure url="${a(image.url)}" length="${image.length ?? 0}" type="${a(image.type ?? "")}"/>`,
    ...(details.length === 0 ? [`${content}/>`] : [`${content}>`, ...details, `    </media:content>`]),
  ];
}
