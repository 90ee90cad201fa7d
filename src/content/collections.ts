import type { Article } from "./article";
import { idSuffix } from "./slug";

/** A set of articles with its own feeds and page: the whole site, a section, or a tag. */
export interface Collection {
  kind: "site" | "section" | "tag";
  /**
   * Lowercase words of the name in any script, joined by hyphens (`economia`,
   * `выборы-2024-сша`, `c++`), unique within its kind; empty for the site.
   * Not yet a URL segment: urls.ts percent-encodes it.
   */
  slug: string;
  /** For a section or tag, its canonical name: the spelling of the first article to use it (categories.ts). */
  name: string;
  /** Newest first: the ones a reader sees now. */
  readonly articles: readonly Article[];
  /**
   * How the collection is cut into archive pages (RFC 5005) and older listing
   * pages; absent: by DEFAULT_ARCHIVE_PAGE_SIZE over `articles`.
   */
  readonly archive?: ArchiveSlots;
}

/**
 * Archive pages are cut by slots: every story the collection ever showed,
 * shown or taken back since, newest first, so taking a story back leaves a
 * hole in its own page and moves no other (render/pages.ts).
 */
export interface ArchiveSlots {
  readonly pageSize: number;
  /** How many slots: `articles`, with tombstones where stories were taken back. */
  readonly count: number;
  /**
   * Slots [start, end) of them, newest first: made for the range asked, so an
   * archive page of a 100,000-article site makes its 50 articles, not all
   * (about 15 ms of a fresh isolate's first request at 10,000, most of it
   * garbage collection).
   */
  slice(start: number, end: number): readonly Slot[];
}

/** The slots of `list`, made on first use. */
export function slotsOf(pageSize: number, list: () => readonly Slot[]): ArchiveSlots {
  let made: readonly Slot[] | undefined;
  const slots = () => (made ??= list());
  return {
    pageSize,
    get count() {
      return slots().length;
    },
    slice: (start, end) => slots().slice(start, end),
  };
}

/** A story taken back (withdrawn, or past its `expires`), where it stood among the items. */
export interface Tombstone {
  readonly tombstone: true;
  readonly id: string;
  readonly slug: string;
  readonly published: string;
  /** When it was taken back: RFC 6721 `when`. */
  readonly when: string;
}

export type Slot = Article | Tombstone;

export function isTombstone(slot: Slot): slot is Tombstone {
  return (slot as Partial<Tombstone>).tombstone === true;
}

/**
 * Articles per archive page when a site sets none: compile.ts's
 * DEFAULT_ARCHIVE_PAGE_SIZE (the Worker does not import the compiler), which
 * is FEED_ITEMS' default, the size earlier builds cut pages by.
 */
export const DEFAULT_ARCHIVE_PAGE_SIZE = 50;

export interface Collections {
  site: Collection;
  sections: ReadonlyMap<string, Collection>;
  tags: ReadonlyMap<string, Collection>;
}

/**
 * Group articles (newest first) into the site, its sections and its tags.
 * Spellings that differ only in case, accents, spacing or punctuation that
 * carries no meaning ("Politics", "politics "; "Ukraine!", "ukraïne") share
 * one slug, so one feed; any other difference is another collection.
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
 * A section's or tag's slug. Remembered: renderers ask for every item's
 * categories, and there are few distinct names but Unicode normalisation is
 * slow.
 *
 * Two names share a slug, so a collection and its URLs, only when they differ
 * in case, accents, spacing or punctuation that means nothing: letters of
 * every script are kept (`Выборы 2024 США` and `Выборы 2024 Россия` were both
 * `2024`, one tag), and `#` and `+` closing a word are kept too (`C#`, `C++`
 * and `F#` were all `c`, and `f`). Names of Latin letters, digits and other
 * punctuation get the slug they always had (`Economía` → `economia`), as do
 * names of no letter or digit (`x-` and a hash of the name), so no published
 * URL of theirs moves.
 */
export function collectionSlug(name: string): string {
  let slug = SLUGS.get(name);
  if (slug === undefined) {
    slug = slugOfName(name);
    // Bounded: names come from the compiled seeds, plus whatever a test invents.
    if (SLUGS.size < 100_000) SLUGS.set(name, slug);
  }
  return slug;
}

/**
 * Whether `text` is a slug some name has: the slug of itself. The router's
 * test (urls.ts), so a URL names a collection only in the one spelling the
 * site writes; not remembered, as `text` comes from requests.
 */
export function isCollectionSlug(text: string): boolean {
  return text !== "" && text.length <= MAX_SLUG * 2 && slugOfName(text) === text;
}

/** At most this many characters (code points), cut between words, as collection slugs always were. */
const MAX_SLUG = 80;

/**
 * Latin and Greek letters lose their accents (`í` → `i`); in other scripts a
 * mark can make another letter (Russian `й` is not `и`), so it stays.
 */
const ACCENTED = /([\p{Script=Latin}\p{Script=Greek}])[\u0300-\u036f]+/gu;
/** Letters the accents rule leaves apart from their base, written as words spell them without it. */
const TRANSLITERATION: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ł: "l", þ: "th" };
/**
 * A word: letters of any script, digits and marks (an Indic vowel sign is part
 * of its word), and the `#`s and `+`s that close it, when no letter follows
 * (`C#`, `C++`, `Google+`; `Rock+Roll` is two words, `#MeToo` one).
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:[#+]+(?![\p{L}\p{N}\p{M}]))?/gu;

function slugOfName(name: string): string {
  const normalised = name.trim().normalize("NFC").toLowerCase().replace(/\s+/g, " ");
  const words =
    normalised
      .normalize("NFKD")
      .replace(ACCENTED, "$1")
      .normalize("NFC")
      // Again: a compatibility form can decompose to a capital (`ℌ` → `H`).
      .toLowerCase()
      .replace(/[ßæœøđłþ]/g, (ch) => TRANSLITERATION[ch]!)
      // Apostrophes join (`Côte d’Ivoire` → `cote-divoire`); invisible format characters (soft hyphens, joiners, bidi controls) are nothing.
      .replace(/['’‘`\p{Cf}]/gu, "")
      .match(WORD) ?? [];
  let slug = "";
  let length = 0;
  for (const word of words) {
    const next = slug === "" ? codePoints(word) : length + 1 + codePoints(word);
    if (next > MAX_SLUG) break;
    slug = slug === "" ? word : `${slug}-${word}`;
    length = next;
  }
  if (slug === "" && words[0] !== undefined) slug = Array.from(words[0]).slice(0, MAX_SLUG).join("");
  return slug || `x-${idSuffix(normalised)}`;
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
