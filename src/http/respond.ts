import type { SiteConfig } from "../config";
import { cacheControl, type ResponseKind } from "./cache-policy";
import { acceptsGzip, clientAcceptEncoding } from "./content-coding";
import { GZIP_SUFFIX, isNotModified } from "./conditional";
import type { Representation } from "./representation";

export interface RespondOptions {
  kind: ResponseKind;
  /** Extra headers (CSP, Link, Vary: Accept) that a 304 must repeat too. */
  headers?: Readonly<Record<string, string>>;
  /**
   * Only private caches may keep the answer: a URL with a query string the
   * documents do not use, or a negotiated one (Cloudflare's cache keys ignore
   * `Vary: Accept`).
   */
  private?: boolean;
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
 * The response for `request` given the representation it selects: a 304 when
 * the client's validators match, else the bytes, gzip-compressed when the
 * client accepts it (stored once per isolate, so compression costs nothing
 * per request and reaches clients even for types Cloudflare would not
 * compress, such as application/atom+xml).
 */
export function respond(request: Request, site: SiteConfig, rep: Representation, options: RespondOptions): Response {
  const gzip = acceptsGzip(clientAcceptEncoding(request));
  const now = nowSeconds();
  // RFC 9110 §8.8.2.1: never a Last-Modified later than the response's Date
  // (the build refuses future dates; this holds even against a skewed clock).
  const lastModified = rep.lastModifiedSeconds <= now ? rep.lastModified : httpDate(now);
  const policy = cacheControl(site, options.kind);
  const headers: Record<string, string> = {
    ...COMMON_HEADERS,
    "Cache-Control": options.private ? policy.replace(/^public/, "private") : policy,
    ETag: `"${rep.hash}${gzip ? GZIP_SUFFIX : ""}"`,
    "Last-Modified": lastModified,
    Vary: "Accept-Encoding",
    Date: httpDate(now),
    ...options.headers,
  };
  if (isNotModified(request.headers, rep.hash, Math.min(rep.lastModifiedSeconds, now), now)) {
    return new Response(null, { status: 304, headers });
  }
  headers["Content-Type"] = rep.contentType;
  const body = gzip ? rep.gzip : rep.body;
  headers["Content-Length"] = String(body.byteLength);
  if (gzip) headers["Content-Encoding"] = "gzip";
  if (request.method === "HEAD") return new Response(null, { headers });
  // "manual": the bytes are already gzip; the runtime must send them as they are.
  return new Response(body, { headers, encodeBody: gzip ? "manual" : "automatic" });
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

let dateSecond = -1;
let dateText = "";

/** An IMF-fixdate; formatted once per second, not per request (nearly every call asks for now). */
export function httpDate(second: number): string {
  if (second !== dateSecond) [dateSecond, dateText] = [second, new Date(second * 1000).toUTCString()];
  return dateText;
}
