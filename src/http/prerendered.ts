import { archiveName, archiveNameOf, type ArchiveFiles } from "../content/article-pack";
import type { Collections } from "../content/collections";
import { ENV_NAMES, type Env, type SiteConfig } from "../config";
import { sitemapPartCount } from "../render/sitemap";
import { FEED_FORMATS, type DocumentName } from "../render/urls";
import type { Representation } from "./representation";
import type { RespondOptions } from "./respond";
import type { Document } from "./site";

/**
 * Documents rendered at build time for the configuration in wrangler.toml,
 * shipped as a Data module beside the article pack.
 *
 * A fresh isolate's first request is nearly always one of the site's feeds,
 * and rendering, hashing and gzipping a 50-item feed there cost more than the
 * 10 ms of CPU a Free-plan request gets. Those documents depend on the seeds
 * and on `[vars]`, both known when the build runs: they are made then, by the
 * same `Site` that makes them at run time, and an isolate whose configuration
 * is the one they were made for starts with them. Any other configuration
 * (`npm start` sets SITE_URL to localhost; `wrangler deploy --var …`) renders
 * its own at run time, so an override is never served stale documents.
 * Large sites also get their sitemap index made then (`prerenderedNames`).
 */
export const PRERENDERED_NAMES: readonly DocumentName[] = [
  { type: "feed", collection: { kind: "site", slug: "" }, format: "rss" },
  { type: "feed", collection: { kind: "site", slug: "" }, format: "atom" },
  { type: "feed", collection: { kind: "site", slug: "" }, format: "json" },
  { type: "listing", collection: { kind: "site", slug: "" } },
];

/**
 * What the build prerenders of a site as `config` and the build's clock show
 * it (`collections`): PRERENDERED_NAMES, and `/sitemap.xml` when it is an index
 * of parts. An index is a few lines, but each part's lastmod is the newest
 * date of the up to SITEMAP_URLS pages it lists, so rendering it reads every
 * page's date: about 90 ms of a fresh isolate's first request at 100,000
 * articles. A sitemap that is one urlset (up to 5,000 pages, about 1 MB) is
 * stored as a file instead (`storedNames`): the bundle would carry it for a
 * request a fresh isolate rarely gets.
 */
export function prerenderedNames(config: SiteConfig, collections: Collections): readonly DocumentName[] {
  return sitemapPartCount(config, collections) > 0 ? [...PRERENDERED_NAMES, { type: "sitemap" }] : PRERENDERED_NAMES;
}

/**
 * The most documents the build stores as files (`storedNames`), and the most
 * bytes of them: a site with thousands of tags gets the feeds of its largest
 * sections and tags stored, not an upload of every one (Workers Static
 * Assets take 20,000 files on the Free plan, the archived blocks included).
 */
export const STORED_DOCUMENTS = 1_000;
export const STORED_BYTES = 64 * 2 ** 20;

/**
 * What the build renders into files of wrangler.toml's [assets] folder, beside
 * the archived article blocks: the pages that list the site's feeds (what a
 * reader's "subscribe" or a crawler starts from), the sitemap (a small
 * site's one urlset, or a large site's parts), and each section's and tag's
 * feeds, largest first. A fresh isolate's first request for one otherwise
 * renders it: `/feeds` and OPML name every section and tag, a tag's 50 newest
 * stories are spread over as many blocks, each inflated whole, and a sitemap
 * dates every page it lists from its stories: 7–80 ms at 100,000 articles
 * (BENCHMARKS.md, section 2), about 4 ms for the one urlset of 100 articles.
 * Fetching the file is one read of the assets store. Archive pages
 * (thousands at that size, each a render of 50 stories) and article pages
 * are left to the Worker.
 */
export function storedNames(config: SiteConfig, collections: Collections): readonly DocumentName[] {
  const names: DocumentName[] = [{ type: "feeds" }, { type: "opml" }, { type: "index", kind: "section" }, { type: "index", kind: "tag" }];
  const parts = sitemapPartCount(config, collections);
  // A large site's index is in the bundle (`prerenderedNames`); a small site's one urlset is stored here.
  if (parts === 0) names.push({ type: "sitemap" });
  for (let part = 1; part <= parts; part++) names.push({ type: "sitemap-part", part });
  // Largest first: the ones most readers poll. Ties keep `collect`'s order.
  const groups = [...collections.sections.values(), ...collections.tags.values()].sort((a, b) => b.articles.length - a.articles.length);
  for (const { kind, slug } of groups) for (const format of FEED_FORMATS) names.push({ type: "feed", collection: { kind, slug }, format });
  return names.slice(0, STORED_DOCUMENTS);
}

const MAGIC = 0x32444657; // "WFD2"

/** What the build prerendered, for which configuration. */
export interface Prerendered {
  /** The configuration they were rendered for. */
  readonly config: SiteConfig;
  /**
   * What the build's clock showed (View.key): a Worker serves them only while
   * its own clock shows the same, so they never hide a story whose embargo has
   * passed, nor show one taken back since.
   */
  readonly epoch: string;
  /** The languages most of the copy is in, most common first (`warmUpLanguages`): their date formatters are made while the isolate starts. */
  readonly languages: readonly string[];
  /**
   * That configuration, when `env` holds exactly the variables it was made
   * from: a Worker deployed with wrangler.toml's [vars] skips validating them
   * again on its first request. Undefined for any other env.
   */
  configFor(env: Env): SiteConfig | undefined;
  /** The documents, keyed by path, made on first read. */
  documents(): ReadonlyMap<string, Document>;
  /** Where the document at `path` is stored, when the build stored it as a file (`storedNames`); read it with `readStored`. */
  stored(path: string): StoredEntry | undefined;
}

/**
 * A document the build wrote as a file of the [assets] folder: its headers
 * here, its gzip there (nearly every client takes gzip; the few that do not
 * get it inflated). The plain bytes too would make a sitemap part's file
 * nine times the size, and reading it the slowest part of the request.
 */
export interface StoredEntry {
  path: string;
  /** The file's name, `<first 128 bits of its SHA-256, in hex>.bin`, as the archived blocks are named. */
  file: string;
  contentType: string;
  hash: string;
  lastModified: string;
  lastModifiedSeconds: number;
  /** The plain bytes' length. */
  length: number;
  options: RespondOptions;
}

interface Entry {
  path: string;
  contentType: string;
  hash: string;
  lastModified: string;
  lastModifiedSeconds: number;
  body: [start: number, length: number];
  gzip: [start: number, length: number];
  options: RespondOptions;
}

/** What identifies a configuration: every setting that can change a byte or a header. */
export function configKey(config: SiteConfig): string {
  return JSON.stringify(config);
}

/**
 * Documents as files of their gzip, each named by its hash, added one by one
 * as the build renders them: up to STORED_DOCUMENTS of them and STORED_BYTES,
 * in order. Only each one's gzip is kept, not the document.
 */
export class DocumentStore {
  readonly entries: StoredEntry[] = [];
  readonly files = new Map<string, Uint8Array>();
  #bytes = 0;

  /** Stores `document` as the one at `path`; false, storing nothing, once the store is full. */
  add(path: string, { representation: rep, options }: Document): boolean {
    if (this.entries.length === STORED_DOCUMENTS || this.#bytes + rep.gzip.byteLength > STORED_BYTES) return false;
    this.#bytes += rep.gzip.byteLength;
    const file = `${archiveName(rep.gzip)}.bin`;
    this.files.set(file, rep.gzip);
    const { contentType, hash, lastModified, lastModifiedSeconds } = rep;
    this.entries.push({ path, file, contentType, hash, lastModified, lastModifiedSeconds, length: rep.length, options });
    return true;
  }
}

/**
 * The document `entry` names, from its file as the assets store served it:
 * its gzip only, sent as it is to nearly every client and inflated for the
 * others when one first asks (respond.ts `plainBody`). Inflating it here for
 * every client was a third of a stored sitemap part's first request. Throws
 * when the file is not the build's: its name is the hash of the bytes the
 * build wrote, so bytes that hash to it are those.
 */
export async function readStored(entry: StoredEntry, file: ArrayBuffer | Uint8Array): Promise<Document> {
  const gzip = file instanceof Uint8Array ? file : new Uint8Array(file);
  const name = `${await archiveNameOf(gzip)}.bin`;
  if (name !== entry.file) throw new Error(`the stored document ${entry.file} (${entry.path}) read back with the hash of ${name}; expected the build's file, deployed with this Worker`);
  const { contentType, hash, lastModified, lastModifiedSeconds, length, options } = entry;
  return { representation: { contentType, length, gzip, hash, lastModified, lastModifiedSeconds }, options };
}

function documentOf(entry: Entry, slice: (range: [number, number]) => Uint8Array): Document {
  return {
    representation: {
      contentType: entry.contentType,
      body: slice(entry.body),
      length: entry.body[1],
      gzip: slice(entry.gzip),
      hash: entry.hash,
      lastModified: entry.lastModified,
      lastModifiedSeconds: entry.lastModifiedSeconds,
    },
    options: entry.options,
  };
}

/** The bytes of `documents` (by path), rendered for `config`, which was parsed from `vars`; `stored`: those written as files (`DocumentStore`); `languages`: see `Prerendered.languages`. */
export function packPrerendered(vars: Env, config: SiteConfig, documents: ReadonlyMap<string, Document>, epoch = "", stored: readonly StoredEntry[] = [], languages: readonly string[] = []): Uint8Array {
  const entries: Entry[] = [];
  const parts: Uint8Array[] = [];
  let offset = 0;
  const place = (bytes: Uint8Array): [number, number] => {
    parts.push(bytes);
    const at: [number, number] = [offset, bytes.byteLength];
    offset += bytes.byteLength;
    return at;
  };
  for (const [path, { representation: rep, options }] of documents) {
    entries.push({ path, contentType: rep.contentType, hash: rep.hash, lastModified: rep.lastModified, lastModifiedSeconds: rep.lastModifiedSeconds, body: place(bodyOf(rep, path)), gzip: place(rep.gzip), options });
  }
  const head = new TextEncoder().encode(JSON.stringify({ vars, config, epoch, entries, stored, languages }));
  const out = new Uint8Array(8 + head.byteLength + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, head.byteLength, true);
  out.set(head, 8);
  let at = 8 + head.byteLength;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** A rendered document's bytes: one read back from the store has none to bundle. */
function bodyOf(rep: Representation, path: string): Uint8Array {
  if (rep.body === undefined) throw new Error(`packPrerendered: ${path} holds only its gzip; expected a document rendered by the build`);
  return rep.body;
}

/** The prerendered documents in `data` (a Data module's ArrayBuffer or a file's bytes); nothing is copied. */
export function openPrerendered(data: ArrayBuffer | ArrayBufferView): Prerendered {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error("openPrerendered: not wirefeed's prerendered documents; run `npm run build`");
  const headLength = view.getUint32(4, true);
  const head = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headLength))) as { vars: Env; config: SiteConfig; epoch: string; entries: Entry[]; stored: StoredEntry[]; languages: string[] };
  const { vars, config, epoch, entries, languages } = head;
  const data0 = 8 + headLength;
  const slice = ([start, length]: [number, number]) => bytes.subarray(data0 + start, data0 + start + length);
  let documents: Map<string, Document> | undefined;
  // Made now, while the isolate starts: every first request for a document not in memory looks here.
  const stored = new Map(head.stored.map((entry) => [entry.path, entry]));
  return {
    config,
    epoch,
    languages: languages ?? [],
    configFor: (env) => (ENV_NAMES.every((name) => env[name] === vars[name]) ? config : undefined),
    documents: () => (documents ??= new Map(entries.map((entry) => [entry.path, documentOf(entry, slice)]))),
    stored: (path) => stored.get(path),
  };
}
