/** Namespace-aware DOM access for the suite's own rule checks (RFC 4287, W3C validator rules). */
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

export const ATOM_NS = "http://www.w3.org/2005/Atom";
export const CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
export const DC_NS = "http://purl.org/dc/elements/1.1/";

/** Parse; any parser complaint (even a warning) throws, xmllint checks the same independently. */
export function parseXml(text: string): Document {
  const problems: string[] = [];
  const document = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(text, "application/xml");
  if (problems.length > 0) throw new Error(`XML problems:\n${problems.join("\n")}`);
  return document;
}

/** Element children of `parent`, optionally only those with this namespace and local name. */
export function children(parent: Element | Document, ns?: string, localName?: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (ns !== undefined && element.namespaceURI !== ns) continue;
    if (localName !== undefined && element.localName !== localName) continue;
    out.push(element);
  }
  return out;
}

export function text(element: Element | undefined): string | undefined {
  return element?.textContent ?? undefined;
}

export function attr(element: Element, name: string): string | undefined {
  return element.hasAttribute(name) ? element.getAttribute(name)! : undefined;
}
