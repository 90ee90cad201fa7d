import { describe, expect, it } from "vitest";
import type { Article } from "../../src/content/article";
import { openArticles, packArticles } from "../../src/content/article-pack";

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
const FIELDS = ["id", "slug", "title", "summary", "paragraphs", "category", "tags", "place", "agency", "author", "initials", "published", "updated", "language", "image"] as const;

describe("the article pack the Worker bundles", () => {
  it("gives back every article exactly, in order, whatever their characters", () => {
    const articles = [
      article("one", ["“Frank” talks ‘ended’ — no deal.", "Ä, ß, é, ñ and 中文 and 🎉 (astral), <b>&amp;</b>"], { category: "Politics", place: "Genève", agency: "EFE", author: "EFE", initials: "is/mp" }),
      article("two", ["Plain ASCII.", 'Quotes " and backslash \\ and \u2028 line separator'], { tags: [], language: "es", image: "https://img.example/a.jpg" }),
      article("three", ["After a multi-byte one: offsets count bytes."], { category: "Économie", tags: ["中文", "b"], updated: "2022-01-22T08:00:00Z" }),
    ];
    const opened = openArticles(packArticles(articles));
    expect(opened.map(read)).toEqual(articles);
    // A plain copy (JSON, spread after toJSON) has exactly the compiled fields, absent ones absent.
    expect(JSON.parse(JSON.stringify(opened))).toStrictEqual(articles);
  });

  it("reads every article of a corpus spanning many blocks, from either end, and reads them again", () => {
    const articles = Array.from({ length: 1000 }, (_, i) => article(`a${i}`, [`Paragraph ${i} — “${"é".repeat(i % 7)}”.`, `Second ${i}.`], i % 3 ? { category: `S${i % 5}` } : {}));
    const bytes = packArticles(articles);
    const opened = openArticles(bytes);
    expect(opened).toHaveLength(1000);
    // Backwards, then forwards again: blocks and records are decoded anew once forgotten.
    for (let i = 999; i >= 0; i -= 37) expect(read(opened[i]!)).toEqual(articles[i]);
    expect(opened.map(read)).toEqual(articles);
    expect(opened.map(read)).toEqual(articles);
  });

  it("opens the bytes however they are held: a Data module's ArrayBuffer or a view into a larger buffer", () => {
    const articles = [article("x", ["One."]), article("y", ["Two."])];
    const bytes = packArticles(articles);
    const copy = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(copy).set(bytes);
    expect(openArticles(copy).map(read)).toEqual(articles);
    const padded = new Uint8Array(bytes.byteLength + 3);
    padded.set(bytes, 3);
    expect(openArticles(padded.subarray(3)).map(read)).toEqual(articles);
  });

  it("is much smaller than the articles' text: all but the newest bodies ship deflated", () => {
    const text = "Talks on the budget would continue in the coming weeks despite mounting pressure. ";
    const articles = Array.from({ length: 1000 }, (_, i) => article(`a${i}`, [text.repeat(20), `${i}`]));
    const plain = new TextEncoder().encode(JSON.stringify(articles)).byteLength;
    expect(packArticles(articles).byteLength).toBeLessThan(plain / 4);
  });

  it("refuses bytes that are not a pack, saying what to do", () => {
    expect(() => openArticles(new TextEncoder().encode("export const ARTICLES = [];"))).toThrow(/not a wirefeed article pack.*npm run build/);
  });
});
