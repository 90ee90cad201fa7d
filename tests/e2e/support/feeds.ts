import type { Element } from "@xmldom/xmldom";
import type { APIRequestContext } from "playwright-core";
import { parseXml } from "../../support/documents";

export interface AdvertisedFeed {
  href: string;
  /** The media type the page announces in `type`. */
  type: string;
}

/**
 * Fetch a feed a page advertises, as a feed reader would, and parse it with a
 * strict parser; returns the feed's own title. Fails unless it answers 200 with
 * the announced media type and a document of that format.
 */
export async function fetchFeed(request: APIRequestContext, feed: AdvertisedFeed): Promise<{ title: string; body: string }> {
  const response = await request.get(feed.href, { maxRedirects: 0 });
  if (response.status() !== 200) throw new Error(`${feed.href} answered ${response.status()}, expected 200`);
  const mediaType = (response.headers()["content-type"] ?? "").split(";")[0]!.trim();
  if (mediaType !== feed.type) throw new Error(`${feed.href} is served as "${mediaType}", but the page announces "${feed.type}"`);
  const body = await response.text();
  switch (feed.type) {
    case "application/rss+xml": {
      const channel = parseXml(body).getElementsByTagName("channel")[0];
      if (channel?.parentNode?.nodeName !== "rss") throw new Error(`${feed.href} has no <rss><channel>`);
      return { title: directChildText(channel, "title"), body };
    }
    case "application/atom+xml": {
      const root = parseXml(body).documentElement!;
      if (root.localName !== "feed" || root.namespaceURI !== "http://www.w3.org/2005/Atom") throw new Error(`${feed.href} has no Atom <feed>`);
      return { title: directChildText(root, "title"), body };
    }
    case "application/feed+json": {
      const json = JSON.parse(body) as { version?: string; title?: string };
      if (json.version !== "https://jsonfeed.org/version/1.1") throw new Error(`${feed.href} is not JSON Feed 1.1 (version ${json.version})`);
      return { title: json.title ?? "", body };
    }
    default:
      throw new Error(`${feed.href} is announced as "${feed.type}", not a feed media type`);
  }
}

function directChildText(parent: Element, name: string): string {
  const child = Array.from(parent.childNodes).find((node) => node.nodeName === name);
  return child?.textContent ?? "";
}
