/**
 * Reading wirefeed's HTML fragments back into the text the seed said. The
 * feeds' HTML is a run of `<p>` elements whose text is escaped; anything else
 * (another tag, an unknown entity) means markup leaked from the copy, and the
 * functions here throw rather than guess.
 */
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decode the character references HTML escaping uses; throws on any other `&`. */
export function decodeEntities(html: string): string {
  return html.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));?|&/gi, (match, dec: string, hex: string, name: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (name && NAMED[name.toLowerCase()] !== undefined && match.endsWith(";")) return NAMED[name.toLowerCase()]!;
    throw new Error(`unescaped or unknown character reference "${match}" in HTML: ${html.slice(0, 200)}`);
  });
}

/** Plain text from an HTML fragment that must contain no tags at all. */
export function htmlToText(html: string): string {
  const tag = /<[^>]*>/.exec(html);
  if (tag) throw new Error(`markup ${tag[0]} in HTML that should be escaped text: ${html.slice(0, 200)}`);
  return decodeEntities(html);
}

/** The paragraphs of a `<p>…</p>` run (separated by whitespace), as text. */
export function htmlToParagraphs(html: string): string[] {
  const paragraphs: string[] = [];
  const rest = html.trim().replace(/<p>([^<]*)<\/p>\s*/g, (_, inner: string) => {
    paragraphs.push(decodeEntities(inner));
    return "";
  });
  if (rest !== "") throw new Error(`HTML other than <p> paragraphs of escaped text: ${rest.slice(0, 200)}`);
  return paragraphs;
}

/**
 * Decode well-formed character references and leave anything else as it is,
 * the way lenient parsers treat every field (text or HTML) they read.
 */
export function decodeReferences(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (match, dec: string, hex: string, name: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : (NAMED[name.toLowerCase()] ?? match),
  );
}

/** `text` escaped for HTML text content, as a feed writes text it wants shown as written where HTML is expected. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
