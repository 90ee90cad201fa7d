import type { Article } from "./article";
import { parseSeed, type ParsedArticle } from "./parse-seed";
import type { Problem } from "./problems";
import { idSuffix, slugify } from "./slug";

/** A seed as read from disk (`bytes`, decoded by decode.ts), or text already decoded (tests, tools). */
export type SeedFile = { /** As shown in messages: `seeds/<name>.txt`. */ file: string } & ({ bytes: Uint8Array } | { text: string });

/** A folder of seeds. */
export interface SeedFolder {
  /** As shown in messages: `seeds`. */
  dir: string;
  seeds: readonly SeedFile[];
}

/** What a build brings besides the seeds. */
export interface CompileOptions {
  /** The encoding of seeds that are not UTF-8 and declare none, if the publisher set one. */
  fallbackEncoding?: string;
}

export interface Compilation {
  /** Newest first; empty whenever `problems` is not. */
  articles: Article[];
  problems: Problem[];
  warnings: Problem[];
}

/**
 * Every seed at once: parse each, then what needs them all (unique ids and
 * slugs, order). Every problem in every seed is collected before giving up,
 * so one build run tells the editor everything to fix.
 */
export function compileSeeds(seeds: readonly SeedFile[], reference: Date, options: CompileOptions = {}): Compilation {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const parsed: Array<{ article: ParsedArticle; file: string }> = [];
  for (const seed of [...seeds].sort((a, b) => compareStrings(a.file, b.file))) {
    const result = parseSeed({ ...seed, reference, ...(options.fallbackEncoding ? { fallbackEncoding: options.fallbackEncoding } : {}) });
    problems.push(...result.problems);
    warnings.push(...result.warnings);
    if (result.article) parsed.push({ article: result.article, file: seed.file });
  }

  const byId = new Map<string, string>();
  for (const { article, file } of parsed) {
    const first = byId.get(article.id);
    if (first !== undefined) problems.push({ file, line: 1, found: `id "${article.id}" already used by ${first}`, expected: "a unique id (rename the file or set front matter id)" });
    else byId.set(article.id, file);
  }
  problems.push(...assignSlugs(parsed));
  if (problems.length > 0) return { articles: [], problems, warnings };

  const articles = parsed.map(({ article }) => article as Article);
  articles.sort(newestFirst);
  return { articles, problems, warnings };
}

/** Newest published first; ties broken by id so the order never depends on the file system. */
export function newestFirst(a: Article, b: Article): number {
  return Date.parse(b.published) - Date.parse(a.published) || compareStrings(a.id, b.id);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Front matter slugs are taken as given and must be unique. A derived slug
 * that is taken goes, as is, to the article published first (then lowest id);
 * the others get a suffix hashed from their id. Adding a newer article with the
 * same headline therefore never changes the URL of an older one.
 */
function assignSlugs(parsed: Array<{ article: ParsedArticle; file: string }>): Problem[] {
  const problems: Problem[] = [];
  const taken = new Map<string, string>();
  for (const { article, file } of parsed) {
    if (article.slug === undefined) continue;
    const owner = taken.get(article.slug);
    if (owner) problems.push({ file, line: 1, found: `slug "${article.slug}" already used by ${owner}`, expected: "a unique front matter slug" });
    taken.set(article.slug, file);
  }
  const derived = parsed
    .filter(({ article }) => article.slug === undefined)
    .sort((a, b) => Date.parse(a.article.published) - Date.parse(b.article.published) || compareStrings(a.article.id, b.article.id));
  for (const { article, file } of derived) {
    const base = slugify(article.title) || `article-${idSuffix(article.id)}`;
    const slug = taken.has(base) ? `${base}-${idSuffix(article.id)}` : base;
    taken.set(slug, file);
    article.slug = slug;
  }
  return problems;
}
