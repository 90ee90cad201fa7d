/// <reference types="vite/types/importMeta.d.ts" />
import { describe, expect, it } from "vitest";
import { detectLanguage, hasLetters, MIN_LETTERS, toSubtag } from "../../src/content/language";
import { article, seedText } from "../support/seeds";

// News copy written for this corpus (not taken from seeds/ nor from published
// stories): at least eight texts per language, from one-sentence ledes to
// several paragraphs, full of foreign names and places. `<subtag>-<n>.txt`;
// the English, Spanish, French and German ones up to -11 are whole seeds.
// bench/language.ts compares detectors on the same files (BENCHMARKS.md).
const CORPUS = import.meta.glob<string>("./language-corpus/*.txt", { query: "?raw", import: "default", eager: true });
const texts = Object.entries(CORPUS).map(([path, text]) => {
  const name = path.split("/").at(-1)!;
  return { name, language: name.split("-")[0]!, text };
});

/** The languages of issue 16 rule 7, as BCP 47 primary subtags. */
const SERVED = "en es pt fr it de nl ca pl sv da nb fi ro cs tr ru uk el ar fa he zh ja ko hi".split(" ");

/** Each text's words, cut after each one: every lede as it would read had it stopped there. */
function prefixes(text: string): string[] {
  const words = text.trim().split(/\s+/);
  return words.map((_, i) => words.slice(0, i + 1).join(" "));
}

describe("language detection on news copy", () => {
  it("has at least eight texts in each of the 26 languages served, one- or two-sentence ledes among them", () => {
    for (const language of SERVED) {
      const own = texts.filter((text) => text.language === language);
      expect(own.length, language).toBeGreaterThanOrEqual(8);
      expect(own.filter((text) => text.text.split(/[.。।؟?!]\s|[。।]/u).length <= 3).length, `${language}: short ledes`).toBeGreaterThanOrEqual(2);
    }
  });

  it("reads every text as the language it is written in (232 of 232, as BENCHMARKS.md reports)", () => {
    const wrong = texts.map((text) => ({ ...text, found: detectLanguage(text.text) })).filter((text) => text.found !== text.language);
    expect(wrong.map((text) => `${text.name}: ${text.found ?? "undecided"}`)).toEqual([]);
    expect(texts.length).toBeGreaterThanOrEqual(232);
  });

  it("never reads Portuguese as Spanish, however short the lede", () => {
    for (const { name, text } of texts.filter((text) => text.language === "pt")) {
      for (const prefix of prefixes(text)) expect([undefined, "pt"], `${name}: ${prefix}`).toContain(detectLanguage(prefix));
    }
  });

  it("tells the close pairs apart: Danish/Norwegian, Catalan/Spanish, Czech/Slovak, Ukrainian/Russian, Swedish/Norwegian", () => {
    const pairs: Record<string, string[]> = { da: ["nb"], nb: ["da", "sv"], sv: ["nb", "da"], ca: ["es"], es: ["ca"], cs: ["sk"], sk: ["cs"], uk: ["ru"], ru: ["uk"] };
    for (const [language, others] of Object.entries(pairs)) {
      for (const { name, text } of texts.filter((text) => text.language === language)) {
        const found = detectLanguage(text);
        expect(others, name).not.toContain(found);
        expect(found, name).toBe(language);
      }
    }
  });

  it("leaves copy too short to call undecided: the site's language", () => {
    for (const text of ["", "Talks ended.", "Brexit: Macron, Merkel, Sánchez.", "la de en que el le", "中国银行", "2-1 (3-3)", "Galatasaray 2 Fenerbahçe 1"]) {
      expect(detectLanguage(text), text).toBeUndefined();
    }
  });

  it("counts letters, marks on them, and Han, kana and Hangul as three", () => {
    expect(hasLetters("a".repeat(MIN_LETTERS - 1) + " 123 ...", MIN_LETTERS)).toBe(false);
    expect(hasLetters("a".repeat(MIN_LETTERS), MIN_LETTERS)).toBe(true);
    expect(hasLetters("中国人民银行宣布下调", MIN_LETTERS)).toBe(true); // ten characters
    expect(hasLetters("中国人民银行宣布下", MIN_LETTERS)).toBe(false);
    // A one-sentence Hindi lede: 29 letters, 46 with the vowels Devanagari writes as marks (matras).
    expect(hasLetters("भारतीय रिज़र्व बैंक ने रेपो दर को 6.5 प्रतिशत पर स्थिर रखा है।", MIN_LETTERS)).toBe(true);
  });

  it("says the detector's codes as BCP 47 primary subtags (Norwegian Bokmål as nb)", () => {
    expect(toSubtag("no")).toBe("nb");
    expect(toSubtag("por")).toBe("pt");
    expect(toSubtag("nob")).toBe("nb");
    expect(toSubtag("pes")).toBe("fa");
    expect(toSubtag("pt")).toBe("pt");
    expect(toSubtag("sco")).toBe("sco");
  });
});

describe("the build records the language of each story", () => {
  it("from its copy when front matter does not say it", () => {
    const portuguese = texts.find((text) => text.name === "pt-06.txt")!.text;
    const seed = seedText({ section: "Mercados", headline: "Bolsa de São Paulo fecha em queda", body: [`Geneva, Jan 21 (EFE).- ${portuguese.replace(/^.*?- /, "")}`] });
    expect(article(seed).language).toBe("pt");
    expect(article(seedText({ body: ["Geneva, Jan 21 (EFE).- Talks ended."] })).language).toBeUndefined();
  });

  it("from front matter over the copy", () => {
    const french = texts.find((text) => text.language === "fr")!.text;
    expect(article(`---\nlanguage: fr-CA\n---\n${french}`).language).toBe("fr-CA");
    expect(article(seedText({ frontMatter: ["language: de"] })).language).toBe("de");
  });
});
