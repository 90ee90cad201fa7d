import type * as Zlib from "node:zlib";
import { assemble } from "./render/markup";

let zlibModule: typeof Zlib | undefined;

/**
 * node:zlib (nodejs_compat), loaded on first use, for what must be synchronous
 * (the build's deflate, Node tools reading archived blocks, a bundled block
 * read without `Corpus.prepare`). Loading it is most of what a fresh isolate's
 * first request costs when it does: about 5 ms of workerd's Node compatibility
 * JavaScript (process, streams, fs), 12 ms under the profiler (BENCHMARKS.md,
 * section 2). Requests use the native streams below instead.
 */
export function zlib(): typeof Zlib {
  return (zlibModule ??= process.getBuiltinModule("node:zlib"));
}

/** gzip of `bytes` by the runtime's own CompressionStream: native code, nothing to load. */
export function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return through(bytes, new CompressionStream("gzip"));
}

/** gzip data inflated by the runtime's own DecompressionStream, which checks its CRC-32. */
export function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  return through(bytes, new DecompressionStream("gzip"));
}

/** Raw DEFLATE (RFC 1951) data inflated by the runtime's own DecompressionStream. */
export function inflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return through(bytes, new DecompressionStream("deflate-raw"));
}

/**
 * `bytes` through `stream`, into one buffer. Written directly, not through a
 * Blob (which copies them), and read chunk by chunk into a single result:
 * a crawl of every page of a large site otherwise left tens of MiB of copies
 * between collections (bench, goal 5).
 */
async function through(bytes: Uint8Array, stream: { writable: WritableStream<Uint8Array>; readable: ReadableStream<Uint8Array> }): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // A failure (data that is not DEFLATE) errors the readable too, where it is awaited below.
  writer.write(bytes).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
  return chunks.length === 1 ? chunks[0]! : assemble(chunks);
}
