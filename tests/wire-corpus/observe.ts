/**
 * What a reader of the public documents sees of one story: its RSS, Atom and
 * JSON Feed items and its page, each read by a real parser (saxes and xmldom
 * for XML, parse5 for the HTML inside feed items, xmldom for the page), and
 * gathered per field so a failing story shows one diff of what each format said.
 */
import type { Document, Element } from "@xmldom/xmldom";
import { NS, atomText, children, htmlText, parseHtml } from "../support/documents";

/** One story as a wire editor expects it (tests/wire-corpus/expected.json). */
export interface Expected {
  title: string;
  /** `YYYY-MM-DD`: the copy names a day only, so the story is given that day at noon UTC (plus its slot); or a full RFC 3339 instant. */
  published: string;
  /** Null: the dateline names no place. */
  place: string | null;
  /** The agency, or the spellings a reader would accept (`Xinhua`, `新华社`). */
  agency: string | string[];
  /** Reporters, in the order credited; empty when the copy names none (the agency may then stand as author). */
  authors: string[];
  contributors: { name: string; role: string }[];
  /** BCP 47 primary subtag. */
  language: string;
  labels?: { priority?: string; version?: string; kind?: string };
  note?: string;
  /** Text of the first bullet, where the copy opens with a bullet summary. */
  summary?: string;
  /** The first words of the first paragraph of the story, and the last words of its last. */
  bodyStart: string;
  bodyEnd: string;
  /** Copy that must reach no reader in the body: trailers, end marks, copyright, desk codes, the dateline. */
  absent?: string[];
}

export interface KillExpected {
  /** The line the error names. */
  line: number;
  /** Words the error must say (case-insensitive). */
  phrases: string[];
}

/** A story's body as one format carries it: its paragraphs' text. */
export type Body = string[];

export interface Item {
  title: string;
  published: string;
  authors: string[];
  body: Body;
}

export interface RssItem extends Item {
  description: string;
}

export interface AtomEntry extends Item {
  contributors: string[];
  language: string | undefined;
}

export interface JsonItem extends Item {
  language: string | undefined;
}

export interface Page {
  title: string;
  published: string | undefined;
  /** The dateline's parts before and after its <time>: place, then agency. */
  before: string[];
  after: string[];
  /** The language the headline is declared in: its nearest `lang`. */
  language: string | undefined;
  /** Text of the byline and meta lines (class `meta` or `byline`). */
  bylines: string;
  /** Text of elements of class `contributors`. */
  contributors: string;
  /** Text of elements of class `kicker`, without the section's link: what it says of the story. */
  kicker: string;
  /** Text of the whole <article>. */
  text: string;
  body: Body;
}

const elements = (root: Document | Element, name: string): Element[] => Array.from(root.getElementsByTagName(name));

/**
 * The story's paragraphs in a feed item's HTML content. A feed may open the
 * content with a lead, the labels in bold and the note in italics (the way news
 * sites' feeds carry a kicker): a paragraph that is wholly one <strong>, <b>,
 * <em> or <i> is such a line, never story copy, since nothing in a seed is
 * read as markup. Leading lines of that kind are not the story.
 */
export function feedBody(fragment: string): Body {
  const doc = parseHtml(`<!doctype html><html><body>${fragment}</body></html>`);
  const paragraphs = elements(doc, "p");
  const lead = (p: Element) => {
    const nodes = Array.from(p.childNodes).filter((n) => n.nodeType !== 3 || (n.textContent ?? "").trim() !== "");
    return nodes.length === 1 && nodes[0]!.nodeType === 1 && ["strong", "b", "em", "i"].includes(((nodes[0] as Element).localName ?? "").toLowerCase());
  };
  let first = 0;
  while (first < paragraphs.length && lead(paragraphs[first]!)) first++;
  return paragraphs.slice(first).map((p) => p.textContent ?? "");
}
const textOf = (node: Element | undefined): string => (node?.textContent ?? "").trim();
const classes = (element: Element): string[] => (element.getAttribute("class") ?? "").split(/\s+/).filter(Boolean);

/** RSS items by their <link>. */
export function rssItems(doc: Document): Map<string, RssItem> {
  const items = new Map<string, RssItem>();
  for (const item of elements(doc, "item")) {
    const field = (name: string, ns?: string) => children(item, name, ns ?? null).map((e) => e.textContent ?? "");
    const pubDate = field("pubDate")[0];
    items.set(field("link")[0] ?? "", {
      title: field("title")[0] ?? "",
      published: pubDate === undefined ? "" : new Date(pubDate).toISOString().replace(".000Z", "Z"),
      authors: field("creator", NS.dc),
      description: htmlText(field("description")[0] ?? ""),
      body: feedBody(field("encoded", NS.content)[0] ?? ""),
    });
  }
  return items;
}

/** Atom entries by their alternate link; language inherited from the feed as RFC 4287 §2 reads `xml:lang`. */
export function atomEntries(doc: Document): Map<string, AtomEntry> {
  const entries = new Map<string, AtomEntry>();
  const feedLanguage = doc.documentElement?.getAttribute("xml:lang") || undefined;
  for (const entry of elements(doc, "entry").filter((e) => e.namespaceURI === NS.atom)) {
    const link = children(entry, "link", NS.atom).find((l) => (l.getAttribute("rel") ?? "alternate") === "alternate");
    const names = (name: string) => children(entry, name, NS.atom).map((person) => children(person, "name", NS.atom).map((n) => n.textContent ?? "").join(""));
    const content = children(entry, "content", NS.atom)[0];
    entries.set(link?.getAttribute("href") ?? "", {
      title: children(entry, "title", NS.atom).map(atomText).join(""),
      published: children(entry, "published", NS.atom).map((e) => e.textContent ?? "").join(""),
      authors: names("author"),
      contributors: names("contributor"),
      language: entry.getAttribute("xml:lang") || feedLanguage,
      body: content === undefined ? [] : feedBody(content.getAttribute("type") === "html" ? content.textContent ?? "" : ""),
    });
  }
  return entries;
}

interface JsonFeedItem {
  url?: string;
  title?: string;
  date_published?: string;
  authors?: { name?: string }[];
  language?: string;
  content_html?: string;
}

/** JSON Feed items by `url`; an item without `language` is in the feed's. */
export function jsonItems(feed: { language?: string; items: JsonFeedItem[] }): Map<string, JsonItem> {
  return new Map(
    feed.items.map((item) => [
      item.url ?? "",
      {
        title: item.title ?? "",
        published: item.date_published ?? "",
        authors: (item.authors ?? []).map((a) => a.name ?? ""),
        language: item.language ?? feed.language,
        body: feedBody(item.content_html ?? ""),
      },
    ]),
  );
}

/** The article page as a reader sees it. Body paragraphs are the <p>s of the <article> that carry no class (the page's own lines all have one). */
export function page(doc: Document): Page {
  const article = elements(doc, "article")[0];
  if (article === undefined) throw new Error("the page has no <article>");
  const h1 = elements(article, "h1")[0];
  const time = elements(article, "time")[0];
  const dateline = time?.parentNode as Element | undefined;
  const parts = (dateline?.textContent ?? "").split(" · ").map((part) => part.trim());
  const timeText = textOf(time);
  const at = parts.indexOf(timeText);
  const withClass = (name: string) =>
    elements(article, "*")
      .filter((e) => classes(e).includes(name))
      .map(textOf)
      .join(" | ");
  let language: string | undefined;
  for (let node: Element | null = h1 ?? null; node !== null && node.nodeType === 1; node = node.parentNode as Element | null) {
    const lang = node.getAttribute("lang");
    if (lang) {
      language = lang;
      break;
    }
  }
  return {
    title: textOf(h1),
    published: time?.getAttribute("datetime") ?? undefined,
    before: at < 0 ? [] : parts.slice(0, at),
    after: at < 0 ? [] : parts.slice(at + 1),
    language,
    bylines: [withClass("meta"), withClass("byline")].join(" | "),
    contributors: withClass("contributors"),
    kicker: elements(article, "*")
      .filter((e) => classes(e).includes("kicker"))
      .map((e) => Array.from(e.childNodes).filter((n) => n.nodeType !== 1 || (n as Element).localName !== "a").map((n) => n.textContent ?? "").join(""))
      .join(" ")
      .replace(/[\s·|•\/-]+/g, " ")
      .trim(),
    text: article.textContent ?? "",
    body: elements(article, "p")
      .filter((p) => classes(p).length === 0)
      .map((p) => p.textContent ?? ""),
  };
}
