import { isCalendarDate } from "./calendar";
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
  image?: string;
  language?: string;
  place?: string;
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
  tags: () => undefined,
  slug: (v) => (SLUG.test(v) && v.length <= 100 ? undefined : "a slug of lowercase ASCII letters, digits and single hyphens"),
  summary: () => undefined,
  image: (v) => (/^https?:\/\/[^\s]+$/.test(v) && isUrl(v) ? undefined : "an absolute http(s) URL"),
  language: (v) => (LANGUAGE.test(v) ? undefined : "a BCP 47 language tag such as en or es-ES"),
  place: () => undefined,
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
    const value = unquote(match[2]!.trim());
    if (!(KEYS as string[]).includes(key)) {
      problems.push({ file, line: lineNo, found: `unknown front matter key "${key}"`, expected: `one of ${KEYS.join(", ")}` });
      continue;
    }
    if (seen.has(key)) {
      problems.push({ file, line: lineNo, found: `front matter key "${key}" given twice`, expected: "each key once" });
      continue;
    }
    seen.add(key);
    if (value === "") {
      problems.push({ file, line: lineNo, found: `empty value for "${key}"`, expected: "a value after the colon" });
      continue;
    }
    const expected = CHECKS[key as Key](value);
    if (expected !== undefined) {
      problems.push({ file, line: lineNo, found: `${key} "${value}"`, expected });
      continue;
    }
    keyLines[key as Key] = lineNo;
    if (key === "tags") frontMatter.tags = parseList(value);
    else frontMatter[key as Exclude<Key, "tags">] = value;
  }
  return { frontMatter, keyLines, bodyLines: lines.slice(end + 1), bodyStartLine: end + 2, problems };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2]! : value;
}

/** `a, b, c` or `[a, "b", c]`: trimmed, unquoted, empty entries dropped, first spelling kept. */
function parseList(value: string): string[] {
  const inner = value.replace(/^\[(.*)\]$/, "$1");
  const items = inner.split(",").map((item) => unquote(item.trim())).filter((item) => item !== "");
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
