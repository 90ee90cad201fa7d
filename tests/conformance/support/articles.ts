/**
 * What the feeds must say: the articles wrangler's build step compiled from the
 * seeds (the module the Worker bundles), turned into the item each feed format
 * should carry. `corpus.test.ts` checks these articles against the seed files
 * independently; the client tests check the served feeds against these.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { readArticles } from "../../../scripts/articles-file";
import type { Article } from "../../../src/content/article";

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
  /** The section, then the tags. */
  categories: string[];
  summary: string;
  paragraphs: string[];
}

/** The feed's items, newest first, at most FEED_ITEMS of them. */
export function expectedItems(baseUrl: string): ExpectedItem[] {
  const tagPrefix = wranglerVar("TAG_PREFIX");
  const limit = Number(wranglerVar("FEED_ITEMS"));
  return compiledArticles()
    .slice(0, limit)
    .map((article) => ({
      article,
      id: `${tagPrefix}article:${article.id}`,
      url: `${baseUrl}/articles/${article.slug}`,
      title: article.title,
      published: article.published,
      updated: article.updated,
      author: article.author,
      categories: article.category === undefined ? article.tags : [article.category, ...article.tags],
      summary: article.summary,
      paragraphs: article.paragraphs,
    }));
}

/** RFC 3339 to the second, in UTC, whatever precision a client gave. */
export function toSecond(date: Date | string | null | undefined): string | undefined {
  if (date === null || date === undefined) return undefined;
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, "Z");
}
