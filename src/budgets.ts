/**
 * What one isolate may keep in memory, in bytes, cache by cache. An isolate
 * has 128 MB; these add up to 34 MiB, so a crawler walking every page of a
 * 100,000-article site leaves the heap well under half of it (measured in
 * BENCHMARKS.md). Each cache forgets its least recently used entries first;
 * what a request carries is never kept, so no request can grow any of them.
 *
 * Sizes are counted as the bytes held: a document's body and gzip, and two
 * bytes per character of a string (V8 keeps one byte per character for
 * Latin-1 text, so this overcounts English copy and is exact for the rest).
 */
const MiB = 1024 * 1024;

export const BUDGETS = {
  /** Rendered documents other than the site's own few (section, tag and archive feeds, pages, articles). */
  documents: 12 * MiB,
  /** Each feed format's per-item markup (site, section, tag and archive feeds share it). */
  itemMarkup: 3 * MiB,
  /** Escaped article bodies, shared by the three formats and the article page. */
  bodies: 6 * MiB,
  /** Articles' records parsed from the pack. */
  records: 3 * MiB,
  /** Blocks of records inflated from the pack. */
  blocks: 2 * MiB,
  /** Plain copies of documents held only as gzip (those the build stored), made for clients that take no gzip. */
  plainCopies: 2 * MiB,
} as const;

/** Bytes a string holds, for the budgets above. */
export function stringBytes(text: string): number {
  return text.length * 2;
}
