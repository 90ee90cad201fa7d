import type { Article } from "./article";
import { slugify, idSuffix } from "./slug";

/** A set of articles with its own feeds and page: the whole site, a section, or a tag. */
export interface Collection {
  kind: "site" | "section" | "tag";
  /** URL segment: lowercase ASCII, unique within its kind; empty for the site. */
  slug: string;
  /** For a section or tag, its canonical name: the spelling of the first article to use it (categories.ts). */
  name: string;
  /** Newest first. */
  articles: readonly Article[];
}

export interface Collections {
  site: Collection;
  sections: ReadonlyMap<string, Collection>;
  tags: ReadonlyMap<string, Collection>;
}

/**
 * Group articles (newest first) into the site, its sections and its tags.
 * Spellings that differ only in case, accents or spacing ("Politics",
 * "politics ") share one slug, so one feed.
 */
export function collect(articles: readonly Article[], siteName: string): Collections {
  const sections = group(articles, "section", (article) => (article.category === undefined ? [] : [article.category]));
  const tags = group(articles, "tag", (article) => article.tags);
  return { site: { kind: "site", slug: "", name: siteName, articles }, sections, tags };
}

function group(articles: readonly Article[], kind: "section" | "tag", names: (article: Article) => readonly string[]): Map<string, Collection> {
  const found = new Map<string, { name: string; articles: Article[] }>();
  // A corpus repeats a few hundred names over thousands of articles; slugifying
  // each occurrence took most of the first request at 10,000 articles.
  const slugOf = new Map<string, string>();
  for (const article of articles) {
    const slugs = new Set<string>();
    for (const name of names(article)) {
      let slug = slugOf.get(name);
      if (slug === undefined) slugOf.set(name, (slug = collectionSlug(name)));
      if (slugs.has(slug)) continue;
      slugs.add(slug);
      const entry = found.get(slug);
      if (entry) entry.articles.push(article);
      else found.set(slug, { name: name.trim(), articles: [article] });
    }
  }
  const sorted = [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(sorted.map(([slug, { name, articles: list }]) => [slug, { kind, slug, name, articles: list }]));
}

const SLUGS = new Map<string, string>();

/**
 * A section's or tag's slug; names with no Latin letters or digits get a
 * stable hashed one. Remembered: renderers ask for every item's categories,
 * and there are few distinct names but Unicode normalisation is slow.
 */
export function collectionSlug(name: string): string {
  let slug = SLUGS.get(name);
  if (slug === undefined) {
    const normalised = name.trim().normalize("NFC").toLowerCase().replace(/\s+/g, " ");
    slug = slugify(normalised) || `x-${idSuffix(normalised)}`;
    // Bounded: names come from the compiled seeds, plus whatever a test invents.
    if (SLUGS.size < 100_000) SLUGS.set(name, slug);
  }
  return slug;
}
