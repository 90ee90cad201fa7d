/**
 * Seeds that must never be served: each folder under broken/ holds a seed (or
 * two, for a duplicate id or slug; and a publication record where the case
 * needs one) that the build must refuse with exit code 1, a
 * `file:line: found, expected …` message of its own, and no output written.
 */
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BROKEN_DIR, REFERENCE_DATE } from "./support/constants";
import { run } from "./support/tools";

const ROOT = resolve(import.meta.dirname, "../..");

/** Per case: the message lines the build must print (paths relative to the repository root). */
const CASES: Record<string, string[]> = {
  empty: ["empty.txt:1: an empty seed, expected a section line, a headline and at least one paragraph"],
  "no-headline": ['no-headline.txt:1: no headline, expected a headline on the line after the section "Politics"'],
  "dateline-as-headline": ['dateline-as-headline.txt:3: a dateline where the headline should be, expected a headline on the line after the section "Politics"'],
  "no-body": ["no-body.txt:3: no body after the headline, expected paragraphs of copy, the first opening with a dateline"],
  "no-date": ['no-date.txt:5: no dateline and no front matter date, expected a dateline such as "LONDON, Dec 4 (Reuters) - ", "Madrid, 4 dic (EFE).- ", "WASHINGTON (AP) — ", "(ANSA) - ROMA, 4 DIC - ", "SYDNEY, Dec 4 AAP - ", "MOSCOW, December 4. /TASS/. ", "OTTAWA — ", or front matter date: 2022-01-21T09:00:00+01:00'],
  "impossible-date": ["impossible-date.txt:5: dateline date --02-30 is not a calendar date, expected a real date, or front matter date: 2022-01-21T09:00:00+01:00"],
  "bad-front-matter-date": ['bad-front-matter-date.txt:2: date "yesterday", expected an ISO 8601 date-time with an offset, such as 2022-01-21T09:30:00+01:00'],
  "unclosed-front-matter": ["unclosed-front-matter.txt:1: front matter opened with --- but never closed, expected a closing --- line"],
  "unknown-front-matter-key": ['unknown-front-matter-key.txt:2: unknown front matter key "headline", expected one of id, date, updated, author, category, tags, slug, summary, image, image_caption, image_credit, image_alt, image_type, image_length, image_width, image_height, language, place, encoding, agency, replaces, status, embargo, expires, correction'],
  "duplicate-id": [`b-second.txt:2: id "talks-2022" already used by ${BROKEN_DIR}/duplicate-id/a-first.txt, expected a unique id (rename the file or set front matter id)`],
  "updated-before-date": ["updated-before-date.txt:3: updated 2022-01-20T08:00:00Z before the publication date 2022-01-21T08:00:00Z, expected updated at or after date"],
  "malformed-tag-list": ["malformed-tag-list.txt:2: tags opens a [ list that never closes: [Markets, Oil, expected tags: Markets, Oil or tags: [Markets, Oil], each tag optionally in quotes"],
  "unclosed-quote": ['unclosed-quote.txt:2: author opens a " quote that never closes: "Ana Pérez, expected a closing " at the end of the value, or no quotes'],
  "not-utf8": ["not-utf8.txt:1: byte 0xED that is not UTF-8 (and 4 more on 2 other lines), expected UTF-8 text, or its encoding declared in front matter (encoding: windows-1252; one of utf-8, windows-1252, iso-8859-15)"],
  "utf16-without-bom": ["utf16-without-bom.txt:1: NUL bytes between the characters (UTF-16 without a byte order mark?), expected UTF-8 text, or UTF-16 starting with a byte order mark"],
  "future-date": [`future-date.txt:2: date 2099-01-01T09:00:00+01:00 is after the build's today, ${REFERENCE_DATE} (+1 day), expected the date the story was filed; nothing is published dated in the future (front matter embargo: <instant> holds a story until then)`],
  "slug-taken": [
    `b-new.txt:2: slug "talks-end-without-a-deal" already used by ${BROKEN_DIR}/slug-taken/a-published.txt, expected a slug no other article has or had (published URLs are permanent)`,
  ],
  "slug-moved": [
    'slug-moved.txt:2: slug "geneva-talks-collapse", but this article was published at /articles/talks-end-without-a-deal, expected slug: talks-end-without-a-deal or no slug line (a published URL never changes)',
  ],
  "bad-record-line": [
    'published.tsv:6: date "30/06/2024" in "bad-record-line\\t30/06/2024\\t12:00:00\\ttalks-end-without-a-deal", expected id<TAB>YYYY-MM-DD<TAB>12:MM:SS or -<TAB>slug, as the build writes it',
  ],
};

describe("broken seeds fail the build, each with its own message", () => {
  it("every folder under broken/ is a case here, and the other way round", () => {
    expect(readdirSync(join(ROOT, BROKEN_DIR)).sort()).toEqual(Object.keys(CASES).sort());
  });

  it("no two cases share a message", () => {
    const first = Object.values(CASES).map((lines) => lines[0]!.replace(/^[^:]+:\d+: /, ""));
    expect(new Set(first).size).toBe(first.length);
  });

  for (const [name, lines] of Object.entries(CASES)) {
    it(name, async () => {
      const dir = `${BROKEN_DIR}/${name}`;
      // Frozen: the build never writes the case's record, even if the case came to build.
      const out = join(mkdtempSync(join(tmpdir(), "wirefeed-broken-")), "articles.ts");
      const result = await run(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/build.ts", "--seeds", dir, "--out", out, "--today", REFERENCE_DATE, "--frozen"], { cwd: ROOT });
      expect(result.code, result.stderr).toBe(1);
      const printed = result.stderr.split("\n");
      for (const line of lines) expect(printed, result.stderr).toContain(`${dir}/${line}`);
      expect(result.stderr).toMatch(/wirefeed build failed: \d+ problems?; nothing was written\.\n$/);
      expect(existsSync(out)).toBe(false);
    });
  }
});
