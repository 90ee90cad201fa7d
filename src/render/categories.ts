import type { Article } from "../content/article";
import { collectionSlug } from "../content/collections";

/** A section or tag an article belongs to, as readers are shown it: by its collection's name, with its page. */
export interface CategoryRef {
  kind: "section" | "tag";
  /** The collection's slug, which urls.ts percent-encodes into `/sections/<slug>`, `/tags/<slug>`. */
  slug: string;
  /** The collection's name (the build gives every article its collections' own spelling). */
  name: string;
}

/**
 * An article's categories, the same in every feed format and on its page:
 * the section first, then the tags, each collection once. A tag that spells
 * the section again (`economía` in Economía) adds nothing.
 */
export function articleCategories(article: Article): CategoryRef[] {
  const seen = new Set<string>();
  const refs: CategoryRef[] = [];
  const add = (kind: CategoryRef["kind"], name: string) => {
    const slug = collectionSlug(name);
    if (seen.has(slug)) return;
    seen.add(slug);
    refs.push({ kind, slug, name });
  };
  if (article.category !== undefined) add("section", article.category);
  for (const tag of article.tags) add("tag", tag);
  return refs;
}

