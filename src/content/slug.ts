/** Lowercase ASCII words of the headline, at most `max` characters, cut at a word. */
export function slugify(text: string, max = 80): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[ßæœøđłþ]/gi, (ch) => TRANSLITERATION[ch.toLowerCase()] ?? "")
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}-${word}`;
    if (next.length > max) break;
    slug = next;
  }
  return slug === "" && words[0] ? words[0].slice(0, max) : slug;
}

const TRANSLITERATION: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ł: "l", þ: "th" };

/** A short, stable suffix from an id: FNV-1a, base 36. */
export function idSuffix(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, "0");
}
