/**
 * libxml2's own parser (xmllint, Debian libxml2-utils) on every RSS and Atom
 * document, current and archived, and on the OPML and the sitemap; for Atom, jing against RFC 4287's
 * RELAX NG schema (atom.rnc), which allows foreign elements such as RFC 5005's
 * `fh:archive`: well-formed and valid, with nothing at all on stderr, so
 * warnings fail too.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { servedSite, type Served } from "./support/site";
import { requireCommand, requireTool, run, type RunResult } from "./support/tools";

const site = await servedSite();
const dir = mkdtempSync(join(tmpdir(), "wirefeed-xmllint-"));

/** The bytes as served, in a file the tools read, named after the URL's path. */
function saved(served: Served): string {
  const path = join(dir, new URL(served.url).pathname.slice(1).replace(/\//g, "_"));
  writeFileSync(path, served.bytes);
  return path;
}

/** jing's Debian launcher warns about optional jars it cannot find; those lines are not about the feeds. */
function jingOutput(output: string): string[] {
  return output.split("\n").filter((line) => line !== "" && !/^\[warning\] \S*jing: Unable to locate/.test(line));
}

const atomFiles = new Map(site.documents.map((document) => [document.atom.url, saved(document.atom)]));
let jing: RunResult;

beforeAll(async () => {
  requireTool("xmllint", ["--version"], "xmllint (Debian libxml2-utils)");
  requireCommand("jing", "jing (Debian jing)");
  // One JVM for every Atom document: jing names the file on each line it reports.
  jing = await run("jing", ["-c", resolve(import.meta.dirname, "atom.rnc"), ...atomFiles.values()]);
});

for (const document of site.documents) {
  describe(document.label, () => {
    for (const format of ["rss", "atom"] as const) {
      it(`xmllint --noout: ${format} well-formed, no errors and no warnings`, async () => {
        const result = await run("xmllint", ["--noout", "--nonet", saved(document[format])]);
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
      });
    }

    it(`jing: atom valid against the RFC 4287 schema${document.page === undefined ? "" : " (fh:archive included)"}`, () => {
      const file = atomFiles.get(document.atom.url)!;
      expect(jingOutput(jing.stdout + jing.stderr).filter((line) => line.startsWith(`${file}:`))).toEqual([]);
    });
  });
}

describe("/opml.xml and /sitemap.xml", () => {
  for (const served of [site.opml, site.sitemap]) {
    it(`xmllint --noout: ${new URL(served.url).pathname} well-formed, no errors and no warnings`, async () => {
      const result = await run("xmllint", ["--noout", "--nonet", saved(served)]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
    });
  }
});

it("jing reports nothing at all and exits 0", () => {
  expect(jingOutput(jing.stdout + jing.stderr)).toEqual([]);
  expect(jing.code).toBe(0);
});
