import { articleBodyHtml, articleBodyText } from "./article-html";
import { FORBIDDEN_XML_CHARS } from "../content/normalise";
import type { FeedDocument } from "./feed-document";

/** JSON Feed 1.1 (jsonfeed.org/version/1.1). Keys in a fixed order, so the bytes are stable. */
export function renderJsonFeed(feed: FeedDocument): string {
  const document = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.author.name, url: feed.author.url }],
    ...(feed.hub === undefined ? {} : { hubs: [{ type: "WebSub", url: feed.hub }] }),
    // JSON Feed pages toward older items with next_url (the RFC 5005 prev-archive).
    ...(feed.archive?.prev === undefined ? {} : { next_url: feed.archive.prev.json }),
    items: feed.items.map(({ article, id, url, categories }) => ({
      id,
      url,
      title: article.title,
      summary: article.summary,
      content_html: articleBodyHtml(article),
      content_text: articleBodyText(article),
      date_published: article.published,
      date_modified: article.updated,
      ...(article.image === undefined ? {} : { image: article.image }),
      ...(article.author === undefined ? {} : { authors: [{ name: article.author }] }),
      tags: categories,
      ...(article.language === undefined ? {} : { language: article.language }),
    })),
  };
  // Lone surrogates would make the JSON unreadable as UTF-8; the same characters XML refuses are dropped.
  return `${JSON.stringify(document, (_key, value: unknown) => (typeof value === "string" ? value.replace(FORBIDDEN_XML_CHARS, "") : value), 2)}\n`;
}
