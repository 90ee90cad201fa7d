import type { Article } from "../content/article";
import { dropForbiddenChars } from "../content/normalise";
import { balanceBidi, escapeText } from "./escape";
import { BUDGETS, stringBytes } from "../budgets";
import { LruMap } from "../lru-map";

interface Body {
  /** HTML paragraphs, every character of the seed escaped. */
  html: string;
  /** The same HTML escaped once more, as XML text (RSS content:encoded, Atom content). */
  htmlAsXml: string;
  /** Plain text, paragraphs separated by a blank line, characters XML forbids dropped, bidi controls closed. */
  text: string;
}

/**
 * Bodies are the bulk of every document and appear in several (three formats,
 * section, tag and archive feeds, the page): escape each article once, and keep
 * the recently used ones, within their byte budget.
 */
const BODIES = new LruMap<Article, Body>({
  bytes: BUDGETS.bodies,
  sizeOf: ({ html, htmlAsXml, text }) => stringBytes(html) + stringBytes(htmlAsXml) + stringBytes(text),
});

function body(article: Article): Body {
  let found = BODIES.get(article);
  if (found === undefined) {
    const paragraphs = article.paragraphs.map(escapeText);
    found = {
      html: paragraphs.map((p) => `<p>${p}</p>`).join("\n"),
      // escape(`<p>${p}</p>`) === `&lt;p&gt;${escape(p)}&lt;/p&gt;`, and escaping an escaped paragraph only touches its `&`s.
      htmlAsXml: paragraphs.map((p) => `&lt;p&gt;${escapeText(p)}&lt;/p&gt;`).join("\n"),
      // Each paragraph closes its own bidi controls, as escapeText does for the HTML: a reader that shows the text as one block must not run one into the next.
      text: article.paragraphs.map((p) => balanceBidi(dropForbiddenChars(p))).join("\n\n"),
    };
    BODIES.set(article, found);
  }
  return found;
}

/** The article body as HTML paragraphs; every character of the seed escaped. */
export function articleBodyHtml(article: Article): string {
  return body(article).html;
}

/** The body's HTML as XML character data, for `<content:encoded>` and Atom `<content type="html">`. */
export function articleBodyHtmlAsXml(article: Article): string {
  return body(article).htmlAsXml;
}

/** The article body as plain text, paragraphs separated by a blank line. */
export function articleBodyText(article: Article): string {
  return body(article).text;
}
