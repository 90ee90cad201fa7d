import type { Problem } from "./problems";

/**
 * A seed's bytes read as the text its author wrote, never guessed at:
 *
 * - a byte order mark says UTF-8, UTF-16 or UTF-32 (little or big endian);
 * - otherwise front matter `encoding: windows-1252` (read from the
 *   ASCII-compatible bytes before anything is decoded) names the encoding;
 * - otherwise the text must be UTF-8, unless the build was given a fallback
 *   encoding for seeds that are not (`--encoding` / `WIREFEED_ENCODING`).
 *
 * Bytes that do not decode are a problem naming the line and the bytes; no
 * byte is ever replaced with U+FFFD, which would publish "Espa�a" and the slug
 * "espa-a" without anyone noticing.
 */
export type Decoded = { text: string; encoding: string } | { problem: Problem };

/** What `encoding:` may name. The keys are the canonical names; labels are matched case-insensitively. */
const LABELS: Record<string, readonly string[]> = {
  "utf-8": ["utf-8", "utf8"],
  // Agencies that say Latin-1 nearly always send Windows-1252 (curly quotes in
  // 0x80–0x9F, where ISO-8859-1 has only invisible controls): WHATWG's
  // Encoding Standard, which browsers follow, reads those labels the same way.
  "windows-1252": ["windows-1252", "cp1252", "latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1"],
  "iso-8859-15": ["iso-8859-15", "iso8859-15", "latin-9", "latin9", "l9"],
};

/** The canonical name of an encoding label, or undefined when wirefeed cannot read it. */
export function encodingName(label: string): string | undefined {
  const wanted = label.trim().toLowerCase();
  return Object.keys(LABELS).find((name) => LABELS[name]!.includes(wanted));
}

/** For messages: the encodings `encoding:` may name. */
export const ENCODING_NAMES = Object.keys(LABELS).join(", ");

/** Windows-1252's 0x80–0x9F; 0 marks the five bytes it leaves undefined. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];
/** Where ISO-8859-15 differs from ISO-8859-1 (the euro sign and the French and Finnish letters). */
const ISO_8859_15: Record<number, number> = { 0xa4: 0x20ac, 0xa6: 0x0160, 0xa8: 0x0161, 0xb4: 0x017d, 0xb8: 0x017e, 0xbc: 0x0152, 0xbd: 0x0153, 0xbe: 0x0178 };

/** Code point of each byte, or -1 for a byte with no character in that encoding. */
const SINGLE_BYTE: Record<string, (byte: number) => number> = {
  "windows-1252": (byte) => (byte < 0x80 || byte > 0x9f ? byte : WINDOWS_1252_HIGH[byte - 0x80] || -1),
  // 0x80–0x9F are C1 controls there: never text, so not a character wirefeed can publish.
  "iso-8859-15": (byte) => (byte >= 0x80 && byte <= 0x9f ? -1 : (ISO_8859_15[byte] ?? byte)),
};

const EXPECTED_UTF8 = `UTF-8 text, or its encoding declared in front matter (encoding: windows-1252; one of ${ENCODING_NAMES})`;

/** Decode a seed's bytes; `file` names it in problems, `fallback` is the encoding of seeds that are not UTF-8. */
export function decodeSeed(bytes: Uint8Array, file: string, fallback?: string): Decoded {
  const bom = byteOrderMark(bytes);
  if (bom !== undefined && bom.encoding !== "utf-8") return decodeWide(bytes.subarray(bom.length), bom.encoding, file);
  const body = bom === undefined ? bytes : bytes.subarray(bom.length);
  const declared = bom === undefined ? declaredEncoding(body) : undefined;
  if (declared !== undefined) {
    const name = encodingName(declared.label);
    if (name === undefined) {
      return { problem: { file, line: declared.line, found: `encoding "${declared.label}"`, expected: `one of ${ENCODING_NAMES}` } };
    }
    return name === "utf-8" ? decodeUtf8(body, file) : decodeSingleByte(body, name, file);
  }
  if (bom === undefined && looksLikeUtf16(body)) {
    return { problem: { file, line: 1, found: "NUL bytes between the characters (UTF-16 without a byte order mark?)", expected: "UTF-8 text, or UTF-16 starting with a byte order mark" } };
  }
  const decoded = decodeUtf8(body, file);
  if ("problem" in decoded && fallback !== undefined && bom === undefined) return decodeSingleByte(body, fallback, file);
  return decoded;
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: "utf-8", length: 3 };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: "utf-32le", length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: "utf-32be", length: 4 };
  if (a === 0xff && b === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/** `encoding:` in a leading `---` block, read byte by byte as ASCII (every encoding named here agrees on ASCII). */
function declaredEncoding(bytes: Uint8Array): { label: string; line: number } | undefined {
  let start = 0;
  for (let line = 1; start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    // A key, a label and some spaces fit in the line's first bytes; a longer line is not this one.
    const text = ascii(bytes.subarray(start, Math.min(end, start + 120))).trim();
    if (line === 1 && text !== "---") return undefined;
    if (line > 1 && text === "---") return undefined;
    const match = /^encoding[ \t]*:[ \t]*(.*)$/i.exec(text);
    if (match) return { label: match[1]!.replace(/^(["'])(.*)\1$/, "$2"), line };
    start = end + 1;
  }
  return undefined;
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes.map((byte) => (byte < 0x80 ? byte : 0x3f)));
}

/** UTF-16 text without its byte order mark: mostly ASCII, so a NUL beside every other byte. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let nul = 0;
  for (const byte of sample) if (byte === 0) nul++;
  return sample.length > 0 && nul * 4 > sample.length;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array, file: string): Decoded {
  try {
    return { text: UTF8.decode(bytes), encoding: "utf-8" };
  } catch {
    // Only now walk the bytes, to say where.
    return { problem: undecodable(bytes, invalidUtf8(bytes), file, "not UTF-8", EXPECTED_UTF8) };
  }
}

/** Offsets of the bytes that do not start, or continue, a well-formed UTF-8 sequence (Unicode Table 3-7). */
function invalidUtf8(bytes: Uint8Array): number[] {
  const bad: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceAt(bytes, i);
    if (length === 0) bad.push(i++);
    else i += length;
  }
  return bad;
}

function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  // The second byte's range depends on the lead (no overlongs, no surrogates, nothing past U+10FFFF).
  const [length, low, high] =
    lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
    : lead === 0xe0 ? [3, 0xa0, 0xbf]
    : lead === 0xed ? [3, 0x80, 0x9f]
    : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf]
    : lead === 0xf0 ? [4, 0x90, 0xbf]
    : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
    : lead === 0xf4 ? [4, 0x80, 0x8f]
    : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  const second = bytes[i + 1]!;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) if (bytes[i + k]! < 0x80 || bytes[i + k]! > 0xbf) return 0;
  return length;
}

function decodeSingleByte(bytes: Uint8Array, encoding: string, file: string): Decoded {
  const map = SINGLE_BYTE[encoding]!;
  const bad: number[] = [];
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    for (let i = start; i < Math.min(start + CHUNK, bytes.length); i++) {
      const code = map(bytes[i]!);
      if (code === -1) bad.push(i);
      else codes.push(code);
    }
    chunks.push(String.fromCharCode(...codes));
  }
  if (bad.length > 0) return { problem: undecodable(bytes, bad, file, `not a character in ${encoding}`, `text in ${encoding}, as front matter or --encoding says, or the file's real encoding declared`) };
  return { text: chunks.join(""), encoding };
}

/** UTF-16 or UTF-32 (the byte order mark already removed), checking every code unit. */
function decodeWide(bytes: Uint8Array, encoding: string, file: string): Decoded {
  const unit = encoding.startsWith("utf-32") ? 4 : 2;
  const littleEndian = encoding.endsWith("le");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const codePoints: number[] = [];
  const bad: number[] = [];
  const usable = bytes.length - (bytes.length % unit);
  for (let i = 0; i < usable; i += unit) {
    let code = unit === 4 ? view.getUint32(i, littleEndian) : view.getUint16(i, littleEndian);
    if (unit === 2 && code >= 0xd800 && code <= 0xdbff && i + 2 < usable) {
      const low = view.getUint16(i + 2, littleEndian);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i += 2;
      }
    }
    if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) bad.push(i);
    else codePoints.push(code);
  }
  if (usable < bytes.length) bad.push(usable);
  const name = encoding.toUpperCase().replace("LE", " little-endian").replace("BE", " big-endian");
  if (bad.length > 0) return { problem: undecodable(bytes, bad, file, `not ${name}, as its byte order mark says`, `well-formed ${name} text`, unit, littleEndian) };
  const chunks: string[] = [];
  for (let start = 0; start < codePoints.length; start += 8192) chunks.push(String.fromCodePoint(...codePoints.slice(start, start + 8192)));
  return { text: chunks.join(""), encoding };
}

/**
 * One problem per file: the first line with bytes that do not decode, those
 * bytes in hex, and how many more there are; listing every accented letter of
 * a Latin-1 file would bury the one fix (declare its encoding).
 */
function undecodable(bytes: Uint8Array, bad: readonly number[], file: string, what: string, expected: string, unit = 1, littleEndian = true): Problem {
  const lines = linesAt(bytes, bad, unit, littleEndian);
  const first = lines[0]!;
  const onFirst = bad.filter((_, k) => lines[k] === first);
  const shown = onFirst.slice(0, 8).map((offset) => hex(bytes.subarray(offset, offset + unit)));
  const more = bad.length - onFirst.length;
  // Lines come in order: count the changes.
  const otherLines = lines.reduce((count, line, k) => (k > 0 && line !== lines[k - 1] ? count + 1 : count), 0);
  const rest = more === 0 ? "" : ` (and ${more} more on ${otherLines} other line${otherLines === 1 ? "" : "s"})`;
  const one = onFirst.length === 1;
  const found = `${one ? "byte" : "bytes"} ${shown.join(", ")}${onFirst.length > 8 ? ", …" : ""} that ${one ? "is" : "are"} ${what}${rest}`;
  return { file, line: first, found, expected };
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`).join(" ");
}

/** 1-based line of each of `offsets` (ascending), counting LF, CRLF and lone CR as the parser does; one pass. */
function linesAt(bytes: Uint8Array, offsets: readonly number[], unit: number, littleEndian: boolean): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = unit === 1 ? (i: number) => bytes[i]! : unit === 2 ? (i: number) => view.getUint16(i, littleEndian) : (i: number) => view.getUint32(i, littleEndian);
  const lines: number[] = [];
  let line = 1;
  let i = 0;
  for (const offset of offsets) {
    for (; i + unit <= offset; i += unit) {
      const code = at(i);
      if (code === 0x0a || (code === 0x0d && (i + 2 * unit > bytes.length || at(i + unit) !== 0x0a))) line++;
    }
    lines.push(line);
  }
  return lines;
}
