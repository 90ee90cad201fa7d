/**
 * Month names in every language the copy may be in, from CLDR through `Intl`
 * rather than typed by hand: full and short forms, standalone and as written
 * with a day (the genitive: Russian `декабря`, Polish `grudnia`), so
 * `4 декабря`, `30 ott.`, `30 out`, `3 ديسمبر` all read. Built once when the
 * module loads, at build time in Node; tests/content/months.test.ts checks
 * that workerd's ICU gives the same table (tests run there).
 */

/** The languages served (issue 16, rule 7), English first: on a clash the earlier language keeps the word. */
export const MONTH_LOCALES = ["en", "es", "fr", "de", "pt", "it", "nl", "ca", "pl", "sv", "da", "nb", "fi", "ro", "cs", "tr", "ru", "uk", "el", "ar", "ar-SY", "fa", "he", "hi", "id"] as const;

/** Forms CLDR does not give but agencies write: `Sept.`, EFE's `set`, dpa's `Jänner`, `Maerz`, and the old English/French/German ones the project always read. */
const SUPPLEMENT: ReadonlyArray<readonly string[]> = [
  ["jan", "janv", "janner", "ene"],
  ["feb", "fevr", "fev"],
  ["mar", "marz", "maerz"],
  ["apr", "abr", "avr"],
  ["may", "mayo", "mai"],
  ["jun", "juin"],
  ["jul", "juil"],
  ["aug", "ago", "aou"],
  ["sep", "sept", "set", "setiembre"],
  ["oct", "okt", "ott", "out"],
  ["nov"],
  ["dec", "dic", "dez", "des"],
];

/** Lowercase, without accents, dotless i as i, without trailing dots or Hebrew geresh: `Févr.` → `fevr`, `ARALIK` and `Aralık` → `aralik`. */
export function foldWord(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ı/g, "i")
    .replace(/[.׳']+$/u, "");
}

/** The forms of each month, January first, in `locale`: one formatter per width (building one per month cost 240 ms at load). */
function monthForms(locale: string): string[][] {
  const options = { timeZone: "UTC", calendar: "gregory" } as const;
  const formatters = (["long", "short"] as const).flatMap((width) => [
    new Intl.DateTimeFormat(locale, { ...options, month: width }),
    new Intl.DateTimeFormat(locale, { ...options, month: width, day: "numeric" }),
  ]);
  return Array.from({ length: 12 }, (_, month) => {
    const date = new Date(Date.UTC(2026, month, 4, 12));
    const forms = formatters.flatMap((format) => format.formatToParts(date).filter((part) => part.type === "month").map((part) => part.value));
    // Catalan writes `de desembre`, `d’octubre`: the particle is not the month.
    return forms.map((form) => form.replace(/^(?:de\s+|d['’])/u, "").trim()).filter((form) => form !== "" && !/\d/.test(form));
  });
}

/** Every folded month word → 1–12. */
export function buildMonthTable(locales: readonly string[] = MONTH_LOCALES): Map<string, number> {
  const table = new Map<string, number>();
  for (const locale of locales) {
    monthForms(locale).forEach((forms, month) => {
      for (const form of forms) {
        const key = foldWord(form);
        if (!table.has(key)) table.set(key, month + 1);
      }
    });
  }
  SUPPLEMENT.forEach((words, month) => words.forEach((word) => table.has(word) || table.set(word, month + 1)));
  return table;
}

const MONTHS = buildMonthTable();

/** 1–12, or undefined when `word` is no month name in a language served. */
export function monthOf(word: string): number | undefined {
  return MONTHS.get(foldWord(word));
}

/** Arabic-Indic, Persian, Devanagari and full-width digits as ASCII: `٣ ديسمبر` → `3 ديسمبر`. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\uff10-\uff19]/gu, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = code >= 0xff10 ? 0xff10 : code >= 0x0966 ? 0x0966 : code >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(code - zero);
  });
}
