import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

/** Parse XML strictly: any warning or error from the parser fails the test. */
export function parseXml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(text, "application/xml");
}

/** Parse HTML as a browser-like tolerant parser would. */
export function parseHtml(text: string): Document {
  return new DOMParser({ onError: () => undefined }).parseFromString(text, "text/html");
}

export function children(parent: Element | Document, name: string): Element[] {
  return Array.from(parent.childNodes).filter((node): node is Element => node.nodeType === 1 && (node as Element).nodeName === name);
}

export function child(parent: Element | Document, name: string): Element {
  const found = children(parent, name);
  if (found.length !== 1) throw new Error(`expected exactly one <${name}>, found ${found.length}`);
  return found[0]!;
}

export function text(parent: Element | Document, name: string): string {
  return child(parent, name).textContent ?? "";
}
