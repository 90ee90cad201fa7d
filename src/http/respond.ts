import { BUDGETS } from "../budgets";
import type { SiteConfig } from "../config";
import { LruMap } from "../lru-map";
import { gunzip } from "../zlib";
import { boundedBy, cacheControl, type ResponseKind } from "./cache-policy";
import { acceptsGzip, clientAcceptEncoding } from "./content-coding";
import { GZIP_SUFFIX, gzipVariantNamed, ifNoneMatchHits, unmodifiedSince } from "./conditional";
import type { Representation } from "./representation";

export interface RespondOptions {
  kind: ResponseKind;
  /** Extra headers (CSP, Link, Vary: Accept) that a 304 must repeat too. */
  headers?: Readonly<Record<string, string>>;
  /**
   * Only private caches may keep the answer: a negotiated URL (Cloudflare's
   * cache keys ignore `Vary: Accept`).
   */
  private?: boolean;
}

/** A document as the Worker answers with it: its bytes and validators, and how to answer. */
export interface Document {
  representation: Representation;
  options: RespondOptions;
}

/**
 * Headers on every answer the Worker gives. Documents are public, so any web
 * page may read them (browser-based feed readers): `*` without credentials,
 * and the validators exposed so such a reader can revalidate.
 */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Last-Modified, Link",
  "X-Content-Type-Options": "nosniff",
};

/**
 * The response for `request` given the document it selects: a 304 when the
 * client's validators match, else the bytes, gzip-compressed when the client
 * accepts it (stored once per isolate, so compression costs nothing per
 * request and reaches clients even for types Cloudflare would not compress,
 * such as application/atom+xml). `privately`: a URL with a query string the
 * documents do not use, which must not become another entry in shared caches.
 * `clock`: the request's instant in ms, and the site's next change (an
 * embargo lifts, a licence ends), past which no lifetime may reach.
 */
export function respond(request: Request, site: SiteConfig, document: Document, privately = false, clock: Clock = { now: Date.now(), until: Infinity }): Response {
  const rep = document.representation;
  // Each header read once: Headers.get is a call into the runtime.
  const ifNoneMatch = request.headers.get("If-None-Match");
  // A poll that sends back the ETag it was given names the variant it holds,
  // and is answered 304 for that variant: request.cf, which the runtime
  // parses from JSON on first read (1.5 KB of objects a request), is read
  // only to choose the bytes of a 200, or for a 304 that does not name a
  // variant. A 304 of the site's RSS at 100 articles took 57 µs of workerd's
  // CPU instead of 68 (medians of 4 interleaved h2load runs of 40,000).
  // The 304s of the two variants differ only in their ETag: a client that
  // held the gzip copy and has since stopped taking gzip gets its own ETag
  // back, not the plain one's (RFC 9110 §15.4.5 would give that), for the
  // same content; its next 200 follows what it accepts.
  const gzip = gzipVariantNamed(ifNoneMatch, rep.hash) ?? acceptsGzip(clientAcceptEncoding(request));
  const variant = variantOf(site, document, gzip, privately);
  const now = Math.floor(clock.now / 1000);
  const date = httpDate(now);
  // RFC 9110 §8.8.2.1: never a Last-Modified later than the response's Date
  // (the build refuses future dates; this holds even against a skewed clock).
  const late = rep.lastModifiedSeconds > now;
  const ifModifiedSince = ifNoneMatch === null ? request.headers.get("If-Modified-Since") : null;
  const notModified =
    ifNoneMatch !== null
      ? ifNoneMatch === variant.etag || ifNoneMatchHits(ifNoneMatch, rep.hash)
      : ifModifiedSince !== null && unmodifiedSince(ifModifiedSince, Math.min(rep.lastModifiedSeconds, now), now);
  // Nearly always Infinity: one comparison. Else only a change within a day or so shortens anything.
  const bound = clock.until === Infinity ? undefined : (clock.until - clock.now) / 1000;
  // Nearly every answer: the variant's headers of this second, made once.
  const unaltered = !late && bound === undefined;
  if (notModified) return new Response(null, { status: 304, headers: unaltered ? variant.notModified.at(now, date) : dated(variant.notModified.fields, date, late, bound) });
  const headers = unaltered ? variant.ok.at(now, date) : dated(variant.ok.fields, date, late, bound);
  if (request.method === "HEAD") return new Response(null, { headers });
  // "manual": the bytes are already gzip; the runtime must send them as they are.
  return new Response(gzip ? rep.gzip : plainBody(rep), { headers, encodeBody: gzip ? "manual" : "automatic" });
}

/**
 * Plain copies of the documents held only as gzip (those the build stored),
 * made on a plain client's first request and kept within their own budget.
 * Inflating through a stream on every request cost such a client 2.2 to 2.6
 * times the bare Worker's CPU (191–232 µs a request against 76–103, the
 * stored feeds, OPML and `/feeds` at 100 articles). Keyed by the hash of
 * the bytes: one hash, one body, in every view of the site.
 */
const PLAIN_COPIES = new LruMap<string, Uint8Array>({ bytes: BUDGETS.plainCopies, sizeOf: (body) => body.byteLength });

/** The bytes of `rep` as sent to a client that takes no gzip: its own, or a plain copy of its gzip. */
export function plainBody(rep: Representation): Uint8Array {
  if (rep.body !== undefined) return rep.body;
  let body = PLAIN_COPIES.get(rep.hash);
  if (body === undefined) PLAIN_COPIES.set(rep.hash, (body = gunzip(rep.gzip)));
  return body;
}

/** The headers of one way of answering with a document: all but Date, made once. */
interface Variant {
  /** The strong ETag, quoted, as a client that holds this variant sends it back. */
  etag: string;
  ok: DatedHeaders;
  notModified: DatedHeaders;
}

/**
 * A response's headers but Date, and the whole set with the Date of the last
 * second asked for, as a Headers object made once a second. `new Response`
 * copies a Headers object natively, where it reads a plain object's every
 * property into a new one. Measured in workerd (one-off Workers answering a
 * 30 KB body with wirefeed's ten headers, h2load, CPU from schedstat, 18
 * rounds each): a Headers object cost 60.4 µs a request (median; least
 * 55.1), the same headers as a constant object 66.8 (58.7), and spread into
 * a new object with a Date per request, as here before, 66.1 (59.9).
 */
class DatedHeaders {
  #second = -1;
  #headers: Headers | undefined;

  constructor(readonly fields: Readonly<Record<string, string>>) {}

  /** `fields` and `Date: date`, `date` being the IMF-fixdate of `second`. */
  at(second: number, date: string): Headers {
    if (second !== this.#second || this.#headers === undefined) [this.#second, this.#headers] = [second, new Headers({ ...this.fields, Date: date })];
    return this.#headers;
  }
}

/**
 * Per document, its four variants (gzip or not, public or private), made on
 * first use: a poll gets its second's Headers, made once a second (a document
 * dated ahead of the clock, or an answer near a change of the site, gets its
 * own copy). Keyed by the document, so they go when it does.
 */
const VARIANTS = new WeakMap<Document, Array<Variant | undefined>>();

function variantOf(site: SiteConfig, document: Document, gzip: boolean, privately: boolean): Variant {
  let variants = VARIANTS.get(document);
  if (variants === undefined) VARIANTS.set(document, (variants = []));
  const index = (gzip ? 1 : 0) + (privately || document.options.private ? 2 : 0);
  return (variants[index] ??= makeVariant(site, document, gzip, index >= 2));
}

function makeVariant(site: SiteConfig, { representation: rep, options }: Document, gzip: boolean, privately: boolean): Variant {
  const policy = cacheControl(site, options.kind);
  const etag = `"${rep.hash}${gzip ? GZIP_SUFFIX : ""}"`;
  const notModified = {
    ...COMMON_HEADERS,
    "Cache-Control": privately ? policy.replace(/^public/, "private") : policy,
    ETag: etag,
    "Last-Modified": rep.lastModified,
    Vary: "Accept-Encoding",
    ...options.headers,
  };
  const length = gzip ? rep.gzip.byteLength : rep.length;
  const ok = { ...notModified, "Content-Type": rep.contentType, "Content-Length": String(length), ...(gzip ? { "Content-Encoding": "gzip" } : {}) };
  return { etag, ok: new DatedHeaders(ok), notModified: new DatedHeaders(notModified) };
}

/** When a response is made: its instant, and the site's next change, in ms since the epoch. */
export interface Clock {
  now: number;
  until: number;
}

/**
 * `headers` with this response's Date, and, should the document's date be
 * ahead of the clock, a Last-Modified of now; `bound`: seconds to the site's
 * next change, which no lifetime in Cache-Control may reach past.
 */
function dated(headers: Readonly<Record<string, string>>, date: string, late: boolean, bound?: number): Record<string, string> {
  const out: Record<string, string> = late ? { ...headers, Date: date, "Last-Modified": date } : { ...headers, Date: date };
  if (bound !== undefined) out["Cache-Control"] = boundedBy(out["Cache-Control"]!, bound);
  return out;
}

let dateSecond = -1;
let dateText = "";

/** An IMF-fixdate; formatted once per second, not per request (nearly every call asks for now). */
export function httpDate(second: number): string {
  if (second !== dateSecond) [dateSecond, dateText] = [second, new Date(second * 1000).toUTCString()];
  return dateText;
}
