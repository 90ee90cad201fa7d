import type * as Zlib from "node:zlib";
import type { Article } from "./article";

/**
 * The compiled articles as the Worker ships them: one binary file, bundled as
 * a Data module, that nothing parses at startup.
 *
 * Measured at 10,000 articles (BENCHMARKS.md, bench/): bundling them as
 * JavaScript cost 0.7–1.4 s of startup and over 400 MiB, because V8 scans the
 * whole source and workerd holds copies of it; even a 25 MiB Data module cost
 * ~130 ms and ~90 MiB, in proportion to its size. So the file is small
 * (deflated: ~2.5 MiB here instead of ~30) and read lazily:
 *
 * - the keys every request needs for routing and grouping (slug, section,
 *   tags, dates of every article) in one JSON section, read on the first
 *   request;
 * - everything else, bodies included, in blocks of consecutive articles
 *   (newest first, so a feed's items share a few blocks); a block is inflated
 *   and one article's JSON parsed only when a renderer reads it.
 *
 * The keys and the newest blocks (what the site's feeds and home page show)
 * are stored as they are, not deflated: loading node:zlib costs a fresh
 * isolate ~6 ms, which the first request, nearly always one of those, then
 * does not pay.
 *
 * Layout, little-endian u32s: magic, count, PER_BLOCK, block count, how many
 * leading sections are stored raw, the byte offset of each section (keys,
 * blocks…, then the end), and per article the end of its JSON within its
 * (inflated) block.
 */
const MAGIC = 0x32414657; // "WFA2"
/** ~80 KB of JSON per block: deflate's ratio levels off there, and one inflates in well under a millisecond. */
const PER_BLOCK = 32;
const HEADER_WORDS = 5;
/** The keys, then two blocks: the newest 64 articles, enough for the default 50-item feeds and home page. */
const RAW_SECTIONS = 3;
/** Parsed articles kept per isolate: several feeds' worth, yet a fraction of a 10,000-article corpus. */
const RECORD_CACHE = 256;
const BLOCK_CACHE = 4;

/** What grouping, routing, the sitemap and archives read of every article. */
type Keys = [slug: string, category: string | null, tags: string[], published: string, updated: string];
type KeyField = "slug" | "category" | "tags" | "published" | "updated";
/** The rest of an article, read only for the few a document shows. */
type Details = Omit<Article, KeyField>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The articles (newest first) as the bytes `openArticles` reads. */
export function packArticles(articles: readonly Article[]): Uint8Array {
  const keys: Keys[] = articles.map((a) => [a.slug, a.category ?? null, a.tags, a.published, a.updated]);
  const sections = [encoder.encode(JSON.stringify(keys))];
  const recordEnds: number[] = [];
  for (let start = 0; start < articles.length; start += PER_BLOCK) {
    const records = articles.slice(start, start + PER_BLOCK).map(({ slug, category, tags, published, updated, ...details }) => encoder.encode(JSON.stringify(details)));
    let end = 0;
    for (const record of records) recordEnds.push((end += record.byteLength));
    const block = concat(records);
    sections.push(sections.length < RAW_SECTIONS ? block : deflate(block));
  }
  const words = [MAGIC, articles.length, PER_BLOCK, sections.length - 1, RAW_SECTIONS];
  let offset = (words.length + sections.length + 1 + recordEnds.length) * 4;
  for (const section of sections) {
    words.push(offset);
    offset += section.byteLength;
  }
  words.push(offset);
  for (const end of recordEnds) words.push(end);
  const header = new Uint8Array(words.length * 4);
  const view = new DataView(header.buffer);
  words.forEach((word, i) => view.setUint32(i * 4, word, true));
  return concat([header, ...sections]);
}

/**
 * The articles in `data` (a Data module's ArrayBuffer, or a file's bytes).
 * Cheap: it reads the header and makes one small object per article; the
 * first read of a field decodes what it needs.
 */
export function openArticles(data: ArrayBuffer | ArrayBufferView): Article[] {
  const store = new ArticleStore(data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return Array.from({ length: store.count }, (_, index) => new StoredArticle(store, index));
}

class ArticleStore {
  readonly count: number;
  private readonly view: DataView;
  private readonly blockCount: number;
  private keyList: Keys[] | undefined;
  /** Insertion-ordered: the oldest entry goes first when full. */
  private readonly records = new Map<number, Details>();
  private readonly blocks = new Map<number, Uint8Array>();

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < HEADER_WORDS * 4 || this.word(0) !== MAGIC || this.word(2) !== PER_BLOCK || this.word(4) !== RAW_SECTIONS) {
      throw new Error("openArticles: not a wirefeed article pack of this version; run `npm run build`");
    }
    this.count = this.word(1);
    this.blockCount = this.word(3);
  }

  keys(index: number): Keys {
    this.keyList ??= JSON.parse(decoder.decode(this.section(0))) as Keys[];
    return this.keyList[index]!;
  }

  details(index: number): Details {
    let record = this.records.get(index);
    if (record === undefined) {
      const block = Math.floor(index / PER_BLOCK);
      const first = block * PER_BLOCK;
      const start = index === first ? 0 : this.word(this.recordEndsAt + index - 1);
      record = JSON.parse(decoder.decode(this.block(block).subarray(start, this.word(this.recordEndsAt + index)))) as Details;
      remember(this.records, index, record, RECORD_CACHE);
    }
    return record;
  }

  private block(block: number): Uint8Array {
    let inflated = this.blocks.get(block);
    if (inflated === undefined) {
      const section = this.section(block + 1);
      inflated = block + 1 < RAW_SECTIONS ? section : zlib().inflateRawSync(section);
      remember(this.blocks, block, inflated, BLOCK_CACHE);
    }
    return inflated;
  }

  /** Section 0 is the keys, 1… the blocks. */
  private section(section: number): Uint8Array {
    return this.bytes.subarray(this.word(HEADER_WORDS + section), this.word(HEADER_WORDS + section + 1));
  }

  private get recordEndsAt(): number {
    return HEADER_WORDS + this.blockCount + 2;
  }

  private word(index: number): number {
    return this.view.getUint32(index * 4, true);
  }
}

/**
 * An `Article` whose fields are read from the pack. It keeps nothing itself,
 * so rendering every article page once does not keep every body alive.
 * Fields are prototype getters: spread `toJSON()` for a plain copy.
 */
class StoredArticle implements Article {
  readonly #store: ArticleStore;
  readonly #index: number;

  constructor(store: ArticleStore, index: number) {
    this.#store = store;
    this.#index = index;
  }

  get slug(): string {
    return this.#store.keys(this.#index)[0];
  }
  get category(): string | undefined {
    return this.#store.keys(this.#index)[1] ?? undefined;
  }
  get tags(): string[] {
    return this.#store.keys(this.#index)[2];
  }
  get published(): string {
    return this.#store.keys(this.#index)[3];
  }
  get updated(): string {
    return this.#store.keys(this.#index)[4];
  }
  get id(): string {
    return this.#store.details(this.#index).id;
  }
  get title(): string {
    return this.#store.details(this.#index).title;
  }
  get summary(): string {
    return this.#store.details(this.#index).summary;
  }
  get paragraphs(): string[] {
    return this.#store.details(this.#index).paragraphs;
  }
  get place(): string | undefined {
    return this.#store.details(this.#index).place;
  }
  get agency(): string | undefined {
    return this.#store.details(this.#index).agency;
  }
  get author(): string | undefined {
    return this.#store.details(this.#index).author;
  }
  get initials(): string | undefined {
    return this.#store.details(this.#index).initials;
  }
  get language(): string | undefined {
    return this.#store.details(this.#index).language;
  }
  get image(): string | undefined {
    return this.#store.details(this.#index).image;
  }

  /** The article as a plain object, with only the fields it has (as the build compiled it). */
  toJSON(): Article {
    const [slug, category, tags, published, updated] = this.#store.keys(this.#index);
    return { ...this.#store.details(this.#index), slug, ...(category === null ? {} : { category }), tags, published, updated };
  }
}

function remember<K, V>(cache: Map<K, V>, key: K, value: V, limit: number): void {
  if (cache.size >= limit) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

function deflate(bytes: Uint8Array): Uint8Array {
  return zlib().deflateRawSync(bytes, { level: 9 });
}

let zlibModule: typeof Zlib | undefined;
/**
 * node:zlib, loaded on first use: a static import added ~4 ms to every
 * isolate's startup in workerd, paid even by requests that inflate nothing.
 */
function zlib(): typeof Zlib {
  return (zlibModule ??= process.getBuiltinModule("node:zlib"));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
