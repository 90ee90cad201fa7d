/**
 * Places as readers expect them. Agencies shout the place (`RIO DE JANEIRO`,
 * `PORT-AU-PRINCE`, `GENEVA/BRUSSELS`); a page shows `Rio de Janeiro`,
 * `Port-au-Prince`, `Geneva/Brussels`. A place written in mixed case is the
 * agency's own spelling and stays as written.
 */

/** Words lowercase inside a name (never first): `Rio de Janeiro`, `Port-au-Prince`, `Côte d'Ivoire`. */
const PARTICLES = new Set(["de", "da", "do", "dos", "das", "du", "des", "del", "la", "le", "les", "al", "el", "au", "aux", "van", "von", "der", "den", "di", "y", "of", "on", "upon", "d'", "l'", "d’", "l’", "sur", "en"]);

/** Names whose capitals a title case cannot guess. `Mc` names need none of these (`McAllen`). */
const EXCEPTIONS = new Map(["DeKalb", "DeSoto", "DeFuniak", "LaGrange", "LaPorte", "DuBois", "DuQuoin", "MacArthur", "LaSalle", "DeRidder", "O'Fallon"].map((name) => [name.toLowerCase(), name]));

/** `WASHINGTON` → `Washington`, `KYIV, Ukraine` → `Kyiv, Ukraine`, `N'DJAMENA` → `N'Djamena`; `São Paulo` stays. */
export function displayPlace(place: string): string {
  return place.split(",").map((part) => titleCaseShouted(part)).join(",");
}

/** Shouted but for a name's own small letters: `McALLEN`, `DeKALB`, `LaGRANGE` are shouted too. */
function isShouted(place: string): boolean {
  const probe = place.replace(/\b(?:Mc|Mac|De|La|Du|Le)(?=\p{Lu}{2})/gu, (prefix) => prefix.toUpperCase());
  return probe === probe.toUpperCase() && place !== place.toLowerCase();
}

function titleCaseShouted(place: string): string {
  if (!isShouted(place)) return place;
  let first = true;
  // Words and the marks between them; a mark (space, hyphen, slash, apostrophe) keeps its place.
  return place.toLowerCase().replace(/[\p{L}\p{M}]+['’]?/gu, (word, offset: number, whole: string) => {
    const isFirst = first || whole[offset - 1] === "/";
    first = false;
    if (!isFirst && PARTICLES.has(word)) return word;
    const known = EXCEPTIONS.get(word);
    if (known !== undefined) return known;
    // After an apostrophe within a name (`N'Djamena`, `O'Hare`) the next letter is a capital.
    if (whole[offset - 1] === "'" || whole[offset - 1] === "’") return capital(word);
    const mc = /^mc(\p{L})/u.exec(word);
    if (mc) return `Mc${mc[1]!.toUpperCase()}${word.slice(3)}`;
    return capital(word);
  })
    // `İSTANBUL` lowercases to i and a combining dot; composed again, the capital is `İ`.
    .normalize("NFC");
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
