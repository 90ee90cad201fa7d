/**
 * Conditional GET, RFC 9110 §13. If-None-Match wins; If-Modified-Since is
 * only read when it is absent, and an unparseable date is ignored.
 */

/** Added to the hash in the ETag of the gzip variant: a strong ETag must differ per encoding. */
export const GZIP_SUFFIX = "-gz";

/**
 * True when an `If-None-Match` value names the current representation.
 * Comparison is weak (§8.8.3.2): Cloudflare turns `"x"` into `W/"x"` when it
 * compresses, and the client must still get its 304. The gzip variant's tag
 * (`"x-gz"`) names the same content, so it matches too.
 */
export function ifNoneMatchHits(header: string, hash: string): boolean {
  if (header.trim() === "*") return true;
  for (const match of header.matchAll(/(?:W\/)?"([^"]*)"/g)) {
    const tag = match[1]!;
    if (tag === hash || tag === `${hash}${GZIP_SUFFIX}`) return true;
  }
  return false;
}

/** The end of the gzip variant's ETag, after the hash. */
const GZIP_TAG_END = `${GZIP_SUFFIX}"`;

/**
 * Which variant an `If-None-Match` value names when it is exactly one
 * variant's ETag, as a poller sends back the one it was given: true for the
 * gzip variant, false for the plain one, undefined for anything else (a
 * list, a weak tag, `*`, another hash). Compared in place: nothing is
 * allocated on the path of nearly every poll.
 */
export function gzipVariantNamed(header: string | null, hash: string): boolean | undefined {
  if (header === null || header.charCodeAt(0) !== 0x22 || !header.startsWith(hash, 1)) return undefined;
  const end = 1 + hash.length;
  if (header.length === end + 1) return header.charCodeAt(end) === 0x22 ? false : undefined;
  return header.length === end + GZIP_TAG_END.length && header.endsWith(GZIP_TAG_END) ? true : undefined;
}

/**
 * Whether an `If-Modified-Since` value says the client's copy is current,
 * for a request without `If-None-Match` (which wins, §13.2.2: the caller
 * reads this only when that is absent). `lastModifiedSeconds` is the
 * Last-Modified the response carries, `nowSeconds` the server's clock: an
 * If-Modified-Since later than now is no statement about a copy the client
 * could have got from this server (RFC 2616 §14.25 calls it invalid; Apache
 * ignores it too), so it is ignored, as is one that is no HTTP-date.
 */
export function unmodifiedSince(ifModifiedSince: string, lastModifiedSeconds: number, nowSeconds: number): boolean {
  const since = parseHttpDate(ifModifiedSince);
  // ≤, not equality: readers send their own clock's date or another server's Last-Modified.
  return since !== undefined && since <= nowSeconds && lastModifiedSeconds <= since;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const RFC_850 = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const ASCTIME = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

/** Seconds since the epoch for an HTTP-date (§5.6.7), or undefined when it is not one. */
export function parseHttpDate(value: string): number | undefined {
  const text = value.trim();
  let parts: [string, string, string, string, string, string] | undefined;
  let m: RegExpExecArray | null;
  if ((m = IMF_FIXDATE.exec(text))) parts = [m[3]!, m[2]!, m[1]!, m[4]!, m[5]!, m[6]!];
  else if ((m = RFC_850.exec(text))) parts = [String(1900 + Number(m[3]) + (Number(m[3]) < 70 ? 100 : 0)), m[2]!, m[1]!, m[4]!, m[5]!, m[6]!];
  else if ((m = ASCTIME.exec(text))) parts = [m[6]!, m[1]!, m[2]!.trim(), m[3]!, m[4]!, m[5]!];
  if (!parts) return undefined;
  const [year, monthName, day, hour, minute, second] = parts;
  const month = MONTHS.indexOf(monthName);
  const [d, h, mi, s] = [Number(day), Number(hour), Number(minute), Number(second)];
  if (month === -1 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const time = Date.UTC(Number(year), month, d, h, mi, Math.min(s, 59));
  // Date.UTC rolls 31 Feb over to 3 Mar: a day its month does not have is no date, so the header is ignored.
  if (new Date(time).getUTCDate() !== d) return undefined;
  return time / 1000;
}
