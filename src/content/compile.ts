import type { Article, Withdrawal } from "./article";
import { formatDay, formatInstant, parseDay } from "./calendar";
import { canonicaliseCategories } from "./categories";
import { parseSeed, type ParsedSeed } from "./parse-seed";
import type { Problem } from "./problems";
import { appendToRecord, fingerprint, FORMAT, formatRecord, parseRecord, RECORD_FILE, sameStory, SLOTS, type Claim, type NewLine, type ParsedRecord } from "./publication-record";
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
  /** The instant new record lines are written with (ms); `today` at 00:00:00 UTC when not given (tests, replays). */
  now?: number;
  /** Ids whose date the publisher checked (`--date-checked`): a `checked` line is recorded for each. */
  dateChecked?: readonly string[];
  /** The encoding of seeds that are not UTF-8 and declare none, if the publisher set one. */
  fallbackEncoding?: string;
  /** The agency credited for copy that names none: the site's SITE_AGENCY. */
  siteAgency?: string;
}

/** A folder's publication record after this build. */
export interface RecordUpdate {
  /** `seeds/published.tsv`. */
  file: string;
  /** What it must hold: equal to the folder's `record` (or "", when it has none) when nothing changed. */
  text: string;
  /** Each reason it changes (a new story, a repair, a migration), as `file:line` problems: what a frozen build refuses. */
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
  /** Stories the records say are withdrawn; empty whenever `problems` is not. */
  withdrawn: Withdrawal[];
  /** Articles per archive page (RFC 5005) and older listing page: fixed once for the site, never `FEED_ITEMS`. */
  archivePageSize: number;
}

/** Articles per archive page for a site whose record sets none: FEED_ITEMS' default, which earlier builds cut pages by. */
export const DEFAULT_ARCHIVE_PAGE_SIZE = 50;

/**
 * A story whose copy names only a day is given 12:00:00 UTC plus its slot in
 * seconds (0–3599): noon keeps its calendar date the same for readers from
 * UTC−11 to UTC+11, and the hour after it gives a desk 3,600 distinct instants
 * a day, in the order it filed them, so feed readers order them as filed and no
 * two entries of a feed share `updated`. The instant is decided when the story is
 * first recorded and kept in the record, so no later story can move it.
 */
const WIRE_NOON = 12 * 3_600_000;
const DAY_MS = 86_400_000;

/** Everything the records say of one id, whatever line order and folder they come in. */
interface Recorded {
  id: string;
  /** Its lines that give a URL and an instant. */
  claims: Claim[];
  /** The earliest `published` line (or claim): the story's day and fingerprint. */
  first: Claim;
  /** Which folder's record holds `first`: repairs are appended there. */
  folder: number;
}

/** A parsed seed on its way to an article: where it came from and what the record says of it. */
interface Story {
  seed: ParsedSeed;
  file: string;
  folder: number;
  fingerprint: string;
  recorded?: Recorded;
  slug?: string;
  /** Its published instant, ms, once decided. */
  instant?: number;
  /** A repair this build appends: the story's URL or instant, lost to another story in a merge. */
  moved?: { found: string; expected: string };
}

/** Earlier recorded first, then the smaller id, then the line's own fields: the same winner in any line order. */
function compareClaims(a: Claim, b: Claim): number {
  return a.recorded - b.recorded || compareStrings(a.id, b.id) || a.n - b.n || compareStrings(a.slug, b.slug) || (a.instant ?? -1) - (b.instant ?? -1);
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
  const now = options.now ?? today;
  const problems: Problem[] = [];
  const warnings: Problem[] = [];

  const records = folders.map((folder) => {
    const file = recordFile(folder.dir);
    const parsed = parseRecord(folder.record ?? "", file);
    problems.push(...parsed.problems);
    return { file, parsed };
  });
  const ledger = new Map<string, Recorded>();
  const checked = new Set(options.dateChecked);
  records.forEach(({ parsed }, folder) => {
    for (const claim of parsed.claims) {
      const known = ledger.get(claim.id);
      if (known === undefined) ledger.set(claim.id, { id: claim.id, claims: [claim], first: claim, folder });
      else {
        known.claims.push(claim);
        const isFirst = claim.kind === "published" && (known.first.kind !== "published" || compareClaims(claim, known.first) < 0);
        if (isFirst) Object.assign(known, { first: claim, folder });
      }
    }
    for (const { id } of parsed.checked) checked.add(id);
  });
  // A recorded story's day, else today's: a new story is published today.
  const publishedOn = (id: string | undefined) => {
    const first = id === undefined ? undefined : ledger.get(id)?.first;
    return first === undefined ? today : Math.floor(first.recorded / DAY_MS) * DAY_MS;
  };
  const dateChecked = (id: string) => checked.has(id);

  const stories: Story[] = [];
  folders.forEach((folder, index) => {
    for (const seed of [...folder.seeds].sort((a, b) => compareStrings(a.file, b.file))) {
      const { file } = seed;
      const result = parseSeed({ ...seed, publishedOn, dateChecked, today, ...(options.fallbackEncoding ? { fallbackEncoding: options.fallbackEncoding } : {}), ...(options.siteAgency ? { siteAgency: options.siteAgency } : {}) });
      problems.push(...result.problems);
      warnings.push(...result.warnings);
      if (result.seed === undefined) continue;
      const { article } = result.seed;
      const recorded = ledger.get(article.id);
      stories.push({ seed: result.seed, file, folder: index, fingerprint: fingerprint(article.title, article.paragraphs[0] ?? ""), ...(recorded ? { recorded } : {}) });
    }
  });

  const recordOf = (recorded: Recorded) => `${records[recorded.folder]!.file}:${recorded.first.line}`;
  // A seed that is not the story its id was recorded for gets nothing of that story's, not even a repair.
  const unique = uniqueIds(stories, problems).filter((story) => story.recorded === undefined || checkIdentity(story, recordOf(story.recorded), problems));
  for (const id of options.dateChecked ?? []) {
    if (!unique.some((story) => story.seed.article.id === id)) problems.push({ file: "--date-checked", found: `"${id}", which is no story in the seeds`, expected: "the id of a story (its file name without .txt, or front matter id)" });
  }

  // Publication order: recorded stories oldest first, then the stories this build adds.
  const ordered = [...unique].sort((a, b) => publicationRank(a, b) || compareStrings(a.file, b.file));
  assignSlugs(ordered, ledger, records, problems);
  assignInstants(ordered, ledger, problems);
  const articles = ordered.map((story) => toArticle(story, problems));
  canonicaliseCategories(articles);

  const updates = records.map((record, folder) =>
    recordUpdate(record.file, record.parsed, folder, folders[folder]!.record, ordered, ledger, now, (options.dateChecked ?? []).filter((id) => !record.parsed.checked.some((line) => line.id === id))),
  );
  // Repairs of a record are news to the publisher (a merge left it so); new stories are not.
  for (const update of updates) warnings.push(...update.changes.filter((change) => change.file === update.file));
  const archivePageSize = DEFAULT_ARCHIVE_PAGE_SIZE;
  if (problems.length > 0) return { articles: [], problems, warnings, records: updates, withdrawn: [], archivePageSize };
  articles.sort(newestFirst);
  return { articles, problems, warnings, records: updates, withdrawn: [], archivePageSize };
}

/**
 * One seed per id. Of two, the newer is the one in the wrong: the one the
 * record's fingerprint does not know, else the one whose front matter set the
 * id, else the later file name. It is named at its `id:` line, or line 1.
 */
function uniqueIds(stories: Story[], problems: Problem[]): Story[] {
  const byId = new Map<string, Story[]>();
  for (const story of stories) (byId.get(story.seed.article.id) ?? byId.set(story.seed.article.id, []).get(story.seed.article.id)!).push(story);
  const kept: Story[] = [];
  for (const [id, group] of byId) {
    const rank = (story: Story) => (story.recorded?.first.fingerprint !== undefined && sameStory(story.recorded.first.fingerprint, story.fingerprint) ? 0 : 2) + (story.seed.idLine === undefined ? 0 : 1);
    const [older, ...newer] = [...group].sort((a, b) => rank(a) - rank(b) || compareStrings(a.file, b.file));
    kept.push(older!);
    for (const story of newer) {
      problems.push({ file: story.file, line: story.seed.idLine ?? 1, found: `id "${id}" already used by ${older!.file}`, expected: "a unique id (rename the file or set front matter id)" });
    }
  }
  return kept;
}

/**
 * A seed under a recorded id must be that story: the same published date, and
 * its headline or its first paragraph as first recorded (an edit in place
 * changes one of them at a time). Otherwise it is a new story reusing a file
 * name or id, which would take over the old story's URL, feed id and date.
 */
function checkIdentity(story: Story, where: string, problems: Problem[]): boolean {
  const { first } = story.recorded!;
  const { id } = story.seed.article;
  if (first.fingerprint !== undefined && !sameStory(first.fingerprint, story.fingerprint)) {
    problems.push({
      file: story.file,
      line: story.seed.idLine ?? 1,
      found: `a story whose headline and first paragraph both differ from the story recorded as "${id}" (${where}, /articles/${first.slug})`,
      expected: `that story, or a new file name for a new one: a published id and its URL stay their story's for ever`,
    });
    return false;
  }
  if (first.instant === undefined) return true;
  const { ms, dayOnly, line } = story.seed.published;
  const recordedDay = Math.floor(first.instant / DAY_MS) * DAY_MS;
  if (dayOnly ? ms !== recordedDay : ms !== first.instant) {
    const given = dayOnly ? formatDay(ms) : formatInstant(ms)!;
    problems.push({
      file: story.file,
      line,
      found: `dated ${given}, but "${id}" was published ${formatInstant(first.instant)} (${where})`,
      expected: `that date (a published date never moves; front matter date: ${formatInstant(first.instant)} keeps it), or a new file name if this is another story`,
    });
    return false;
  }
  return true;
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

/** Recorded stories by their first line (earliest recorded, then id); new ones after all of them, by folder. */
function publicationRank(a: Story, b: Story): number {
  if (a.recorded === undefined || b.recorded === undefined) return (a.recorded ? 0 : 1) - (b.recorded ? 0 : 1) || a.folder - b.folder;
  return compareClaims(a.recorded.first, b.recorded.first);
}

/**
 * Every URL is unique and, once recorded, its story's for ever:
 * - every slug any line records is taken; of two stories a merge recorded at
 *   one URL, the earlier recorded (then the smaller id) keeps it;
 * - a recorded story answers at the first URL it still holds, whatever its
 *   headline says now; front matter asking for another is an error;
 * - one that holds none (it lost its only URL in a merge) and a new story get
 *   a slug from the headline, with a suffix hashed from the id while taken;
 *   oldest first, so of two equal headlines the older keeps the plain slug.
 */
function assignSlugs(ordered: Story[], ledger: ReadonlyMap<string, Recorded>, records: ReadonlyArray<{ file: string }>, problems: Problem[]): void {
  const owner = new Map<string, Claim>();
  for (const recorded of ledger.values()) {
    for (const claim of recorded.claims) {
      const held = owner.get(claim.slug);
      if (held === undefined || compareClaims(claim, held) < 0) owner.set(claim.slug, claim);
    }
  }
  const present = new Map(ordered.map((story) => [story.seed.article.id, story]));
  const takenBy = (slug: string) => {
    const claim = owner.get(slug);
    if (claim === undefined) return undefined;
    const recorded = ledger.get(claim.id)!;
    return present.get(claim.id)?.file ?? `${records[recorded.folder]!.file}:${claim.line} (id "${claim.id}", whose seed is gone)`;
  };
  const fresh: Story[] = [];
  const taken = new Map<string, string>();
  for (const story of ordered) {
    const { seed, recorded } = story;
    const held = recorded?.claims.filter((claim) => owner.get(claim.slug)!.id === claim.id).sort(compareClaims)[0];
    if (held !== undefined) {
      if (seed.slug !== undefined && seed.slug.value !== held.slug) {
        problems.push({ file: story.file, line: seed.slug.line, found: `slug "${seed.slug.value}", but this article was published at /articles/${held.slug}`, expected: `slug: ${held.slug} or no slug line (a published URL never changes)` });
      }
      story.slug = held.slug;
    } else if (seed.slug !== undefined) {
      const by = takenBy(seed.slug.value) ?? taken.get(seed.slug.value);
      if (by !== undefined) {
        problems.push({ file: story.file, line: seed.slug.line, found: `slug "${seed.slug.value}" already used by ${by}`, expected: "a slug no other article has or had (published URLs are permanent)" });
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
    for (let n = 0; owner.has(slug) || taken.has(slug); n++) slug = `${base}-${idSuffix(n === 0 ? id : `${id}\n${n}`)}`;
    taken.set((story.slug = slug), story.file);
    const lost = story.recorded?.first;
    if (lost !== undefined) {
      story.moved = {
        found: `slug "${lost.slug}" of "${id}", which ${takenBy(lost.slug)} has (a merge of two branches can leave this)`,
        expected: `one article per URL: "${id}" gets /articles/${slug}`,
      };
    }
  }
}

/**
 * Published instants. A recorded story keeps the instant its record gives (a
 * story whose copy names only a day: the first it still holds that day; of
 * two stories a merge recorded at one instant, the earlier recorded, then the
 * smaller id, keeps it). A new story whose copy names only a day, or one that
 * lost its instant, gets the slot after the day's last, skipping every
 * instant any line records and every front matter time.
 */
function assignInstants(ordered: Story[], ledger: ReadonlyMap<string, Recorded>, problems: Problem[]): void {
  const present = new Map(ordered.map((story) => [story.seed.article.id, story]));
  // Format 1 lines give a slot, not an instant: the seed gives the day.
  for (const recorded of ledger.values()) {
    const story = present.get(recorded.id);
    for (const claim of recorded.claims) {
      if (claim.instant !== undefined || story === undefined) continue;
      const { ms, dayOnly } = story.seed.published;
      if (dayOnly && claim.slot !== undefined) claim.instant = ms + WIRE_NOON + claim.slot * 1000;
      else if (!dayOnly && claim.timed) claim.instant = ms;
    }
  }
  const owner = new Map<number, Claim>();
  for (const recorded of ledger.values()) {
    const story = present.get(recorded.id);
    // A story timed by its copy has its own instant, whatever another holds: it neither wins nor loses one.
    if (story !== undefined && !story.seed.published.dayOnly) continue;
    for (const claim of recorded.claims) {
      if (claim.instant === undefined) continue;
      const held = owner.get(claim.instant);
      if (held === undefined || compareClaims(claim, held) < 0) owner.set(claim.instant, claim);
    }
  }
  // The day's last instant any line holds: a new story comes after it, in the order filed.
  const last = new Map<number, number>();
  const take = (day: number, instant: number) => last.set(day, Math.max(instant, last.get(day) ?? instant));
  const used = new Set<number>();
  for (const at of owner.keys()) {
    used.add(at);
    const day = Math.floor(at / DAY_MS) * DAY_MS;
    if (at >= day + WIRE_NOON && at < day + WIRE_NOON + SLOTS * 1000) take(day, at);
  }
  // Front matter times are skipped, not followed: they are the copy's, not the record's.
  for (const { seed } of ordered) if (!seed.published.dayOnly) used.add(seed.published.ms);
  const waiting: Story[] = [];
  for (const story of ordered) {
    const { dayOnly, ms } = story.seed.published;
    if (!dayOnly) {
      story.instant = ms;
      continue;
    }
    const held = story.recorded?.claims
      .filter((claim) => claim.instant !== undefined && claim.instant >= ms + WIRE_NOON && claim.instant < ms + WIRE_NOON + SLOTS * 1000 && owner.get(claim.instant)?.id === claim.id)
      .sort(compareClaims)[0];
    if (held !== undefined) story.instant = held.instant!;
    else waiting.push(story);
  }
  for (const story of waiting) {
    const { ms, line } = story.seed.published;
    const after = last.get(ms);
    let at = after === undefined ? ms + WIRE_NOON : after + 1000;
    while (used.has(at)) at += 1000;
    used.add(at);
    if (at >= ms + WIRE_NOON + SLOTS * 1000) {
      problems.push({ file: story.file, line, found: `more than ${SLOTS} stories dated ${formatDay(ms)} without a time of day`, expected: "front matter date, with the time, for some of them" });
      continue;
    }
    take(ms, (story.instant = at));
    const first = story.recorded?.first;
    if (first === undefined) continue;
    const had = first.instant === undefined ? "no time (its copy gave one until now)" : `time ${formatInstant(first.instant)}, which a story recorded earlier also has`;
    const repair = { found: `"${first.id}" recorded with ${had}`, expected: `a time of its own: ${formatInstant(at)}` };
    story.moved = story.moved === undefined ? repair : { found: `${story.moved.found}; ${repair.found}`, expected: `${story.moved.expected}, and ${repair.expected}` };
  }
}

function toArticle(story: Story, problems: Problem[]): Article {
  const { seed } = story;
  const published = formatInstant(story.instant ?? seed.published.ms)!;
  const updated = seed.updated === undefined ? published : formatInstant(seed.updated.ms)!;
  if (updated < published) {
    problems.push({ file: story.file, line: seed.updated!.line, found: `updated ${updated} before the publication date ${published}`, expected: "updated at or after date" });
  }
  return { ...seed.article, slug: story.slug ?? "", published, updated };
}

/**
 * A folder's record after this build: its lines as they are, then a `moved`
 * line for each repair, a `published` line for each story it did not hold (in
 * file name order) and a `checked` line for each date checked. A format 1
 * record is rewritten in format 2 first, its lines numbered in file order.
 * A record with a line the build cannot read is left as it is: the build fails.
 */
function recordUpdate(
  file: string,
  parsed: ParsedRecord,
  folder: number,
  current: string | undefined,
  ordered: readonly Story[],
  ledger: ReadonlyMap<string, Recorded>,
  now: number,
  dateChecked: readonly string[],
): RecordUpdate {
  if (parsed.problems.length > 0) return { file, text: current ?? "", changes: [], added: 0 };
  const changes: Problem[] = [];
  const appended: NewLine[] = [];
  const byId = new Map(ordered.map((story) => [story.seed.article.id, story]));
  for (const story of ordered) {
    if (story.moved === undefined || story.recorded?.folder !== folder) continue;
    changes.push({ file, line: story.recorded.first.line, ...story.moved });
    appended.push({ kind: "moved", id: story.seed.article.id, recorded: now, slug: story.slug ?? "", ...(story.instant === undefined ? {} : { instant: story.instant }) });
  }
  let added = 0;
  for (const story of ordered) {
    if (story.recorded !== undefined || story.folder !== folder) continue;
    appended.push({ kind: "published", id: story.seed.article.id, recorded: now, slug: story.slug ?? "", fingerprint: story.fingerprint, ...(story.instant === undefined ? {} : { instant: story.instant }) });
    changes.push({ file: story.file, line: 1, found: `a story not in the publication record ${file}`, expected: "its line there, which a build without --frozen writes, committed with the story" });
    added++;
  }
  for (const id of dateChecked) {
    const story = byId.get(id);
    if (story === undefined || (story.recorded?.folder ?? story.folder) !== folder) continue;
    appended.push({ kind: "checked", id, recorded: now });
    changes.push({ file: story.file, line: story.seed.published.line, found: `the date of "${id}" checked (--date-checked)`, expected: `its checked line in ${file}, committed` });
  }
  if (parsed.format === 2) return { file, text: appendToRecord(current ?? "", parsed.last, appended), changes, added };
  if (current === undefined && appended.length === 0) return { file, text: "", changes, added };
  // Format 1: every line kept, in its order, as a published line with what is known of it now.
  const migrated: NewLine[] = parsed.claims.map((claim) => {
    const story = byId.get(claim.id);
    const print = story !== undefined && ledger.get(claim.id) === story.recorded ? story.fingerprint : undefined;
    return { kind: "published", id: claim.id, recorded: claim.recorded, slug: claim.slug, ...(claim.instant === undefined ? {} : { instant: claim.instant }), ...(print ? { fingerprint: print } : {}) };
  });
  if (current !== undefined && parsed.claims.length + parsed.checked.length > 0) {
    changes.push({ file, line: 1, found: "a record in the format of an earlier wirefeed (lines of id, day, time, slug)", expected: `the ledger format (wirefeed-record ${FORMAT}), which a build without --frozen writes: commit it` });
  }
  return { file, text: formatRecord([...migrated, ...appended]), changes, added };
}
