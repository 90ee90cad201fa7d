/**
 * A stop-word vote to tell English, Spanish, French and German wire copy apart,
 * so each item carries its own language (`xml:lang`, JSON Feed `language`,
 * HTML `lang`) without the publisher tagging every seed. Front matter
 * `language` overrides it; an undecided vote leaves the site's language.
 *
 * Each language lists its most frequent function words. A word two languages
 * share (`de`, `en`, `la`, `que` in Spanish and French; `in`, `an` in English
 * and German) counts for both, so only the words a language does not share
 * decide between them. Names and places in the copy are rarely function words
 * in another language, so a Spanish story about Wembley or a German one about
 * Lupita Nyong'o still reads as what it is. Measured on tests/content/language-corpus.
 */
const STOP_WORDS: Record<string, string> = {
  en: "the and of to in a an is was were are be been has have had that for on with as at by it its from said he she his her they their this which who but not will would after",
  es: "el la los las de del que y e o ni en a un una por con para se su sus es son fue fueron ha han había habían sido al lo como más pero según este esta estos entre sin sobre también dijo ya tras desde hasta durante después cuando donde muy otros",
  // l' d' qu' n' s' are French elisions: "l'Insee", "d'un", "qu'elle".
  fr: "le la les de des du et ou où en un une est sont a au aux que qui dans pour par sur avec entre ont été était avait pas ne il elle ils se sa son ses ce cette leur leurs selon plus mais aussi lors l d qu n s",
  de: "der die das und in den dem des ein eine einen einem eines ist sind wurde wurden hat haben mit von zu zum zur auf für im nicht sich auch als nach bei aus dass sei werden am um es er sie an",
};

const LANGUAGES = Object.keys(STOP_WORDS);
const LOOKUP = new Map<string, string[]>();
for (const language of LANGUAGES) {
  for (const word of STOP_WORDS[language]!.split(" ")) LOOKUP.set(word, [...(LOOKUP.get(word) ?? []), language]);
}

/** Enough function words to decide, and how far the winner must lead the runner-up. */
const MIN_VOTES = 3;
const MIN_LEAD = 1.5;

/**
 * `en`, `es`, `fr` or `de` when one clearly wins; undefined when too short or
 * too close to call. A shared word adds 1/n to each of its n languages: it is
 * evidence against the others, not for one of those that share it.
 */
export function detectLanguage(text: string): string | undefined {
  const votes = new Map<string, number>(LANGUAGES.map((language) => [language, 0]));
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    const languages = LOOKUP.get(word);
    if (languages === undefined) continue;
    for (const language of languages) votes.set(language, votes.get(language)! + 1 / languages.length);
  }
  const [first, second] = [...votes].sort((a, b) => b[1] - a[1]);
  if (!first || first[1] < MIN_VOTES || first[1] < MIN_LEAD * (second?.[1] ?? 0)) return undefined;
  return first[0];
}
