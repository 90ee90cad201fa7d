/**
 * What the feeds must say: the articles wrangler's build step compiled from the
 * seeds (the module the Worker bundles), turned into the item each feed format
 * should carry, and which of them each feed document holds by the README's
 * rules (collections by name; the newest FEED_ITEMS in the current document;
 * full archive pages counted from the oldest). `corpus.test.ts` checks these
 * articles against the seed files independently; the client tests check the
 * served feeds against these.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { readArticles } from "../../../scripts/articles-file";
import type { Article } from "../../../src/content/article";
import { ARCHIVE_PAGE_SIZE, FEED_ITEMS } from "./constants";

const ROOT = resolve(import.meta.dirname, "../../..");

export function compiledArticles(): Article[] {
  // Plain copies (toJSON): what the pack holds, field for field.
  return JSON.parse(JSON.stringify(readArticles(resolve(ROOT, "src/generated/articles.ts")))) as Article[];
}

/** A `[vars]` value from wrangler.toml, the configuration `wrangler dev` serves with. */
export function wranglerVar(name: string): string {
  const toml = readFileSync(resolve(ROOT, "wrangler.toml"), "utf8");
  const match = new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, "m").exec(toml);
  if (!match) throw new Error(`wrangler.toml has no [vars] ${name}`);
  return match[1]!;
}

/** One item as every format must carry it. */
export interface ExpectedItem {
  article: Article;
  id: string;
  url: string;
  title: string;
  published: string;
  updated: string;
  author: string | undefined;
  /** The section, then the tags, each collection once (a tag spelling the section again adds nothing). */
  categories: string[];
  /** What the article is written in: its own language, else the site's. */
  language: string;
  summary: string;
  paragraphs: string[];
}

export type CollectionKind = "site" | "section" | "tag";

/** Names that differ only in case, accents or spacing are one section or tag (README): the name they share. */
export function fold(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim().replace(/\s+/g, " ");
}

/** Every article of the site, a section or a tag, newest first, as the feed items that carry them. */
export function collectionItems(baseUrl: string, kind: CollectionKind, name: string): ExpectedItem[] {
  const tagPrefix = wranglerVar("TAG_PREFIX");
  const member = (article: Article) =>
    kind === "site" || (kind === "section" ? article.category !== undefined && fold(article.category) === fold(name) : article.tags.some((tag) => fold(tag) === fold(name)));
  return compiledArticles()
    .filter(member)
    .map((article) => ({
      article,
      id: `${tagPrefix}article:${article.id}`,
      url: `${baseUrl}/articles/${article.slug}`,
      title: article.title,
      published: article.published,
      updated: article.updated,
      author: article.authors?.[0],
      language: article.language ?? wranglerVar("SITE_LANGUAGE"),
      categories: categoriesOf(article),
      summary: article.summary,
      paragraphs: article.paragraphs,
    }));
}

function categoriesOf(article: Article): string[] {
  const names = article.category === undefined ? article.tags : [article.category, ...article.tags];
  return names.filter((name, i) => names.findIndex((other) => fold(other) === fold(name)) === i);
}

/**
 * The language a feed of `items` declares (README): the one they all share;
 * none (RSS, JSON Feed) when they are in several.
 */
export function documentLanguage(items: readonly ExpectedItem[]): string | undefined {
  const languages = new Set(items.map((item) => item.language.toLowerCase()));
  return languages.size === 0 ? wranglerVar("SITE_LANGUAGE") : languages.size === 1 ? items[0]!.language : undefined;
}

/** The language a page of `items` (`<html lang>`) or an Atom feed (`xml:lang`) declares: the one they share, else the site's, its own words'. */
export function pageLanguage(items: readonly ExpectedItem[]): string {
  return documentLanguage(items) ?? wranglerVar("SITE_LANGUAGE");
}

/** How many archive pages a collection of `total` articles has: only full ones, and none when one document holds them all. */
export function archivePageCount(total: number): number {
  return total > ARCHIVE_PAGE_SIZE ? Math.floor(total / ARCHIVE_PAGE_SIZE) : 0;
}

/**
 * The items of one feed document, newest first: the current document
 * (`page` undefined) holds the newest FEED_ITEMS; archive page `page`
 * (1 = oldest) the page-th ARCHIVE_PAGE_SIZE counted from the oldest.
 */
export function documentItems(collection: readonly ExpectedItem[], page?: number): ExpectedItem[] {
  if (page === undefined) return collection.slice(0, FEED_ITEMS);
  const total = collection.length;
  return collection.slice(total - page * ARCHIVE_PAGE_SIZE, total - (page - 1) * ARCHIVE_PAGE_SIZE);
}

/** The latest `updated` of `items`: a feed's own updated time. */
export function newestUpdate(items: readonly ExpectedItem[]): string {
  return items.reduce((max, item) => (Date.parse(item.updated) > Date.parse(max) ? item.updated : max), "1970-01-01T00:00:00Z");
}

/** RFC 3339 to the second, in UTC, whatever precision a client gave. */
export function toSecond(date: Date | string | null | undefined): string | undefined {
  if (date === null || date === undefined) return undefined;
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, "Z");
}
