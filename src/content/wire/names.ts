import { displayPlace } from "./place";

/** Words that join names in a credit, in the languages served: `Jane Doe and John Roe`, `Ana Gil y Luis Paz`. */
const AND = String.raw`(?:and|y|e|et|und|en|och|og|i|ve|и|і|ja|și|a|&)`;
const SPLIT = new RegExp(String.raw`\s*,\s*(?:${AND}\s+)?|\s+${AND}\s+`, "u");
/** Lowercase words a name may hold: `Ana de la Cruz`, `Ursula von der Leyen`, `Ahmed al-Sharaa`. */
const NAME_PARTICLES = new Set(["de", "da", "do", "dos", "das", "du", "des", "del", "la", "le", "van", "von", "der", "den", "ten", "ter", "di", "al", "el", "bin", "ibn", "y"]);
const MAX_NAMES = 8;

/**
 * The people a credit names, or undefined when `text` is not a list of names
 * (each of one to five capitalised words, particles aside). Shouted names (AP's
 * `By JOSH BOAK`, AFP's `Jean DUPONT`) are given the capitals of a name.
 */
export function readNames(text: string, { wherePlaces = false } = {}): string[] | undefined {
  if (text.length > 300) return undefined;
  const names = text
    .split(SPLIT)
    // `Jane Doe in London`, `Ana Gil en Bogotá`: where they reported from is not their name.
    .map((name) => (wherePlaces ? name.replace(/\s+(?:in|from|at|en|desde|à|aus|a|em|da)\s+.*$/u, "") : name).trim())
    .filter((name) => name !== "");
  if (names.length === 0 || names.length > MAX_NAMES) return undefined;
  for (const name of names) {
    const words = name.split(/\s+/u);
    if (words.length > 5) return undefined;
    if (!words.every((word, i) => (i > 0 && NAME_PARTICLES.has(word.toLowerCase().replace(/-$/, ""))) || /^[\p{Lu}][\p{L}\p{M}.'’-]*$/u.test(word) || /^(?:al|el)-\p{Lu}/u.test(word))) return undefined;
  }
  return names.map(nameCase);
}

/** `JOSH BOAK` → `Josh Boak`, `Jean DUPONT` → `Jean Dupont`, `McKINNON` → `McKinnon`; `Jean-Luc Godard` stays. */
function nameCase(name: string): string {
  return name
    .split(/\s+/u)
    .map((word) => (word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase() && !/^[\p{Lu}]\.$/u.test(word) ? displayPlace(word) : word))
    .join(" ");
}
