/**
 * What an isolate keeps must not depend on what requests carry. Runs the
 * Worker's app in Node, where the heap can be measured after a forced
 * garbage collection (workerd's test pool exposes neither), and sends the
 * same distinct paths twice over: with small headers, then with 60 KB ones.
 * Had any cache kept something of a request (a closure over its context, a
 * header), the second round would retain about 60 MB more than the first.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { createApp } from "../../src/http/app";
import { Site } from "../../src/http/site";
import { documentPath } from "../../src/render/urls";
import { articles as compile, packed, seedText } from "../support/seeds";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const ENV = {
  SITE_URL: "https://news.example.com",
  SITE_TITLE: "Example News",
  SITE_DESCRIPTION: "Wire copy.",
  SITE_LANGUAGE: "en",
  TAG_PREFIX: "tag:news.example.com,2022:",
  FEED_ITEMS: "5",
};
const articles = compile(
  Object.fromEntries(
    Array.from({ length: 500 }, (_, i) => [
      `m${String(i).padStart(3, "0")}.txt`,
      seedText({
        section: `Section ${i % 4}`,
        headline: `Story ${i}`,
        body: [`Geneva, Jan ${(i % 28) + 1} (EFE).- Something happened on day ${i}.`, "More copy. EFE", "ab/cd"],
        // A tag of its own: a site with as many tag pages as articles, as long-running ones have.
        frontMatter: [`tags: Topic ${i}`],
      }),
    ]),
  ),
);
/** 1,024 distinct pages: what a crawler following the links asks for. */
const PAGES = new Set(["listing", "index", "article"]);
const PATHS = [...new Site(parseConfig(ENV), packed(articles)).names()]
  .filter((name) => PAGES.has(name.type))
  .map(documentPath)
  .slice(0, 1024);

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Heap a fresh Worker holds after answering every path once with headers of `headerBytes` and a query string of `queryBytes`. */
async function retainedBy(headerBytes: number, queryBytes = 0): Promise<number> {
  const base = heapAfterGc();
  const app = createApp(packed(articles));
  const query = queryBytes === 0 ? "" : `?${"q".repeat(queryBytes)}`;
  for (const path of PATHS) {
    const headers = { "X-Padding": "x".repeat(headerBytes), "Accept-Encoding": `gzip, ${"y".repeat(headerBytes)}` };
    await (await app.fetch(new Request(`http://localhost${path}${query}`, { headers }), ENV)).arrayBuffer();
  }
  const retained = heapAfterGc() - base;
  // The app must still be alive when measured.
  expect(app).toBeDefined();
  return retained;
}

describe("memory an isolate retains", () => {
  it("does not grow with the size of the requests' headers", { timeout: 120_000 }, async () => {
    expect(PATHS).toHaveLength(1024);
    await retainedBy(10); // warms what every Worker shares (per-article caches), so both rounds start alike
    const small = await retainedBy(10);
    const large = await retainedBy(60_000);
    // 1,024 × 120 KB of headers went through; a few MB of noise is not retention.
    expect((large - small) / 2 ** 20).toBeLessThan(8);
  });

  it("does not grow with the length of the requests' URLs", { timeout: 120_000 }, async () => {
    // The site keeps its documents by path, and the router's path is a slice of the request's URL, which
    // V8 keeps whole for as long as the slice: 1,024 URLs of 15 KB (Cloudflare takes up to 16 KB) kept
    // 14 MB more than short ones, until the site kept copies of its own (src/string-copy.ts).
    await retainedBy(10);
    const short = await retainedBy(10);
    const long = await retainedBy(10, 15_000);
    expect((long - short) / 2 ** 20).toBeLessThan(8);
  });
});
