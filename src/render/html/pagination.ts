import type { Collection } from "../../content/collections";
import { pageCount } from "../pages";
import { listingPagePath } from "../urls";
import type { Pagination } from "./layout";

/**
 * Where a listing's "Newer" (`prev`) and "Older" (`next`) lead. The current
 * page shows the newest articles and leads to the newest full page; page k
 * (counted from the oldest, like the feed archives, so its URL keeps its
 * articles) leads to k+1, or back to the current page, and to k−1. Every
 * article is reached by following "Older" from the current page.
 */
export function listingPagination(collection: Collection, page?: number): Pagination {
  const pages = pageCount(collection);
  if (page === undefined) return pages === 0 ? {} : { next: listingPagePath(collection, pages) };
  return {
    prev: listingPagePath(collection, page < pages ? page + 1 : undefined),
    ...(page > 1 ? { next: listingPagePath(collection, page - 1) } : {}),
  };
}

/** ` (page 3 of 7)` for an older page's title; nothing for the current page. */
export function pageLabel(collection: Collection, page?: number): string {
  return page === undefined ? "" : ` (page ${page} of ${pageCount(collection)})`;
}
