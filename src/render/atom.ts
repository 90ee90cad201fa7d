import { collectionSlug } from "../content/collections";
import { articleBodyHtmlAsXml } from "./article-html";
import { escapeMarkup as x } from "./escape";
import { archiveLinks, HISTORY_NS } from "./archive-links";
import { perItem, type FeedDocument, type FeedItem } from "./feed-document";

/** Atom 1.0 (RFC 4287). */
export function renderAtom(feed: FeedDocument): string {
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom"${feed.archive ? ` xmlns:fh="${HISTORY_NS}"` : ""} xml:lang="${x(feed.language)}">`,
    `  <id>${x(feed.id)}</id>`,
    `  <title>${x(feed.title)}</title>`,
    `  <subtitle>${x(feed.description)}</subtitle>`,
    `  <updated>${feed.updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(feed.urls.atom)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(feed.homeUrl)}"/>`,
    ...(feed.hub === undefined ? [] : [`  <link rel="hub" href="${x(feed.hub)}"/>`]),
    ...archiveLinks(feed, "atom").map(({ rel, href }) => `  <link rel="${rel}" type="application/atom+xml" href="${x(href)}"/>`),
    ...(feed.archive?.archived ? [`  <fh:archive/>`] : []),
    `  <author>`,
    `    <name>${x(feed.author.name)}</name>`,
    `    <uri>${x(feed.author.url)}</uri>`,
    `  </author>`,
    `  <generator>wirefeed</generator>`,
    ...feed.items.map(renderEntry),
    `</feed>`,
    ``,
  ].join("\n");
}

const renderEntry = perItem(({ article, id, url, categories, ownLanguage }: FeedItem): string => {
  const lang = ownLanguage === undefined ? "" : ` xml:lang="${x(ownLanguage)}"`;
  return [
    `  <entry${lang}>`,
    `    <id>${x(id)}</id>`,
    `    <title>${x(article.title)}</title>`,
    `    <published>${article.published}</published>`,
    `    <updated>${article.updated}</updated>`,
    `    <link rel="alternate" type="text/html" href="${x(url)}"/>`,
    `    <summary>${x(article.summary)}</summary>`,
    `    <content type="html">${articleBodyHtmlAsXml(article)}</content>`,
    ...(article.author === undefined ? [] : [`    <author>`, `      <name>${x(article.author)}</name>`, `    </author>`]),
    ...categories.map((category) => `    <category term="${x(collectionSlug(category))}" label="${x(category)}"/>`),
    `  </entry>`,
  ].join("\n");
});
