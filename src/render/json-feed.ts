import { articleBodyHtml, articleBodyText } from "./article-html";
import { dropForbiddenChars } from "../content/normalise";
import type { FeedDocument } from "./feed-document";

/**
 * Text fields lose the characters XML refuses, as in the other formats: lone
 * surrogates would make the JSON unreadable as UTF-8. (Bodies come cleaned.)
 */
const clean = dropForbiddenChars;

/** JSON Feed 1.1 (jsonfeed.org/version/1.1). Keys in a fixed order, so the bytes are stable. */
export function renderJsonFeed(feed: FeedDocument): string {
  const document = {
    version: "https://jsonfeed.org/version/1.1",
    title: clean(feed.title),
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    description: clean(feed.description),
    language: feed.language,
    authors: [{ name: clean(feed.author.name), url: feed.author.url }],
    ...(feed.hub === undefined ? {} : { hubs: [{ type: "WebSub", url: feed.hub }] }),
    // JSON Feed pages toward older items with next_url (the RFC 5005 prev-archive).
    ...(feed.archive?.prev === undefined ? {} : { next_url: feed.archive.prev.json }),
    items: feed.items.map(({ article, id, url, categories }) => ({
      id,
      url,
      title: clean(article.title),
      summary: clean(article.summary),
      content_html: articleBodyHtml(article),
      content_text: articleBodyText(article),
      date_published: article.published,
      date_modified: article.updated,
      ...(article.image === undefined ? {} : { image: article.image }),
      ...(article.author === undefined ? {} : { authors: [{ name: clean(article.author) }] }),
      tags: categories.map(clean),
      ...(article.language === undefined ? {} : { language: article.language }),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
