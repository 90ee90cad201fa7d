/**
 * What RFC 4287 requires that a schema cannot say (§4.1.1 atom:feed,
 * §4.1.2 atom:entry, §3.1 text constructs, §3.3 dates), checked on every
 * Atom document as served, current and archived.
 */
import type { Element } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import { NS, children, parseXml } from "../support/documents";
import { servedSite } from "./support/site";

const site = await servedSite();

const one = (parent: Element, name: string) => children(parent, name, NS.atom).length;
const attr = (element: Element, name: string) => element.getAttribute(name) ?? undefined;
const idOf = (entry: Element) => children(entry, "id", NS.atom)[0]?.textContent;
const TEXT_CONSTRUCTS = ["title", "subtitle", "summary", "rights"];
/** RFC 3339 date-time (§3.3): uppercase T and Z, seconds, an offset. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

function alternateLinksUnique(parent: Element): string[] {
  const keys = children(parent, "link", NS.atom)
    .filter((link) => (attr(link, "rel") ?? "alternate") === "alternate")
    .map((link) => `${attr(link, "type") ?? ""} ${attr(link, "hreflang") ?? ""}`);
  return keys.filter((key, i) => keys.indexOf(key) !== i);
}

function textConstructProblems(parent: Element): string[] {
  const problems: string[] = [];
  for (const name of TEXT_CONSTRUCTS) {
    for (const element of children(parent, name, NS.atom)) {
      const type = attr(element, "type") ?? "text";
      if (!["text", "html", "xhtml"].includes(type)) problems.push(`${name} type="${type}"`);
      if (type !== "xhtml" && Array.from(element.childNodes).some((node) => node.nodeType === 1)) problems.push(`${name} type="${type}" has child elements`);
    }
  }
  return problems;
}

for (const document of site.documents) {
  describe(document.label, () => {
    let feed: Element;
    let entries: Element[];

    beforeAll(() => {
      feed = parseXml(document.atom.body).documentElement!;
      entries = children(feed, "entry", NS.atom);
    });

    describe("§4.1.1 atom:feed", () => {
      it("is the root, in the Atom namespace", () => {
        expect(feed.namespaceURI).toBe(NS.atom);
        expect(feed.localName).toBe("feed");
      });

      it("has exactly one id, title and updated", () => {
        expect([one(feed, "id"), one(feed, "title"), one(feed, "updated")]).toEqual([1, 1, 1]);
      });

      it("has an author, or every entry has one", () => {
        const feedHasAuthor = one(feed, "author") > 0;
        const entriesWithout = entries.filter((entry) => one(entry, "author") === 0).map(idOf);
        expect(feedHasAuthor || entriesWithout.length === 0, `entries without author: ${entriesWithout.join(", ")}`).toBe(true);
      });

      it("has one self link and alternate links unique per type and hreflang", () => {
        expect(children(feed, "link", NS.atom).filter((link) => attr(link, "rel") === "self")).toHaveLength(1);
        expect(alternateLinksUnique(feed)).toEqual([]);
      });

      it("at most one generator, icon, logo, rights, subtitle", () => {
        for (const name of ["generator", "icon", "logo", "rights", "subtitle"]) expect(one(feed, name), name).toBeLessThanOrEqual(1);
      });

      it("text constructs have a valid type and no markup children unless xhtml", () => {
        expect(textConstructProblems(feed)).toEqual([]);
      });
    });

    describe("§4.1.2 atom:entry", () => {
      it("the feed has entries", () => {
        expect(entries.length).toBeGreaterThan(0);
      });

      it("each has exactly one id, title and updated, at most one published, summary, content", () => {
        for (const entry of entries) {
          const id = idOf(entry);
          expect([one(entry, "id"), one(entry, "title"), one(entry, "updated")], `entry ${id}`).toEqual([1, 1, 1]);
          for (const name of ["published", "summary", "content", "rights", "source"]) expect(one(entry, name), `${id} ${name}`).toBeLessThanOrEqual(1);
        }
      });

      it("each has an alternate link or content, and alternate links unique per type and hreflang", () => {
        for (const entry of entries) {
          const alternates = children(entry, "link", NS.atom).filter((link) => (attr(link, "rel") ?? "alternate") === "alternate");
          expect(alternates.length + one(entry, "content")).toBeGreaterThan(0);
          expect(alternateLinksUnique(entry)).toEqual([]);
        }
      });

      it("each has a summary when its content is not inline text (§4.1.2: src or base64)", () => {
        for (const entry of entries) {
          const content = children(entry, "content", NS.atom)[0];
          if (content && (attr(content, "src") !== undefined || !["text", "html", "xhtml", undefined].includes(attr(content, "type")))) {
            expect(one(entry, "summary")).toBe(1);
          }
        }
      });

      it("text constructs and content have a valid type", () => {
        for (const entry of entries) {
          expect(textConstructProblems(entry)).toEqual([]);
          for (const content of children(entry, "content", NS.atom)) {
            const type = attr(content, "type") ?? "text";
            expect(["text", "html", "xhtml"].includes(type) || type.includes("/"), `content type ${type}`).toBe(true);
          }
        }
      });

      it("ids are unique and absolute IRIs (§4.2.6)", () => {
        const ids = entries.map((entry) => idOf(entry)!);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of [...ids, children(feed, "id", NS.atom)[0]?.textContent ?? ""]) expect(id).toMatch(/^[a-z][a-z0-9+.-]*:\S+$/i);
      });

      it("dates are RFC 3339 and published ≤ updated (§3.3, §4.2.9)", () => {
        for (const entry of entries) {
          const updated = children(entry, "updated", NS.atom)[0]?.textContent ?? "";
          const published = children(entry, "published", NS.atom)[0]?.textContent ?? undefined;
          expect(updated).toMatch(RFC3339);
          if (published !== undefined) {
            expect(published).toMatch(RFC3339);
            expect(Date.parse(published)).toBeLessThanOrEqual(Date.parse(updated));
          }
        }
        expect(children(feed, "updated", NS.atom)[0]?.textContent).toMatch(RFC3339);
      });

      it("categories have a term", () => {
        for (const entry of entries) for (const category of children(entry, "category", NS.atom)) expect(attr(category, "term") ?? "").not.toBe("");
      });
    });
  });
}
