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

/** `items` with `separator` between them: its bytes encoded once, not once per item. */
export function joined(items: readonly Uint8Array[], separator: string): Array<string | Uint8Array> {
  const between = encoder.encode(separator);
  const parts: Uint8Array[] = [];
  items.forEach((item, i) => (i === 0 ? parts.push(item) : parts.push(between, item)));
  return parts;
}

/** The text of `head`, then each item on its own line, then `tail` on the next: a line-per-part join. */
export function around(head: string, items: readonly Uint8Array[], tail: string): Uint8Array {
  return assemble(items.length === 0 ? [head, "\n", tail] : [head, "\n", ...joined(items, "\n"), "\n", tail]);
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
