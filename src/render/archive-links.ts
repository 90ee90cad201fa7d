import type { FeedDocument } from "./feed-document";
import type { FeedFormat } from "./urls";

/** RFC 5005 Feed History namespace, for `fh:archive`. */
export const HISTORY_NS = "http://purl.org/syndication/history/1.0";

/** The RFC 5005 links of a feed document in `format`: current, prev-archive, next-archive. */
export function archiveLinks(feed: FeedDocument, format: FeedFormat = "rss"): Array<{ rel: string; href: string }> {
  const archive = feed.archive;
  if (archive === undefined) return [];
  return [
    ...(archive.archived ? [{ rel: "current", href: archive.current[format] }] : []),
    ...(archive.prev ? [{ rel: "prev-archive", href: archive.prev[format] }] : []),
    ...(archive.next ? [{ rel: "next-archive", href: archive.next[format] }] : []),
  ];
}
