import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { Site, type Document } from "../../src/http/site";
import type { DocumentName } from "../../src/render/urls";
import { FIXTURE_ARTICLES as ARTICLES, FIXTURE_CORPUS as CORPUS } from "../support/worker";

const SITE_FEED = (format: "rss" | "atom" | "json"): DocumentName => ({ type: "feed", collection: { kind: "site", slug: "" }, format });
const HOME: DocumentName = { type: "listing", collection: { kind: "site", slug: "" } };

async function documentOf(site: Site, name: DocumentName): Promise<Document> {
  const found = site.document(name);
  if (found === undefined) throw new Error(`no document for ${JSON.stringify(name)}`);
  return found;
}

describe("per-isolate documents", () => {
  it("renders each document once: later requests, 200 or 304, reuse the same bytes", async () => {
    const site = new Site(parseConfig(env), CORPUS);
    const article: DocumentName = { type: "article", slug: ARTICLES[0]!.slug };
    const first = await documentOf(site, SITE_FEED("atom"));
    // Once made, a document is answered as it is, without a promise to wait for.
    expect(site.document(SITE_FEED("atom"))).toBe(first);
    expect(await documentOf(site, HOME)).toBe(await documentOf(site, HOME));
    expect(await documentOf(site, article)).toBe(await documentOf(site, article));
    expect(await documentOf(site, SITE_FEED("rss"))).not.toBe(first);
  });

  it("a second isolate renders the same bytes", async () => {
    const [a, b] = [new Site(parseConfig(env), CORPUS), new Site(parseConfig(env), CORPUS)];
    const [x, y] = [await documentOf(a, SITE_FEED("json")), await documentOf(b, SITE_FEED("json"))];
    expect(x).not.toBe(y);
    expect(x.representation.hash).toBe(y.representation.hash);
    expect(x.representation.body).toEqual(y.representation.body);
  });

  it("names nothing it does not hold: unknown slugs and pages past the last", () => {
    const site = new Site(parseConfig(env), CORPUS);
    expect(site.document({ type: "article", slug: "no-such-article" })).toBeUndefined();
    expect(site.document({ type: "listing", collection: { kind: "section", slug: "no-such-section" } })).toBeUndefined();
    expect(site.document({ type: "feed", collection: { kind: "site", slug: "" }, format: "rss", archive: ARTICLES.length + 1 })).toBeUndefined();
    expect(site.document({ type: "listing", collection: { kind: "site", slug: "" }, page: ARTICLES.length + 1 })).toBeUndefined();
  });
});
