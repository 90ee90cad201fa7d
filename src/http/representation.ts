import { gzip } from "../zlib";

/**
 * A representation: the exact bytes of one document, their gzip, and their
 * validators. Built once per isolate per document; every request after that
 * only picks headers. The ETag is a hash of the bytes, so it is the same in
 * every isolate and after every restart, and changes exactly when the bytes do.
 */
export interface Representation {
  contentType: string;
  /**
   * The bytes. Undefined for a document read from the build's store, which
   * keeps only its gzip: a client that takes no gzip (few do) gets a plain
   * copy made on its first request and kept within a budget of its own
   * (respond.ts `plainBody`).
   */
  body?: Uint8Array;
  /** The bytes' length, known without them. */
  length: number;
  /**
   * gzip of `body`, made with it: nearly every client takes it, and a
   * representation whose size is known can be held to a byte budget.
   */
  gzip: Uint8Array;
  /** Opaque part of the strong ETag, without quotes: base64url of SHA-256, 128 bits. */
  hash: string;
  /** IMF-fixdate of the newest `updated` the document shows. */
  lastModified: string;
  /** The same instant in whole seconds since the epoch, for comparisons. */
  lastModifiedSeconds: number;
}

const encoder = new TextEncoder();

/** The representation of `content` (text is sent as UTF-8), last modified at the RFC 3339 instant `updated`. */
export async function represent(content: string | Uint8Array, contentType: string, updated: string): Promise<Representation> {
  const body = typeof content === "string" ? encoder.encode(content) : content;
  const compressed = gzip(body);
  const digest = await crypto.subtle.digest("SHA-256", body);
  const seconds = Math.floor(Date.parse(updated) / 1000);
  return {
    contentType,
    body,
    length: body.byteLength,
    gzip: compressed,
    hash: base64url(new Uint8Array(digest).subarray(0, 16)),
    lastModified: new Date(seconds * 1000).toUTCString(),
    lastModifiedSeconds: seconds,
  };
}

/** Bytes a representation holds, for byte-bounded caches. */
export function representationBytes(rep: Representation): number {
  return (rep.body?.byteLength ?? 0) + rep.gzip.byteLength;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
