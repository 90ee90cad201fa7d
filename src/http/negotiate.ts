import type { FeedFormat } from "../render/urls";
import { parseWeightedList } from "./weighted-list";

const MEDIA_TYPES: Array<[string, FeedFormat]> = [
  ["application/rss+xml", "rss"],
  ["application/atom+xml", "atom"],
  ["application/feed+json", "json"],
  ["application/json", "json"],
];

/** The feed format `Accept` prefers, by q-value then order; RSS when nothing names a feed type. */
export function negotiateFeed(accept: string | undefined): FeedFormat {
  if (!accept) return "rss";
  let best: { format: FeedFormat; q: number } | undefined;
  for (const { value, q } of parseWeightedList(accept)) {
    const format = MEDIA_TYPES.find(([media]) => media === value)?.[1];
    if (format !== undefined && q > 0 && (best === undefined || q > best.q)) best = { format, q };
  }
  return best?.format ?? "rss";
}
