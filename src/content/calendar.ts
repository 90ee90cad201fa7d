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

/**
 * Milliseconds since the epoch of year/month/day at 00:00 UTC. `Date.UTC` reads
 * years 0–99 as 1900–1999, so the year is set on its own.
 */
export function utcDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** True when year/month/day is a real calendar date. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(utcDay(year, month, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 0 (Sunday) – 6. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(utcDay(year, month, day)).getUTCDay();
}

const DAY_MS = 86_400_000;

/**
 * How far a story's date may run ahead of the UTC day a build sees it: one
 * day, since in Asia and Oceania it is already tomorrow.
 */
export const DAYS_AHEAD = 1;

/** `2026-11-29` → its 00:00 UTC in milliseconds; undefined unless a real date written so. */
export function parseDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDate(year, month, day) ? utcDay(year, month, day) : undefined;
}

/** `days` days after (or before) the instant `ms`. */
export function addDays(ms: number, days: number): number {
  return ms + days * DAY_MS;
}

/**
 * An instant as the article model stores it: RFC 3339 in UTC to the second,
 * with a 4-digit year (`toISOString` writes `+010000-…` past 9999 and
 * `-000001-…` before 0000). Undefined outside years 0000–9999.
 */
export function formatInstant(ms: number): string | undefined {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (Number.isNaN(ms) || year < 0 || year > 9999) return undefined;
  return `${String(year).padStart(4, "0")}${date.toISOString().slice(-20, -5)}Z`;
}

/** `2026-11-29`: the UTC calendar day of the instant `ms` (years 0000–9999). */
export function formatDay(ms: number): string {
  return formatInstant(ms)!.slice(0, 10);
}
