/**
 * A representation: the exact bytes of one document and its validators.
 * Built once per isolate per document; every request after that only picks
 * headers. The ETag is a hash of the bytes, so it is the same in every isolate
 * and after every restart, and changes exactly when the bytes do.
 */
export interface Representation {
  contentType: string;
  body: Uint8Array;
  /** Opaque part of the strong ETag, without quotes: base64url of SHA-256, 128 bits. */
  hash: string;
  /** IMF-fixdate of the newest `updated` the document shows. */
  lastModified: string;
  /** The same instant in whole seconds since the epoch, for comparisons. */
  lastModifiedSeconds: number;
  /** gzip of `body`, made on first demand and kept. */
  gzip(): Promise<Uint8Array>;
}

const encoder = new TextEncoder();

export async function represent(text: string, contentType: string, updated: string): Promise<Representation> {
  const body = encoder.encode(text);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  const seconds = Math.floor(Date.parse(updated) / 1000);
  let gzipped: Promise<Uint8Array> | undefined;
  return {
    contentType,
    body,
    hash: base64url(digest.subarray(0, 16)),
    lastModified: new Date(seconds * 1000).toUTCString(),
    lastModifiedSeconds: seconds,
    gzip: () => (gzipped ??= compress(body)),
  };
}

async function compress(body: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([body]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
