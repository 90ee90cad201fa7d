import { dropForbiddenChars } from "../content/normalise";
import { articleBodyHtml, articleBodyText } from "./article-html";
import { perItem, type FeedDocument, type FeedItem } from "./feed-document";

/**
 * Text fields lose the characters XML refuses, as in the other formats: lone
 * surrogates would make the JSON unreadable as UTF-8. (Bodies come cleaned.)
 */
const clean = dropForbiddenChars;

/**
 * JSON Feed 1.1 (jsonfeed.org/version/1.1), compact. Keys in a fixed order, so
 * the bytes are stable; each item is serialised once per isolate and spliced in.
 */
export function renderJsonFeed(feed: FeedDocument): string {
  const head = JSON.stringify({
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
    items: [],
  });
  // `head` ends with `"items":[]}`: put the items between the brackets.
  return `${head.slice(0, -2)}${feed.items.map(renderItem).join(",")}]}\n`;
}

const renderItem = perItem(({ article, id, url, categories }: FeedItem): string =>
  JSON.stringify({
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
  }),
);
