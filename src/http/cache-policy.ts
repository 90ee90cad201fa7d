import type { SiteConfig } from "../config";

/** What kind of response, for choosing its freshness. */
export type ResponseKind = "feed" | "archive" | "page" | "not-found" | "static" | "redirect";

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
      return `public, max-age=${cache.feedMaxAge}, stale-while-revalidate=${cache.feedStaleWhileRevalidate}, stale-if-error=${cache.feedStaleIfError}`;
    case "archive":
      // A full archive page never changes (RFC 5005 §4): cache it for a year, never revalidate.
      return "public, max-age=31536000, immutable";
    case "page":
      return `public, max-age=${cache.pageMaxAge}, stale-while-revalidate=${cache.feedStaleWhileRevalidate}, stale-if-error=${cache.feedStaleIfError}`;
    case "not-found":
      return `public, max-age=${cache.notFoundMaxAge}`;
    case "static":
      // The favicon: part of the code, not of the articles; a deploy may change it.
      return "public, max-age=604800";
    case "redirect":
      // A trailing slash always names the same document as the path without it.
      return "public, max-age=86400";
  }
}

/** RSS `<ttl>`: the same freshness, in whole minutes (config keeps max-age ≥ 60 s). */
export function ttlMinutes(site: SiteConfig): number {
  return Math.floor(site.cache.feedMaxAge / 60);
}
