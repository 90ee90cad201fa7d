import { articleBodyHtmlAsXml } from "./article-html";
import { escapeAttribute as a, escapeText as x, escapeTextTwice as xx, readsAsMarkup } from "./escape";
import { archiveLinks, HISTORY_NS } from "./archive-links";

/** RFC 6721 (The Atom "deleted-entry" Element). */
export const TOMBSTONES_NS = "http://purl.org/atompub/tombstones/1.0";
import { perItem, type FeedDocument, type FeedItem } from "./feed-document";
import { feedLead } from "./feed-lead";
import { around } from "./markup";

/** Atom 1.0 (RFC 4287). */
export function renderAtom(feed: FeedDocument): Uint8Array {
  const head = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom"${feed.archive ? ` xmlns:fh="${HISTORY_NS}"` : ""}${feed.tombstones.length > 0 ? ` xmlns:at="${TOMBSTONES_NS}"` : ""} xml:lang="${a(feed.language ?? feed.siteLanguage)}">`,
    `  <id>${x(feed.id)}</id>`,
    `  ${textConstruct("title", feed.title)}`,
    `  ${textConstruct("subtitle", feed.description)}`,
    `  <updated>${feed.updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${a(feed.urls.atom)}"/>`,
    `  <link rel="alternate" type="text/html" href="${a(feed.homeUrl)}"/>`,
    ...(feed.hub === undefined ? [] : [`  <link rel="hub" href="${a(feed.hub)}"/>`]),
    ...archiveLinks(feed, "atom").map(({ rel, href }) => `  <link rel="${rel}" type="application/atom+xml" href="${a(href)}"/>`),
    ...(feed.archive?.archived ? [`  <fh:archive/>`] : []),
    `  <author>`,
    `    <name>${x(feed.author.name)}</name>`,
    `    <uri>${x(feed.author.url)}</uri>`,
    `  </author>`,
    `  <generator>wirefeed</generator>`,
  ];
  // RFC 6721 §3: a deleted-entry is a child of the feed, anywhere among the entries; after them, newest first.
  const tombstones = feed.tombstones.map(
    ({ ref, when, url }) => `  <at:deleted-entry ref="${a(ref)}" when="${when}">\n    <link rel="alternate" type="text/html" href="${a(url)}"/>\n  </at:deleted-entry>\n`,
  );
  return around(head.join("\n"), feed.items.map(renderEntry), `${tombstones.join("")}</feed>\n`);
}

/**
 * An Atom text construct (RFC 4287 §3.1). Plain text is Atom's default type,
 * but readers and the W3C validator take text that reads as markup
 * (`<b>bold</b>`, `&amp;`) for HTML someone forgot to declare: such text is
 * declared `type="html"` and escaped as HTML, which readers that honour the
 * type show as written and the validator accepts.
 */
function textConstruct(name: string, text: string): string {
  return readsAsMarkup(text) ? `<${name} type="html">${xx(text)}</${name}>` : `<${name}>${x(text)}</${name}>`;
}

const renderEntry = perItem(({ article, id, url, categories, ownLanguage, language }: FeedItem): string => {
  const image = article.image;
  const lang = ownLanguage === undefined ? "" : ` xml:lang="${a(ownLanguage)}"`;
  return [
    `  <entry${lang}>`,
    `    <id>${x(id)}</id>`,
    `    ${textConstruct("title", article.title)}`,
    `    <published>${article.published}</published>`,
    `    <updated>${article.updated}</updated>`,
    `    <link rel="alternate" type="text/html" href="${a(url)}"/>`,
    // The lead picture: the enclosure link readers (feedparser, gofeed) list among an entry's enclosures; its length is optional in Atom.
    ...(image === undefined ? [] : [`    <link rel="enclosure" type="${a(image.type ?? "")}"${image.length === undefined ? "" : ` length="${image.length}"`} href="${a(image.url)}"/>`]),
    `    ${textConstruct("summary", article.summary)}`,
    `    <content type="html">${x(feedLead(article, language).html)}${articleBodyHtmlAsXml(article)}</content>`,
    ...(article.authors ?? []).flatMap((name) => [`    <author>`, `      <name>${x(name)}</name>`, `    </author>`]),
    ...(article.contributors ?? []).flatMap(({ name }) => [`    <contributor>`, `      <name>${x(name)}</name>`, `    </contributor>`]),
    ...(article.rights === undefined ? [] : [`    ${textConstruct("rights", article.rights)}`]),
    // Readers show `term` (gofeed, sfeed, elfeed, rss2email, tt-rss) or `label`: both hold the name; `scheme` is the collection's page.
    ...categories.map(({ name, url }) => `    <category term="${a(name)}" scheme="${a(url)}" label="${a(name)}"/>`),
    `  </entry>`,
    // The line break that ends the item's last line, kept with it: `around` puts items one after another.
    "",
  ].join("\n");
});
