/**
 * Escaping for XML and HTML. Every string that reaches a document goes through
 * one of these; nothing uses CDATA (a `]]>` in copy would end it early).
 * Characters XML 1.0 cannot carry are dropped here too, so a document stays
 * well-formed even for text that did not come through the seed normaliser.
 */
import { FORBIDDEN_XML_CHARS } from "../content/normalise";

const SPECIAL = /[&<>"']/;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Safe in XML and HTML text and in double- or single-quoted attribute values. */
export function escapeMarkup(text: string): string {
  FORBIDDEN_XML_CHARS.lastIndex = 0;
  const clean = FORBIDDEN_XML_CHARS.test(text) ? text.replace(FORBIDDEN_XML_CHARS, "") : text;
  return SPECIAL.test(clean) ? clean.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!) : clean;
}
