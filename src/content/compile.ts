import type { Article, Withdrawal } from "./article";
import { formatDay, formatInstant, parseDay } from "./calendar";
import { canonicaliseCategories } from "./categories";
import { parseSeed, type ParsedSeed, type SeedResult } from "./parse-seed";
import type { Problem } from "./problems";
import { appendToRecord, copyHash, fingerprint, FORMAT, formatRecord, parseRecord, RECORD_FILE, sameStory, SLOTS, type Claim, type Embargo, type NewLine, type ParsedRecord, type Version, type Withdrawing } from "./publication-record";
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
  /** Ids of withdrawn stories to publish again (`--republish`): a `republished` line is recorded for each. */
  republish?: readonly string[];
  /** Articles per archive page (`--archive-page-size`), for a site whose record fixes none yet; a different one than the record's is refused. */
  archivePageSize?: number;
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
 * Back-filled copy (dated before the day it is recorded) whose copy names only
 * a day is given 12:00:00 UTC plus its slot in seconds (0–3599): noon keeps its
 * calendar date the same for readers from UTC−11 to UTC+11, and the hour after
 * it gives a desk 3,600 distinct instants a day, in the order it filed them.
 * Fresh copy (dated the day it is recorded, or the day after, where it is
 * already tomorrow) is published at the instant its line is recorded: a rule's
 * noon would be in the future all morning. Either is decided when the story is
 * first recorded and kept in the record, so no later story can move it.
 */
const WIRE_NOON = 12 * 3_600_000;
const DAY_MS = 86_400_000;
/** A version so labelled resends the story (a code or a typo fixed): it is recorded, but `updated` does not move. */
const REFILE = /^(?:REFILE|RPT|REPEAT|REPETITION|REPEATS|REENVÍO|REENVIO|WIEDERHOLUNG)\b/i;

/** Everything the records say of one id, whatever line order and folder they come in. */
interface Recorded {
  id: string;
  /** Its lines that give a URL and an instant. */
  claims: Claim[];
  /** The earliest `published` line (or claim): the story's day and fingerprint. */
  first: Claim;
  /** Which folder's record holds `first`: repairs are appended there. */
  folder: number;
  versions: Version[];
  embargoes: Embargo[];
  withdrawals: Withdrawing[];
}

/** A parsed seed: one version of a story, or a withdrawal notice. */
interface Filed {
  seed: ParsedSeed;
  file: string;
  folder: number;
  fingerprint: string;
}

/** A story on its way to an article: its versions, where they came from and what the record says of it. */
interface Story {
  /** The seed that dates it: the first version's, or (that file gone) the newest's, dated by the record. Its article id is the story's. */
  seed: ParsedSeed;
  /** Its file, as messages name it. */
  file: string;
  /** The newest version: the copy readers get. */
  latest: Filed;
  /** Every version present, first to newest (notices included). */
  versions: Filed[];
  folder: number;
  fingerprint: string;
  recorded?: Recorded;
  /** The first version's file is gone: the record alone dates the story. */
  rootless?: boolean;
  /** A version's `status: withdrawn`, where it is said. */
  withdrawnBy?: { file: string; line: number };
  /** Hash of the newest version's copy. */
  copy: string;
  slug?: string;
  /** Its published instant, ms, once decided. */
  instant?: number;
  /** Held until `instant` (an embargo): no slot, no date check. */
  held?: boolean;
  /** A repair this build appends: the story's URL or instant, lost to another story in a merge. */
  moved?: { found: string; expected: string };
}

/** A line this build appends for a story or the site, and why (what a frozen build refuses). */
interface Appended {
  folder: number;
  line: NewLine;
  /** Absent for the lines of a change said once for many (the copies of stories recorded before versions were). */
  change?: Problem;
}

/** Earlier recorded first, then the smaller id, then the line's own fields: the same winner in any line order. */
function compareClaims(a: Claim, b: Claim): number {
  return a.recorded - b.recorded || compareStrings(a.id, b.id) || a.n - b.n || compareStrings(a.slug, b.slug) || (a.instant ?? -1) - (b.instant ?? -1);
}

/** The latest of an id's lines of one kind: the latest recorded, then the highest number (a merge can give two lines one number). */
function latestLine<T extends { recorded: number; n: number; line: number }>(lines: readonly T[]): T | undefined {
  return [...lines].sort((a, b) => b.recorded - a.recorded || b.n - a.n || b.line - a.line)[0];
}

/** Whether `ms` is a slot the rule gives back-filled copy (the hour after its day's noon), rather than an instant a build took from its clock. */
function isSlot(ms: number): boolean {
  const into = ms - Math.floor(ms / DAY_MS) * DAY_MS;
  return into >= WIRE_NOON && into < WIRE_NOON + SLOTS * 1000;
}

/** What the publication records say, read once for the parse and the compilation. */
interface Ledger {
  records: { file: string; parsed: ParsedRecord }[];
  byId: Map<string, Recorded>;
  /** Ids whose date the publisher checked: `--date-checked` and the records' `checked` lines. */
  checked: Set<string>;
  /** The records' own problems. */
  problems: Problem[];
  /** The build's today and now, ms. */
  today: number;
  now: number;
}

function readLedger(folders: readonly SeedFolder[], options: CompileOptions): Ledger {
  const today = parseDay(options.today);
  if (today === undefined) throw new RangeError(`compileSeeds: today "${options.today}" is not a YYYY-MM-DD date`);
  const problems: Problem[] = [];
  const records = folders.map((folder) => {
    const file = recordFile(folder.dir);
    const parsed = parseRecord(folder.record ?? "", file);
    problems.push(...parsed.problems);
    return { file, parsed };
  });
  const byId = new Map<string, Recorded>();
  const checked = new Set(options.dateChecked);
  records.forEach(({ parsed }, folder) => {
    for (const claim of parsed.claims) {
      const known = byId.get(claim.id);
      if (known === undefined) byId.set(claim.id, { id: claim.id, claims: [claim], first: claim, folder, versions: [], embargoes: [], withdrawals: [] });
      else {
        known.claims.push(claim);
        const isFirst = claim.kind === "published" && (known.first.kind !== "published" || compareClaims(claim, known.first) < 0);
        if (isFirst) Object.assign(known, { first: claim, folder });
      }
    }
    for (const { id } of parsed.checked) checked.add(id);
  });
  // Lines about a story no published line names are a merge's leftovers or hand-made: nothing to apply them to.
  for (const { parsed } of records) {
    for (const line of parsed.versions) byId.get(line.id)?.versions.push(line);
    for (const line of parsed.embargoes) byId.get(line.id)?.embargoes.push(line);
    for (const line of parsed.withdrawals) byId.get(line.id)?.withdrawals.push(line);
  }
  return { records, byId, checked, problems, today, now: options.now ?? today };
}

/**
 * Parse every seed of `folders`, each folder's in file name order, as
 * compileSeeds does: what a build thread does with its share of the seeds
 * (scripts/parse-threads.ts), given the folders' records whole. Each seed's
 * parse depends only on its own bytes and what the records say of its id,
 * so shares parsed apart and joined in order are the parse of all of them.
 */
export function parseSeeds(folders: readonly SeedFolder[], options: CompileOptions): SeedResult[] {
  return parseWith(readLedger(folders, options), folders, options);
}

/** A folder's seeds in the order they are parsed and their problems said: by file name. */
export function seedsInParseOrder(folder: SeedFolder): SeedFile[] {
  return [...folder.seeds].sort((a, b) => compareStrings(a.file, b.file));
}

function parseWith(ledger: Ledger, folders: readonly SeedFolder[], options: CompileOptions): SeedResult[] {
  const { byId, checked, today, now } = ledger;
  // A recorded story's day, else today's: a new story is published today.
  const publishedOn = (id: string | undefined) => {
    const first = id === undefined ? undefined : byId.get(id)?.first;
    return first === undefined ? today : Math.floor(first.recorded / DAY_MS) * DAY_MS;
  };
  const recordedAt = (id: string | undefined) => (id === undefined ? undefined : byId.get(id)?.first.recorded) ?? now;
  const isRecorded = (id: string) => byId.has(id);
  const dateChecked = (id: string) => checked.has(id);
  return folders.flatMap((folder) =>
    seedsInParseOrder(folder).map((seed) =>
      parseSeed({
        ...seed,
        publishedOn,
        dateChecked,
        today,
        recordedAt,
        isRecorded,
        ...(options.now === undefined ? {} : { clock: options.now }),
        ...(options.fallbackEncoding ? { fallbackEncoding: options.fallbackEncoding } : {}),
        ...(options.siteAgency ? { siteAgency: options.siteAgency } : {}),
      }),
    ),
  );
}

/**
 * Every seed at once: parse each, then what needs them all (versions of one
 * story, unique ids, permanent slugs and instants from the publication
 * records, withdrawals, canonical section and tag names, order). Every
 * problem in every seed is collected before giving up, so one build run tells
 * the editor everything to fix.
 *
 * `parsed`: the seeds already parsed, as parseSeeds(folders, options) gives
 * them (a large build parses its shares in threads); parsed here when absent.
 */
export function compileSeeds(folders: readonly SeedFolder[], options: CompileOptions, parsed?: readonly SeedResult[]): Compilation {
  const read = readLedger(folders, options);
  const { records, byId: ledger, today, now } = read;
  const problems: Problem[] = [...read.problems];
  const warnings: Problem[] = [];
  const results = parsed ?? parseWith(read, folders, options);
  const seedCount = folders.reduce((sum, folder) => sum + folder.seeds.length, 0);
  if (results.length !== seedCount) throw new RangeError(`compileSeeds: ${results.length} parsed seeds for ${seedCount} seeds`);

  const filed: Filed[] = [];
  const folderOf = folders.flatMap((folder, index) => folder.seeds.map(() => index));
  const files = folders.flatMap((folder) => seedsInParseOrder(folder).map((seed) => seed.file));
  results.forEach((result, i) => {
    problems.push(...result.problems);
    warnings.push(...result.warnings);
    if (result.seed === undefined) return;
    const { article } = result.seed;
    filed.push({ seed: result.seed, file: files[i]!, folder: folderOf[i]!, fingerprint: fingerprint(article.title, article.paragraphs[0] ?? "") });
  });

  const recordOf = (recorded: Recorded) => `${records[recorded.folder]!.file}:${recorded.first.line}`;
  const kept = uniqueIds(filed, ledger, problems);
  const grouped = groupVersions(kept, ledger, problems);
  // A seed that is not the story its id was recorded for gets nothing of that story's, not even a repair.
  const stories = grouped.filter((story) => story.recorded === undefined || story.rootless || story.held || checkIdentity(story, recordOf(story.recorded), problems));
  for (const id of options.dateChecked ?? []) {
    if (!stories.some((story) => story.seed.article.id === id)) problems.push({ file: "--date-checked", found: `"${id}", which is no story in the seeds`, expected: "the id of a story (its file name without .txt, or front matter id)" });
  }

  const appended: Appended[] = [];
  // A seed under a recorded id that is refused (another story reusing it) is no deletion of that story.
  const filedIds = new Set(filed.map((entry) => entry.seed.article.id));
  const { live, withdrawn } = applyWithdrawals(stories, ledger, records, options.republish ?? [], now, appended, problems, warnings, filedIds);
  // Publication order: recorded stories oldest first, then the stories this build adds.
  const ordered = [...live].sort((a, b) => publicationRank(a, b) || compareStrings(a.file, b.file));
  assignEmbargoes(ordered, records, now, appended, problems);
  assignSlugs(ordered, ledger, records, problems);
  assignInstants(ordered, ledger, today, now, problems);
  const baselines = new Map<number, Problem>();
  const articles = ordered.map((story) => toArticle(story, records, now, appended, baselines, problems));
  canonicaliseCategories(articles);
  const withdrawals = withdrawalsOf(withdrawn, ledger);

  const archivePageSize = archiveSetting(records, options.archivePageSize, now, appended, problems);
  const updates = records.map((record, folder) =>
    recordUpdate(
      record.file,
      record.parsed,
      folder,
      folders[folder]!.record,
      ordered,
      ledger,
      now,
      (options.dateChecked ?? []).filter((id) => !record.parsed.checked.some((line) => line.id === id)),
      appended.filter((line) => line.folder === folder),
    ),
  );
  // Repairs of a record are news to the publisher (a merge left it so); new stories are not.
  // A new record's lines are no news either.
  updates.forEach((update, i) => records[i]!.parsed.last > 0 && warnings.push(...update.changes.filter((change) => change.file === update.file)));
  if (problems.length > 0) return { articles: [], problems, warnings, records: updates, withdrawn: [], archivePageSize };
  articles.sort(newestFirst);
  return { articles, problems, warnings, records: updates, withdrawn: withdrawals, archivePageSize };
}

/**
 * One seed per id. Of two, the newer is the one in the wrong: the one the
 * record's fingerprint does not know, else the one whose front matter set the
 * id, else the later file name. It is named at its `id:` line, or line 1.
 */
function uniqueIds(stories: Filed[], ledger: ReadonlyMap<string, Recorded>, problems: Problem[]): Filed[] {
  const byId = new Map<string, Filed[]>();
  for (const story of stories) (byId.get(story.seed.article.id) ?? byId.set(story.seed.article.id, []).get(story.seed.article.id)!).push(story);
  const kept: Filed[] = [];
  for (const [id, group] of byId) {
    const print = ledger.get(id)?.first.fingerprint;
    const rank = (story: Filed) => (print !== undefined && sameStory(print, story.fingerprint) ? 0 : 2) + (story.seed.idLine === undefined ? 0 : 1);
    const [older, ...newer] = [...group].sort((a, b) => rank(a) - rank(b) || compareStrings(a.file, b.file));
    kept.push(older!);
    for (const story of newer) {
      problems.push({ file: story.file, line: story.seed.idLine ?? 1, found: `id "${id}" already used by ${older!.file}`, expected: "a unique id (rename the file or set front matter id)" });
    }
  }
  return kept;
}

/**
 * The versions of each story: a seed with `replaces: <id>` is the next version
 * of that id's story, which may itself replace another; the first version's
 * id, URL and `published` are the story's, the newest version's copy is what
 * readers get. Each version is replaced by at most one other (the newest
 * replaces the one before it), a version's own id is no published story, and
 * the first version is a seed or a story the record holds.
 */
function groupVersions(filed: Filed[], ledger: ReadonlyMap<string, Recorded>, problems: Problem[]): Story[] {
  const byId = new Map(filed.map((entry) => [entry.seed.article.id, entry]));
  const next = new Map<string, Filed>();
  const bad = new Set<Filed>();
  for (const entry of filed) {
    const { replaces } = entry.seed;
    if (replaces === undefined) continue;
    const where = { file: entry.file, line: replaces.line };
    const own = ledger.get(entry.seed.article.id);
    if (replaces.id === entry.seed.article.id) {
      problems.push({ ...where, found: `replaces "${replaces.id}", its own id`, expected: "the id of the story this seed is a new version of (editing a story's own file needs no replaces:)" });
      bad.add(entry);
    } else if (own !== undefined) {
      problems.push({ ...where, found: `replaces "${replaces.id}", but this seed's own id "${entry.seed.article.id}" is a published story (/articles/${own.first.slug})`, expected: "a new file for the new version (a published story stays a story of its own)" });
      bad.add(entry);
    } else if (!byId.has(replaces.id) && !ledger.has(replaces.id)) {
      problems.push({ ...where, found: `replaces "${replaces.id}", which is no story in the seeds or the publication record`, expected: "the id of a published story or of a seed (its file name without .txt, or its front matter id)" });
      bad.add(entry);
    } else if (next.has(replaces.id)) {
      const other = next.get(replaces.id)!;
      problems.push({ ...where, found: `replaces "${replaces.id}", which ${other.file} already replaces`, expected: `replaces: ${other.seed.article.id} (each version replaces the one before it)` });
      bad.add(entry);
    } else {
      next.set(replaces.id, entry);
    }
  }
  const stories: Story[] = [];
  const placed = new Set<Filed>();
  // A chain starts at a seed that replaces nothing, or at the recorded story the first replacing seed names.
  const starts: Array<{ id: string; root?: Filed }> = [];
  for (const entry of filed) if (entry.seed.replaces === undefined && !bad.has(entry)) starts.push({ id: entry.seed.article.id, root: entry });
  for (const id of next.keys()) if (!byId.has(id)) starts.push({ id });
  for (const { id, root } of starts) {
    const versions: Filed[] = root === undefined ? [] : [root];
    for (let at = next.get(id); at !== undefined && !placed.has(at) && !bad.has(at); at = next.get(at.seed.article.id)) {
      placed.add(at);
      versions.push(at);
    }
    if (root !== undefined) placed.add(root);
    const copies = versions.filter((version) => !version.seed.notice);
    const latest = copies.at(-1);
    const recorded = ledger.get(id);
    const withdrawnBy = versions.find((version) => version.seed.withdrawn !== undefined);
    const by = withdrawnBy === undefined ? {} : { withdrawnBy: { file: withdrawnBy.file, line: withdrawnBy.seed.withdrawn! } };
    if (latest === undefined) {
      // Notices only: the story is withdrawn; nothing of it to compile.
      if (recorded !== undefined || versions.length > 0) {
        const notice = versions.at(-1)!;
        stories.push({ seed: { ...notice.seed, article: { ...notice.seed.article, id } }, file: notice.file, latest: notice, versions, folder: notice.folder, fingerprint: notice.fingerprint, copy: "", rootless: true, ...(recorded ? { recorded } : {}), ...by });
      }
      continue;
    }
    const first = root !== undefined && !root.seed.notice ? root : undefined;
    let seed: ParsedSeed;
    if (first !== undefined) seed = first.seed;
    else {
      // The first version's file is gone: the record dates the story (a version's own dateline is its update's).
      const claim = recorded === undefined ? undefined : heldClaim(recorded);
      seed = { ...latest.seed, article: { ...latest.seed.article, id }, published: { ms: claim?.instant ?? recorded?.first.recorded ?? latest.seed.published.ms, dayOnly: false, line: latest.seed.replaces?.line ?? 1 } };
      delete seed.slug;
    }
    const dating = first ?? latest;
    stories.push({
      seed,
      file: dating.file,
      latest,
      versions,
      folder: dating.folder,
      fingerprint: dating.fingerprint,
      copy: copyHash(latest.seed.article),
      ...(first === undefined ? { rootless: true } : {}),
      ...(recorded ? { recorded } : {}),
      ...by,
    });
  }
  for (const entry of filed) {
    if (!placed.has(entry) && !bad.has(entry)) {
      // A ring of versions each replacing the next: no first version.
      problems.push({ file: entry.file, line: entry.seed.replaces?.line ?? 1, found: `replaces "${entry.seed.replaces?.id}" in a ring of versions that replace each other`, expected: "a first version that replaces nothing" });
    }
  }
  return stories;
}

/** The claim whose URL and instant a story holds when no seed dates it: its latest moved line, else its first. */
function heldClaim(recorded: Recorded): Claim {
  return [...recorded.claims].sort((a, b) => compareClaims(b, a)).find((claim) => claim.kind === "moved") ?? recorded.first;
}

/**
 * Withdrawals: a story whose seed (or a seed that replaces it) says `status:
 * withdrawn`, or whose every file is gone, is withdrawn from this build on;
 * the record keeps it so (a `withdrawn` line) until `--republish <id>`
 * (a `republished` line). A story never recorded is not withdrawn but never
 * published. The stories to publish, and the withdrawn ones.
 */
function applyWithdrawals(
  stories: Story[],
  ledger: ReadonlyMap<string, Recorded>,
  records: ReadonlyArray<{ file: string }>,
  republish: readonly string[],
  now: number,
  appended: Appended[],
  problems: Problem[],
  warnings: Problem[],
  filedIds: ReadonlySet<string>,
): { live: Story[]; withdrawn: Array<{ id: string; story?: Story; at: number }> } {
  const byId = new Map(stories.map((story) => [story.seed.article.id, story]));
  const live: Story[] = [];
  const withdrawn: Array<{ id: string; story?: Story; at: number }> = [];
  for (const id of republish) {
    const recorded = ledger.get(id);
    const state = recorded === undefined ? undefined : latestLine(recorded.withdrawals);
    if (state?.kind !== "withdrawn") {
      problems.push({ file: "--republish", found: `"${id}", which is no withdrawn story${recorded === undefined ? " in the publication record" : ""}`, expected: "the id of a story the record says is withdrawn" });
    } else if (byId.get(id) === undefined || byId.get(id)!.latest.seed.notice) {
      problems.push({ file: "--republish", found: `"${id}", whose seed is not in the seeds`, expected: "the story's seed back in the seeds folder, then --republish" });
    } else if (byId.get(id)!.withdrawnBy !== undefined) {
      const by = byId.get(id)!.withdrawnBy!;
      problems.push({ file: by.file, line: by.line, found: `status: withdrawn on "${id}", which --republish asks to publish again`, expected: "no status line (and no withdrawal notice replacing it) to republish it" });
    }
  }
  const ids = new Set([...byId.keys(), ...ledger.keys()]);
  for (const id of [...ids].sort(compareStrings)) {
    const story = byId.get(id);
    const recorded = ledger.get(id);
    if (recorded === undefined) {
      // Never published: a draft killed before it went out is simply not published.
      if (story !== undefined && story.withdrawnBy === undefined && !story.latest.seed.notice) live.push(story);
      continue;
    }
    if (story === undefined && filedIds.has(id)) continue;
    const folder = recorded.folder;
    const state = latestLine(recorded.withdrawals);
    const isWithdrawn = state?.kind === "withdrawn";
    const where = `${records[folder]!.file}:${recorded.first.line}`;
    if (story === undefined || story.withdrawnBy !== undefined || story.latest.seed.notice) {
      if (isWithdrawn) {
        withdrawn.push({ id, ...(story ? { story } : {}), at: state.recorded });
        continue;
      }
      const change: Problem =
        story === undefined
          ? { file: records[folder]!.file, line: recorded.first.line, found: `"${id}" (/articles/${recorded.first.slug}), whose seed is gone: a withdrawal not yet recorded`, expected: "its withdrawn line, which a build without --frozen writes, committed (or its seed back)" }
          : { file: story.withdrawnBy?.file ?? story.file, line: story.withdrawnBy?.line ?? 1, found: `"${id}" withdrawn, not yet in the publication record ${records[folder]!.file}`, expected: "its withdrawn line, which a build without --frozen writes, committed" };
      appended.push({ folder, line: { kind: "withdrawn", id, recorded: now }, change: { ...change} });
      withdrawn.push({ id, ...(story ? { story } : {}), at: now });
      continue;
    }
    if (isWithdrawn) {
      if (!republish.includes(id)) {
        warnings.push({ file: story.file, line: 1, found: `"${id}", withdrawn (${records[folder]!.file}:${state.line}), is back in the seeds and stays withdrawn`, expected: `\`npm run build -- --republish ${id}\` to publish it again at /articles/${recorded.first.slug}, or no file` });
        withdrawn.push({ id, story, at: state.recorded });
        continue;
      }
      appended.push({ folder, line: { kind: "republished", id, recorded: now }, change: { file: story.file, line: 1, found: `"${id}" republished (--republish), not yet in the publication record ${where}`, expected: "its republished line, which a build without --frozen writes, committed"} });
    }
    live.push(story);
  }
  return { live, withdrawn };
}

/** What the Worker is told of withdrawn stories: URL, when, where they stood; one withdrawn before its embargo passed was never seen, and stays unknown. */
function withdrawalsOf(withdrawn: ReadonlyArray<{ id: string; story?: Story; at: number }>, ledger: ReadonlyMap<string, Recorded>): Withdrawal[] {
  const list: Withdrawal[] = [];
  for (const { id, story, at } of withdrawn) {
    const recorded = ledger.get(id)!;
    const claim = heldClaim(recorded);
    const embargo = latestLine(recorded.embargoes);
    const published = embargo?.instant ?? claim.instant ?? recorded.first.instant ?? recorded.first.recorded;
    if (at < published) continue;
    const seed = story?.latest.seed;
    const category = seed?.article.category ?? story?.versions.map((version) => version.seed.article.category).find((name) => name !== undefined);
    list.push({ id, slug: claim.slug, withdrawn: formatInstant(at)!, published: formatInstant(published)!, ...(category === undefined ? {} : { category }), tags: seed?.article.tags ?? [] });
  }
  return list.sort((a, b) => compareStrings(b.withdrawn, a.withdrawn) || compareStrings(a.id, b.id));
}

/**
 * Embargoes. A new story held by its copy or front matter is recorded with
 * the embargo's instant (its `published`) and an `embargo` line. A recorded
 * embargo may move while it has not passed (a new `embargo` line); once
 * passed, it is a published instant like any other. A story published before
 * it had one cannot be held again.
 */
function assignEmbargoes(ordered: Story[], records: ReadonlyArray<{ file: string }>, now: number, appended: Appended[], problems: Problem[]): void {
  for (const story of ordered) {
    const given = [...story.versions].reverse().find((version) => version.seed.embargo !== undefined);
    const embargo = given?.seed.embargo;
    const recorded = story.recorded;
    const line = recorded === undefined ? undefined : latestLine(recorded.embargoes);
    if (recorded === undefined) {
      if (embargo === undefined) continue;
      story.held = true;
      story.instant = embargo.ms;
      appended.push({ folder: story.folder, line: { kind: "embargo", id: story.seed.article.id, recorded: now, instant: embargo.ms }, change: { file: given!.file, line: embargo.line, found: "an embargo not in the publication record", expected: "its embargo line, which a build without --frozen writes, committed"} });
      continue;
    }
    if (line === undefined) {
      // Copy recorded before embargoes were read may carry a line: it was published, and stays so. Front matter is new, and said.
      if (embargo !== undefined && /^\d{4}-/.test(embargo.text) && recorded.first.instant !== undefined && embargo.ms !== recorded.first.instant) {
        problems.push({ file: given!.file, line: embargo.line, found: `embargo ${embargo.text} on "${story.seed.article.id}", published ${formatInstant(recorded.first.instant)} (${records[recorded.folder]!.file}:${recorded.first.line})`, expected: "no embargo: a published story cannot be held again (withdraw it with status: withdrawn if it must go)" });
      }
      continue;
    }
    story.held = true;
    story.instant = line.instant;
    if (embargo === undefined || embargo.ms === line.instant) continue;
    if (line.instant <= now) {
      problems.push({ file: given!.file, line: embargo.line, found: `embargo ${formatInstant(embargo.ms)}, but "${story.seed.article.id}" was released at ${formatInstant(line.instant)} (${records[recorded.folder]!.file}:${line.line})`, expected: `that instant (embargo: ${formatInstant(line.instant)}) or no embargo line: a released story's published instant never moves` });
      continue;
    }
    story.instant = embargo.ms;
    appended.push({ folder: recorded.folder, line: { kind: "embargo", id: story.seed.article.id, recorded: now, instant: embargo.ms }, change: { file: given!.file, line: embargo.line, found: `the embargo of "${story.seed.article.id}" moved from ${formatInstant(line.instant)} to ${formatInstant(embargo.ms)}, not yet in the publication record`, expected: "its embargo line, which a build without --frozen writes, committed"} });
  }
}

/**
 * The site's archive page size: the record's `setting` line in the first
 * seeds folder, written once (the `--archive-page-size` given, else the
 * default) and never changed, so archive pages are cut the same for ever.
 */
function archiveSetting(records: ReadonlyArray<{ file: string; parsed: ParsedRecord }>, given: number | undefined, now: number, appended: Appended[], problems: Problem[]): number {
  const first = records[0];
  if (first === undefined) return given ?? DEFAULT_ARCHIVE_PAGE_SIZE;
  const lines = first.parsed.settings.filter((line) => line.name === "archive-page-size").sort((a, b) => a.recorded - b.recorded || a.n - b.n || a.value - b.value);
  const set = lines[0];
  if (set !== undefined) {
    for (const other of lines.slice(1)) {
      if (other.value !== set.value) problems.push({ file: first.file, line: other.line, found: `archive-page-size ${other.value}, but line ${set.line} fixed it at ${set.value} first (a merge of two branches?)`, expected: `one archive page size for the site: ${set.value}; restore this file from the branch that recorded it first` });
    }
    if (given !== undefined && given !== set.value) {
      problems.push({ file: "--archive-page-size", found: `${given}, but the site's archive pages hold ${set.value} articles each (${first.file}:${set.line})`, expected: `${set.value}, or no --archive-page-size: archive pages are cut once and never again, so links and caches of them stay right` });
    }
    return set.value;
  }
  if (first.parsed.problems.length > 0) return given ?? DEFAULT_ARCHIVE_PAGE_SIZE;
  const value = given ?? DEFAULT_ARCHIVE_PAGE_SIZE;
  appended.push({ folder: 0, line: { kind: "setting", id: "archive-page-size", recorded: now, value }, change: { file: first.file, line: 1, found: "no archive page size recorded for the site", expected: `its setting line (archive-page-size ${value}), which a build without --frozen writes, committed`} });
  return value;
}

/**
 * A seed under a recorded id must be that story: the same published date, and
 * its headline or its first paragraph as first recorded (an edit in place
 * changes one of them at a time). Otherwise it is a new story reusing a file
 * name or id, which would take over the old story's URL, feed id and date.
 * A version that `replaces:` the story declares itself and is not checked.
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
  // A held story's published is its embargo's, which the embargo lines keep (assignEmbargoes): its copy's date is not it.
  const held = story.versions.some((version) => version.seed.embargo !== undefined) || story.recorded!.embargoes.length > 0;
  if (first.instant === undefined || held) return true;
  const { ms, dayOnly, line } = story.seed.published;
  const recordedDay = Math.floor(first.instant / DAY_MS) * DAY_MS;
  // Fresh copy is published when it was recorded, which is the day before its dateline's where it is already tomorrow.
  const sameDay = ms === recordedDay || (!isSlot(first.instant) && ms === recordedDay + DAY_MS);
  if (dayOnly ? !sameDay : ms !== first.instant) {
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
 * Published instants. A held story (an embargo) has its embargo's. A recorded
 * story keeps the instant its record gives: one recorded as fresh copy the
 * instant it was recorded; one whose copy names only a day the first slot it
 * still holds that day (of two stories a merge recorded at one slot, the
 * earlier recorded, then the smaller id, keeps it). A new story dated the day
 * it is recorded or the day after is published now, the build's instant; one
 * back-filled (dated earlier) whose copy names only a day, or one that lost
 * its slot, gets the slot after the day's last, skipping every instant any
 * line records and every front matter time.
 */
function assignInstants(ordered: Story[], ledger: ReadonlyMap<string, Recorded>, today: number, now: number, problems: Problem[]): void {
  const present = new Map(ordered.map((story) => [story.seed.article.id, story]));
  // Format 1 lines give a slot, not an instant: the seed gives the day.
  for (const recorded of ledger.values()) {
    const story = present.get(recorded.id);
    for (const claim of recorded.claims) {
      if (claim.instant !== undefined || story === undefined || story.held) continue;
      const { ms, dayOnly } = story.seed.published;
      if (dayOnly && claim.slot !== undefined) claim.instant = ms + WIRE_NOON + claim.slot * 1000;
      else if (!dayOnly && claim.timed) claim.instant = ms;
    }
  }
  const owner = new Map<number, Claim>();
  const used = new Set<number>();
  for (const recorded of ledger.values()) {
    const story = present.get(recorded.id);
    for (const claim of recorded.claims) if (claim.instant !== undefined) used.add(claim.instant);
    // A story timed by its copy, its record or an embargo has its own instant, whatever another holds: it neither wins nor loses one.
    if (story !== undefined && (!story.seed.published.dayOnly || story.held)) continue;
    for (const claim of recorded.claims) {
      if (claim.instant === undefined) continue;
      const held = owner.get(claim.instant);
      if (held === undefined || compareClaims(claim, held) < 0) owner.set(claim.instant, claim);
    }
  }
  // The day's last slot any line holds: a new story comes after it, in the order filed.
  const last = new Map<number, number>();
  const take = (day: number, instant: number) => last.set(day, Math.max(instant, last.get(day) ?? instant));
  for (const at of owner.keys()) {
    const day = Math.floor(at / DAY_MS) * DAY_MS;
    if (at >= day + WIRE_NOON && at < day + WIRE_NOON + SLOTS * 1000) take(day, at);
  }
  // Front matter times are skipped, not followed: they are the copy's, not the record's.
  for (const { seed } of ordered) if (!seed.published.dayOnly) used.add(seed.published.ms);
  const waiting: Story[] = [];
  const fresh: Story[] = [];
  for (const story of ordered) {
    if (story.held) continue;
    const { dayOnly, ms } = story.seed.published;
    if (!dayOnly) {
      story.instant = ms;
      continue;
    }
    // Its day's slot, or the instant a build recorded it fresh (the day before its dateline's where it is already tomorrow).
    const onDay = (claim: Claim) => (claim.instant! >= ms + WIRE_NOON && claim.instant! < ms + WIRE_NOON + SLOTS * 1000) || (!isSlot(claim.instant!) && claim.instant! >= ms - DAY_MS && claim.instant! < ms + DAY_MS);
    const held = story.recorded?.claims.filter((claim) => claim.instant !== undefined && onDay(claim) && owner.get(claim.instant)?.id === claim.id).sort(compareClaims)[0];
    const lost = story.recorded?.first.instant;
    if (held !== undefined) story.instant = held.instant!;
    else if ((story.recorded === undefined && ms >= today) || (lost !== undefined && !isSlot(lost) && onDay(story.recorded!.first))) fresh.push(story);
    else waiting.push(story);
  }
  // Fresh copy: the instant this build records it, the last filed now and each before it a second earlier, so no two stories share one
  // and none is after the clock; one that lost its instant in a merge, the free second before it.
  for (let i = fresh.length - 1, next = now; i >= 0; i--) {
    const story = fresh[i]!;
    const lost = story.recorded?.first.instant;
    let at = lost ?? next;
    while (used.has(at)) at -= 1000;
    used.add(at);
    story.instant = at;
    if (lost === undefined) next = at - 1000;
    else {
      const repair = { found: `"${story.recorded!.first.id}" recorded at ${formatInstant(lost)}, which a story recorded earlier also has`, expected: `an instant of its own: ${formatInstant(at)}` };
      story.moved = story.moved === undefined ? repair : { found: `${story.moved.found}; ${repair.found}`, expected: `${story.moved.expected}, and ${repair.expected}` };
    }
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

/**
 * The article: the newest version's copy under the story's id, URL and
 * published instant. `updated` is the latest instant a version was recorded
 * (a `version` line; this build appends one when the copy differs from the
 * last recorded, one that does not move `updated` for a refile), never before
 * `published`; front matter `updated` overrides it.
 */
function toArticle(story: Story, records: ReadonlyArray<{ file: string }>, now: number, appended: Appended[], baselines: Map<number, Problem>, problems: Problem[]): Article {
  const { seed } = story;
  const latest = story.latest.seed;
  const id = seed.article.id;
  const publishedMs = story.instant ?? seed.published.ms;
  const published = formatInstant(publishedMs)!;
  let updatedMs = publishedMs;
  const recorded = story.recorded;
  if (recorded !== undefined) {
    const { folder } = recorded;
    const last = latestLine(recorded.versions);
    const known = last?.copy ?? recorded.first.copy;
    const updates = recorded.versions.map((version) => version.updated ?? -Infinity);
    if (known === undefined) {
      // Recorded before versions were: the copy as it stands is the baseline, no update.
      let change = baselines.get(folder);
      const first = change === undefined;
      if (first) baselines.set(folder, (change = { file: records[folder]!.file, line: 1, found: "", expected: "their version lines (the copy as it stands, no update), which a build without --frozen writes, committed" }));
      { const count = Number(/^\d+/.exec(change!.found)?.[0] ?? 0) + 1; change!.found = `${count} stor${count === 1 ? "y" : "ies"} recorded without the hash of ${count === 1 ? "its" : "their"} copy`; }
      appended.push({ folder, line: { kind: "version", id, recorded: now, copy: story.copy }, ...(first ? { change: change! } : {}) });
    } else if (known !== story.copy) {
      const refile = REFILE.test(latest.article.labels?.version ?? "");
      appended.push({
        folder,
        line: { kind: "version", id, recorded: now, ...(refile ? {} : { updated: now }), copy: story.copy },
        change: { file: story.latest.file, line: 1, found: `a new version of "${id}"${refile ? " (a refile)" : ""}, not yet in the publication record ${records[folder]!.file}`, expected: "its version line, which a build without --frozen writes, committed" },
      });
      if (!refile) updates.push(now);
    }
    updatedMs = Math.max(publishedMs, ...updates);
  }
  let updated = formatInstant(updatedMs)!;
  const given = latest.updated;
  if (given !== undefined) {
    // A rule's noon is no moment the desk saw: a correction that morning is not "before" it.
    const dayStart = Math.floor(publishedMs / DAY_MS) * DAY_MS;
    if (given.ms >= publishedMs) updated = formatInstant(given.ms)!;
    else if (seed.published.dayOnly && isSlot(publishedMs) && given.ms >= dayStart) updated = published;
    else problems.push({ file: story.latest.file, line: given.line, found: `updated ${formatInstant(given.ms)} before the publication date ${published}`, expected: "updated at or after date" });
  }
  const expiry = [...story.versions].reverse().find((version) => version.seed.expires !== undefined);
  let expires: string | undefined;
  if (expiry !== undefined) {
    const { ms, line } = expiry.seed.expires!;
    if (ms <= publishedMs) problems.push({ file: expiry.file, line, found: `expires ${formatInstant(ms)}, at or before the story's published instant ${published}`, expected: "an expiry after it is published (remove the file, or status: withdrawn, to take it down now)" });
    else expires = formatInstant(ms)!;
  }
  const article: Article = { ...latest.article, id, slug: story.slug ?? "", published, updated };
  if (expires !== undefined) article.expires = expires;
  return article;
}

/**
 * A folder's record after this build: its lines as they are, then a `moved`
 * line for each repair, a `published` line for each story it did not hold (in
 * file name order), a `checked` line for each date checked, and the lines of
 * a story's life this build saw (versions, embargoes, withdrawals, the site's
 * settings). A format 1 record is rewritten in format 2 first, its lines
 * numbered in file order. A record with a line the build cannot read is left
 * as it is: the build fails.
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
  extra: readonly Appended[],
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
    appended.push({ kind: "published", id: story.seed.article.id, recorded: now, slug: story.slug ?? "", fingerprint: story.fingerprint, copy: story.copy, ...(story.instant === undefined ? {} : { instant: story.instant }) });
    changes.push({ file: story.file, line: 1, found: `a story not in the publication record ${file}`, expected: "its line there, which a build without --frozen writes, committed with the story" });
    added++;
  }
  for (const id of dateChecked) {
    const story = byId.get(id);
    if (story === undefined || (story.recorded?.folder ?? story.folder) !== folder) continue;
    appended.push({ kind: "checked", id, recorded: now });
    changes.push({ file: story.file, line: story.seed.published.line, found: `the date of "${id}" checked (--date-checked)`, expected: `its checked line in ${file}, committed` });
  }
  for (const { line, change } of extra) {
    appended.push(line);
    if (change !== undefined) changes.push(change);
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
