import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readVars, varsProblems } from "../../scripts/wrangler-vars";

const ROOT = join(import.meta.dirname, "../..");

describe("wrangler.toml's [vars]", () => {
  // The one test that reads the publisher's configuration: every other test brings its own.
  it("of this project configure a site (each problem named with its line and what was expected)", () => {
    expect(varsProblems(readFileSync(join(ROOT, "wrangler.toml"), "utf8"), "wrangler.toml")).toEqual([]);
  });

  it("a bad value is named at its line, a missing one at [vars]", () => {
    const toml = ['name = "x"', "", "[vars]", 'SITE_URL = "https://news.example.org/en"', "SITE_TITLE = 'News'", 'SITE_DESCRIPTION = "Wire"', 'SITE_LANGUAGE = "es"', "FEED_ITEMS = 0", ""].join("\n");
    expect(varsProblems(toml, "wrangler.toml")).toEqual([
      'wrangler.toml:4: [vars] SITE_URL is "https://news.example.org/en", expected an http(s) origin with no path, such as https://news.example.com',
      'wrangler.toml:3: [vars] TAG_PREFIX is "", expected an RFC 4151 tag prefix such as tag:news.example.com,2022: (a domain you owned on that date)',
      'wrangler.toml:8: [vars] FEED_ITEMS is "0", expected a whole number from 1 to 1000',
    ]);
  });

  it("reads strings of either quote, escapes and bare numbers, and nothing outside [vars]", () => {
    const toml = ['name = "x"', "[vars]", 'A = "say \\"hi\\"\\u00e9"  # a comment', "B = 'raw\\n'", "C = 20", "[build]", 'D = "no"'].join("\n");
    expect(readVars(toml)).toEqual({ A: 'say "hi"é', B: "raw\\n", C: "20" });
  });
});
