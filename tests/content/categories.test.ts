import { describe, expect, it } from "vitest";
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
