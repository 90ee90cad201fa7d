import { describe, expect, it } from "vitest";
import { compile, seedText } from "../support/seeds";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function dated(day: string, headline: string) {
  return seedText({ headline, body: [`Geneva, ${day} (EFE).- Diplomats met.`, "More."] });
}

const slugsById = (seeds: Record<string, string>) => Object.fromEntries(compile(seeds).articles.map((a) => [a.id, a.slug]));

describe("slugs", () => {
  it("come from the headline, accents transliterated", () => {
    const slugs = slugsById({
      a: dated("Jan 3", "Café à Bogotá: el niño y la Straße"),
      b: dated("Jan 4", "Łódź, Ørsted & Æsir: “quoted” words"),
    });
    expect(slugs).toEqual({ a: "cafe-a-bogota-el-nino-y-la-strasse", b: "lodz-orsted-aesir-quoted-words" });
  });

  it("give two equal headlines distinct slugs, the older keeping the plain one", () => {
    const older = dated("Jan 3", "Talks end");
    const newer = dated("Jan 9", "Talks end");
    const alone = slugsById({ "z-old.txt": older });
    const both = slugsById({ "z-old.txt": older, "a-new.txt": newer });
    expect(alone["z-old"]).toBe("talks-end");
    expect(both["z-old"]).toBe("talks-end");
    expect(both["a-new"]).toMatch(/^talks-end-[a-z0-9]+$/);
  });

  it("are stable across rebuilds and independent of file order", () => {
    const seeds = { "x.txt": dated("Jan 3", "Talks end"), "y.txt": dated("Jan 3", "Talks end"), "w.txt": dated("Jan 3", "Talks end") };
    const reversed = Object.fromEntries(Object.entries(seeds).reverse());
    expect(slugsById(reversed)).toEqual(slugsById(seeds));
    expect(new Set(Object.values(slugsById(seeds))).size).toBe(3);
  });

  it("fall back to an id-based slug for a headline with no Latin letters", () => {
    const slugs = slugsById({ "ru.txt": dated("Jan 3", "Путин и Байден"), "zh.txt": dated("Jan 3", "日内瓦会谈") });
    for (const slug of Object.values(slugs)) expect(slug).toMatch(SLUG);
    expect(slugs.ru).not.toBe(slugs.zh);
    expect(slugsById({ "ru.txt": dated("Jan 3", "Путин и Байден") }).ru).toBe(slugs.ru);
  });

  it("are at most 80 characters, cut at a word", () => {
    const slug = slugsById({ a: dated("Jan 3", "word ".repeat(40)) }).a!;
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(SLUG);
  });

  it("the front matter slug is used as given", () => {
    expect(slugsById({ a: seedText({ frontMatter: ["slug: my-own"] }) }).a).toBe("my-own");
  });
});
