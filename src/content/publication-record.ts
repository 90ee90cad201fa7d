import { parseDay } from "./calendar";
import type { Problem } from "./problems";

/**
 * The publication record: `published.tsv` in each seeds folder, one line per
 * article ever published from it, written by the build and committed with the
 * stories. It is what makes an article's date and URL permanent: they are
 * decided from it, not from the clock or git history, so a shallow clone, a
 * rebuild years later and every machine agree.
 *
 * Append-only: a line stays when its seed is removed (its URL stays taken).
 * With `merge=union` in .gitattributes, two branches that each add stories
 * merge without conflict; what such a merge can leave (an id or a URL recorded
 * twice) the build repairs, keeping the first line.
 */
export const RECORD_FILE = "published.tsv";

export interface RecordEntry {
  /** The article's id: its seed's file name without `.txt`, or front matter `id`. */
  id: string;
  /** `YYYY-MM-DD`, UTC: the day a build first saw the story. Its dateline's year is read relative to it. */
  published: string;
  /** Seconds after 12:00:00 UTC given to the story when its copy names only a day; undefined when it gives a time. */
  slot?: number;
  /** Its URL, `/articles/<slug>`, decided once. */
  slug: string;
  /** 1-based line in the file; 0 for an entry this build adds. */
  line: number;
}

/** One slot per second of the hour after noon UTC: see compile.ts, `WIRE_NOON`. */
export const SLOTS = 3600;

const HEADER = [
  "# wirefeed publication record: one line per article ever published from this folder.",
  "# `npm run build` adds a line for each new story; commit this file with the stories.",
  "# Never edit or remove a line: it fixes for good the day the story was published (its dateline's",
  "# year is read from it), the time it gets when its copy names only a day, and its URL.",
  "# id\tpublished\ttime\tslug",
];
const EXPECTED_LINE = "id<TAB>YYYY-MM-DD<TAB>12:MM:SS or -<TAB>slug, as the build writes it";
const ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TIME = /^12:([0-5]\d):([0-5]\d)$/;

/** A record as read: its entries (one per id, first line first) and what was wrong with it. */
export interface ParsedRecord {
  entries: RecordEntry[];
  problems: Problem[];
  /** Repairs: lines dropped because an earlier line records the same id. */
  warnings: Problem[];
}

/** Read a record's text; `file` names it in messages (`seeds/published.tsv`). */
export function parseRecord(text: string, file: string): ParsedRecord {
  const entries: RecordEntry[] = [];
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const byId = new Map<string, RecordEntry>();
  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/\r$/, "");
    if (content.trim() === "" || content.startsWith("#")) return;
    const entry = parseLine(content, line);
    if (typeof entry === "string") {
      problems.push({ file, line, found: `${entry} in "${content.replace(/\t/g, "\\t")}"`, expected: EXPECTED_LINE });
      return;
    }
    const first = byId.get(entry.id);
    if (first !== undefined) {
      warnings.push({ file, line, found: `id "${entry.id}" recorded again (first on line ${first.line}; a merge of two branches can leave this)`, expected: "one line per article; the build keeps the first and drops this one" });
      return;
    }
    byId.set(entry.id, entry);
    entries.push(entry);
  });
  return { entries, problems, warnings };
}

function parseLine(content: string, line: number): RecordEntry | string {
  const fields = content.split("\t");
  if (fields.length !== 4) return `${fields.length} field${fields.length === 1 ? "" : "s"}`;
  const [id, published, time, slug] = fields as [string, string, string, string];
  if (!ID.test(id)) return `id "${id}"`;
  if (parseDay(published) === undefined) return `date "${published}"`;
  const clock = TIME.exec(time);
  if (time !== "-" && clock === null) return `time "${time}"`;
  if (!SLUG.test(slug)) return `slug "${slug}"`;
  const slot = clock === null ? undefined : Number(clock[1]) * 60 + Number(clock[2]);
  return slot === undefined ? { id, published, slug, line } : { id, published, slot, slug, line };
}

/** The record's text for `entries`, in their order: what the build writes. */
export function formatRecord(entries: readonly RecordEntry[]): string {
  const lines = entries.map(({ id, published, slot, slug }) => [id, published, slot === undefined ? "-" : formatSlot(slot), slug].join("\t"));
  return [...HEADER, ...lines, ""].join("\n");
}

/** `12:MM:SS` for a slot. */
export function formatSlot(slot: number): string {
  return `12:${String(Math.floor(slot / 60)).padStart(2, "0")}:${String(slot % 60).padStart(2, "0")}`;
}
