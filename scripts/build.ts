/**
 * Build step: compile every `seeds/*.txt` into the module the Worker bundles.
 * Runs before `wrangler dev`, the tests and deploy. On any problem it prints
 * them all as `file:line: …`, removes the previous output and exits 1, so a
 * broken seed can never be served or deployed with stale articles.
 *
 *   tsx scripts/build.ts [--seeds DIR]... [--out FILE] [--reference YYYY-MM-DD] [--encoding NAME]
 *
 * Seed folders: every --seeds, else $WIREFEED_SEEDS (folders joined by `:`),
 * else `seeds`. The variable lets `wrangler dev`'s own build step, which runs
 * this script with no arguments, compile another corpus (the conformance suite
 * does so with its test seeds).
 *
 * The reference date (the year rule's "not after") is, in order: --reference,
 * $WIREFEED_REFERENCE_DATE, the newest commit date of the seeds directory when
 * it has no uncommitted changes, else today's date (with a note saying so).
 *
 * --encoding (or $WIREFEED_ENCODING): the encoding of seeds that are not UTF-8
 * and declare none in front matter (e.g. windows-1252).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync, renameSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { compileSeeds } from "../src/content/compile";
import { ENCODING_NAMES, encodingName } from "../src/content/decode";
import { formatProblem } from "../src/content/problems";
import { packArticles } from "../src/content/article-pack";
import { generatedModule, packPath } from "../src/content/bundle";
import { readSeedFolders } from "./seed-folders";

const { values: args } = parseArgs({
  options: {
    seeds: { type: "string", multiple: true },
    out: { type: "string", default: "src/generated/articles.ts" },
    reference: { type: "string" },
    encoding: { type: "string" },
    quiet: { type: "boolean", default: false },
  },
});
const seedDirs = args.seeds ?? (process.env.WIREFEED_SEEDS || "seeds").split(":").filter((dir) => dir !== "");
const outFile = args.out!;
const packFile = packPath(outFile);

function referenceDate(): { date: Date; from: string } {
  const given = args.reference ?? process.env.WIREFEED_REFERENCE_DATE;
  if (given !== undefined && given !== "") {
    const date = new Date(/T/.test(given) ? given : `${given}T23:59:59Z`);
    if (Number.isNaN(date.getTime())) fail([`reference date "${given}" is not a date, expected YYYY-MM-DD`]);
    return { date, from: args.reference ? "--reference" : "WIREFEED_REFERENCE_DATE" };
  }
  try {
    const git = (...a: string[]) => execFileSync("git", a, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = git("status", "--porcelain", "--", ...seedDirs) !== "";
    const committed = git("log", "-1", "--format=%cI", "--", ...seedDirs);
    if (!dirty && committed !== "") return { date: new Date(committed), from: `newest commit of ${seedDirs.join(", ")}` };
  } catch {
    // Not a git checkout (an unpacked tarball, say): fall through to today.
  }
  return { date: new Date(), from: `today: ${seedDirs.join(", ")} has uncommitted changes or no git history` };
}

function fallbackEncoding(): string | undefined {
  const given = args.encoding ?? (process.env.WIREFEED_ENCODING || undefined);
  if (given === undefined) return undefined;
  const name = encodingName(given);
  if (name === undefined) fail([`${args.encoding ? "--encoding" : "WIREFEED_ENCODING"} "${given}" is not an encoding wirefeed reads, expected one of ${ENCODING_NAMES}`]);
  return name;
}

function writeThenRename(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

function fail(lines: string[]): never {
  rmSync(outFile, { force: true });
  rmSync(packFile, { force: true });
  for (const line of lines) console.error(line);
  console.error(`wirefeed build failed: ${lines.length} problem${lines.length === 1 ? "" : "s"}; nothing was written.`);
  process.exit(1);
}

const started = performance.now();
const encoding = fallbackEncoding();
const read = readSeedFolders(seedDirs);
const seeds = read.folders.flatMap((folder) => folder.seeds);
if (read.problems.length === 0 && seeds.length === 0) fail([`${seedDirs.join(", ")}: no .txt seeds, expected at least one article`]);

const reference = referenceDate();
const { articles, problems, warnings } = compileSeeds(seeds, reference.date, encoding ? { fallbackEncoding: encoding } : {});
for (const warning of [...read.warnings, ...warnings]) console.warn(`warning: ${formatProblem(warning)}`);
if (read.problems.length + problems.length > 0) fail([...read.problems, ...problems].map(formatProblem));

mkdirSync(dirname(outFile), { recursive: true });
// The module imports src/content at run time: the path depends on where --out put it.
const contentDir = relative(dirname(outFile), join(dirname(fileURLToPath(import.meta.url)), "..", "src", "content")).split("\\").join("/");
// The pack first: the module that imports it appears only once both are complete.
writeThenRename(packFile, packArticles(articles));
writeThenRename(outFile, generatedModule(contentDir.startsWith(".") ? contentDir : `./${contentDir}`, basename(packFile)));
if (!args.quiet) {
  const ms = (performance.now() - started).toFixed(0);
  console.log(
    `wirefeed build: ${articles.length} article${articles.length === 1 ? "" : "s"} from ${seedDirs.map((dir) => `${dir.replace(/\/+$/, "")}/*.txt`).join(", ")} → ${outFile} in ${ms} ms (year reference ${reference.date.toISOString().slice(0, 10)}, from ${reference.from})`,
  );
}
