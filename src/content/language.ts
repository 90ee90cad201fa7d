/**
 * A small stop-word vote to tell English, Spanish and French wire copy apart,
 * so each item carries its own language (`xml:lang`, JSON Feed `language`,
 * HTML `lang`) without the publisher tagging every seed. Front matter
 * `language` overrides it; an undecided vote leaves the site's language.
 */
const STOP_WORDS: Record<string, readonly string[]> = {
  en: ["the", "and", "of", "to", "in", "is", "that", "with", "for", "on", "was", "he", "said"],
  es: ["el", "la", "los", "las", "de", "que", "y", "en", "del", "por", "con", "una", "se", "según"],
  fr: ["le", "la", "les", "des", "et", "du", "une", "est", "que", "dans", "pour", "au", "qui", "selon"],
};

const LANGUAGES = Object.keys(STOP_WORDS);
const LOOKUP = new Map<string, string[]>();
for (const language of LANGUAGES) {
  for (const word of STOP_WORDS[language]!) LOOKUP.set(word, [...(LOOKUP.get(word) ?? []), language]);
}

/** `en`, `es` or `fr` when one clearly wins (at least 5 votes and twice the runner-up). */
export function detectLanguage(text: string): string | undefined {
  const votes = new Map<string, number>(LANGUAGES.map((language) => [language, 0]));
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    for (const language of LOOKUP.get(word) ?? []) votes.set(language, votes.get(language)! + 1);
  }
  const [first, second] = [...votes].sort((a, b) => b[1] - a[1]);
  if (!first || first[1] < 5 || first[1] < 2 * (second?.[1] ?? 0)) return undefined;
  return first[0];
}
