import { describe, expect, it } from "vitest";
import type { Article } from "../../src/content/article";
import { ArchivedArticle, openCorpus, packArticles, packArticlesConcurrently } from "../../src/content/article-pack";
import { collect } from "../../src/content/collections";
import { archiveOf } from "../support/archive";

/** More deflated blocks than are deflated at once, so blocks finish out of order. */
const DEFLATING_SEVERAL = 8;

const openArticles = (data: ArrayBuffer | ArrayBufferView) => openCorpus(data).articles;

const article = (id: string, paragraphs: string[], extra: Partial<Article> = {}): Article => ({
  id,
  slug: id,
  title: `Title ${id}`,
  summary: paragraphs[0]!,
  paragraphs,
  tags: ["a"],
  published: "2022-01-21T12:00:00Z",
  updated: "2022-01-21T12:00:00Z",
  ...extra,
});

/** Each field read the way a renderer reads it, into a plain object (no field that is absent). */
const read = (a: Article): Article => Object.fromEntries(FIELDS.filter((field) => a[field] !== undefined).map((field) => [field, a[field]])) as unknown as Article;
const FIELDS = ["id", "slug", "title", "summary", "paragraphs", "category", "tags", "place", "agency", "authors", "initials", "published", "updated", "language", "image"] as const;

describe("the article pack the Worker bundles", () => {
  it("gives back every article exactly, in order, whatever their characters", () => {
    const articles = [
      article("one", ["“Frank” talks ‘ended’ — no deal.", "Ä, ß, é, ñ and 中文 and 🎉 (astral), <b>&amp;</b>"], { category: "Politics", place: "Genève", agency: "EFE", authors: ["EFE"], initials: "is/mp" }),
      article("two", ["Plain ASCII.", 'Quotes " and backslash \\ and \u2028 line separator'], { tags: [], language: "es", image: { url: "https://img.example/a.jpg" } }),
      article("three", ["After a multi-byte one: offsets count bytes."], { category: "Économie", tags: ["中文", "b"], updated: "2022-01-22T08:00:00Z" }),
    ];
    const opened = openArticles(packArticles(articles).pack);
    expect(opened.map(read)).toEqual(articles);
    // A plain copy (JSON, spread after toJSON) has exactly the compiled fields, absent ones absent.
    expect(JSON.parse(JSON.stringify(opened))).toStrictEqual(articles);
  });

  it("reads every article of a corpus spanning many blocks, from either end, and reads them again", () => {
    const articles = Array.from({ length: 1000 }, (_, i) => article(`a${i}`, [`Paragraph ${i} — “${"é".repeat(i % 7)}”.`, `Second ${i}.`], i % 3 ? { category: `S${i % 5}` } : {}));
    const bytes = packArticles(articles).pack;
    const opened = openArticles(bytes);
    expect(opened).toHaveLength(1000);
    // Backwards, then forwards again: blocks and records are decoded anew once forgotten.
    for (let i = 999; i >= 0; i -= 37) expect(read(opened[i]!)).toEqual(articles[i]);
    expect(opened.map(read)).toEqual(articles);
    expect(opened.map(read)).toEqual(articles);
  });

  it("prepares the deflated blocks it bundles without an archive, inflating them natively, and holds their records", async () => {
    const articles = Array.from({ length: 1000 }, (_, i) => article(`a${i}`, [`Paragraph ${i} — “${"é".repeat(i % 7)}”.`]));
    const corpus = openCorpus(packArticles(articles).pack);
    const old = corpus.articles.slice(600, 700);
    const held = await corpus.prepare(old, undefined);
    expect(held).toHaveProperty("release");
    expect(old.map(read)).toEqual(articles.slice(600, 700));
    held!.release();
    // A pack of raw blocks only (a small site) has nothing to prepare.
    expect(openCorpus(packArticles(articles.slice(0, 10)).pack).prepare(corpus.articles.slice(0, 10), undefined)).toBeUndefined();
  });

  it("opens the bytes however they are held: a Data module's ArrayBuffer or a view into a larger buffer", () => {
    const articles = [article("x", ["One."]), article("y", ["Two."])];
    const bytes = packArticles(articles).pack;
    const copy = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(copy).set(bytes);
    expect(openArticles(copy).map(read)).toEqual(articles);
    const padded = new Uint8Array(bytes.byteLength + 3);
    padded.set(bytes, 3);
    expect(openArticles(padded.subarray(3)).map(read)).toEqual(articles);
  });

  it("packs the same bytes and files when its blocks are deflated asynchronously, several at once, as the build packs them", async () => {
    const articles = Array.from({ length: 1000 }, (_, i) => article(`a${i}`, [`Paragraph ${i} — “${"é".repeat(i % 7)}”.`, "Talks went on. ".repeat(i % 40)]));
    const ways = [{}, { perBlock: 4, bundledBytes: 0 }, { perBlock: 8, bundledBytes: 20_000, archivePageSize: 7 }];
    for (const [list, options] of [...ways.map((options) => [articles, options] as const), [articles.slice(0, 2), {}] as const]) {
      const one = packArticles(list, options);
      const other = await packArticlesConcurrently(list, options);
      expect(Buffer.from(other.pack).equals(Buffer.from(one.pack))).toBe(true);
      expect([...other.archive.keys()]).toEqual([...one.archive.keys()]);
      for (const [name, block] of one.archive) expect(Buffer.from(other.archive.get(name)!).equals(Buffer.from(block))).toBe(true);
    }
    // The archived case archived something, and the partial one kept some deflated blocks as well.
    expect(packArticles(articles, ways[1]).archive.size).toBeGreaterThan(DEFLATING_SEVERAL);
    expect(packArticles(articles, ways[2]).archive.size).toBeGreaterThan(DEFLATING_SEVERAL);
    expect(packArticles(articles, ways[2]).archive.size).toBeLessThan(Math.ceil(1000 / 8) - 3);
  });

  it("is much smaller than the articles' text: all but the newest bodies ship deflated", () => {
    const text = "Talks on the budget would continue in the coming weeks despite mounting pressure. ";
    const articles = Array.from({ length: 1000 }, (_, i) => article(`a${i}`, [text.repeat(20), `${i}`]));
    const plain = new TextEncoder().encode(JSON.stringify(articles)).byteLength;
    expect(packArticles(articles).pack.byteLength).toBeLessThan(plain / 4);
  });

  it("knows, without reading every article, the latest update of all: an older story updated later counts", () => {
    const articles = [
      article("new", ["x"], { published: "2022-01-23T12:00:00Z", updated: "2022-01-23T12:00:00Z" }),
      article("old", ["x"], { published: "2022-01-20T12:00:00Z", updated: "2022-01-25T08:00:00Z" }),
    ];
    expect(openCorpus(packArticles(articles).pack).newest).toBe("2022-01-25T08:00:00Z");
  });

  it("refuses bytes that are not a pack, saying what to do", () => {
    expect(() => openArticles(new TextEncoder().encode("export const ARTICLES = [];"))).toThrow(/not a wirefeed article pack.*npm run build/);
  });

  it("holds the sections and tags exactly as collect groups them, read without grouping again", () => {
    const articles = Array.from({ length: 300 }, (_, i) =>
      article(`a${String(i).padStart(3, "0")}`, [`Paragraph ${i}.`], { ...(i % 4 ? { category: ["Politics", "Economía", "سياسة"][i % 3]! } : {}), tags: i % 5 ? [`T${i % 7}`, "Common"] : [] }),
    );
    const corpus = openCorpus(packArticles(articles).pack);
    const expected = collect(articles, "");
    const shape = (groups: ReadonlyMap<string, { kind: string; slug: string; name: string; articles: readonly Article[] }>) =>
      [...groups.values()].map((group) => [group.kind, group.slug, group.name, group.articles.map((a) => a.id)]);
    expect(shape(corpus.sections)).toEqual(shape(expected.sections));
    expect(shape(corpus.tags)).toEqual(shape(expected.tags));
  });

  it("finds each article by its slug, and nothing for any other", () => {
    const articles = Array.from({ length: 500 }, (_, i) => article(`s${i}`, ["x"], { slug: `slug-${(i * 7919) % 1000}-${i}` }));
    const corpus = openCorpus(packArticles(articles).pack);
    for (const a of articles) expect(corpus.bySlug(a.slug)?.id).toBe(a.id);
    for (const slug of ["", "slug", "slug-0", "slug-0-00", "zzz", "a", "ümlaut"]) expect(corpus.bySlug(slug)).toBeUndefined();
  });

  describe("past its budget, with its oldest blocks archived", () => {
    const articles = Array.from({ length: 100 }, (_, i) => article(`a${i}`, [`Paragraph ${i} — “${"é".repeat(i % 7)}”.`], { category: `S${i % 3}`, published: `2022-01-${String(28 - Math.floor(i / 4)).padStart(2, "0")}T12:00:00Z` }));
    /** Blocks of 4 articles, none deflated in the pack: the 3 newest blocks stay (raw), 22 are archived. */
    const packedSmall = (list: readonly Article[] = articles) => packArticles(list, { perBlock: 4, bundledBytes: 0 });

    it("writes the archived blocks as files named by their content, and keeps the rest", () => {
      const { pack, archive } = packedSmall();
      expect(archive.size).toBe(22);
      for (const name of archive.keys()) expect(name).toMatch(/^[0-9a-f]{32}\.bin$/);
      const everything = packArticles(articles).pack;
      expect(pack.byteLength).toBeLessThan(everything.byteLength);
    });

    it("reads the index of every article without the archive, and an archived record only once prepared", async () => {
      const { pack, archive } = packedSmall();
      const corpus = openCorpus(pack);
      const oldest = corpus.articles[99]!;
      expect([oldest.slug, oldest.published, oldest.category]).toEqual(["a99", articles[99]!.published, "S0"]);
      expect(() => oldest.title).toThrow(ArchivedArticle);
      // The newest are in the pack: reading them fetches nothing.
      expect(corpus.articles.slice(0, 12).map(read)).toEqual(articles.slice(0, 12));
      const fetched: string[] = [];
      await corpus.prepare(corpus.articles, archiveOf(archive, fetched));
      expect(corpus.articles.map(read)).toEqual(articles);
      expect(new Set(fetched).size).toBe(22);
      expect(fetched).toHaveLength(22);
    });

    it("fetches for each request what it needs (workerd cancels a request waiting on another's I/O), and says what is missing without an archive", async () => {
      const { pack, archive } = packedSmall();
      const corpus = openCorpus(pack);
      const fetched: string[] = [];
      const some = corpus.articles.slice(40, 48);
      await Promise.all([corpus.prepare(some, archiveOf(archive, fetched)), corpus.prepare(some, archiveOf(archive, fetched))]);
      expect(fetched).toHaveLength(4);
      expect(some.map(read)).toEqual(articles.slice(40, 48));
      // The newest are in the pack: no archive needed.
      await expect(corpus.prepare(corpus.articles.slice(0, 3), undefined)).resolves.toHaveProperty("release");
      await expect(openCorpus(pack).prepare(corpus.articles.slice(90), undefined)).rejects.toThrow(/no archive.*\[assets\].*ARCHIVE/);
    });

    it("holds what it prepared until released, whatever other requests read meanwhile", async () => {
      // 100 KB articles: reading them all is more than the caches' budgets (src/budgets.ts) keep.
      const big = Array.from({ length: 80 }, (_, i) => article(`b${i}`, [`${i} `.repeat(50_000)]));
      const { pack, archive } = packArticles(big, { perBlock: 2, bundledBytes: 0 });
      const corpus = openCorpus(pack);
      const oldest = corpus.articles.slice(78);
      const held = (await corpus.prepare(oldest, archiveOf(archive)))!;
      for (let start = 6; start < 78; start += 8) {
        const others = corpus.articles.slice(start, start + 8);
        const hold = await corpus.prepare(others, archiveOf(archive));
        others.forEach((other) => other.paragraphs);
        hold!.release();
      }
      expect(oldest.map(read)).toEqual(big.slice(78));
      held.release();
      expect(() => oldest[1]!.paragraphs).toThrow(ArchivedArticle);
    });

    it("refuses an archived file that is not the block it names", async () => {
      const { pack, archive } = packedSmall();
      const other = packedSmall(articles.map((a) => ({ ...a, title: `${a.title}!` }))).archive;
      const swapped = new Map([...archive.keys()].map((name, i) => [name, [...other.values()][i]!]));
      const corpus = openCorpus(pack);
      await expect(corpus.prepare(corpus.articles.slice(96), archiveOf(swapped))).rejects.toThrow(/the archived block [0-9a-f]{32}\.bin holds other bytes/);
    });

    it("keeps a full block's file when newer stories are added: blocks count from the oldest", () => {
      const older = packedSmall(articles.slice(4)).archive;
      const newer = packedSmall(articles).archive;
      // One block more is archived; every block archived before keeps its name and bytes.
      expect(newer.size).toBe(older.size + 1);
      for (const [name, bytes] of older) expect(newer.get(name)).toEqual(bytes);
    });
  });
});

describe("what the pack carries of a story's life (issue 17)", () => {
  const dated = (id: string, published: string, extra: Partial<Article> = {}) => article(id, [`Copy of ${id}.`], { published, updated: published, ...extra });

  it("withdrawals newest first, expiring stories by index with their id and slug, the archive page size, and the newest by updated", () => {
    const articles = [
      dated("c", "2026-03-03T00:00:00Z"),
      dated("b", "2026-03-02T00:00:00Z", { expires: "2026-04-01T00:00:00Z", updated: "2026-03-05T00:00:00Z" }),
      dated("a", "2026-03-01T00:00:00Z"),
    ];
    const withdrawn = [
      { id: "old", slug: "old", withdrawn: "2026-02-10T00:00:00Z", published: "2026-01-01T00:00:00Z", tags: [] },
      { id: "new", slug: "new", withdrawn: "2026-02-11T00:00:00Z", published: "2026-02-01T00:00:00Z", category: "World", tags: ["x"] },
    ];
    const corpus = openCorpus(packArticles(articles, { withdrawn, archivePageSize: 7 }).pack);
    expect(corpus.life.withdrawn.map((w) => w.id)).toEqual(["new", "old"]);
    expect(corpus.life.expiring).toEqual([[1, "2026-04-01T00:00:00Z", "b", "b"]]);
    expect(corpus.life.archivePageSize).toBe(7);
    expect(corpus.life.newestUpdated).toEqual([1, 0, 2]);
    expect(corpus.articles[1]!.expires).toBe("2026-04-01T00:00:00Z");
    expect([corpus.count, corpus.publishedAt(2), corpus.updatedAt(1)]).toEqual([3, "2026-03-01T00:00:00Z", "2026-03-05T00:00:00Z"]);
    expect(corpus.indexOf(corpus.bySlug("a")!)).toBe(2);
    // Nothing said: none withdrawn, pages of 50 (FEED_ITEMS' default, which earlier builds cut pages by).
    expect(openCorpus(packArticles(articles).pack).life).toMatchObject({ withdrawn: [], expiring: [[1, "2026-04-01T00:00:00Z", "b", "b"]], archivePageSize: 50 });
  });

  it("refuses articles out of order: the Worker finds held stories at the start (an embargo's are the newest)", () => {
    expect(() => packArticles([dated("a", "2026-03-01T00:00:00Z"), dated("b", "2026-03-02T00:00:00Z")])).toThrow(/newest published first; b \(2026-03-02T00:00:00Z\) follows a/);
    expect(() => packArticles([dated("a", "2026-03-01T00:00:00Z")], { archivePageSize: 0 })).toThrow(/archivePageSize 0/);
  });
});
