import { describe, expect, it } from "vitest";
import type { Article } from "../../src/content/article";
import { packArticles } from "../../src/content/bundle";
import { withLazyBodies } from "../../src/content/lazy-bodies";

const article = (id: string, paragraphs: string[]): Article => ({
  id,
  slug: id,
  title: `Title ${id}`,
  summary: paragraphs[0]!,
  paragraphs,
  tags: ["a"],
  published: "2022-01-21T12:00:00Z",
  updated: "2022-01-21T12:00:00Z",
});

describe("the generated module's article storage", () => {
  it("gives back every article exactly, bodies included, whatever their characters", () => {
    const articles = [
      article("one", ["“Frank” talks ‘ended’ — no deal.", "Ä, ß, é, ñ and 中文 and 🎉 (astral), <b>&amp;</b>"]),
      article("two", ["Plain ASCII.", 'Quotes " and backslash \\ and \u2028 line separator']),
      article("three", ["Second article after a multi-byte one: offsets must count bytes."]),
    ];
    const { index, bodies } = packArticles(articles);
    const restored = withLazyBodies(index, bodies);
    expect(restored.map((a) => ({ ...a }))).toEqual(articles);
  });

  it("keeps the bodies one byte per character, so the runtime holds them compactly", () => {
    const { bodies } = packArticles([article("x", ["“Curly” quotes and 🎉"])]);
    expect([...bodies].every((ch) => ch.charCodeAt(0) <= 0xff)).toBe(true);
  });
});
