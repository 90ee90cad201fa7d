/**
 * The RSS, Atom and JSON documents describe the same items: compared item by
 * item (ids, titles, links, dates, order), and each item's link serves its page.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { expectedItems } from "./support/articles";
import { servedSite, type ServedSite } from "./support/site";
import { ATOM_NS, attr, children, parseXml, text } from "./support/xml";

interface Row {
  id: string;
  title: string;
  link: string;
  published: string;
}

let site: ServedSite;
const rows: Partial<Record<"rss" | "atom" | "json", Row[]>> = {};

const iso = (date: string) => new Date(date).toISOString().replace(/\.\d{3}Z$/, "Z");

beforeAll(async () => {
  site = await servedSite();
  const channel = children(parseXml(site.rss.body).documentElement!, undefined, "channel")[0]!;
  rows.rss = children(channel, undefined, "item").map((item) => ({
    id: text(children(item, undefined, "guid")[0])!,
    title: text(children(item, undefined, "title")[0])!,
    link: text(children(item, undefined, "link")[0])!,
    published: iso(text(children(item, undefined, "pubDate")[0])!),
  }));
  const feed = parseXml(site.atom.body).documentElement!;
  rows.atom = children(feed, ATOM_NS, "entry").map((entry) => ({
    id: text(children(entry, ATOM_NS, "id")[0])!,
    title: text(children(entry, ATOM_NS, "title")[0])!,
    link: attr(children(entry, ATOM_NS, "link").find((link) => (attr(link, "rel") ?? "alternate") === "alternate")!, "href")!,
    published: text(children(entry, ATOM_NS, "published")[0])!,
  }));
  rows.json = (JSON.parse(site.json.body) as { items: Array<{ id: string; title: string; url: string; date_published: string }> }).items.map((item) => ({
    id: item.id,
    title: item.title,
    link: item.url,
    published: item.date_published,
  }));
});

describe("RSS, Atom and JSON Feed agree", () => {
  it("on every item, in the same order", () => {
    expect(rows.atom).toEqual(rows.rss);
    expect(rows.json).toEqual(rows.rss);
  });

  it("and carry every compiled article, newest first", () => {
    expect(rows.json!.map((row) => row.id)).toEqual(expectedItems(site.baseUrl).map((item) => item.id));
    const times = rows.json!.map((row) => Date.parse(row.published));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("on the feed's updated time: the newest item update", () => {
    const newest = expectedItems(site.baseUrl).reduce((max, item) => (Date.parse(item.updated) > Date.parse(max) ? item.updated : max), "1970-01-01T00:00:00Z");
    const channel = children(parseXml(site.rss.body).documentElement!, undefined, "channel")[0]!;
    expect(iso(text(children(channel, undefined, "lastBuildDate")[0])!)).toBe(newest);
    expect(text(children(parseXml(site.atom.body).documentElement!, ATOM_NS, "updated")[0])).toBe(newest);
  });
});
