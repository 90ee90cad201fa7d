import { BUDGETS } from "../budgets";
import { LruMap } from "../lru-map";
import { inflateRaw, zlib } from "../zlib";
import { newestUpdate, type Article, type Credit, type Image, type Labels, type Withdrawal } from "./article";
import { collect, collectionSlug, DEFAULT_ARCHIVE_PAGE_SIZE, type Collection } from "./collections";

/**
 * The compiled articles as the Worker ships them: one binary file, bundled as
 * a Data module, that nothing parses at startup and nothing reads whole.
 *
 * A Worker pays startup time and memory for every byte it ships, and for every
 * object it makes: at 10,000 articles, bundling them as JavaScript cost
 * 0.7–1.4 s of startup and over 400 MiB, and even a JSON index of every
 * article's keys cost ~10 ms to parse on a fresh isolate's first request and
 * tens of MiB at 100,000 articles. So the file is laid out for reading in place:
 *
 * - an index of fixed-width columns (each article's dates, its slug, its
 *   section and tags as numbers), read one field at a time, with the slugs'
 *   order so an article is found by binary search, not through a map of all;
 * - the sections and tags as `collect` groups them (names and slugs, then
 *   each one's members as article numbers), grouped at build time;
 * - everything else, bodies included, as JSON records in blocks of
 *   consecutive articles counted from the oldest (so a block, once full, never
 *   changes as stories are added, and a feed's items share a few blocks), the
 *   newest stored as they are and the rest deflated; a block is inflated and
 *   one article's record parsed only when a renderer reads it.
 *
 * A Worker's bundle is limited (64 MiB), and its startup time and memory grow
 * with every byte of it. So the pack keeps only its newest deflated blocks up
 * to a budget (`bundledBytes`); older ones are *archived*: written as files of
 * their own, named by their content's hash, which the Worker fetches when an
 * old article or archive page is first asked for (Workers Static Assets,
 * wrangler.toml's [assets]). See `Corpus.prepare`.
 *
 * Layout, little-endian u32 words: magic, count, articles per block, raw
 * blocks, archived blocks, section count, the byte offset of each section, the
 * length of each, and per article, counted from the oldest, the end of its
 * record within its (inflated) block. Sections: the index, the groups (JSON),
 * the members, the archived blocks' names (ARCHIVE_NAME ASCII bytes each),
 * the life (JSON, `Life`: what the Worker's clock decides, read on the first
 * request, so kept apart from the groups), then the bundled blocks. Every
 * section starts on a 4-byte boundary, so word columns are read as Uint32Arrays.
 *
 * Articles must come newest `published` first (compile.ts sorts them so):
 * the stories an embargo still holds are then the first few, and the Worker
 * finds them by reading dates from the start until one is past (timeline.ts).
 */
const MAGIC = 0x35414657; // "WFA5"
/** ~80 KB of JSON per block: deflate's ratio levels off there, and one inflates in well under a millisecond. */
export const PER_BLOCK = 32;
/**
 * Blocks stored as they are: the newest three, which hold the newest 65–96
 * articles, enough for the default 50-item feeds and home page whatever the
 * newest block's fill: the first request, nearly always for one of those,
 * inflates nothing.
 */
const RAW_BLOCKS = 3;
/**
 * Deflated blocks the pack keeps by default, newest first: at about 0.9 KB an
 * article, some 4,500 articles beyond the raw ones. Startup grows by ~3.3 ms a
 * MiB of bundle (BENCHMARKS.md, section 6), so at 100,000 articles the bundle
 * holds the index (~13 MiB) and these, and starts within 100 ms.
 */
export const BUNDLED_BYTES = 4 * 2 ** 20;
const HEADER_WORDS = 6;
const FIXED_SECTIONS = 5;
/**
 * Articles of the newest `updated` the pack lists, newest first: the date of a
 * site whose newest stories an embargo or an expiry hides is the first of
 * these still shown, found without reading every article's date.
 */
const NEWEST_LISTED = 64;
/** An archived block's file name: the first 128 bits of its SHA-256, in hex. */
const ARCHIVE_NAME = 32;
/** An RFC 3339 UTC instant to the second is 20 ASCII characters: `2022-01-21T12:00:00Z`. */
const INSTANT = 20;
const NONE = 0xffffffff;

/** What the index holds of an article: the rest is its record. */
type IndexField = "slug" | "category" | "tags" | "published" | "updated";
type Details = Omit<Article, IndexField>;
type GroupList = Array<[slug: string, name: string]>;

/**
 * What decides, beside the articles, which stories a reader sees and where:
 * kept in the pack so the Worker needs nothing else (timeline.ts reads it).
 */
export interface Life {
  /** Stories taken back, newest `published` first: in no document, their URL 410, tombstones in the Atom feeds that showed them. */
  withdrawn: readonly Withdrawal[];
  /**
   * Articles with an `expires`: their index (newest first), that instant, and
   * their id and slug (a tombstone's, read without the record, nor making
   * every article to find one).
   */
  expiring: ReadonlyArray<readonly [index: number, expires: string, id: string, slug: string]>;
  /** Articles per archive page and older listing page (Compilation.archivePageSize). */
  archivePageSize: number;
  /** The indices of the NEWEST_LISTED articles of the newest `updated`, newest first. */
  newestUpdated: readonly number[];
}

/** The compiled articles and how they group, as the Worker reads them. */
export interface Corpus {
  /** Newest first. */
  readonly articles: readonly Article[];
  /** The sections and tags by slug, each in `collect`'s order, made on first use. */
  readonly sections: ReadonlyMap<string, Collection>;
  readonly tags: ReadonlyMap<string, Collection>;
  /**
   * The latest `updated` of all articles, as `newestUpdate` finds it, found
   * by the build: the date of /feeds, /opml.xml, the sitemap and the 404 page,
   * which a fresh isolate would otherwise read from every article (20–60 ms
   * at 100,000).
   */
  readonly newest: string;
  /** Article `index` (newest first), made without making the others. */
  article(index: number): Article;
  /** The article published at `/articles/<slug>`, found without a map of every slug, whether or not the clock shows it yet. */
  bySlug(slug: string): Article | undefined;
  /** Withdrawals, expiries and the archive page size (read on first use). */
  readonly life: Life;
  /** How many articles, without making them. */
  readonly count: number;
  /** Article `index`'s `published` and `updated` (newest first), read from the index alone. */
  publishedAt(index: number): string;
  updatedAt(index: number): string;
  /** The index (newest first) of an article of this corpus. */
  indexOf(article: Article): number;
  /**
   * Makes every field of `articles` readable until `release()`: fetches, from
   * `archive`, the archived blocks they are in and not read yet, inflates
   * their deflated blocks, and holds their records (undefined when the pack
   * deflates nothing: small sites). Reading an article of an archived block
   * that is not held or cached throws `ArchivedArticle`; one of a deflated
   * bundled block is inflated then, synchronously.
   */
  prepare(articles: Iterable<Article>, archive: Archive | undefined): Promise<Held> | undefined;
}

/** Archived records held for a render: the byte-bounded caches may let them go meanwhile, this does not. */
export interface Held {
  release(): void;
}

/** Reads an archived block's file (`<name>.bin`, as the build wrote it). */
export type Archive = (file: string) => Promise<ArrayBuffer | Uint8Array>;

/** The article files the build writes beside the pack: each archived block, by file name. */
export type ArchiveFiles = ReadonlyMap<string, Uint8Array>;

/**
 * Thrown when an article whose block is archived is read before
 * `Corpus.prepare` fetched it: whoever renders prepares that article and
 * tries again.
 */
export class ArchivedArticle extends Error {
  constructor(readonly article: Article) {
    super("an archived article was read before Corpus.prepare fetched its block");
    this.name = "ArchivedArticle";
  }
}

export interface PackOptions {
  /** Articles per block (PER_BLOCK; small ones let tests archive a small corpus). */
  perBlock?: number;
  /** Bytes of deflated blocks the pack keeps, newest first (BUNDLED_BYTES); older blocks are archived. */
  bundledBytes?: number;
  /** Stories taken back (Compilation.withdrawn), in any order. */
  withdrawn?: readonly Withdrawal[];
  /** Articles per archive page (Compilation.archivePageSize); DEFAULT_ARCHIVE_PAGE_SIZE when not given. */
  archivePageSize?: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The pack `openCorpus` reads, and the files of the blocks it archives. */
export interface PackedArticles {
  pack: Uint8Array;
  archive: ArchiveFiles;
}

/**
 * The articles (newest first) as the bytes `openCorpus` reads, and the files
 * of the blocks it archives (none unless its deflated blocks outgrow
 * `bundledBytes`).
 */
export function packArticles(articles: readonly Article[], options: PackOptions = {}): PackedArticles {
  const steps = packSteps(articles, options);
  const stored: Uint8Array[] = [];
  for (const block of steps.blocks()) stored.push(steps.deflated(stored.length) ? deflate(block) : block);
  return steps.finish(stored);
}

/**
 * Blocks deflated at once by `packArticlesConcurrently`: libuv's thread pool
 * has four threads unless UV_THREADPOOL_SIZE says otherwise, and more would
 * only wait in its queue, holding their blocks.
 */
const DEFLATING_AT_ONCE = 4;

/**
 * `packArticles`' pack and files, byte for byte, with the blocks deflated on
 * libuv's threads while this one writes the next: the build's. Deflating is
 * most of packing, 7.3 s of 12.1 at 100,000 articles on one thread. Done so
 * on this 2-core machine, the step took 10.2 and 10.7 s against 12.3 (the
 * bench's corpus, the build timed around it). It is then bound by this
 * thread's own work, about 8 s (the JSON records, the index and groups,
 * collections): 8, 16 or 64 blocks at once did no better than 4 beyond the
 * noise (10.1–11.2, 8.6–11.4 and 11.7–14.1 s, against 10.4–11.4).
 */
export async function packArticlesConcurrently(articles: readonly Article[], options: PackOptions = {}): Promise<PackedArticles> {
  const steps = packSteps(articles, options);
  const stored: Array<Uint8Array | Promise<Uint8Array>> = [];
  const deflating = new Set<Promise<unknown>>();
  for (const block of steps.blocks()) {
    if (!steps.deflated(stored.length)) {
      stored.push(block);
      continue;
    }
    while (deflating.size >= DEFLATING_AT_ONCE) await Promise.race(deflating);
    const deflated = deflateOnThreads(block);
    // Settled either way: a failure is thrown by Promise.all below, not left unhandled.
    const done: Promise<unknown> = deflated.then(
      () => deflating.delete(done),
      () => deflating.delete(done),
    );
    deflating.add(done);
    stored.push(deflated);
  }
  return steps.finish(await Promise.all(stored));
}

/** What packing does, in the order both ways of deflating take it. */
interface PackSteps {
  /** Each block's records, from the oldest block, made as it is asked for (keeping all as text made the build slower). */
  blocks(): Generator<Uint8Array>;
  /** Whether block `b` (0 = the oldest) is stored deflated: all but the newest RAW_BLOCKS. */
  deflated(b: number): boolean;
  /** The pack around `stored`, every block as it is stored, oldest first. */
  finish(stored: readonly Uint8Array[]): PackedArticles;
}

function packSteps(articles: readonly Article[], options: PackOptions): PackSteps {
  const perBlock = options.perBlock ?? PER_BLOCK;
  const bundledBytes = options.bundledBytes ?? BUNDLED_BYTES;
  for (let i = 1; i < articles.length; i++) {
    // RFC 3339 UTC to the second compares as text. The Worker relies on this order to find held stories (see MAGIC).
    if (articles[i]!.published > articles[i - 1]!.published) throw new Error(`packArticles: articles must come newest published first; ${articles[i]!.id} (${articles[i]!.published}) follows ${articles[i - 1]!.id} (${articles[i - 1]!.published})`);
  }
  const archivePageSize = options.archivePageSize ?? DEFAULT_ARCHIVE_PAGE_SIZE;
  if (!Number.isInteger(archivePageSize) || archivePageSize < 1) throw new Error(`packArticles: archivePageSize ${archivePageSize} is not a whole number of at least 1`);
  // Blocks from the oldest: block b holds the articles of age b·perBlock … (age 0 = the oldest).
  const count = articles.length;
  const blockCount = Math.ceil(count / perBlock);
  const rawFrom = Math.max(0, blockCount - RAW_BLOCKS);
  const recordEnds: number[] = [];
  return {
    *blocks() {
      recordEnds.length = 0;
      for (let start = 0; start < count; start += perBlock) {
        const records = [];
        for (let age = start; age < Math.min(start + perBlock, count); age++) {
          const { slug, category, tags, published, updated, ...details } = articles[count - 1 - age]!;
          records.push(encoder.encode(JSON.stringify(details)));
        }
        let end = 0;
        for (const record of records) recordEnds.push((end += record.byteLength));
        yield concat(records);
      }
    },
    deflated: (b) => b < rawFrom,
    finish: (stored) => assemble(articles, options, { perBlock, bundledBytes, archivePageSize, rawFrom, blockCount }, stored, recordEnds),
  };
}

/** The pack's sections and header around the stored blocks (see packSteps). */
function assemble(
  articles: readonly Article[],
  options: PackOptions,
  { perBlock, bundledBytes, archivePageSize, rawFrom, blockCount }: { perBlock: number; bundledBytes: number; archivePageSize: number; rawFrom: number; blockCount: number },
  stored: readonly Uint8Array[],
  recordEnds: readonly number[],
): PackedArticles {
  const count = articles.length;
  const byUpdated = articles.map((_, i) => i).sort((a, b) => (articles[a]!.updated < articles[b]!.updated ? 1 : articles[a]!.updated > articles[b]!.updated ? -1 : a - b));
  const life: Life = {
    withdrawn: [...(options.withdrawn ?? [])].sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    expiring: articles.flatMap((article, i) => (article.expires === undefined ? [] : [[i, article.expires, article.id, article.slug] as const])),
    archivePageSize,
    newestUpdated: byUpdated.slice(0, NEWEST_LISTED),
  };
  const { sections, tags } = collect(articles, "");
  const groups = [...sections.values(), ...tags.values()];
  const groupOf = new Map<string, number>();
  groups.forEach((group, i) => groupOf.set(`${group.kind}:${group.slug}`, i));
  const number = new Map(articles.map((article, i) => [article, i]));
  const words = (values: Iterable<number>) => Uint32Array.from(values);

  // The index: the columns every request may need, one article at a time.
  // collect named each group by collectionSlug: the same function finds an article's groups again.
  const category = words(articles.map((article) => (article.category === undefined ? NONE : groupOf.get(`section:${collectionSlug(article.category)}`)!)));
  const tagIds: number[] = [];
  const tagEnds = words([
    0,
    ...articles.map((article) => {
      const own = new Set(article.tags.map((tag) => groupOf.get(`tag:${collectionSlug(tag)}`)!));
      tagIds.push(...own);
      return tagIds.length;
    }),
  ]);
  const slugs = articles.map((article) => encoder.encode(article.slug));
  let slugEnd = 0;
  const slugEnds = words([0, ...slugs.map((slug) => (slugEnd += slug.byteLength))]);
  const slugOrder = words(articles.map((_, i) => i).sort((a, b) => compareBytes(slugs[a]!, slugs[b]!)));
  const dates = encoder.encode(articles.map((article) => `${article.published}${article.updated}`).join(""));
  if (dates.byteLength !== articles.length * 2 * INSTANT) throw new Error("packArticles: every instant must be RFC 3339 UTC to the second, e.g. 2022-01-21T12:00:00Z");
  const index = concat([words([articles.length, tagIds.length, slugEnd]), category, tagEnds, words(tagIds), slugEnds, slugOrder, dates, concat(slugs)]);

  const groupList: { sections: GroupList; tags: GroupList; newest: string } = {
    newest: newestUpdate(articles),
    sections: [...sections.values()].map((group) => [group.slug, group.name]),
    tags: [...tags.values()].map((group) => [group.slug, group.name]),
  };
  let memberEnd = 0;
  const memberEnds = words([0, ...groups.map((group) => (memberEnd += group.articles.length))]);
  const members = concat([words([groups.length]), memberEnds, words(groups.flatMap((group) => group.articles.map((article) => number.get(article)!)))]);

  // The newest blocks stay in the pack, raw or deflated, while the deflated ones fit in bundledBytes.
  let archived = rawFrom;
  for (let kept = 0; archived > 0 && kept + stored[archived - 1]!.byteLength <= bundledBytes; archived--) kept += stored[archived - 1]!.byteLength;
  const archive = new Map<string, Uint8Array>();
  const names = stored.slice(0, archived).map((block) => {
    const name = archiveName(block);
    archive.set(`${name}.bin`, block);
    return name;
  });

  const sectionsOut = [index, encoder.encode(JSON.stringify(groupList)), members, encoder.encode(names.join("")), encoder.encode(JSON.stringify(life)), ...stored.slice(archived)];
  const header = [MAGIC, count, perBlock, Math.min(RAW_BLOCKS, blockCount), archived, sectionsOut.length];
  let offset = (header.length + 2 * sectionsOut.length + recordEnds.length) * 4;
  const starts = sectionsOut.map((section) => {
    const at = offset;
    offset += padded(section).byteLength;
    return at;
  });
  const pack = concat([words([...header, ...starts, ...sectionsOut.map((section) => section.byteLength), ...recordEnds]), ...sectionsOut.map(padded)]);
  return { pack, archive };
}

/**
 * An archived block's name: its content's hash, so a block that did not change
 * keeps its file (and its upload), and a fetched file proves it is the block
 * (Pack.verifyArchived). node:crypto where it must be synchronous (the build,
 * Node tools); WebCrypto in the Worker.
 */
export function archiveName(block: Uint8Array): string {
  return process.getBuiltinModule("node:crypto").createHash("sha256").update(block).digest("hex").slice(0, ARCHIVE_NAME);
}

/** `archiveName` by WebCrypto: what the Worker uses, where node:crypto would cost a fresh isolate its loading. */
export async function archiveNameOf(block: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", block));
  return Array.from(digest.subarray(0, ARCHIVE_NAME / 2), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The corpus in `data` (a Data module's ArrayBuffer, or a file's bytes).
 * Cheap: it reads the header and makes one small object per article; each
 * field is decoded when it is read. `readArchived`: for programs that have
 * the archived blocks' files at hand (Node tools reading the build's output),
 * read when an archived article is read, so nothing needs preparing.
 */
export function openCorpus(data: ArrayBuffer | ArrayBufferView, readArchived?: (file: string) => Uint8Array): Corpus {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  // Word columns need a word-aligned start; a Data module is, a view into a Node Buffer's pool may not be.
  return new PackedCorpus(new Pack(bytes.byteOffset % 4 === 0 ? bytes : bytes.slice(), readArchived));
}

/** The bytes of a pack, and the views into them that reading needs. */
class Pack {
  readonly count: number;
  /** Blocks before this one are archived: read through `load`. */
  readonly archived: number;
  readonly category: Uint32Array;
  readonly tagEnds: Uint32Array;
  readonly tagIds: Uint32Array;
  readonly slugEnds: Uint32Array;
  readonly slugOrder: Uint32Array;
  readonly dates: Uint8Array;
  readonly slugBytes: Uint8Array;
  private readonly words: Uint32Array;
  private readonly perBlock: number;
  /** Blocks from this one on are stored as they are. */
  private readonly rawFrom: number;
  private readonly sectionCount: number;
  /** Parsed records, by the bytes of their JSON: a record's strings hold about twice that. */
  private readonly records = new LruMap<number, { details: Details; bytes: number }>({ bytes: BUDGETS.records, sizeOf: (record) => 2 * record.bytes });
  private readonly blocks = new LruMap<number, Uint8Array>({ bytes: BUDGETS.blocks, sizeOf: (block) => block.byteLength });
  /**
   * Records of archived articles that renders in progress hold (`load`), by
   * how many hold each: outside the budgets, for as long as a render (a few
   * hundred at most, for a 100-item feed rendered by several requests).
   */
  private readonly held = new Map<number, { details: Details; holds: number }>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly readArchived?: (file: string) => Uint8Array,
  ) {
    if (bytes.byteLength < HEADER_WORDS * 4) throw new Error(NOT_A_PACK);
    this.words = new Uint32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4));
    if (this.words[0] !== MAGIC) throw new Error(NOT_A_PACK);
    this.count = this.words[1]!;
    this.perBlock = this.words[2]!;
    this.rawFrom = Math.ceil(this.count / this.perBlock) - this.words[3]!;
    this.archived = this.words[4]!;
    this.sectionCount = this.words[5]!;
    const index = this.section(0);
    const [n, tagIdCount, slugLength] = this.u32(index, 0, 3);
    let at = 12;
    const column = (length: number) => {
      const view = this.u32(index, at, length);
      at += length * 4;
      return view;
    };
    this.category = column(n!);
    this.tagEnds = column(n! + 1);
    this.tagIds = column(tagIdCount!);
    this.slugEnds = column(n! + 1);
    this.slugOrder = column(n!);
    this.dates = index.subarray(at, (at += n! * 2 * INSTANT));
    this.slugBytes = index.subarray(at, at + slugLength!);
  }

  /** Section 0 is the index, 1 the groups, 2 the members, 3 the archived blocks' names, 4 the life, 5… the bundled blocks; without the padding after it. */
  section(section: number): Uint8Array {
    const start = this.words[HEADER_WORDS + section]!;
    return this.bytes.subarray(start, start + this.words[HEADER_WORDS + this.sectionCount + section]!);
  }

  /** `length` words of `section` from byte `at`. */
  u32(section: Uint8Array, at: number, length: number): Uint32Array {
    return new Uint32Array(section.buffer, section.byteOffset + at, length);
  }

  /** The record of article `index` (newest first), or undefined while its block is archived and not fetched. */
  details(index: number): Details | undefined {
    if (this.held.size > 0) {
      const held = this.held.get(index);
      if (held !== undefined) return held.details;
    }
    const record = this.records.get(index);
    if (record !== undefined) return record.details;
    const block = this.blockOf(index);
    const bytes = block >= this.archived ? this.bundled(block) : (this.blocks.get(block) ?? (this.readArchived && this.readArchivedBlock(block, this.readArchived(this.fileOf(block)))));
    return bytes === undefined ? undefined : this.parse(index, bytes);
  }

  /** Whether some block is stored deflated (in the pack or archived): then reading it takes `load`. */
  get deflates(): boolean {
    return this.rawFrom > 0;
  }

  /**
   * Holds the records of the articles `indices` whose blocks are deflated,
   * fetching archived blocks and inflating the others, until the returned hold
   * is released: under a flood of requests, the caches may evict a record
   * between this and the render that reads it, and the render would then fetch
   * it again.
   */
  async load(indices: Iterable<number>, archive: Archive | undefined): Promise<Held> {
    const holding: number[] = [];
    const hold = (index: number, details: Details) => {
      const held = this.held.get(index);
      if (held === undefined) this.held.set(index, { details, holds: 1 });
      else held.holds++;
      holding.push(index);
    };
    const wanted = new Map<number, number[]>();
    for (const index of indices) {
      const block = this.blockOf(index);
      if (block >= this.rawFrom) continue;
      const known = this.held.get(index)?.details ?? this.records.get(index)?.details;
      if (known !== undefined) hold(index, known);
      else (wanted.get(block) ?? wanted.set(block, []).get(block)!).push(index);
    }
    const held = { release: () => holding.splice(0).forEach((index) => this.release(index)) };
    if (wanted.size === 0) return held;
    try {
      await Promise.all(
        [...wanted].map(async ([block, list]) => {
          const bytes = this.blocks.get(block) ?? (await this.inflate(block, archive));
          for (const index of list) hold(index, this.parse(index, bytes));
        }),
      );
    } catch (error) {
      held.release();
      throw error;
    }
    return held;
  }

  private release(index: number): void {
    const held = this.held.get(index)!;
    if (--held.holds === 0) this.held.delete(index);
  }

  /**
   * Block `block` inflated and kept. Each request fetches the archived blocks
   * it needs itself, even one another request is fetching: workerd cancels a
   * request that waits on another's I/O.
   */
  private async inflate(block: number, archive: Archive | undefined): Promise<Uint8Array> {
    if (block >= this.archived) return this.keep(block, inflateRaw(this.bundledSection(block)));
    if (archive === undefined) {
      throw new Error(`the article pack archives its ${this.archived} oldest blocks, and this Worker has no archive to read them from; expected wrangler.toml's [assets] with binding = "ARCHIVE"`);
    }
    const bytes = asBytes(await archive(this.fileOf(block)));
    this.verifyArchived(block, bytes, await archiveNameOf(bytes));
    return this.keepArchived(block, inflateRaw(bytes));
  }

  /** An archived block from a file read synchronously (Node tools with the build's output at hand). */
  private readArchivedBlock(block: number, file: ArrayBuffer | Uint8Array): Uint8Array {
    const bytes = asBytes(file);
    this.verifyArchived(block, bytes, archiveName(bytes));
    return this.keepArchived(block, inflateRaw(bytes));
  }

  /** The archived block's file name, as the build wrote it. */
  private fileOf(block: number): string {
    return `${decoder.decode(this.section(3).subarray(block * ARCHIVE_NAME, (block + 1) * ARCHIVE_NAME))}.bin`;
  }

  /**
   * Refuses a fetched file that is not the one its name says: the name is the
   * hash of the bytes the build wrote (`found`: this file's), so a stale,
   * swapped or damaged file (one of another block, of the same length, served
   * another story at this one's URL) is refused before anything reads it, and
   * nothing of it is kept. A length check alone let a same-length swap through.
   */
  private verifyArchived(block: number, bytes: Uint8Array, found: string): void {
    const name = this.fileOf(block);
    if (`${found}.bin` !== name) {
      throw new Error(`the archived block ${name} holds other bytes (${bytes.byteLength} whose SHA-256 starts ${found}); expected the file the build wrote beside this pack: deploy its wrangler.toml [assets] folder with this Worker`);
    }
  }

  private keepArchived(block: number, inflated: Uint8Array): Uint8Array {
    // The hash matched: a length that differs means the pack itself is not the one the build wrote.
    if (inflated.byteLength !== this.recordEnd(Math.min((block + 1) * this.perBlock, this.count) - 1)) {
      throw new Error(`archived block ${this.fileOf(block)} is not the one this pack was built with`);
    }
    return this.keep(block, inflated);
  }

  private keep(block: number, inflated: Uint8Array): Uint8Array {
    this.blocks.set(block, inflated);
    return inflated;
  }

  private parse(index: number, block: Uint8Array): Details {
    const age = this.count - 1 - index;
    const start = age % this.perBlock === 0 ? 0 : this.recordEnd(age - 1);
    const json = block.subarray(start, this.recordEnd(age));
    const details = JSON.parse(decoder.decode(json)) as Details;
    this.records.set(index, { details, bytes: json.byteLength });
    return details;
  }

  /** Where the record of the article of age `age` (0 = the oldest) ends within its block. */
  private recordEnd(age: number): number {
    return this.words[HEADER_WORDS + 2 * this.sectionCount + age]!;
  }

  private blockOf(index: number): number {
    return Math.floor((this.count - 1 - index) / this.perBlock);
  }

  /** A block the pack holds, inflated (synchronously, when a deflated one was not `load`ed). */
  private bundled(block: number): Uint8Array {
    const section = this.bundledSection(block);
    // A raw block is a view into the pack, which is held anyway: it weighs nothing here.
    if (block >= this.rawFrom) return section;
    return this.blocks.get(block) ?? this.keep(block, inflateRaw(section));
  }

  /** A block the pack holds, as stored. */
  private bundledSection(block: number): Uint8Array {
    return this.section(FIXED_SECTIONS + block - this.archived);
  }
}

function asBytes(file: ArrayBuffer | Uint8Array): Uint8Array {
  return file instanceof Uint8Array ? file : new Uint8Array(file);
}

const NOT_A_PACK = "openCorpus: not a wirefeed article pack of this version; run `npm run build`";

class PackedCorpus implements Corpus {
  #articles: readonly Article[] | undefined;
  #life: Life | undefined;
  #groups: { sections: Map<string, Collection>; tags: Map<string, Collection>; names: string[]; newest: string } | undefined;

  constructor(private readonly pack: Pack) {}

  /** Articles made so far, by index: one object per article, whichever way it was reached. */
  readonly #made: StoredArticle[] = [];

  /** Made on first use: at 100,000 articles, an isolate whose first request is a prerendered feed makes none. */
  get articles(): readonly Article[] {
    return (this.#articles ??= Array.from({ length: this.pack.count }, (_, index) => this.article(index)));
  }

  /**
   * Article `index`, made on first use: a section's feed, an article page or a
   * sitemap part makes its own articles, not all 100,000 (about 15 ms, and
   * their garbage, on a fresh isolate's first request).
   */
  article(index: number): Article {
    return (this.#made[index] ??= new StoredArticle(this, this.pack, index));
  }

  get sections(): ReadonlyMap<string, Collection> {
    return this.groups().sections;
  }

  get tags(): ReadonlyMap<string, Collection> {
    return this.groups().tags;
  }

  get newest(): string {
    return this.groups().newest;
  }

  get life(): Life {
    return (this.#life ??= JSON.parse(decoder.decode(this.pack.section(4))) as Life);
  }

  get count(): number {
    return this.pack.count;
  }

  publishedAt(index: number): string {
    return decoder.decode(this.pack.dates.subarray(index * 2 * INSTANT, index * 2 * INSTANT + INSTANT));
  }

  updatedAt(index: number): string {
    return decoder.decode(this.pack.dates.subarray(index * 2 * INSTANT + INSTANT, (index + 1) * 2 * INSTANT));
  }

  indexOf(article: Article): number {
    if (!(article instanceof StoredArticle)) throw new Error("indexOf: not an article of a packed corpus");
    return StoredArticle.indexOf(article);
  }

  /** Group `id`'s name: sections first, then tags, as packed. */
  groupName(id: number): string {
    return this.groups().names[id]!;
  }

  prepare(articles: Iterable<Article>, archive: Archive | undefined): Promise<Held> | undefined {
    if (!this.pack.deflates) return undefined;
    const indices: number[] = [];
    for (const article of articles) if (article instanceof StoredArticle) indices.push(StoredArticle.indexOf(article));
    return this.pack.load(indices, archive);
  }

  bySlug(slug: string): Article | undefined {
    const wanted = encoder.encode(slug);
    const { slugOrder } = this.pack;
    let [low, high] = [0, slugOrder.length - 1];
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const index = slugOrder[middle]!;
      const order = compareBytes(slugAt(this.pack, index), wanted);
      if (order === 0) return this.article(index);
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  private groups() {
    if (this.#groups === undefined) {
      const corpus = this;
      const list = JSON.parse(decoder.decode(this.pack.section(1))) as { sections: GroupList; tags: GroupList; newest: string };
      const members = this.pack.section(2);
      const [count] = this.pack.u32(members, 0, 1);
      const ends = this.pack.u32(members, 4, count! + 1);
      const ids = this.pack.u32(members, 4 * (count! + 2), ends[count!]!);
      let id = 0;
      const make = (kind: "section" | "tag", entries: GroupList) =>
        new Map(
          entries.map(([slug, name]) => {
            const own = ids.subarray(ends[id]!, ends[id + 1]!);
            id++;
            let list: Article[] | undefined;
            // Each group's articles are made when first read: most requests read one or two groups.
            const collection: Collection = { kind, slug, name, get articles() { return (list ??= Array.from(own, (i) => corpus.article(i))); } };
            return [slug, collection];
          }),
        );
      const sections = make("section", list.sections);
      const tags = make("tag", list.tags);
      this.#groups = { sections, tags, names: [...list.sections, ...list.tags].map(([, name]) => name), newest: list.newest };
    }
    return this.#groups;
  }
}

function slugAt(pack: Pack, index: number): Uint8Array {
  return pack.slugBytes.subarray(pack.slugEnds[index]!, pack.slugEnds[index + 1]!);
}

/**
 * An `Article` whose fields are read from the pack. It keeps nothing itself,
 * so rendering every article page once does not keep every body alive.
 * Fields are prototype getters: spread `toJSON()` for a plain copy.
 */
class StoredArticle implements Article {
  readonly #corpus: PackedCorpus;
  readonly #pack: Pack;
  readonly #index: number;

  constructor(corpus: PackedCorpus, pack: Pack, index: number) {
    this.#corpus = corpus;
    this.#pack = pack;
    this.#index = index;
  }

  get slug(): string {
    return decoder.decode(slugAt(this.#pack, this.#index));
  }
  get category(): string | undefined {
    const id = this.#pack.category[this.#index]!;
    return id === NONE ? undefined : this.#corpus.groupName(id);
  }
  get tags(): string[] {
    const { tagEnds, tagIds } = this.#pack;
    return Array.from(tagIds.subarray(tagEnds[this.#index]!, tagEnds[this.#index + 1]!), (id) => this.#corpus.groupName(id));
  }
  get published(): string {
    return this.#instant(0);
  }
  get updated(): string {
    return this.#instant(INSTANT);
  }
  get id(): string {
    return this.#details().id;
  }
  get title(): string {
    return this.#details().title;
  }
  get summary(): string {
    return this.#details().summary;
  }
  get paragraphs(): string[] {
    return this.#details().paragraphs;
  }
  get place(): string | undefined {
    return this.#details().place;
  }
  get agency(): string | undefined {
    return this.#details().agency;
  }
  get authors(): string[] | undefined {
    return this.#details().authors;
  }
  get contributors(): Credit[] | undefined {
    return this.#details().contributors;
  }
  get labels(): Labels | undefined {
    return this.#details().labels;
  }
  get note(): string | undefined {
    return this.#details().note;
  }
  get rights(): string | undefined {
    return this.#details().rights;
  }
  get initials(): string | undefined {
    return this.#details().initials;
  }
  get language(): string | undefined {
    return this.#details().language;
  }
  get image(): Image | undefined {
    return this.#details().image;
  }
  get expires(): string | undefined {
    return this.#details().expires;
  }

  /** The article as a plain object, with only the fields it has (as the build compiled it). */
  toJSON(): Article {
    const category = this.category;
    return { ...this.#details(), slug: this.slug, ...(category === undefined ? {} : { category }), tags: this.tags, published: this.published, updated: this.updated };
  }

  /** The index of `article` in its corpus (newest first). */
  static indexOf(article: StoredArticle): number {
    return article.#index;
  }

  #details(): Details {
    return this.#pack.details(this.#index) ?? this.#archived();
  }

  #archived(): never {
    throw new ArchivedArticle(this);
  }

  #instant(offset: number): string {
    const at = this.#index * 2 * INSTANT + offset;
    return decoder.decode(this.#pack.dates.subarray(at, at + INSTANT));
  }
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.byteLength, b.byteLength);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.byteLength - b.byteLength;
}

/** zlib's default level: on the bench's blocks 0.3 % larger than level 9 and 28 % faster, some 5 s of a 100,000-article build. */
const DEFLATE_LEVEL = 6;

function deflate(bytes: Uint8Array): Uint8Array {
  return zlib().deflateRawSync(bytes, { level: DEFLATE_LEVEL });
}

/** `deflate(bytes)`, on one of libuv's threads. */
function deflateOnThreads(bytes: Uint8Array): Promise<Uint8Array> {
  return new Promise((resolve, reject) => zlib().deflateRaw(bytes, { level: DEFLATE_LEVEL }, (error, result) => (error === null ? resolve(result) : reject(error))));
}

/** `bytes`, zero-padded to a multiple of 4 so the next section starts on a word boundary. */
function padded(bytes: Uint8Array): Uint8Array {
  const extra = (4 - (bytes.byteLength % 4)) % 4;
  return extra === 0 ? bytes : concat([bytes, new Uint8Array(extra)]);
}

function concat(parts: ReadonlyArray<Uint8Array | Uint32Array>): Uint8Array {
  const views = parts.map((part) => new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
  const out = new Uint8Array(views.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of views) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
