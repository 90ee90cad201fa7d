/**
 * Text normalisation applied to every seed before parsing: what a publisher's
 * CMS export or an agency feed leaves in files (BOM, CRLF, decomposed accents,
 * stray control characters) must not reach a feed.
 */

/**
 * Characters XML 1.0 forbids (§2.2), plus C1 controls and noncharacters that it
 * discourages and that feed validators flag: none of them can be wire text.
 */
export const FORBIDDEN_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface DroppedCharacter {
  line: number;
  codePoint: number;
}

export interface NormalisedText {
  text: string;
  dropped: DroppedCharacter[];
}

/** Strip a BOM, turn CRLF and lone CR into LF, compose to NFC, drop forbidden characters. */
export function normaliseSeedText(raw: string): NormalisedText {
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").normalize("NFC");
  const dropped: DroppedCharacter[] = [];
  const lines = text.split("\n");
  const cleaned = lines.map((line, index) => {
    FORBIDDEN_XML_CHARS.lastIndex = 0;
    if (!FORBIDDEN_XML_CHARS.test(line)) return line;
    return line.replace(FORBIDDEN_XML_CHARS, (ch) => {
      dropped.push({ line: index + 1, codePoint: ch.charCodeAt(0) });
      return "";
    });
  });
  return { text: cleaned.join("\n"), dropped };
}

/** `U+000B` style, for messages. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}
