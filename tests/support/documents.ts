/**
 * Real parsers for what the renderers write. XML must pass two of them: saxes
 * checks XML 1.0 well-formedness to the letter (characters XML forbids, `]]>`
 * in text, entities, namespaces), which xmldom does not; xmldom then gives the
 * DOM the tests read fields from. Any warning or error from either fails.
 */
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { parseFragment } from "parse5";
import { SaxesParser } from "saxes";
import type { Article } from "../../src/content/article";
import { collect } from "../../src/content/collections";
import { parseConfig, type Env, type SiteConfig } from "../../src/config";
import { feedDocument, type FeedDocument } from "../../src/render/feed-document";

export const NS = {
  atom: "http://www.w3.org/2005/Atom",
  content: "http://purl.org/rss/1.0/modules/content/",
  dc: "http://purl.org/dc/elements/1.1/",
  /** RFC 5005 Feed History: `fh:archive`. */
  history: "http://purl.org/syndication/history/1.0",
};

/** The problems a strict XML 1.0 parser reports for `xml`; empty when well-formed. */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (error) => errors.push(error.message));
  try {
    parser.write(xml).close();
  } catch (error) {
    errors.push(String(error));
  }
  return errors;
}

export function parseXml(xml: string): Document {
  const errors = xmlErrors(xml);
  if (errors.length > 0) throw new Error(`not well-formed XML: ${errors.join("; ")}`);
  return new DOMParser({ onError: failOn("XML"), normalizeLineEndings }).parseFromString(xml, "text/xml");
}

export function parseHtml(html: string): Document {
  return new DOMParser({ onError: failOn("HTML"), normalizeLineEndings }).parseFromString(html, "text/html");
}

/**
 * Line ends as XML 1.0 (§2.11) and HTML read them: CRLF and CR become LF.
 * xmldom's default follows XML 1.1 and also turns U+0085, U+2028 and U+2029
 * into LF, which no XML 1.0 or HTML reader does.
 */
function normalizeLineEndings(source: string): string {
  return source.replace(/\r\n?/g, "\n");
}

function failOn(kind: string) {
  return (level: string, message: string) => {
    // U+FFFD is an XML and HTML character like any other; xmldom only guesses
    // from it that the source was decoded badly.
    if (level === "warning" && message.startsWith("Unicode replacement character detected")) return;
    throw new Error(`${kind} parser ${level}: ${message}`);
  };
}

/** Direct child elements of `parent` with local name `name`, in namespace `ns` when given (null: none). */
export function children(parent: Element | Document, name: string, ns?: string | null): Element[] {
  return Array.from(parent.childNodes).filter(
    (node): node is Element => node.nodeType === 1 && (node as Element).localName === name && (ns === undefined || (node as Element).namespaceURI === ns),
  );
}

export function child(parent: Element | Document, name: string, ns?: string | null): Element {
  const found = children(parent, name, ns);
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${(parent as Element).tagName ?? "document"}>, found ${found.length}`);
  return found[0]!;
}

export function text(parent: Element | Document, name: string, ns?: string | null): string {
  return child(parent, name, ns).textContent ?? "";
}

interface Html5Node {
  nodeName: string;
  value?: string;
  childNodes?: Html5Node[];
}

/**
 * The text an HTML fragment shows, as a reader that renders it (RSS
 * <description>, a title taken for HTML) does: parsed by parse5, the WHATWG
 * algorithm browsers use, character references and all.
 */
export function htmlText(fragment: string): string {
  const show = (node: Html5Node): string => (node.nodeName === "#text" ? node.value! : (node.childNodes ?? []).map(show).join(""));
  return show(parseFragment(fragment) as unknown as Html5Node);
}

/** What an Atom text construct says, read as its `type` declares (RFC 4287 §3.1): text as it is, html as the text it shows. */
export function atomText(element: Element): string {
  const type = element.getAttribute("type") ?? "text";
  if (type === "html") return htmlText(element.textContent ?? "");
  if (type !== "text") throw new Error(`Atom <${element.localName}> of type "${type}": expected text or html`);
  return element.textContent ?? "";
}

/** The text of every <p> of an HTML fragment, as a browser would show it. */
export function htmlParagraphs(fragment: string): string[] {
  const doc = parseHtml(`<!doctype html><html><body>${fragment}</body></html>`);
  return Array.from(doc.getElementsByTagName("p")).map((p) => p.textContent ?? "");
}

/** A site as wrangler.toml configures one; `overrides` change single settings. */
export function site(overrides: Partial<Env> = {}): SiteConfig {
  return parseConfig({
    SITE_URL: "https://news.example.com",
    SITE_TITLE: "Example News",
    SITE_DESCRIPTION: "Wire copy, syndicated.",
    SITE_LANGUAGE: "en",
    SITE_AUTHOR: "Example Publisher",
    TAG_PREFIX: "tag:news.example.com,2022:",
    FEED_ITEMS: "50",
    ...overrides,
  });
}

/** The site-wide feed document over `articles` (newest first), as the Worker builds it. */
export function siteFeed(config: SiteConfig, articles: readonly Article[]): FeedDocument {
  return feedDocument(config, collect(articles, config.title).site);
}
