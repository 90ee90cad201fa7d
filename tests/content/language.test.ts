/// <reference types="vite/types/importMeta.d.ts" />
import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/content/language";
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
