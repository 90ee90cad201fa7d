import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { createApp } from "../../src/http/app";
import { cacheControl } from "../../src/http/cache-policy";
import { FIXTURE_ARTICLES, FIXTURE_CORPUS, SITE, fetchWorker } from "../support/worker";
import { env } from "cloudflare:workers";

const FEEDS = ["/feed.xml", "/atom.xml", "/feed.json"];
const PAGES = ["/", `/articles/${FIXTURE_ARTICLES[0]!.slug}`];
const ROUTES = [...FEEDS, ...PAGES];

async function sha256Tag(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)).subarray(0, 16);
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function first(path: string, headers: Record<string, string> = {}) {
  const response = await fetchWorker(path, { headers });
  const body = await response.arrayBuffer();
  return { response, body, etag: response.headers.get("ETag")!, lastModified: response.headers.get("Last-Modified")! };
}

/** The headers a 304 must repeat from the 200 (RFC 9110 §15.4.5). */
const REPEATED = ["ETag", "Cache-Control", "Vary", "Last-Modified"];

describe.each(ROUTES)("validators on %s", (path) => {
  it("a 200 carries a strong ETag that hashes the exact body, and an IMF-fixdate Last-Modified", async () => {
    const { response, body, etag, lastModified } = await first(path);
    expect(response.status).toBe(200);
    expect(etag).toBe(`"${await sha256Tag(body)}"`);
    expect(lastModified).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(response.headers.get("Content-Length")).toBe(String(body.byteLength));
    expect(response.headers.get("Date")).not.toBeNull();
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("answers 304 to a matching strong, weak, listed or * If-None-Match, repeating the 200's headers", async () => {
    const { response: ok, etag } = await first(path);
    for (const value of [etag, `W/${etag}`, `"nope", ${etag}, "other"`, `W/"x",W/${etag}`, "*"]) {
      const response = await fetchWorker(path, { headers: { "If-None-Match": value } });
      expect(response.status, value).toBe(304);
      expect(await response.text()).toBe("");
      for (const name of REPEATED) expect(response.headers.get(name), `${name} on 304 for ${value}`).toBe(ok.headers.get(name));
      expect(response.headers.get("Date")).not.toBeNull();
      expect(response.headers.get("Content-Type")).toBeNull();
    }
  });

  it("answers 200 to a stale ETag even with an If-Modified-Since that would match", async () => {
    const { lastModified } = await first(path);
    const response = await fetchWorker(path, { headers: { "If-None-Match": '"stale"', "If-Modified-Since": lastModified } });
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it("compares If-Modified-Since by time: equal or later → 304, earlier or invalid → 200", async () => {
    const { lastModified } = await first(path);
    const seconds = Date.parse(lastModified);
    const cases: Array<[string, number]> = [
      [lastModified, 304],
      [new Date(seconds + 86_400_000).toUTCString(), 304],
      [new Date(seconds - 1000).toUTCString(), 200],
      ["yesterday", 200],
      ["2022-01-21", 200],
      ["Fri, 32 Jan 2022 12:00:00 GMT", 200],
    ];
    for (const [value, status] of cases) {
      const response = await fetchWorker(path, { headers: { "If-Modified-Since": value } });
      expect(response.status, value).toBe(status);
    }
  });

  it("answers HEAD with GET's headers and no body", async () => {
    const { response: get } = await first(path);
    const head = await fetchWorker(path, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    for (const name of ["ETag", "Last-Modified", "Cache-Control", "Content-Type", "Content-Length", "Vary"]) {
      expect(head.headers.get(name), name).toBe(get.headers.get(name));
    }
  });

  it("serves the same bytes gzip-compressed, with its own ETag, to clients that accept gzip", async () => {
    const { body, etag } = await first(path);
    const response = await fetchWorker(path, { headers: { "Accept-Encoding": "br, gzip;q=0.8" } });
    expect(response.headers.get("Content-Encoding")).toBe("gzip");
    expect(response.headers.get("Vary")).toContain("Accept-Encoding");
    const gzEtag = response.headers.get("ETag")!;
    expect(gzEtag).not.toBe(etag);
    // workerd's fetch decodes gzip for the caller, as a reader's HTTP client does.
    expect(await response.text()).toBe(new TextDecoder().decode(body));
    // A reader holding either variant revalidates to 304.
    expect((await fetchWorker(path, { headers: { "If-None-Match": gzEtag } })).status).toBe(304);
    expect((await fetchWorker(path, { headers: { "Accept-Encoding": "gzip", "If-None-Match": etag } })).status).toBe(304);
    expect((await fetchWorker(path, { headers: { "Accept-Encoding": "gzip;q=0" } })).headers.get("Content-Encoding")).toBeNull();
  });

  it("decides on the client's own Accept-Encoding, which Cloudflare keeps in cf.clientAcceptEncoding", async () => {
    const { body, etag } = await first(path);
    // Cloudflare (and wrangler dev) replace the header with `br, gzip` whatever the client sent.
    const asTheEdgeSendsIt = (client: string) => fetchWorker(path, { headers: { "Accept-Encoding": "br, gzip" }, cf: { clientAcceptEncoding: client } });
    for (const client of ["", "identity", "gzip;q=0", "br", "deflate"]) {
      const response = await asTheEdgeSendsIt(client);
      expect(response.headers.get("Content-Encoding"), client).toBeNull();
      expect(response.headers.get("ETag"), client).toBe(etag);
      expect(new Uint8Array(await response.arrayBuffer()), client).toEqual(new Uint8Array(body));
    }
    for (const client of ["gzip", "gzip, deflate, br", "x-gzip", "*"]) {
      const response = await asTheEdgeSendsIt(client);
      expect(response.headers.get("Content-Encoding"), client).toBe("gzip");
      expect(response.headers.get("ETag"), client).not.toBe(etag);
    }
  });

  it("answers a poll that sends back one variant's ETag for that variant, reading request.cf only for a 200 or another If-None-Match", async () => {
    const { etag } = await first(path);
    const gzEtag = (await fetchWorker(path, { headers: { "Accept-Encoding": "gzip" } })).headers.get("ETag")!;
    const app = createApp(FIXTURE_CORPUS);
    /** The Worker's answer to a request from the edge, and how many times it read request.cf (parsed from JSON per request by the runtime). */
    const fromTheEdge = async (clientAcceptEncoding: string, ifNoneMatch?: string) => {
      const request = new Request(`https://elsewhere.example${path}`, { headers: { "Accept-Encoding": "br, gzip", ...(ifNoneMatch === undefined ? {} : { "If-None-Match": ifNoneMatch }) } });
      let reads = 0;
      Object.defineProperty(request, "cf", { get: () => (reads++, { clientAcceptEncoding }) });
      const response = await app.fetch(request, env);
      await response.arrayBuffer();
      return { response, reads };
    };
    for (const held of [etag, gzEtag]) {
      for (const client of ["gzip", ""]) {
        const { response, reads } = await fromTheEdge(client, held);
        expect(response.status, `${held}, accepting ${client || "nothing"}`).toBe(304);
        expect(response.headers.get("ETag")).toBe(held);
        expect(reads).toBe(0);
        // The same through the Worker's own entry, as the edge sends it.
        const edge = await fetchWorker(path, { headers: { "Accept-Encoding": "br, gzip", "If-None-Match": held }, cf: { clientAcceptEncoding: client } });
        expect(edge.status).toBe(304);
        expect(edge.headers.get("ETag")).toBe(held);
      }
    }
    // Anything else decides on the client's own Accept-Encoding, once.
    for (const [client, held, status, answered] of [
      ["gzip", undefined, 200, gzEtag],
      ["", undefined, 200, etag],
      ["gzip", `W/${etag}`, 304, gzEtag],
      ["", `"other", ${gzEtag}`, 304, etag],
      ["gzip", '"stale"', 200, gzEtag],
    ] as const) {
      const { response, reads } = await fromTheEdge(client, held);
      expect(response.status, `${held}, accepting ${client || "nothing"}`).toBe(status);
      expect(response.headers.get("ETag")).toBe(answered);
      expect(reads).toBe(1);
    }
  });

  it("ignores query strings: same bytes, but not stored by shared caches", async () => {
    const { body, etag, response } = await first(path);
    const withQuery = await fetchWorker(`${path}?utm_source=reader&_=123`);
    expect(withQuery.headers.get("ETag")).toBe(etag);
    expect(new Uint8Array(await withQuery.arrayBuffer())).toEqual(new Uint8Array(body));
    expect(withQuery.headers.get("Cache-Control")).toBe(response.headers.get("Cache-Control")!.replace("public", "private"));
  });

  it("refuses every other method with 405 and Allow", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "MKCOL", "LOCK"]) {
      const response = await fetchWorker(path, { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get("Allow"), method).toBe("GET, HEAD, OPTIONS");
    }
  });
});

describe("freshness", () => {
  it("feeds: public max-age with stale-while-revalidate and stale-if-error, no s-maxage or must-revalidate", async () => {
    for (const path of FEEDS) {
      const cacheControl = (await fetchWorker(path)).headers.get("Cache-Control")!;
      expect(cacheControl).toBe(`public, max-age=${env.FEED_MAX_AGE}, stale-while-revalidate=${env.FEED_STALE_WHILE_REVALIDATE}, stale-if-error=${env.FEED_STALE_IF_ERROR}`);
      expect(cacheControl).not.toMatch(/s-maxage|must-revalidate|proxy-revalidate|no-cache|private/);
    }
  });

  it("no stale-while-revalidate unless the site sets one: a withdrawn story leaves every cache that obeys within FEED_MAX_AGE", () => {
    const stock = parseConfig({ ...env, FEED_STALE_WHILE_REVALIDATE: undefined });
    expect(cacheControl(stock, "feed")).toBe(`public, max-age=${env.FEED_MAX_AGE}, stale-if-error=${env.FEED_STALE_IF_ERROR}`);
    expect(cacheControl(stock, "page")).toBe(`public, max-age=${env.PAGE_MAX_AGE}, stale-if-error=${env.FEED_STALE_IF_ERROR}`);
    expect(cacheControl(parseConfig({ ...env, FEED_STALE_WHILE_REVALIDATE: "0" }), "feed")).toBe(cacheControl(stock, "feed"));
  });

  it("RSS <ttl> and sy:update* say the same as max-age", async () => {
    const rss = await (await fetchWorker("/feed.xml")).text();
    const ttl = Number(/<ttl>(\d+)<\/ttl>/.exec(rss)?.[1]);
    expect(ttl * 60).toBe(Number(env.FEED_MAX_AGE));
    const period = /<sy:updatePeriod>(\w+)<\/sy:updatePeriod>/.exec(rss)?.[1];
    const frequency = Number(/<sy:updateFrequency>(\d+)<\/sy:updateFrequency>/.exec(rss)?.[1]);
    expect(period).toBe("hourly");
    expect(3600 / frequency).toBe(Number(env.FEED_MAX_AGE));
  });

  it("pages get their own policy, and a 404 is cached briefly with a small body", async () => {
    expect((await fetchWorker("/")).headers.get("Cache-Control")).toContain(`max-age=${env.PAGE_MAX_AGE}`);
    const missing = await fetchWorker("/no-such-page");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Cache-Control")).toBe(`public, max-age=${env.NOT_FOUND_MAX_AGE}`);
    // One HTML page for every client: no Vary: Accept, which Cloudflare's cache ignores.
    expect(missing.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(missing.headers.get("Vary")).toBeNull();
    expect((await missing.arrayBuffer()).byteLength).toBeLessThan(16_384);
    expect((await fetchWorker("/articles/no-such-article")).status).toBe(404);
  });
});

describe("determinism", () => {
  it("two fresh Worker instances give the same bytes and ETags", async () => {
    for (const path of ROUTES) {
      const [a, b] = await Promise.all(
        [createApp(FIXTURE_CORPUS), createApp(FIXTURE_CORPUS)].map((app) => app.fetch(new Request(`https://elsewhere.example${path}`), env)),
      );
      expect(a!.headers.get("ETag"), path).toBe(b!.headers.get("ETag"));
      expect(await a!.text()).toBe(await b!.text());
    }
  });
});

describe("Date", () => {
  it("is the clock's second on every answer, 200 and 304, however many a second and whatever a caller did to an earlier answer", async () => {
    // A time after every fixture's date, so Last-Modified is the document's own.
    let now = Date.UTC(2030, 0, 2, 3, 4, 5, 100);
    const app = createApp(FIXTURE_CORPUS, null, { clock: () => now });
    const fetch = (path: string, init: RequestInit) => app.fetch(new Request(`https://elsewhere.example${path}`, init), env);
    const imf = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toUTCString();
    for (const path of ROUTES) {
      const ok = await fetch(path, { headers: { "Accept-Encoding": "gzip" } });
      expect(ok.headers.get("Date"), path).toBe(imf(now));
      // Response headers are the caller's to change: a change must not reach the next answer.
      ok.headers.set("Date", "Thu, 01 Jan 1970 00:00:00 GMT");
      ok.headers.set("X-Added", "1");
      for (const step of [300, 500, 1_000, 61_000, -120_000]) {
        now += step;
        for (const headers of [{ "Accept-Encoding": "gzip" }, { "Accept-Encoding": "gzip", "If-None-Match": ok.headers.get("ETag")! }] as Array<Record<string, string>>) {
          const response = await fetch(path, { headers });
          expect(response.headers.get("Date"), `${path} at ${now}`).toBe(imf(now));
          expect(response.headers.get("X-Added")).toBeNull();
          expect(response.headers.get("ETag")).toBe(ok.headers.get("ETag"));
        }
      }
    }
  });
});

describe("protocol around the feeds", () => {
  it("feeds allow any origin; pages carry a strict CSP and Referrer-Policy", async () => {
    for (const path of FEEDS) expect((await fetchWorker(path)).headers.get("Access-Control-Allow-Origin")).toBe("*");
    for (const path of PAGES) {
      const response = await fetchWorker(path);
      const csp = response.headers.get("Content-Security-Policy")!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain("script-src");
      expect(csp).not.toContain("unsafe-inline");
      expect(response.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    }
  });

  it("the CSP's style hash allows exactly the page's stylesheet", async () => {
    const response = await fetchWorker("/");
    const html = await response.text();
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(style));
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
    expect(response.headers.get("Content-Security-Policy")).toContain(`style-src 'sha256-${hash}'`);
  });

  it.each([
    ["application/atom+xml", "/atom.xml"],
    ["application/feed+json", "/feed.json"],
    ["application/json", "/feed.json"],
    ["application/rss+xml", "/feed.xml"],
    ["text/html, application/atom+xml;q=0.9, application/rss+xml;q=0.5", "/atom.xml"],
    ["*/*", "/feed.xml"],
    ["", "/feed.xml"],
  ])("GET /feed with Accept %j serves %s, varies on Accept and stays out of shared caches", async (accept, expected) => {
    const negotiated = await fetchWorker("/feed", { headers: accept ? { Accept: accept } : {} });
    const fixed = await fetchWorker(expected, { headers: { Accept: "text/plain" } });
    expect(negotiated.status).toBe(200);
    expect(negotiated.headers.get("Vary")).toBe("Accept, Accept-Encoding");
    expect(negotiated.headers.get("Content-Location")).toBe(expected);
    expect(negotiated.headers.get("ETag")).toBe(fixed.headers.get("ETag"));
    expect(fixed.headers.get("Vary")).toBe("Accept-Encoding");
    // Cloudflare's cache ignores Vary: Accept, so the negotiated URL must not be stored there.
    expect(negotiated.headers.get("Cache-Control")).toMatch(/^private, max-age=\d+/);
    expect(fixed.headers.get("Cache-Control")).toMatch(/^public, /);
  });
});
