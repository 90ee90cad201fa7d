/**
 * The W3C Feed Validation Service's own code (clients/w3c-validator.ts) on every
 * document of the suite that it can check: each RSS and Atom document, current
 * and archived, and the OPML list, each as if fetched from its own URL with the
 * Content-Type it was served with. No errors and no warnings: markup in
 * headlines and summaries, `&`, quotes and `]]>` in copy, right-to-left text
 * and forbidden characters in seeds all come out clean.
 *
 * It cannot check JSON Feed (not XML; the service has no JSON Feed support) nor
 * sitemaps (it has no sitemaps.org schema): the last test shows its own answer
 * for those, and json-feed.test.ts (JSON Feed 1.1 schema) and xmllint.test.ts
 * check them instead. w3c-rules.test.ts keeps the service's rules that say more
 * across formats (JSON Feed's self URL, duplicate links, BadCharacters in pages).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { requireW3cValidator, w3cValidate, type W3cReport } from "./clients/w3c-validator";
import { servedSite } from "./support/site";

const site = await servedSite();
const reports = new Map<string, W3cReport>();
let unsupported: W3cReport[];

beforeAll(async () => {
  requireW3cValidator();
  const documents = [...site.documents.flatMap((document) => [document.rss, document.atom]), site.opml];
  for (const report of await w3cValidate(documents)) reports.set(report.url, report);
  unsupported = await w3cValidate([site.subscriptions[0]!.current.json, site.sitemap]);
});

/** The validator's verdict as one value, so a failure shows every message. */
const verdict = (url: string) => {
  const report = reports.get(url)!;
  return { messages: report.messages, stderr: report.stderr, code: report.code };
};
const CLEAN = { messages: [], stderr: "", code: 0 };

for (const document of site.documents) {
  describe(`W3C Feed Validation Service: ${document.label}`, () => {
    it("RSS: no errors, no warnings", () => {
      expect(verdict(document.rss.url)).toEqual(CLEAN);
    });

    it("Atom: no errors, no warnings", () => {
      expect(verdict(document.atom.url)).toEqual(CLEAN);
    });
  });
}

describe("W3C Feed Validation Service: /opml.xml", () => {
  it("no errors, no warnings", () => {
    expect(verdict(site.opml.url)).toEqual(CLEAN);
  });
});

describe("W3C Feed Validation Service: what it cannot check", () => {
  it("JSON Feed is not XML to it, and a sitemap's urlset is no format it knows (checked elsewhere: schema, xmllint)", () => {
    const [json, sitemap] = unsupported;
    expect(json!.code, json!.url).not.toBe(0);
    expect(`${json!.messages.join("\n")}${json!.stderr}`).toMatch(/XML parsing error|not well-formed|syntax error|Traceback/i);
    expect(sitemap!.code, sitemap!.url).not.toBe(0);
    expect(sitemap!.messages.join("\n")).toMatch(/Undefined root element: urlset/);
  });
});
