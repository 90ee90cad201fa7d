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
  /** The agency that filed the copy, by its usual name (`dpa` for `dpa/lnw`). */
  agency?: string;
  /**
   * Who wrote it, in the order credited: front matter `author`, else the
   * byline or the reporters a trailer names (`Reporting by …`), else the
   * agency; absent when none is known.
   */
  authors?: string[];
  /** Everyone else the copy credits: additional reporting, writing, editing, "contributed to this report". */
  contributors?: Credit[];
  /** The editors' initials line, e.g. `is/mp/ks`: desk metadata, shown only where the site asks. */
  initials?: string;
  /** What the agency's headline prefix said (`UPDATE 2-`, `URGENT:`, `EXCLUSIVE-`), kept out of the title and slug. */
  labels?: Labels;
  /** A correction, update or refile note the copy (or front matter `correction:`) carries, shown with the story. */
  note?: string;
  /** The copyright line the agency closed with (`Copyright 2026 The Associated Press. All rights reserved.`). */
  rights?: string;
  /**
   * RFC 3339 instants in UTC to the second: `2022-01-21T12:00:00Z`. A story
   * whose `published` is after the clock is held (an embargo): the Worker
   * shows it nowhere until then, and everywhere from then on, without a deploy.
   */
  published: string;
  updated: string;
  /** The instant the story stops being carried (front matter `expires:`, a licence window): withdrawn from then on. */
  expires?: string;
  /** BCP 47 tag: front matter, else detected from the copy; absent = the site's language. */
  language?: string;
  /** The lead image, from front matter. */
  image?: Image;
}

/**
 * A story taken back: killed (`status: withdrawn`), or its file deleted. It is
 * in no document; its URL answers 410 Gone, and the Atom feeds that showed it
 * say it was deleted (RFC 6721 `at:deleted-entry`) while it would still have
 * been in their window.
 */
export interface Withdrawal {
  id: string;
  slug: string;
  /** When it was withdrawn, RFC 3339 UTC to the second: the publication record's instant. */
  withdrawn: string;
  /** Its published instant: where it stood among the feeds' items. */
  published: string;
  /** Its section and tags when known (its seed is still there); unknown ones put it in the site's feeds only. */
  category?: string;
  tags: string[];
}

/** A person credited for part of the work, and for what. */
export interface Credit {
  name: string;
  /** As the copy says it, in its language: `additional reporting`, `editing`, `writing`, `contributed`. */
  role: string;
}

/** The labels an agency puts before a headline. Each as the agency wrote it, e.g. `UPDATE 2`. */
export interface Labels {
  /** `FLASH`, `URGENT`, `BREAKING`, `URGENTE`. */
  priority?: string;
  /** `UPDATE 2`, `2nd LD`, `CORRECTED`, `REFILE`, `WRITETHRU`. */
  version?: string;
  /** `EXCLUSIVE`, `FACTBOX`, `ANALYSIS`, `WRAPUP 1`. */
  kind?: string;
}

/** A picture that goes with the story. */
export interface Image {
  /** Absolute http(s) URL. */
  url: string;
  /** Text alternative for the page's `<img alt>`; the caption when absent. */
  alt?: string;
  caption?: string;
  /** Photographer and agency, e.g. `REUTERS/Jane Doe`. */
  credit?: string;
  /** Media type, e.g. `image/jpeg`; guessed from the URL's extension when absent. */
  type?: string;
  /** Size in bytes, for RSS `enclosure length`. */
  length?: number;
  width?: number;
  height?: number;
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
