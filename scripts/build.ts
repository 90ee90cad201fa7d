/**
 * Build step: compile every `seeds/*.txt` into the module the Worker bundles.
 * Runs before `wrangler dev`, the tests and deploy. On any problem it prints
 * them all as `file:line: …`, removes the previous output and exits 1, so a
 * broken seed can never be served or deployed with stale articles.
 *
 *   tsx scripts/build.ts [--seeds DIR]... [--out FILE] [--today YYYY-MM-DD] [--frozen] [--encoding NAME] [--var NAME:VALUE]... [--date-checked ID]... [--republish ID]... [--archive-page-size N] [--quiet]
 *
 * Seed folders: every --seeds, else $WIREFEED_SEEDS (folders joined by `:`),
 * else `seeds`. The variable lets `wrangler dev`'s own build step, which runs
 * this script with no arguments, compile another corpus (the conformance suite
 * does so with its test seeds).
 *
 * Each folder's publication record (`published.tsv`, src/content/publication-record.ts)
 * gets a line for every story it does not hold yet, recorded as published
 * today: --today, else $WIREFEED_TODAY (for tests and replays of a history),
 * recorded at that day's 00:00:00 UTC, else the clock's UTC date and instant.
 * $WIREFEED_NOW (an RFC 3339 instant) stands for the clock in replays of a
 * desk's day, where the instant of each step matters (tests/scripts/story-life.test.ts).
 * --date-checked ID records that the publisher checked that story's date,
 * which silences the warning about a dateline read as more than a year old.
 * The record also keeps each story's versions, embargo and withdrawal (issue
 * 17): --republish ID publishes a withdrawn story again, and
 * --archive-page-size N fixes the site's archive page size when the record
 * has none yet (default 50; a different one later is refused). The record is
 * written only when it changes, and only by a build that succeeds. With
 * --frozen (or WIREFEED_FROZEN=1) the build fails instead of changing it: what
 * deploys must be what was committed. A dev build (`npm start`, `wrangler
 * dev`) compiles the seeds as a build would publish them now, and writes no
 * record: a preview publishes nothing.
 *
 * The seeds are parsed in threads, a share each, one per core up to
 * MAX_THREADS when there are enough of them to pay for a thread
 * (scripts/parse-threads.ts); $WIREFEED_BUILD_THREADS sets how many threads
 * (1: this one alone). The output is the same for any.
 *
 * --encoding (or $WIREFEED_ENCODING): the encoding of seeds that are not UTF-8
 * and declare none in front matter (e.g. windows-1252).
 *
 * --var NAME:VALUE: a variable the Worker will run with over wrangler.toml's
 * [vars], as `wrangler dev --var` and `wrangler deploy --var` give it; the
 * documents the build prerenders are made for that configuration (`npm start`
 * serves on localhost, the tests' Worker has its own variables).
 *
 * --no-stored-documents: no section or tag feed or sitemap part is rendered
 * into the [assets] folder (src/http/prerendered.ts, `storedNames`); the
 * Worker renders them on first use. `npm start` builds so: its one isolate
 * stays warm, and a folder that changed with every save made wrangler dev
 * reload twice, holding requests for over a second.
 */
import { mkdirSync, rmSync, writeFileSync, renameSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseDay } from "../src/content/calendar";
import { compileSeeds } from "../src/content/compile";
import { ENCODING_NAMES, encodingName } from "../src/content/decode";
import { formatProblem, type Problem } from "../src/content/problems";
import { RECORD_FILE } from "../src/content/publication-record";
import { BUNDLED_BYTES, PER_BLOCK, openCorpus, packArticlesConcurrently, type ArchiveFiles } from "../src/content/article-pack";
import { archivePath, generatedModule, packPath, prerenderedPath } from "../src/content/bundle";
import { envVars, type Env } from "../src/config";
import { warmUpLanguages } from "../src/http/warm-up";
import { isDevBuild, serveProblemsInDev } from "./dev-build";
import { parseInThreads, threadCount } from "./parse-threads";
import { prerender, wranglerVars } from "./prerender";
import { readSeedFolders } from "./seed-folders";

const { values: args } = parseArgs({
  options: {
    seeds: { type: "string", multiple: true },
    out: { type: "string", default: "src/generated/articles.ts" },
    today: { type: "string" },
    frozen: { type: "boolean", default: false },
    encoding: { type: "string" },
    var: { type: "string", multiple: true },
    "date-checked": { type: "string", multiple: true },
    republish: { type: "string", multiple: true },
    "archive-page-size": { type: "string" },
    quiet: { type: "boolean", default: false },
    "no-stored-documents": { type: "boolean", default: false },
  },
});
const seedDirs = args.seeds ?? (process.env.WIREFEED_SEEDS || "seeds").split(":").filter((dir) => dir !== "");
const outFile = args.out!;
const packFile = packPath(outFile);
const prerenderedFile = prerenderedPath(outFile);
const archiveDir = archivePath(outFile);

/** The day new stories are recorded as published, `YYYY-MM-DD` in UTC. */
function buildToday(): string {
  const given = args.today ?? (process.env.WIREFEED_TODAY || undefined);
  if (given === undefined) return new Date(clock).toISOString().slice(0, 10);
  if (parseDay(given) === undefined) fail([`${args.today ? "--today" : "WIREFEED_TODAY"} "${given}" is not a date, expected YYYY-MM-DD`]);
  return given;
}

function fallbackEncoding(): string | undefined {
  const given = args.encoding ?? (process.env.WIREFEED_ENCODING || undefined);
  if (given === undefined) return undefined;
  const name = encodingName(given);
  if (name === undefined) fail([`${args.encoding ? "--encoding" : "WIREFEED_ENCODING"} "${given}" is not an encoding wirefeed reads, expected one of ${ENCODING_NAMES}`]);
  return name;
}

/** wrangler.toml's [vars] with every --var over them: the configuration the Worker will run with. */
function workerVars(): Env {
  const vars: Record<string, string> = { ...wranglerVars() };
  for (const given of args.var ?? []) {
    const colon = given.indexOf(":");
    if (colon < 1) fail([`--var "${given}" is not NAME:VALUE, expected a variable and its value such as --var SITE_URL:http://localhost:8787`]);
    vars[given.slice(0, colon)] = given.slice(colon + 1);
  }
  return envVars(vars);
}

/**
 * How much of the pack the Worker bundle keeps (src/content/article-pack.ts):
 * WIREFEED_BUNDLED_BYTES of deflated blocks (default 4 MiB), older ones
 * archived; WIREFEED_BLOCK_ARTICLES articles a block (default 32). Tests set
 * them small to archive a small corpus.
 */
function packOptions(): { perBlock: number; bundledBytes: number } {
  const setting = (name: string, fallback: number, least: number) => {
    const given = process.env[name];
    if (given === undefined || given === "") return fallback;
    if (!/^\d+$/.test(given) || Number(given) < least) fail([`${name} "${given}" is not a whole number of at least ${least}`]);
    return Number(given);
  };
  return {
    perBlock: setting("WIREFEED_BLOCK_ARTICLES", PER_BLOCK, 1),
    bundledBytes: setting("WIREFEED_BUNDLED_BYTES", BUNDLED_BYTES, 0),
  };
}

/**
 * The archived blocks and stored documents, as the whole folder: written
 * beside it, then put in its place, so the folder holds exactly this build's
 * files (wrangler uploads only those it does not have: each file's name is its
 * content's hash).
 */
function writeArchive(dir: string, files: ArchiveFiles): void {
  const temporary = join(dirname(dir), `.${basename(dir)}.tmp`);
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(temporary, name), bytes);
  // A folder wrangler serves must exist, even empty.
  rmSync(dir, { recursive: true, force: true });
  renameSync(temporary, dir);
}

function writeThenRename(file: string, data: string | Uint8Array): void {
  // A dot name: the build never reads it as a seed, and .gitignore has *.tmp.
  const temporary = join(dirname(file), `.${basename(file)}.tmp`);
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

/**
 * Every warning, up to a hundred: a publisher importing years of archives can
 * get thousands ("more than a year before…" for each back-filled story), and
 * a screenful says what they are; WIREFEED_WARNINGS=all lists every one.
 */
function printWarnings(list: readonly Problem[]): void {
  const shown = process.env.WIREFEED_WARNINGS === "all" ? list : list.slice(0, WARNINGS_SHOWN);
  for (const warning of shown) console.warn(`warning: ${formatProblem(warning)}`);
  if (shown.length < list.length) console.warn(`warning: … and ${list.length - shown.length} more (WIREFEED_WARNINGS=all npm run build lists every one)`);
}

const WARNINGS_SHOWN = 100;

function fail(lines: string[]): never {
  if (isDevBuild()) serveProblemsInDev(outFile, lines);
  rmSync(outFile, { force: true });
  rmSync(packFile, { force: true });
  rmSync(prerenderedFile, { force: true });
  rmSync(archiveDir, { recursive: true, force: true });
  for (const line of lines) console.error(line);
  console.error(`wirefeed build failed: ${lines.length} problem${lines.length === 1 ? "" : "s"}; nothing was written.`);
  process.exit(1);
}

/** --archive-page-size: a whole number of articles, at least 1. */
function archivePageSize(): number | undefined {
  const given = args["archive-page-size"];
  if (given === undefined) return undefined;
  if (!/^[1-9]\d{0,5}$/.test(given)) fail([`--archive-page-size "${given}" is not a number of articles, expected a whole number from 1 to 999999`]);
  return Number(given);
}

const started = performance.now();
/** The clock: $WIREFEED_NOW for replays, else the machine's. */
function readClock(): number {
  const given = process.env.WIREFEED_NOW || undefined;
  if (given === undefined) return Date.now();
  const ms = Date.parse(given);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(given) || Number.isNaN(ms)) {
    console.error(`WIREFEED_NOW "${given}" is not an instant, expected YYYY-MM-DDTHH:MM:SSZ`);
    process.exit(1);
  }
  return ms;
}

// One reading of the clock: the day and the instant new record lines are written with agree.
const clock = readClock();
const today = buildToday();
const now = (args.today ?? (process.env.WIREFEED_TODAY || undefined)) !== undefined ? undefined : Math.floor(clock / 1000) * 1000;
const frozen = args.frozen || ["1", "true"].includes(process.env.WIREFEED_FROZEN ?? "");
const encoding = fallbackEncoding();
const vars = workerVars();
const read = readSeedFolders(seedDirs);
if (read.problems.length === 0 && read.folders.every((folder) => folder.seeds.length === 0)) {
  fail([`${seedDirs.join(", ")}: no .txt seeds, expected at least one article`]);
}

const threads = threadCount(
  read.folders.reduce((sum, folder) => sum + folder.seeds.length, 0),
  process.env.WIREFEED_BUILD_THREADS,
);
if (typeof threads === "string") fail([threads]);

let compiled;
try {
  const pageSize = archivePageSize();
  const siteAgency = vars.SITE_AGENCY?.trim() || undefined;
  const options = {
    today,
    ...(now === undefined ? {} : { now }),
    dateChecked: args["date-checked"] ?? [],
    republish: args.republish ?? [],
    ...(pageSize === undefined ? {} : { archivePageSize: pageSize }),
    ...(encoding ? { fallbackEncoding: encoding } : {}),
    ...(siteAgency ? { siteAgency } : {}),
  };
  compiled = compileSeeds(read.folders, options, await parseInThreads(read.folders, options, threads));
} catch (error) {
  // A bug, not a bad seed: say so with its stack, and still leave no output behind.
  fail([`wirefeed build: internal error: ${error instanceof Error ? error.stack : String(error)}`]);
}
const { articles, problems, warnings, records, withdrawn } = compiled;
// A preview publishes nothing: the dev server shows the drafts as a build would publish them now, and records none of it.
const preview = isDevBuild();
const refused = frozen ? records.flatMap((record) => record.changes) : [];
// A record repair is a warning, or, when frozen, one of the problems: said once.
printWarnings([...read.warnings, ...warnings].filter((warning) => !refused.includes(warning)));
if (read.problems.length + problems.length + refused.length > 0) fail([...read.problems, ...problems, ...refused].map(formatProblem));

// The records first: they are what the next build reads, and a write that fails leaves no output either.
records.forEach((record, i) => {
  if (preview || record.text === (read.folders[i]!.record ?? "")) return;
  try {
    writeThenRename(join(seedDirs[i]!, RECORD_FILE), record.text);
  } catch (error) {
    fail([`${record.file}: cannot be written (${(error as Error).message}), expected a writable seeds folder`]);
  }
});
mkdirSync(dirname(outFile), { recursive: true });
// The module imports src/content at run time: the path depends on where --out put it.
const srcDir = relative(dirname(outFile), join(dirname(fileURLToPath(import.meta.url)), "..", "src")).split("\\").join("/");
// The data first: the module that imports it appears only once all of it is complete.
// The compilation's withdrawals and archive page size travel in the pack: the Worker reads nothing else.
const { pack, archive } = await packArticlesConcurrently(articles, { ...packOptions(), withdrawn, archivePageSize: compiled.archivePageSize });
const prerendered = await prerender(openCorpus(pack), vars, archive, Date.now, !args["no-stored-documents"], warmUpLanguages(articles));
writeArchive(archiveDir, new Map([...archive, ...prerendered.files]));
writeThenRename(packFile, pack);
writeThenRename(prerenderedFile, prerendered.module);
writeThenRename(outFile, generatedModule(srcDir.startsWith(".") ? srcDir : `./${srcDir}`, basename(packFile), basename(prerenderedFile)));
if (!args.quiet) {
  const ms = (performance.now() - started).toFixed(0);
  const recorded = records.filter((record) => record.added > 0).map((record) => `; ${record.added} new stor${record.added === 1 ? "y" : "ies"} ${preview ? "previewed, not recorded (npm run build records)" : `recorded in ${record.file}`}`);
  console.log(
    `wirefeed build: ${articles.length} article${articles.length === 1 ? "" : "s"} from ${seedDirs.map((dir) => `${dir.replace(/\/+$/, "")}/*.txt`).join(", ")} → ${outFile} in ${ms} ms (today ${today}${recorded.join("")})`,
  );
}
