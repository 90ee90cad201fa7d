import type { SiteConfig } from "../config";
import { cacheControl, type ResponseKind } from "./cache-policy";
import { GZIP_SUFFIX, isNotModified } from "./conditional";
import type { Representation } from "./representation";
import { parseWeightedList } from "./weighted-list";

export interface RespondOptions {
  kind: ResponseKind;
  /** Extra headers (CORS, CSP, Vary: Accept) that a 304 must repeat too. */
  headers?: Record<string, string>;
  /** Cache-Control override, e.g. `private` for URLs with a query string. */
  cacheControl?: string;
}

/**
 * The response for `request` given the representation it selects: a 304 when
 * the client's validators match, else the bytes, gzip-compressed when the
 * client accepts it (stored once per isolate, so compression costs nothing
 * per request and reaches clients even for types Cloudflare would not
 * compress, such as application/atom+xml).
 */
export async function respond(request: Request, site: SiteConfig, rep: Representation, options: RespondOptions): Promise<Response> {
  const gzip = acceptsGzip(clientAcceptEncoding(request));
  const headers: Record<string, string> = {
    "Cache-Control": options.cacheControl ?? cacheControl(site, options.kind),
    ETag: `"${rep.hash}${gzip ? GZIP_SUFFIX : ""}"`,
    "Last-Modified": rep.lastModified,
    Vary: "Accept-Encoding",
    Date: httpDate(),
    "X-Content-Type-Options": "nosniff",
    ...options.headers,
  };
  if (isNotModified(request.headers, rep.hash, rep.lastModifiedSeconds)) {
    return new Response(null, { status: 304, headers });
  }
  headers["Content-Type"] = rep.contentType;
  const body = gzip ? await rep.gzip() : rep.body;
  headers["Content-Length"] = String(body.byteLength);
  if (gzip) headers["Content-Encoding"] = "gzip";
  if (request.method === "HEAD") return new Response(null, { headers });
  // "manual": the bytes are already gzip; the runtime must send them as they are.
  return new Response(body, { headers, encodeBody: gzip ? "manual" : "automatic" });
}

let dateSecond = -1;
let dateText = "";

/** The Date header: formatted once per second, not per request. */
function httpDate(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== dateSecond) [dateSecond, dateText] = [second, new Date(second * 1000).toUTCString()];
  return dateText;
}

/**
 * The Accept-Encoding the client itself sent, or null when it sent none.
 * Cloudflare overwrites the header with `br, gzip` before the Worker sees it
 * and keeps the client's own value in `request.cf.clientAcceptEncoding`
 * (wrangler dev's entry worker does the same). Deciding on the rewritten
 * header sent gzip to readers that cannot read it, for the types the edge does
 * not decode on their behalf (Atom, JSON Feed, OPML). Only a request with no
 * `cf` at all (a direct call, as in unit tests) carries the client's header.
 */
export function clientAcceptEncoding(request: Request): string | null {
  const cf = request.cf as { clientAcceptEncoding?: unknown } | undefined;
  if (cf === undefined || cf === null) return request.headers.get("Accept-Encoding");
  return typeof cf.clientAcceptEncoding === "string" && cf.clientAcceptEncoding.trim() !== "" ? cf.clientAcceptEncoding : null;
}

/** Clients send a handful of distinct Accept-Encoding values; Cloudflare normalises most to one. */
const GZIP_ANSWERS = new Map<string, boolean>();

/** True when `Accept-Encoding` allows gzip (RFC 9110 §12.5.3: `gzip`, `x-gzip` or `*`, q > 0). */
export function acceptsGzip(header: string | null): boolean {
  if (header === null) return false;
  let answer = GZIP_ANSWERS.get(header);
  if (answer === undefined) {
    const codings = parseWeightedList(header);
    const named = codings.find(({ value }) => value === "gzip" || value === "x-gzip") ?? codings.find(({ value }) => value === "*");
    answer = named !== undefined && named.q > 0;
    if (GZIP_ANSWERS.size < 256) GZIP_ANSWERS.set(header, answer);
  }
  return answer;
}
