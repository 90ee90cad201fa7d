import { newestUpdate, type Article } from "../content/article";
import { DEFAULT_ARCHIVE_PAGE_SIZE, isTombstone, type Collection, type Slot, type Tombstone } from "../content/collections";

type Paged = Pick<Collection, "articles" | "archive">;

/**
 * A collection split into pages of the site's archive page size, counted
 * from the oldest (RFC 5005 archives, and the HTML listings' older pages),
 * over slots: every story the collection ever showed, so a page never changes
 * once full but where a story on it is taken back (a hole, which moves no
 * later story). The size is the pack's (Compilation.archivePageSize), never
 * FEED_ITEMS: a site changes how many items its feeds carry without re-cutting
 * a page. Only full pages exist; the newest stories, however many, are in the
 * current document (feed or listing), which may repeat some of the newest
 * page's.
 */
export function pageCount(collection: Paged): number {
  const total = slotCount(collection);
  const size = pageSizeOf(collection);
  return total > size ? Math.floor(total / size) : 0;
}

/** The slots of page `page` (1 = oldest), newest first. */
export function pageSlots(collection: Paged, page: number): readonly Slot[] {
  const size = pageSizeOf(collection);
  const total = slotCount(collection);
  // Newest first: page 1 is the last `size` of them.
  const [start, end] = [total - page * size, total - (page - 1) * size];
  return collection.archive === undefined ? collection.articles.slice(start, end) : collection.archive.slice(start, end);
}

/** The articles of the current document (`page` undefined: the newest `feedItems`) or page `page`'s, newest first. */
export function articlesOn(collection: Paged, feedItems: number, page?: number): readonly Article[] {
  if (page === undefined) return collection.articles.slice(0, feedItems);
  const slots = pageSlots(collection, page);
  return collection.archive === undefined ? (slots as readonly Article[]) : slots.filter((slot): slot is Article => !isTombstone(slot));
}

/**
 * The stories taken back that the document would still show had they not
 * been: those of page `page`, or, for the current document, those among the
 * newest `feedItems` slots (its window).
 */
export function tombstonesOn(collection: Paged, feedItems: number, page?: number): readonly Tombstone[] {
  if (collection.archive === undefined) return [];
  const slots = page === undefined ? collection.archive.slice(0, feedItems) : pageSlots(collection, page);
  return slots.filter(isTombstone);
}

/**
 * When the document last changed: its newest item's `updated`, or a later
 * taking back of a story in its window (If-Modified-Since pollers must see
 * the story go).
 */
export function documentUpdated(collection: Paged, feedItems: number, page?: number): string {
  let newest = newestUpdate(articlesOn(collection, feedItems, page));
  for (const { when } of tombstonesOn(collection, feedItems, page)) if (when > newest) newest = when;
  return newest;
}

function slotCount(collection: Paged): number {
  return collection.archive?.count ?? collection.articles.length;
}

function pageSizeOf(collection: Paged): number {
  return collection.archive?.pageSize ?? DEFAULT_ARCHIVE_PAGE_SIZE;
}
