/**
 * A story's life in the publication record (issue 17), unit by unit: the new
 * line kinds as read and written, merged in any order, and what the compiler
 * makes of versions, withdrawals, embargoes, expiry and the archive page size,
 * with the build's clock injected.
 */
import { describe, expect, it } from "vitest";
import { compileSeeds, DEFAULT_ARCHIVE_PAGE_SIZE, type CompileOptions } from "../../src/content/compile";
import { formatProblem } from "../../src/content/problems";
import { checksum, formatLine, formatRecord, parseRecord } from "../../src/content/publication-record";
import { seedText } from "../support/seeds";

const at = (instant: string) => Date.parse(instant);

describe("record lines of a story's life", () => {
  const lines = [
    formatLine({ kind: "version", id: "a", recorded: at("2026-12-05T09:30:00Z"), updated: at("2026-12-05T09:30:00Z"), copy: "0123abcd" }, 2),
    formatLine({ kind: "version", id: "a", recorded: at("2026-12-05T10:45:00Z"), copy: "89abcdef" }, 3),
    formatLine({ kind: "embargo", id: "a", recorded: at("2026-12-05T08:00:00Z"), instant: at("2026-12-05T23:30:00Z") }, 4),
    formatLine({ kind: "withdrawn", id: "a", recorded: at("2026-12-05T11:00:00Z") }, 5),
    formatLine({ kind: "republished", id: "a", recorded: at("2026-12-05T12:30:00Z") }, 6),
    formatLine({ kind: "setting", id: "archive-page-size", recorded: at("2026-12-05T08:00:00Z"), value: 20 }, 7),
  ];
  const published = formatLine({ kind: "published", id: "a", recorded: at("2026-12-05T08:00:00Z"), instant: at("2026-12-05T08:00:00Z"), slug: "a-story", fingerprint: "00000000.11111111", copy: "fedcba98" }, 1);

  it("are written in the ledger's one shape: kind, n, id, recorded, fields, checksum", () => {
    expect([published, ...lines]).toEqual([
      `published\t1\ta\t2026-12-05T08:00:00Z\t2026-12-05T08:00:00Z\ta-story\t00000000.11111111\tfedcba98\t${checksum(["published", "1", "a", "2026-12-05T08:00:00Z", "2026-12-05T08:00:00Z", "a-story", "00000000.11111111", "fedcba98"])}`,
      `version\t2\ta\t2026-12-05T09:30:00Z\t2026-12-05T09:30:00Z\t0123abcd\t${checksum(["version", "2", "a", "2026-12-05T09:30:00Z", "2026-12-05T09:30:00Z", "0123abcd"])}`,
      `version\t3\ta\t2026-12-05T10:45:00Z\t-\t89abcdef\t${checksum(["version", "3", "a", "2026-12-05T10:45:00Z", "-", "89abcdef"])}`,
      `embargo\t4\ta\t2026-12-05T08:00:00Z\t2026-12-05T23:30:00Z\t${checksum(["embargo", "4", "a", "2026-12-05T08:00:00Z", "2026-12-05T23:30:00Z"])}`,
      `withdrawn\t5\ta\t2026-12-05T11:00:00Z\t${checksum(["withdrawn", "5", "a", "2026-12-05T11:00:00Z"])}`,
      `republished\t6\ta\t2026-12-05T12:30:00Z\t${checksum(["republished", "6", "a", "2026-12-05T12:30:00Z"])}`,
      `setting\t7\tarchive-page-size\t2026-12-05T08:00:00Z\t20\t${checksum(["setting", "7", "archive-page-size", "2026-12-05T08:00:00Z", "20"])}`,
    ]);
  });

  it("are read back, in any order, as the same record", () => {
    const head = formatRecord([]);
    const forward = parseRecord(`${head}${[published, ...lines].join("\n")}\n`, "seeds/published.tsv");
    const backward = parseRecord(`${head}${[published, ...lines].reverse().join("\n")}\n`, "seeds/published.tsv");
    expect(forward.problems).toEqual([]);
    expect(backward.problems).toEqual([]);
    const strip = (record: typeof forward) => ({
      claims: record.claims.map(({ line: _, ...rest }) => rest),
      versions: record.versions.map(({ line: _, ...rest }) => rest).sort((a, b) => a.n - b.n),
      embargoes: record.embargoes.map(({ line: _, ...rest }) => rest),
      withdrawals: record.withdrawals.map(({ line: _, ...rest }) => rest).sort((a, b) => a.n - b.n),
      settings: record.settings.map(({ line: _, ...rest }) => rest),
      last: record.last,
    });
    expect(strip(backward)).toEqual(strip(forward));
    expect(forward.claims[0]).toMatchObject({ copy: "fedcba98" });
    expect(forward.versions.map((v) => [v.n, v.updated, v.copy])).toEqual([
      [2, at("2026-12-05T09:30:00Z"), "0123abcd"],
      [3, undefined, "89abcdef"],
    ]);
    expect(forward.embargoes).toMatchObject([{ n: 4, instant: at("2026-12-05T23:30:00Z") }]);
    expect(forward.withdrawals.map((w) => w.kind)).toEqual(["withdrawn", "republished"]);
    expect(forward.settings).toMatchObject([{ name: "archive-page-size", value: 20 }]);
    expect(forward.last).toBe(7);
  });

  it("edited by hand, or of a shape or setting this wirefeed does not know, stop the build at their line", () => {
    const head = formatRecord([]);
    const edited = lines[2]!.replace("2026-12-05T23:30:00Z", "2026-12-05T22:30:00Z");
    const unknown = `setting\t8\tfeed-items\t2026-12-05T08:00:00Z\t20\t${checksum(["setting", "8", "feed-items", "2026-12-05T08:00:00Z", "20"])}`;
    const short = `withdrawn\t9\ta\t${checksum(["withdrawn", "9", "a"])}`;
    const record = `${head}${[published, ...lines.slice(0, 2), edited, ...lines.slice(3), unknown, short].join("\n")}\n`;
    const problems = parseRecord(record, "seeds/published.tsv").problems.map(formatProblem);
    expect(problems).toEqual([
      expect.stringMatching(/^seeds\/published\.tsv:8: checksum [0-9a-f]{8} that does not match the line's fields \(edited by hand\?\)/),
      expect.stringMatching(/^seeds\/published\.tsv:12: setting "feed-items", which this wirefeed does not know \(archive-page-size\)/),
      expect.stringMatching(/^seeds\/published\.tsv:13: 4 fields for a withdrawn line \(5 expected\)/),
    ]);
  });
});

/** One folder compiled at `now` (the build's clock), over `record`. */
function build(seeds: Record<string, string>, now: string, record?: string, options: Partial<CompileOptions> = {}) {
  const files = Object.entries(seeds).map(([name, text]) => ({ file: `seeds/${name}`, text }));
  const result = compileSeeds([{ dir: "seeds", seeds: files, ...(record === undefined ? {} : { record }) }], { today: now.slice(0, 10), now: at(now), ...options });
  return { ...result, problems: result.problems.map(formatProblem), warnings: result.warnings.map(formatProblem), record: result.records[0]!.text };
}
const story = (headline: string, lede: string, frontMatter?: string[], extra: string[] = []) =>
  seedText({ ...(frontMatter ? { frontMatter } : {}), section: "Markets", headline, body: [...extra, `LONDON, Dec 5 (Reuters) - ${lede}`, "More to come."] });

describe("versions", () => {
  const first = build({ "oil.txt": story("Oil rises", "Oil rose.") }, "2026-12-05T08:00:00Z");

  it("a replaces: chain is one article: the newest copy, the first version's id, URL and published", () => {
    const seeds = {
      "oil.txt": story("Oil rises", "Oil rose."),
      "oil-2.txt": story("UPDATE 1-Oil rises on supply fears", "Oil rose on supply fears.", ["replaces: oil"]),
      "oil-3.txt": story("UPDATE 2-Oil jumps 3%", "Oil jumped 3%.", ["replaces: oil-2"]),
    };
    const result = build(seeds, "2026-12-05T09:00:00Z", first.record);
    expect(result.problems).toEqual([]);
    expect(result.articles.map((a) => [a.id, a.slug, a.title, a.published, a.updated])).toEqual([["oil", "oil-rises", "Oil jumps 3%", "2026-12-05T08:00:00Z", "2026-12-05T09:00:00Z"]]);
    // Stable: a rebuild records nothing more and moves nothing.
    const again = build(seeds, "2026-12-05T10:00:00Z", result.record);
    expect(again.record).toBe(result.record);
    expect(again.articles[0]!.updated).toBe("2026-12-05T09:00:00Z");
  });

  it("front matter updated: and correction: are the desk's", () => {
    const result = build({ "oil.txt": story("Oil rises", "Oil rose sharply.", ["updated: 2026-12-05T08:30:00Z", "correction: Corrects the size of the rise"]) }, "2026-12-05T09:00:00Z", first.record);
    expect(result.articles[0]).toMatchObject({ updated: "2026-12-05T08:30:00Z", note: "Corrects the size of the rise" });
  });

  it("refuses versions that do not chain: two replacing one, a replaces: naming nothing, a published story made a version", () => {
    const twice = build({ "oil.txt": story("Oil rises", "Oil rose."), "b.txt": story("B", "B.", ["replaces: oil"]), "c.txt": story("C", "C.", ["replaces: oil"]) }, "2026-12-05T09:00:00Z", first.record);
    expect(twice.problems).toEqual(["seeds/c.txt:2: replaces \"oil\", which seeds/b.txt already replaces, expected replaces: b (each version replaces the one before it)"]);
    const nothing = build({ "oil.txt": story("Oil rises", "Oil rose."), "b.txt": story("B", "B.", ["replaces: gas"]) }, "2026-12-05T09:00:00Z", first.record);
    expect(nothing.problems).toEqual(["seeds/b.txt:2: replaces \"gas\", which is no story in the seeds or the publication record, expected the id of a published story or of a seed (its file name without .txt, or its front matter id)"]);
  });

  it("the first version's file may go: the record dates the story", () => {
    const withUpdate = build({ "oil.txt": story("Oil rises", "Oil rose."), "oil-2.txt": story("UPDATE 1-Oil rises further", "Oil rose further.", ["replaces: oil"]) }, "2026-12-05T09:00:00Z", first.record);
    const result = build({ "oil-2.txt": story("UPDATE 1-Oil rises further", "Oil rose further.", ["replaces: oil"]) }, "2026-12-06T09:00:00Z", withUpdate.record);
    expect(result.problems).toEqual([]);
    expect(result.withdrawn).toEqual([]);
    expect(result.articles.map((a) => [a.id, a.slug, a.published, a.updated])).toEqual([["oil", "oil-rises", "2026-12-05T08:00:00Z", "2026-12-05T09:00:00Z"]]);
  });
});

describe("withdrawals, embargoes, expiry, the archive page size", () => {
  const first = build({ "oil.txt": story("Oil rises", "Oil rose."), "gas.txt": story("Gas falls", "Gas fell.", ["tags: Energy"]) }, "2026-12-05T08:00:00Z");

  it("status: withdrawn on the story's own seed withdraws it, with its section and tags; a kill notice without replaces: is refused", () => {
    const result = build({ "oil.txt": story("Oil rises", "Oil rose."), "gas.txt": story("Gas falls", "Gas fell.", ["tags: Energy", "status: withdrawn"]) }, "2026-12-05T11:00:00Z", first.record);
    expect(result.articles.map((a) => a.id)).toEqual(["oil"]);
    expect(result.withdrawn).toEqual([{ id: "gas", slug: "gas-falls", withdrawn: "2026-12-05T11:00:00Z", published: "2026-12-05T07:59:59Z", category: "Markets", tags: ["Energy"] }]);
    const kill = build({ "oil.txt": story("Oil rises", "Oil rose."), "gas.txt": story("Gas falls", "Gas fell."), "kill.txt": seedText({ headline: "KILL - Gas falls", body: ["Please kill the story headlined Gas falls."] }) }, "2026-12-05T11:00:00Z", first.record);
    expect(kill.problems).toEqual([expect.stringContaining("seeds/kill.txt:3: a kill or withdrawal notice (\"KILL - Gas falls\"), expected a story, not a notice: to withdraw a published story, set `status: withdrawn`")]);
  });

  it("a story withdrawn before its embargo passed was never seen: it is withdrawn, and nobody is told of it", () => {
    const held = build({ "oil.txt": story("Oil rises", "Oil rose.", ["embargo: 2026-12-06T00:00:00Z"]) }, "2026-12-05T08:00:00Z");
    expect(held.articles[0]!.published).toBe("2026-12-06T00:00:00Z");
    const killed = build({}, "2026-12-05T09:00:00Z", held.record);
    expect(killed.withdrawn).toEqual([]);
    expect(killed.record).toMatch(/\nwithdrawn\t\d+\toil\t2026-12-05T09:00:00Z\t[0-9a-f]{8}\n$/);
  });

  it("an unreadable embargo line names its line and the shapes accepted", () => {
    const result = build({ "oil.txt": story("Oil rises", "Oil rose.", undefined, ["EMBARGOED UNTIL LATER"]) }, "2026-12-05T08:00:00Z");
    expect(result.problems).toEqual([expect.stringMatching(/^seeds\/oil\.txt:5: embargo line "EMBARGOED UNTIL LATER" with "LATER", which is no date, time or time zone, expected an embargo line such as "EMBARGOED UNTIL 0001 GMT DEC 6", .*, or front matter embargo: 2026-12-06T00:01:00Z$/)]);
  });

  it("a front matter date after the build's clock is refused, suggesting embargo:", () => {
    const result = build({ "oil.txt": story("Oil rises", "Oil rose.", ["date: 2026-12-05T09:00:00Z"]) }, "2026-12-05T08:00:00Z");
    expect(result.problems).toEqual(["seeds/oil.txt:2: date 2026-12-05T09:00:00Z is after the build's clock, 2026-12-05T08:00:00Z, expected the instant the story was filed; nothing is published dated in the future (front matter embargo: <instant> holds a story until then)"]);
  });

  it("expires: is carried to the article; an expiry at or before published is refused", () => {
    const ok = build({ "oil.txt": story("Oil rises", "Oil rose.", ["expires: 2026-12-12T00:00:00Z"]) }, "2026-12-05T08:00:00Z");
    expect(ok.articles[0]!.expires).toBe("2026-12-12T00:00:00Z");
    const bad = build({ "oil.txt": story("Oil rises", "Oil rose.", ["expires: 2026-12-05T08:00:00Z"]) }, "2026-12-05T08:00:00Z");
    expect(bad.problems).toEqual(["seeds/oil.txt:2: expires 2026-12-05T08:00:00Z, at or before the story's published instant 2026-12-05T08:00:00Z, expected an expiry after it is published (remove the file, or status: withdrawn, to take it down now)"]);
  });

  it("the archive page size is fixed once: the option's value when the record has none, the record's after; another is refused", () => {
    expect(first.archivePageSize).toBe(DEFAULT_ARCHIVE_PAGE_SIZE);
    const twenty = build({ "oil.txt": story("Oil rises", "Oil rose.") }, "2026-12-05T08:00:00Z", undefined, { archivePageSize: 20 });
    expect(twenty.archivePageSize).toBe(20);
    expect(build({ "oil.txt": story("Oil rises", "Oil rose.") }, "2026-12-06T08:00:00Z", twenty.record).archivePageSize).toBe(20);
    expect(build({ "oil.txt": story("Oil rises", "Oil rose.") }, "2026-12-06T08:00:00Z", twenty.record, { archivePageSize: 50 }).problems).toEqual([
      "--archive-page-size: 50, but the site's archive pages hold 20 articles each (seeds/published.tsv:6), expected 20, or no --archive-page-size: archive pages are cut once and never again, so links and caches of them stay right",
    ]);
  });
});

describe("the front matter keys of a story's life", () => {
  it("are checked at their line: status, replaces, embargo, expires, correction", () => {
    const result = build(
      {
        "a.txt": story("A", "A.", ["status: killed"]),
        "b.txt": story("B", "B.", ["replaces: not an id"]),
        "c.txt": story("C", "C.", ["embargo: tomorrow"]),
        "d.txt": story("D", "D.", ["expires: 2026-13-01T00:00:00Z"]),
        "e.txt": story("E", "E.", [`correction: ${"x".repeat(1001)}`]),
      },
      "2026-12-05T08:00:00Z",
    );
    expect(result.problems).toEqual([
      'seeds/a.txt:2: status "killed", expected withdrawn (the only status a seed sets: a story is published unless withdrawn)',
      'seeds/b.txt:2: replaces "not an id", expected the id of the story this one is a new version of (its file name without .txt, or its front matter id)',
      'seeds/c.txt:2: embargo "tomorrow", expected an ISO 8601 date-time with an offset, such as 2022-01-21T09:30:00+01:00',
      'seeds/d.txt:2: expires "2026-13-01T00:00:00Z", expected an ISO 8601 date-time with an offset, such as 2022-01-21T09:30:00+01:00',
      `seeds/e.txt:2: correction "${"x".repeat(1001)}", expected a correction note of at most 1000 characters`,
    ]);
  });
});
