import type { Article } from "../content/article";
import { isCollectionSlug, type Collection } from "../content/collections";
import type { SiteConfig } from "../config";
import { copyOf } from "../string-copy";

/**
 * Where things live, both ways: `documentPath` gives the path of a document,
 * `documentAt` the document a path names. The documents link with the first
 * and the Worker answers with the second, so a URL can only be served if it
 * could have been written, and every link written is served (a property test
 * holds them to each other).
 */
export const PATHS = {
  home: "/",
  feeds: "/feeds",
  opml: "/opml.xml",
  sitemap: "/sitemap.xml",
  robots: "/robots.txt",
  favicon: "/favicon.ico",
  negotiatedFeed: "/feed",
  articlePrefix: "/articles/",
} as const;

export type FeedFormat = "rss" | "atom" | "json";
export const FEED_FORMATS: readonly FeedFormat[] = ["rss", "atom", "json"];

/** File name of each format, under a collection's path or its archive pages. */
export const FEED_FILES: Record<FeedFormat, string> = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" };

/** The site, a section or a tag, by what its URLs need. */
export type CollectionRef = Pick<Collection, "kind" | "slug">;

/** Folder of each kind of collection: `/sections/<slug>`, `/tags/<slug>`. */
const COLLECTION_FOLDERS = { section: "sections", tag: "tags" } as const;

/**
 * What a URL names: data only, nothing of the request that asked for it.
 * Whether the section, tag, article or page exists is the site's question;
 * this is the URL's grammar.
 */
export type DocumentName =
  /** A feed, or its RFC 5005 archive page `archive` (1 = oldest). */
  | { type: "feed"; collection: CollectionRef; format: FeedFormat; archive?: number }
  /** `/feed`: the site's feed in the format `Accept` asks for. */
  | { type: "negotiated-feed" }
  /** The home page (the site), a section's or a tag's page; `page` counts from the oldest, like archives. */
  | { type: "listing"; collection: CollectionRef; page?: number }
  /** `/sections`, `/tags`: every section or tag. */
  | { type: "index"; kind: "section" | "tag" }
  | { type: "article"; slug: string }
  /** Part `part` (1…) of a sitemap too large for one document; `/sitemap.xml` is then their index. */
  | { type: "sitemap-part"; part: number }
  | { type: "feeds" | "opml" | "sitemap" | "robots" | "favicon" };

const FIXED: Record<string, DocumentName> = {
  [PATHS.home]: { type: "listing", collection: { kind: "site", slug: "" } },
  [PATHS.feeds]: { type: "feeds" },
  [PATHS.opml]: { type: "opml" },
  [PATHS.sitemap]: { type: "sitemap" },
  [PATHS.robots]: { type: "robots" },
  [PATHS.favicon]: { type: "favicon" },
  [PATHS.negotiatedFeed]: { type: "negotiated-feed" },
  [indexPath("section")]: { type: "index", kind: "section" },
  [indexPath("tag")]: { type: "index", kind: "tag" },
};

const FORMAT_OF_FILE = new Map(Object.entries(FEED_FILES).map(([format, file]) => [file, format as FeedFormat]));

/** Lowercase ASCII words joined by single hyphens: every article slug, and most collection slugs, as wirefeed writes them (src/content/slug.ts). */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG = 128;
/** Page numbers as written: no sign, no leading zero; six digits is more pages than a Worker can hold. */
const PAGE_NUMBER = /^[1-9][0-9]{0,5}$/;

/**
 * The document `path` names, or undefined when it names none. `path` is the
 * URL's path as sent (still percent-encoded, no query): only the exact
 * spelling wirefeed writes is recognised, so each document has one URL.
 *
 * The name of a path asked for before is the one found then (`NAMED`): the
 * same object, which no caller changes. A poller asks for the same few paths
 * over and over, and reading one was 1.5 µs of a 304's 36 in the bench's
 * profile; remembered, 0.5 (BENCHMARKS.md, "Where a warm request's time
 * goes", which the profiler's cost inflates alike). On the
 * 100-article corpus (`BENCH_ONLY=floor BENCH_SIZES=100`, two quiet runs,
 * the routes in one order and then the reverse, the A/A control at
 * 0.94–1.01), 11 and 22 of 41 routes cost more than 5 % over the floor's
 * CPU, all but one of them routes whose paths were read on every request
 * (feeds, section and tag pages); with the names remembered, none did but
 * the feeds page's 200, a path in FIXED, at 0.95.
 */
export function documentAt(path: string): DocumentName | undefined {
  const known = NAMED.get(path);
  if (known !== undefined) return known;
  const name = FIXED[path] ?? readPath(path);
  if (name === undefined) return undefined;
  // What is kept is read again from a copy of its own (src/string-copy.ts): the router's path is a
  // slice of the request's URL, and so is a slug split from it. (V8 happens to copy a string used to
  // look up a property, as FIXED[path] is, but nothing here should rest on that.) A path that names
  // a document is ASCII and short, so copying it is cheap; one that names nothing is not copied.
  const own = copyOf(path);
  const kept = FIXED[own] ?? readPath(own)!;
  // Bounded by forgetting them all at once: cheaper per request than ordering them by use, and a
  // crawl through every article, whose paths are each asked for once, cannot hold more than this.
  if (NAMED.size >= MOST_NAMED) NAMED.clear();
  NAMED.set(own, kept);
  return kept;
}

/** Names of paths asked for before (documentAt), at most MOST_NAMED of them; paths that name nothing are not kept. */
const NAMED = new Map<string, DocumentName>();
const MOST_NAMED = 1024;

/** `documentAt`, reading the path. */
function readPath(path: string): DocumentName | undefined {
  const parts = path.split("/");
  // A path starts with "/": parts[0] is "". Collections take two segments first.
  let collection: CollectionRef = { kind: "site", slug: "" };
  let rest = parts.slice(1);
  const kind = rest[0] === COLLECTION_FOLDERS.section ? "section" : rest[0] === COLLECTION_FOLDERS.tag ? "tag" : undefined;
  if (kind !== undefined) {
    const slug = collectionSlugAt(rest[1]);
    if (slug === undefined) return undefined;
    collection = { kind, slug };
    rest = rest.slice(2);
    if (rest.length === 0) return { type: "listing", collection };
  } else if (rest[0] === "articles") {
    return rest.length === 2 && isSlug(rest[1]) ? { type: "article", slug: rest[1] } : undefined;
  } else if (rest[0] === SITEMAP_FOLDER) {
    const part = rest.length === 2 ? /^([1-9][0-9]{0,5})\.xml$/.exec(rest[1]!)?.[1] : undefined;
    return part === undefined ? undefined : { type: "sitemap-part", part: Number(part) };
  }
  if (rest.length === 1) {
    const format = FORMAT_OF_FILE.get(rest[0]!);
    return format === undefined ? undefined : { type: "feed", collection, format };
  }
  if (rest.length === 2 && rest[0] === "page" && PAGE_NUMBER.test(rest[1]!)) return { type: "listing", collection, page: Number(rest[1]) };
  if (rest.length === 3 && rest[0] === "archive" && PAGE_NUMBER.test(rest[1]!)) {
    const format = FORMAT_OF_FILE.get(rest[2]!);
    return format === undefined ? undefined : { type: "feed", collection, format, archive: Number(rest[1]) };
  }
  return undefined;
}

function isSlug(segment: string | undefined): segment is string {
  return segment !== undefined && segment.length <= MAX_SLUG && SLUG.test(segment);
}

/**
 * The collection slug a path segment spells, decoded once, or undefined when
 * it spells none in the one way `slugSegment` writes it: `%D0%B2`, not
 * `%d0%b2` nor `в` raw; `c++`, not `c%2B%2B`. A segment decoded twice
 * (`%2523`) is no slug: `%` is in none.
 */
function collectionSlugAt(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  if (segment.length <= MAX_SLUG && SLUG.test(segment)) return segment;
  // A slug's every character written as %XX%XX%XX%XX at most.
  if (segment.length > MAX_SLUG * 12) return undefined;
  const slug = decodeSegment(segment);
  return slug !== undefined && slugSegment(slug) === segment && isCollectionSlug(slug) ? slug : undefined;
}

/** A path segment, percent-decoded once; undefined when it is not UTF-8 percent-encoded. */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * A slug as a path segment: UTF-8 percent-encoded, so documents carry URIs
 * (feeds must; browsers show the letters decoded in the address bar), and
 * `#` as `%23`. `+` means itself in a path (RFC 3986 sub-delims) and stays
 * readable: `/tags/c++`. An ASCII slug is itself.
 */
export function slugSegment(slug: string): string {
  return SLUG.test(slug) ? slug : encodeURIComponent(slug).replace(/%2B/g, "+");
}

/** The path of a document: the one spelling `documentAt` reads back. */
export function documentPath(name: DocumentName): string {
  switch (name.type) {
    case "feed":
      return feedPath(name.collection, name.format, name.archive);
    case "listing":
      return name.page === undefined ? collectionPagePath(name.collection) : `${collectionBase(name.collection)}/page/${name.page}`;
    case "index":
      return indexPath(name.kind);
    case "article":
      return articlePath(name);
    case "sitemap-part":
      return sitemapPartPath(name.part);
    case "negotiated-feed":
      return PATHS.negotiatedFeed;
    default:
      return PATHS[name.type];
  }
}

export function absolute(site: SiteConfig, path: string): string {
  return `${site.siteUrl}${path}`;
}

/** `` for the site, `/sections/<slug>`, `/tags/<slug>`. */
export function collectionBase(collection: CollectionRef): string {
  return collection.kind === "site" ? "" : `/${COLLECTION_FOLDERS[collection.kind]}/${slugSegment(collection.slug)}`;
}

/** The collection's HTML page: its newest articles. */
export function collectionPagePath(collection: CollectionRef): string {
  return collectionBase(collection) || PATHS.home;
}

/** Page `page` (1 = oldest) of the collection's HTML listing; the newest articles are at its own path. */
export function listingPagePath(collection: CollectionRef, page?: number): string {
  return documentPath({ type: "listing", collection, ...(page === undefined ? {} : { page }) });
}

/** A feed of the collection: its current document, or archive page `page` (RFC 5005). */
export function feedPath(collection: CollectionRef, format: FeedFormat, page?: number): string {
  return `${collectionBase(collection)}${page === undefined ? "" : `/archive/${page}`}/${FEED_FILES[format]}`;
}

/** `/sections` or `/tags`. */
export function indexPath(kind: "section" | "tag"): string {
  return `/${COLLECTION_FOLDERS[kind]}`;
}

const SITEMAP_FOLDER = "sitemaps";

/** Part `part` of a large site's sitemap. */
export function sitemapPartPath(part: number): string {
  return `/${SITEMAP_FOLDER}/${part}.xml`;
}

export function articlePath(article: Pick<Article, "slug">): string {
  return `${PATHS.articlePrefix}${article.slug}`;
}

export function articleUrl(site: SiteConfig, article: Pick<Article, "slug">): string {
  return absolute(site, articlePath(article));
}

/** The item's permanent id: a tag URI from the configured prefix and the seed id. */
export function articleTag(site: SiteConfig, article: Pick<Article, "id">): string {
  return `${site.tagPrefix}article:${article.id}`;
}
