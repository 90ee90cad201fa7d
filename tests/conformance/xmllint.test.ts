/**
 * libxml2's own parser (xmllint, Debian libxml2-utils) and, for Atom, jing
 * against RFC 4287's RELAX NG schema (atom.rnc): well-formed and valid, with
 * nothing at all on stderr, so warnings fail too.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { servedSite, type ServedSite } from "./support/site";
import { requireCommand, requireTool, run } from "./support/tools";

let site: ServedSite;
const dir = mkdtempSync(join(tmpdir(), "wirefeed-xmllint-"));

beforeAll(async () => {
  requireTool("xmllint", ["--version"], "xmllint (Debian libxml2-utils)");
  requireCommand("jing", "jing (Debian jing)");
  site = await servedSite();
});

/** The bytes as served, in a file the tools read. */
function saved(name: string, body: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}

describe("xmllint --noout", () => {
  for (const format of ["rss", "atom"] as const) {
    it(`${format}: well-formed, no errors and no warnings`, async () => {
      const result = await run("xmllint", ["--noout", "--nonet", saved(`${format}.xml`, site[format].bytes)]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
    });
  }
});

/** jing's Debian launcher warns about optional jars it cannot find; those lines are not about the feed. */
function jingOutput(output: string): string {
  return output
    .split("\n")
    .filter((line) => line !== "" && !/^\[warning\] \S*jing: Unable to locate/.test(line))
    .join("\n");
}

describe("jing against the RFC 4287 RELAX NG schema", () => {
  it("atom: valid", async () => {
    const schema = resolve(import.meta.dirname, "atom.rnc");
    const result = await run("jing", ["-c", schema, saved("atom.xml", site.atom.bytes)]);
    expect(jingOutput(result.stdout + result.stderr)).toBe("");
    expect(result.code).toBe(0);
  });
});
