import { dropForbiddenChars } from "../content/normalise";
import { articleBodyHtml, articleBodyText } from "./article-html";
import { perItem, type FeedDocument, type FeedItem } from "./feed-document";
import { balanceBidi } from "./escape";
import { feedLead } from "./feed-lead";
import { assemble } from "./markup";

/**
 * Text fields lose the characters XML refuses, as in the other formats: lone
 * surrogates would make the JSON unreadable as UTF-8 (bodies come cleaned),
 * and bidi controls are closed (escape.ts, balanceBidi).
 */
const clean = (text: string): string => balanceBidi(dropForbiddenChars(text));

/**
 * JSON Feed 1.1 (jsonfeed.org/version/1.1), compact. Keys in a fixed order, so
 * the bytes are stable; each item is serialised once per isolate and spliced in.
 * Authors are given twice, as 1.1 allows for compatibility: `authors` for 1.1
 * readers and `author` for 1.0 ones (gofeed reads only `author`).
 */
export function renderJsonFeed(feed: FeedDocument): Uint8Array {
  const author = { name: clean(feed.author.name), url: feed.author.url };
  const head = JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: clean(feed.title),
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    description: clean(feed.description),
    ...(feed.language === undefined ? {} : { language: feed.language }),
    authors: [author],
    author,
    ...(feed.hub === undefined ? {} : { hubs: [{ type: "WebSub", url: feed.hub }] }),
    // JSON Feed pages toward older items with next_url (the RFC 5005 prev-archive).
    ...(feed.archive?.prev === undefined ? {} : { next_url: feed.archive.prev.json }),
    items: [],
  });
  // `head` ends with `"items":[]}`: put the items between the brackets. Each is kept with
  // the comma before it, so they go one after another with no separators to copy: the
  // first item's comma is left out.
  const items = feed.items.map(renderItem);
  if (items.length > 0) items[0] = items[0]!.subarray(1);
  return assemble([head.slice(0, -2), ...items, "]}\n"]);
}

/**
 * JSON Feed has no field for contributors or rights: they are left out (the
 * page shows the contributors). The picture is the item's `image`, which
 * readers show as its preview; not an attachment, which they offer as a
 * download (a podcast's episode).
 */
const renderItem = perItem(({ article, id, url, categories, language }: FeedItem): string => {
  const authors = article.authors?.map((name) => ({ name: clean(name) }));
  const lead = feedLead(article, language);
  return `,${JSON.stringify({
    id,
    url,
    title: clean(article.title),
    summary: clean(article.summary),
    content_html: lead.html + articleBodyHtml(article),
    content_text: lead.text + articleBodyText(article),
    date_published: article.published,
    date_modified: article.updated,
    ...(article.image === undefined ? {} : { image: article.image.url }),
    // 1.0's single `author` beside 1.1's `authors`: gofeed reads only `author`.
    ...(authors === undefined || authors.length === 0 ? {} : { authors, author: authors[0] }),
    tags: categories.map(({ name }) => clean(name)),
    // Every item says its language: a feed of several languages says none of its own.
    language,
  })}`;
});
