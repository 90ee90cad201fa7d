import { newestUpdate, type Article } from "../content/article";
import type { Collection } from "../content/collections";
import type { SiteConfig } from "../config";
import { articleCategories } from "./categories";
import { balanceBidi } from "./escape";
import { articleLanguage, documentLanguage } from "./language";
import { BUDGETS } from "../budgets";
import { LruMap } from "../lru-map";
import { utf8 } from "./markup";
import { articlesOn, documentUpdated, pageCount, tombstonesOn } from "./pages";
import { FEED_FORMATS, absolute, articleTag, articleUrl, collectionPagePath, feedPath, slugSegment, type FeedFormat } from "./urls";

/**
 * What the three feed renderers share: one feed document's metadata and items,
 * with every URL and id already absolute. A renderer only chooses the syntax.
 */
export interface FeedDocument {
  /** Tag URI of the feed; archive pages share their feed's id. */
  id: string;
  title: string;
  description: string;
  /**
   * What every item is written in (RSS `language`, JSON Feed `language`);
   * absent when the items are in several languages, and then each says its own.
   */
  language?: string;
  /**
   * The language of the document's own words, title and description: the
   * site's. Atom's `xml:lang` on a mixed feed, which entries in another
   * language override with their own.
   */
  siteLanguage: string;
  author: { name: string; url: string };
  /** The HTML page the feed mirrors. */
  homeUrl: string;
  /** This document's own URL in each format (self links). */
  urls: FormatUrls;
  /** Newest `updated` of the items, or a later tombstone's `when`: the document changes exactly when an item does. */
  updated: string;
  items: FeedItem[];
  /**
   * Stories taken back that this document would still show (RFC 6721): the
   * current document's window, an archive page's slots. Atom writes them;
   * RSS and JSON Feed have no way to, and just leave the story out.
   */
  tombstones: FeedTombstone[];
  /** RFC 5005 archive links; absent when the collection fits in one document. */
  archive?: ArchiveLinks;
  /** WebSub hub that readers may subscribe through, when configured. */
  hub?: string;
}

export type FormatUrls = Record<FeedFormat, string>;

export interface ArchiveLinks {
  /** True for an archive page: its stories are fixed (`fh:archive`), but for one taken back, which leaves it. */
  archived: boolean;
  /** The subscription document (`current`). */
  current: FormatUrls;
  /** Older page (`prev-archive`; JSON Feed `next_url`). */
  prev?: FormatUrls;
  /**
   * The next newer document (`next-archive`): the newer archive page, or, from
   * the newest archive page, the current document. Readers backfill through
   * `prev-archive` and never need it, but an archive page that links to no
   * other document is one the W3C validator warns is incomplete (a collection
   * with one archive page would have such a page). Absent on the current document.
   */
  next?: FormatUrls;
}

/** A section or tag as the feeds carry it: RSS category, Atom category, JSON Feed tag. */
export interface FeedCategory {
  /** The collection's name: RSS category text, Atom `term` and `label`, the JSON Feed tag. */
  name: string;
  /** The collection's page, absolute: RSS `domain`, Atom `scheme`. */
  url: string;
}

/** RFC 6721 `at:deleted-entry`: the entry's id, when it was taken back, and where it was. */
export interface FeedTombstone {
  ref: string;
  when: string;
  url: string;
}

export interface FeedItem {
  article: Article;
  id: string;
  url: string;
  /** The section first, then the tags. */
  categories: FeedCategory[];
  /**
   * The article's language where it differs from the site's (Atom `xml:lang`
   * on the entry). Relative to the site's, not the document's, so one item's
   * markup serves every document: a document declares another language only
   * when every item is in it, and then each item says so too.
   */
  ownLanguage?: string;
  /** The language the article is written in (its own, else the site's): the words a feed adds to it (labels) are in it. */
  language: string;
  /**
   * The article's `updated`, read once: a document is dated by its newest
   * item, and a packed article decodes the date again on every read.
   */
  updated: string;
}

/**
 * One FeedItem per article and configuration, the same object in every
 * document that shows the article (site, section, tag and archive feeds), so
 * renderers can remember each item's markup by it (see `perItem`). The recent
 * ones: the corpus keeps every article for the isolate's life, so a map keyed
 * by them, even a weak one, would keep an item for every article ever shown.
 */
const ITEMS = new WeakMap<SiteConfig, LruMap<Article, FeedItem>>();

/** How many items stay made: every item of the current feeds many times over. */
const RECENT_ITEMS = 1024;

function feedItem(site: SiteConfig, article: Article): FeedItem {
  let items = ITEMS.get(site);
  if (items === undefined) ITEMS.set(site, (items = new LruMap({ entries: RECENT_ITEMS })));
  let item = items.get(article);
  if (item === undefined) {
    const categories = articleCategories(article).map((ref) => ({ name: ref.name, url: absolute(site, collectionPagePath(ref)) }));
    item = { article, id: articleTag(site, article), url: articleUrl(site, article), categories, language: articleLanguage(site, article), updated: article.updated };
    if (article.language !== undefined && article.language !== site.language) item.ownLanguage = article.language;
    items.set(article, item);
  }
  return item;
}

/**
 * `render` remembered per item: an item's markup is written once, whatever
 * documents show it, as the UTF-8 bytes documents are made of (markup.ts). Bounded in bytes: at 10,000 articles, a crawler walking
 * every archive page would otherwise keep every item's markup in every format.
 */
export function perItem(render: (item: FeedItem) => string): (item: FeedItem) => Uint8Array {
  const written = new LruMap<FeedItem, Uint8Array>({ bytes: BUDGETS.itemMarkup, sizeOf: (markup) => markup.byteLength });
  return (item) => {
    let markup = written.get(item);
    if (markup === undefined) written.set(item, (markup = utf8(render(item))));
    return markup;
  };
}

/** The collection's current feed document, or archive page `page`. */
export function feedDocument(site: SiteConfig, collection: Collection, page?: number): FeedDocument {
  const pages = pageCount(collection);
  const articles = articlesOn(collection, site.feedItems, page);
  const tombstones = tombstonesOn(collection, site.feedItems, page).map((gone) => ({ ref: articleTag(site, gone), when: gone.when, url: articleUrl(site, gone) }));
  const urls = (p?: number): FormatUrls =>
    Object.fromEntries(FEED_FORMATS.map((format) => [format, absolute(site, feedPath(collection, format, p))])) as FormatUrls;
  const items = articles.map((article) => feedItem(site, article));
  const archive: ArchiveLinks | undefined =
    pages === 0
      ? undefined
      : page === undefined
        ? { archived: false, current: urls(), prev: urls(pages) }
        : {
            archived: true,
            current: urls(),
            ...(page > 1 ? { prev: urls(page - 1) } : {}),
            next: page < pages ? urls(page + 1) : urls(),
          };
  const language = documentLanguage(site, articles);
  return {
    id: `${site.tagPrefix}${collection.kind === "site" ? "feed" : `${collection.kind}:${slugSegment(collection.slug)}`}`,
    title: feedTitle(site, collection),
    description: collectionDescription(site, collection),
    ...(language === undefined ? {} : { language }),
    siteLanguage: site.language,
    author: { name: site.author, url: absolute(site, "/") },
    homeUrl: absolute(site, collectionPagePath(collection)),
    urls: urls(page),
    updated: tombstones.length === 0 ? newestUpdate(items) : documentUpdated(collection, site.feedItems, page),
    items,
    tombstones,
    ...(archive === undefined ? {} : { archive }),
    ...(site.hub === undefined || page !== undefined ? {} : { hub: site.hub }),
  };
}

/** A collection's feed title as readers show it: `wirefeed`, `Politics · wirefeed`, `#Ukraine · wirefeed`. */
export function feedTitle(site: SiteConfig, collection: Pick<Collection, "kind" | "name">): string {
  // The name balanced: an unclosed right-to-left override in it would reverse the site's name after it.
  return collection.kind === "site" ? site.title : `${collection.kind === "tag" ? "#" : ""}${balanceBidi(collection.name)} · ${site.title}`;
}

/** What a collection's feed and page say it is. */
export function collectionDescription(site: SiteConfig, collection: Pick<Collection, "kind" | "name">): string {
  if (collection.kind === "site") return site.description;
  return `${collection.kind === "tag" ? "Articles tagged" : "Articles in"} ${balanceBidi(collection.name)} from ${site.title}.`;
}
