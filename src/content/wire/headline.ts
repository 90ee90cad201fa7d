import type { Labels } from "../article";

/**
 * Headline prefixes and suffixes are labels, not headline: `UPDATE 2-`,
 * `CORRECTED-`, `EXCLUSIVE-`, `BREAKING:`, `URGENT`, `FLASH`, `(LEAD)`,
 * `(2nd LD)`. One row per label; a new agency's label joins `LABELS`.
 */
interface Label {
  slot: keyof Labels;
  /** The label's words, as a pattern (case-sensitive: agencies shout them, and `Flash floods` is a headline). */
  words: string;
}

const LABELS: readonly Label[] = [
  { slot: "priority", words: String.raw`FLASH|URGENT|URGENTE|BREAKING(?: NEWS)?|BULLETIN|ALERT|ALERTE|EILMELDUNG|EIL|DRINGEND|ÚLTIMA HORA|ULTIMA HORA|СРОЧНО|عاجل` },
  { slot: "version", words: String.raw`UPDATE(?: \d{1,2})?|CORRECTED|CORRECTION|CORRECTS|REFILE|RPT|REPEAT|WRITETHRU|\d{1,2}(?:st|nd|rd|th|ST|ND|RD|TH) LD(?:-WRITETHRU)?|LEAD|NEWSALERT|ACTUALIZACIÓN(?: \d{1,2})?|ACTUALIZA(?: \d{1,2})?|CORREGIDO|KORRIGIERT` },
  { slot: "kind", words: String.raw`BRIEF|EXCLUSIVE|FACTBOX|ANALYSIS|WRAPUP(?: \d{1,2})?|INSIGHT|EXPLAINER|TIMELINE|PREVIEW|INTERVIEW|FEATURE|FOCUS|COLUMN|BREAKINGVIEWS|SPECIAL REPORT|GRAPHIC|POLL|ANÁLISIS|EXCLUSIVA|ENTREVISTA|REPORTAJE|ANALYSE|INTERVIEW` },
];

/** `UPDATE 2-`, `BREAKING:`, `URGENT `, `FLASH – `: a label and its separator at the start. */
const PREFIXES = LABELS.map((label) => ({ slot: label.slot, pattern: new RegExp(String.raw`^(${label.words})(?:\s*[-–—:|]\s*|\s+(?=\S))`, "u") }));
/** `(LEAD)`, `(2nd LD)`, `(URGENT)` before or after the headline. */
const BRACKETED = LABELS.map((label) => ({ slot: label.slot, start: new RegExp(String.raw`^\((${label.words})\)\s*`, "u"), end: new RegExp(String.raw`\s*\((${label.words})\)$`, "u") }));

const MAX_HEADLINE = 400;

/** The headline without its labels, and the labels (the first of each slot). */
export function splitHeadline(headline: string): { title: string; labels?: Labels } {
  // Longer than any headline: left alone, and the end patterns never scan a megabyte of spaces.
  if (headline.length > MAX_HEADLINE) return { title: headline };
  const labels: Labels = {};
  // A shouted headline (`FLASH FLOODS KILL 5`) gives its first word a separator before it is a label.
  const shouted = headline === headline.toUpperCase();
  let title = headline;
  for (let changed = true; changed; ) {
    changed = false;
    for (const { slot, pattern } of PREFIXES) {
      const match = pattern.exec(title);
      if (!match || match[0].length === title.length || (shouted && !/[-–—:|]/u.test(match[0]))) continue;
      labels[slot] ??= match[1]!;
      title = title.slice(match[0].length);
      changed = true;
    }
    for (const { slot, start, end } of BRACKETED) {
      for (const pattern of [start, end]) {
        const match = pattern.exec(title);
        if (!match || match[0].length === title.length) continue;
        labels[slot] ??= match[1]!;
        title = pattern === start ? title.slice(match[0].length) : title.slice(0, match.index);
        changed = true;
      }
    }
  }
  return Object.keys(labels).length === 0 ? { title } : { title: title.trim(), labels };
}
