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

/** Agencies whose name may close the copy, besides the one the dateline names. */
const KNOWN_AGENCIES = ["EFE", "AFP", "AP", "Reuters", "dpa", "ANSA", "Europa Press", "Xinhua", "Kyodo", "Yonhap", "Lusa", "UPI", "PA", "AAP", "TASS", "ATS", "Belga", "ANP"];

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
}

function isAgencyName(text: string, agency: string | undefined): boolean {
  const name = text.trim().replace(/[.]$/, "").toLowerCase();
  return name === agency?.toLowerCase() || KNOWN_AGENCIES.some((known) => known.toLowerCase() === name);
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
      body.pop();
    } else if (!signedOff && initials === undefined && signOffInitials(last, agency) !== undefined) {
      initials = signOffInitials(last, agency);
      signedOff = true;
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
    }
  }
  return initials === undefined ? { paragraphs: body, signedOff } : { paragraphs: body, initials, signedOff };
}
