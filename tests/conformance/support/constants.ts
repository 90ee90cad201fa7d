/**
 * How the suite runs wirefeed: the corpus it compiles (never seeds/, which is the
 * publisher's; tests/conformance/sample holds a byte-for-byte copy of the bundled
 * sample seed), the fixed reference
 * date that makes the derived years (and so every byte served) reproducible,
 * and a feed size small enough that the corpus overflows it.
 */
export const SEED_DIRS = ["tests/conformance/sample", "tests/conformance/seeds"];
export const REFERENCE_DATE = "2024-06-30";
/** The corpus of test seeds, relative to the repository root. */
export const CORPUS_DIR = "tests/conformance/seeds";
export const BROKEN_DIR = "tests/conformance/broken";

/**
 * `FEED_ITEMS` as `wrangler dev` serves it: with 19 articles the site feed
 * holds 3 and has 6 archive pages; the Politics section and the Congress tag
 * have one each. Not a multiple of the collections' sizes, so current feeds
 * hold both articles no archive has yet and repeats of the newest archive page.
 */
export const FEED_ITEMS = 3;

/**
 * Articles per archive page, as the corpus's record fixes it (the
 * `setting` line of tests/conformance/sample/published.tsv): the same 3, so
 * the corpus fills the same pages; that FEED_ITEMS re-cuts none is
 * tests/worker/story-life.test.ts's.
 */
export const ARCHIVE_PAGE_SIZE = 3;

/** Where a reader starts: the home page, and the lists of feeds and pages. */
export const ENTRY_POINTS = {
  home: "/",
  opml: "/opml.xml",
  sitemap: "/sitemap.xml",
  robots: "/robots.txt",
} as const;
