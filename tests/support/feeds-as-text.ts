/**
 * The feed renderers as tests read them: the same functions the Worker runs,
 * whose bytes are decoded to text here so a test can parse and compare them.
 */
import { renderAtom as atomBytes } from "../../src/render/atom";
import { renderJsonFeed as jsonFeedBytes } from "../../src/render/json-feed";
import { renderRss as rssBytes } from "../../src/render/rss";

const decoder = new TextDecoder();

export function renderRss(...args: Parameters<typeof rssBytes>): string {
  return decoder.decode(rssBytes(...args));
}

export function renderAtom(...args: Parameters<typeof atomBytes>): string {
  return decoder.decode(atomBytes(...args));
}

export function renderJsonFeed(...args: Parameters<typeof jsonFeedBytes>): string {
  return decoder.decode(jsonFeedBytes(...args));
}
