/** RFC 822 as RSS 2.0 wants it: `Fri, 21 Jan 2022 12:00:00 GMT`. */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/**
 * The locales to ask `Intl` for, in order, where it is not the tag itself.
 * Plain `en` is written day first, as the international wire services write
 * English (`21 January 2022`) and as wirefeed always has; CLDR's `en` is the
 * United States' `January 21, 2022`, which `en-US` still gets. workerd's ICU
 * has no Nynorsk (`nn`): CLDR writes its dates with Bokmål's words
 * (`21. januar 2024`), so Bokmål's data stands in.
 */
const LOCALES_FOR: Record<string, string[]> = { en: ["en-GB"], nn: ["nn", "nb"], no: ["no", "nb"] };

/**
 * The runtime's date data (ICU), loaded while the isolate starts: the first
 * `Intl` date format of an isolate costs about 9 ms in workerd, whatever the
 * locale (each later one about 0.2 ms), and without this the first article
 * page of every isolate paid it, nearly all of a Free plan request's 10 ms of
 * CPU. Cloudflare starts an isolate while the TLS handshake is under way, so
 * startup is where a cost that most isolates meet belongs (BENCHMARKS.md,
 * sections 2 and 6, measure both).
 */
new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(0);

/** One formatter per language tag: making one costs far more than formatting with it. */
const FORMATTERS = new Map<string, ((date: Date) => string) | undefined>();

/**
 * How `language` writes a date in running text, from CLDR through `Intl`
 * (workerd and Node carry the same ICU data: tests/render/dates.test.ts
 * holds both to tests/render/dates-cldr.json). Undefined for a language the
 * runtime has no data for: `Intl` would silently write it in its default
 * locale's words.
 */
function formatterFor(language: string): ((date: Date) => string) | undefined {
  const key = language.toLowerCase();
  if (FORMATTERS.has(key)) return FORMATTERS.get(key);
  let format: ((date: Date) => string) | undefined;
  try {
    const locale = (LOCALES_FOR[key] ?? [language]).find((tag) => Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0);
    if (locale !== undefined) {
      const formatter = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
      // French writes the first of the month as an ordinal, 1er janvier; CLDR has no such pattern.
      format = key === "fr" || key.startsWith("fr-") ? frenchFirst(formatter) : (date) => formatter.format(date);
    }
  } catch {
    // A tag Intl refuses (RangeError): the ISO date below.
  }
  FORMATTERS.set(key, format);
  return format;
}

function frenchFirst(formatter: Intl.DateTimeFormat): (date: Date) => string {
  return (date) =>
    formatter
      .formatToParts(date)
      .map((part) => (part.type === "day" && part.value === "1" ? "1er" : part.value))
      .join("");
}

/** A language the runtime has no data for gets the date in ISO 8601, which reads the same in any. */
const iso = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Makes the formatters of `languages` now (src/http/warm-up.ts calls it while
 * the isolate starts, with the languages the build found most of the copy in):
 * each language's first formatter loads its locale's date data, 1.3–1.7 ms in
 * a fresh workerd isolate (BENCHMARKS.md, section 2: a French article's page),
 * which the first page in that language otherwise paid.
 */
export function prepareDates(languages: Iterable<string>): void {
  for (const language of languages) formatterFor(language);
}

/** Whether `language`'s formatter has been made in this isolate: what `prepareDates` did, for its tests. */
export function datesPrepared(language: string): boolean {
  return FORMATTERS.has(language.toLowerCase());
}

/**
 * The calendar date (UTC) of `iso` as `language` writes it, for pages:
 * `21 January 2022`, `21 de enero de 2022`, `1er janvier 2022`,
 * `21. Januar 2022`, `2022年1月21日`, `21 января 2022 г.`; a Persian page
 * gets the Solar Hijri date in Persian digits, as CLDR and Iranian papers write it.
 */
export function humanDate(isoDate: string, language: string): string {
  const date = new Date(isoDate);
  return (formatterFor(language) ?? iso)(date);
}
