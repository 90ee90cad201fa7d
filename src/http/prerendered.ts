import type { Collections } from "../content/collections";
import { ENV_NAMES, type Env, type SiteConfig } from "../config";
import { sitemapPartCount } from "../render/sitemap";
import type { DocumentName } from "../render/urls";
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
 * left to the Worker: it costs little to make, and the bundle would carry it
 * for a request a fresh isolate rarely gets.
 */
export function prerenderedNames(config: SiteConfig, collections: Collections): readonly DocumentName[] {
  return sitemapPartCount(config, collections) > 0 ? [...PRERENDERED_NAMES, { type: "sitemap" }] : PRERENDERED_NAMES;
}

const MAGIC = 0x31444657; // "WFD1"

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
  /**
   * That configuration, when `env` holds exactly the variables it was made
   * from: a Worker deployed with wrangler.toml's [vars] skips validating them
   * again on its first request. Undefined for any other env.
   */
  configFor(env: Env): SiteConfig | undefined;
  /** The documents, keyed by path, made on first read. */
  documents(): ReadonlyMap<string, Document>;
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

/** The bytes of `documents` (by path), rendered for `config`, which was parsed from `vars`. */
export function packPrerendered(vars: Env, config: SiteConfig, documents: ReadonlyMap<string, Document>, epoch = ""): Uint8Array {
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
    entries.push({ path, contentType: rep.contentType, hash: rep.hash, lastModified: rep.lastModified, lastModifiedSeconds: rep.lastModifiedSeconds, body: place(rep.body), gzip: place(rep.gzip), options });
  }
  const head = new TextEncoder().encode(JSON.stringify({ vars, config, epoch, entries }));
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

/** The prerendered documents in `data` (a Data module's ArrayBuffer or a file's bytes); nothing is copied. */
export function openPrerendered(data: ArrayBuffer | ArrayBufferView): Prerendered {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error("openPrerendered: not wirefeed's prerendered documents; run `npm run build`");
  const headLength = view.getUint32(4, true);
  const { vars, config, epoch, entries } = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headLength))) as { vars: Env; config: SiteConfig; epoch: string; entries: Entry[] };
  const data0 = 8 + headLength;
  const slice = ([start, length]: [number, number]) => bytes.subarray(data0 + start, data0 + start + length);
  let documents: Map<string, Document> | undefined;
  return {
    config,
    epoch,
    configFor: (env) => (ENV_NAMES.every((name) => env[name] === vars[name]) ? config : undefined),
    documents: () =>
      (documents ??= new Map(
        entries.map((entry) => [
          entry.path,
          {
            representation: {
              contentType: entry.contentType,
              body: slice(entry.body),
              gzip: slice(entry.gzip),
              hash: entry.hash,
              lastModified: entry.lastModified,
              lastModifiedSeconds: entry.lastModifiedSeconds,
            },
            options: entry.options,
          },
        ]),
      )),
  };
}
