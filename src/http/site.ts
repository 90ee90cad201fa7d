import { ArchivedArticle, type Archive, type Corpus } from "../content/article-pack";
import { newestUpdate, type Article } from "../content/article";
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
import { articlesOn, pageCount } from "../render/pages";
import { renderRss } from "../render/rss";
import { renderRobots, renderSitemap, renderSitemapPart, sitemapPartCount } from "../render/sitemap";
import { FEED_FILES, FEED_FORMATS, absolute, documentPath, type CollectionRef, type DocumentName, type FeedFormat } from "../render/urls";
import { ttlMinutes } from "./cache-policy";
import { configKey, type Prerendered } from "./prerendered";
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
  private readonly recent = new LruMap<string, Document>({ bytes: BUDGETS.documents, sizeOf: (doc) => representationBytes(doc.representation) });
  /** Documents being rendered, so concurrent first requests render once. */
  private readonly pending = new Map<string, Promise<Document>>();

  #collections: Collections | undefined;
  #moved: MovedSlugs | undefined;

  /**
   * Nothing is read or grouped here: an isolate's first request pays only for
   * what it asks. Documents the build prerendered for this very configuration
   * are the site's from the start.
   */
  constructor(
    readonly config: SiteConfig,
    private readonly corpus: Corpus,
    prerendered: Prerendered | null = null,
    /** Where the pack's archived blocks are read from (the ARCHIVE assets binding). */
    private readonly archive?: Archive,
  ) {
    if (prerendered !== null && (prerendered.config === config || configKey(prerendered.config) === configKey(config))) {
      for (const [path, document] of prerendered.documents()) this.lasting.set(path, document);
    }
  }

  /** The site, its sections and its tags (grouped at build time; see article-pack.ts). */
  get collections(): Collections {
    return (this.#collections ??= {
      site: { kind: "site", slug: "", name: this.config.title, articles: this.corpus.articles },
      sections: this.corpus.sections,
      tags: this.corpus.tags,
    });
  }

  /**
   * The document `name` names, or undefined when it names none (an unknown
   * slug, a page past the last). `key` is its path; the router passes the
   * request's, which `documentAt` only accepts in the canonical spelling.
   * A document already in memory is returned as it is, not as a promise:
   * that is the answer to nearly every poll.
   */
  document(name: DocumentName, key: string = documentPath(name)): Document | Promise<Document> | undefined {
    const kept = this.lasting.get(key) ?? this.recent.get(key) ?? this.pending.get(key);
    if (kept !== undefined) return kept;
    const make = this.maker(name);
    if (make === undefined) return undefined;
    return this.withArticles(this.reads(name), () => this.rendering(key, name, make));
  }

  /**
   * `make()`, shared by the requests that ask for `key` while it renders.
   * What is shared waits on no I/O (rendering, hashing, gzip): workerd
   * cancels a request that waits on another request's I/O as hung, so each
   * request fetches archived blocks itself (`withArticles`) before it joins.
   */
  private rendering(key: string, name: DocumentName, make: () => Promise<Document>): Promise<Document> {
    const pending = this.pending.get(key);
    if (pending !== undefined) return pending;
    const made = make().then(
      (document) => {
        this.pending.delete(key);
        (isLasting(name) ? this.lasting : this.recent).set(key, document);
        return document;
      },
      (error: unknown) => {
        // A failure must not stick: the next request tries again.
        this.pending.delete(key);
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
      const pages = pageCount(collection, this.config.feedItems);
      for (let page = 0; page <= pages; page++) {
        const numbered = page === 0 ? {} : { page };
        yield { type: "listing", collection: ref, ...numbered };
        for (const format of FEED_FORMATS) yield { type: "feed", collection: ref, format, ...(page === 0 ? {} : { archive: page }) };
      }
    }
    for (const article of this.corpus.articles) yield { type: "article", slug: article.slug };
    const parts = sitemapPartCount(this.config, this.collections);
    for (let part = 1; part <= parts; part++) yield { type: "sitemap-part", part };
  }

  /** What answers a URL that names nothing: one HTML page, the same for every such URL and every client (app.ts says why). */
  notFound(): Document | Promise<Document> {
    const key = "404.html";
    const kept = this.lasting.get(key);
    if (kept !== undefined) return kept;
    return this.page(renderNotFoundPage(this.config, this.collections), this.newest(), "not-found").then((document) => {
      this.lasting.set(key, document);
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
        const article = this.corpus.bySlug(name.slug);
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
          return this.page(html, newestUpdate(articlesOn(collection, this.config.feedItems, name.page)));
        };
      }
      case "index":
        return () => this.page(renderIndexPage(this.config, this.collections, name.kind), this.newest());
      case "article": {
        const article = this.corpus.bySlug(name.slug);
        return article === undefined ? undefined : () => this.page(renderArticlePage(this.config, this.collections, article), article.updated);
      }
      case "feeds":
        return () => this.page(renderFeedsPage(this.config, this.collections), this.newest());
      case "opml":
        return () => this.render(renderOpml(this.config, this.collections), "opml", this.newest(), "page");
      case "sitemap":
        return () => this.render(renderSitemap(this.config, this.collections), "xml", this.newest(), "page");
      case "sitemap-part": {
        if (name.part > sitemapPartCount(this.config, this.collections)) return undefined;
        return () => this.render(renderSitemapPart(this.config, this.collections, name.part), "xml", this.newest(), "page");
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
    return page === undefined || page <= pageCount(collection, this.config.feedItems);
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

  /** The newest `updated` of all, as the build found it. */
  private newest(): string {
    return this.corpus.newest;
  }
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
