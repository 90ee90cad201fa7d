/**
 * The seeds on disk: which entries of a seeds folder are read, their bytes,
 * and the folder's publication record. Entries that cannot be seeds are said
 * once, as `file: problem`, never as a stack trace.
 *
 * A seed is every entry whose name ends in `.txt`, in any case (`STORY.TXT`
 * too, as its id drops the extension in any case), except names starting with
 * a dot: editors' lock and backup files (`.#story.txt`) are not copy.
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { SeedFile, SeedFolder } from "../src/content/compile";
import type { Problem } from "../src/content/problems";
import { RECORD_FILE } from "../src/content/publication-record";

/** Which names in a seeds folder are seeds. */
export const SEED_NAME = /^[^.].*\.txt$/i;

/** The folders' seeds and records, and what could not be read. */
export interface SeedFolders {
  folders: SeedFolder[];
  /** Entries that should be seeds but cannot be read: the build fails. */
  problems: Problem[];
  /** Entries named like seeds that are not files: skipped. */
  warnings: Problem[];
}

/** Read the folders `dirs` (as given on the command line); paths in messages are relative to `cwd`. */
export function readSeedFolders(dirs: readonly string[], cwd = process.cwd()): SeedFolders {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const shown = (path: string) => relative(cwd, path).split("\\").join("/");
  const folders: SeedFolder[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir).filter((name) => SEED_NAME.test(name)).sort();
    } catch {
      problems.push({ file: dir, found: "cannot read the seeds folder", expected: "a folder of .txt articles" });
      continue;
    }
    const seeds: SeedFile[] = [];
    for (const name of names) {
      const path = join(dir, name);
      const file = shown(path);
      const read = readSeed(path);
      if ("bytes" in read) seeds.push({ file, bytes: read.bytes });
      else (read.skip ? warnings : problems).push({ file, found: read.found, expected: read.expected });
    }
    const record = readRecord(join(dir, RECORD_FILE));
    if (typeof record === "object") problems.push({ file: shown(join(dir, RECORD_FILE)), ...record });
    folders.push({ dir: shown(dir) || ".", seeds, ...(typeof record === "string" ? { record } : {}) });
  }
  return { folders, problems, warnings };
}

type Read = { bytes: Uint8Array } | { skip: boolean; found: string; expected: string };

function readSeed(path: string): Read {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if (isDanglingLink(path)) return { skip: false, found: `a symbolic link to "${readlinkSync(path)}", which does not exist`, expected: "a readable .txt file (or no link)" };
    return { skip: false, found: `cannot be read (${reason(error)})`, expected: "a readable .txt file" };
  }
  if (stats.isDirectory()) return { skip: true, found: "a folder named like a seed; skipped", expected: "a .txt file" };
  if (!stats.isFile()) return { skip: true, found: "not a regular file (a pipe, socket or device); skipped", expected: "a .txt file" };
  try {
    return { bytes: readFileSync(path) };
  } catch (error) {
    return { skip: false, found: `cannot be read (${reason(error)})`, expected: "a readable .txt file" };
  }
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The record's text; undefined when the folder has none yet; a problem when it cannot be read. */
function readRecord(path: string): string | undefined | { found: string; expected: string } {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    return { found: `cannot be read (${reason(error)})`, expected: "the folder's publication record, a readable file" };
  }
}

/** `EACCES: permission denied` rather than the whole stack. */
function reason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code === undefined ? String(message) : `${code}: ${message.replace(/^[A-Z]+: /, "").replace(/, \w+ '.*'$/, "")}`;
}
