/**
 * Language detectors on wirefeed's own corpus of news copy
 * (tests/content/language-corpus: ledes of one or two sentences and longer
 * paragraphs, at least eight per language): accuracy per language, overall,
 * and time. Each detector's codes are read as BCP 47 primary subtags the way
 * the build reads them (`toSubtag`), so `nob` (franc) and `no` (eld, tinyld)
 * both count as `nb`, and `pes`/`prs` as `fa`. Undecided counts as wrong.
 *
 * `npx tsx bench/language.ts` prints the table; `BENCH_ONLY=language npm run
 * bench` writes it into bench/out/BENCHMARKS.md with the other sections.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { detectLanguage, toSubtag } from "../src/content/language";
import { detectByStopWords } from "./language-stop-words";
import { table, type SectionReport } from "./report";

const CORPUS = join(import.meta.dirname, "../tests/content/language-corpus");

export interface CorpusText {
  file: string;
  /** The language it is written in: the file name up to its first `-`. */
  language: string;
  text: string;
}

export function languageCorpus(): CorpusText[] {
  return readdirSync(CORPUS)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => ({ file, language: file.split("-")[0]!, text: readFileSync(join(CORPUS, file), "utf8") }));
}

type Detect = (text: string) => string | undefined;

interface Candidate {
  name: string;
  /** The package loaded, timed in a fresh Node process: what a build pays once. */
  module?: string;
  /** Imports the package and returns its detector, codes read as subtags. */
  load: () => Promise<Detect>;
}

const or = (code: string | undefined) => (code === undefined || code === "" || code === "und" ? undefined : toSubtag(code));

const CANDIDATES: Candidate[] = [
  { name: "hand-written stop words (before)", load: async () => detectByStopWords },
  { name: "franc-min 6.2.0 (82 languages)", module: "franc-min", load: async () => ((franc) => (text: string) => or(franc(text)))((await import("franc-min")).franc) },
  { name: "franc 6.2.0 (187)", module: "franc", load: async () => ((franc) => (text: string) => or(franc(text)))((await import("franc")).franc) },
  { name: "franc-all 7.2.0 (414)", module: "franc-all", load: async () => ((franc) => (text: string) => or(franc(text)))((await import("franc-all")).franc) },
  { name: "eld 2.1.0 large (60)", module: "eld/large", load: async () => ((eld) => (text: string) => or(eld.detect(text).language))((await import("eld/large")).eld) },
  { name: "eld 2.1.0 medium (60)", module: "eld/medium", load: async () => ((eld) => (text: string) => or(eld.detect(text).language))((await import("eld/medium")).eld) },
  { name: "eld 2.1.0 small (60)", module: "eld/small", load: async () => ((eld) => (text: string) => or(eld.detect(text).language))((await import("eld/small")).eld) },
  { name: "eld 2.1.0 extrasmall (60)", module: "eld/extrasmall", load: async () => ((eld) => (text: string) => or(eld.detect(text).language))((await import("eld/extrasmall")).eld) },
  { name: "tinyld 1.3.4 (64)", module: "tinyld", load: async () => ((detect) => (text: string) => or(detect(text)))((await import("tinyld")).detect) },
  { name: "tinyld 1.3.4 heavy (64)", module: "tinyld/heavy", load: async () => ((detect) => (text: string) => or(detect(text)))((await import("tinyld/heavy")).detect) },
  { name: "**wirefeed: eld medium, 30 letters or more**", module: "eld/medium", load: async () => detectLanguage },
];

interface Result {
  name: string;
  loadMs: number;
  msPerText: number;
  /** Per language: right answers and texts. */
  right: Map<string, number>;
  wrong: string[];
  /** Right answers on the texts cut to their first SHORT[i] characters. */
  short: number[];
}

/**
 * Headline-length cuts of every text: the copy a one-line lede or a brief
 * gives. Han, kana and Hangul say in 40 characters what Latin letters say in
 * 120, so this is hardest on the alphabets.
 */
const SHORT = [60, 120];

/** Runs every text through `detect` until at least `minMs` have passed, so short runs are not all timer noise. */
function timePerText(detect: Detect, texts: readonly CorpusText[], minMs: number): number {
  let runs = 0;
  const start = performance.now();
  do {
    for (const { text } of texts) detect(text);
    runs++;
  } while (performance.now() - start < minMs);
  return (performance.now() - start) / (runs * texts.length);
}

/** Milliseconds to import `module` in a fresh Node process, the median of three. */
function loadTime(module: string | undefined): number {
  if (module === undefined) return 0;
  const script = `const start = performance.now(); await import(${JSON.stringify(module)}); console.log(performance.now() - start);`;
  const times = [0, 1, 2].map(() => Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })));
  return times.sort((a, b) => a - b)[1]!;
}

async function measure(candidate: Candidate, corpus: readonly CorpusText[]): Promise<Result> {
  const detect = await candidate.load();
  const loadMs = loadTime(candidate.module);
  const right = new Map<string, number>();
  const wrong: string[] = [];
  for (const { file, language, text } of corpus) {
    const found = detect(text);
    if (found === language) right.set(language, (right.get(language) ?? 0) + 1);
    else wrong.push(`${file}: ${found ?? "undecided"}`);
  }
  const short = SHORT.map((chars) => corpus.filter(({ language, text }) => detect(text.slice(0, chars)) === language).length);
  return { name: candidate.name, loadMs, msPerText: timePerText(detect, corpus, 300), right, wrong, short };
}

/** The comparison as markdown: one row per language, one column per detector. */
export async function languageReport(): Promise<{ markdown: string; results: Result[] }> {
  const corpus = languageCorpus();
  const languages = [...new Set(corpus.map((text) => text.language))];
  const total = (language: string) => corpus.filter((text) => text.language === language).length;
  const results: Result[] = [];
  for (const candidate of CANDIDATES) results.push(await measure(candidate, corpus));
  const percent = (right: number, of: number) => `${Math.round((100 * right) / of)} %`;
  const rows = languages.map((language) => [`${language} (${total(language)})`, ...results.map((r) => `${r.right.get(language) ?? 0}/${total(language)}`)]);
  const right = (r: Result) => [...r.right.values()].reduce((a, b) => a + b, 0);
  rows.push([`**all** (${corpus.length})`, ...results.map((r) => `${right(r)} (${percent(right(r), corpus.length)})`)]);
  SHORT.forEach((chars, i) => rows.push([`first ${chars} characters only`, ...results.map((r) => `${r.short[i]} (${percent(r.short[i]!, corpus.length)})`)]));
  rows.push(["ms per text", ...results.map((r) => r.msPerText.toFixed(3))]);
  rows.push(["ms to load (fresh process)", ...results.map((r) => r.loadMs.toFixed(0))]);
  const markdown = `${table(["Language (texts)", ...results.map((r) => r.name)], rows)}

Wrong or undecided, by the chosen detector: ${results.at(-1)!.wrong.join("; ") || "none"}.`;
  return { markdown, results };
}

/** The bench section (`BENCH_ONLY=language`): no goal of issue 11, so no verdicts. */
export async function languageSection(): Promise<SectionReport> {
  return { verdicts: [], details: (await languageReport()).markdown };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { markdown, results } = await languageReport();
  console.log(markdown);
  for (const r of results) if (r.wrong.length > 0) console.error(`\n${r.name} missed: ${r.wrong.join("; ")}`);
}
