/**
 * The W3C Feed Validation Service's rules that apply to wirefeed's feeds,
 * written out where they say more than the service's own code does
 * (w3c-validator.test.ts runs that on every RSS and Atom document): across the
 * three formats, JSON Feed included, which the service cannot read, and pages:
 * MissingAtomSelfLink, SelfDoesntMatchLocation, ContainsRelRef,
 * InvalidRFC822Date (and IncorrectDOW), DuplicateEntries, SecurityRisk,
 * BadCharacters, and the declared encoding matching the served one, on every
 * feed document, current and archived.
 * Markup rules apply to the fields readers render as HTML: RSS description
 * and content:encoded, Atom text constructs and content of type html, JSON
 * Feed content_html.
 */
import type { Element } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import { NS, children, parseXml } from "../support/documents";
import { servedSite, type FeedDocument, type Served } from "./support/site";

const site = await servedSite();

interface Parsed {
  channel: Element;
  rssItems: Element[];
  atomFeed: Element;
  atomEntries: Element[];
  json: { items: Array<{ id: string; content_html?: string }> };
}

function parse(document: FeedDocument): Parsed {
  const channel = children(parseXml(document.rss.body).documentElement!, "channel", null)[0]!;
  const atomFeed = parseXml(document.atom.body).documentElement!;
  return { channel, rssItems: children(channel, "item", null), atomFeed, atomEntries: children(atomFeed, "entry", NS.atom), json: JSON.parse(document.json.body) };
}

/** The text of the first `name` child, if any. */
const first = (parent: Element, name: string, ns: string | null) => children(parent, name, ns)[0]?.textContent ?? undefined;

/** Every field a reader renders as HTML, labelled for messages. */
function htmlFields({ rssItems, atomEntries, json }: Parsed): Array<{ where: string; html: string }> {
  const fields: Array<{ where: string; html: string }> = [];
  for (const item of rssItems) {
    const guid = first(item, "guid", null);
    for (const description of children(item, "description", null)) fields.push({ where: `rss ${guid} description`, html: description.textContent ?? "" });
    for (const encoded of children(item, "encoded", NS.content)) fields.push({ where: `rss ${guid} content:encoded`, html: encoded.textContent ?? "" });
  }
  for (const entry of atomEntries) {
    const id = first(entry, "id", NS.atom);
    for (const name of ["title", "summary", "content", "rights"]) {
      for (const element of children(entry, name, NS.atom)) {
        if (element.getAttribute("type") === "html") fields.push({ where: `atom ${id} ${name}`, html: element.textContent ?? "" });
      }
    }
  }
  for (const item of json.items) if (item.content_html !== undefined) fields.push({ where: `json ${item.id} content_html`, html: item.content_html });
  return fields;
}

interface Tag {
  name: string;
  attributes: Array<{ name: string; value: string }>;
  source: string;
}

/** Start tags in an HTML fragment, with their attributes, as a browser would tokenise simple markup. */
function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=>\/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    const attributes = [...match[2]!.matchAll(/([^\s=>\/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)].map((a) => ({
      name: a[1]!.toLowerCase(),
      value: (a[2] ?? "").replace(/^["']|["']$/g, ""),
    }));
    tags.push({ name: match[1]!.toLowerCase(), attributes, source: match[0] });
  }
  return tags;
}

const DANGEROUS_ELEMENTS = new Set(["script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link", "meta", "base", "form"]);
const URL_ATTRIBUTES = new Set(["href", "src", "srcset", "action", "background", "cite", "longdesc", "poster", "data", "usemap", "formaction"]);

const BAD_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\uFFFD]/u;

function badCharacter(served: Served): string | null {
  const found = BAD_CHARACTERS.exec(served.body);
  return found === null ? null : `U+${found[0].codePointAt(0)!.toString(16).padStart(4, "0")} at ${found.index}`;
}

for (const document of site.documents) {
  describe(`W3C feed validator rules: ${document.label}`, () => {
    let parsed: Parsed;

    beforeAll(() => {
      parsed = parse(document);
    });

    it("MissingAtomSelfLink / SelfDoesntMatchLocation: each format links to itself at the URL it was served from", () => {
      const rssSelf = children(parsed.channel, "link", NS.atom).filter((link) => link.getAttribute("rel") === "self");
      const atomSelf = children(parsed.atomFeed, "link", NS.atom).filter((link) => link.getAttribute("rel") === "self");
      expect(rssSelf.map((link) => link.getAttribute("href"))).toEqual([document.rss.url]);
      expect(atomSelf.map((link) => link.getAttribute("href"))).toEqual([document.atom.url]);
      expect(rssSelf.map((link) => link.getAttribute("type"))).toEqual(["application/rss+xml"]);
      expect(atomSelf.map((link) => link.getAttribute("type"))).toEqual(["application/atom+xml"]);
      expect((parsed.json as { feed_url?: string }).feed_url).toBe(document.json.url);
    });

    it("DuplicateEntries: no two items share a guid/id or a link", () => {
      const rssGuids = parsed.rssItems.map((item) => first(item, "guid", null));
      const rssLinks = parsed.rssItems.map((item) => first(item, "link", null));
      const atomIds = parsed.atomEntries.map((entry) => first(entry, "id", NS.atom));
      const jsonIds = parsed.json.items.map((item) => item.id);
      for (const list of [rssGuids, rssLinks, atomIds, jsonIds]) {
        expect(list.filter((value, i) => list.indexOf(value) !== i)).toEqual([]);
        expect(list).not.toContain(undefined);
      }
    });

    it("InvalidRFC822Date / IncorrectDOW: RSS dates are RFC 822 with the right weekday", () => {
      const { channel, rssItems } = parsed;
      const dates = [first(channel, "lastBuildDate", null), first(channel, "pubDate", null), ...rssItems.map((item) => first(item, "pubDate", null))].filter(
        (date): date is string => date !== undefined,
      );
      expect(dates.length).toBeGreaterThan(rssItems.length - 1);
      const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (GMT|[+-]\d{4})$/;
      for (const date of dates) {
        const match = RFC822.exec(date);
        expect(match, date).not.toBeNull();
        const when = new Date(Date.parse(date));
        expect(Number.isNaN(when.getTime()), date).toBe(false);
        expect(when.getUTCDate(), date).toBe(Number(match![2]));
        expect(["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][when.getUTCDay()], date).toBe(match![1]);
      }
    });

    it("SecurityRisk: no script, frames, styles, event handlers or javascript: URLs in rendered HTML", () => {
      const risks: string[] = [];
      for (const { where, html } of htmlFields(parsed)) {
        for (const tag of startTags(html)) {
          if (DANGEROUS_ELEMENTS.has(tag.name)) risks.push(`${where}: ${tag.source}`);
          for (const attribute of tag.attributes) {
            if (attribute.name.startsWith("on") || attribute.name === "style") risks.push(`${where}: ${attribute.name}= in ${tag.source}`);
            if (URL_ATTRIBUTES.has(attribute.name) && /^\s*(?:javascript|vbscript|data):/i.test(attribute.value)) risks.push(`${where}: ${tag.source}`);
          }
        }
      }
      expect(risks).toEqual([]);
    });

    it("ContainsRelRef: every URL in rendered HTML is absolute", () => {
      const relative: string[] = [];
      for (const { where, html } of htmlFields(parsed)) {
        for (const tag of startTags(html)) {
          for (const attribute of tag.attributes) {
            if (URL_ATTRIBUTES.has(attribute.name) && !/^[a-z][a-z0-9+.-]*:/i.test(attribute.value)) relative.push(`${where}: ${tag.source}`);
          }
        }
      }
      expect(relative).toEqual([]);
    });

    it("rendered HTML is wirefeed's paragraphs only: copy never becomes markup", () => {
      const others = htmlFields(parsed).flatMap(({ where, html }) => startTags(html).filter((tag) => tag.name !== "p" || tag.attributes.length > 0).map((tag) => `${where}: ${tag.source}`));
      expect(others).toEqual([]);
    });

    it("BadCharacters: no control characters, C1 controls or noncharacters", () => {
      for (const served of [document.rss, document.atom, document.json]) expect(badCharacter(served), served.url).toBeNull();
    });

    it("the encoding served, declared and used agree: UTF-8, no BOM", () => {
      for (const served of [document.rss, document.atom]) {
        expect(served.contentType, served.url).toMatch(/;\s*charset=utf-8$/i);
        expect(served.body.startsWith('<?xml version="1.0" encoding="utf-8"?>'), served.url).toBe(true);
        expect(served.bytes.slice(0, 3)).not.toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
      }
    });

    it("RSS items carry no bare-name <author> (RSS wants an e-mail address; names go in dc:creator)", () => {
      for (const item of parsed.rssItems) for (const author of children(item, "author", null)) expect(author.textContent, "author").toMatch(/@/);
    });
  });
}

describe("W3C feed validator rules: pages", () => {
  it("BadCharacters: no control characters, C1 controls or noncharacters in the home page and article pages", () => {
    for (const served of [site.home, ...site.pages.values()]) expect(badCharacter(served), served.url).toBeNull();
  });
});
