import type { Credit } from "../content/article";

/**
 * Who wrote and who helped, as a reader is told: `By Ana Pérez and John Roe`,
 * `Additional reporting by Jane Doe; Editing by Mark Potter`. Written by hand
 * per language (no `Intl.ListFormat`), so the bytes never depend on the
 * runtime's ICU data, like the page's dates (dates.ts).
 */

/** The byline's opening word and the list's "and", by BCP 47 primary subtag. */
const BYLINE: Record<string, [by: string, and: string]> = {
  en: ["By", "and"],
  es: ["Por", "y"],
  pt: ["Por", "e"],
  fr: ["Par", "et"],
  de: ["Von", "und"],
  it: ["Di", "e"],
  nl: ["Door", "en"],
  ca: ["Per", "i"],
  sv: ["Av", "och"],
  da: ["Af", "og"],
  nb: ["Av", "og"],
  no: ["Av", "og"],
  ro: ["De", "și"],
};

function primary(language: string): string {
  return language.toLowerCase().split("-")[0]!;
}

/** Whether a byline can be written in `language`; otherwise the page writes it in the site's. */
export function hasBylineWords(language: string): boolean {
  return primary(language) in BYLINE;
}

/** `A`, `A and B`, `A, B and C` in `language` (English's words where it has none). */
export function listOf(names: readonly string[], language: string): string {
  const and = (BYLINE[primary(language)] ?? BYLINE.en!)[1];
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} ${and} ${names.at(-1)}`;
}

/**
 * The people an article credits as authors, without the agency: `authors`
 * falls back to the agency when the copy names no one, and a byline "By EFE"
 * would present an agency as a person (the dateline already names it).
 */
export function bylineNames(authors: readonly string[] | undefined, agency: string | undefined): string[] {
  const folded = agency?.toLowerCase();
  return (authors ?? []).filter((name) => name.toLowerCase() !== folded);
}

/** `By A, B and C` in `language`; empty for no names. */
export function byline(names: readonly string[], language: string): string {
  if (names.length === 0) return "";
  return `${(BYLINE[primary(language)] ?? BYLINE.en!)[0]} ${listOf(names, language)}`;
}

/**
 * Other credits, one clause per role in the order the copy gave them:
 * `Additional reporting by A and B; Editing by C`. Roles are the copy's own
 * words, in its language; English ones read as a sentence (`… by …`,
 * `… contributed to this report`), others as `Role: names`, which reads
 * right in any language.
 */
export function contributorsLine(contributors: readonly Credit[], language: string): string {
  const roles = new Map<string, string[]>();
  for (const { name, role } of contributors) {
    const key = role.trim().toLowerCase();
    roles.set(key, [...(roles.get(key) ?? []), name]);
  }
  const english = primary(language) === "en";
  return [...roles]
    .map(([role, names]) => {
      const who = listOf(names, language);
      if (english && /^contribut/.test(role)) return `${who} contributed to this report`;
      const Role = role.charAt(0).toUpperCase() + role.slice(1);
      return english ? `${Role} by ${who}` : `${Role}: ${who}`;
    })
    .join("; ");
}
