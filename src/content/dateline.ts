import { monthNumber } from "./calendar";

/**
 * The dateline that opens wire copy, in the styles agencies use:
 *
 *   Geneva, Jan 21 (EFE).- …          LONDON, March 7 (Reuters) - …
 *   WASHINGTON (AP) — …               PARIS, 5 mai 2024 (AFP) - …
 *   Madrid, 14 feb (EFE).- …          BERLIN, 3. März (dpa) - …
 *   Ginebra (Suiza), 21 ene (EFE).- …  (EFE's Spanish desk names the country in parentheses)
 */
export interface Dateline {
  place: string;
  agency: string;
  /** Month and day as written; absent in `WASHINGTON (AP) —` style. */
  month?: number;
  day?: number;
  /** Only when the dateline spells the year out. */
  year?: number;
  /** The paragraph with the dateline and its separator removed. */
  rest: string;
}

/**
 * place [, date] (AGENCY) [.] separator, then the text.
 * The place has no comma or parenthesis; the agency is a short name in
 * parentheses; the separator is `.-`, `-`, `–`, `—` or `:` followed by a space.
 *
 * Linear in the paragraph: every part has a bounded length, the place ends
 * in a non-space and only one `\s*` stands between any two parts, so a long
 * run of spaces cannot be split between neighbours in every possible way (it
 * was: 200,000 spaces after a place took longer than any build may), and the
 * pattern only ever reads the paragraph's first `DATELINE_HEAD` characters.
 */
const DATELINE =
  /^(?<place>[^\s,()](?:[^,()\n]{0,58}?[^\s,()])?(?:\s*\([^()\n]{1,40}\))?)\s*(?:,\s*(?<date>[^()\n]{1,40}?)\s*)?\((?<agency>[^()\n]{1,30})\)\s*(?:\.\s*)?(?:[-–—]{1,2}|:)\s+(?=\S)/u;
/** Longer than any dateline with its separator, with room for stray spaces. */
const DATELINE_HEAD = 320;

/** Parse a dateline at the start of `paragraph`, or undefined when it has none. */
export function parseDateline(paragraph: string): Dateline | undefined {
  const match = DATELINE.exec(paragraph.slice(0, DATELINE_HEAD));
  if (!match?.groups) return undefined;
  const rest = paragraph.slice(match[0].length);
  const { place, date, agency } = match.groups as Record<string, string | undefined>;
  const { morePlace, dateParts } = date === undefined ? { morePlace: undefined, dateParts: {} } : splitPlaceAndDate(date);
  // `Geneva, Switzerland (EFE).-`, `KYIV, Ukraine, Jan 21 (AP) —`: some or all of what follows the comma is more place.
  const fullPlace = morePlace === undefined ? place!.trim() : `${place!.trim()}, ${morePlace}`;
  return {
    place: displayPlace(fullPlace),
    agency: agency!.trim(),
    ...(dateParts ?? {}),
    rest,
  };
}

/** The date at the end of what follows the place's comma, and any place words before it. */
function splitPlaceAndDate(text: string): { morePlace?: string; dateParts?: ReturnType<typeof parseDateWords> } {
  const whole = parseDateWords(text);
  if (whole !== undefined) return { dateParts: whole };
  for (let comma = text.indexOf(","); comma !== -1; comma = text.indexOf(",", comma + 1)) {
    const dateParts = parseDateWords(text.slice(comma + 1));
    if (dateParts !== undefined) return { morePlace: text.slice(0, comma).trim(), dateParts };
  }
  return { morePlace: text.trim() };
}

/** `Jan 21`, `March 7`, `5 mai 2024`, `14 feb.`, `Jan. 21, 2022`, `21 de enero`, `3. März`. */
function parseDateWords(text: string): { month: number; day: number; year?: number } | undefined {
  const words = text.split(/[\s,.]+/u).filter((word) => word !== "" && word !== "de" && word !== "del");
  let month: number | undefined;
  let day: number | undefined;
  let year: number | undefined;
  for (const word of words) {
    if (/^\d{4}$/.test(word)) {
      if (year !== undefined) return undefined;
      year = Number(word);
    } else if (/^\d{1,2}(?:st|nd|rd|th|er)?$/.test(word)) {
      if (day !== undefined) return undefined;
      day = Number.parseInt(word, 10);
    } else {
      const m = monthNumber(word);
      if (m === undefined || month !== undefined) return undefined;
      month = m;
    }
  }
  if (month === undefined || day === undefined || day < 1 || day > 31) return undefined;
  return year === undefined ? { month, day } : { month, day, year };
}

/** Agencies shout the place (`WASHINGTON`, `KYIV, Ukraine`); readers get `Washington`, `Kyiv, Ukraine`. */
function displayPlace(place: string): string {
  return place.split(",").map((part) => titleCaseShouted(part)).join(",");
}

function titleCaseShouted(place: string): string {
  if (place !== place.toUpperCase() || place === place.toLowerCase()) return place;
  return place.toLowerCase().replace(/(^|[\s\-'’.(])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}
