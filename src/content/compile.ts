import type { Article } from "./article";
import { formatDay, formatInstant, parseDay } from "./calendar";
import { canonicaliseCategories } from "./categories";
import { parseSeed, type ParsedSeed } from "./parse-seed";
import type { Problem } from "./problems";
import { formatRecord, formatSlot, parseRecord, RECORD_FILE, SLOTS, type RecordEntry } from "./publication-record";
import { idSuffix, slugify } from "./slug";

/** A seed as read from disk (`bytes`, decoded by decode.ts), or text already decoded (tests, tools). */
export type SeedFile = { /** As shown in messages: `seeds/<name>.txt`. */ file: string } & ({ bytes: Uint8Array } | { text: string });

/** A folder of seeds and its publication record. */
export interface SeedFolder {
  /** As shown in messages: `seeds`. */
  dir: string;
  seeds: readonly SeedFile[];
  /** The text of its `published.tsv`; undefined when it has none yet. */
  record?: string;
}

/** What a build brings besides the seeds. */
export interface CompileOptions {
  /** `YYYY-MM-DD`, UTC: the day new stories are recorded as published; nothing may be dated after the next. */
  today: string;
  /** The encoding of seeds that are not UTF-8 and declare none, if the publisher set one. */
  fallbackEncoding?: string;
}

/** A folder's publication record after this build. */
export interface RecordUpdate {
  /** `seeds/published.tsv`. */
  file: string;
  /** What it must hold: equal to the folder's `record` (or "", when it has none) when nothing changed. */
  text: string;
  /** Each reason it changes (a new story, a repair), as `file:line` problems: what a frozen build refuses. */
  changes: Problem[];
  /** How many new stories it records. */
  added: number;
}

export interface Compilation {
  /** Newest first; empty whenever `problems` is not. */
  articles: Article[];
  problems: Problem[];
  warnings: Problem[];
  /** One per folder, in the order given. */
  records: RecordUpdate[];
}

/**
 * A story whose copy names only a day is given 12:00:00 UTC plus its slot in
 * seconds (0–3599): noon keeps its calendar date the same for readers from
 * UTC−11 to UTC+11, and the hour after it gives a desk 3,600 distinct instants
 * a day, in the order it filed them, so feed readers order them as filed and no
 * two entries of a feed share `updated`. The slot is decided when the story is
 * first recorded and kept in the record, so no later story can move it.
 */
const WIRE_NOON = 12 * 3_600_000;
const DAY_MS = 86_400_000;

/** A parsed seed on its way to an article: where it came from and what the record says of it. */
interface Story {
  seed: ParsedSeed;
  file: string;
  folder: number;
  /** Its line in a record, if it has one. */
  entry?: RecordEntry;
  /** Which folder's record holds `entry`. */
  entryFolder?: number;
  slug?: string;
  slot?: number;
  /** Why this build changes its record line (a merge left its URL or time to another story). */
  repairs: Array<{ found: string; expected: string }>;
}

/**
 * Every seed at once: parse each, then what needs them all (unique ids,
 * permanent slugs and instants from the publication records, canonical section
 * and tag names, order). Every problem in every seed is collected before giving
 * up, so one build run tells the editor everything to fix.
 */
export function compileSeeds(folders: readonly SeedFolder[], options: CompileOptions): Compilation {
  const today = parseDay(options.today);
  if (today === undefined) throw new RangeError(`compileSeeds: today "${options.today}" is not a YYYY-MM-DD date`);
  const problems: Problem[] = [];
  const warnings: Problem[] = [];

  const records = folders.map((folder) => {
    const file = recordFile(folder.dir);
    const parsed = parseRecord(folder.record ?? "", file);
    problems.push(...parsed.problems);
    return { file, entries: parsed.entries, repairs: parsed.warnings };
  });
  const recorded = new Map<string, { entry: RecordEntry; folder: number }>();
  records.forEach(({ entries }, folder) => entries.forEach((entry) => recorded.has(entry.id) || recorded.set(entry.id, { entry, folder })));
  // A recorded story's day, else today's: a new story is published today.
  const publishedOn = (id: string | undefined) => parseDay((id !== undefined && recorded.get(id)?.entry.published) || options.today)!;

  const stories: Story[] = [];
  folders.forEach((folder, index) => {
    for (const seed of [...folder.seeds].sort((a, b) => compareStrings(a.file, b.file))) {
      const { file } = seed;
      const result = parseSeed({ ...seed, publishedOn, today, ...(options.fallbackEncoding ? { fallbackEncoding: options.fallbackEncoding } : {}) });
      problems.push(...result.problems);
      warnings.push(...result.warnings);
      if (result.seed === undefined) continue;
      const found = recorded.get(result.seed.article.id);
      stories.push({ seed: result.seed, file, folder: index, repairs: [], ...(found ? { entry: found.entry, entryFolder: found.folder } : {}) });
    }
  });

  const byId = new Map<string, string>();
  for (const { seed, file } of stories) {
    const first = byId.get(seed.article.id);
    if (first !== undefined) problems.push({ file, line: 1, found: `id "${seed.article.id}" already used by ${first}`, expected: "a unique id (rename the file or set front matter id)" });
    else byId.set(seed.article.id, file);
  }

  // Publication order: the records' lines, then the stories this build adds.
  const ordered = [...stories].sort((a, b) => publicationRank(a, folders.length) - publicationRank(b, folders.length) || compareStrings(a.file, b.file));
  const present = new Map(stories.map((story) => [story.seed.article.id, story]));
  assignSlugs(ordered, records, present, problems);
  assignSlots(ordered, problems);
  const articles = ordered.map((story) => toArticle(story, problems));
  canonicaliseCategories(articles);

  const updates = records.map((record, folder) => recordUpdate(record, folder, folders[folder]!.record, ordered, options.today));
  // Repairs of a record are news to the publisher (a merge left it so); new stories are not.
  for (const update of updates) warnings.push(...update.changes.filter((change) => change.file === update.file));
  if (problems.length > 0) return { articles: [], problems, warnings, records: updates };
  articles.sort(newestFirst);
  return { articles, problems, warnings, records: updates };
}

/** Newest published first; ties broken by id so the order never depends on the file system. */
export function newestFirst(a: Article, b: Article): number {
  return Date.parse(b.published) - Date.parse(a.published) || compareStrings(a.id, b.id);
}

/** Where a folder keeps its publication record, as messages show it. */
function recordFile(dir: string): string {
  return `${dir.replace(/\/+$/, "")}/${RECORD_FILE}`;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Recorded stories by folder, then line; new ones after all of them, by folder (then file name). */
function publicationRank(story: Story, folders: number): number {
  return story.entry === undefined ? (folders + story.folder) * 1e9 : story.entryFolder! * 1e9 + story.entry.line;
}

/**
 * Every URL is unique and, once published, permanent:
 * - a recorded story keeps its recorded slug, whatever its headline says now;
 *   front matter asking for another is an error, since the URL cannot move;
 * - a URL any record holds stays taken, even when its seed is gone;
 * - a new story's front matter slug must be free; a slug derived from its
 *   headline that is taken gets a suffix hashed from its id (again until free).
 *   New stories get theirs oldest first, so of two equal headlines the older
 *   keeps the plain slug.
 * A record line whose slug an earlier line holds (two branches each recorded a
 * story with one headline, then merged) is treated as new.
 */
function assignSlugs(ordered: Story[], records: ReadonlyArray<{ file: string; entries: RecordEntry[] }>, present: ReadonlyMap<string, Story>, problems: Problem[]): void {
  const taken = new Map<string, string>();
  const lost = new Set<RecordEntry>();
  for (const { file, entries } of records) {
    for (const entry of entries) {
      if (!taken.has(entry.slug)) taken.set(entry.slug, present.get(entry.id)?.file ?? `${file}:${entry.line} (id "${entry.id}", whose seed is gone)`);
      else if (present.has(entry.id)) lost.add(entry);
    }
  }
  const owners = new Map(taken);
  const fresh: Story[] = [];
  for (const story of ordered) {
    const { seed, entry } = story;
    if (entry !== undefined && !lost.has(entry)) {
      if (seed.slug !== undefined && seed.slug.value !== entry.slug) {
        problems.push({ file: story.file, line: seed.slug.line, found: `slug "${seed.slug.value}", but this article was published at /articles/${entry.slug}`, expected: `slug: ${entry.slug} or no slug line (a published URL never changes)` });
      }
      story.slug = entry.slug;
    } else if (seed.slug !== undefined) {
      const owner = taken.get(seed.slug.value);
      if (owner !== undefined) {
        problems.push({ file: story.file, line: seed.slug.line, found: `slug "${seed.slug.value}" already used by ${owner}`, expected: "a slug no other article has or had (published URLs are permanent)" });
      } else {
        taken.set((story.slug = seed.slug.value), story.file);
      }
    } else {
      fresh.push(story);
    }
  }
  fresh.sort((a, b) => a.seed.published.ms - b.seed.published.ms || compareStrings(a.seed.article.id, b.seed.article.id));
  for (const story of fresh) {
    const { id, title } = story.seed.article;
    const base = slugify(title) || `article-${idSuffix(id)}`;
    let slug = base;
    for (let n = 0; taken.has(slug); n++) slug = `${base}-${idSuffix(n === 0 ? id : `${id}\n${n}`)}`;
    taken.set((story.slug = slug), story.file);
  }
  for (const story of ordered) {
    const { entry } = story;
    if (entry === undefined || story.slug === undefined || story.slug === entry.slug) continue;
    story.repairs.push({
      found: `slug "${entry.slug}" of "${entry.id}", which ${owners.get(entry.slug)} has (a merge of two branches can leave this)`,
      expected: `one article per URL: "${entry.id}" gets /articles/${story.slug}`,
    });
  }
}

/**
 * Times of day for stories whose copy names only a day (see `WIRE_NOON`): a
 * recorded slot is kept; a new story, or one whose slot a story of that day
 * earlier in the record has, gets the slot after the day's last, skipping any
 * second that a front matter time of that day uses.
 */
function assignSlots(ordered: Story[], problems: Problem[]): void {
  const used = new Map<number, Set<number>>();
  const last = new Map<number, number>();
  const take = (day: number, slot: number) => {
    (used.get(day) ?? used.set(day, new Set()).get(day)!).add(slot);
    last.set(day, Math.max(slot, last.get(day) ?? -1));
  };
  const avoid = new Set<number>();
  for (const { seed } of ordered) if (!seed.published.dayOnly) avoid.add(seed.published.ms);
  const waiting: Story[] = [];
  for (const story of ordered) {
    const { dayOnly, ms } = story.seed.published;
    if (!dayOnly) continue;
    const recorded = story.entry?.slot;
    if (recorded !== undefined && !used.get(ms)?.has(recorded)) take(ms, (story.slot = recorded));
    else waiting.push(story);
  }
  for (const story of waiting) {
    const { ms, line } = story.seed.published;
    let slot = (last.get(ms) ?? -1) + 1;
    while (avoid.has(ms + WIRE_NOON + slot * 1000)) slot++;
    if (slot >= SLOTS) {
      problems.push({ file: story.file, line, found: `more than ${SLOTS} stories dated ${formatDay(ms)} without a time of day`, expected: "front matter date, with the time, for some of them" });
      continue;
    }
    take(ms, (story.slot = slot));
    const entry = story.entry;
    if (entry === undefined) continue;
    const had = entry.slot === undefined ? "no time (its copy gave one until now)" : `time ${formatSlot(entry.slot)}, which a story of that day earlier in the record has`;
    story.repairs.push({ found: `"${entry.id}" recorded with ${had}`, expected: `a time of its own: ${formatSlot(slot)}` });
  }
}

function toArticle(story: Story, problems: Problem[]): Article {
  const { seed, slot } = story;
  const publishedMs = seed.published.dayOnly ? seed.published.ms + WIRE_NOON + (slot ?? 0) * 1000 : seed.published.ms;
  const published = formatInstant(publishedMs)!;
  const updated = seed.updated === undefined ? published : formatInstant(seed.updated.ms)!;
  if (updated < published) {
    problems.push({ file: story.file, line: seed.updated!.line, found: `updated ${updated} before the publication date ${published}`, expected: "updated at or after date" });
  }
  return { ...seed.article, slug: story.slug ?? "", published, updated };
}

/**
 * A folder's record after this build: its lines (repaired where a merge left
 * two stories one URL or one time), then a line for each story it did not hold,
 * in file name order.
 */
function recordUpdate(
  record: { file: string; entries: RecordEntry[]; repairs: Problem[] },
  folder: number,
  current: string | undefined,
  ordered: readonly Story[],
  today: string,
): RecordUpdate {
  const changes: Problem[] = [...record.repairs];
  const byEntry = new Map(ordered.filter((story) => story.entry !== undefined).map((story) => [story.entry!, story]));
  const lines = record.entries.map((entry) => {
    const story = byEntry.get(entry);
    if (story === undefined || story.repairs.length === 0) return entry;
    for (const repair of story.repairs) changes.push({ file: record.file, line: entry.line, ...repair });
    return { ...entry, slug: story.slug ?? entry.slug, ...(story.slot === undefined ? {} : { slot: story.slot }) };
  });
  let added = 0;
  for (const story of ordered) {
    if (story.entry !== undefined || story.folder !== folder) continue;
    lines.push({ id: story.seed.article.id, published: today, ...(story.slot === undefined ? {} : { slot: story.slot }), slug: story.slug ?? "", line: 0 });
    changes.push({ file: story.file, line: 1, found: `a story not in the publication record ${record.file}`, expected: "its line there, which a build without --frozen writes, committed with the story" });
    added++;
  }
  // No file and nothing to record: nothing to write either.
  const text = current === undefined && lines.length === 0 ? "" : formatRecord(lines);
  // A checkout that turned LF into CRLF holds the same record.
  const same = text === (current ?? "").replace(/\r\n/g, "\n");
  if (!same && changes.length === 0) changes.push({ file: record.file, line: 1, found: "a record not laid out as the build writes it", expected: "the file as `npm run build` writes it" });
  return { file: record.file, text: same ? (current ?? "") : text, changes, added };
}
