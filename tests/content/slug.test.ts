import { describe, expect, it } from "vitest";
import { idSuffix } from "../../src/content/slug";
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

describe("slugs are unique", () => {
  it("two equal headlines and a third that spells the second's suffix get three URLs", () => {
    const collision = `Talks end ${idSuffix("b")}`;
    const slugs = slugsById({ "a.txt": dated("Jan 3", "Talks end"), "b.txt": dated("Jan 4", "Talks end"), "c.txt": dated("Jan 2", collision) });
    expect(slugs.c).toBe(`talks-end-${idSuffix("b")}`);
    expect(slugs.a).toBe("talks-end");
    expect(new Set(Object.values(slugs)).size).toBe(3);
    for (const slug of Object.values(slugs)) expect(slug).toMatch(SLUG);
  });

  it("a front matter slug equal to a derived one wins in the same build; the derived one gets a suffix", () => {
    const slugs = slugsById({ "a.txt": dated("Jan 3", "Talks end"), "b.txt": seedText({ frontMatter: ["slug: talks-end"], headline: "Other" }) });
    expect(slugs.b).toBe("talks-end");
    expect(slugs.a).toMatch(/^talks-end-[a-z0-9]+$/);
  });
});

describe("slugs are permanent: the publication record keeps them", () => {
  const older = dated("Jan 3", "Talks end");

  it("a new article asking for a recorded slug is an error naming file:line; the older keeps its URL", () => {
    const first = compile({ "old.txt": older });
    const second = compile({ "old.txt": older, "new.txt": seedText({ frontMatter: ["slug: talks-end"], headline: "Other talks" }) }, undefined, first.record);
    expect(second.problems).toEqual([
      'seeds/new.txt:2: slug "talks-end" already used by seeds/old.txt, expected a slug no other article has or had (published URLs are permanent)',
    ]);
  });

  it("a removed article's slug stays taken", () => {
    const first = compile({ "old.txt": older });
    const second = compile({ "new.txt": dated("Jan 9", "Talks end") }, undefined, first.record);
    expect(second.articles[0]!.slug).toBe(`talks-end-${idSuffix("new")}`);
    const third = compile({ "x.txt": seedText({ frontMatter: ["slug: talks-end"], headline: "Other" }) }, undefined, first.record);
    expect(third.problems).toEqual([
      'seeds/x.txt:2: slug "talks-end" already used by seeds/published.tsv:5 (id "old", whose seed is gone), expected a slug no other article has or had (published URLs are permanent)',
    ]);
  });

  it("a recorded article keeps its slug when its headline is edited", () => {
    const first = compile({ "old.txt": older });
    const edited = compile({ "old.txt": dated("Jan 3", "Talks end in failure") }, undefined, first.record);
    expect(edited.articles[0]!.slug).toBe("talks-end");
    // The edit is a new version (issue 17): one version line, and nothing else of the record moves.
    expect(edited.record.startsWith(first.record)).toBe(true);
    expect(edited.record.slice(first.record.length)).toMatch(/^version\t3\told\t/);
  });

  it("front matter cannot move a recorded article", () => {
    const first = compile({ "old.txt": older });
    const moved = compile({ "old.txt": seedText({ frontMatter: ["slug: new-url"], headline: "Talks end", body: ["Geneva, Jan 3 (EFE).- Diplomats met.", "More."] }) }, undefined, first.record);
    expect(moved.problems).toEqual([
      'seeds/old.txt:2: slug "new-url", but this article was published at /articles/talks-end, expected slug: talks-end or no slug line (a published URL never changes)',
    ]);
    const same = compile({ "old.txt": seedText({ frontMatter: ["slug: talks-end"], headline: "Talks end", body: ["Geneva, Jan 3 (EFE).- Diplomats met.", "More."] }) }, undefined, first.record);
    expect(same.problems).toEqual([]);
  });
});
