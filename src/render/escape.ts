/**
 * Escaping for XML and HTML. Every string that reaches a document goes through
 * here; nothing uses CDATA (a `]]>` in copy would end it early). Characters
 * XML 1.0 cannot carry are dropped here too, so a document stays well-formed
 * even for text that did not come through the seed normaliser.
 *
 * Speed matters on a fresh isolate's first request, before the JIT has warmed:
 * the common case is one native regex scan that finds nothing to do.
 */
import { dropForbiddenChars } from "../content/normalise";

/** What needs work in text content: `&`, `<`, `>` (so `]]>` can't appear), and anything XML forbids. */
const TEXT_WORK = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;
/** The same for attribute values, which also need their quotes escaped. */
const ATTRIBUTE_WORK = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/**
 * Safe as XML or HTML text content. Straight quotes, common in agency copy,
 * need no escaping there and are left alone.
 */
export function escapeText(text: string): string {
  if (!TEXT_WORK.test(text)) return text;
  return dropForbiddenChars(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Safe anywhere: text content and double- or single-quoted attribute values. */
export function escapeMarkup(text: string): string {
  if (!ATTRIBUTE_WORK.test(text)) return text;
  return dropForbiddenChars(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
