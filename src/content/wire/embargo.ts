import { isCalendarDate, utcDay } from "../calendar";
import { foldWord, monthOf } from "./months";

/**
 * The instant an embargo line names (`EMBARGOED UNTIL 0001 GMT DEC 6`,
 * `SPERRFRIST 6. Dezember 2026, 00.01 Uhr MEZ`, `EMBARGADA HASTA LAS 17.00
 * GMT DEL 4 DE DICIEMBRE`, `EMBARGO 6 DICEMBRE ORE 11`), read word by word
 * rather than by one pattern per agency: a time, a zone, a day, a month, a
 * year, in whatever order and language the agency writes them, with the
 * weekday and the little words (`on`, `de`, `à`, `Uhr`) between. A word that
 * is none of these makes the line unreadable: a held story is never released
 * at a guessed time.
 *
 * - A year-less date takes the year that puts it nearest after `reference`
 *   (the instant the story is recorded), a week's grace back: an embargo
 *   that passed yesterday is yesterday, not next year.
 * - A line with a time and no date (`Sperrfrist: 22 Uhr`, dpa) is the first
 *   such time at or after `reference`.
 * - A zone is needed, except where the language says it (`Uhr`, `ore`,
 *   `heure de Paris`: Central European time; `Washington time`: US Eastern),
 *   summer time by the EU and US rules.
 */
export type EmbargoReading = { ms: number } | { unreadable: string };

/** The shapes messages offer. */
export const EMBARGO_SHAPES = [
  "EMBARGOED UNTIL 0001 GMT DEC 6",
  "EMBARGOED FOR RELEASE UNTIL 10 A.M. EST, DEC. 8, 2026",
  "EMBARGADA HASTA LAS 17.00 GMT DEL 4 DE DICIEMBRE",
  "SPERRFRIST 6. Dezember 2026, 00.01 Uhr MEZ",
  "EMBARGO 6 DICEMBRE ORE 11",
  "SOUS EMBARGO JUSQU'AU 6 DÉCEMBRE 2026 À 00H01 GMT",
];

/** The words that open the line, in the languages agencies use for it. */
const LEAD =
  /^\(?\s*(?:embargoed(?:\s+for\s+(?:release|publication))?(?:\s+(?:until|till|to|before))?|embargo(?:ed)?(?:\s+(?:until|till|to|for|before))?|embargad[ao](?:\s+hasta)?|sperrfrist(?:\s+bis)?|sous\s+embargo(?:\s+jusqu['’](?:au|à|a))?|hold\s+for\s+release(?:\s+(?:until|till))?|not\s+for\s+(?:publication|release)\s+(?:before|until))\s*[:.,–—-]?\s*/iu;

/** Offsets from UTC in minutes; `eu` / `us` follow that region's summer time. */
const ZONES: Record<string, number | "eu" | "us"> = {
  gmt: 0, utc: 0, ut: 0, z: 0, wet: 0, bst: 60, west: 60, cet: 60, mez: 60, cest: 120, mesz: 120, eet: 120, eest: 180, msk: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420, et: "us",
  jst: 540, kst: 540, hkt: 480, sgt: 480, awst: 480, aest: 600, aedt: 660, nzst: 720, nzdt: 780, ist: 330,
};
/** Zones said in words: `(HEURE DE PARIS)`, `hora peninsular`, `Washington time`. */
const ZONE_PHRASES: ReadonlyArray<[RegExp, "eu" | "us"]> = [
  [/\(?\s*heure\s+(?:de\s+paris|fran[cç]aise|d['’]europe\s+centrale)\s*\)?/iu, "eu"],
  [/\(?\s*hora\s+(?:peninsular|de\s+madrid|central\s+europea)\s*\)?/iu, "eu"],
  [/\(?\s*ora\s+(?:italiana|di\s+roma)\s*\)?/iu, "eu"],
  [/\(?\s*(?:deutscher|mitteleurop[äa]ischer)\s+zeit\s*\)?/iu, "eu"],
  [/\(?\s*(?:washington|new\s+york|eastern)\s+time\s*\)?/iu, "us"],
];
/** Words that carry nothing here: weekdays are read past, prepositions and articles skipped. */
const FILLER = new Set([
  "on", "at", "the", "of", "and", "de", "del", "la", "las", "el", "los", "a", "à", "au", "le", "les", "um", "am", "ore", "alle", "hasta", "bis", "jusqu'au", "h", "hrs", "hours", "uhr", "hora", "horas", "heure", "heures", "time", "local", "ab", "dem", "den", "der", "il", "dalle", "from", "for", "release", "publication", "until",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
  "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica",
]);
/** Words after which a bare number is an hour: `ORE 11`, `LAS 17`, `um 8`. */
const HOUR_BEFORE = new Set(["ore", "alle", "las", "um", "at", "hora", "a"]);
/** Words after which a bare number is an hour: `11 Uhr`, `10 hrs`. */
const HOUR_AFTER = new Set(["uhr", "h", "hrs", "hours", "heures", "horas", "a.m", "am", "p.m", "pm"]);
/** Words that say Central European time by themselves (German and Italian copy): `00.01 Uhr`, `ORE 11`. */
const CENTRAL_EUROPEAN = new Set(["uhr", "ore", "alle"]);

export function readEmbargo(line: string, reference: number): EmbargoReading {
  let text = line.replace(LEAD, "").replace(/[()]/g, " ").trim();
  let zone: number | "eu" | "us" | undefined;
  for (const [phrase, rule] of ZONE_PHRASES) {
    if (phrase.test(text)) {
      zone = rule;
      text = text.replace(phrase, " ");
    }
  }
  // `GMT+1`, `UTC-05:00`.
  text = text.replace(/\b(?:gmt|utc)\s*([+-])(\d{1,2})(?::?(\d{2}))?\b/iu, (_all, sign: string, hours: string, minutes?: string) => {
    zone = (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
    return " ";
  });
  const words = text.split(/[\s,;]+|(?<=\d)\.(?=\s|$)/u).map((word) => word.trim()).filter((word) => word !== "" && word !== "." && word !== "-" && word !== "–" && word !== "—");
  let hour: number | undefined;
  let minute = 0;
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  let central = false;
  const folded = words.map((word) => foldWord(word).replace(/[.:]+$/u, ""));
  const isZone = (word: string | undefined) => word !== undefined && ZONES[word] !== undefined;
  for (let i = 0; i < words.length; i++) {
    const word = folded[i]!;
    const next = folded[i + 1];
    const previous = folded[i - 1];
    if (CENTRAL_EUROPEAN.has(word)) central = true;
    if (/^(?:a\.?m|p\.?m)$/u.test(word)) {
      if (hour === undefined || hour > 12) return { unreadable: `"${words[i]}" after no hour of 1 to 12` };
      const pm = word.startsWith("p");
      hour = (hour % 12) + (pm ? 12 : 0);
      continue;
    }
    if (FILLER.has(word)) continue;
    if (isZone(word)) {
      zone = ZONES[word]!;
      continue;
    }
    if (word === "noon" || word === "midday" || word === "mediodia" || word === "midi" || word === "mittag" || word === "mezzogiorno") {
      [hour, minute] = [12, 0];
      continue;
    }
    if (word === "midnight" || word === "medianoche" || word === "minuit" || word === "mitternacht" || word === "mezzanotte") {
      [hour, minute] = [0, 0];
      continue;
    }
    let clock = /^(\d{1,2})[:.h](\d{2})(?:h|hrs|uhr)?$/u.exec(word);
    if (clock === null && /^\d{4}$/u.test(word) && hour === undefined && (/^0\d[0-5]\d$/u.test(word) || isZone(next) || (next !== undefined && HOUR_AFTER.has(next)) || (previous !== undefined && HOUR_BEFORE.has(previous)))) {
      clock = /^(\d\d)(\d\d)$/u.exec(word);
    }
    if (clock !== null) {
      if (hour !== undefined) return { unreadable: `a second time, "${words[i]}"` };
      [hour, minute] = [Number(clock[1]), Number(clock[2])];
      if (hour > 23 || minute > 59) return { unreadable: `"${words[i]}", which is no time of day` };
      continue;
    }
    const number = /^(\d{1,4})(?:\.|er|st|nd|rd|th|º|°)?$/u.exec(word);
    if (number !== null) {
      const value = Number(number[1]);
      if (number[1]!.length >= 3) {
        if (year !== undefined) return { unreadable: `a second year, "${words[i]}"` };
        year = value;
      } else if (hour === undefined && ((previous !== undefined && HOUR_BEFORE.has(previous) && month !== undefined) || (next !== undefined && HOUR_AFTER.has(next)) || /^(?:a\.?m|p\.?m)$/u.test(next ?? ""))) {
        hour = value;
        minute = 0;
        if (hour > 23) return { unreadable: `"${words[i]}", which is no hour` };
      } else if (day === undefined) {
        day = value;
      } else if (hour === undefined) {
        hour = value;
        minute = 0;
      } else {
        return { unreadable: `"${words[i]}", a number that is neither the day, the year nor the time` };
      }
      continue;
    }
    const named = monthOf(word);
    if (named !== undefined && month === undefined) {
      month = named;
      continue;
    }
    return { unreadable: `"${words[i]}", which is no date, time or time zone` };
  }
  if (hour === undefined) return { unreadable: "no time of day" };
  if (zone === undefined && central) zone = "eu";
  if (zone === undefined) return { unreadable: "no time zone" };
  if ((day === undefined) !== (month === undefined)) return { unreadable: day === undefined ? "a month and no day" : "a day and no month" };
  const at = (y: number, m: number, d: number) => {
    const local = utcDay(y, m, d) + (hour! * 60 + minute) * 60_000;
    return local - offset(zone!, local) * 60_000;
  };
  if (day === undefined || month === undefined) {
    // A time alone: its first occurrence at or after the reference.
    const on = new Date(reference);
    for (let back = -1; back <= 2; back++) {
      const ms = at(on.getUTCFullYear(), on.getUTCMonth() + 1, on.getUTCDate() + back);
      if (ms >= reference) return { ms };
    }
    return { unreadable: "no date" };
  }
  if (year !== undefined) {
    if (!isCalendarDate(year, month, day)) return { unreadable: `${year}-${pad(month)}-${pad(day)}, which is no calendar date` };
    return { ms: at(year, month, day) };
  }
  const from = new Date(reference).getUTCFullYear();
  for (const candidate of [from - 1, from, from + 1, from + 2, from + 3, from + 4]) {
    if (!isCalendarDate(candidate, month, day)) continue;
    const ms = at(candidate, month, day);
    if (ms >= reference - 7 * 86_400_000) return { ms };
  }
  return { unreadable: `--${pad(month)}-${pad(day)}, which is no calendar date` };
}

/** Minutes ahead of UTC at the local wall-clock instant `local` (ms, as if it were UTC). */
function offset(zone: number | "eu" | "us", local: number): number {
  if (typeof zone === "number") return zone;
  const year = new Date(local).getUTCFullYear();
  if (zone === "eu") {
    // Summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
    const start = lastSunday(year, 3) + 3_600_000;
    const end = lastSunday(year, 10) + 3_600_000;
    const utc = local - 60 * 60_000;
    return utc >= start && utc < end ? 120 : 60;
  }
  // US: from 02:00 local on the second Sunday of March to 02:00 local on the first Sunday of November.
  const start = nthSunday(year, 3, 2) + 2 * 3_600_000;
  const end = nthSunday(year, 11, 1) + 2 * 3_600_000;
  return local >= start && local < end ? -240 : -300;
}

function lastSunday(year: number, month: number): number {
  const last = utcDay(year, month + 1, 0);
  return last - new Date(last).getUTCDay() * 86_400_000;
}

function nthSunday(year: number, month: number, n: number): number {
  const first = utcDay(year, month, 1);
  return first + (((7 - new Date(first).getUTCDay()) % 7) + (n - 1) * 7) * 86_400_000;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
