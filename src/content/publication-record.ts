import { formatInstant, parseDay } from "./calendar";
import type { Problem } from "./problems";

/**
 * The publication record: `published.tsv` in each seeds folder, written by the
 * build and committed with the stories. It decides every published id, URL
 * and instant, not the clock or git history, so a shallow clone, a rebuild
 * years later and every machine agree. README, "Publishing over time".
 *
 * Format 2, a ledger: a header line `wirefeed-record<TAB>2`, then one line per
 * event, never edited or removed, each TAB-separated:
 *
 *   published   <n> <id> <recorded> <instant> <slug> <fingerprint> [<copy>] <check>
 *   moved       <n> <id> <recorded> <instant> <slug> <check>
 *   checked     <n> <id> <recorded> <check>
 *   version     <n> <id> <recorded> <updated> <copy> <check>
 *   embargo     <n> <id> <recorded> <instant> <check>
 *   withdrawn   <n> <id> <recorded> <check>
 *   republished <n> <id> <recorded> <check>
 *   setting     <n> <name> <recorded> <value> <check>
 *
 * - `n` numbers the lines as the build appended them (1, 2, …): a number
 *   missing below the highest is a line removed. Two branches may each write
 *   the same `n`; a union merge keeps both, and the next build goes on from
 *   the highest.
 * - `recorded` is the instant the build wrote the line (UTC, to the second;
 *   `--today D` records `DT00:00:00Z`). The story's first `recorded` day is
 *   the day its dateline's year is read from.
 * - `instant` is the story's `published`, `-` when unknown (a story migrated
 *   from format 1 whose seed was gone); `slug` its URL, `/articles/<slug>`.
 * - `fingerprint`, `<headline hash>.<first paragraph hash>` of the first
 *   version: a seed under a recorded id must keep one of the two, or it is
 *   another story reusing the id (a file name used again).
 * - `moved` is a repair after a union merge gave one URL or instant to two
 *   stories: the earlier `recorded` (then the smaller id) keeps it, the other
 *   moves; every URL a line ever gave a story stays reserved for it.
 * - `checked`: the publisher checked the story's date (`npm run build --
 *   --date-checked <id>`), which silences the warning about an old dateline.
 * - `copy` (a `published` line's optional last field, a `version` line's):
 *   8 hex digits hashing what readers read of the story (headline, summary,
 *   paragraphs, note), so a build tells a new version from a rebuild. Lines
 *   written before versions were recorded have none: the next build records
 *   the copy as it stands in a `version` line whose `updated` is `-`.
 * - `version`: the build saw a new version of the story (its file edited, or a
 *   seed that `replaces:` it); `updated` is the instant the story was updated
 *   (the line's `recorded`), `-` for a version that is no update (a `REFILE`,
 *   or the copy as it stood when versions began to be recorded).
 * - `embargo`: the story is held until `instant`, its `published`; the latest
 *   line says, and a later one may move it only while the last has not passed.
 * - `withdrawn` / `republished`: the story was taken back (its seed says
 *   `status: withdrawn`, or every file of it was deleted) / published again
 *   (`npm run build -- --republish <id>`); the latest line says which holds.
 * - `setting`: a value fixed once for the site, in the first seeds folder's
 *   record: `archive-page-size` (articles per archive page, never FEED_ITEMS).
 * - `check` is 8 hex digits of FNV-1a over the line's other fields: a line
 *   edited by hand stops the build, naming it. It detects accidents, not
 *   forgery; git's history of the file is the audit.
 *
 * Lines are independent of each other and of their order, so git's
 * `merge=union` (.gitattributes) merges two branches' records, and what a
 * build makes of a record is the same whatever order the lines come in.
 * Format 1 (`id<TAB>YYYY-MM-DD<TAB>12:MM:SS|-<TAB>slug`, no header) is read
 * and rewritten as format 2, its lines numbered in file order. Every event kind
 * takes the same shape (kind, n, id, recorded, its fields, check), so a
 * wirefeed that predates a kind names its line rather than misreading it.
 */
export const RECORD_FILE = "published.tsv";

export const FORMAT = 2;

/** One line that gives a story a URL and an instant: `published` or `moved` (format 1 lines read as `published`). */
export interface Claim {
  kind: "published" | "moved";
  n: number;
  id: string;
  /** ms since the epoch. */
  recorded: number;
  /** ms since the epoch; undefined when unknown (`-`). */
  instant?: number;
  slug: string;
  /** `published` only; undefined when unknown (`-`). */
  fingerprint?: string;
  /** `published` only: the hash of the copy first recorded; undefined on lines written before versions were recorded. */
  copy?: string;
  /** Format 1 only: seconds after 12:00:00 UTC given to a story whose copy names only a day. */
  slot?: number;
  /** Format 1 only: the line gave no slot (its copy gave a time). */
  timed?: boolean;
  /** 1-based line in the file. */
  line: number;
}

/** A `checked` line. */
export interface Checked {
  kind: "checked";
  n: number;
  id: string;
  recorded: number;
  line: number;
}

/** A `version` line: a new version of the story, seen by the build at `recorded`. */
export interface Version {
  kind: "version";
  n: number;
  id: string;
  recorded: number;
  /** The instant the story was updated; undefined (`-`) for a version that is no update (a refile, a baseline). */
  updated?: number;
  /** The hash of the version's copy (`copyHash`). */
  copy: string;
  line: number;
}

/** An `embargo` line: the story is held until `instant`. */
export interface Embargo {
  kind: "embargo";
  n: number;
  id: string;
  recorded: number;
  instant: number;
  line: number;
}

/** A `withdrawn` or `republished` line. */
export interface Withdrawing {
  kind: "withdrawn" | "republished";
  n: number;
  id: string;
  recorded: number;
  line: number;
}

/** A `setting` line: `name` fixed to `value` for the site. */
export interface Setting {
  kind: "setting";
  n: number;
  name: string;
  recorded: number;
  value: number;
  line: number;
}

/** The settings a record may fix: articles per archive page. */
export const SETTINGS = ["archive-page-size"] as const;

/** A record as read. */
export interface ParsedRecord {
  format: 1 | 2;
  claims: Claim[];
  checked: Checked[];
  versions: Version[];
  embargoes: Embargo[];
  /** `withdrawn` and `republished` lines. */
  withdrawals: Withdrawing[];
  settings: Setting[];
  /** The highest line number in it (0 when empty): the build numbers new lines after it. */
  last: number;
  problems: Problem[];
}

/** One slot per second of the hour after noon UTC: see compile.ts, `WIRE_NOON`. */
export const SLOTS = 3600;
/** The longest slug the Worker's router answers (src/render/urls.ts): a recorded URL must answer. */
export const MAX_SLUG = 128;

const HEADER = [
  "# wirefeed publication record (README, \"Publishing over time\"). `npm run build` appends a line for",
  "# each new story; commit this file with the stories. Never edit, reorder or remove a line: each",
  "# fixes for good a story's id, URL and published instant, and carries a checksum of its fields.",
  `wirefeed-record\t${FORMAT}`,
];
const EXPECTED_V2 = "a line as the build writes it: published|moved|checked|version|embargo|withdrawn|republished|setting<TAB>n<TAB>id<TAB>… <TAB>checksum";
const EXPECTED_V1 = "id<TAB>YYYY-MM-DD<TAB>12:MM:SS or -<TAB>slug, as the build writes it";
const RESTORE = "the line as the build wrote it: restore it from git (`git log -p -- seeds/published.tsv`)";
const ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TIME = /^12:([0-5]\d):([0-5]\d)$/;
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const FINGERPRINT = /^[0-9a-f]{8}\.[0-9a-f]{8}$/;
const COPY = /^[0-9a-f]{8}$/;
const COUNT = /^[1-9]\d{0,8}$/;

/** Read a record's text in any line ending, with or without a BOM; `file` names it in messages. */
export function parseRecord(text: string, file: string): ParsedRecord {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const problems: Problem[] = [];
  const claims: Claim[] = [];
  const checked: Checked[] = [];
  const versions: Version[] = [];
  const embargoes: Embargo[] = [];
  const withdrawals: Withdrawing[] = [];
  const settings: Setting[] = [];
  const headerAt = lines.findIndex((content) => /^wirefeed-record(\t|$)/.test(content));
  const format = headerAt === -1 ? 1 : 2;
  if (headerAt !== -1 && lines[headerAt] !== `wirefeed-record\t${FORMAT}`) {
    problems.push({ file, line: headerAt + 1, found: `"${shown(lines[headerAt]!)}", a record format this wirefeed does not read`, expected: `wirefeed-record<TAB>${FORMAT} (a newer wirefeed wrote it? update this project)` });
    return { format, claims, checked, versions, embargoes, withdrawals, settings, last: 0, problems };
  }
  lines.forEach((content, index) => {
    const line = index + 1;
    if (content.trim() === "" || index === headerAt) return;
    if (content.startsWith("#")) {
      // Comments are the publisher's, above the header; a record line turned into one is a line removed.
      const uncommented = content.replace(/^#+\s*/, "");
      const wasLine = typeof (format === 1 ? parseV1(uncommented, line, 0) : parseV2(uncommented, line)) !== "string";
      if (wasLine) problems.push({ file, line, found: `a record line commented out: "${shown(content)}"`, expected: `${RESTORE}, without the #` });
      else if (format === 2 && line > headerAt + 1) problems.push({ file, line, found: `a comment among the record's lines: "${shown(content)}"`, expected: "comments only above the wirefeed-record line (the build writes none below it)" });
      return;
    }
    if (format === 2 && line < headerAt + 1) {
      problems.push({ file, line, found: `"${shown(content)}" above the wirefeed-record line`, expected: "only comments there" });
      return;
    }
    const read = format === 1 ? parseV1(content, line, claims.length + 1) : parseV2(content, line);
    if (typeof read === "string") {
      problems.push({ file, line, found: `${read} in "${shown(content)}"`, expected: format === 1 ? EXPECTED_V1 : read.startsWith("checksum") ? RESTORE : EXPECTED_V2 });
    } else if (read.kind === "checked") {
      checked.push(read);
    } else if (read.kind === "version") {
      versions.push(read);
    } else if (read.kind === "embargo") {
      embargoes.push(read);
    } else if (read.kind === "withdrawn" || read.kind === "republished") {
      withdrawals.push(read);
    } else if (read.kind === "setting") {
      settings.push(read);
    } else {
      claims.push(read as Claim);
    }
  });
  const all = [...claims, ...checked, ...versions, ...embargoes, ...withdrawals, ...settings];
  const numbers = new Set(all.map(({ n }) => n));
  const last = Math.max(0, ...numbers);
  if (format === 2 && problems.length === 0) {
    // A number below the highest that no line has: a line was removed.
    const missing: number[] = [];
    for (let n = 1; n <= last && missing.length < 10; n++) if (!numbers.has(n)) missing.push(n);
    if (missing.length > 0) {
      const after = all.filter(({ n }) => n > missing[0]!).sort((a, b) => a.n - b.n || a.line - b.line)[0]!;
      problems.push({ file, line: after.line, found: `line${missing.length === 1 ? "" : "s"} numbered ${missing.join(", ")} missing before this one (numbered ${after.n}): removed from the record`, expected: `every line the build wrote: restore ${missing.length === 1 ? "it" : "them"} from git (\`git log -p -- seeds/published.tsv\`)` });
    }
  }
  return { format, claims, checked, versions, embargoes, withdrawals, settings, last, problems };
}

function parseV1(content: string, line: number, n: number): Claim | string {
  const fields = content.split("\t");
  if (fields.length !== 4) return `${fields.length} field${fields.length === 1 ? "" : "s"}`;
  const [id, published, time, slug] = fields as [string, string, string, string];
  if (!ID.test(id)) return `id "${id}"`;
  const day = parseDay(published);
  if (day === undefined) return `date "${published}"`;
  const clock = TIME.exec(time);
  if (time !== "-" && clock === null) return `time "${time}"`;
  if (!isSlug(slug)) return `slug "${slug}"`;
  const claim: Claim = { kind: "published", n, id, recorded: day, slug, line };
  if (clock === null) claim.timed = true;
  else claim.slot = Number(clock[1]) * 60 + Number(clock[2]);
  return claim;
}

type Line = Claim | Checked | Version | Embargo | Withdrawing | Setting;

function parseV2(content: string, line: number): Line | string {
  const fields = content.split("\t");
  const [kind, n, id, recorded] = fields;
  const widths: Record<string, number[]> = { published: [8, 9], moved: [7], checked: [5], version: [7], embargo: [6], withdrawn: [5], republished: [5], setting: [6] };
  const width = widths[kind ?? ""];
  if (width === undefined) return `event "${kind}"`;
  if (!width.includes(fields.length)) return `${fields.length} fields for a ${kind} line (${width.join(" or ")} expected)`;
  if (checksum(fields.slice(0, -1)) !== fields.at(-1)) return `checksum ${fields.at(-1)} that does not match the line's fields (edited by hand?)`;
  if (!COUNT.test(n!)) return `line number "${n}"`;
  if (!ID.test(id!)) return `${kind === "setting" ? "setting" : "id"} "${id}"`;
  const at = instant(recorded!);
  if (at === undefined) return `recorded instant "${recorded}"`;
  const head = { n: Number(n), id: id!, recorded: at, line };
  if (kind === "checked") return { kind, ...head };
  if (kind === "withdrawn" || kind === "republished") return { kind, ...head } satisfies Withdrawing;
  if (kind === "version") {
    const [, , , , updated, copy] = fields as string[];
    const when = updated === "-" ? undefined : instant(updated!);
    if (updated !== "-" && when === undefined) return `updated instant "${updated}"`;
    if (!COPY.test(copy!)) return `copy hash "${copy}"`;
    return { kind, ...head, ...(when === undefined ? {} : { updated: when }), copy: copy! };
  }
  if (kind === "embargo") {
    const until = instant(fields[4]!);
    return until === undefined ? `embargo instant "${fields[4]}"` : { kind, ...head, instant: until };
  }
  if (kind === "setting") {
    if (!(SETTINGS as readonly string[]).includes(id!)) return `setting "${id}", which this wirefeed does not know (${SETTINGS.join(", ")})`;
    if (!COUNT.test(fields[4]!)) return `${id} "${fields[4]}"`;
    const { n: number, recorded: when } = head;
    return { kind, n: number, name: id!, recorded: when, value: Number(fields[4]), line };
  }
  const [, , , , when, slug, fingerprint, copy] = fields as string[];
  const published = when === "-" ? undefined : instant(when!);
  if (when !== "-" && published === undefined) return `published instant "${when}"`;
  if (!isSlug(slug!)) return `slug "${slug}"`;
  const claim: Claim = { kind: kind as Claim["kind"], n: Number(n), id: id!, recorded: at, slug: slug!, line };
  if (published !== undefined) claim.instant = published;
  if (kind === "published") {
    if (fingerprint !== "-" && !FINGERPRINT.test(fingerprint!)) return `fingerprint "${fingerprint}"`;
    if (fingerprint !== "-") claim.fingerprint = fingerprint!;
    if (fields.length === 9) {
      if (!COPY.test(copy!)) return `copy hash "${copy}"`;
      claim.copy = copy!;
    }
  }
  return claim;
}

function isSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG && SLUG.test(slug);
}

function instant(text: string): number | undefined {
  if (!INSTANT.test(text)) return undefined;
  const ms = Date.parse(text);
  return formatInstant(ms) === text ? ms : undefined;
}

/** A line as messages show it: tabs visible, long lines cut. */
function shown(content: string): string {
  const visible = content.replace(/\t/g, "\\t");
  return visible.length > 160 ? `${visible.slice(0, 160)}…` : visible;
}

/** 8 hex digits of 32-bit FNV-1a over the fields joined by TAB, as UTF-16 code units. */
export function checksum(fields: readonly string[]): string {
  const text = fields.join("\t");
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/** A story's fingerprint: what tells the story a seed is from another that reuses its id. */
export function fingerprint(headline: string, firstParagraph: string): string {
  // Case, accents, spacing and punctuation are what an edit in place changes most without changing the story.
  const norm = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  return `${checksum([norm(headline)])}.${checksum([norm(firstParagraph)])}`;
}

/** Whether two fingerprints share their headline or their first paragraph. */
export function sameStory(a: string, b: string): boolean {
  const [ha, la] = a.split(".");
  const [hb, lb] = b.split(".");
  return ha === hb || la === lb;
}

/** A line to append, before it is numbered and checksummed. */
export type NewLine =
  | { kind: "published"; id: string; recorded: number; instant?: number; slug: string; fingerprint?: string; copy?: string }
  | { kind: "moved"; id: string; recorded: number; instant?: number; slug: string }
  | { kind: "checked" | "withdrawn" | "republished"; id: string; recorded: number }
  | { kind: "version"; id: string; recorded: number; updated?: number; copy: string }
  | { kind: "embargo"; id: string; recorded: number; instant: number }
  | { kind: "setting"; id: (typeof SETTINGS)[number]; recorded: number; value: number };

/** A line as the build writes it, numbered `n`. */
export function formatLine(line: NewLine, n: number): string {
  const head = [line.kind, String(n), line.id, formatInstant(line.recorded)!];
  const when = (ms: number | undefined) => (ms === undefined ? "-" : formatInstant(ms)!);
  let rest: string[];
  switch (line.kind) {
    case "published":
      rest = [when(line.instant), line.slug, line.fingerprint ?? "-", ...(line.copy === undefined ? [] : [line.copy])];
      break;
    case "moved":
      rest = [when(line.instant), line.slug];
      break;
    case "version":
      rest = [when(line.updated), line.copy];
      break;
    case "embargo":
      rest = [when(line.instant)];
      break;
    case "setting":
      rest = [String(line.value)];
      break;
    default:
      rest = [];
  }
  const fields = [...head, ...rest];
  return [...fields, checksum(fields)].join("\t");
}

/** What a version's readers read, hashed: a rebuild of the same copy gives the same hash, any edit another. */
export function copyHash(copy: { title: string; summary: string; paragraphs: readonly string[]; note?: string }): string {
  return checksum([copy.title, copy.summary, copy.note ?? "", ...copy.paragraphs]);
}

/** A new record: the header, then `lines` numbered from 1. */
export function formatRecord(lines: readonly NewLine[]): string {
  return [...HEADER, ...lines.map((line, i) => formatLine(line, i + 1)), ""].join("\n");
}

/** `current` (format 2, as read) with `lines` appended, numbered after `last`; the file's own line ending kept. */
export function appendToRecord(current: string, last: number, lines: readonly NewLine[]): string {
  if (lines.length === 0) return current;
  const eol = /\r\n/.test(current) ? "\r\n" : /\r/.test(current) ? "\r" : "\n";
  const body = current.endsWith(eol) || current === "" ? current : current + eol;
  return body + lines.map((line, i) => formatLine(line, last + 1 + i) + eol).join("");
}

/** `12:MM:SS` for a slot. */
export function formatSlot(slot: number): string {
  return `12:${String(Math.floor(slot / 60)).padStart(2, "0")}:${String(slot % 60).padStart(2, "0")}`;
}
