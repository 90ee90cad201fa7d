/**
 * Content-Encoding by what the client itself accepts, through `wrangler dev`,
 * whose entry worker does what Cloudflare's edge does: it rewrites every
 * request's Accept-Encoding to `br, gzip` before the Worker sees it (keeping the
 * client's own in `request.cf.clientAcceptEncoding`) and compresses some types
 * itself. Every document type (feeds in three formats, current and archived,
 * home, collection and article pages, older pages, /feeds, /sections, /tags,
 * OPML, sitemap, robots.txt, the icon),
 * requested with Node's plain http client, which sends exactly the headers given:
 *
 * - no Accept-Encoding, `identity`, `gzip;q=0`: the plain bytes, no
 *   Content-Encoding, the plain representation's ETag; they parse.
 * - `br` only: never gzip; the edge may send the same bytes brotli-compressed
 *   (as Cloudflare does for the types it compresses), which the client asked for.
 * - `gzip`: gzip, which decodes to the same bytes, under the other ETag; either
 *   ETag revalidates for either client.
 */
import { request, Agent } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { parseHtml, parseXml } from "../support/documents";
import { FEED_FORMATS, servedSite } from "./support/site";

interface Answer {
  status: number;
  headers: Record<string, string | undefined>;
  /** The bytes on the wire, before any Content-Encoding is undone. */
  wire: Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/** GET `url` sending exactly `headers` (node:http adds no Accept-Encoding of its own). */
function get(url: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: Object.fromEntries(Object.entries(res.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value])),
          wire: Buffer.concat(chunks),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** The bytes once the Content-Encoding the answer names is undone. */
function decoded(answer: Answer): Buffer {
  const coding = answer.headers["content-encoding"];
  if (coding === undefined) return answer.wire;
  if (coding === "gzip") return gunzipSync(answer.wire);
  if (coding === "br") return brotliDecompressSync(answer.wire);
  throw new Error(`unexpected Content-Encoding ${coding}`);
}

/** Throws unless `bytes` parse as what `contentType` says. */
function parse(bytes: Buffer, contentType: string): void {
  const text = () => new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  if (/json/.test(contentType)) JSON.parse(text());
  else if (/html/.test(contentType)) parseHtml(text());
  else if (/xml|opml/.test(contentType)) parseXml(text());
  else if (contentType === "image/x-icon") {
    if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error("not an ICO file");
  }
  else if (/^text\/plain/.test(contentType)) text();
  else throw new Error(`no parser for ${contentType}`);
}

const site = await servedSite();
const urls = [
  ...site.documents.flatMap((document) => FEED_FORMATS.map((format) => document[format].url)),
  site.home.url,
  `${site.baseUrl}/feeds`,
  ...site.subscriptions.map((subscription) => subscription.listed.htmlUrl).filter((url) => url !== site.home.url),
  ...site.pages.keys(),
  site.opml.url,
  site.sitemap.url,
  site.robots.url,
  // The indexes, an older page of the home listing, and the icon.
  `${site.baseUrl}/sections`,
  `${site.baseUrl}/tags`,
  `${site.baseUrl}/page/1`,
  `${site.baseUrl}/favicon.ico`,
];

const PLAIN_CLIENTS: Array<Record<string, string>> = [{}, { "Accept-Encoding": "identity" }, { "Accept-Encoding": "gzip;q=0" }];
const answers = new Map<string, { plain: Answer[]; br: Answer; gzip: Answer }>();

beforeAll(async () => {
  for (const url of urls) {
    const [plain, br, gzip] = await Promise.all([
      Promise.all(PLAIN_CLIENTS.map((headers) => get(url, headers))),
      get(url, { "Accept-Encoding": "br" }),
      get(url, { "Accept-Encoding": "gzip" }),
    ]);
    answers.set(url, { plain, br, gzip });
  }
}, 120_000);

it("covers every kind of document", () => {
  const kinds = new Set([...answers.values()].map(({ plain }) => plain[0]!.headers["content-type"]));
  expect([...kinds].sort()).toEqual(
    [
      "application/atom+xml; charset=utf-8",
      "application/feed+json; charset=utf-8",
      "application/rss+xml; charset=utf-8",
      "application/xml; charset=utf-8",
      "image/x-icon",
      "text/html; charset=utf-8",
      "text/plain; charset=utf-8",
      "text/x-opml; charset=utf-8",
    ].sort(),
  );
});

for (const url of urls) {
  describe(new URL(url).pathname, () => {
    it("no Accept-Encoding, identity, gzip;q=0: the plain bytes, no Content-Encoding, one ETag; they parse", () => {
      const { plain } = answers.get(url)!;
      for (const answer of plain) {
        expect(answer.status).toBe(200);
        expect(answer.headers["content-encoding"]).toBeUndefined();
        expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
      }
      expect(new Set(plain.map((answer) => answer.headers.etag)).size).toBe(1);
      expect(new Set(plain.map((answer) => answer.wire.toString("base64"))).size).toBe(1);
      expect(() => parse(plain[0]!.wire, plain[0]!.headers["content-type"]!)).not.toThrow();
    });

    it("br only: never gzip; the same bytes (brotli from the edge at most) under the plain ETag", () => {
      const { plain, br } = answers.get(url)!;
      expect(br.status).toBe(200);
      expect([undefined, "br"]).toContain(br.headers["content-encoding"]);
      expect(decoded(br).equals(plain[0]!.wire)).toBe(true);
      expect(br.headers.etag).toBe(plain[0]!.headers.etag);
    });

    it("gzip: gzip bytes of the same document, under their own ETag", () => {
      const { plain, gzip } = answers.get(url)!;
      expect(gzip.status).toBe(200);
      expect(gzip.headers["content-encoding"]).toBe("gzip");
      expect([...gzip.wire.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
      expect(decoded(gzip).equals(plain[0]!.wire)).toBe(true);
      expect(gzip.headers.etag).toMatch(/^"[^"]+"$/);
      expect(gzip.headers.etag).not.toBe(plain[0]!.headers.etag);
    });

    it("either ETag revalidates for either client", async () => {
      const { plain, gzip } = answers.get(url)!;
      for (const etag of [plain[0]!.headers.etag!, gzip.headers.etag!]) {
        for (const headers of [{}, { "Accept-Encoding": "gzip" }] as Array<Record<string, string>>) {
          const answer = await get(url, { ...headers, "If-None-Match": etag });
          expect(answer.status, `${etag} ${JSON.stringify(headers)}`).toBe(304);
        }
      }
    });
  });
}
