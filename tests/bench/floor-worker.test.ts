import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get, GZIP, PLAIN } from "../../bench/http-client";
import type { CapturedRoute } from "../../bench/routes";
import { floorWorker, serve } from "../../bench/servers";
import type { RunningWorkerd } from "../../bench/workerd";

// The floor is the reference every ratio divides by: it must give each client
// exactly what wirefeed gave it, in real workerd, or the ratios measure nothing.
const PLAIN_BYTES = Buffer.from("<rss>plain</rss>\n");
const GZIPPED = gzipSync(PLAIN_BYTES);
const answer = (status: number, headers: Record<string, string>, body: Buffer) => ({ path: "", status, headers, body, ttfbMs: 0 });
const ROUTES: CapturedRoute[] = [
  {
    kind: "site RSS",
    path: "/feed.xml",
    status: 200,
    gzip: answer(200, { "content-type": "application/rss+xml", "content-encoding": "gzip", etag: '"abc-gz"', vary: "Accept-Encoding" }, GZIPPED),
    plain: answer(200, { "content-type": "application/rss+xml", etag: '"abc"', vary: "Accept-Encoding" }, PLAIN_BYTES),
  },
  {
    kind: "not found",
    path: "/no-such-page",
    status: 404,
    gzip: answer(404, { "content-type": "text/plain", "cache-control": "public, max-age=60" }, Buffer.from("Not found: /no-such-page\n")),
    plain: answer(404, { "content-type": "text/plain", "cache-control": "public, max-age=60" }, Buffer.from("Not found: /no-such-page\n")),
  },
];

let dir: string;
let workerd: RunningWorkerd;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "wirefeed-floor-"));
  workerd = await serve(dir, "floor", [floorWorker(dir, ROUTES)]);
  port = workerd.ports.floor!;
});
afterAll(async () => {
  await workerd?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("bench/floor-worker.ts in workerd", () => {
  it("listens on a port the kernel chose, reported by workerd", () => {
    expect(port).toBeGreaterThan(0);
  });

  it("sends the gzip bytes as they are to a client that accepts gzip (request.cf.clientAcceptEncoding)", async () => {
    const response = await get(port, "/feed.xml", GZIP);
    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.headers.etag).toBe('"abc-gz"');
    expect(Buffer.compare(response.body, GZIPPED)).toBe(0);
  });

  it("sends the plain bytes, with their own ETag, to a client that does not, though the edge's Accept-Encoding names gzip", async () => {
    expect(PLAIN["Accept-Encoding"]).toContain("gzip");
    const response = await get(port, "/feed.xml", PLAIN);
    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(response.headers.etag).toBe('"abc"');
    expect(response.body.toString()).toBe(PLAIN_BYTES.toString());
  });

  it("decides gzip as wirefeed does, by the weights of the client's own Accept-Encoding", async () => {
    const edge = (clientAcceptEncoding: string) => ({ "Accept-Encoding": "br, gzip", "cf-blob": JSON.stringify({ clientAcceptEncoding }) });
    expect((await get(port, "/feed.xml", edge("gzip;q=0, identity"))).headers["content-encoding"]).toBeUndefined();
    expect((await get(port, "/feed.xml", edge("br;q=1, *;q=0.5"))).headers["content-encoding"]).toBe("gzip");
    expect((await get(port, "/feed.xml", edge("x-gzip"))).headers["content-encoding"]).toBe("gzip");
  });

  it("answers 304 with the validators and no body when If-None-Match is exactly one of the path's ETags, whatever the client accepts, as wirefeed does", async () => {
    for (const [headers, etag] of [
      [GZIP, '"abc-gz"'],
      [PLAIN, '"abc-gz"'],
      [GZIP, '"abc"'],
      [PLAIN, '"abc"'],
    ] as const) {
      const response = await get(port, "/feed.xml", { ...headers, "If-None-Match": etag });
      expect(response.status, etag).toBe(304);
      expect(response.headers.etag).toBe(etag);
      expect(response.headers.vary).toBe("Accept-Encoding");
      expect(response.body.byteLength).toBe(0);
    }
    const stale = await get(port, "/feed.xml", { ...GZIP, "If-None-Match": '"old-gz"' });
    expect(stale.status).toBe(200);
    expect(stale.headers.etag).toBe('"abc-gz"');
  });

  it("replays wirefeed's own status and headers for a path that does not exist", async () => {
    const response = await get(port, "/no-such-page", GZIP);
    expect(response.status).toBe(404);
    expect(response.headers["cache-control"]).toBe("public, max-age=60");
    expect(response.body.toString()).toBe("Not found: /no-such-page\n");
  });
});
