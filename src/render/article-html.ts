import type { Article } from "../content/article";
import { dropForbiddenChars } from "../content/normalise";
import { balanceBidi, escapeText, escapeTextTwice } from "./escape";
import { BUDGETS, stringBytes } from "../budgets";
import { LruMap } from "../lru-map";

/**
 * An article's body in the forms the documents use, each made when first asked
 * for: RSS and Atom read only `htmlAsXml`, JSON Feed `html` and `text`, the page
 * `html`. A fresh isolate's first feed escapes each body only as its format
 * needs, and the cache holds only the forms something read: making all three at
 * once, the first render of the 100-article corpus's site feed allocated 2.2 MB
 * (JSON Feed) and 1.4 MB (RSS, Atom) of young objects; one form or two, 1.9 and
 * 0.9 MB, and a cold JSON Feed render took about a tenth less time.
 */
interface Body {
  /** HTML paragraphs, every character of the seed escaped. */
  html?: string;
  /** The same HTML escaped once more, as XML text (RSS content:encoded, Atom content). */
  htmlAsXml?: string;
  /** Plain text, paragraphs separated by a blank line, characters XML forbids dropped, bidi controls closed. */
  text?: string;
}

/**
 * Bodies are the bulk of every document and appear in several (three formats,
 * section, tag and archive feeds, the page): escape each article once, and keep
 * the recently used ones, within their byte budget.
 */
const BODIES = new LruMap<Article, Body>({
  bytes: BUDGETS.bodies,
  sizeOf: ({ html, htmlAsXml, text }) => bytesOf(html) + bytesOf(htmlAsXml) + bytesOf(text),
});

const bytesOf = (form: string | undefined): number => (form === undefined ? 0 : stringBytes(form));

/** The body's form `key`, made by `make` (and the entry weighed again) the first time it is asked for. */
function bodyForm(article: Article, key: keyof Body, make: () => string): string {
  let found = BODIES.get(article);
  if (found === undefined) found = {};
  let form = found[key];
  if (form === undefined) {
    found[key] = form = make();
    BODIES.set(article, found);
  }
  return form;
}

/** The article body as HTML paragraphs; every character of the seed escaped. */
export function articleBodyHtml(article: Article): string {
  return bodyForm(article, "html", () => article.paragraphs.map((p) => `<p>${escapeText(p)}</p>`).join("\n"));
}

/** The body's HTML as XML character data, for `<content:encoded>` and Atom `<content type="html">`. */
export function articleBodyHtmlAsXml(article: Article): string {
  // escape(`<p>${p}</p>`) === `&lt;p&gt;${escape(p)}&lt;/p&gt;`, and escaping an escaped paragraph only touches its `&`s.
  return bodyForm(article, "htmlAsXml", () => article.paragraphs.map((p) => `&lt;p&gt;${escapeTextTwice(p)}&lt;/p&gt;`).join("\n"));
}

/** The article body as plain text, paragraphs separated by a blank line. */
export function articleBodyText(article: Article): string {
  // Each paragraph closes its own bidi controls, as escapeText does for the HTML: a reader that shows the text as one block must not run one into the next.
  return bodyForm(article, "text", () => article.paragraphs.map((p) => balanceBidi(dropForbiddenChars(p))).join("\n\n"));
}
