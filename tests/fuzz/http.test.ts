/**
 * The HTTP layer under generated requests: paths near and far from the real
 * ones, every kind of method, hostile header values. Whatever arrives, no
 * exception escapes, only a documented URL answers 200, and nothing of the
 * request is written into any body.
 */
import fc from "fast-check";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { Site } from "../../src/http/site";
import { documentPath } from "../../src/render/urls";
import { xmlErrors } from "../support/documents";
import { articles as compile, packed, seedText } from "../support/seeds";
import { workerFor } from "../support/worker";

const SECTIONS = ["Politics", "Sport", "Economía", "سياسة"];
const seeds = Object.fromEntries(
  Array.from({ length: 9 }, (_, i) => [
    `s${i}.txt`,
    seedText({
      section: SECTIONS[i % SECTIONS.length],
      headline: `Headline ${i} <b>&</b> "quoted"`,
      body: [`Geneva, Jan ${i + 1} (EFE).- Talks went on on day ${i + 1}.`, "Second paragraph. EFE", "ab/cd"],
      frontMatter: [`tags: Ukraine, Tag ${i % 3}`],
    }),
  ]),
);
const articles = compile(seeds);
const VARS = { FEED_ITEMS: "2" };
const fetchSite = workerFor(articles, VARS);
const documented = new Set([...new Site(parseConfig({ ...env, ...VARS }), packed(articles)).names()].map(documentPath));
const DOCUMENTED = [...documented, "/feed"];

/** A token no document contains; every request carries it somewhere. */
const MARKER = "zq7marker";

const segment = fc.oneof(
  fc.constantFrom("sections", "tags", "articles", "archive", "page", "feed.xml", "atom.xml", "feed.json", "feed", "1", "01", "0", "politics", "ukraine", "", ".."),
  fc.stringMatching(/^[a-zA-Z0-9._~-]{1,12}$/),
  fc.constantFrom("%3Cscript%3E", "%00", "%0D%0A", "%E2%80%AE", "%2F", "<script>", "'\"", MARKER),
);
/** A documented path, changed a little or a lot, or one made of pieces. */
const path = fc.oneof(
  fc.constantFrom(...DOCUMENTED),
  fc.tuple(fc.constantFrom(...DOCUMENTED), fc.constantFrom("/", "X", "%20", "/..", "//", `/${MARKER}`, ".bak"), fc.boolean()).map(([p, extra, before]) =>
    before ? `/${extra.replace(/^\//, "")}${p}` : `${p}${extra}`,
  ),
  fc.tuple(fc.constantFrom(...DOCUMENTED), fc.constantFrom("X", "-", "evil-", "/", "0", "s"), fc.nat()).map(([p, extra, at]) => {
    const i = 1 + (at % p.length);
    return `${p.slice(0, i)}${extra}${p.slice(i)}`;
  }),
  fc.constantFrom(...DOCUMENTED).map((p) => p.toUpperCase()),
  fc.array(segment, { minLength: 1, maxLength: 6 }).map((segments) => `/${segments.join("/")}`),
);
const method = fc.oneof(fc.constantFrom("GET", "GET", "GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "TRACE", "PROPFIND"), fc.stringMatching(/^[A-Z]{3,10}$/));
const weighted = fc
  .array(
    fc.tuple(
      fc.constantFrom("gzip", "br", "identity", "*", "x-gzip", "application/rss+xml", "application/atom+xml", "application/json", "text/html", "*/*", "application/*", MARKER),
      fc.option(fc.constantFrom("q=0", "q=1", "q=0.5", "q=-1", "q=abc", "q=1e-9", 'q="0"', "q=0.0001", "Q=0.3", "level=1"), { nil: undefined }),
    ),
    { maxLength: 5 },
  )
  .map((items) => items.map(([value, param]) => (param === undefined ? value : `${value};${param}`)).join(", "));
const headers = fc.record(
  {
    Accept: weighted,
    "Accept-Encoding": weighted,
    "If-None-Match": fc.oneof(fc.constant("*"), fc.stringMatching(/^(W\/)?"[A-Za-z0-9_-]{0,24}"$/), fc.constant(`"${MARKER}"`)),
    "If-Modified-Since": fc.constantFrom("Fri, 21 Jan 2022 12:00:00 GMT", "Fri, 01 Jan 2100 00:00:00 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "yesterday", MARKER),
    "X-Marker": fc.nat({ max: 4000 }).map((n) => `${MARKER}${"x".repeat(n)}`),
  },
  { requiredKeys: ["X-Marker"] },
);

describe("the Worker under generated requests", () => {
  it("answers every request, 200 only for documented URLs, never echoing the request", async () => {
    await fc.assert(
      fc.asyncProperty(path, fc.option(fc.constant(`utm=${MARKER}`), { nil: undefined }), method, headers, async (p, query, m, h) => {
        const target = query === undefined ? p : `${p}?${query}`;
        let request: RequestInit;
        try {
          new Request(`http://localhost${target}`, { method: m, headers: h });
          request = { method: m, headers: h };
        } catch {
          return; // not a request a client can send
        }
        const response = await fetchSite(target, request);
        expect([200, 204, 301, 304, 404, 405, 406], `${m} ${target}`).toContain(response.status);
        const pathname = new URL(`http://localhost${target}`).pathname;
        if (response.status === 200 || response.status === 304) {
          expect(["GET", "HEAD"], `${m} ${target}`).toContain(m);
          expect(DOCUMENTED, `${m} ${target}`).toContain(pathname);
        }
        // Called directly, the Worker's gzip reaches the test as it would the network: undecoded.
        const bytes =
          response.body !== null && response.headers.get("Content-Encoding") === "gzip"
            ? await new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer()
            : await response.arrayBuffer();
        // Bytes, decoded leniently: the icon is not text, and the marker is ASCII.
        const body = new TextDecoder().decode(bytes);
        expect(body.includes(MARKER), `${m} ${target}`).toBe(false);
        const type = response.headers.get("Content-Type") ?? "";
        if (response.status === 200 && m === "GET") {
          if (/xml/.test(type)) expect(xmlErrors(body), target).toEqual([]);
          if (/json/.test(type)) expect(() => JSON.parse(body)).not.toThrow();
        }
      }),
      { numRuns: 400 },
    );
  });

  it("answers 200 for every documented URL", async () => {
    for (const documentedPath of DOCUMENTED) expect((await fetchSite(documentedPath)).status, documentedPath).toBe(200);
  });
});
