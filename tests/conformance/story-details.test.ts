/**
 * Credits, rights, labels, a note and a picture, with the characters every
 * format escapes, in documents rendered from articles built here as the
 * parser fills them (the corpus's seeds do not all carry them yet): the W3C
 * Feed Validation Service accepts them, and feedparser reads each one back.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Article } from "../../src/content/article";
import { collect } from "../../src/content/collections";
import { feedDocument } from "../../src/render/feed-document";
import { htmlText, site } from "../support/documents";
import { renderAtom, renderRss } from "../support/feeds-as-text";
import { feedparser, type FeedparserResult } from "./clients/feedparser";
import { requireW3cValidator, w3cValidate, type W3cReport } from "./clients/w3c-validator";
import type { Served } from "./support/site";
import { requireFeedparser } from "./support/tools";

const STORY: Article = {
  id: "credited",
  slug: "talks-end-without-a-deal",
  title: "Talks end without a deal",
  summary: "Diplomats met on Friday.",
  paragraphs: ["Diplomats met on Friday.", "Talks continue next week."],
  tags: [],
  category: "World",
  place: "Geneva",
  agency: "Reuters",
  authors: ["Jane Doe", "John Roe"],
  contributors: [{ name: "Mark Potter & <Lin Wu>", role: "additional reporting" }, { name: "Kim Li", role: "editing" }],
  labels: { priority: "URGENT", version: "UPDATE 2", kind: "EXCLUSIVE" },
  note: "Corrects paragraph 2 to say <next> week & not today.",
  rights: "Copyright 2026 Reuters & <Partners>. All rights reserved.",
  initials: "is/mp",
  published: "2026-11-20T10:00:00Z",
  updated: "2026-11-20T11:00:00Z",
  image: {
    url: "https://images.example.org/geneva.jpg?w=1200&h=800",
    caption: `Delegates arrive in "Geneva" & <wave>.`,
    credit: "REUTERS/Denis Balibouse & <AFP>",
    type: "image/jpeg",
    length: 48213,
    width: 1200,
    height: 800,
  },
};
const BARE = { ...STORY, id: "bare", slug: "bare", contributors: [], image: { url: "https://images.example.org/a.png", type: "image/png" }, published: "2026-11-19T10:00:00Z", updated: "2026-11-19T10:00:00Z" } satisfies Article;

const SITE = site();
const feed = feedDocument(SITE, collect([STORY, BARE], SITE.title).site);
const served = (text: string, url: string, contentType: string): Served => ({ url, status: 200, contentType, headers: new Headers(), bytes: new TextEncoder().encode(text), body: text });
const rss = served(renderRss(feed, { ttlMinutes: 5 }), feed.urls.rss, "application/rss+xml");
const atom = served(renderAtom(feed), feed.urls.atom, "application/atom+xml");

let reports: W3cReport[];
let parsed: FeedparserResult[];

beforeAll(async () => {
  requireW3cValidator();
  requireFeedparser();
  [reports, parsed] = await Promise.all([w3cValidate([rss, atom]), feedparser([rss, atom])]);
});

describe("credits, rights and a picture", () => {
  it("the W3C validator accepts the RSS and the Atom, with no warnings", () => {
    expect(reports.map(({ messages, stderr, code }) => ({ messages, stderr, code }))).toEqual([
      { messages: [], stderr: "", code: 0 },
      { messages: [], stderr: "", code: 0 },
    ]);
  });

  it("feedparser reads the authors, contributors and rights as written (feedparser keeps the last dc:creator as `author`, all of them as `authors`)", () => {
    for (const result of parsed) {
      expect(result.bozo).toBe(false);
      const [entry] = result.entries;
      expect(entry!.authors).toEqual([{ name: "Jane Doe" }, { name: "John Roe" }]);
      expect(entry!.contributors).toEqual([{ name: "Mark Potter & <Lin Wu>" }, { name: "Kim Li" }]);
      // Read as the type feedparser reports: Atom declares text that reads as markup html.
      expect(entry!.rights_type === "text/html" ? htmlText(entry!.rights ?? "") : entry!.rights, entry!.rights_type ?? "").toBe(STORY.rights);
    }
  });

  it("feedparser reads the picture's enclosure and, in RSS, its credit", () => {
    const [fromRss, fromAtom] = parsed.map((result) => result.entries[0]!);
    expect(fromRss!.enclosures).toEqual([{ href: STORY.image!.url, type: "image/jpeg", length: "48213" }]);
    expect(fromAtom!.enclosures).toEqual([{ href: STORY.image!.url, type: "image/jpeg", length: "48213" }]);
    expect(fromRss!.media_credit).toEqual([STORY.image!.credit]);
  });
});
