/// <reference types="vite/types/importMeta.d.ts" />
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STOP_WORDS, detectLanguage, stopWordVotes } from "../../src/content/language";
import { article, seedText } from "../support/seeds";

// Wire stories written for this test (not taken from seeds/): ten or more per
// language, on varied subjects and of varied length, from one-sentence ledes to
// several paragraphs, full of foreign names and places. `<language>-<n>.txt`.
const CORPUS = import.meta.glob<string>("./language-corpus/*.txt", { query: "?raw", import: "default", eager: true });
const stories = Object.entries(CORPUS).map(([path, text]) => ({ name: path.split("/").at(-1)!, language: path.split("/").at(-1)!.slice(0, 2), text }));

describe("language detection on ordinary wire copy", () => {
  it("has at least ten stories in each of English, Spanish, French and German", () => {
    const counts = Object.fromEntries(["en", "es", "fr", "de"].map((language) => [language, stories.filter((story) => story.language === language).length]));
    for (const count of Object.values(counts)) expect(count).toBeGreaterThanOrEqual(10);
  });

  it("reads at least 95 % of the stories as the language they are written in (all 44 when written)", () => {
    const wrong = stories
      .map((story) => ({ ...story, detected: article(story.text, undefined, story.name).language }))
      .filter((story) => story.detected !== story.language)
      .map((story) => `${story.name}: ${story.detected ?? "undecided"}`);
    const accuracy = (stories.length - wrong.length) / stories.length;
    expect(accuracy, wrong.join("\n")).toBeGreaterThanOrEqual(0.95);
  });

  it("front matter language overrides the copy", () => {
    const french = stories.find((story) => story.language === "fr")!.text;
    expect(article(`---\nlanguage: fr-CA\n---\n${french}`).language).toBe("fr-CA");
    expect(article(seedText({ frontMatter: ["language: de"] })).language).toBe("de");
  });

  it("leaves the site's language when the copy is too short or too mixed to call", () => {
    expect(detectLanguage("Talks ended.")).toBeUndefined();
    expect(detectLanguage("Brexit: Macron, Merkel, Sánchez.")).toBeUndefined();
    expect(detectLanguage("la de en que el le")).toBeUndefined();
  });
});

/** The votes as first written: every run of letters of the lowercased text, found by splitting on the rest. */
function referenceVotes(text: string): Array<[string, number]> {
  const words: Record<string, string[]> = {};
  for (const [language, list] of Object.entries(STOP_WORDS)) for (const word of list.split(" ")) (words[word] ??= []).push(language);
  const votes = new Map(Object.keys(STOP_WORDS).map((language) => [language, 0]));
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) for (const language of Object.hasOwn(words, word) ? words[word]! : []) votes.set(language, votes.get(language)! + 1 / words[word]!.length);
  return [...votes];
}

describe("the words the vote counts", () => {
  it("are the runs of letters of the lowercased text, whatever its characters (scan and split agree)", () => {
    const words = Object.values(STOP_WORDS).join(" ").split(" ");
    // Stop words in any case, joined by letters, marks, punctuation, astral letters and lone surrogates.
    const piece = fc.oneof(
      fc.constantFrom(...words).map((word) => (word.length > 1 ? word[0]!.toUpperCase() + word.slice(1) : word)),
      fc.constantFrom(...words),
      fc.constantFrom(" ", "  ", "'", "’", "-", "\u0301", "é", "ß", "İ", "x", "𝐀", "\ud800", "\udc00", "\n", "1", "ÉTÉ"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join("")), (text) => {
        expect(stopWordVotes(text)).toEqual(referenceVotes(text));
      }),
      { numRuns: 2000 },
    );
    for (const story of stories) expect(stopWordVotes(story.text), story.name).toEqual(referenceVotes(story.text));
  });
});

