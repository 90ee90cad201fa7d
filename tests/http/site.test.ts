import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { Site } from "../../src/http/site";
import { FIXTURE_ARTICLES } from "../support/worker";

describe("per-isolate documents", () => {
  it("renders each document once: later requests, 200 or 304, reuse the same bytes", async () => {
    const site = new Site(parseConfig(env), FIXTURE_ARTICLES);
    const { site: all } = site.collections;
    const first = await site.feed(all, "atom");
    expect(await site.feed(all, "atom")).toBe(first);
    expect(await site.home()).toBe(await site.home());
    expect(await site.article(FIXTURE_ARTICLES[0]!)).toBe(await site.article(FIXTURE_ARTICLES[0]!));
    expect(await site.feed(all, "rss")).not.toBe(first);
  });

  it("a second isolate renders the same bytes", async () => {
    const [a, b] = [new Site(parseConfig(env), FIXTURE_ARTICLES), new Site(parseConfig(env), FIXTURE_ARTICLES)];
    const [x, y] = [await a.feed(a.collections.site, "json"), await b.feed(b.collections.site, "json")];
    expect(x).not.toBe(y);
    expect(x!.hash).toBe(y!.hash);
    expect(x!.body).toEqual(y!.body);
  });
});
