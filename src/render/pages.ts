import type { Article } from "../content/article";
import type { Collection } from "../content/collections";

/**
 * A collection split into pages of `pageSize` articles counted from the oldest
 * (RFC 5005 archives, and the HTML listings' older pages), so a page never
 * changes once full, given articles arrive in date order. Only full pages
 * exist; the newest articles, however many, are in the current document
 * (feed or listing), which may repeat some of the newest page's.
 */
export function pageCount(collection: Pick<Collection, "articles">, pageSize: number): number {
  return collection.articles.length > pageSize ? Math.floor(collection.articles.length / pageSize) : 0;
}

/** The articles of page `page` (1 = oldest), newest first. */
export function pageArticles(collection: Pick<Collection, "articles">, pageSize: number, page: number): readonly Article[] {
  const total = collection.articles.length;
  // `articles` is newest first: page 1 is the last `pageSize` of them.
  return collection.articles.slice(total - page * pageSize, total - (page - 1) * pageSize);
}

/** The current document's articles (`page` undefined) or page `page`'s. */
export function articlesOn(collection: Pick<Collection, "articles">, pageSize: number, page?: number): readonly Article[] {
  return page === undefined ? collection.articles.slice(0, pageSize) : pageArticles(collection, pageSize, page);
}
