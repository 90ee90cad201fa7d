/**
 * The language of a story's copy, so each item carries its own (`xml:lang`,
 * JSON Feed `language`, HTML `lang`) without the publisher tagging every
 * seed. Front matter `language` overrides it; copy too short to call leaves
 * the site's language.
 *
 * ELD (the `eld` package, its default "medium" n-gram database, 60
 * languages) was chosen by measurement against franc, franc-min, franc-all,
 * tinyld and the stop-word vote it replaces, on tests/content/language-corpus
 * (BENCHMARKS.md, "Language detection"): the only one right on every text,
 * Danish/Norwegian, Catalan/Spanish, Czech/Slovak and Russian/Ukrainian
 * included, and the fastest per text. Build time only: the Worker serves
 * the language the build recorded and never imports this module.
 */
import { eld } from "eld/medium";

/**
 * Copy with less than this many letters is too short to call. Measured on
 * every prefix of the corpus texts: the wrong calls (Bayern and Müller read
 * as German in an English sports headline, a Hindi phrase tied with Marathi)
 * all had fewer than 30 letters; one-sentence ledes have 40 or more.
 */
export const MIN_LETTERS = 30;

/**
 * Han, kana and Hangul characters each count as three letters: a Chinese or
 * Japanese character carries about what a short word does, and a Hangul
 * block is a whole syllable; "中国人民银行" calls as firmly as "central bank".
 */
const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Letters and the marks written on them: Devanagari writes most vowels as marks (matras). */
const LETTER = /[\p{L}\p{M}]/u;

/**
 * Enough of a story to tell its language: the lede and the paragraphs after
 * it. ELD's time grows with the text; the rest of a long story would change no answer.
 */
const SAMPLE_CHARS = 2_000;

/**
 * BCP 47 primary subtags for the codes detectors give, where they differ:
 * ELD gives ISO 639-1 except `no`; franc and tinyld give ISO 639-3 (the
 * benchmark reads theirs through this table too). Norwegian is `nb`: news
 * copy (NTB, NRK, the national papers) is Bokmål, CLDR writes dates for `nb`,
 * and `no`, the macrolanguage, would say nothing that `nb` does not.
 */
const SUBTAGS: Record<string, string> = pairs(
  "no nb eng en spa es por pt fra fr ita it deu de nld nl cat ca pol pl swe sv dan da nob nb nno nn fin fi ron ro ces cs slk sk " +
    "tur tr rus ru ukr uk ell el arb ar ara ar pes fa prs fa fas fa heb he cmn zh zho zh jpn ja kor ko hin hi glg gl bul bg bel be " +
    "srp sr hrv hr bos bs slv sl hun hu est et ekk et lvs lv lav lv lit lt ind id zlm ms msa ms vie vi urd ur ben bn tha th isl is " +
    "afr af eus eu gle ga cym cy als sq sqi sq mkd mk hye hy kat ka aze az azj az kaz kk uzn uz uzb uz swh sw tgl tl lat la ltz lb mar mr nep ne",
);

function pairs(list: string): Record<string, string> {
  const words = list.split(" ");
  const table: Record<string, string> = {};
  for (let i = 0; i < words.length; i += 2) table[words[i]!] = words[i + 1]!;
  return table;
}

/** A detector's language code as a BCP 47 primary subtag: `por` → `pt`, `no` → `nb`; a code with no shorter form stays. */
export function toSubtag(code: string): string {
  return SUBTAGS[code] ?? code;
}

/** Whether `text` has at least `letters` letters, a Han, kana or Hangul character counting three; reads only as far as it needs. */
export function hasLetters(text: string, letters: number): boolean {
  let weight = 0;
  for (const char of text) {
    if (DENSE.test(char)) weight += 3;
    else if (LETTER.test(char)) weight += 1;
    if (weight >= letters) return true;
  }
  return false;
}

/**
 * The BCP 47 primary subtag of the language `text` is written in (`pt`,
 * `nb`, `zh`…), or undefined when it has fewer than MIN_LETTERS letters or
 * ELD finds nothing it knows.
 */
export function detectLanguage(text: string): string | undefined {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (!hasLetters(sample, MIN_LETTERS)) return undefined;
  const { language } = eld.detect(sample);
  return language === "" ? undefined : toSubtag(language);
}
