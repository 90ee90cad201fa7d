import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/content/article";
import { parseConfig } from "../../src/config";
import { siteFeed } from "../../src/render/feed-document";
import { renderRss } from "../../src/render/rss";

const SITE = parseConfig({
  SITE_URL: "https://news.example.com",
  SITE_TITLE: "News",
  SITE_DESCRIPTION: "Wire copy",
  SITE_LANGUAGE: "en",
  SITE_AUTHOR: "News",
  TAG_PREFIX: "tag:news.example.com,2022:",
  FEED_ITEMS: "10",
  FEED_MAX_AGE: "300",
  FEED_STALE_WHILE_REVALIDATE: "3600",
  FEED_STALE_IF_ERROR: "86400",
  PAGE_MAX_AGE: "300",
  NOT_FOUND_MAX_AGE: "60",
  WEBSUB_HUB: "",
});

const ARTICLE: Article = {
  id: "markup",
  slug: "markup",
  title: "Markup in copy",
  summary: `Copy says <script>alert(1)</script>, <img src=x onerror="alert(2)"> & AT&amp;T`,
  paragraphs: ["Body."],
  tags: [],
  published: "2024-01-05T12:00:00Z",
  updated: "2024-01-05T12:00:00Z",
};

function description(): string {
  const xml = renderRss(siteFeed(SITE, [ARTICLE]), { ttlMinutes: 5 });
  return new DOMParser().parseFromString(xml, "application/xml").getElementsByTagName("description")[1]!.textContent!;
}

// RSS readers (feedparser, the W3C validator) read <description> as HTML, so
// plain-text copy must be HTML-escaped inside it, as content:encoded is.
describe("RSS item description", () => {
  it("is the summary as escaped HTML: markup in the copy stays text", () => {
    expect(description()).toBe(
      "Copy says &lt;script&gt;alert(1)&lt;/script&gt;, &lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; AT&amp;amp;T",
    );
  });

  it("holds no markup a reader would render", () => {
    expect(description()).not.toMatch(/</);
  });
});
