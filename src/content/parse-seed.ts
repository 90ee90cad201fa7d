import type { Article } from "./article";
import { ALL_WEEKDAY_NAMES, addDays, DAYS_AHEAD, formatDay, formatInstant, isCalendarDate, utcDay, weekdayNumber } from "./calendar";
import { ACCEPTED_SHAPES, isUnreadable, parseDateline, type Dateline } from "./wire/datelines";
import { splitHeadline } from "./wire/headline";
import { killNotice, WITHDRAW_HOW } from "./wire/kill";
import { EMBARGO_SHAPES, readEmbargo } from "./wire/embargo";
import { recognisePreDateline } from "./wire/pre-dateline";
import { splitTrailers } from "./wire/trailers";
import { decodeSeed, encodingName } from "./decode";
import { parseFrontMatter, type FrontMatter, type FrontMatterResult } from "./front-matter";
import { detectLanguage } from "./language";
import { codePointName, normaliseSeedText } from "./normalise";
import type { Problem } from "./problems";
import { splitTail } from "./tail";
import { deriveYear } from "./year";

/** A moment the seed gives, and the line that gives it. */
export interface Dated {
  /** Milliseconds since the epoch: the instant, or the day's 00:00 UTC when `dayOnly`. */
  ms: number;
  /** True when the copy gives only a day (a dateline): the compile step gives it its time of day. */
  dayOnly: boolean;
  line: number;
}

/** One seed, read: the article but for what needs every seed (slug, instants, canonical names). */
export interface ParsedSeed {
  article: Omit<Article, "slug" | "published" | "updated">;
  /** Front matter `slug`, if any. */
  slug?: { value: string; line: number };
  /** The front matter `id:` line, when the id is not the file name's. */
  idLine?: number;
  published: Dated;
  /** Front matter `updated`, if any. */
  updated?: Dated;
  /**
   * Held until `ms` (issue 17): front matter `embargo`, else the embargo line
   * before the dateline (`EMBARGOED UNTIL 0001 GMT DEC 6`), as written. The
   * story's `published` is then this instant, not its dateline's.
   */
  embargo?: { text: string; line: number; ms: number };
  /** Front matter `replaces`: this seed is the next version of that story. */
  replaces?: { id: string; line: number };
  /** The line of front matter `status: withdrawn`. */
  withdrawn?: number;
  /** Front matter `expires`. */
  expires?: Dated;
  /**
   * A withdrawal notice (`status: withdrawn` with `replaces:`): only its
   * front matter is read, since an agency's kill notice is no story; its
   * `article` holds the id, and the section and tags front matter gives.
   */
  notice?: boolean;
}

export interface SeedResult {
  seed?: ParsedSeed;
  problems: Problem[];
  /** Not fatal: said at build time, with file:line. */
  warnings: Problem[];
}

export interface SeedInput {
  /** Path as shown in messages, e.g. `seeds/000_854574d7f70e4787.txt`. */
  file: string;
  /** The file's bytes, decoded here; or `text`, when the caller has it decoded already. */
  bytes?: Uint8Array;
  text?: string;
  /**
   * The day (00:00 UTC, in ms) the story with this id was published: its
   * publication record's date, or today for a story the record does not hold
   * yet. A dateline's year is read relative to it.
   */
  publishedOn: (id: string | undefined) => number;
  /** Whether the publisher recorded that they checked this story's date (publication-record.ts, `checked`): no warning about an old dateline then. */
  dateChecked?: (id: string) => boolean;
  /** The build's today (00:00 UTC, in ms): nothing may be dated after its next day. */
  today: number;
  /** The agency for copy that names none (the site's SITE_AGENCY): after the dateline, sign-off and front matter. */
  siteAgency?: string;
  /**
   * The instant the story with this id was first recorded, or the build's
   * `now` for a new one: a year-less embargo line is read relative to it.
   * Today's 00:00 UTC when not given.
   */
  recordedAt?: (id: string | undefined) => number;
  /** Whether the record holds the story: advance copy is an error only in a story not yet published. */
  isRecorded?: (id: string) => boolean;
  /** The build's clock (ms), when it has one (not in replays with --today): a front matter date after it is refused. */
  clock?: number;
  /** The encoding of seeds that are not UTF-8 and declare none (`--encoding`), if the publisher set one. */
  fallbackEncoding?: string;
}

interface Block {
  text: string;
  line: number;
  /** The block's lines, trimmed, for what is read line by line (bylines, notes before the dateline). */
  lines: string[];
}

/** What the lines before the dateline said. */
interface Preamble {
  authors?: string[];
  /** The agency a credit line names (`Jordan Ellis, The Canadian Press`). */
  agency?: string;
  notes: string[];
  bullets: string[];
  embargo?: { text: string; line: number };
  /** The first paragraph that is none of them, where the dateline should be; undefined when nothing is left. */
  lede?: { text: string; line: number };
  /** Body blocks after the lede. */
  after: Block[];
}

const WEEKDAY_PATTERN = new RegExp(`(?<![\\p{L}])(${ALL_WEEKDAY_NAMES.join("|")})(?![\\p{L}])`, "iu");
const DATE_EXAMPLE = "front matter date: 2022-01-21T09:00:00+01:00";
/** The shapes a desk can choose from, in every message about a dateline. */
const DATELINE_SHAPES = `a dateline such as ${ACCEPTED_SHAPES.map((shape) => `"${shape}"`).join(", ")}`;

/** Parse one seed: decoding, front matter, section, headline, dateline, body, sign-off. */
export function parseSeed({ file, bytes, text, publishedOn, dateChecked, today, fallbackEncoding, recordedAt, isRecorded, clock, siteAgency }: SeedInput): SeedResult {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const problem = (line: number, found: string, expected: string) => problems.push({ file, line, found, expected });

  const decoded = text === undefined ? decodeSeed(bytes ?? new Uint8Array(), file, fallbackEncoding) : { text, encoding: "utf-8" };
  if ("problem" in decoded) return { problems: [decoded.problem], warnings };
  const normalised = normaliseSeedText(decoded.text);
  for (const { line, codePoint } of normalised.dropped) {
    warnings.push({ file, line, found: `character ${codePointName(codePoint)} dropped`, expected: "text without characters XML 1.0 forbids" });
  }
  const lines = normalised.text.split("\n");
  const fm = parseFrontMatter(lines, file);
  problems.push(...fm.problems);
  // An unclosed block swallows the whole file; calling the seed empty as well
  // would send the editor looking for a second problem that is not there.
  if (fm.unclosed) return { problems, warnings };
  const declared = fm.frontMatter.encoding === undefined ? undefined : encodingName(fm.frontMatter.encoding);
  // Only bytes this function decoded have an encoding to disagree with.
  if (declared !== undefined && text === undefined && declared !== decoded.encoding) {
    problem(fm.keyLines.encoding!, `encoding ${declared}, but the file starts with a ${decoded.encoding.toUpperCase()} byte order mark`, `the encoding the byte order mark says, or no encoding line`);
  }
  const replaces = fm.frontMatter.replaces === undefined ? undefined : { id: fm.frontMatter.replaces, line: fm.keyLines.replaces! };
  const withdrawn = fm.frontMatter.status === "withdrawn" ? fm.keyLines.status! : undefined;
  if (withdrawn !== undefined && replaces !== undefined) {
    // A kill notice filed against a story: its copy is the agency's notice, read by nobody; only the front matter counts.
    const id = fm.frontMatter.id ?? idFromFileName(file);
    if (id === undefined) problem(1, `file name "${baseName(file)}" is not a usable id`, "a name of letters, digits, . _ - ending in .txt, or front matter id");
    if (problems.length > 0 || id === undefined) return { problems, warnings };
    const article: ParsedSeed["article"] = { id, title: "", summary: "", paragraphs: [], tags: fm.frontMatter.tags ?? [], ...(fm.frontMatter.category === undefined ? {} : { category: fm.frontMatter.category }) };
    return { seed: { article, published: { ms: today, dayOnly: false, line: 1 }, replaces, withdrawn, notice: true, ...(fm.keyLines.id ? { idLine: fm.keyLines.id } : {}) }, problems, warnings };
  }
  const blocks = splitBlocks(fm.bodyLines, fm.bodyStartLine);

  if (blocks.length === 0) {
    problem(fm.bodyStartLine, "an empty seed", "a section line, a headline and at least one paragraph");
    return { problems, warnings };
  }
  const [section, headline, ...body] = blocks;
  const headlineDateline = headline === undefined ? undefined : parseDateline(headline.text);
  if (headline === undefined || (headlineDateline !== undefined && !isUnreadable(headlineDateline) && headlineDateline.separated && headlineDateline.agency !== undefined)) {
    const line = headline?.line ?? section!.line;
    problem(line, headline ? `a dateline where the headline should be` : "no headline", `a headline on the line after the section "${section!.text}"`);
    return { problems, warnings };
  }
  const kill = killNotice(headline.text, body.slice(0, 3).map((block) => block.text));
  if (kill !== undefined) {
    problem(headline.line, `a kill or withdrawal notice ("${kill}")`, WITHDRAW_HOW);
    return { problems, warnings };
  }
  if (body.length === 0) {
    problem(headline.line, "no body after the headline", "paragraphs of copy, the first opening with a dateline");
    return { problems, warnings };
  }

  const preamble = readPreamble(body);
  if (preamble.lede === undefined) {
    problem(body.at(-1)!.line, "no story after the byline, notes and routing lines", "paragraphs of copy, the first opening with a dateline");
    return { problems, warnings };
  }
  const lede = preamble.lede;
  const found = parseDateline(lede.text);
  if (isUnreadable(found)) {
    problem(lede.line, `dateline "${found.found}" with a date that is not understood: "${found.word}"`, `a day and a month in a language served (Dec 4, 4 dic., 4 декабря, 12月4日), in ${DATELINE_SHAPES}`);
    return { problems, warnings };
  }
  const dateline = found;
  const texts = [...(dateline === undefined || dateline.rest.trim() !== "" ? [dateline?.rest ?? lede.text] : []), ...preamble.after.map((block) => block.text)];
  if (texts.length === 0) {
    problem(lede.line, "a dateline and no story after it", "paragraphs of copy after the dateline");
    return { problems, warnings };
  }
  // Trailers and the sign-off come in either order (`(Reporting by …)` then `EFE`, or `EFE` then `==Kyodo`).
  const trailer = splitTrailers(texts);
  const tail = splitTail(trailer.paragraphs, dateline?.agency);
  const more = splitTrailers(tail.paragraphs);
  const paragraphs = more.paragraphs;
  const id = fm.frontMatter.id ?? idFromFileName(file);
  if (id === undefined) problem(1, `file name "${baseName(file)}" is not a usable id`, "a name of letters, digits, . _ - ending in .txt, or front matter id");

  const embargo = embargoOf(fm, preamble.embargo, recordedAt?.(id) ?? today, problem);
  // Advance copy is read relative to the day it may be published: its dateline is that day's.
  const on = embargo === undefined ? publishedOn(id) : Math.floor(embargo.ms / DAY_MS) * DAY_MS;
  const dated = publishedDate(fm.frontMatter, fm.keyLines.date, completeDate(dateline, on), paragraphs[0]!, on, lede.line, problem, (warning) => {
    if (id === undefined || dateChecked?.(id) !== true) warnings.push({ file, ...warning(id ?? "") });
  });
  const fresh = id !== undefined && isRecorded?.(id) !== true;
  if (dated !== undefined && embargo === undefined && fresh && dateline?.year === undefined && dated.dayOnly && dateline?.month !== undefined && dateline.day !== undefined) {
    const ahead = advance(dateline.month, dateline.day, publishedOn(id));
    if (ahead !== undefined) {
      problem(
        lede.line,
        `dateline date ${formatDay(ahead)}, ${Math.round((ahead - publishedOn(id)) / DAY_MS)} days after the day the story is recorded (${formatDay(publishedOn(id))}): advance copy, not yet to be published`,
        `front matter embargo: ${formatDay(ahead)}T00:00:00Z (or the instant the story may be published), or the date the story was filed`,
      );
    }
  }
  const published = embargo === undefined ? dated : { ms: embargo.ms, dayOnly: false, line: embargo.line };
  const updated = fm.frontMatter.updated === undefined ? undefined : frontMatterInstant("updated", fm.frontMatter.updated, fm.keyLines.updated!, problem);
  const expires = fm.frontMatter.expires === undefined ? undefined : frontMatterInstant("expires", fm.frontMatter.expires, fm.keyLines.expires!, problem);
  for (const [key, at] of [["date", embargo === undefined ? dated : undefined], ["updated", updated]] as const) {
    if (at === undefined) continue;
    const found = at.dayOnly ? `dateline date ${formatDay(at.ms)}` : `${key} ${fm.frontMatter[key]}`;
    if (isFuture(at, today)) {
      problem(at.line, `${found} is after the build's today, ${formatDay(today)} (+${DAYS_AHEAD} day)`, `the date the story was filed; nothing is published dated in the future${key === "date" ? " (front matter embargo: <instant> holds a story until then)" : ""}`);
    } else if (clock !== undefined && !at.dayOnly && at.ms > clock && fresh) {
      problem(at.line, `${found} is after the build's clock, ${formatInstant(clock)}`, `the instant the story was filed; nothing is published dated in the future${key === "date" ? " (front matter embargo: <instant> holds a story until then)" : ""}`);
    }
  }
  if (problems.length > 0 || id === undefined || published === undefined) {
    return { problems, warnings };
  }

  const { title, labels } = splitHeadline(headline.text);
  const agency = dateline?.agency ?? preamble.agency ?? trailer.agency ?? tail.agency ?? more.agency ?? fm.frontMatter.agency ?? siteAgency;
  const credited = [...(preamble.authors ?? []), ...(dateline?.authors ?? []), ...more.authors, ...trailer.authors];
  const contributors = [...more.contributors, ...trailer.contributors];
  const rights = trailer.rights ?? more.rights;
  const initials = tail.initials ?? trailer.initials ?? more.initials;
  const article: ParsedSeed["article"] = {
    id,
    title,
    summary: fm.frontMatter.summary ?? (preamble.bullets.length > 0 ? preamble.bullets.join(" ") : paragraphs[0]!),
    paragraphs,
    tags: fm.frontMatter.tags ?? [],
  };
  const optional: Partial<ParsedSeed["article"]> = {
    category: fm.frontMatter.category ?? section!.text,
    place: fm.frontMatter.place ?? dateline?.place,
    agency,
    authors: fm.frontMatter.author !== undefined ? [fm.frontMatter.author] : credited.length > 0 ? unique(credited) : agency !== undefined ? [agency] : undefined,
    contributors: contributors.length > 0 ? contributors : undefined,
    initials,
    labels,
    note: fm.frontMatter.correction ?? (preamble.notes.length > 0 ? preamble.notes.join(" ") : undefined),
    rights,
    language: fm.frontMatter.language ?? detectLanguage(paragraphs.join(" ")),
    image: fm.image,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (article as unknown as Record<string, unknown>)[key] = value;
  }
  const slug = fm.frontMatter.slug === undefined ? undefined : { value: fm.frontMatter.slug, line: fm.keyLines.slug! };
  const idLine = fm.keyLines.id;
  const extra = { ...(updated ? { updated } : {}), ...(slug ? { slug } : {}), ...(idLine ? { idLine } : {}), ...(embargo ? { embargo } : {}), ...(replaces ? { replaces } : {}), ...(withdrawn ? { withdrawn } : {}), ...(expires ? { expires } : {}) };
  return { seed: { article, published, ...extra }, problems, warnings };
}

/**
 * Bylines, notes, bullets, routing and embargo lines before the dateline,
 * read line by line (hard-wrapped copy may give a byline no blank line of its
 * own), then the first paragraph that is none of them.
 */
function readPreamble(body: readonly Block[]): Preamble {
  const preamble: Preamble = { notes: [], bullets: [], after: [] };
  for (let b = 0; b < body.length; b++) {
    const block = body[b]!;
    for (let k = 0; k < block.lines.length; k++) {
      const line = block.lines[k]!;
      const found = recognisePreDateline(line);
      if (found === undefined) {
        preamble.lede = { text: block.lines.slice(k).join(" "), line: block.line + k };
        preamble.after = body.slice(b + 1);
        return preamble;
      }
      if (found.kind === "byline") {
        preamble.authors = [...(preamble.authors ?? []), ...found.authors];
        preamble.agency ??= found.agency;
      }
      else if (found.kind === "note") preamble.notes.push(found.text);
      else if (found.kind === "bullet") preamble.bullets.push(/[.!?…"”»]$/u.test(found.text) ? found.text : `${found.text}.`);
      else if (found.kind === "embargo") preamble.embargo ??= { text: found.text, line: block.line + k };
    }
  }
  return preamble;
}

/**
 * A dateline's date made whole from the day the publication record gives the
 * story: none (`WASHINGTON (AP) —`) is that day; a day alone (`MADRID, 4
 * (EUROPA PRESS)`) is in that day's month, or the month before when that
 * would be after it.
 */
function completeDate(dateline: Dateline | undefined, publishedOn: number): Dateline | undefined {
  if (dateline === undefined || dateline.month !== undefined) return dateline;
  const on = new Date(publishedOn);
  const [year, month] = [on.getUTCFullYear(), on.getUTCMonth() + 1];
  if (dateline.day === undefined) return { ...dateline, year, month, day: on.getUTCDate() };
  const earlier = dateline.day > on.getUTCDate();
  return { ...dateline, year: earlier && month === 1 ? year - 1 : year, month: earlier ? (month === 1 ? 12 : month - 1) : month };
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

/**
 * The section and the headline are the first two non-blank lines. Body copy
 * with blank lines between paragraphs joins each block's lines (hard-wrapped
 * text); body copy with none has a paragraph per line.
 */
function splitBlocks(lines: readonly string[], firstLine: number): Block[] {
  // Indices, not an object per line: a seed of a million blank lines stays cheap.
  const header: Block[] = [];
  let i = 0;
  for (; i < lines.length && header.length < 2; i++) {
    const text = lines[i]!.trim();
    if (text !== "") header.push({ text, line: firstLine + i, lines: [text] });
  }
  if (header.length < 2) return header;
  let end = lines.length;
  while (end > i && lines[end - 1]!.trim() === "") end--;
  while (i < end && lines[i]!.trim() === "") i++;
  let blank = false;
  for (let k = i; k < end && !blank; k++) blank = lines[k]!.trim() === "";
  const blocks: Block[] = [];
  let current: { parts: string[]; line: number } | undefined;
  const close = () => current && blocks.push({ text: current.parts.join(" "), line: current.line, lines: current.parts });
  for (let k = i; k < end; k++) {
    const text = lines[k]!.trim();
    if (!blank) {
      blocks.push({ text, line: firstLine + k, lines: [text] });
    } else if (text === "") {
      close();
      current = undefined;
    } else if (current) {
      current.parts.push(text);
    } else {
      current = { parts: [text], line: firstLine + k };
    }
  }
  close();
  return [...header, ...blocks];
}

function publishedDate(
  fm: FrontMatter,
  dateLine: number | undefined,
  dateline: Dateline | undefined,
  lede: string,
  publishedOn: number,
  line: number,
  problem: (line: number, found: string, expected: string) => void,
  warn: (warning: (id: string) => Omit<Problem, "file">) => void,
): Dated | undefined {
  if (fm.date !== undefined) return frontMatterInstant("date", fm.date, dateLine!, problem);
  if (dateline?.month === undefined || dateline.day === undefined) {
    problem(
      line,
      dateline ? `a dateline with no date ("${dateline.place} (${dateline.agency})") and no front matter date` : "no dateline and no front matter date",
      `${DATELINE_SHAPES}, or ${DATE_EXAMPLE}`,
    );
    return undefined;
  }
  const { month, day } = dateline;
  const weekdayName = WEEKDAY_PATTERN.exec(lede)?.[1];
  const weekday = weekdayName === undefined ? undefined : weekdayNumber(weekdayName);
  const year = dateline.year ?? deriveYear(month, day, publishedOn, weekday);
  // ISO 8601 writes a date without a year as --MM-DD.
  const written = `${dateline.year === undefined ? "-" : String(dateline.year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
  if (year === undefined || !isCalendarDate(year, month, day)) {
    // 2000 was a leap year: a month and day that fail there exist in no year.
    const exists = isCalendarDate(dateline.year ?? 2000, month, day);
    const found = exists && weekdayName ? `dateline date ${written} never falls on ${weekdayName}` : `dateline date ${written} is not a calendar date`;
    problem(line, found, `a real date, or ${DATE_EXAMPLE}`);
    return undefined;
  }
  const ms = utcDay(year, month, day);
  const on = new Date(publishedOn);
  if (dateline.year === undefined && ms < utcDay(on.getUTCFullYear() - 1, on.getUTCMonth() + 1, on.getUTCDate())) {
    const date = formatDay(ms);
    const long = (day: number) => new Date(day).toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
    warn((id) => ({
      line,
      found: `dateline date ${long(ms).replace(/ \d+$/, "")}, with no year, read as ${long(ms)}, more than a year before the story was recorded (${long(publishedOn)})`,
      expected: `front matter date: ${date}T12:00:00Z (or the right date) if that is not when it happened; if it is, \`npm run build -- --date-checked ${id}\` records that you checked it, and this warning stops`,
    }));
  }
  return { ms, dayOnly: true, line };
}

const DAY_MS = 86_400_000;
/** How many days ahead of the day it is recorded a year-less dateline is read as advance copy rather than as the year before. */
const ADVANCE_DAYS = 14;

/**
 * The date a year-less dateline names when that is in the two weeks after
 * the day the story is recorded, past the day ahead time zones allow: advance
 * copy (`BRUSSELS, Dec 8 … will meet on Tuesday`, filed Saturday Dec 5),
 * which the year rule would otherwise date a year or more back.
 */
function advance(month: number, day: number, recordedOn: number): number | undefined {
  const year = new Date(recordedOn).getUTCFullYear();
  for (const candidate of [year, year + 1]) {
    if (!isCalendarDate(candidate, month, day)) continue;
    const ms = utcDay(candidate, month, day);
    if (ms > addDays(recordedOn, DAYS_AHEAD) && ms <= addDays(recordedOn, ADVANCE_DAYS)) return ms;
  }
  return undefined;
}

/** The embargo: front matter `embargo`, else the copy's embargo line, read relative to `reference`; a line that cannot be read is an error. */
function embargoOf(fm: FrontMatterResult, line: { text: string; line: number } | undefined, reference: number, problem: (line: number, found: string, expected: string) => void): ParsedSeed["embargo"] {
  if (fm.frontMatter.embargo !== undefined) {
    const at = frontMatterInstant("embargo", fm.frontMatter.embargo, fm.keyLines.embargo!, problem);
    return at === undefined ? undefined : { text: fm.frontMatter.embargo, line: at.line, ms: at.ms };
  }
  if (line === undefined) return undefined;
  const read = readEmbargo(line.text, reference);
  if ("unreadable" in read) {
    problem(line.line, `embargo line "${line.text}" with ${read.unreadable}`, `an embargo line such as ${EMBARGO_SHAPES.map((shape) => `"${shape}"`).join(", ")}, or front matter embargo: 2026-12-06T00:01:00Z`);
    return undefined;
  }
  if (formatInstant(read.ms) === undefined) {
    problem(line.line, `embargo line "${line.text}", outside the years 0000–9999`, "an embargo in years 0000–9999");
    return undefined;
  }
  return { ...line, ms: read.ms };
}

/** After the end of the day after the build's today (UTC): it has not happened yet. */
function isFuture(dated: Dated, today: number): boolean {
  const end = dated.dayOnly ? addDays(dated.ms, 1) : dated.ms + 1;
  return end > addDays(today, DAYS_AHEAD + 1);
}

/** A front matter instant, which must fall in years 0000–9999 once in UTC (`0000-01-01T00:30:00+01:00` does not). */
function frontMatterInstant(key: string, iso: string, line: number, problem: (line: number, found: string, expected: string) => void): Dated | undefined {
  const ms = Date.parse(iso);
  if (formatInstant(ms) === undefined) {
    problem(line, `${key} ${iso} falls outside the years 0000–9999 in UTC`, "a date in years 0000–9999");
    return undefined;
  }
  return { ms, dayOnly: false, line };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1);
}

function idFromFileName(file: string): string | undefined {
  const stem = baseName(file).replace(/\.txt$/i, "");
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(stem) ? stem : undefined;
}
