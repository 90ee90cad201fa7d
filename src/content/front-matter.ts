import type { Image } from "./article";
import { isCalendarDate } from "./calendar";
import { ENCODING_NAMES, encodingName } from "./decode";
import type { Problem } from "./problems";

/**
 * Optional front matter: a leading `---` block of `key: value` lines that
 * overrides what the parser derives from the copy.
 */
export interface FrontMatter {
  id?: string;
  date?: string;
  updated?: string;
  author?: string;
  category?: string;
  tags?: string[];
  slug?: string;
  summary?: string;
  /** The lead picture's URL; the `image_*` keys describe it. */
  image?: string;
  image_caption?: string;
  /** Photographer and agency, as the wire gives them: `REUTERS/Jane Doe`. */
  image_credit?: string;
  /** What the picture shows, for readers who cannot see it; the caption when absent. */
  image_alt?: string;
  image_type?: string;
  /** Bytes. */
  image_length?: string;
  /** Pixels: the page reserves the picture's space from them. */
  image_width?: string;
  image_height?: string;
  language?: string;
  place?: string;
  /** The file's encoding, which decode.ts has already read it with; checked here like every key. */
  encoding?: string;
  /** The agency that filed the copy, when neither the dateline nor the sign-off names it. */
  agency?: string;
  /** This seed is the next version of the story with this id (issue 17): one story, one URL. */
  replaces?: string;
  /** `withdrawn`: the story (this seed's, or the one it `replaces`) is taken back. */
  status?: string;
  /** Held until this instant: the story's `published`. */
  embargo?: string;
  /** Carried until this instant only (a licence window): withdrawn from then on. */
  expires?: string;
  /** A correction note shown with the story, as the copy's `(Corrects …)` is. */
  correction?: string;
}

export interface FrontMatterResult {
  frontMatter: FrontMatter;
  /** Lines after the block (or all lines when there is none). */
  bodyLines: string[];
  /** 1-based line number of the first body line in the file. */
  bodyStartLine: number;
  problems: Problem[];
  /** 1-based line of each key given, so later checks (updated before date) can point at it. */
  keyLines: Partial<Record<keyof FrontMatter, number>>;
  /** The lead picture the `image` keys describe, when they describe one without problems. */
  image?: Image;
  /** True when a `---` block was opened and never closed: there is no body to read. */
  unclosed?: boolean;
}

type Key = keyof FrontMatter;
type Check = (value: string) => string | undefined; // undefined = fine, else what was expected

/** ISO 8601 date-time with an explicit offset, as RFC 3339 allows. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:\/-]{0,127}$/;
const IMAGE_URL = /^https?:\/\/[^\s"<>\x00-\x1f\x7f]+$/i;
const IMAGE_TYPE = /^image\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;
const PIXELS = /^[1-9]\d{0,4}$/;

// Date.parse rolls 2022-02-30 over to March 2 instead of refusing it, so the
// calendar date is checked on its own.
const isoDate: Check = (value) =>
  ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) && isCalendarDate(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)))
    ? undefined
    : "an ISO 8601 date-time with an offset, such as 2022-01-21T09:30:00+01:00";

const CHECKS: Record<Key, Check> = {
  id: (v) => (ID.test(v) ? undefined : "an id of letters, digits and . _ : / - (at most 128 characters)"),
  date: isoDate,
  updated: isoDate,
  author: (v) => (v.length <= 200 ? undefined : "a name of at most 200 characters"),
  category: (v) => (v.length <= 80 ? undefined : "a section name of at most 80 characters"),
  tags: () => undefined, // parseList checks it
  slug: (v) => (SLUG.test(v) && v.length <= 100 ? undefined : "a slug of lowercase ASCII letters, digits and single hyphens"),
  summary: () => undefined,
  // Quotes and angle brackets are refused, not escaped: a URL that holds them was pasted wrong.
  image: (v) => (IMAGE_URL.test(v) && isUrl(v) ? undefined : "an absolute http(s) URL with no spaces, quotes or angle brackets"),
  image_caption: (v) => (v.length <= 1000 ? undefined : "a caption of at most 1000 characters"),
  image_credit: (v) => (v.length <= 200 ? undefined : "a credit of at most 200 characters, such as REUTERS/Jane Doe"),
  image_alt: (v) => (v.length <= 1000 ? undefined : "a description of at most 1000 characters"),
  image_type: (v) => (IMAGE_TYPE.test(v) ? undefined : "an image media type such as image/jpeg or image/png"),
  image_length: (v) => (/^[1-9]\d{0,11}$/.test(v) ? undefined : "the picture's size in bytes, a whole number above 0"),
  image_width: (v) => (PIXELS.test(v) ? undefined : "a width in pixels, a whole number from 1 to 99999"),
  image_height: (v) => (PIXELS.test(v) ? undefined : "a height in pixels, a whole number from 1 to 99999"),
  language: (v) => (LANGUAGE.test(v) ? undefined : "a BCP 47 language tag such as en or es-ES"),
  place: () => undefined,
  encoding: (v) => (encodingName(v) !== undefined ? undefined : `one of ${ENCODING_NAMES}`),
  agency: (v) => (v.length <= 60 ? undefined : "an agency name of at most 60 characters"),
  replaces: (v) => (ID.test(v) ? undefined : "the id of the story this one is a new version of (its file name without .txt, or its front matter id)"),
  status: (v) => (v === "withdrawn" ? undefined : "withdrawn (the only status a seed sets: a story is published unless withdrawn)"),
  embargo: isoDate,
  expires: isoDate,
  correction: (v) => (v.length <= 1000 ? undefined : "a correction note of at most 1000 characters"),
};

function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

const KEYS = Object.keys(CHECKS) as Key[];

/** Split `lines` into front matter and body; `file` names the seed in problems. */
export function parseFrontMatter(lines: readonly string[], file: string): FrontMatterResult {
  const frontMatter: FrontMatter = {};
  const keyLines: FrontMatterResult["keyLines"] = {};
  const problems: Problem[] = [];
  if (lines[0]?.trim() !== "---") {
    return { frontMatter, keyLines, bodyLines: [...lines], bodyStartLine: 1, problems };
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === "---");
  if (end === -1) {
    problems.push({ file, line: 1, found: "front matter opened with --- but never closed", expected: "a closing --- line" });
    return { frontMatter, keyLines, bodyLines: [], bodyStartLine: lines.length + 1, problems, unclosed: true };
  }
  const seen = new Set<string>();
  for (let i = 1; i < end; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const match = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line);
    if (!match) {
      problems.push({ file, line: lineNo, found: `front matter line "${line}"`, expected: "key: value" });
      continue;
    }
    const key = match[1]!.toLowerCase();
    if (!(KEYS as string[]).includes(key)) {
      problems.push({ file, line: lineNo, found: `unknown front matter key "${key}"`, expected: `one of ${KEYS.join(", ")}` });
      continue;
    }
    if (seen.has(key)) {
      problems.push({ file, line: lineNo, found: `front matter key "${key}" given twice`, expected: "each key once" });
      continue;
    }
    seen.add(key);
    const raw = match[2]!.trim();
    const parsed = key === "tags" ? parseList(raw) : unquote(raw);
    if ("malformed" in parsed) {
      problems.push({ file, line: lineNo, found: `${key} ${parsed.malformed}`, expected: parsed.expected });
      continue;
    }
    if (raw === "" || ("value" in parsed && parsed.value === "")) {
      problems.push({ file, line: lineNo, found: `empty value for "${key}"`, expected: "a value after the colon" });
      continue;
    }
    const expected = "value" in parsed ? CHECKS[key as Key](parsed.value) : undefined;
    if (expected !== undefined) {
      problems.push({ file, line: lineNo, found: `${key} "${"value" in parsed ? parsed.value : raw}"`, expected });
      continue;
    }
    keyLines[key as Key] = lineNo;
    if ("items" in parsed) frontMatter.tags = parsed.items;
    else frontMatter[key as Exclude<Key, "tags">] = parsed.value;
  }
  const image = describedImage(frontMatter, keyLines, seen.has("image"), (line, found, expected) => problems.push({ file, line, found, expected }));
  return { frontMatter, keyLines, bodyLines: lines.slice(end + 1), bodyStartLine: end + 2, problems, ...(image === undefined ? {} : { image }) };
}

/** Media types by file extension, for an `image:` given without `image_type:` (RSS enclosures must say one). */
const TYPES_BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  svg: "image/svg+xml",
};

/**
 * The picture the `image` keys describe. Each key was checked on its own line;
 * here, what they say together (`imageLine`: an image: line was given, good
 * or not): the details need the URL, the size needs both
 * sides (a page reserves the space from them), and a type must be known.
 */
function describedImage(fm: FrontMatter, keyLines: FrontMatterResult["keyLines"], imageLine: boolean, problem: (line: number, found: string, expected: string) => void): Image | undefined {
  const details = (Object.keys(keyLines) as Key[]).filter((key) => key.startsWith("image_"));
  if (fm.image === undefined) {
    // An image: line with a bad URL has its own problem; its details are not the mistake.
    if (!imageLine) for (const key of details) problem(keyLines[key]!, `${key} with no image`, "an image: line giving the picture's URL");
    return undefined;
  }
  let ok = true;
  if ((fm.image_width === undefined) !== (fm.image_height === undefined)) {
    const [given, missing] = fm.image_width === undefined ? ["image_height", "image_width"] : ["image_width", "image_height"];
    problem(keyLines[given as Key]!, `${given} with no ${missing}`, `both image_width and image_height, or neither`);
    ok = false;
  }
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(fm.image).pathname)?.[1]?.toLowerCase();
  const type = fm.image_type?.toLowerCase() ?? (extension === undefined ? undefined : TYPES_BY_EXTENSION[extension]);
  if (type === undefined) {
    problem(keyLines.image!, `image "${fm.image}" with no image_type, and a name that ends in no image extension`, `image_type: image/jpeg (or the picture's type), or a URL ending in .${Object.keys(TYPES_BY_EXTENSION).join(", .")}`);
    ok = false;
  }
  if (!ok) return undefined;
  const whole = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const image: Image = { url: fm.image, type: type! };
  const optional = { alt: fm.image_alt, caption: fm.image_caption, credit: fm.image_credit, length: whole(fm.image_length), width: whole(fm.image_width), height: whole(fm.image_height) };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (image as unknown as Record<string, unknown>)[key] = value;
  return image;
}

type Malformed = { malformed: string; expected: string };
const QUOTES = `"'`;

/** A value in matching quotes loses them; a quote that opens and never closes is an error, not part of the text. */
function unquote(value: string): { value: string } | Malformed {
  const quote = value[0];
  if (quote === undefined || !QUOTES.includes(quote)) return { value };
  if (value.length < 2 || value.at(-1) !== quote) return { malformed: `opens a ${quote} quote that never closes: ${value}`, expected: `a closing ${quote} at the end of the value, or no quotes` };
  return { value: value.slice(1, -1) };
}

const LIST_EXPECTED = "tags: Markets, Oil or tags: [Markets, Oil], each tag optionally in quotes";

/**
 * `a, b, c` or `[a, "b, c", d]`: trimmed, unquoted, empty entries dropped. A
 * `[` without its `]`, or a quote that never closes, is malformed: read
 * leniently it would publish a tag named "[Markets".
 */
function parseList(value: string): { items: string[] } | Malformed {
  let inner = value;
  if (value.startsWith("[")) {
    if (!value.endsWith("]")) return { malformed: `opens a [ list that never closes: ${value}`, expected: LIST_EXPECTED };
    inner = value.slice(1, -1);
  }
  const items: string[] = [];
  let i = 0;
  while (i <= inner.length) {
    while (inner[i] === " " || inner[i] === "\t") i++;
    let item: string;
    const quote = inner[i];
    if (quote !== undefined && QUOTES.includes(quote)) {
      const close = inner.indexOf(quote, i + 1);
      if (close === -1) return { malformed: `has a ${quote} quote that never closes: ${value}`, expected: LIST_EXPECTED };
      item = inner.slice(i + 1, close);
      i = close + 1;
      while (inner[i] === " " || inner[i] === "\t") i++;
      if (i < inner.length && inner[i] !== ",") return { malformed: `has text after a closing ${quote} quote: ${value}`, expected: LIST_EXPECTED };
    } else {
      const comma = inner.indexOf(",", i);
      const end = comma === -1 ? inner.length : comma;
      item = inner.slice(i, end).trim();
      i = end;
      if (/[[\]]/.test(item)) return { malformed: `has a [ or ] inside the list: ${value}`, expected: LIST_EXPECTED };
    }
    if (item !== "") items.push(item);
    i++; // past the comma
  }
  return { items };
}
