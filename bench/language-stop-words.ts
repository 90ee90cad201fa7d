/**
 * The build's language detector until franc replaced it, kept as the
 * baseline of bench/language.ts: a stop-word vote to tell English, Spanish,
 * French and German wire copy apart.
 *
 * Each language lists its most frequent function words. A word two languages
 * share (`de`, `en`, `la`, `que` in Spanish and French; `in`, `an` in English
 * and German) counts for both, so only the words a language does not share
 * decide between them. Names and places in the copy are rarely function words
 * in another language, so a Spanish story about Wembley or a German one about
 * Lupita Nyong'o still reads as what it is. Measured on tests/content/language-corpus.
 */
export const STOP_WORDS: Record<string, string> = {
  en: "the and of to in a an is was were are be been has have had that for on with as at by it its from said he she his her they their this which who but not will would after",
  es: "el la los las de del que y e o ni en a un una por con para se su sus es son fue fueron ha han había habían sido al lo como más pero según este esta estos entre sin sobre también dijo ya tras desde hasta durante después cuando donde muy otros",
  // l' d' qu' n' s' are French elisions: "l'Insee", "d'un", "qu'elle".
  fr: "le la les de des du et ou où en un une est sont a au aux que qui dans pour par sur avec entre ont été était avait pas ne il elle ils se sa son ses ce cette leur leurs selon plus mais aussi lors l d qu n s",
  de: "der die das und in den dem des ein eine einen einem eines ist sind wurde wurden hat haben mit von zu zum zur auf für im nicht sich auch als nach bei aus dass sei werden am um es er sie an",
};

const LANGUAGES = Object.keys(STOP_WORDS);
/** Each stop word's languages, as indexes into LANGUAGES. */
const LOOKUP = new Map<string, number[]>();
LANGUAGES.forEach((language, index) => {
  for (const word of STOP_WORDS[language]!.split(" ")) LOOKUP.set(word, [...(LOOKUP.get(word) ?? []), index]);
});
const LONGEST = Math.max(...[...LOOKUP.keys()].map((word) => word.length));

/** Enough function words to decide, and how far the winner must lead the runner-up. */
const MIN_VOTES = 3;
const MIN_LEAD = 1.5;

/**
 * `en`, `es`, `fr` or `de` when one clearly wins; undefined when too short or
 * too close to call. A shared word adds 1/n to each of its n languages: it is
 * evidence against the others, not for one of those that share it.
 */
export function detectByStopWords(text: string): string | undefined {
  const [first, second] = stopWordVotes(text).sort((a, b) => b[1] - a[1]);
  if (!first || first[1] < MIN_VOTES || first[1] < MIN_LEAD * (second?.[1] ?? 0)) return undefined;
  return first[0];
}

/**
 * Each language's votes, in LANGUAGES order. The words are the runs of
 * letters (\p{L}) of the lowercased text, found by one scan that looks up only
 * runs as short as a stop word: splitting the whole text into words took a
 * quarter of the build at 100,000 articles (15 s of 59), three times this.
 */
export function stopWordVotes(text: string): Array<[language: string, votes: number]> {
  const lower = text.toLowerCase();
  const votes = LANGUAGES.map(() => 0);
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const width = i < lower.length ? letterWidth(lower, i) : 0;
    if (width > 0) {
      if (start < 0) start = i;
      i += width - 1;
      continue;
    }
    if (start >= 0 && i - start <= LONGEST) {
      const languages = LOOKUP.get(lower.slice(start, i));
      if (languages !== undefined) for (const language of languages) votes[language]! += 1 / languages.length;
    }
    start = -1;
  }
  return votes.map((count, index) => [LANGUAGES[index]!, count]);
}

const LETTER = /^\p{L}$/u;
/** Whether each non-ASCII UTF-16 unit that is a whole code point is a letter, as the scan meets them. */
const LETTERS = new Map<number, boolean>();

/** The UTF-16 units of the letter at `i` (2 for an astral one), or 0 when it is no letter. */
function letterWidth(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0x80) return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) ? 1 : 0;
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const point = text.codePointAt(i)!;
    return point > 0xffff && LETTER.test(String.fromCodePoint(point)) ? 2 : 0;
  }
  let letter = LETTERS.get(unit);
  if (letter === undefined) LETTERS.set(unit, (letter = LETTER.test(String.fromCharCode(unit))));
  return letter ? 1 : 0;
}
