import { describe, expect, it } from "vitest";
import { compileSeeds } from "../../src/content/compile";
import { formatProblem } from "../../src/content/problems";
import { checksum, formatLine, parseRecord } from "../../src/content/publication-record";
import { compile, seedText } from "../support/seeds";

const story = (date: string, headline: string, lede = "Diplomats met.") => seedText({ headline, body: [`Geneva, ${date} (EFE).- ${lede}`, "More."] });
/** The record's event lines (after its `wirefeed-record` line). */
const lines = (record: string) => record.split(/\r\n|\r|\n/).filter((line) => /^(published|moved|checked|version|embargo|withdrawn|republished|setting)\t/.test(line));
const fields = (line: string) => line.split("\t");
const published = (result: { articles: Array<{ id: string; slug: string; published: string }> }) => Object.fromEntries(result.articles.map((a) => [a.id, `${a.slug} ${a.published}`]));
/** A record of `events`, as a build writes it, after its header. */
const header = (record: string) => record.slice(0, record.indexOf("wirefeed-record\t2\n") + "wirefeed-record\t2\n".length);
/** The 1-based line of `text` in `record`. */
const lineOf = (record: string, text: string) => record.split("\n").indexOf(text) + 1;

describe("the publication record, seeds/published.tsv: a ledger", () => {
  it("gets a published line per new story, in file name order: number, id, when recorded, its instant, its URL, its fingerprint, a checksum", () => {
    const first = compile({ "b.txt": story("Nov 27", "Second"), "a.txt": story("Nov 27", "First"), "c.txt": seedText({ frontMatter: ["date: 2026-11-28T09:15:00+01:00"], headline: "Timed" }) }, "2026-11-29");
    expect(first.record.split("\n").filter((line) => !line.startsWith("#"))[0]).toBe("wirefeed-record\t2");
    const written = lines(first.record).map(fields).filter((line) => line[0] === "published");
    expect(written.map((line) => line.slice(0, 6))).toEqual([
      ["published", "1", "a", "2026-11-29T00:00:00Z", "2026-11-27T12:00:00Z", "first"],
      ["published", "2", "b", "2026-11-29T00:00:00Z", "2026-11-27T12:00:01Z", "second"],
      ["published", "3", "c", "2026-11-29T00:00:00Z", "2026-11-28T08:15:00Z", "timed"],
    ]);
    for (const line of written) {
      expect(line[6]).toMatch(/^[0-9a-f]{8}\.[0-9a-f]{8}$/);
      // The copy's hash (issue 17), so a later build tells a new version from a rebuild.
      expect(line[7]).toMatch(/^[0-9a-f]{8}$/);
      expect(line[8]).toBe(checksum(line.slice(0, 8)));
    }
  });

  it("is unchanged by a build that adds nothing, and only grows: new lines appended and numbered on, old ones untouched", () => {
    const first = compile({ "b.txt": story("Nov 27", "Second") }, "2026-11-29");
    expect(compile({ "b.txt": story("Nov 27", "Second") }, "2027-03-01", first.record).record).toBe(first.record);
    const second = compile({ "a.txt": story("Dec 1", "Later"), "b.txt": story("Nov 27", "Second") }, "2026-12-02", first.record);
    expect(second.record.startsWith(first.record)).toBe(true);
    expect(lines(second.record).map((line) => fields(line).slice(0, 3))).toEqual([["published", "1", "b"], ["setting", "2", "archive-page-size"], ["published", "3", "a"]]);
    // Withdrawn (its file deleted): the record keeps its lines, says so once, and the URL stays taken.
    const withdrawn = compile({ "a.txt": story("Dec 1", "Later") }, "2026-12-03", second.record);
    expect(withdrawn.record).toBe(`${second.record}withdrawn\t4\tb\t2026-12-03T00:00:00Z\t${checksum(["withdrawn", "4", "b", "2026-12-03T00:00:00Z"])}\n`);
    expect(compile({ "a.txt": story("Dec 1", "Later") }, "2026-12-04", withdrawn.record).record).toBe(withdrawn.record);
    expect(compile({ "c.txt": story("Dec 2", "Second") }, "2026-12-03", second.record).articles[0]!.slug).toMatch(/^second-[a-z0-9]+$/);
  });

  it("reads LF, CRLF and CR line endings, with or without a byte order mark, as the same record, and appends in the file's own", () => {
    const seeds = { "a.txt": story("Nov 27", "First"), "b.txt": story("Nov 27", "Second") };
    const first = compile(seeds, "2026-11-29");
    for (const eol of ["\n", "\r\n", "\r"]) {
      for (const bom of ["", "\uFEFF"]) {
        const text = bom + first.record.replace(/\n/g, eol);
        const again = compile(seeds, "2026-12-01", text);
        expect(again.problems, JSON.stringify(eol + bom)).toEqual([]);
        expect(again.record).toBe(text);
        expect(published(again)).toEqual(published(first));
        const grown = compile({ ...seeds, "c.txt": story("Nov 30", "Third") }, "2026-12-01", text);
        expect(grown.record.startsWith(text) && grown.record.slice(text.length).endsWith(eol)).toBe(true);
        expect(compile({ ...seeds, "c.txt": story("Nov 30", "Third") }, "2026-12-02", grown.record).record).toBe(grown.record);
      }
    }
  });

  describe("every line it cannot read stops the build, naming the line", () => {
    const seeds = { "a.txt": story("Nov 27", "First"), "b.txt": story("Nov 27", "Second") };
    const good = compile(seeds, "2026-11-29").record;
    const [lineA, lineB] = lines(good) as [string, string];
    const at = (record: string, line: string) => `seeds/published.tsv:${lineOf(record, line)}`;
    const refused = (record: string) => {
      const result = compile(seeds, "2026-11-30", record);
      expect(result.articles).toEqual([]);
      // Left as it was, and no second message about its layout.
      expect(result.record).toBe(record);
      expect(result.warnings).toEqual([]);
      return result.problems;
    };

    it("a line edited by hand: its checksum no longer matches", () => {
      for (const [field, value] of [[5, "first-moved"], [4, "2026-11-26T12:00:00Z"], [2, "z"], [3, "2026-11-28T00:00:00Z"]] as const) {
        const edited = fields(lineA).map((text, i) => (i === field ? value : text)).join("\t");
        const record = good.replace(lineA, edited);
        expect(refused(record)).toEqual([expect.stringMatching(new RegExp(`^${at(record, edited)}: checksum [0-9a-f]{8} that does not match the line's fields \\(edited by hand\\?\\) in ".*", expected the line as the build wrote it: restore it from git`))]);
      }
    });

    it("a line commented out, or removed", () => {
      const commented = good.replace(lineA, `# ${lineA}`);
      expect(refused(commented)).toEqual([expect.stringContaining(`${at(commented, `# ${lineA}`)}: a record line commented out:`)]);
      const removed = good.replace(`${lineA}\n`, "");
      expect(refused(removed)).toEqual([`${at(removed, lineB)}: line numbered 1 missing before this one (numbered 2): removed from the record, expected every line the build wrote: restore it from git (\`git log -p -- seeds/published.tsv\`)`]);
    });

    it("a line of the wrong shape, an unknown event, a comment among the lines, a format it does not know", () => {
      const record = `${good}nonsense\nretracted\t3\ta\t2026-11-30T00:00:00Z\tffffffff\n# a note\n`;
      const kinds = "published|moved|checked|version|embargo|withdrawn|republished|setting";
      expect(refused(record)).toEqual([
        `seeds/published.tsv:${lineOf(record, "nonsense")}: event "nonsense" in "nonsense", expected a line as the build writes it: ${kinds}<TAB>n<TAB>id<TAB>… <TAB>checksum`,
        `seeds/published.tsv:${lineOf(record, "nonsense") + 1}: event "retracted" in "retracted\\t3\\ta\\t2026-11-30T00:00:00Z\\tffffffff", expected a line as the build writes it: ${kinds}<TAB>n<TAB>id<TAB>… <TAB>checksum`,
        `seeds/published.tsv:${lineOf(record, "# a note")}: a comment among the record's lines: "# a note", expected comments only above the wirefeed-record line (the build writes none below it)`,
      ]);
      const newer = good.replace("wirefeed-record\t2", "wirefeed-record\t3");
      expect(refused(newer)).toEqual([`seeds/published.tsv:${lineOf(newer, "wirefeed-record\t3")}: "wirefeed-record\\t3", a record format this wirefeed does not read, expected wirefeed-record<TAB>2 (a newer wirefeed wrote it? update this project)`]);
    });

    it("a slug longer than the router answers (128 characters), even with a good checksum", () => {
      const long = formatLine({ kind: "published", id: "c", recorded: Date.parse("2026-11-29T00:00:00Z"), instant: Date.parse("2026-11-27T12:00:05Z"), slug: "a".repeat(129) }, 3);
      const record = `${good}${long}\n`;
      expect(refused(record)).toEqual([expect.stringContaining(`${at(record, long)}: slug "${"a".repeat(129)}" in`)]);
      expect(parseRecord(`${good}${long.replace("a".repeat(129), "a".repeat(128)).replace(/\t[0-9a-f]{8}$/, "")}\tx\n`, "p").problems).toHaveLength(1);
    });
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

  it("reads the format before it (id, day, time, slug) and rewrites it as a ledger with the same URLs and instants; a story whose seed is gone keeps its URL", () => {
    const v1 = [
      "# wirefeed publication record: one line per article ever published from this folder.",
      "# id\tpublished\ttime\tslug",
      "a\t2026-11-28\t12:00:00\tfirst",
      "gone\t2026-11-28\t12:00:01\tgone-story",
      "b\t2026-11-28\t12:00:02\tsecond",
      "c\t2026-11-28\t-\ttimed",
      "",
    ].join("\n");
    const seeds = { "a.txt": story("Nov 27", "First"), "b.txt": story("Nov 27", "Second"), "c.txt": seedText({ frontMatter: ["date: 2026-11-28T09:15:00+01:00"], headline: "Timed" }) };
    const result = compile(seeds, "2026-12-01", v1);
    expect(result.problems).toEqual([]);
    expect(published(result)).toEqual({ a: "first 2026-11-27T12:00:00Z", b: "second 2026-11-27T12:00:02Z", c: "timed 2026-11-28T08:15:00Z" });
    expect(result.warnings).toContain("seeds/published.tsv:1: a record in the format of an earlier wirefeed (lines of id, day, time, slug), expected the ledger format (wirefeed-record 2), which a build without --frozen writes: commit it");
    expect(lines(result.record).map((line) => fields(line).slice(0, 6).join(" "))).toEqual([
      "published 1 a 2026-11-28T00:00:00Z 2026-11-27T12:00:00Z first",
      "published 2 gone 2026-11-28T00:00:00Z - gone-story",
      "published 3 b 2026-11-28T00:00:00Z 2026-11-27T12:00:02Z second",
      "published 4 c 2026-11-28T00:00:00Z 2026-11-28T08:15:00Z timed",
      // Issue 17: the story whose seed is gone is withdrawn, the copies are hashed as they stand, the archive page size fixed.
      "withdrawn 5 gone 2026-12-01T00:00:00Z ebaafcda",
      "version 6 a 2026-12-01T00:00:00Z - dc6b1d02",
      "version 7 b 2026-12-01T00:00:00Z - 34405aa6",
      "version 8 c 2026-12-01T00:00:00Z - f5c127d4",
      "setting 9 archive-page-size 2026-12-01T00:00:00Z 50 c76c3ad3",
    ]);
    expect(compile(seeds, "2026-12-02", result.record).record).toBe(result.record);
    // The old format's lines, commented out, are lines removed.
    expect(compile(seeds, "2026-12-01", v1.replace("\nb\t", "\n# b\t")).problems).toEqual([expect.stringContaining("seeds/published.tsv:5: a record line commented out")]);
  });
});

describe("a published id stays its story's", () => {
  const first = compile({ "dec3.txt": story("Dec 4", "Markets rally in December", "Stocks rose.") }, "2025-12-04");

  it("a new story under a removed story's file name is refused, naming the file; the old story keeps its URL", () => {
    const gone = compile({ "other.txt": story("Dec 4", "Other") }, "2026-12-04", first.record);
    expect(gone.record.startsWith(first.record)).toBe(true);
    const reused = compile({ "dec3.txt": story("Dec 5", "Ferry strike ends", "Unions agreed.") }, "2026-12-05", first.record);
    expect(reused.articles).toEqual([]);
    expect(reused.problems).toEqual([
      'seeds/dec3.txt:1: a story whose headline and first paragraph both differ from the story recorded as "dec3" (seeds/published.tsv:5, /articles/markets-rally-in-december), expected that story, or a new file name for a new one: a published id and its URL stay their story\'s for ever',
    ]);
    expect(reused.record).toBe(first.record);
    // Under its own name it is a new story, with its own URL.
    expect(compile({ "ferry.txt": story("Dec 5", "Markets rally in December", "Unions agreed.") }, "2026-12-05", first.record).articles[0]!.slug).toMatch(/^markets-rally-in-december-[a-z0-9]+$/);
  });

  it("its own file edited in place is the same story: the headline or the first paragraph may change, one at a time", () => {
    for (const edited of [story("Dec 4", "Markets rally into December", "Stocks rose."), story("Dec 4", "Markets rally in December", "Stocks rose sharply.")]) {
      const result = compile({ "dec3.txt": edited }, "2025-12-06", first.record);
      expect(result.problems).toEqual([]);
      expect(published(result)).toEqual(published(first));
      // A new version (issue 17): recorded once, and `updated` is when.
      expect(result.record.startsWith(first.record)).toBe(true);
      expect(lines(result.record.slice(first.record.length)).map((line) => fields(line).slice(0, 5))).toEqual([["version", "3", "dec3", "2025-12-06T00:00:00Z", "2025-12-06T00:00:00Z"]]);
      expect(result.articles[0]!.updated).toBe("2025-12-06T00:00:00Z");
      expect(compile({ "dec3.txt": edited }, "2025-12-07", result.record).record).toBe(result.record);
    }
  });

  it("its date cannot move: a dateline or front matter date other than the recorded one is refused at its line", () => {
    const redated = compile({ "dec3.txt": story("Dec 3", "Markets rally in December", "Stocks rose.") }, "2025-12-06", first.record);
    expect(redated.problems).toEqual([
      'seeds/dec3.txt:5: dated 2025-12-03, but "dec3" was published 2025-12-04T00:00:00Z (seeds/published.tsv:5), expected that date (a published date never moves; front matter date: 2025-12-04T00:00:00Z keeps it), or a new file name if this is another story',
    ]);
    const pinned = compile({ "dec3.txt": seedText({ frontMatter: ["date: 2025-12-04T00:00:00Z"], headline: "Markets rally in December", body: ["Geneva, Dec 3 (EFE).- Stocks rose.", "More."] }) }, "2025-12-06", first.record);
    expect(published(pinned)).toEqual(published(first));
  });

  it("of two seeds with one id, the one the record does not know is named, at its id line", () => {
    const result = compile({ "dec3.txt": story("Dec 4", "Markets rally in December", "Stocks rose."), "a-copy.txt": seedText({ frontMatter: ["id: dec3"], headline: "Copy" }) }, "2025-12-06", first.record);
    expect(result.problems).toEqual(['seeds/a-copy.txt:2: id "dec3" already used by seeds/dec3.txt, expected a unique id (rename the file or set front matter id)']);
  });
});

describe("what a union merge of two branches' records leaves, repaired the same way in any line order", () => {
  // main recorded a.txt, a branch b.txt and c.txt, all on one day; git's union merge keeps both sides' lines.
  const seeds = { "a.txt": story("Nov 27", "Talks end"), "b.txt": story("Nov 27", "Talks end", "Diplomats left."), "c.txt": story("Nov 28", "Other") };
  const main = compile({ "a.txt": seeds["a.txt"] }, "2026-11-28").record;
  const branch = compile({ "b.txt": seeds["b.txt"], "c.txt": seeds["c.txt"] }, "2026-11-28").record;
  const union = (...records: string[]) => header(main) + [...new Set(records.flatMap(lines))].join("\n") + "\n";
  const orders = [union(main, branch), union(branch, main), header(main) + [...lines(branch), ...lines(main)].reverse().join("\n") + "\n"];

  it("the earlier recorded, then the smaller id, keeps the URL and the instant; the other moves, and the record says so with a moved line", () => {
    const results = orders.map((record) => compile(seeds, "2026-11-29", record));
    for (const result of results) {
      expect(result.problems).toEqual([]);
      expect(published(result)).toEqual(published(results[0]!));
    }
    const [first] = results as [ReturnType<typeof compile>];
    expect(published(first)).toEqual({ a: "talks-end 2026-11-27T12:00:00Z", b: expect.stringMatching(/^talks-end-[a-z0-9]+ 2026-11-27T12:00:01Z$/), c: "other 2026-11-28T00:00:00Z" });
    const moved = lines(first.record).filter((line) => line.startsWith("moved\t"));
    expect(moved.map((line) => fields(line).slice(0, 6))).toEqual([["moved", "4", "b", "2026-11-29T00:00:00Z", "2026-11-27T12:00:01Z", first.articles.find((a) => a.id === "b")!.slug]]);
    expect(first.warnings).toEqual([expect.stringMatching(/^seeds\/published\.tsv:\d+: slug "talks-end" of "b", which seeds\/a\.txt has .*; "b" recorded with time 2026-11-27T12:00:00Z, which a story recorded earlier also has, expected one article per URL: "b" gets \/articles\/talks-end-[a-z0-9]+, and a time of its own: 2026-11-27T12:00:01Z$/)]);
    // Repaired once: the next build reads its own record as it is.
    expect(compile(seeds, "2026-11-30", first.record).record).toBe(first.record);
  });

  it("a story recorded earlier keeps its URL whatever its id", () => {
    const early = compile({ "z.txt": story("Nov 27", "Talks end") }, "2026-11-27").record;
    const result = compile({ "a.txt": seeds["a.txt"], "z.txt": story("Nov 27", "Talks end") }, "2026-11-29", union(main, early));
    // z was fresh copy, published the instant it was recorded; a, back-filled a day later, has its own noon slot.
    expect(published(result).z).toBe("talks-end 2026-11-27T00:00:00Z");
    expect(published(result).a).toMatch(/^talks-end-[a-z0-9]+ 2026-11-27T12:00:00Z$/);
  });

  it("the loser keeps every URL a line gave it: a repair made on each branch, merged again, changes nothing and frees nothing", () => {
    const repairedOnMain = compile(seeds, "2026-11-29", orders[0]!).record;
    const repairedOnBranch = compile(seeds, "2026-11-30", orders[1]!).record;
    const both = union(repairedOnMain, repairedOnBranch);
    const result = compile(seeds, "2026-12-01", both);
    expect(result.problems).toEqual([]);
    expect(published(result)).toEqual(published(compile(seeds, "2026-11-29", orders[0]!)));
    expect(lines(result.record)).toEqual(lines(both));
    const slugB = result.articles.find((a) => a.id === "b")!.slug;
    const taker = compile({ ...seeds, "d.txt": seedText({ frontMatter: [`slug: ${slugB}`], headline: "D" }) }, "2026-12-01", both);
    expect(taker.problems).toEqual([`seeds/d.txt:2: slug "${slugB}" already used by seeds/b.txt, expected a slug no other article has or had (published URLs are permanent)`]);
  });
});
