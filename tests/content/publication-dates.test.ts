import { describe, expect, it } from "vitest";
import { deriveYear } from "../../src/content/year";
import { compileSeeds } from "../../src/content/compile";
import { formatProblem } from "../../src/content/problems";
import { articles, compile, seedText } from "../support/seeds";

/** A story filed as `dateline` + `lede`, in `seeds/<name>`. */
function filed(dateline: string, lede = "Officials met to discuss the dispute.", extra: string[] = []) {
  return seedText({ frontMatter: extra.length > 0 ? extra : undefined, body: [`${dateline}${lede}`, "More talks are planned."] });
}

const day = (iso: string) => iso.slice(0, 10);
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
const FRIDAY = 5;

describe("deriveYear: a dateline's year, from the day the story was published", () => {
  it("fresh copy: a date in the week before publication (or the day after) is that date, whatever weekday the lede names", () => {
    // Sunday 2026-11-29: Nov 29 2024 was the last Friday Nov 29, two years back.
    expect(deriveYear(11, 29, ms("2026-11-29"), FRIDAY)).toBe(2026);
    expect(deriveYear(11, 22, ms("2026-11-29"), FRIDAY)).toBe(2026);
    expect(deriveYear(11, 30, ms("2026-11-29"), FRIDAY)).toBe(2026);
    // Across new year: filed on 3 January about 28 December.
    expect(deriveYear(12, 28, ms("2027-01-03"))).toBe(2026);
    expect(deriveYear(1, 1, ms("2026-12-31"))).toBe(2027);
  });

  it("back-filled copy: the latest year, not after publication, in which the date fell on the weekday named", () => {
    expect(deriveYear(1, 21, ms("2026-11-29"), FRIDAY)).toBe(2022);
    // Nov 21 is eight days before: no longer fresh. It was a Friday in 2025.
    expect(deriveYear(11, 21, ms("2026-11-29"), FRIDAY)).toBe(2025);
  });

  it("without a weekday: the latest occurrence not after publication", () => {
    expect(deriveYear(1, 21, ms("2026-11-29"))).toBe(2026);
    expect(deriveYear(12, 5, ms("2026-11-29"))).toBe(2025);
  });

  it("no year at all for a date that never falls on that weekday", () => {
    expect(deriveYear(2, 30, ms("2026-11-29"))).toBeUndefined();
  });
});

describe("dates anchored to the publication record", () => {
  it("the issue's Sunday story: `LONDON, Nov 29 (Reuters) - … data published on Friday showed` is dated that Sunday", () => {
    const [story] = articles({ "london.txt": filed("LONDON, Nov 29 (Reuters) - ", "Sterling rose after data published on Friday showed inflation slowing.") }, "2026-11-29");
    // Fresh copy: published the instant it is recorded (the build's today at 00:00:00 UTC here), not at a noon still ahead.
    expect(story!.published).toBe("2026-11-29T00:00:00Z");
  });

  it("a story keeps its date a year later: the record says when it was published, not the clock", () => {
    const seeds = { "ny.txt": filed("NEW YORK, Nov 25 (Reuters) - ") };
    const first = compile(seeds, "2026-11-29");
    expect(day(first.articles[0]!.published)).toBe("2026-11-25");
    const later = compile({ ...seeds, "next.txt": filed("NEW YORK, Dec 3 (Reuters) - ") }, "2027-12-05", first.record);
    expect(later.articles.map((a) => [a.id, day(a.published)])).toEqual([
      ["next", "2027-12-03"],
      ["ny", "2026-11-25"],
    ]);
    // Without the record, the same story would be read against the new today.
    expect(day(compile(seeds, "2027-12-05").articles[0]!.published)).toBe("2027-11-25");
  });

  it("warns, with file:line, when a date is read as more than a year before the story was published", () => {
    const backfilled = compile({ "old.txt": filed("Geneva, Jan 21 (EFE).- ", "Diplomats met on Friday.") }, "2026-11-29");
    expect(backfilled.problems).toEqual([]);
    expect(backfilled.warnings).toEqual([
      "seeds/old.txt:5: dateline date 21 January, with no year, read as 21 January 2022, more than a year before the story was recorded (29 November 2026), expected front matter date: 2022-01-21T12:00:00Z (or the right date) if that is not when it happened; if it is, `npm run build -- --date-checked old` records that you checked it, and this warning stops",
    ]);
    // --date-checked writes a checked line; with it in the record, the warning stops and the date stays.
    const checked = compileSeeds([{ dir: "seeds", seeds: [{ file: "seeds/old.txt", text: filed("Geneva, Jan 21 (EFE).- ", "Diplomats met on Friday.") }], record: backfilled.record }], { today: "2026-12-01", dateChecked: ["old"] });
    expect(checked.warnings.map(formatProblem)).toEqual([]);
    expect(checked.records[0]!.changes.map(formatProblem)).toEqual(['seeds/old.txt:5: the date of "old" checked (--date-checked), expected its checked line in seeds/published.tsv, committed']);
    const after = compile({ "old.txt": filed("Geneva, Jan 21 (EFE).- ", "Diplomats met on Friday.") }, "2027-03-01", checked.records[0]!.text);
    expect(after.warnings).toEqual([]);
    expect(after.articles[0]!.published).toBe(backfilled.articles[0]!.published);
    expect(after.record).toBe(checked.records[0]!.text);
    // Within the year, with front matter date, or with the year in the dateline: nothing to say.
    expect(compile({ "a.txt": filed("Geneva, Dec 1 (EFE).- ") }, "2026-11-29").warnings).toEqual([]);
    expect(compile({ "b.txt": filed("Geneva, Jan 21 (EFE).- ", "Met on Friday.", ["date: 2022-01-21T10:00:00+01:00"]) }, "2026-11-29").warnings).toEqual([]);
    expect(compile({ "c.txt": filed("PARIS, 5 mai 2020 (AFP) - ", "Le gouvernement a annoncé des mesures.") }, "2026-11-29").warnings).toEqual([]);
  });
});

describe("stories of one day get distinct instants, in publication order", () => {
  const sameDay = (headline: string, lede = "Officials met.") => seedText({ headline, body: [`Geneva, Nov 27 (EFE).- ${lede}`, "More."] });
  const instants = (list: ReturnType<typeof articles>) => Object.fromEntries(list.map((a) => [a.id, a.published]));

  it("new stories one second apart after noon UTC, in file name order", () => {
    const list = articles({ "c.txt": sameDay("Third"), "a.txt": sameDay("First"), "b.txt": sameDay("Second") }, "2026-11-29");
    expect(instants(list)).toEqual({ a: "2026-11-27T12:00:00Z", b: "2026-11-27T12:00:01Z", c: "2026-11-27T12:00:02Z" });
    expect(list.map((a) => a.id)).toEqual(["c", "b", "a"]);
  });

  it("stay put when stories are added later, back-filled ones too, or removed", () => {
    const first = compile({ "b.txt": sameDay("B"), "c.txt": sameDay("C") }, "2026-11-29");
    // `a.txt` sorts first but arrives later, two days on; then `b.txt` is withdrawn.
    const second = compile({ "a.txt": sameDay("A"), "b.txt": sameDay("B"), "c.txt": sameDay("C") }, "2026-12-01", first.record);
    const third = compile({ "a.txt": sameDay("A"), "c.txt": sameDay("C"), "d.txt": sameDay("D") }, "2026-12-02", second.record);
    expect(instants(first.articles)).toEqual({ b: "2026-11-27T12:00:00Z", c: "2026-11-27T12:00:01Z" });
    expect(instants(second.articles)).toEqual({ a: "2026-11-27T12:00:02Z", b: "2026-11-27T12:00:00Z", c: "2026-11-27T12:00:01Z" });
    expect(instants(third.articles)).toEqual({ a: "2026-11-27T12:00:02Z", c: "2026-11-27T12:00:01Z", d: "2026-11-27T12:00:03Z" });
  });

  it("keep front matter times as given, and take no second one of them has", () => {
    const list = articles(
      {
        "a.txt": sameDay("A"),
        "b.txt": seedText({ frontMatter: ["date: 2026-11-27T12:00:01Z"], headline: "B" }),
        "c.txt": sameDay("C"),
      },
      "2026-11-29",
    );
    expect(instants(list)).toEqual({ a: "2026-11-27T12:00:00Z", b: "2026-11-27T12:00:01Z", c: "2026-11-27T12:00:02Z" });
  });
});

describe("dates in the future and tiny years", () => {
  const TODAY = "2026-11-29";
  const one = (text: string) => compile({ "story.txt": text }, TODAY);

  it("a date after the build's today (+1 day for time zones) is a build error naming file:line", () => {
    expect(one(seedText({ frontMatter: ["date: 2099-01-01T10:00:00Z"] })).problems).toEqual([
      "seeds/story.txt:2: date 2099-01-01T10:00:00Z is after the build's today, 2026-11-29 (+1 day), expected the date the story was filed; nothing is published dated in the future (front matter embargo: <instant> holds a story until then)",
    ]);
    // Year 10000 in UTC: in no format's range.
    expect(one(seedText({ frontMatter: ["date: 9999-12-31T23:00:00-02:00"] })).problems).toEqual([
      "seeds/story.txt:2: date 9999-12-31T23:00:00-02:00 falls outside the years 0000–9999 in UTC, expected a date in years 0000–9999",
    ]);
    expect(one(seedText({ frontMatter: ["date: 2026-11-20T10:00:00Z", "updated: 2026-12-01T00:00:00Z"] })).problems).toEqual([
      "seeds/story.txt:3: updated 2026-12-01T00:00:00Z is after the build's today, 2026-11-29 (+1 day), expected the date the story was filed; nothing is published dated in the future",
    ]);
    expect(one(seedText({ body: ["PARIS, 5 mai 2027 (AFP) - Le gouvernement a annoncé des mesures.", "Plus."] })).problems).toEqual([
      "seeds/story.txt:5: dateline date 2027-05-05 is after the build's today, 2026-11-29 (+1 day), expected the date the story was filed; nothing is published dated in the future (front matter embargo: <instant> holds a story until then)",
    ]);
  });

  it("the day after today is allowed, to the end of that day", () => {
    expect(one(seedText({ frontMatter: ["date: 2026-11-30T23:59:59Z"] })).articles[0]!.published).toBe("2026-11-30T23:59:59Z");
    expect(one(seedText({ frontMatter: ["date: 2026-12-01T00:00:00Z"] })).problems).toHaveLength(1);
    // Already tomorrow in Tokyo: published the instant it is recorded.
    expect(one(seedText({ body: ["TOKYO, Nov 30 (Kyodo) — Officials met.", "More."] })).articles[0]!.published).toBe("2026-11-29T00:00:00Z");
  });

  it("years 0000–0099 are read as written and stored with four digits", () => {
    expect(one(seedText({ body: ["ROMA, 5 mai 0050 (ANSA) - Il senato si è riunito.", "Altro."] })).articles[0]!.published).toBe("0050-05-05T12:00:00Z");
    expect(one(seedText({ frontMatter: ["date: 0099-03-01T10:00:00+01:00"] })).articles[0]!.published).toBe("0099-03-01T09:00:00Z");
    expect(one(seedText({ frontMatter: ["date: 0000-01-01T00:30:00+01:00"] })).problems).toEqual([
      "seeds/story.txt:2: date 0000-01-01T00:30:00+01:00 falls outside the years 0000–9999 in UTC, expected a date in years 0000–9999",
    ]);
  });
});
