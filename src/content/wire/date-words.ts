import { asciiDigits, monthOf } from "./months";

/** A dateline's date as written: month and day, the year only when spelled out. */
export interface DateParts {
  month?: number;
  day: number;
  year?: number;
}

/** What a dateline's date said: the parts, or the word that is no month in any language served. */
export type DateReading = { parts: DateParts } | { unreadable: string } | undefined;

/** Words that join a day to its month: `21 de enero`, `4 di dicembre`. */
const JOINERS = new Set(["de", "del", "di", "d", "den", "le", "il", "the", "of", "w", "v", "el"]);

/**
 * `Jan 21`, `March 7`, `5 mai 2024`, `14 feb.`, `Jan. 21, 2022`, `21 de enero`, `3. März`,
 * `4 декабря`, `٣ ديسمبر`, `12月4日`, `2026年12月4日`, `12월 4일`, or a day alone (`4`, Europa
 * Press), whose month is the day the story was filed.
 * Undefined when `text` holds no number (it is a place, `Switzerland`);
 * `unreadable` names the word when it has a day but a month no language served spells so.
 */
export function readDate(text: string): DateReading {
  const ascii = asciiDigits(text);
  const cjk = /^\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?\s*$/u.exec(ascii);
  if (cjk) return checked({ month: Number(cjk[2]), day: Number(cjk[3]), ...(cjk[1] ? { year: Number(cjk[1]) } : {}) });
  if (!/\d/.test(ascii)) return undefined;
  const words = ascii.split(/[\s,.،/]+/u).filter((word) => word !== "" && !JOINERS.has(word.toLowerCase()));
  let month: number | undefined;
  let day: number | undefined;
  let year: number | undefined;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (/^\d{4}$/.test(word)) {
      if (year !== undefined) return { unreadable: word };
      year = Number(word);
    } else if (/^\d{1,2}(?:st|nd|rd|th|er|º|°|\.|-?го|-?е)?$/iu.test(word)) {
      if (day !== undefined) return { unreadable: word };
      day = Number.parseInt(word, 10);
    } else {
      // Two-word names (Levantine Arabic `كانون الأول`), Hebrew's `ב` (`4 בדצמבר`, "in December").
      const pair = w + 1 < words.length ? monthOf(`${word} ${words[w + 1]}`) : undefined;
      if (pair !== undefined) w++;
      const m = pair ?? monthOf(word) ?? (/^ב\p{L}/u.test(word) ? monthOf(word.slice(1)) : undefined);
      // Arabic copy may name the month twice, `3 ديسمبر كانون الأول`: the same month is no second date.
      if (m === undefined || (month !== undefined && month !== m)) return { unreadable: word };
      month = m;
    }
  }
  if (day === undefined) return { unreadable: words.join(" ") };
  return checked(month === undefined ? { day, ...(year === undefined ? {} : { year }) } : { month, day, ...(year === undefined ? {} : { year }) });
}

function checked(parts: DateParts): DateReading {
  if (parts.day < 1 || parts.day > 31 || (parts.month !== undefined && (parts.month < 1 || parts.month > 12))) return { unreadable: String(parts.day) };
  return { parts };
}
