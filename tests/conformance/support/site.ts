/**
 * The documents wirefeed serves, found the way a reader finds them, over HTTP
 * from the `wrangler dev` that global-setup started: every feed listed in
 * `/opml.xml` (its RSS URL; the Atom and JSON Feed siblings by file name),
 * then, from each current document, its RFC 5005 archive pages by following
 * `prev-archive` (JSON Feed: `next_url`) until none is left, each format on
 * its own. Plus the home page, the sitemap, robots.txt and every article page
 * an item links to. Fetched once per test file.
 */
import { DOMParser } from "@xmldom/xmldom";
import { inject } from "vitest";
import { NS, children } from "../../support/documents";
import { archivePageCount, collectionItems, documentItems, wranglerVar, type CollectionKind, type ExpectedItem } from "./articles";
import { ENTRY_POINTS } from "./constants";

export interface Served {
  url: string;
  status: number;
  contentType: string;
  headers: Headers;
  /** The bytes as served (after Content-Encoding), for tools that read files. */
  bytes: Uint8Array;
  /** The bytes as UTF-8; invalid UTF-8 fails the fetch. A BOM would stay visible here. */
  body: string;
}

export type FeedFormat = "rss" | "atom" | "json";
export const FEED_FORMATS: readonly FeedFormat[] = ["rss", "atom", "json"];
const FILE_NAMES: Record<FeedFormat, string> = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" };
export const MEDIA_TYPES: Record<FeedFormat, string> = { rss: "application/rss+xml", atom: "application/atom+xml", json: "application/feed+json" };

/** A feed as the OPML lists it: the name readers show, its RSS URL, its HTML page. */
export interface ListedFeed {
  text: string;
  xmlUrl: string;
  htmlUrl: string;
}

/** One feed document in its three formats, and the items it must hold. */
export interface FeedDocument extends Record<FeedFormat, Served> {
  /** For test names: the RSS document's path. */
  label: string;
  /** The OPML outline of the feed this document belongs to (an archive page: of its current document). */
  listed: ListedFeed;
  /** Undefined for the current (subscription) document; the archive page number (1 = oldest) it should be. */
  page?: number;
  /** Newest first. */
  expected: ExpectedItem[];
}

/** A feed listed in the OPML: a collection's current document and its archives. */
export interface Subscription {
  listed: ListedFeed;
  kind: CollectionKind;
  /** Every article of the collection, newest first. */
  items: ExpectedItem[];
  current: FeedDocument;
  /** Each format's archive pages in the order reached, newest first; `cycle` when a page was reached twice. */
  chains: Record<FeedFormat, { pages: Served[]; cycle: boolean }>;
  /** The chains zipped into documents, newest first. */
  archives: FeedDocument[];
}

export interface ServedSite {
  baseUrl: string;
  home: Served;
  opml: Served;
  sitemap: Served;
  robots: Served;
  subscriptions: Subscription[];
  /** Every feed document: each subscription's current document, then its archives. */
  documents: FeedDocument[];
  /** Article pages by URL, for every item of every JSON Feed document. */
  pages: Map<string, Served>;
}

export function baseUrl(): string {
  return inject("baseUrl");
}

export async function get(url: string): Promise<Served> {
  const response = await fetch(url);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const body = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  return { url, status: response.status, contentType: response.headers.get("Content-Type") ?? "", headers: response.headers, bytes, body };
}

export interface FeedLink {
  rel: string;
  href: string;
  type: string | undefined;
}

/**
 * The feed-level links of a document as a lenient reader sees them: RSS
 * `atom:link` in the channel, Atom `link`, JSON Feed `next_url` (as
 * `prev-archive`, the RFC 5005 relation it stands for). Nothing when the
 * document cannot be read; the strict checks are the tests' job.
 */
export function feedLinks(served: Served, format: FeedFormat): FeedLink[] {
  try {
    if (format === "json") {
      const next = (JSON.parse(served.body) as { next_url?: string }).next_url;
      return next === undefined ? [] : [{ rel: "prev-archive", href: next, type: undefined }];
    }
    const root = new DOMParser({ onError: () => {} }).parseFromString(served.body, "text/xml").documentElement!;
    const parent = format === "rss" ? children(root, "channel", null)[0]! : root;
    return children(parent, "link", NS.atom).map((link) => ({
      rel: link.getAttribute("rel") ?? "alternate",
      href: link.getAttribute("href") ?? "",
      type: link.getAttribute("type") ?? undefined,
    }));
  } catch {
    return [];
  }
}

/** More archive pages than any corpus here could fill: a chain this long is a loop that `cycle` missed. */
const MAX_CHAIN = 100;

/** Follow `prev-archive` from the current document until none is left (or a page repeats). */
async function archiveChain(current: Served, format: FeedFormat): Promise<{ pages: Served[]; cycle: boolean }> {
  const pages: Served[] = [];
  const seen = new Set([current.url]);
  let from = current;
  for (;;) {
    const prev = feedLinks(from, format).find((link) => link.rel === "prev-archive");
    if (prev === undefined) return { pages, cycle: false };
    if (seen.has(prev.href) || pages.length >= MAX_CHAIN) return { pages, cycle: true };
    seen.add(prev.href);
    from = await get(prev.href);
    pages.push(from);
  }
}

/** The Atom and JSON Feed siblings of an RSS document's URL (same folder, their file names). */
export function siblingUrl(rssUrl: string, format: FeedFormat): string {
  return rssUrl.replace(/feed\.xml$/, FILE_NAMES[format]);
}

/** The OPML outlines that are feeds: `type="rss"` with an `xmlUrl`. */
export function opmlFeeds(opml: Served): ListedFeed[] {
  const document = new DOMParser({ onError: () => {} }).parseFromString(opml.body, "text/xml");
  return Array.from(document.getElementsByTagName("outline"))
    .filter((outline) => outline.getAttribute("type") === "rss" && outline.hasAttribute("xmlUrl"))
    .map((outline) => ({ text: outline.getAttribute("text") ?? "", xmlUrl: outline.getAttribute("xmlUrl")!, htmlUrl: outline.getAttribute("htmlUrl") ?? "" }));
}

function kindOf(xmlUrl: string): CollectionKind {
  const path = new URL(xmlUrl).pathname;
  return path.startsWith("/sections/") ? "section" : path.startsWith("/tags/") ? "tag" : "site";
}

/** The collection an outline names: `wirefeed`, `Politics · wirefeed`, `#Congress · wirefeed`. */
function collectionName(text: string): string {
  return text.replace(new RegExp(` · ${wranglerVar("SITE_TITLE")}$`), "").replace(/^#/, "");
}

async function subscribe(base: string, listed: ListedFeed): Promise<Subscription> {
  const kind = kindOf(listed.xmlUrl);
  const items = collectionItems(base, kind, collectionName(listed.text));
  const [rss, atom, json] = await Promise.all(FEED_FORMATS.map((format) => get(siblingUrl(listed.xmlUrl, format))));
  const current = { rss: rss!, atom: atom!, json: json! };
  const [rssChain, atomChain, jsonChain] = await Promise.all(FEED_FORMATS.map((format) => archiveChain(current[format], format)));
  const document = (served: Record<FeedFormat, Served>, page?: number): FeedDocument => ({
    ...served,
    label: new URL(served.rss.url).pathname,
    listed,
    ...(page === undefined ? {} : { page }),
    expected: documentItems(items, page),
  });
  // The chains zipped page by page; the archive number a page should have counts down from the newest.
  const pageCount = archivePageCount(items.length);
  const zipped = Math.min(rssChain!.pages.length, atomChain!.pages.length, jsonChain!.pages.length);
  const archives = Array.from({ length: zipped }, (_, i) => document({ rss: rssChain!.pages[i]!, atom: atomChain!.pages[i]!, json: jsonChain!.pages[i]! }, pageCount - i));
  return { listed, kind, items, current: document(current), chains: { rss: rssChain!, atom: atomChain!, json: jsonChain! }, archives };
}

let site: Promise<ServedSite> | undefined;

export function servedSite(): Promise<ServedSite> {
  return (site ??= load());
}

async function load(): Promise<ServedSite> {
  const base = baseUrl();
  const [home, opml, sitemap, robots] = await Promise.all([ENTRY_POINTS.home, ENTRY_POINTS.opml, ENTRY_POINTS.sitemap, ENTRY_POINTS.robots].map((path) => get(`${base}${path}`)));
  const subscriptions = await Promise.all(opmlFeeds(opml!).map((outline) => subscribe(base, outline)));
  const documents = subscriptions.flatMap((subscription) => [subscription.current, ...subscription.archives]);
  const itemUrls = new Set<string>();
  for (const { json } of documents) {
    try {
      for (const { url } of (JSON.parse(json.body) as { items: Array<{ url: string }> }).items) itemUrls.add(url);
    } catch {
      // an unreadable JSON Feed fails its own tests; its pages are found through the others
    }
  }
  const pages = new Map(await Promise.all([...itemUrls].map(async (url) => [url, await get(url)] as const)));
  return { baseUrl: base, home: home!, opml: opml!, sitemap: sitemap!, robots: robots!, subscriptions, documents, pages };
}
