/**
 * The dates pages show in each language served, written by this runtime's
 * `Intl` through humanDate. tests/render/dates.node.test.ts (Node, where the
 * build runs) and tests/render/dates.test.ts (workerd, where pages are
 * rendered) both hold their runtime to dates-cldr.json, so the two write the
 * same words. `WRITE_CLDR=1 npx vitest run tests/render/dates.node.test.ts`
 * rewrites it after a Node or workerd upgrade changes CLDR.
 */
import { humanDate } from "../../src/render/dates";

/** Issue 16 rule 7's languages, plain `en` and some regions. */
export const LANGUAGES = "en en-US en-GB es es-MX pt pt-BR fr fr-CA it de de-AT nl ca pl sv da nb nn no fi ro cs sk tr ru uk el ar fa he zh zh-TW ja ko hi".split(" ");

/** The first and the 21st of every month of 2024, and a day in 1999: every month name, and a day that is not the 1st. */
export const DAYS = [...Array.from({ length: 12 }, (_, m) => [`2024-${String(m + 1).padStart(2, "0")}-01T00:00:00Z`, `2024-${String(m + 1).padStart(2, "0")}-21T23:59:59Z`]).flat(), "1999-12-31T12:00:00Z"];

export function writtenDates(): Record<string, string[]> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, DAYS.map((day) => humanDate(day, language))]));
}
