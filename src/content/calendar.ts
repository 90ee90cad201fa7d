/**
 * Month and weekday names as agencies write them in datelines and copy:
 * English, Spanish, French and German, full and abbreviated, with and without
 * accents. Keys are lowercase and accent-free; look-ups fold the same way.
 */

const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  ["january", "jan", "enero", "ene", "janvier", "janv", "januar", "janner"],
  ["february", "feb", "febrero", "fevrier", "fevr", "fev", "februar"],
  ["march", "mar", "marzo", "mars", "marz", "maerz"],
  ["april", "apr", "abril", "abr", "avril", "avr"],
  ["may", "mayo", "mai"],
  ["june", "jun", "junio", "juin", "juni"],
  ["july", "jul", "julio", "juillet", "juil", "juli"],
  ["august", "aug", "agosto", "ago", "aout", "aou"],
  ["september", "sep", "sept", "septiembre", "setiembre", "set", "septembre"],
  ["october", "oct", "octubre", "octobre", "oktober", "okt"],
  ["november", "nov", "noviembre", "novembre"],
  ["december", "dec", "diciembre", "dic", "decembre", "dezember", "dez"],
];

/** Sunday first, as `Date.prototype.getUTCDay` counts. */
const WEEKDAY_NAMES: ReadonlyArray<readonly string[]> = [
  ["sunday", "domingo", "dimanche", "sonntag"],
  ["monday", "lunes", "lundi", "montag"],
  ["tuesday", "martes", "mardi", "dienstag"],
  ["wednesday", "miercoles", "mercredi", "mittwoch"],
  ["thursday", "jueves", "jeudi", "donnerstag"],
  ["friday", "viernes", "vendredi", "freitag"],
  ["saturday", "sabado", "samedi", "samstag"],
];

function index(table: ReadonlyArray<readonly string[]>): Map<string, number> {
  const map = new Map<string, number>();
  table.forEach((names, i) => names.forEach((name) => map.set(name, i)));
  return map;
}

const MONTHS = index(MONTH_NAMES);
const WEEKDAYS = index(WEEKDAY_NAMES);

/** Lowercase, strip accents and trailing dots: `Févr.` → `fevr`. */
function foldName(word: string): string {
  return word
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\.$/, "");
}

/** 1–12, or undefined when the word is not a month name. */
export function monthNumber(word: string): number | undefined {
  const month = MONTHS.get(foldName(word));
  return month === undefined ? undefined : month + 1;
}

/** 0 (Sunday) – 6, or undefined when the word is not a weekday name. */
export function weekdayNumber(word: string): number | undefined {
  return WEEKDAYS.get(foldName(word));
}

/** Every weekday name, for building a word-boundary pattern. */
export const ALL_WEEKDAY_NAMES: readonly string[] = WEEKDAY_NAMES.flat();

/** True when year/month/day is a real calendar date. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}
