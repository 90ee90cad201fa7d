import type { SiteConfig } from "../config";

/** What kind of response, for choosing its freshness. */
export type ResponseKind = "feed" | "archive" | "page" | "not-found" | "gone" | "static" | "redirect";

/**
 * Longest an archive page is fresh: a day. Its stories are fixed, but one
 * taken back (withdrawn, expired) leaves it, and every cache must stop
 * showing it within a day; a revalidation is a 304 (the ETag is the bytes').
 */
export const ARCHIVE_MAX_AGE = 86_400;

/**
 * Cache-Control for each kind, from the one set of numbers in the config.
 * Feeds avoid `s-maxage` and `must-revalidate`: either switches off Workers
 * Cache's stale-while-revalidate and stale-if-error, which are what keep a
 * feed answering instantly, and answering at all, for pollers.
 */
export function cacheControl(site: SiteConfig, kind: ResponseKind): string {
  let policies = POLICIES.get(site);
  if (policies === undefined) {
    policies = {
      feed: policy(site, "feed"),
      archive: policy(site, "archive"),
      page: policy(site, "page"),
      "not-found": policy(site, "not-found"),
      gone: policy(site, "gone"),
      static: policy(site, "static"),
      redirect: policy(site, "redirect"),
    };
    POLICIES.set(site, policies);
  }
  return policies[kind];
}

/** Built once per configuration: every response asks. */
const POLICIES = new WeakMap<SiteConfig, Record<ResponseKind, string>>();

function policy(site: SiteConfig, kind: ResponseKind): string {
  const { cache } = site;
  switch (kind) {
    case "feed":
      return `public, max-age=${cache.feedMaxAge}${revalidating(site)}, stale-if-error=${cache.feedStaleIfError}`;
    case "archive":
      // No stale-while-revalidate: a cache would show a withdrawn story past the day. Stale-if-error only when the Worker fails.
      return `public, max-age=${ARCHIVE_MAX_AGE}, stale-if-error=${cache.feedStaleIfError}`;
    case "page":
      return `public, max-age=${cache.pageMaxAge}${revalidating(site)}, stale-if-error=${cache.feedStaleIfError}`;
    case "not-found":
      return `public, max-age=${cache.notFoundMaxAge}`;
    case "gone":
      // Private: the notice is chosen by Accept, which Cloudflare's cache keys ignore (app.ts).
      return `private, max-age=${cache.notFoundMaxAge}`;
    case "static":
      // The favicon: part of the code, not of the articles; a deploy may change it.
      return "public, max-age=604800";
    case "redirect":
      // A trailing slash always names the same document as the path without it.
      return "public, max-age=86400";
  }
}

/**
 * `stale-while-revalidate` when the site sets one: a cache may show the stale
 * copy that long after `max-age` (a withdrawn story too), so none by default.
 */
function revalidating(site: SiteConfig): string {
  return site.cache.feedStaleWhileRevalidate > 0 ? `, stale-while-revalidate=${site.cache.feedStaleWhileRevalidate}` : "";
}

/**
 * `policy` for a response `seconds` before the site's next change (an embargo
 * lifts, a licence ends): no lifetime, fresh or stale, reaches past it, so
 * every cache asks again from that instant. A change further off than every
 * lifetime leaves the policy as it is.
 */
export function boundedBy(policy: string, seconds: number): string {
  const left = Math.max(0, Math.floor(seconds));
  const maxAge = Number(/max-age=(\d+)/.exec(policy)?.[1] ?? 0);
  const fresh = Math.min(maxAge, left);
  return policy
    .replace(/, immutable/, "")
    .replace(/max-age=\d+/, `max-age=${fresh}`)
    .replace(/(stale-while-revalidate|stale-if-error)=(\d+)/g, (_, name: string, value: string) => `${name}=${Math.min(Number(value), left - fresh)}`);
}

/** RSS `<ttl>`: the same freshness, in whole minutes (config keeps max-age ≥ 60 s). */
export function ttlMinutes(site: SiteConfig): number {
  return Math.floor(site.cache.feedMaxAge / 60);
}
