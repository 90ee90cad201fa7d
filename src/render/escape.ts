/**
 * Escaping for XML and HTML, each context for what it needs. Every string that
 * reaches a document goes through here; nothing uses CDATA (a `]]>` in copy
 * would end it early). Characters XML 1.0 cannot carry are dropped here too,
 * so a document stays well-formed even for text that did not come through the
 * seed normaliser.
 *
 * Only `& < >` (and `"` in attributes) are escaped: an apostrophe written as
 * `&#39;` is shown literally by readers whose XML parsing stops at the five
 * named entities (fast-xml-parser's defaults, rsstail), and no context here
 * needs it escaped.
 *
 * Speed matters on a fresh isolate's first request, before the JIT has warmed:
 * the common case is one native regex scan that finds nothing to do.
 */
import { dropForbiddenChars } from "../content/normalise";

/** What needs work in text content: `&`, `<`, `>` (so `]]>` can't appear), anything XML forbids, and bidi controls (balanceBidi). */
const TEXT_WORK = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;
/** The same for double-quoted attribute values, which also need their quotes escaped. */
const ATTRIBUTE_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** Safe as XML or HTML text content. Quotes, common in agency copy, need no escaping there. */
export function escapeText(text: string): string {
  if (!TEXT_WORK.test(text)) return text;
  return balanceBidi(dropForbiddenChars(text)).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * `escapeText(escapeText(text))`: text escaped for HTML, then that HTML for
 * XML (an RSS description, an article's body inside a feed). Text that needs
 * no escaping, nearly all of it, is scanned once instead of twice: a fresh
 * isolate's first render of a feed scans every paragraph of every item, before
 * the JIT has warmed.
 */
export function escapeTextTwice(text: string): string {
  const once = escapeText(text);
  // escapeText(x) === x means escapeText changes nothing of x, so the second pass would not either.
  return once === text ? once : escapeText(once);
}

/** Safe as a double-quoted XML or HTML attribute value (every attribute wirefeed writes is double-quoted). */
export function escapeAttribute(text: string): string {
  if (!ATTRIBUTE_WORK.test(text)) return text;
  return balanceBidi(dropForbiddenChars(text)).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** Pop directional formatting (closes LRE, RLE, LRO, RLO) and pop directional isolate (closes LRI, RLI, FSI). */
const PDF = "\u202C";
const PDI = "\u2069";

/**
 * `text` with its bidi embeddings, overrides and isolates closed (Unicode
 * bidi algorithm, UAX #9 §3.3.2), so it cannot change the direction of what
 * is written after it: a headline with an unbalanced right-to-left override
 * (U+202E) reversed the rest of `<title>`, the site's name included, and a
 * reader's line after a feed title. Closers with nothing to close are
 * dropped, so it cannot end an isolate around it either. Every field written
 * through escapeText or escapeAttribute is balanced; a text joined to other
 * text before it is escaped (`<title>`, a feed's title) is balanced first.
 */
export function balanceBidi(text: string): string {
  if (!BIDI_CONTROL.test(text)) return text;
  const open: string[] = [];
  let out = "";
  for (const ch of text) {
    switch (ch) {
      case "\u202A":
      case "\u202B":
      case "\u202D":
      case "\u202E":
        open.push(PDF);
        out += ch;
        break;
      case "\u2066":
      case "\u2067":
      case "\u2068":
        open.push(PDI);
        out += ch;
        break;
      case PDF:
        // Closes the innermost embedding, never an isolate (§3.3.2 X7).
        if (open.at(-1) === PDF) out += open.pop()!;
        break;
      case PDI: {
        // Closes the innermost isolate and every embedding opened inside it (X6a).
        const isolate = open.lastIndexOf(PDI);
        if (isolate !== -1) {
          out += open.splice(isolate).reverse().join("");
        }
        break;
      }
      default:
        out += ch;
    }
  }
  return out + open.reverse().join("");
}

/**
 * HTML's named character references that work without a semicolon (the
 * "legacy" ones, WHATWG HTML §13.5): in text, `&notes` reads `¬es`.
 */
const LEGACY_REFERENCES = (
  "AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml GT Iacute Icirc Igrave Iuml LT " +
  "Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN Uacute Ucirc Ugrave Uuml Yacute aacute acirc acute aelig agrave " +
  "amp aring atilde auml brvbar ccedil cedil cent copy curren deg divide eacute ecirc egrave eth euml frac12 frac14 frac34 gt " +
  "iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot nbsp not ntilde oacute ocirc ograve ordf ordm oslash otilde " +
  "ouml para plusmn pound quot raquo reg sect shy sup1 sup2 sup3 szlig thorn times uacute ucirc ugrave uml uuml yacute yen yuml"
).split(" ");

/**
 * Where an HTML parser reading text would not give the characters back as
 * written: a tag, end tag, comment or processing instruction opening
 * (`<b`, `</`, `<!`, `<?`), or a character reference (`&#…`, `&name;`, or a
 * legacy name without its semicolon). `AT&T`, `S&P 500` and `A < B` read the
 * same as text and as HTML; `<b>bold</b>` and `&amp;` do not.
 */
const READS_AS_MARKUP = new RegExp(`<[A-Za-z!?/]|&(?:#|[A-Za-z][A-Za-z0-9]*;|(?:${LEGACY_REFERENCES.join("|")}))`);

/**
 * True when `text` would read differently to a reader that takes it as HTML.
 * Feed fields whose type readers guess (RSS titles, Atom text constructs) are
 * written as escaped HTML exactly when this is true: then readers that render
 * HTML and readers that show text both show the characters as written.
 */
export function readsAsMarkup(text: string): boolean {
  return READS_AS_MARKUP.test(text);
}
