import { describe, expect, it } from "vitest";
import { compileSeeds } from "../../src/content/compile";
import { formatProblem } from "../../src/content/problems";
import { compile, seedText } from "../support/seeds";

const story = (date: string, headline: string) => seedText({ headline, body: [`Geneva, ${date} (EFE).- Diplomats met.`, "More."] });
const HEADER = [
  "# wirefeed publication record: one line per article ever published from this folder.",
  "# `npm run build` adds a line for each new story; commit this file with the stories.",
  "# Never edit or remove a line: it fixes for good the day the story was published (its dateline's",
  "# year is read from it), the time it gets when its copy names only a day, and its URL.",
  "# id\tpublished\ttime\tslug",
].join("\n");
/** The record's lines after its header. */
const lines = (record: string) => record.split("\n").filter((line) => line !== "" && !line.startsWith("#"));

describe("the publication record, seeds/published.tsv", () => {
  it("gets a line per new story, in file name order: id, the day it was published, its time of day, its slug", () => {
    const first = compile({ "b.txt": story("Nov 27", "Second"), "a.txt": story("Nov 27", "First"), "c.txt": seedText({ frontMatter: ["date: 2026-11-28T09:15:00+01:00"], headline: "Timed" }) }, "2026-11-29");
    expect(first.record).toBe(`${HEADER}\na\t2026-11-29\t12:00:00\tfirst\nb\t2026-11-29\t12:00:01\tsecond\nc\t2026-11-29\t-\ttimed\n`);
  });

  it("is unchanged by a build that adds nothing, and only grows: new lines go at the end, old ones stay", () => {
    const first = compile({ "b.txt": story("Nov 27", "Second") }, "2026-11-29");
    expect(compile({ "b.txt": story("Nov 27", "Second") }, "2027-03-01", first.record).record).toBe(first.record);
    const second = compile({ "a.txt": story("Dec 1", "Later"), "b.txt": story("Nov 27", "Second") }, "2026-12-02", first.record);
    expect(lines(second.record)).toEqual(["b\t2026-11-29\t12:00:00\tsecond", "a\t2026-12-02\t12:00:00\tlater"]);
    const withdrawn = compile({ "a.txt": story("Dec 1", "Later") }, "2026-12-03", second.record);
    expect(withdrawn.record).toBe(second.record);
  });

  it("reads a checkout's CRLF line endings as the same record", () => {
    const first = compile({ "b.txt": story("Nov 27", "Second") }, "2026-11-29");
    const crlf = first.record.replace(/\n/g, "\r\n");
    expect(compile({ "b.txt": story("Nov 27", "Second") }, "2026-11-29", crlf).record).toBe(crlf);
  });

  it("rejects a line it cannot read, naming the record's line", () => {
    const result = compile({ "a.txt": story("Nov 27", "First") }, "2026-11-29", `${HEADER}\na\t2026-13-01\t12:00:00\tfirst\nb\t2026-11-29\tnoon\tsecond\nc only\n`);
    expect(result.problems).toEqual([
      'seeds/published.tsv:6: date "2026-13-01" in "a\\t2026-13-01\\t12:00:00\\tfirst", expected id<TAB>YYYY-MM-DD<TAB>12:MM:SS or -<TAB>slug, as the build writes it',
      'seeds/published.tsv:7: time "noon" in "b\\t2026-11-29\\tnoon\\tsecond", expected id<TAB>YYYY-MM-DD<TAB>12:MM:SS or -<TAB>slug, as the build writes it',
      'seeds/published.tsv:8: 1 field in "c only", expected id<TAB>YYYY-MM-DD<TAB>12:MM:SS or -<TAB>slug, as the build writes it',
    ]);
  });

  it("lists why it changes, which a frozen build refuses: each story it does not hold, as file:1", () => {
    const first = compile({ "a.txt": story("Nov 27", "First") }, "2026-11-29");
    const { records } = compileSeeds([{ dir: "seeds", seeds: [{ file: "seeds/a.txt", text: story("Nov 27", "First") }, { file: "seeds/b.txt", text: story("Nov 28", "Second") }], record: first.record }], { today: "2026-11-29" });
    expect(records[0]!.changes.map(formatProblem)).toEqual([
      "seeds/b.txt:1: a story not in the publication record seeds/published.tsv, expected its line there, which a build without --frozen writes, committed with the story",
    ]);
    const { records: unchanged } = compileSeeds([{ dir: "seeds", seeds: [{ file: "seeds/a.txt", text: story("Nov 27", "First") }], record: first.record }], { today: "2026-11-29" });
    expect(unchanged[0]!.changes).toEqual([]);
  });
});

describe("what a union merge of two branches' records leaves, repaired", () => {
  // main recorded a.txt, a branch b.txt and c.txt the same day; git's union merge keeps both sides' lines.
  const seeds = { "a.txt": story("Nov 27", "Talks end"), "b.txt": story("Nov 27", "Talks end"), "c.txt": story("Nov 28", "Other") };
  const merged = `${HEADER}\na\t2026-11-28\t12:00:00\ttalks-end\nb\t2026-11-28\t12:00:00\ttalks-end\nc\t2026-11-28\t12:00:00\tother\nc\t2026-11-28\t12:00:00\tother\n`;

  it("the first line keeps the URL and the time; the later story gets its own, and the record says so", () => {
    const result = compile(seeds, "2026-11-29", merged);
    expect(result.problems).toEqual([]);
    const byId = Object.fromEntries(result.articles.map((a) => [a.id, [a.slug, a.published]]));
    expect(byId).toEqual({ a: ["talks-end", "2026-11-27T12:00:00Z"], b: [expect.stringMatching(/^talks-end-[a-z0-9]+$/), "2026-11-27T12:00:01Z"], c: ["other", "2026-11-28T12:00:00Z"] });
    expect(lines(result.record)).toEqual(["a\t2026-11-28\t12:00:00\ttalks-end", `b\t2026-11-28\t12:00:01\t${byId.b![0]}`, "c\t2026-11-28\t12:00:00\tother"]);
    expect(result.warnings).toEqual([
      'seeds/published.tsv:9: id "c" recorded again (first on line 8; a merge of two branches can leave this), expected one line per article; the build keeps the first and drops this one',
      `seeds/published.tsv:7: slug "talks-end" of "b", which seeds/a.txt has (a merge of two branches can leave this), expected one article per URL: "b" gets /articles/${byId.b![0]}`,
      'seeds/published.tsv:7: "b" recorded with time 12:00:00, which a story of that day earlier in the record has, expected a time of its own: 12:00:01',
    ]);
    // Repaired once: the next build reads its own record as it is.
    expect(compile(seeds, "2026-11-30", result.record).record).toBe(result.record);
  });
});
