import type { Labels } from "../content/article";

/**
 * What an agency's headline prefix (`URGENT:`, `UPDATE 2-`, `EXCLUSIVE-`)
 * tells a reader, in words a news site puts above a headline: `Breaking`,
 * `Update 2`, `Exclusive`. The prefixes are desk shorthand in capitals; the
 * words are the article's language where this table has it, else English.
 */
type Word = "breaking" | "update" | "updated" | "corrected" | "exclusive" | "analysis" | "factbox" | "roundup" | "explainer" | "interview";

const WORDS: Record<string, Record<Word, string>> = {
  en: { breaking: "Breaking", update: "Update", updated: "Updated", corrected: "Corrected", exclusive: "Exclusive", analysis: "Analysis", factbox: "Factbox", roundup: "Roundup", explainer: "Explainer", interview: "Interview" },
  es: { breaking: "Última hora", update: "Actualización", updated: "Actualizada", corrected: "Corregida", exclusive: "Exclusiva", analysis: "Análisis", factbox: "Claves", roundup: "Resumen", explainer: "Explicador", interview: "Entrevista" },
  pt: { breaking: "Última hora", update: "Atualização", updated: "Atualizada", corrected: "Corrigida", exclusive: "Exclusivo", analysis: "Análise", factbox: "Factos", roundup: "Resumo", explainer: "Explicador", interview: "Entrevista" },
  fr: { breaking: "Urgent", update: "Mise à jour", updated: "Mis à jour", corrected: "Corrigé", exclusive: "Exclusif", analysis: "Analyse", factbox: "Repères", roundup: "Synthèse", explainer: "Décryptage", interview: "Entretien" },
  de: { breaking: "Eilmeldung", update: "Aktualisierung", updated: "Aktualisiert", corrected: "Korrigiert", exclusive: "Exklusiv", analysis: "Analyse", factbox: "Fakten", roundup: "Zusammenfassung", explainer: "Erklärstück", interview: "Interview" },
  it: { breaking: "Ultim'ora", update: "Aggiornamento", updated: "Aggiornato", corrected: "Corretto", exclusive: "Esclusiva", analysis: "Analisi", factbox: "Scheda", roundup: "Sintesi", explainer: "Approfondimento", interview: "Intervista" },
};

/** Kind prefixes by the word they mean (as agencies write them, lowercase, any trailing number dropped). */
const KINDS: Record<string, Word> = {
  exclusive: "exclusive",
  exclusiva: "exclusive",
  exclusivo: "exclusive",
  exclusif: "exclusive",
  exklusiv: "exclusive",
  esclusiva: "exclusive",
  analysis: "analysis",
  análisis: "analysis",
  analyse: "analysis",
  analisi: "analysis",
  factbox: "factbox",
  wrapup: "roundup",
  roundup: "roundup",
  explainer: "explainer",
  interview: "interview",
};

/** A version that says nothing to a reader: a refile or a repeat corrects a code or a typo, or sends the same story again. */
const QUIET_VERSIONS = /^(?:refile|repeat|rpt|resend)\b/i;
const CORRECTED = /^(?:correct|corrig|correc|korrig|rectific|retific|corretto)/i;

/** The language whose words labels are written in for an article in `language`. */
export function labelLanguage(language: string): string {
  const primary = language.toLowerCase().split("-")[0]!;
  return primary in WORDS ? primary : "en";
}

/**
 * The kicker's words for `labels`, most important first: priority, then
 * version, then kind (`Breaking · Update 2`). Empty when there is nothing a
 * reader needs told.
 */
export function labelWords(labels: Labels | undefined, language: string): string[] {
  if (labels === undefined) return [];
  const words = WORDS[labelLanguage(language)]!;
  const shown: string[] = [];
  // Every priority (FLASH, URGENT, BREAKING, URGENTE, BULLETIN) says the same to a reader.
  if (labels.priority !== undefined) shown.push(words.breaking);
  if (labels.version !== undefined) {
    const version = labels.version.trim();
    // `UPDATE 2`, `2nd LD`, `2nd Ld-Writethru`, `LEAD 3`: the story's second (third) version.
    const number = /\d+/.exec(version)?.[0];
    if (CORRECTED.test(version)) shown.push(words.corrected);
    else if (!QUIET_VERSIONS.test(version)) shown.push(number === undefined ? words.updated : `${words.update} ${Number(number)}`);
  }
  if (labels.kind !== undefined) {
    const kind = labels.kind.trim();
    const word = KINDS[kind.toLowerCase().replace(/[\s\d-]+$/, "")];
    shown.push(word === undefined ? sentenceCase(kind) : words[word]);
  }
  return shown;
}

/** `FACT CHECK` → `Fact check`: a prefix shouted on the wire, said as a heading says it. */
function sentenceCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
