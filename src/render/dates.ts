/** RFC 822 as RSS 2.0 wants it: `Fri, 21 Jan 2022 12:00:00 GMT`. */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

type DateWriter = (day: number, month: number, year: number) => string;

const monthsOf = (names: string): readonly string[] => names.split(" ");
const EN = monthsOf("January February March April May June July August September October November December");
const ES = monthsOf("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre");
const FR = monthsOf("janvier février mars avril mai juin juillet août septembre octobre novembre décembre");
const DE = monthsOf("Januar Februar März April Mai Juni Juli August September Oktober November Dezember");

/**
 * How each language writes a date in running text, by BCP 47 primary subtag.
 * Written by hand so the bytes never depend on the runtime's ICU data.
 */
const WRITERS: Record<string, DateWriter> = {
  en: (day, month, year) => `${day} ${EN[month]} ${year}`,
  es: (day, month, year) => `${day} de ${ES[month]} de ${year}`,
  // French writes the first of the month as an ordinal: 1er janvier.
  fr: (day, month, year) => `${day === 1 ? "1er" : day} ${FR[month]} ${year}`,
  de: (day, month, year) => `${day}. ${DE[month]} ${year}`,
};

/** Languages without a table get the date in ISO 8601, which reads the same in any of them. */
const ISO: DateWriter = (day, month, year) => `${year}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/**
 * The calendar date (UTC) of `iso` as `language` writes it, for pages:
 * `21 January 2022`, `21 de enero de 2022`, `21 janvier 2022`, `21. Januar 2022`.
 */
export function humanDate(iso: string, language: string): string {
  const date = new Date(iso);
  const write = WRITERS[language.toLowerCase().split("-")[0]!] ?? ISO;
  return write(date.getUTCDate(), date.getUTCMonth(), date.getUTCFullYear());
}
