/**
 * A deterministic synthetic corpus of wire copy for the benchmark: the same
 * seed number always gives the same files, byte for byte. Articles vary the
 * way agency copy does (sections, dateline styles, languages, sign-offs,
 * front matter, chrome left by scraping) and their sizes spread around the
 * real seed's size, which is the median.
 *
 *   tsx bench/corpus.ts --count 1000 --out bench/out/corpus-1000 [--seed 1]
 *
 * Dates spread over the three years before the build date (build-date.ts),
 * so the build places every article in the year it was generated for.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { TODAY } from "./build-date";

/** The size of seeds/000_854574d7f70e4787.txt, the one real article: the corpus median. */
export const MEDIAN_SEED_BYTES = 2462;

export interface GeneratedSeed {
  name: string;
  text: string;
}

/** mulberry32: small, fast and good enough to pick words; the same seed gives the same stream. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTIONS = ["Politics", "Economy", "World", "Sports", "Culture", "Science", "Health", "Technology", "Environment", "Business"];
const PLACES = ["Geneva", "LONDON", "Paris", "Madrid", "BERLIN", "WASHINGTON", "Brussels", "Tokyo", "Nairobi", "Buenos Aires", "NEW DELHI", "Mexico City", "Rome", "Lisbon", "Seoul"];
const AGENCIES = ["EFE", "Reuters", "AFP", "AP", "dpa", "ANSA", "Lusa", "Kyodo"];
const MONTHS_EN = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"];
const MONTHS_ES = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"];
const MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const PEOPLE = ["the foreign minister", "a government spokesperson", "the central bank governor", "union leaders", "the opposition leader", "health officials", "the coach", "local residents", "investors", "the prosecutor", "analysts", "the mayor"];
const VERBS = ["said", "warned", "told reporters", "added", "insisted", "announced", "confirmed", "acknowledged"];
const SUBJECTS = ["talks", "the agreement", "the budget", "the new law", "negotiations", "the inquiry", "the tournament", "the vaccine rollout", "exports", "the ceasefire", "the merger", "the summit", "inflation", "the election"];
const CLAUSES = [
  "would continue in the coming weeks despite mounting pressure from several quarters",
  "had reached a decisive stage after months of disagreement over the terms",
  "could be delayed until the end of the year if no compromise is found",
  "were expected to resume after a short break requested by both delegations",
  "marked the first significant progress since the crisis began last spring",
  "drew criticism from rights groups, who called the measures “insufficient & late”",
  "left markets uneasy as traders weighed the risk of a broader slowdown",
  "showed that cooperation <in practice> remained difficult between the parties",
  "would cost an estimated 4.5 billion euros over the next three years",
  "was approved by a narrow majority after a debate that lasted late into the night",
];
const QUOTES = [
  "We did not expect any major breakthrough today, but we are on a clearer path",
  "It is really up to them to decide which path they will pursue",
  "The situation remains serious, and we will not accept any delay",
  "Our priority is the safety of the people who live here",
  "These numbers show the economy is more resilient than many feared",
  "Nobody should be surprised; we warned about this for years",
];
const SPANISH = [
  "El Gobierno anunció este lunes un nuevo paquete de medidas para la reactivación de la economía y el empleo en las regiones más afectadas",
  "Según los datos publicados por el instituto de estadística, la inflación se moderó por tercer mes consecutivo en la zona del euro",
  "Los representantes de los sindicatos y de la patronal se reunieron en la sede del ministerio para negociar la reforma de las pensiones",
];
const FRENCH = [
  "Le gouvernement a présenté mardi un projet de loi qui vise à simplifier les démarches des entreprises et des ménages",
  "Selon les chiffres publiés par l'institut de la statistique, la croissance est restée solide au troisième trimestre dans la zone euro",
  "Les négociations entre les syndicats et le patronat se poursuivent dans un climat tendu, a indiqué une source proche du dossier",
];

type Pick = <T>(items: readonly T[]) => T;

/** Each language's commonest words, most frequent first: the head of the prose's word distribution (and what the build's language vote counts). */
const COMMON_WORDS: Record<"en" | "es" | "fr", readonly string[]> = {
  en: "the of and to in a said that for on is was with by as at from it has have be will are its an not but which were after their had this been who they also more than over would about".split(" "),
  es: "de la que el en y a los se del las un por con no una su para es al lo como más pero sus le ya o fue este ha según".split(" "),
  fr: "de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se il selon ont été".split(" "),
};
const ONSETS = "b c d f g h j k l m n p r s t v w z br ch cl cr dr fl gr pl pr sh st th tr".split(" ");
const VOWELS = "a e i o u ai ea ee ia io ou".split(" ");
const CODAS = ["", "", "n", "s", "r", "l", "t"];
const VOCABULARY = 5000;
/** Zipf's exponent for word frequencies: with this vocabulary the pack's 32-article blocks deflate about 3×, as English prose does with zlib (the templates alone: 14×). */
const ZIPF = 1.1;

/**
 * Body text with the statistics of prose: words (pseudo-words after each
 * language's commonest) drawn by Zipf's law, in sentences of 8 to 28 words.
 * Without it the templates repeat so much that the article pack deflates
 * about four times better than real copy would, and the bundle, and so the
 * largest corpus that fits, look far better than they are.
 */
function proseWriter(random: () => number, pick: Pick): (language: "en" | "es" | "fr") => string {
  const words = Array.from({ length: VOCABULARY }, () => {
    const syllables = 1 + Math.floor(random() * 4);
    return Array.from({ length: syllables }, () => pick(ONSETS) + pick(VOWELS)).join("") + pick(CODAS);
  });
  const weights: number[] = [];
  let sum = 0;
  for (let rank = 1; rank <= COMMON_WORDS.en.length + VOCABULARY; rank++) weights.push((sum += 1 / rank ** ZIPF));
  const word = (language: "en" | "es" | "fr") => {
    const target = random() * sum;
    let low = 0;
    let high = weights.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (weights[middle]! < target) low = middle + 1;
      else high = middle;
    }
    const common = COMMON_WORDS[language];
    return low < common.length ? common[low]! : words[(low - common.length) % VOCABULARY]!;
  };
  return (language) => {
    const sentence = Array.from({ length: 8 + Math.floor(random() * 21) }, () => word(language)).join(" ");
    return `${capitalise(sentence)}.`;
  };
}

const DAY_MS = 86_400_000;
/** Three years of copy, ending a few days before the build date. */
const SPAN_DAYS = 1090;

/** `count` seeds, named so that file order and ids are stable. */
export function generateCorpus(count: number, seed = 1): GeneratedSeed[] {
  const firstDay = Date.parse(`${TODAY}T00:00:00Z`) - (SPAN_DAYS + 4) * DAY_MS;
  const random = prng(seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)]!;
  const prose = proseWriter(random, pick);
  const seeds: GeneratedSeed[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${String(i).padStart(6, "0")}_${Math.floor(random() * 0xffffffff).toString(16).padStart(8, "0")}`;
    seeds.push({ name: `${id}.txt`, text: generateSeed(i, firstDay, random, pick, prose) });
  }
  return seeds;
}

function generateSeed(index: number, firstDay: number, random: () => number, pick: Pick, prose: (language: "en" | "es" | "fr") => string): string {
  // Log-normal sizes with the real seed as the median: most copy is short, a few pieces run long.
  const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const target = Math.min(12_000, Math.max(500, Math.round(MEDIAN_SEED_BYTES * Math.exp(0.45 * gaussian))));
  const date = new Date(firstDay + Math.floor(random() * SPAN_DAYS) * DAY_MS);
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  const agency = pick(AGENCIES);
  const place = pick(PLACES);
  const language = random() < 0.1 ? "es" : random() < 0.1 ? "fr" : ("en" as const);
  const style = index % 7;

  const frontMatter: string[] = [];
  let dateline: string;
  switch (style) {
    case 0:
      dateline = `${place}, ${MONTHS_EN[month]} ${day} (${agency}).- `;
      break;
    case 1:
      dateline = `${place.toUpperCase()}, ${MONTHS_EN[month]} ${day}, ${year} (${agency}) - `;
      break;
    case 2:
      dateline = `${place}, ${day} ${MONTHS_ES[month]} (${agency}).- `;
      break;
    case 3:
      dateline = `${place.toUpperCase()}, ${day} ${MONTHS_FR[month]} ${year} (${agency}) - `;
      break;
    case 4:
      dateline = `${place.toUpperCase()}, ${day}. ${MONTHS_DE[month]} (${agency}) - `;
      break;
    case 5:
      // No date in the dateline: the date comes from front matter.
      dateline = `${place.toUpperCase()} (${agency}) — `;
      frontMatter.push(`date: ${date.toISOString().slice(0, 10)}T${String(6 + Math.floor(random() * 14)).padStart(2, "0")}:30:00+01:00`);
      break;
    default:
      dateline = `${place}, ${MONTHS_EN[month]} ${day} (${agency}): `;
  }
  // The build refuses a year-less dateline in the two weeks after the day it records the story as advance copy
  // (parse-seed.ts): such a date in an earlier year is written down, as a desk back-filling old copy would. No
  // randomness is drawn for it, so every other seed stays byte for byte what it was.
  if (style !== 1 && style !== 3 && style !== 5 && readAsAdvance(month, day)) frontMatter.push(`date: ${date.toISOString().slice(0, 10)}T12:00:00Z`);
  if (random() < 0.3) frontMatter.push(`tags: ${pick(SUBJECTS).replace(/^the /, "")}, ${pick(PLACES)}`);
  // An update is only safe to state where the year is written down; elsewhere the build's year rule decides it.
  if ((style === 1 || style === 3 || style === 5) && random() < 0.2) frontMatter.push(`updated: ${new Date(date.getTime() + DAY_MS).toISOString().slice(0, 10)}T18:00:00Z`);

  // Mostly prose; the templates add what real copy has: quotes, markup characters, names.
  const sentence = (): string => {
    if (random() < 0.75) return prose(language);
    if (language === "es") return `${pick(SPANISH)}.`;
    if (language === "fr") return `${pick(FRENCH)}.`;
    return random() < 0.6
      ? `“${pick(QUOTES)},” ${pick(PEOPLE)} ${pick(VERBS)}.`
      : `${capitalise(pick(PEOPLE))} ${pick(VERBS)} ${pick(SUBJECTS)} ${pick(CLAUSES)}.`;
  };
  // Naming the weekday makes the build's year rule do its work, as in real copy.
  const weekday = style !== 5 && random() < 0.5 ? ` on ${WEEKDAYS[date.getUTCDay()]}` : "";
  const lede = language === "en" ? `${capitalise(pick(PEOPLE))}${weekday} ${pick(VERBS)} ${pick(SUBJECTS)} ${pick(CLAUSES)}.` : sentence();
  const paragraphs = [`${dateline}${lede} ${sentence()}`];
  let size = paragraphs[0]!.length;
  while (size < target - 300) {
    const paragraph = Array.from({ length: 1 + Math.floor(random() * 3) }, sentence).join(" ");
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  paragraphs[paragraphs.length - 1] += ` ${agency}`;
  const tail: string[] = [];
  if (random() < 0.6) tail.push(`${pick(["is", "pa", "jm", "ks"])}/${pick(["mp", "rt", "lg"])}`);
  if (random() < 0.3) tail.push("Related Articles", "Back to top button");

  const headline = `${capitalise(pick(SUBJECTS))} ${pick(["stall", "advance", "draw fire", "win backing", "face delay", "resume"])} in ${place.replace(/\b\w+/g, (w) => w[0] + w.slice(1).toLowerCase())} as ${pick(PEOPLE)} ${pick(VERBS).split(" ")[0]} ${index}`;
  const head = frontMatter.length === 0 ? [] : ["---", ...frontMatter, "---", ""];
  return [...head, pick(SECTIONS), "", headline, "", paragraphs.join("\n\n"), "", ...tail.flatMap((line) => [line, ""])].join("\n");
}

/** Whether the build would read a year-less `month`/`day` as advance copy: after TODAY's next day, within 14 days of it (parse-seed.ts, `advance`). */
function readAsAdvance(month: number, day: number): boolean {
  const today = Date.parse(`${TODAY}T00:00:00Z`);
  const year = new Date(today).getUTCFullYear();
  return [year, year + 1].some((candidate) => {
    const ms = Date.UTC(candidate, month, day);
    return new Date(ms).getUTCDate() === day && ms > today + DAY_MS && ms <= today + 14 * DAY_MS;
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Write the corpus as `<dir>/*.txt`, replacing whatever was there; returns the total raw size in bytes. */
export function writeCorpus(dir: string, count: number, seed = 1): { bytes: number; medianBytes: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sizes: number[] = [];
  for (const { name, text } of generateCorpus(count, seed)) {
    writeFileSync(join(dir, name), text);
    sizes.push(Buffer.byteLength(text));
  }
  sizes.sort((a, b) => a - b);
  return { bytes: sizes.reduce((a, b) => a + b, 0), medianBytes: sizes[Math.floor(sizes.length / 2)]! };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { count: { type: "string", default: "100" }, out: { type: "string", default: "bench/out/corpus" }, seed: { type: "string", default: "1" } } });
  const { bytes, medianBytes } = writeCorpus(values.out!, Number(values.count), Number(values.seed));
  console.log(`${values.count} seeds → ${values.out}: ${bytes} bytes, median ${medianBytes}`);
}
