import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectionSlug, isCollectionSlug } from "../../src/content/collections";
import { articles, compile, seedText } from "../support/seeds";

const filed = (section: string, tags: string | undefined, date = "Nov 27") =>
  seedText({ section, frontMatter: tags === undefined ? undefined : [`tags: ${tags}`], body: [`Geneva, ${date} (EFE).- Diplomats met.`, "More."] });
const names = (list: ReturnType<typeof articles>) => Object.fromEntries(list.map((a) => [a.id, [a.category, ...a.tags]]));

describe("sections and tags carry their collection's canonical name", () => {
  it("a tag list names each collection once: `Ukraine!, Ukraine?, UKRAINE., ukraïne` is one tag", () => {
    const [story] = articles({ "a.txt": filed("World", "Ukraine!, Ukraine?, UKRAINE., ukraïne, Russia") });
    expect(story!.tags).toEqual(["Ukraine!", "Russia"]);
  });

  it("a tag that repeats the section adds nothing", () => {
    const [story] = articles({ "a.txt": filed("Politics", "politics, Congress") });
    expect([story!.category, story!.tags]).toEqual(["Politics", ["Congress"]]);
  });

  it("every article spells a section or tag as the first article to use it, in publication order", () => {
    const list = articles({ "a.txt": filed("Politics", "Congress"), "b.txt": filed("politics ", "congress, Budget  Talks"), "c.txt": filed("POLITICS", "budget talks") });
    expect(names(list)).toEqual({ a: ["Politics", "Congress"], b: ["Politics", "Congress", "Budget Talks"], c: ["Politics", "Budget Talks"] });
  });

  it("an article added later never renames one, even when it is dated earlier or sorts first", () => {
    const first = compile({ "m.txt": filed("politics", "congress", "Nov 27") }, "2026-11-29");
    const later = compile({ "a.txt": filed("Politics", "Congress", "Nov 20"), "m.txt": filed("politics", "congress", "Nov 27") }, "2026-12-01", first.record);
    expect(names(later.articles)).toEqual({ a: ["politics", "congress"], m: ["politics", "congress"] });
  });
});

describe("collection slugs: distinct names stay distinct, one name one slug", () => {
  it("keeps letters of every script and the # and + that close a word", () => {
    const slugs = ["Выборы 2024 США", "Выборы 2024 Россия", "C", "C#", "C++", "F#", "日内瓦会谈", "हिन्दी समाचार", "Йошкар-Ола", "Иошкар-Ола"].map(collectionSlug);
    expect(slugs).toEqual(["выборы-2024-сша", "выборы-2024-россия", "c", "c#", "c++", "f#", "日内瓦会谈", "हिन्दी-समाचार", "йошкар-ола", "иошкар-ола"]);
  });

  it("merges only case, accents of Latin and Greek, spacing and punctuation that means nothing", () => {
    for (const group of [
      ["Ukraine", "Ukraine!", "UKRAINE.", "ukraïne", " ukraine "],
      ["Выборы 2024 США", "выборы  2024, США!", "ВЫБОРЫ 2024 США"],
      ["Ελλάδα", "ΕΛΛΑΔΑ", "ελλαδα"],
      ["C++", "c++", "C++!"],
      ["MeToo", "#MeToo"],
      ["Rock and Roll", "rock-and-roll"],
    ]) {
      expect(new Set(group.map(collectionSlug)), group[0]).toHaveProperty("size", 1);
    }
  });

  it("gives names of Latin letters, digits and punctuation the slug they always had", () => {
    const published: [string, string][] = [
      ["Economía", "economia"],
      ["Côte d’Ivoire", "cote-divoire"],
      ["Straße", "strasse"],
      ["Łódź", "lodz"],
      ["Rock+Roll", "rock-roll"],
      ["G7 / G20", "g7-g20"],
      ["İstanbul", "istanbul"],
      ["ℌello", "hello"],
    ];
    for (const [name, slug] of published) expect(collectionSlug(name), name).toBe(slug);
    expect(collectionSlug("!!!")).toMatch(/^x-[a-z0-9]{7}$/);
  });

  it("every slug is the slug of itself, which is how the router knows it (isCollectionSlug)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 24 }), (name) => {
        expect(isCollectionSlug(collectionSlug(name))).toBe(true);
      }),
      { numRuns: 3000 },
    );
    for (const text of ["Выборы", "c%23", "a--b", "-a", "a b", "économie", ""]) expect(isCollectionSlug(text), text).toBe(false);
  });
});
