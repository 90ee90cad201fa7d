/**
 * Documents as the bytes they are sent as. Each feed item's markup is encoded
 * to UTF-8 once (see `perItem`) and a document is its few lines of text around
 * those bytes, copied into one buffer: no string of the whole document is ever
 * built, joined or encoded. Measured on a 50-item RSS feed, that took warm
 * rendering from ~300 µs (a string join, then TextEncoder over 175 KB) to the
 * cost of a copy (bench/render.ts; BENCHMARKS.md).
 */
const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * The text of `head` and its line break, the items, then `tail`: a line-per-part
 * join, as each item's markup is kept ending with its own line break (rss.ts,
 * atom.ts). One-byte separators copied as parts of their own, one copy call
 * each, took 5–10 % of a warm render.
 */
export function around(head: string, items: readonly Uint8Array[], tail: string): Uint8Array {
  return assemble([head, "\n", ...items, tail]);
}

/** `parts` one after another: text encoded as UTF-8, bytes as they are. */
export function assemble(parts: ReadonlyArray<string | Uint8Array>): Uint8Array {
  const bytes = parts.map((part) => (typeof part === "string" ? encoder.encode(part) : part));
  let length = 0;
  for (const part of bytes) length += part.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of bytes) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
