import { knownAgency } from "./wire/agencies";

/**
 * What follows the story at the end of wire copy: the agency's sign-off, the
 * editors' initials and, in scraped copy, the page's chrome. All of it is
 * metadata or noise, never body text.
 */

/** Navigation a scrape of an agency's web page leaves after the story. */
const CHROME = new Set([
  "related articles",
  "related",
  "related news",
  "back to top button",
  "back to top",
  "read more",
  "more news",
  "share",
  "share this article",
  "advertisement",
  "noticias relacionadas",
  "articles liés",
  "à lire aussi",
]);


/** `is/mp/ks`, `pa/jm`, `EFE is/mp` style initials. */
const INITIALS = /^[a-zà-ÿ]{1,5}(?:\s*\/\s*[a-zà-ÿ]{1,5})+$/iu;
/**
 * A sign-off line (`EFE is/mp/ks`) is short; longer paragraphs are copy. The
 * patterns below only ever see lines this long, so a paragraph of 200,000
 * spaces or slashes costs no backtracking (it cost 30 s and more).
 */
const MAX_SIGN_OFF = 120;

export interface Tail {
  paragraphs: string[];
  initials?: string;
  /** True when the copy closed with the agency's sign-off. */
  signedOff: boolean;
  /** The agency the sign-off names, by its usual name. */
  agency?: string;
}

/** The sign-off's agency (the dateline's, or any wirefeed knows: wire/agencies.ts), or undefined. */
function signOffAgency(text: string, agency: string | undefined): string | undefined {
  const name = text.trim().replace(/[.]$/, "");
  return name.toLowerCase() === agency?.toLowerCase() ? agency : knownAgency(name);
}

function isAgencyName(text: string, agency: string | undefined): boolean {
  return signOffAgency(text, agency) !== undefined;
}

/** `EFE is/mp`: the agency and the initials on one line; the initials, or undefined. */
function signOffInitials(line: string, agency: string | undefined): string | undefined {
  if (line.length > MAX_SIGN_OFF) return undefined;
  const match = /^(.+?)\s+([a-zà-ÿ]{1,5}(?:\s*\/\s*[a-zà-ÿ]{1,5})+)$/iu.exec(line);
  return match !== null && isAgencyName(match[1]!, agency) ? match[2]!.replace(/\s+/g, "") : undefined;
}

/** Peel the sign-off, initials and chrome off the end of `paragraphs` (not mutated). */
export function splitTail(paragraphs: readonly string[], agency: string | undefined): Tail {
  const body = [...paragraphs];
  let initials: string | undefined;
  let signedOff = false;
  let named: string | undefined;
  for (;;) {
    const last = body.at(-1)?.trim();
    if (last === undefined || body.length === 1) break;
    if (CHROME.has(last.toLowerCase().replace(/[.:]$/, ""))) {
      body.pop();
    } else if (initials === undefined && last.length <= MAX_SIGN_OFF && INITIALS.test(last)) {
      initials = last.replace(/\s+/g, "");
      body.pop();
    } else if (!signedOff && isAgencyName(last, agency)) {
      signedOff = true;
      named = signOffAgency(last, agency);
      body.pop();
    } else if (!signedOff && initials === undefined && signOffInitials(last, agency) !== undefined) {
      initials = signOffInitials(last, agency);
      signedOff = true;
      named = signOffAgency(/^\S+(?:\s+\S+)?(?=\s+\S+$)/u.exec(last)?.[0] ?? "", agency);
      body.pop();
    } else {
      break;
    }
  }
  if (!signedOff) {
    const last = body.at(-1)!;
    // `…rejecting them. EFE`: the agency's name after the closing sentence.
    const closing = /^([\s\S]*?[.!?…"”»’)])\s+([A-Za-z][A-Za-z ]{0,20}?)\.?$/u.exec(last);
    if (closing && isAgencyName(closing[2]!, agency)) {
      body[body.length - 1] = closing[1]!;
      signedOff = true;
      named = signOffAgency(closing[2]!, agency);
    }
  }
  return { paragraphs: body, signedOff, ...(initials === undefined ? {} : { initials }), ...(named === undefined ? {} : { agency: named }) };
}
