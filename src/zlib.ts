import type * as Zlib from "node:zlib";

let zlibModule: typeof Zlib | undefined;

/** node:zlib (nodejs_compat): zlib itself, native code, with its levels and synchronous calls. */
export function zlib(): typeof Zlib {
  return (zlibModule ??= process.getBuiltinModule("node:zlib"));
}

/**
 * Loaded while the isolate starts, as the ICU data is (render/dates.ts):
 * loading it runs workerd's Node compatibility JavaScript (process, streams),
 * 9–12 ms of CPU on this machine in a slow hour, which a fresh isolate's
 * first request for any document not prerendered otherwise paid. Cloudflare
 * starts an isolate while the TLS handshake is under way; BENCHMARKS.md,
 * sections 2 and 6, measure both sides.
 */
zlib();

/**
 * The gzip level of every document the Worker or the build makes. Measured
 * in workerd on the bench's 10,000-article corpus with FEED_ITEMS=100: every
 * URL `bench/crawl.ts` walks to, asked for one at a time and timed by the
 * client (a one-off script, the same hour for every row), against the
 * runtime's CompressionStream (level 6, and a stream's promises per call).
 * Per request: an archive page's RSS (the first of its three formats, 100
 * items) and an article page; then the whole walk. The bench's memory
 * section times the same walk, concurrently (BENCHMARKS.md, section 5).
 *
 * | level | archive page: ms, gzip bytes | article page: ms, gzip bytes | whole crawl |
 * | CompressionStream | 15.8, 46,201 | 1.08, 3,188 | 41.8 s |
 * | 6 | 16.4, 46,201 | 0.92, 3,188 | 40.5 s |
 * | 4 | 14.5, 48,213 | 0.83, 3,233 | 34.5 s |
 * | 1 | 14.5, 53,232 | 0.62, 3,349 | 33.0 s |
 *
 * Level 4 is most of level 1's saving for under a third of its extra bytes. With
 * the blocks inflated by node:zlib as well (`inflateRaw`), the crawl took 28.9 s.
 */
export const GZIP_LEVEL = 4;

/** gzip of `bytes`, in a buffer of its own (node:zlib may return a view into a larger one, which a byte budget would not see). */
export function gzip(bytes: Uint8Array): Uint8Array {
  return exactly(zlib().gzipSync(bytes, { level: GZIP_LEVEL }));
}

/** gzip data (RFC 1952) inflated, in a buffer of its own; throws when it is not gzip. */
export function gunzip(bytes: Uint8Array): Uint8Array {
  return exactly(zlib().gunzipSync(bytes));
}

/** Raw DEFLATE (RFC 1951) data inflated, in a buffer of its own; throws when it is not DEFLATE. */
export function inflateRaw(bytes: Uint8Array): Uint8Array {
  return exactly(zlib().inflateRawSync(bytes));
}

/**
 * node:zlib's Buffer as a plain Uint8Array over an ArrayBuffer of exactly its
 * length: copied when it is a view into a larger one, which a byte budget
 * would not see. (A Buffer's `slice` shares memory where a Uint8Array's copies.)
 */
function exactly(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? new Uint8Array(bytes.buffer) : new Uint8Array(bytes);
}
