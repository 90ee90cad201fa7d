import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import type { Article } from "../../src/content/article";
import { Site } from "../../src/http/site";
import { countingCorpus } from "../support/counting-corpus";
import { packed } from "../support/seeds";

const CONFIG = parseConfig(env);
const PAGE = 20;
const COUNT = 10 * PAGE + 7;
const articles: Article[] = Array.from({ length: COUNT }, (_, i) => {
  const instant = new Date(Date.UTC(2024, 0, 1) + (COUNT - i) * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  return { id: `a${i}`, slug: `story-${i}`, title: `Story ${i}`, summary: "S.", paragraphs: ["P."], category: "Politics", tags: [], published: instant, updated: instant };
});

describe("an archive page of the site", () => {
  it("makes the articles of its own page and no list of them all, when every story is shown", async () => {
    const { counted, made, lists } = countingCorpus(packed(articles, { archivePageSize: PAGE }));
    const site = new Site(CONFIG, counted, null, undefined, () => Date.UTC(2030, 0, 1));
    const feed = new TextDecoder().decode((await site.document({ type: "feed", collection: { kind: "site", slug: "" }, format: "json", archive: 2 })!).representation.body);
    // Page 2 from the oldest: the 20 before the oldest 20.
    const expected = articles.slice(COUNT - 2 * PAGE, COUNT - PAGE).map((article) => article.id);
    expect(JSON.parse(feed).items.map((item: { id: string }) => item.id.split(":").at(-1))).toEqual(expected);
    expect(lists()).toBe(0);
    expect(new Set(made)).toEqual(new Set(Array.from({ length: PAGE }, (_, i) => COUNT - 2 * PAGE + i)));
    expect(site.document({ type: "feed", collection: { kind: "site", slug: "" }, format: "json", archive: 11 })).toBeUndefined();
  });
});
