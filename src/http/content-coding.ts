import { parseWeightedList } from "./weighted-list";

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

/**
 * True when `Accept-Encoding` allows gzip (RFC 9110 §12.5.3): `gzip` or
 * `x-gzip` with a weight above 0, or, when neither is named, `*` above 0.
 * No header: no gzip, the plain bytes every client reads.
 */
export function acceptsGzip(header: string | null): boolean {
  if (header === null) return false;
  // A handful of distinct values arrive (Cloudflare normalises most to one);
  // only short ones are remembered, so no request can grow this map's memory.
  const remembered = header.length <= MAX_REMEMBERED_LENGTH ? GZIP_ANSWERS.get(header) : undefined;
  if (remembered !== undefined) return remembered;
  const codings = parseWeightedList(header);
  const named = codings.find(({ value }) => value === "gzip" || value === "x-gzip") ?? codings.find(({ value }) => value === "*");
  const answer = named !== undefined && named.q > 0;
  if (header.length <= MAX_REMEMBERED_LENGTH && GZIP_ANSWERS.size < 256) GZIP_ANSWERS.set(header, answer);
  return answer;
}

const MAX_REMEMBERED_LENGTH = 100;
const GZIP_ANSWERS = new Map<string, boolean>();
