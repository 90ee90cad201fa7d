import { BUDGETS } from "../budgets";
import { LruMap } from "../lru-map";
import { zlib } from "../zlib";
import type { Article } from "./article";
import { collect, collectionSlug, type Collection } from "./collections";

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
 *   consecutive articles (newest first, so a feed's items share a few
 *   blocks), the newest stored as they are and the rest deflated; a block is
 *   inflated and one article's record parsed only when a renderer reads it.
 *
 * Layout, little-endian u32 words: magic, count, PER_BLOCK, RAW_BLOCKS,
 * section count, the byte offset of each section, the length of each, and
 * per article the end of its record within its (inflated) block. Sections: the
 * index, the groups (JSON), the members, then the blocks. Every section
 * starts on a 4-byte boundary, so word columns are read as Uint32Arrays.
 */
const MAGIC = 0x33414657; // "WFA3"
/** ~80 KB of JSON per block: deflate's ratio levels off there, and one inflates in well under a millisecond. */
const PER_BLOCK = 32;
/**
 * Blocks stored as they are: the newest 64 articles, enough for the default
 * 50-item feeds and home page. Loading node:zlib costs a fresh isolate ~6 ms,
 * which the first request, nearly always one of those, then does not pay.
 */
const RAW_BLOCKS = 2;
const HEADER_WORDS = 5;
const FIXED_SECTIONS = 3;
/** An RFC 3339 UTC instant to the second is 20 ASCII characters: `2022-01-21T12:00:00Z`. */
const INSTANT = 20;
const NONE = 0xffffffff;

/** What the index holds of an article: the rest is its record. */
type IndexField = "slug" | "category" | "tags" | "published" | "updated";
type Details = Omit<Article, IndexField>;
type GroupList = Array<[slug: string, name: string]>;

/** The compiled articles and how they group, as the Worker reads them. */
export interface Corpus {
  /** Newest first. */
  readonly articles: readonly Article[];
  /** The sections and tags by slug, each in `collect`'s order, made on first use. */
  readonly sections: ReadonlyMap<string, Collection>;
  readonly tags: ReadonlyMap<string, Collection>;
  /** The article published at `/articles/<slug>`, found without a map of every slug. */
  bySlug(slug: string): Article | undefined;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The articles (newest first) as the bytes `openCorpus` reads. */
export function packArticles(articles: readonly Article[]): Uint8Array {
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

  const groupList: { sections: GroupList; tags: GroupList } = {
    sections: [...sections.values()].map((group) => [group.slug, group.name]),
    tags: [...tags.values()].map((group) => [group.slug, group.name]),
  };
  let memberEnd = 0;
  const memberEnds = words([0, ...groups.map((group) => (memberEnd += group.articles.length))]);
  const members = concat([words([groups.length]), memberEnds, words(groups.flatMap((group) => group.articles.map((article) => number.get(article)!)))]);

  const blocks: Uint8Array[] = [];
  const recordEnds: number[] = [];
  for (let start = 0; start < articles.length; start += PER_BLOCK) {
    const records = articles.slice(start, start + PER_BLOCK).map(({ slug, category, tags, published, updated, ...details }) => encoder.encode(JSON.stringify(details)));
    let end = 0;
    for (const record of records) recordEnds.push((end += record.byteLength));
    const block = concat(records);
    blocks.push(blocks.length < RAW_BLOCKS ? block : deflate(block));
  }

  const sectionsOut = [index, encoder.encode(JSON.stringify(groupList)), members, ...blocks];
  const header = [MAGIC, articles.length, PER_BLOCK, RAW_BLOCKS, sectionsOut.length];
  let offset = (header.length + 2 * sectionsOut.length + recordEnds.length) * 4;
  const starts = sectionsOut.map((section) => {
    const at = offset;
    offset += padded(section).byteLength;
    return at;
  });
  return concat([words([...header, ...starts, ...sectionsOut.map((section) => section.byteLength), ...recordEnds]), ...sectionsOut.map(padded)]);
}

/**
 * The corpus in `data` (a Data module's ArrayBuffer, or a file's bytes).
 * Cheap: it reads the header and makes one small object per article; each
 * field is decoded when it is read.
 */
export function openCorpus(data: ArrayBuffer | ArrayBufferView): Corpus {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  // Word columns need a word-aligned start; a Data module is, a view into a Node Buffer's pool may not be.
  return new PackedCorpus(new Pack(bytes.byteOffset % 4 === 0 ? bytes : bytes.slice()));
}

/** The bytes of a pack, and the views into them that reading needs. */
class Pack {
  readonly count: number;
  readonly category: Uint32Array;
  readonly tagEnds: Uint32Array;
  readonly tagIds: Uint32Array;
  readonly slugEnds: Uint32Array;
  readonly slugOrder: Uint32Array;
  readonly dates: Uint8Array;
  readonly slugBytes: Uint8Array;
  private readonly words: Uint32Array;
  private readonly sectionCount: number;
  /** Parsed records, by the bytes of their JSON: a record's strings hold about twice that. */
  private readonly records = new LruMap<number, { details: Details; bytes: number }>({ bytes: BUDGETS.records, sizeOf: (record) => 2 * record.bytes });
  private readonly blocks = new LruMap<number, Uint8Array>({ bytes: BUDGETS.blocks, sizeOf: (block) => block.byteLength });

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.byteLength < HEADER_WORDS * 4) throw new Error(NOT_A_PACK);
    this.words = new Uint32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4));
    if (this.words[0] !== MAGIC || this.words[2] !== PER_BLOCK || this.words[3] !== RAW_BLOCKS) throw new Error(NOT_A_PACK);
    this.count = this.words[1]!;
    this.sectionCount = this.words[4]!;
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

  /** Section 0 is the index, 1 the groups, 2 the members, 3… the blocks; without the padding after it. */
  section(section: number): Uint8Array {
    const start = this.words[HEADER_WORDS + section]!;
    return this.bytes.subarray(start, start + this.words[HEADER_WORDS + this.sectionCount + section]!);
  }

  /** `length` words of `section` from byte `at`. */
  u32(section: Uint8Array, at: number, length: number): Uint32Array {
    return new Uint32Array(section.buffer, section.byteOffset + at, length);
  }

  details(index: number): Details {
    let record = this.records.get(index);
    if (record === undefined) {
      const block = Math.floor(index / PER_BLOCK);
      const recordEnds = HEADER_WORDS + 2 * this.sectionCount;
      const start = index === block * PER_BLOCK ? 0 : this.words[recordEnds + index - 1]!;
      const json = this.block(block).subarray(start, this.words[recordEnds + index]);
      record = { details: JSON.parse(decoder.decode(json)) as Details, bytes: json.byteLength };
      this.records.set(index, record);
    }
    return record.details;
  }

  private block(block: number): Uint8Array {
    let inflated = this.blocks.get(block);
    if (inflated === undefined) {
      const section = this.section(FIXED_SECTIONS + block);
      // A raw block is a view into the pack, which is held anyway: it weighs nothing here.
      if (block < RAW_BLOCKS) return section;
      inflated = zlib().inflateRawSync(section);
      this.blocks.set(block, inflated);
    }
    return inflated;
  }
}

const NOT_A_PACK = "openCorpus: not a wirefeed article pack of this version; run `npm run build`";

class PackedCorpus implements Corpus {
  #articles: readonly Article[] | undefined;
  #groups: { sections: Map<string, Collection>; tags: Map<string, Collection>; names: string[] } | undefined;

  constructor(private readonly pack: Pack) {}

  /** Made on first use: at 100,000 articles, an isolate whose first request is a prerendered feed makes none. */
  get articles(): readonly Article[] {
    return (this.#articles ??= Array.from({ length: this.pack.count }, (_, index) => new StoredArticle(this, this.pack, index)));
  }

  get sections(): ReadonlyMap<string, Collection> {
    return this.groups().sections;
  }

  get tags(): ReadonlyMap<string, Collection> {
    return this.groups().tags;
  }

  /** Group `id`'s name: sections first, then tags, as packed. */
  groupName(id: number): string {
    return this.groups().names[id]!;
  }

  bySlug(slug: string): Article | undefined {
    const wanted = encoder.encode(slug);
    const { slugOrder } = this.pack;
    let [low, high] = [0, slugOrder.length - 1];
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const index = slugOrder[middle]!;
      const order = compareBytes(slugAt(this.pack, index), wanted);
      if (order === 0) return this.articles[index];
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  private groups() {
    if (this.#groups === undefined) {
      const corpus = this;
      const list = JSON.parse(decoder.decode(this.pack.section(1))) as { sections: GroupList; tags: GroupList };
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
            const collection: Collection = { kind, slug, name, get articles() { return (list ??= Array.from(own, (i) => corpus.articles[i]!)); } };
            return [slug, collection];
          }),
        );
      const sections = make("section", list.sections);
      const tags = make("tag", list.tags);
      this.#groups = { sections, tags, names: [...list.sections, ...list.tags].map(([, name]) => name) };
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
    return this.#pack.details(this.#index).id;
  }
  get title(): string {
    return this.#pack.details(this.#index).title;
  }
  get summary(): string {
    return this.#pack.details(this.#index).summary;
  }
  get paragraphs(): string[] {
    return this.#pack.details(this.#index).paragraphs;
  }
  get place(): string | undefined {
    return this.#pack.details(this.#index).place;
  }
  get agency(): string | undefined {
    return this.#pack.details(this.#index).agency;
  }
  get author(): string | undefined {
    return this.#pack.details(this.#index).author;
  }
  get initials(): string | undefined {
    return this.#pack.details(this.#index).initials;
  }
  get language(): string | undefined {
    return this.#pack.details(this.#index).language;
  }
  get image(): string | undefined {
    return this.#pack.details(this.#index).image;
  }

  /** The article as a plain object, with only the fields it has (as the build compiled it). */
  toJSON(): Article {
    const category = this.category;
    return { ...this.#pack.details(this.#index), slug: this.slug, ...(category === undefined ? {} : { category }), tags: this.tags, published: this.published, updated: this.updated };
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

function deflate(bytes: Uint8Array): Uint8Array {
  return zlib().deflateRawSync(bytes, { level: 9 });
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
