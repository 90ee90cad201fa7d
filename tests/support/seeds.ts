/**
 * Builds seed text the way editors write it, and compiles it the way the
 * build does, so a test reads as "this copy gives this article / these messages".
 */
import type { Article } from "../../src/content/article";
import { openCorpus, packArticles, type Corpus, type PackOptions } from "../../src/content/article-pack";
import { compileSeeds, type SeedFile } from "../../src/content/compile";
import { formatProblem } from "../../src/content/problems";

/** The build's today in these tests, as `--today 2026-11-29` gives it: new seeds are recorded as published that day. */
export const TODAY = "2026-11-29";
/** `TODAY` as a Date, for tests written when this was the year rule's reference date. */
export const REFERENCE = new Date(`${TODAY}T23:59:59Z`);

export interface SeedParts {
  /** Front matter lines (`key: value`), wrapped in `---` fences when given. */
  frontMatter?: string[];
  section?: string;
  headline?: string;
  /** Body paragraphs; the first normally opens with a dateline. */
  body?: string[];
}

export const DEFAULT_BODY = [
  "Geneva, Jan 21 (EFE).- Diplomats met on Friday to discuss the standoff.",
  "Talks will continue next week, officials said.",
];

/** Seed text with a blank line between blocks, as the agencies' copy comes. */
export function seedText({ frontMatter, section = "World", headline = "Talks end without a deal", body = DEFAULT_BODY }: SeedParts = {}): string {
  const head = frontMatter === undefined ? [] : [["---", ...frontMatter, "---"].join("\n")];
  return [...head, section, headline, ...body].join("\n\n") + "\n";
}

export interface Compiled {
  articles: Article[];
  /** Every problem as the build prints it: `file:line: found, expected what`. */
  problems: string[];
  warnings: string[];
  /** The text `seeds/published.tsv` holds after this build. */
  record: string;
}

/** A seed: its text (any string, lone surrogates included), or the bytes of its file, which the build decodes. */
export type SeedContent = string | Uint8Array;

/**
 * Compile `seeds` (keys are file names in `seeds/`) as the build does on `today`
 * (a Date stands for its UTC day), with `record` as `seeds/published.tsv` (none by default).
 */
export function compile(seeds: Record<string, SeedContent>, today: Date | string = TODAY, record?: string): Compiled {
  const files: SeedFile[] = Object.entries(seeds).map(([name, content]) => (typeof content === "string" ? { file: `seeds/${name}`, text: content } : { file: `seeds/${name}`, bytes: content }));
  const day = typeof today === "string" ? today : today.toISOString().slice(0, 10);
  const { articles, problems, warnings, records } = compileSeeds([{ dir: "seeds", seeds: files, ...(record === undefined ? {} : { record }) }], { today: day });
  return { articles, problems: problems.map(formatProblem), warnings: warnings.map(formatProblem), record: records[0]!.text };
}

/** Compile seeds that must all be good (keys are file names); newest first. */
export function articles(seeds: Record<string, SeedContent>, today: Date | string = TODAY, record?: string): Article[] {
  const compiled = compile(seeds, today, record);
  if (compiled.problems.length > 0) throw new Error(`expected good seeds, got:\n${compiled.problems.join("\n")}`);
  return compiled.articles;
}

/** Compile one seed that must be good; fail with the build's own messages if not. */
export function article(text: SeedContent, today: Date | string = TODAY, name = "story.txt"): Article {
  const { articles, problems } = compile({ [name]: text }, today);
  if (problems.length > 0) throw new Error(`expected a good seed, got:\n${problems.join("\n")}`);
  return articles[0]!;
}

/** Compile one seed that must fail; its messages. */
export function problems(text: SeedContent, name = "story.txt", today: Date | string = TODAY): string[] {
  const compiled = compile({ [name]: text }, today);
  if (compiled.articles.length > 0) throw new Error("expected the build to reject the seed, but it compiled");
  return compiled.problems;
}

/** `articles` as the Worker reads them: packed as the build packs them (with `options`: withdrawals, the archive page size), then opened. */
export function packed(articles: readonly Article[], options: PackOptions = {}): Corpus {
  return openCorpus(packArticles(articles, options).pack);
}
