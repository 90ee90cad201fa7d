/**
 * How the suite runs wirefeed: the corpus it compiles and the fixed reference
 * date that makes the derived years (and so every byte served) reproducible.
 */
export const SEED_DIRS = ["seeds", "tests/conformance/seeds"];
export const REFERENCE_DATE = "2024-06-30";
/** The corpus of test seeds, relative to the repository root. */
export const CORPUS_DIR = "tests/conformance/seeds";
export const BROKEN_DIR = "tests/conformance/broken";

/** Every path the feeds and pages are served at, besides the article pages the feeds link to. */
export const DOCUMENTS = {
  rss: "/feed.xml",
  atom: "/atom.xml",
  json: "/feed.json",
  home: "/",
} as const;
