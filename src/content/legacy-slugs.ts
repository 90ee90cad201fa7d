import type { Collections } from "./collections";
import { idSuffix, slugify } from "./slug";

/**
 * Sections and tags whose slug moved with issue 20: before it, letters
 * outside a–z were dropped from a collection's slug, so a name of Cyrillic
 * letters was `x-` and a hash (`Україна` → `x-18xeu80`) and `Выборы 2024 США`
 * was `2024`. Their feeds had subscribers; those URLs now redirect to the
 * collection's slug, where the old slug named exactly one of today's
 * collections and names none of them itself. (`C#` and `C++` were both `c`:
 * that URL named two, and redirects nowhere.)
 */
export type MovedSlugs = Record<"section" | "tag", ReadonlyMap<string, string>>;

/** Old slug → today's, per kind, from each collection's name. */
export function movedSlugs(collections: Pick<Collections, "sections" | "tags">): MovedSlugs {
  return { section: moved(collections.sections), tag: moved(collections.tags) };
}

function moved(collections: ReadonlyMap<string, { slug: string; name: string }>): Map<string, string> {
  const candidates = new Map<string, string[]>();
  for (const { slug, name } of collections.values()) {
    const old = legacyCollectionSlug(name);
    if (old !== slug && !collections.has(old)) (candidates.get(old) ?? candidates.set(old, []).get(old)!).push(slug);
  }
  return new Map([...candidates].filter(([, now]) => now.length === 1).map(([old, [now]]) => [old, now!]));
}

const MAX_SLUG = 80;

/**
 * The slug a name had before issue 20, frozen here (not shared with the
 * article slug rules, which may change): for redirects only, never the slug
 * of anything.
 */
export function legacyCollectionSlug(name: string): string {
  const normalised = name.trim().normalize("NFC").toLowerCase().replace(/\s+/g, " ");
  const slug = slugify(normalised, MAX_SLUG);
  return slug || `x-${idSuffix(normalised)}`;
}
