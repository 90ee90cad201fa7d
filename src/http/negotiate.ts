import { FEED_FORMATS, type FeedFormat } from "../render/urls";
import { parseWeightedList, type Weighted } from "./weighted-list";

/** The media types each format answers to; RSS first, the format a reader that names none gets. */
const MEDIA_TYPES: Record<FeedFormat, readonly string[]> = {
  rss: ["application/rss+xml"],
  atom: ["application/atom+xml"],
  json: ["application/feed+json", "application/json"],
};

/**
 * The feed format `Accept` asks for on `/feed` (RFC 9110 §12.5.1): each
 * format gets the weight of the most specific range that matches one of its
 * media types (`type/subtype`, then `type/*`, then `*∕*`), and the heaviest
 * wins, RSS before Atom before JSON Feed on a tie. When no range names a feed
 * type the header is disregarded and RSS is sent, except to a client that
 * refused RSS (q=0), which gets the first format it did not refuse.
 * Undefined when every format is refused: the answer is 406.
 */
export function negotiateFeed(accept: string | undefined): FeedFormat | undefined {
  if (accept === undefined || accept.trim() === "") return "rss";
  const ranges = parseWeightedList(accept);
  let best: { format: FeedFormat; q: number } | undefined;
  let firstNotRefused: FeedFormat | undefined;
  for (const format of FEED_FORMATS) {
    const q = weightOf(format, ranges);
    if (q !== undefined && q > 0 && (best === undefined || q > best.q)) best = { format, q };
    if (q !== 0) firstNotRefused ??= format;
  }
  return best?.format ?? firstNotRefused;
}

/**
 * The weight `ranges` give `format`: the most specific range that matches any
 * of its media types (`type/subtype` before `type/*` before `*∕*`), the
 * heaviest among equally specific ones; undefined when nothing matches. A
 * format is one format under any of its names: `application/feed+json;q=0`
 * refuses JSON Feed, and `*∕*` does not give it back as `application/json`.
 */
function weightOf(format: FeedFormat, ranges: readonly Weighted[]): number | undefined {
  let best: { specificity: number; q: number } | undefined;
  for (const media of MEDIA_TYPES[format]) {
    const [type] = media.split("/");
    for (const range of ranges) {
      const specificity = range.value === media ? 2 : range.value === `${type}/*` ? 1 : range.value === "*/*" ? 0 : -1;
      if (specificity < 0) continue;
      if (best === undefined || specificity > best.specificity || (specificity === best.specificity && range.q > best.q)) best = { specificity, q: range.q };
    }
  }
  return best?.q;
}
