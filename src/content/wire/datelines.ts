import { agencyName, knownAgency } from "./agencies";
import { readDate, type DateParts } from "./date-words";
import { displayPlace } from "./place";

/**
 * The dateline that opens wire copy, in the shapes agencies file it. Each
 * shape is one pattern in `SHAPES`; an agency with a new shape joins there,
 * with a row in tests/content/datelines.test.ts.
 */
export interface Dateline {
  place?: string;
  /** The agency by its usual name (`dpa` for `dpa/lnw`); absent when the dateline names none (`OTTAWA — `). */
  agency?: string;
  /** Month and day as written; absent in `WASHINGTON (AP) —` style. No month in `MADRID, 4 (EUROPA PRESS)`. */
  month?: number;
  day?: number;
  /** Only when the dateline spells the year out. */
  year?: number;
  /** Reporters the dateline names (Xinhua's `（记者王浩宇）`, Yonhap's `박성민 기자 =`). */
  authors?: string[];
  /** The paragraph with the dateline and its separator removed; empty when the dateline stands alone. */
  rest: string;
  /** True when a separator (`-`, `—`, `.-`, `:`) closes it: only then can a line be told from a headline that ends in `(Reuters)`. */
  separated: boolean;
}

/** A dateline whose date is not understood: the word, and the dateline as found. */
export interface UnreadableDateline {
  found: string;
  word: string;
}

/** Shown in every message about a dateline: one example of each family of shapes. */
export const ACCEPTED_SHAPES = [
  "LONDON, Dec 4 (Reuters) - ",
  "Madrid, 4 dic (EFE).- ",
  "WASHINGTON (AP) — ",
  "(ANSA) - ROMA, 4 DIC - ",
  "SYDNEY, Dec 4 AAP - ",
  "MOSCOW, December 4. /TASS/. ",
  "OTTAWA — ",
];

// Every part below has a bounded length, and the patterns only ever read the
// paragraph's first HEAD characters: hostile paragraphs of a megabyte of
// spaces or parentheses cost no more than a dateline (tests/fuzz).
const PLACE = String.raw`(?<place>[^\s,،()/](?:[^,،()\n]{0,58}?[^\s,،()/])?(?:\s*\([^()\n]{1,40}\))?)`;
const DATE = String.raw`(?<date>[^()\n/]{1,40}?)`;
const AGENCY = String.raw`\((?<agency>[^()\n]{1,30})\)`;
const DASH = String.raw`(?:[-–—]{1,2}|:)`;
const HEAD = 320;

interface Shape {
  /** What it reads, for tests and the README. */
  example: string;
  pattern: RegExp;
  /** The agency must be one wirefeed knows (`(PTI) The …` has no separator to tell it from copy). */
  knownAgency?: (groups: Record<string, string | undefined>) => boolean;
}

const SHAPES: readonly Shape[] = [
  // Kyodo in Japanese: `【東京共同】`, no date.
  { example: "【東京共同】", pattern: /^【(?<place>[^】\d]{1,20}?)(?<agency>共同)】\s*/u },
  // Xinhua in Japanese: `【新華社酒泉12月4日】`.
  { example: "【新華社酒泉12月4日】", pattern: /^【(?<agency>新華社)(?<place>[^】\d]{1,20}?)(?<date>\d{1,2}月\d{1,2}日)】\s*/u },
  // Xinhua in Chinese: `新华社北京12月4日电（记者张晓蕾）`, the reporters after the dateline.
  { example: "新华社北京12月4日电（记者张晓蕾）", pattern: /^(?<agency>新华社)(?<place>[^\d（(]{1,20}?)(?<date>\d{1,2}月\d{1,2}日)电(?:[（(]记者(?<reporters>[^）)]{1,40})[）)])?\s*/u },
  // Yonhap in Korean: `(서울=연합뉴스) 박성민 기자 = `.
  { example: "(서울=연합뉴스) 박성민 기자 = ", pattern: /^\((?<place>[^=()\n]{1,20})=(?<agency>연합뉴스)\)\s*(?:(?<reporters>[^=()\n]{1,40}?)\s*기자\s*=\s*)?/u },
  // ANSA, agency first: `(ANSA) - ROMA, 4 DIC - `.
  { example: "(ANSA) - ROMA, 4 DIC - ", pattern: new RegExp(String.raw`^${AGENCY}\s*${DASH}\s*${PLACE}\s*[,،]\s*${DATE}\s*(?<sep>${DASH})\s*`, "u") },
  // Bloomberg, agency alone: `(Bloomberg) -- `.
  { example: "(Bloomberg) -- ", pattern: new RegExp(String.raw`^${AGENCY}\s*(?<sep>${DASH})\s*`, "u") },
  // TASS: `MOSCOW, December 4. /TASS/. `.
  { example: "MOSCOW, December 4. /TASS/. ", pattern: new RegExp(String.raw`^${PLACE}\s*[,،]\s*${DATE}\.?\s*/(?<agency>[^/\n]{1,20})/(?<sep>\s*\.?\s*(?:[-–—]{1,2})?)\s*`, "u") },
  // The common shape: `LONDON, Dec 4 (Reuters) - `, `Geneva, Jan 21 (EFE).- `, `WASHINGTON (AP) — `, `LONDON (Reuters) -The`,
  // and with no separator only for agencies known to file so: `Kathmandu, Nov 26 (PTI) The`, `Berlin (dapd). `, `MADRID, 4 (EUROPA PRESS)`.
  {
    example: "LONDON, Dec 4 (Reuters) - ",
    pattern: new RegExp(String.raw`^${PLACE}(?:\s*[,،]\s*${DATE})?\s*(?:[-–—]\s*)?${AGENCY}(?:(?<sep>\s*\.?\s*${DASH})\s*|[.।](?:\s+|$)|\s+|$)`, "u"),
    knownAgency: (groups) => groups.sep === undefined,
  },
  // Kyodo, AAP, Interfax: the agency without parentheses: `TOKYO, Dec. 4 Kyodo - `, `SYDNEY, Dec 4 AAP - `,
  // `МОСКВА. 4 декабря. ИНТЕРФАКС - ` (periods after the place and the date).
  {
    example: "SYDNEY, Dec 4 AAP - ",
    pattern: new RegExp(String.raw`^${PLACE}\s*[,،.]\s*${DATE}\.?\s+(?<agency>\p{L}{2,12})\s*(?<sep>${DASH})\s*`, "u"),
    knownAgency: () => true,
  },
  // Canadian Press, no agency: `OTTAWA — `, `HALIFAX, N.S. — ` (only a shouted place: a sentence may open with a name and a dash).
  { example: "OTTAWA — ", pattern: /^(?<place>\p{Lu}[\p{Lu}\p{M} .'’/-]{0,40}[\p{Lu}.])(?:\s*[,،]\s*(?<date>[^,،()\n—–]{1,40}?))?\s+(?<sep>—|–|--?)\s+/u },
];

/** Parse a dateline at the start of `paragraph`: the dateline, one whose date is not understood, or undefined when it has none. */
export function parseDateline(paragraph: string): Dateline | UnreadableDateline | undefined {
  const head = paragraph.slice(0, HEAD);
  for (const shape of SHAPES) {
    const match = shape.pattern.exec(head);
    if (!match?.groups) continue;
    const groups = match.groups as Record<string, string | undefined>;
    if (shape.knownAgency?.(groups) && knownAgency(groups.agency ?? "") === undefined) continue;
    const read = placeAndDate(groups.place?.trim(), groups.date?.trim());
    const found = match[0].trim();
    if ("word" in read) return { found, word: read.word };
    return {
      ...(read.place === undefined ? {} : { place: displayPlace(read.place) }),
      ...(groups.agency === undefined ? {} : { agency: agencyName(groups.agency) }),
      ...read.date,
      ...(groups.reporters === undefined ? {} : { authors: groups.reporters.split(/[、,，]\s*/u).map((name) => name.trim()).filter((name) => name !== "") }),
      rest: paragraph.slice(match[0].length),
      separated: groups.sep !== undefined,
    };
  }
  return undefined;
}

/** True for an UnreadableDateline. */
export function isUnreadable(dateline: Dateline | UnreadableDateline | undefined): dateline is UnreadableDateline {
  return dateline !== undefined && "word" in dateline;
}

/**
 * What precedes the agency: a place, a place and a date, or a date alone (`Dec 4 (Reuters) -`).
 * `Geneva, Switzerland (EFE).-` and `KYIV, Ukraine, Jan 21 (AP) —`: some or all of what follows the comma is more place.
 */
function placeAndDate(place: string | undefined, date: string | undefined): { place?: string; date?: DateParts } | { word: string } {
  if (place !== undefined && date === undefined) {
    const alone = readDate(place);
    if (alone !== undefined && "parts" in alone && alone.parts.month !== undefined) return { date: alone.parts };
    // Interfax: `MOSCOW. Dec 4 (Interfax) -`: a period, not a comma, between place and date (`ST. PETERSBURG` reads no date).
    for (const dot of place.matchAll(/\.\s+/gu)) {
      const after = readDate(place.slice(dot.index + dot[0].length));
      if (after !== undefined && "parts" in after && after.parts.month !== undefined) return { place: place.slice(0, dot.index).trim(), date: after.parts };
    }
    // ČTK, Arabic Reuters, Xinhua: `Brno 3. prosince (ČTK)`, `القاهرة 3 ديسمبر (رويترز)`: a date after the place, no comma.
    const digit = /\s[\d\u0660-\u0669\u06f0-\u06f9]/u.exec(place);
    if (digit !== null) {
      const after = readDate(place.slice(digit.index + 1));
      if (after !== undefined && "parts" in after && after.parts.month !== undefined) return { place: place.slice(0, digit.index).trim(), date: after.parts };
      if (after !== undefined && "unreadable" in after) return { word: after.unreadable };
    }
    return { place };
  }
  if (date === undefined) return {};
  const whole = readDate(date);
  if (whole === undefined) return { place: `${place}, ${date}` };
  if ("parts" in whole) return { place, date: whole.parts };
  for (let comma = date.search(/[,،]/u); comma !== -1; ) {
    const after = readDate(date.slice(comma + 1));
    if (after !== undefined && "parts" in after) return { place: `${place}, ${date.slice(0, comma).trim()}`, date: after.parts };
    const next = date.slice(comma + 1).search(/[,،]/u);
    comma = next === -1 ? -1 : comma + 1 + next;
  }
  return { word: whole.unreadable };
}
