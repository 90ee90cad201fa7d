import { collectionSlug } from "./collections";

/** What names an article's collections: its section and its tags. */
export interface Categorised {
  category?: string;
  tags: string[];
}

/**
 * Give every section and tag its canonical name, decided once at build time so
 * every renderer simply reads `article.category` and `article.tags`:
 *
 * - spellings that share a collection slug (`Politics`, `politics `;
 *   `Ukraine!`, `UKRAINE.`, `ukraïne`) are one collection, named as the first
 *   article to use it, in publication order, spelled it; an article added later
 *   never renames it;
 * - an article lists each tag once, and not a tag that repeats its section.
 *
 * `articles` in publication order (the publication record's); changed in place.
 */
export function canonicaliseCategories(articles: readonly Categorised[]): void {
  const sections = new Map<string, string>();
  const tags = new Map<string, string>();
  for (const article of articles) {
    const sectionSlug = article.category === undefined ? undefined : collectionSlug(article.category);
    if (article.category !== undefined) article.category = canonical(sections, sectionSlug!, article.category);
    const seen = new Set<string>(sectionSlug === undefined ? [] : [sectionSlug]);
    const kept: string[] = [];
    for (const tag of article.tags) {
      const slug = collectionSlug(tag);
      if (seen.has(slug)) continue;
      seen.add(slug);
      kept.push(canonical(tags, slug, tag));
    }
    article.tags = kept;
  }
}

function canonical(names: Map<string, string>, slug: string, spelling: string): string {
  let name = names.get(slug);
  if (name === undefined) names.set(slug, (name = spelling.trim().replace(/\s+/g, " ")));
  return name;
}
