/**
 * The W3C Feed Validation Service's rules that apply to wirefeed's feeds,
 * written here because the service itself is not reachable from CI:
 * MissingAtomSelfLink, SelfDoesntMatchLocation, ContainsRelRef,
 * InvalidRFC822Date (and IncorrectDOW), DuplicateEntries, SecurityRisk,
 * BadCharacters, and the declared encoding matching the served one.
 * Markup rules apply to the fields readers render as HTML: RSS description
 * and content:encoded, Atom text constructs and content of type html, JSON
 * Feed content_html.
 */
import type { Element } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import { servedSite, type ServedSite } from "./support/site";
import { ATOM_NS, CONTENT_NS, attr, children, parseXml, text } from "./support/xml";

let site: ServedSite;
let channel: Element;
let rssItems: Element[];
let atomFeed: Element;
let atomEntries: Element[];
let json: { items: Array<{ id: string; content_html?: string }> };

beforeAll(async () => {
  site = await servedSite();
  channel = children(parseXml(site.rss.body).documentElement!, undefined, "channel")[0]!;
  rssItems = children(channel, undefined, "item");
  atomFeed = parseXml(site.atom.body).documentElement!;
  atomEntries = children(atomFeed, ATOM_NS, "entry");
  json = JSON.parse(site.json.body);
});

/** Every field a reader renders as HTML, labelled for messages. */
function htmlFields(): Array<{ where: string; html: string }> {
  const fields: Array<{ where: string; html: string }> = [];
  for (const item of rssItems) {
    const guid = text(children(item, undefined, "guid")[0]);
    for (const description of children(item, undefined, "description")) fields.push({ where: `rss ${guid} description`, html: description.textContent ?? "" });
    for (const encoded of children(item, CONTENT_NS, "encoded")) fields.push({ where: `rss ${guid} content:encoded`, html: encoded.textContent ?? "" });
  }
  for (const entry of atomEntries) {
    const id = text(children(entry, ATOM_NS, "id")[0]);
    for (const name of ["title", "summary", "content", "rights"]) {
      for (const element of children(entry, ATOM_NS, name)) {
        if (attr(element, "type") === "html") fields.push({ where: `atom ${id} ${name}`, html: element.textContent ?? "" });
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

describe("W3C feed validator rules", () => {
  it("MissingAtomSelfLink / SelfDoesntMatchLocation: each feed links to itself at the URL it was served from", () => {
    const rssSelf = children(channel, ATOM_NS, "link").filter((link) => attr(link, "rel") === "self");
    const atomSelf = children(atomFeed, ATOM_NS, "link").filter((link) => attr(link, "rel") === "self");
    expect(rssSelf.map((link) => attr(link, "href"))).toEqual([site.rss.url]);
    expect(atomSelf.map((link) => attr(link, "href"))).toEqual([site.atom.url]);
    expect(rssSelf.map((link) => attr(link, "type"))).toEqual(["application/rss+xml"]);
    expect(atomSelf.map((link) => attr(link, "type"))).toEqual(["application/atom+xml"]);
  });

  it("DuplicateEntries: no two items share a guid/id or a link", () => {
    const rssGuids = rssItems.map((item) => text(children(item, undefined, "guid")[0]));
    const rssLinks = rssItems.map((item) => text(children(item, undefined, "link")[0]));
    const atomIds = atomEntries.map((entry) => text(children(entry, ATOM_NS, "id")[0]));
    for (const list of [rssGuids, rssLinks, atomIds]) {
      expect(list.filter((value, i) => list.indexOf(value) !== i)).toEqual([]);
      expect(list).not.toContain(undefined);
    }
  });

  it("InvalidRFC822Date / IncorrectDOW: RSS dates are RFC 822 with the right weekday", () => {
    const dates = [text(children(channel, undefined, "lastBuildDate")[0]), text(children(channel, undefined, "pubDate")[0]), ...rssItems.map((item) => text(children(item, undefined, "pubDate")[0]))].filter(
      (date): date is string => date !== undefined,
    );
    expect(dates.length).toBeGreaterThan(rssItems.length - 1);
    const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (GMT|[+-]\d{4})$/;
    for (const date of dates) {
      const match = RFC822.exec(date);
      expect(match, date).not.toBeNull();
      const parsed = new Date(Date.parse(date));
      expect(Number.isNaN(parsed.getTime()), date).toBe(false);
      expect(parsed.getUTCDate(), date).toBe(Number(match![2]));
      expect(["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][parsed.getUTCDay()], date).toBe(match![1]);
    }
  });

  it("SecurityRisk: no script, frames, styles, event handlers or javascript: URLs in rendered HTML", () => {
    const risks: string[] = [];
    for (const { where, html } of htmlFields()) {
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
    for (const { where, html } of htmlFields()) {
      for (const tag of startTags(html)) {
        for (const attribute of tag.attributes) {
          if (URL_ATTRIBUTES.has(attribute.name) && !/^[a-z][a-z0-9+.-]*:/i.test(attribute.value)) relative.push(`${where}: ${tag.source}`);
        }
      }
    }
    expect(relative).toEqual([]);
  });

  it("rendered HTML is wirefeed's paragraphs only: copy never becomes markup", () => {
    const others = htmlFields().flatMap(({ where, html }) => startTags(html).filter((tag) => tag.name !== "p" || tag.attributes.length > 0).map((tag) => `${where}: ${tag.source}`));
    expect(others).toEqual([]);
  });

  it("BadCharacters: no control characters, C1 controls or noncharacters in any document", () => {
    const BAD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\uFFFD]/u;
    for (const served of [site.rss, site.atom, site.json, site.home, ...site.pages.values()]) {
      const found = BAD.exec(served.body);
      expect(found === null ? null : `U+${found[0].codePointAt(0)!.toString(16).padStart(4, "0")} at ${found.index}`, served.url).toBeNull();
    }
  });

  it("the encoding served, declared and used agree: UTF-8, no BOM", () => {
    for (const served of [site.rss, site.atom]) {
      expect(served.contentType, served.url).toMatch(/;\s*charset=utf-8$/i);
      expect(served.body.startsWith('<?xml version="1.0" encoding="utf-8"?>'), served.url).toBe(true);
      expect(served.bytes.slice(0, 3)).not.toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    }
  });

  it("RSS items carry no bare-name <author> (RSS wants an e-mail address; names go in dc:creator)", () => {
    for (const item of rssItems) for (const author of children(item, undefined, "author")) expect(text(author), "author").toMatch(/@/);
  });
});
