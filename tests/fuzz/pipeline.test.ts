/**
 * The whole pipeline from generated seed bytes to every document: whatever a
 * publisher's folder holds, the build either reports problems as
 * `file:line: found, expected …` or compiles articles whose every document
 * the Worker serves well-formed. No exception escapes either step.
 */
import fc from "fast-check";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { Site } from "../../src/http/site";
import { documentPath } from "../../src/render/urls";
import { parseHtml, xmlErrors } from "../support/documents";
import { compile, packed, seedText } from "../support/seeds";
import { workerFor } from "../support/worker";

const VARS = { FEED_ITEMS: "2" };

/** Text a seed may hold: ordinary words, markup, escapes, controls, other scripts. */
const words = fc.oneof(
  fc.constantFrom("Talks", "end", "Geneva", "el", "paro", "baja", "grève", "Ukraine", "d'Orsay", "]]>", "<b>bold</b>", "</script>", "&amp;", "&notes", "\u0007", "\u000B", "\u00A0", "مرحبا", "עברית", "👩‍👩‍👧", "e\u0301", "EFE", "is/mp"),
  fc.string({ maxLength: 12 }),
);
const line = fc.array(words, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(" "));
/** Mostly what compiles, sometimes what must not: a corpus fails whole if one seed does. */
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 40 }, { arbitrary: bad, weight: 1 });
const dateline = mostly(
  fc.constantFrom("Geneva, Jan 21 (EFE).- ", "LONDON, Nov 25 (Reuters) - ", "PARIS, 5 mai 2024 (AFP) - ", "Madrid, 14 feb (EFE).- ", "BERLIN, 3. März (dpa) - ", "KYIV, Ukraine, Jan 21 (AP) — "),
  fc.constantFrom("Geneva, Feb 30 (EFE).- ", "WASHINGTON (AP) — ", "", "Geneva, Jan 21 2099 (EFE).- "),
);
const frontMatterLine = mostly(
  fc.oneof(
    fc.constantFrom("date: 2022-01-21T09:30:00+01:00", "date: 0050-01-01T00:00:00Z", 'tags: "a, b", c', "language: es", "image: https://cdn.example.com/x.jpg"),
    line.map((value) => `summary: ${value}`),
    line.map((value) => `tags: ${value.replace(/[[\]"']/g, "")}`),
    line.map((value) => `place: ${value}`),
  ),
  fc.constantFrom("date: 2099-01-01T00:00:00Z", "tags: [Markets, Oil", "slug: Not A Slug", "nonsense", "encoding: klingon"),
);
const story = fc.record({
  frontMatter: fc.option(fc.uniqueArray(frontMatterLine, { maxLength: 3, selector: (entry) => entry.split(":")[0] }), { nil: undefined }),
  section: line,
  headline: line,
  body: fc.tuple(dateline, line, fc.array(line, { maxLength: 3 }), fc.constantFrom("", "EFE", "is/mp/ks", "Related Articles")).map(([d, lede, rest, tail]) => [`${d}${lede}`, ...rest, ...(tail ? [tail] : [])]),
});
type Form = "utf8" | "utf8-bom" | "crlf" | "utf16-bom" | "windows-1252" | "flipped";
const form = mostly(fc.constantFrom<Form>("utf8", "utf8", "utf8", "utf8-bom", "crlf", "utf16-bom", "windows-1252"), fc.constant<Form>("flipped"));
/** A seed's bytes as agencies and editors leave them: UTF-8 with or without a BOM, CRLF, UTF-16, declared Windows-1252, or stray bytes. */
const seedBytes = fc.tuple(story, form).map(([parts, form]): Uint8Array => {
  if (form === "windows-1252") {
    // Only what Windows-1252 can say, declared in front matter as the build requires.
    const text = seedText({ ...parts, frontMatter: ["encoding: windows-1252", ...(parts.frontMatter ?? [])] }).replace(/[^\u0000-\u00ff]/g, "?");
    return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
  }
  const text = seedText(parts);
  const utf8 = new TextEncoder().encode(form === "crlf" ? text.replace(/\n/g, "\r\n") : text);
  switch (form) {
    case "utf8-bom":
      return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    case "utf16-bom": {
      const units = Uint16Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
      return new Uint8Array([0xff, 0xfe, ...new Uint8Array(units.buffer)]);
    }
    case "flipped":
      return utf8.map((byte, i) => (i % 97 === 13 ? byte ^ 0x80 : byte));
    default:
      return utf8;
  }
});
const corpus = fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,11}$/), seedBytes), { minLength: 1, maxLength: 5, selector: ([name]) => name });

describe("generated seed bytes, through the build and the Worker", () => {
  it("compile to articles whose every document is served well-formed, or to problems that say where", async () => {
    await fc.assert(
      fc.asyncProperty(corpus, async (files) => {
        const compiled = compile(Object.fromEntries(files.map(([name, bytes]) => [`${name}.txt`, bytes])));
        for (const problem of [...compiled.problems, ...compiled.warnings]) expect(problem).toMatch(/^seeds\/[^:]+\.txt(:\d+)?: .+, expected .+/s);
        if (compiled.problems.length > 0) {
          expect(compiled.articles).toEqual([]);
          return;
        }
        const fetchSite = workerFor(compiled.articles, VARS);
        const site = new Site(parseConfig({ ...env, ...VARS }), packed(compiled.articles));
        for (const path of [...site.names()].map(documentPath)) {
          const response = await fetchSite(path);
          expect(response.status, path).toBe(200);
          const type = response.headers.get("Content-Type") ?? "";
          const body = new TextDecoder().decode(await response.arrayBuffer());
          if (/xml/.test(type)) expect(xmlErrors(body), path).toEqual([]);
          else if (/json/.test(type)) expect(() => JSON.parse(body), path).not.toThrow();
          else if (/html/.test(type)) expect(() => parseHtml(body), path).not.toThrow();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
