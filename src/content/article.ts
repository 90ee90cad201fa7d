/**
 * The article model: what the build step compiles each seed into, and all the
 * renderers ever see. Everything here depends only on the seed, so it is
 * computed once at build time and bundled; nothing is derived at request time.
 */
export interface Article {
  /** Stable identity: the seed's file name (without `.txt`) or front matter `id`. */
  id: string;
  /** URL path segment under `/articles/`: lowercase ASCII, unique. */
  slug: string;
  title: string;
  /** The lede (first body paragraph) unless front matter gives one. */
  summary: string;
  /** Body paragraphs as plain text; renderers escape them. */
  paragraphs: string[];
  /** The wire section, e.g. `Politics`; absent when the seed names none. */
  category?: string;
  tags: string[];
  place?: string;
  agency?: string;
  /** Front matter `author`, else the agency, else absent. */
  author?: string;
  /** The editors' initials line, e.g. `is/mp/ks`. */
  initials?: string;
  /** RFC 3339 instants in UTC to the second: `2022-01-21T12:00:00Z`. */
  published: string;
  updated: string;
  /** BCP 47 tag: front matter, else detected from the copy; absent = the site's language. */
  language?: string;
  /** Absolute URL of a lead image, from front matter only. */
  image?: string;
}

/**
 * The latest `updated` among `dated` (articles, or feed items); the Unix epoch
 * for none, so output stays deterministic. The model keeps instants as UTC
 * RFC 3339 to the second, one shape for all, so they compare as strings: no
 * date parsing per item.
 */
export function newestUpdate(dated: ReadonlyArray<Pick<Article, "updated">>): string {
  let newest = "1970-01-01T00:00:00Z";
  for (const { updated } of dated) if (updated > newest) newest = updated;
  return newest;
}
