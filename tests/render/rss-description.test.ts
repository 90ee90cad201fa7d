import { describe, expect, it } from "vitest";
import type { Article } from "../../src/content/article";
import { child, children, parseXml, site, siteFeed, text } from "../support/documents";
import { renderRss } from "../support/feeds-as-text";

const SITE = site();

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
  const channel = child(parseXml(renderRss(siteFeed(SITE, [ARTICLE]), { ttlMinutes: 5 })).documentElement!, "channel");
  return text(children(channel, "item")[0]!, "description");
}

// RSS readers (feedparser, the W3C validator) read <description> as HTML, so
// plain-text copy must be HTML-escaped inside it, as content:encoded is.
describe("RSS item description", () => {
  it("is the summary as escaped HTML: markup in the copy stays text", () => {
    expect(description()).toBe(
      `Copy says &lt;script&gt;alert(1)&lt;/script&gt;, &lt;img src=x onerror="alert(2)"&gt; &amp; AT&amp;amp;T`,
    );
  });

  it("holds no markup a reader would render", () => {
    expect(description()).not.toMatch(/</);
  });
});
