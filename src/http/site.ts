import { ArchivedArticle, type Archive, type Corpus } from "../content/article-pack";
import type { Article } from "../content/article";
import type { Collection, Collections } from "../content/collections";
import { movedSlugs, type MovedSlugs } from "../content/legacy-slugs";
import type { SiteConfig } from "../config";
import { renderAtom } from "../render/atom";
import { favicon } from "../render/favicon";
import { feedDocument } from "../render/feed-document";
import { renderArticlePage } from "../render/html/article-page";
import { renderCollectionPage } from "../render/html/collection-page";
import { renderFeedsPage } from "../render/html/feeds-page";
import { renderHomePage } from "../render/html/home-page";
import { renderIndexPage } from "../render/html/index-page";
import { renderNotFoundPage } from "../render/html/not-found-page";
import { renderJsonFeed } from "../render/json-feed";
import { BUDGETS } from "../budgets";
import { LruMap } from "../lru-map";
import { renderOpml } from "../render/opml";
import { articlesOn, documentUpdated, pageCount } from "../render/pages";
import { copyOf } from "../string-copy";
import { viewAt, type View } from "../content/timeline";
import { renderRss } from "../render/rss";
import { renderRobots, renderSitemap, renderSitemapPart, sitemapPartCount } from "../render/sitemap";
import { FEED_FILES, FEED_FORMATS, absolute, documentPath, type CollectionRef, type DocumentName, type FeedFormat } from "../render/urls";
import { ttlMinutes } from "./cache-policy";
import { configKey, readStored, type Prerendered, type StoredEntry } from "./prerendered";
import { representationBytes, represent } from "./representation";
import type { Document, RespondOptions } from "./respond";
import { htmlSecurityHeaders } from "./security-headers";

export type { Document } from "./respond";

export const CONTENT_TYPES = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
  html: "text/html; charset=utf-8",
  opml: "text/x-opml; charset=utf-8",
  xml: "application/xml; charset=utf-8",
  text: "text/plain; charset=utf-8",
  icon: "image/x-icon",
} as const;

/** When the favicon was drawn: its Last-Modified, as it depends on no article. */
const FAVICON_DATE = "2026-11-29T00:00:00Z";

/**
 * One isolate's state for one configuration: the articles grouped into
 * collections, and the documents rendered so far, keyed by their path. Each
 * document is rendered at most once per isolate while it stays in memory;
 * later requests, 200 or 304, only choose headers. Nothing here holds anything
 * of a request.
 */
export class Site {
  /** The site's own feeds and pages: a handful, polled most, kept for the isolate's life. */
  private readonly lasting = new Map<string, Document>();
  /** Everything else, by bytes: at 10,000 articles, one of each would outgrow the isolate. */
  private recent = newRecent();
  /** Documents being rendered, so concurrent first requests render once. */
  private readonly pending = new Map<string, Promise<Document>>();

  #moved: MovedSlugs | undefined;
  #view: View | undefined;
  /** The build's documents while the clock shows what the build's did, for the ones it stored as files. */
  #built: Prerendered | null = null;
  /** The build's documents, when they were made for this configuration. */
  private readonly prerendered: Prerendered | null;

  /**
   * Nothing is read or grouped here: an isolate's first request pays only for
   * what it asks. Documents the build prerendered for this very configuration,
   * and for what the clock shows (View.key), are the site's from the start.
   */
  constructor(
    readonly config: SiteConfig,
    private readonly corpus: Corpus,
    prerendered: Prerendered | null = null,
    /** Where the pack's archived blocks are read from (the ARCHIVE assets binding). */
    private readonly archive?: Archive,
    /** Milliseconds since the epoch: Date.now in the Worker, any clock in tests. */
    readonly clock: () => number = Date.now,
  ) {
    this.prerendered = prerendered !== null && (prerendered.config === config || configKey(prerendered.config) === configKey(config)) ? prerendered : null;
  }

  /**
   * What the site shows at `now`. Within the current view's span this is one
   * comparison; past it (an embargo lifts, a licence ends), the next view
   * is made and every document rendered for another one is dropped, the
   * build's included unless they were made for this one: no cache here ever
   * serves a story before its time or after it was taken back.
   */
  at(now: number = this.clock()): View {
    const view = this.#view;
    if (view !== undefined && now >= view.from && now < view.until) return view;
    const next = viewAt(this.corpus, now, this.config.title);
    if (view === undefined || next.key !== view.key) {
      this.lasting.clear();
      this.recent = newRecent();
      this.pending.clear();
      this.#moved = undefined;
      this.#built = this.prerendered !== null && this.prerendered.epoch === next.key ? this.prerendered : null;
      if (this.#built !== null) {
        for (const [path, document] of this.#built.documents()) this.lasting.set(path, document);
      }
    }
    return (this.#view = next);
  }

  /** The site, its sections and its tags as shown now (grouped at build time; see article-pack.ts and timeline.ts). */
  get collections(): Collections {
    return this.at().collections;
  }

  /** When the story at `slug` was taken back, if it was and is not shown now: its URL answers 410 Gone. */
  gone(slug: string): string | undefined {
    return this.at().gone(slug);
  }

  /**
   * The document `name` names, or undefined when it names none (an unknown
   * slug, a page past the last). `key` is its path; the router passes the
   * request's, which `documentAt` only accepts in the canonical spelling.
   * A document already in memory is returned as it is, not as a promise:
   * that is the answer to nearly every poll.
   */
  document(name: DocumentName, key: string = documentPath(name)): Document | Promise<Document> | undefined {
    this.at();
    const kept = this.lasting.get(key) ?? this.recent.get(key) ?? this.pending.get(key);
    if (kept !== undefined) return kept;
    // Stored for this very view, so it exists: found without grouping anything (a sitemap part counts every page to know).
    const stored = this.archive === undefined ? undefined : this.#built?.stored(key);
    if (stored !== undefined) return this.fromStore(key, name, stored);
    const make = this.maker(name);
    if (make === undefined) return undefined;
    return this.made(key, name, make);
  }

  /** `make()`'s document, rendered once its articles are readable. */
  private made(key: string, name: DocumentName, make: () => Promise<Document>): Promise<Document> {
    return this.withArticles(this.reads(name), () => this.rendering(key, name, make));
  }

  /**
   * The document the build stored as a file (prerendered.ts, `storedNames`),
   * read through the ARCHIVE binding and checked against its hash; rendered
   * instead should the file be missing or another's, which it is not when
   * the Worker and its assets were deployed together.
   */
  private async fromStore(key: string, name: DocumentName, stored: StoredEntry): Promise<Document> {
    let document: Document;
    try {
      document = await readStored(stored, await this.archive!(stored.file));
    } catch (error) {
      console.error(`wirefeed: rendering ${key}, as its stored file could not be read:`, error);
      const make = this.maker(name);
      // The clock moved on during the read, and the document is gone with the view it was stored for.
      if (make === undefined) throw new Error(`${key} names no document since the view its stored file was made for`);
      return this.made(key, name, make);
    }
    // Shared as a render is, once this request's own read is done (see `rendering`).
    return this.rendering(key, name, () => Promise.resolve(document));
  }

  /**
   * `make()`, shared by the requests that ask for `key` while it renders.
   * What is shared waits on no I/O (rendering, hashing, gzip): workerd
   * cancels a request that waits on another request's I/O as hung, so each
   * request fetches archived blocks itself (`withArticles`) before it joins.
   */
  private rendering(path: string, name: DocumentName, make: () => Promise<Document>): Promise<Document> {
    const pending = this.pending.get(path);
    if (pending !== undefined) return pending;
    // Kept under a copy of its own: the router's `path` is a slice of the request's URL (src/string-copy.ts).
    const key = copyOf(path);
    const view = this.#view;
    const made = make().then(
      (document) => {
        // Rendered for a view the clock has left meanwhile: answered to this request, kept for none.
        if (this.#view !== view) return document;
        this.pending.delete(key);
        (isLasting(name) ? this.lasting : this.recent).set(key, document);
        return document;
      },
      (error: unknown) => {
        // A failure must not stick: the next request tries again.
        if (this.#view === view) this.pending.delete(key);
        throw error;
      },
    );
    this.pending.set(key, made);
    return made;
  }

  /**
   * The section or tag at the slug its name had before issue 20, where that
   * slug named only it (content/legacy-slugs.ts); worked out on the first
   * request for a URL that names nothing.
   */
  movedCollection(ref: CollectionRef): CollectionRef | undefined {
    if (ref.kind === "site") return undefined;
    const slug = (this.#moved ??= movedSlugs(this.collections))[ref.kind].get(ref.slug);
    return slug === undefined ? undefined : { kind: ref.kind, slug };
  }

  /** Whether `name` names a document of this site (without rendering it). */
  has(name: DocumentName): boolean {
    this.at();
    return this.maker(name) !== undefined;
  }

  /** Every document this site answers for (`/feed` aside, which is one of the site's feeds). */
  *names(): Generator<DocumentName> {
    const fixed = ["feeds", "opml", "sitemap", "robots", "favicon"] as const;
    for (const type of fixed) yield { type };
    yield { type: "index", kind: "section" };
    yield { type: "index", kind: "tag" };
    const { site, sections, tags } = this.collections;
    for (const collection of [site, ...sections.values(), ...tags.values()]) {
      const ref: CollectionRef = { kind: collection.kind, slug: collection.slug };
      const pages = pageCount(collection);
      for (let page = 0; page <= pages; page++) {
        const numbered = page === 0 ? {} : { page };
        yield { type: "listing", collection: ref, ...numbered };
        for (const format of FEED_FORMATS) yield { type: "feed", collection: ref, format, ...(page === 0 ? {} : { archive: page }) };
      }
    }
    for (const article of site.articles) yield { type: "article", slug: article.slug };
    const parts = sitemapPartCount(this.config, this.collections);
    for (let part = 1; part <= parts; part++) yield { type: "sitemap-part", part };
  }

  /** What answers a URL that names nothing: one HTML page, the same for every such URL and every client (app.ts says why). */
  notFound(): Document | Promise<Document> {
    this.at();
    const key = "404.html";
    const kept = this.lasting.get(key);
    if (kept !== undefined) return kept;
    const view = this.#view;
    return this.page(renderNotFoundPage(this.config, this.collections), this.newest(), "not-found").then((document) => {
      if (this.#view === view) this.lasting.set(key, document);
      return document;
    });
  }

  /**
   * `make()`, once the articles it reads are readable: nearly always at once;
   * for old articles of a large site, once their archived blocks are fetched
   * (article-pack.ts). `reads` says which it will read; should it read
   * another, it is fetched and the document made again.
   */
  private async withArticles(reads: Iterable<Article>, make: () => Promise<Document>): Promise<Document> {
    const holds = [await this.corpus.prepare(reads, this.archive)];
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await make();
        } catch (error) {
          if (!(error instanceof ArchivedArticle) || attempt > MAX_ARCHIVE_ATTEMPTS) throw error;
          holds.push(await this.corpus.prepare([error.article], this.archive));
        }
      }
    } finally {
      for (const held of holds) held?.release();
    }
  }

  /** The articles whose every field the document `name` shows. */
  private reads(name: DocumentName): Iterable<Article> {
    switch (name.type) {
      case "feed":
      case "listing": {
        const collection = this.collection(name.collection);
        return collection === undefined ? [] : articlesOn(collection, this.config.feedItems, name.type === "feed" ? name.archive : name.page);
      }
      case "article": {
        const article = this.at().shown(name.slug);
        return article === undefined ? [] : [article];
      }
      default:
        // The others show what the index holds: titles of no article, slugs, dates, collections.
        return [];
    }
  }

  /** How to make the document `name` names, or undefined when it names none. */
  private maker(name: DocumentName): (() => Promise<Document>) | undefined {
    switch (name.type) {
      case "feed": {
        const collection = this.collection(name.collection);
        if (collection === undefined || !this.hasPage(collection, name.archive)) return undefined;
        return () => this.feed(collection, name.format, name.archive);
      }
      case "listing": {
        const collection = this.collection(name.collection);
        if (collection === undefined || !this.hasPage(collection, name.page)) return undefined;
        return () => {
          const html =
            collection.kind === "site"
              ? renderHomePage(this.config, this.collections, name.page)
              : renderCollectionPage(this.config, this.collections, collection, name.page);
          return this.page(html, documentUpdated(collection, this.config.feedItems, name.page));
        };
      }
      case "index":
        return () => this.page(renderIndexPage(this.config, this.collections, name.kind), this.newest());
      case "article": {
        const article = this.at().shown(name.slug);
        return article === undefined ? undefined : () => this.page(renderArticlePage(this.config, this.collections, article), article.updated);
      }
      case "feeds":
        return () => this.page(renderFeedsPage(this.config, this.collections), this.newest());
      case "opml":
        return () => this.render(renderOpml(this.config, this.collections, this.newest()), "opml", this.newest(), "page");
      case "sitemap":
        return () => this.render(renderSitemap(this.config, this.collections, this.newest()), "xml", this.newest(), "page");
      case "sitemap-part": {
        if (name.part > sitemapPartCount(this.config, this.collections)) return undefined;
        return () => this.render(renderSitemapPart(this.config, this.collections, this.newest(), name.part), "xml", this.newest(), "page");
      }
      case "robots":
        return () => this.render(renderRobots(this.config), "text", this.newest(), "page");
      case "favicon":
        return () => this.render(favicon(), "icon", FAVICON_DATE, "static");
      case "negotiated-feed":
        // Which feed depends on the request's Accept: the HTTP layer picks it and asks for that one.
        return undefined;
    }
  }

  private collection(ref: CollectionRef): Collection | undefined {
    if (ref.kind === "site") return this.collections.site;
    return (ref.kind === "section" ? this.collections.sections : this.collections.tags).get(ref.slug);
  }

  /** Page `page` (1 = oldest) exists while it is full; undefined is the current document, which always does. */
  private hasPage(collection: Collection, page: number | undefined): boolean {
    return page === undefined || page <= pageCount(collection);
  }

  private async feed(collection: Collection, format: FeedFormat, archive?: number): Promise<Document> {
    const feed = feedDocument(this.config, collection, archive);
    const bytes = format === "rss" ? renderRss(feed, { ttlMinutes: ttlMinutes(this.config) }) : format === "atom" ? renderAtom(feed) : renderJsonFeed(feed);
    const headers = collection.kind === "site" && archive === undefined ? websubLinks(this.config, format) : undefined;
    return this.render(bytes, format, feed.updated, archive === undefined ? "feed" : "archive", headers);
  }

  private async page(html: string, updated: string, kind: RespondOptions["kind"] = "page"): Promise<Document> {
    return this.render(html, "html", updated, kind, await htmlSecurityHeaders());
  }

  private async render(
    content: string | Uint8Array,
    type: keyof typeof CONTENT_TYPES,
    updated: string,
    kind: RespondOptions["kind"],
    headers?: Record<string, string>,
  ): Promise<Document> {
    const representation = await represent(content, CONTENT_TYPES[type], updated);
    return { representation, options: headers === undefined ? { kind } : { kind, headers } };
  }

  /** The newest `updated` shown, or the latest taking back, as the build found it for a site with nothing waiting. */
  private newest(): string {
    return this.at().newest;
  }
}

function newRecent(): LruMap<string, Document> {
  return new LruMap<string, Document>({ bytes: BUDGETS.documents, sizeOf: (doc) => representationBytes(doc.representation) });
}

/**
 * Each attempt fetches and holds what the last one found missing, so this
 * bounds only a renderer that reads far more than `reads` says.
 */
const MAX_ARCHIVE_ATTEMPTS = 100;

/** The site's own documents, polled most and few: kept for the isolate's life. */
function isLasting(name: DocumentName): boolean {
  switch (name.type) {
    case "feed":
      return name.collection.kind === "site" && name.archive === undefined;
    case "listing":
      return name.collection.kind === "site" && name.page === undefined;
    case "article":
    case "sitemap-part":
      return false;
    default:
      return true;
  }
}

/** WebSub (W3C, §4): the hub and the topic URL as Link headers, beside the in-document links. */
export function websubLinks(site: SiteConfig, format: FeedFormat): Record<string, string> | undefined {
  if (site.hub === undefined) return undefined;
  return { Link: `<${site.hub}>; rel="hub", <${absolute(site, `/${FEED_FILES[format]}`)}>; rel="self"` };
}
