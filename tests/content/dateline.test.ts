import { describe, expect, it } from "vitest";
import { article, problems, seedText, TODAY } from "../support/seeds";

/** A story whose first paragraph opens with `dateline`, followed by `lede`. */
function story(dateline: string, lede = "Officials met to discuss the dispute.", reference?: Date) {
  return article(seedText({ body: [`${dateline}${lede}`, "More talks are planned."] }), reference);
}

const day = (iso: string) => iso.slice(0, 10);

describe("dateline styles", () => {
  it("EFE: `Geneva, Jan 21 (EFE).- `", () => {
    const a = story("Geneva, Jan 21 (EFE).- ");
    expect([a.place, a.agency, day(a.published)]).toEqual(["Geneva", "EFE", "2026-01-21"]);
    expect(a.paragraphs[0]).toBe("Officials met to discuss the dispute.");
  });

  it("Reuters: `LONDON, March 7 (Reuters) - `, the shouted place in title case", () => {
    const a = story("LONDON, March 7 (Reuters) - ");
    expect([a.place, a.agency, day(a.published)]).toEqual(["London", "Reuters", "2026-03-07"]);
    expect(a.paragraphs[0]).toBe("Officials met to discuss the dispute.");
  });

  it("AP: `WASHINGTON (AP) — ` has no date, so front matter must give one", () => {
    const a = article(seedText({ frontMatter: ["date: 2024-06-03T15:00:00-04:00"], body: ["WASHINGTON (AP) — Officials met.", "More later."] }));
    expect([a.place, a.agency, a.published]).toEqual(["Washington", "AP", "2024-06-03T19:00:00Z"]);
    expect(a.paragraphs[0]).toBe("Officials met.");
  });

  it("AP without a front matter date takes the day the publication record gives the story", () => {
    const a = article(seedText({ body: ["WASHINGTON (AP) — Officials met.", "More later."] }));
    expect([a.place, a.agency, day(a.published)]).toEqual(["Washington", "AP", TODAY]);
    expect(a.paragraphs[0]).toBe("Officials met.");
  });

  it("AFP with the year spelled out: `PARIS, 5 mai 2024 (AFP) - `", () => {
    const a = story("PARIS, 5 mai 2024 (AFP) - ", "Le gouvernement a annoncé des mesures.");
    expect([a.place, a.agency, day(a.published)]).toEqual(["Paris", "AFP", "2024-05-05"]);
  });

  it("Spanish EFE: `Madrid, 14 feb (EFE).- `", () => {
    const a = story("Madrid, 14 feb (EFE).- ", "El Gobierno aprobó la reforma.");
    expect([a.place, a.agency, day(a.published)]).toEqual(["Madrid", "EFE", "2026-02-14"]);
    expect(a.paragraphs[0]).toBe("El Gobierno aprobó la reforma.");
  });

  it.each([
    ["Bogotá, 3 de marzo (EFE).- ", "2026-03-03"],
    ["Lima, 9 sept (EFE).- ", "2026-09-09"],
    ["Quito, 30 dic. (EFE).- ", "2025-12-30"],
    ["PARIS, 3 février (AFP) - ", "2026-02-03"],
    ["LYON, 15 août (AFP) - ", "2026-08-15"],
    ["NICE, 1er octobre (AFP) - ", "2026-10-01"],
    ["BRUXELLES, 12 juil. (AFP) - ", "2026-07-12"],
    ["WASHINGTON, Jan. 21, 2022 (AP) — ", "2022-01-21"],
    ["BERLIN, 3. März (dpa) - ", "2026-03-03"],
    ["TOKYO, Oct 2 (Kyodo) — ", "2026-10-02"],
  ])("%s gives %s", (dateline, expected) => {
    expect(day(story(dateline).published)).toBe(expected);
  });

  it("keeps a place with a country, `Geneva, Switzerland (EFE).- `, as the place, not a date", () => {
    const a = article(seedText({ frontMatter: ["date: 2022-01-21T10:00:00+01:00"], body: ["Geneva, Switzerland (EFE).- Talks ended.", "More later."] }));
    expect(a.place).toBe("Geneva, Switzerland");
    expect(a.paragraphs[0]).toBe("Talks ended.");
  });
});

describe("datelines naming the country too", () => {
  it("EFE in Spanish: `Ginebra (Suiza), 21 ene (EFE).- `", () => {
    const a = story("Ginebra (Suiza), 21 ene (EFE).- ");
    expect([a.place, a.agency, day(a.published)]).toEqual(["Ginebra (Suiza)", "EFE", "2026-01-21"]);
    expect(a.paragraphs[0]).toBe("Officials met to discuss the dispute.");
  });

  it("abbreviations keep their capitals: `WASHINGTON, D.C., March 7 (Reuters) - `", () => {
    const a = story("WASHINGTON, D.C., March 7 (Reuters) - ");
    expect([a.place, a.agency, day(a.published)]).toEqual(["Washington, D.C.", "Reuters", "2026-03-07"]);
  });

  it("AP: `KYIV, Ukraine, Jan 21 (AP) — `", () => {
    const a = story("KYIV, Ukraine, Jan 21 (AP) — ");
    expect([a.place, a.agency, day(a.published)]).toEqual(["Kyiv, Ukraine", "AP", "2026-01-21"]);
    expect(a.paragraphs[0]).toBe("Officials met to discuss the dispute.");
  });

  it("with the year: `GENEVA, Switzerland, Jan. 21, 2022 (AP) — `", () => {
    const a = story("GENEVA, Switzerland, Jan. 21, 2022 (AP) — ");
    expect([a.place, day(a.published)]).toEqual(["Geneva, Switzerland", "2022-01-21"]);
  });
});

describe("the year rule (datelines carry no year), relative to the day the story was published", () => {
  it("with a weekday in the copy, takes the latest year the date fell on it", () => {
    // Jan 21 was a Friday in 2022, not in 2023–2026.
    expect(day(story("Geneva, Jan 21 (EFE).- ", "Russia and the US on Friday held talks.").published)).toBe("2022-01-21");
  });

  it("reads the weekday in Spanish and French copy too", () => {
    expect(day(story("Ginebra, 21 ene (EFE).- ", "Rusia y EEUU celebraron el viernes una reunión.").published)).toBe("2022-01-21");
    expect(day(story("GENÈVE, 21 janvier (AFP) - ", "La Russie et les États-Unis ont tenu vendredi des pourparlers.").published)).toBe("2022-01-21");
  });

  it("without a weekday, takes the latest occurrence not after the day it was published", () => {
    expect(day(story("Geneva, Jan 21 (EFE).- ").published)).toBe("2026-01-21");
  });

  it("counts the day it was published and the day after (time zones ahead of UTC); the two weeks after are advance copy; later dates go to the year before", () => {
    const published = new Date("2026-11-29T00:00:00Z");
    expect(day(story("Geneva, Nov 29 (EFE).- ", undefined, published).published)).toBe("2026-11-29");
    // Already tomorrow in Tokyo: fresh copy, published the instant it was recorded (29 November, 00:00 UTC).
    expect(story("TOKYO, Nov 30 (Kyodo) — ", undefined, published).published).toBe("2026-11-29T00:00:00Z");
    // Advance copy (issue 17): refused without an embargo, never dated a year back.
    expect(problems(seedText({ body: ["Geneva, Dec 1 (EFE).- Officials will meet.", "More."] }), "story.txt", published)).toEqual([
      "seeds/story.txt:5: dateline date 2026-12-01, 2 days after the day the story is recorded (2026-11-29): advance copy, not yet to be published, expected front matter embargo: 2026-12-01T00:00:00Z (or the instant the story may be published), or the date the story was filed",
    ]);
    expect(day(story("Geneva, Dec 31 (EFE).- ", undefined, published).published)).toBe("2025-12-31");
  });

  it("depends on the day the story was published, not the clock", () => {
    expect(day(story("Geneva, Jan 21 (EFE).- ", undefined, new Date("2023-06-01T00:00:00Z")).published)).toBe("2023-01-21");
  });

  it("puts Feb 29 in the latest leap year", () => {
    expect(day(story("Geneva, Feb 29 (EFE).- ").published)).toBe("2024-02-29");
    expect(day(story("Geneva, Feb 29 (EFE).- ", undefined, new Date("2024-02-10T12:00:00Z")).published)).toBe("2020-02-29");
    // Feb 29 2020 was a Saturday, 2024 a Thursday.
    expect(day(story("Geneva, Feb 29 (EFE).- ", "Talks were held on Saturday.").published)).toBe("2020-02-29");
  });

  it("rejects a date the calendar does not have", () => {
    expect(problems(seedText({ body: ["Geneva, Feb 30 (EFE).- Talks.", "More."] }))).toEqual([
      "seeds/story.txt:5: dateline date --02-30 is not a calendar date, expected a real date, or front matter date: 2022-01-21T09:00:00+01:00",
    ]);
  });

  it("stamps wire dates at noon UTC, so every reader from UTC−11 to UTC+11 sees the same day", () => {
    expect(story("Geneva, Jan 21 (EFE).- ").published).toBe("2026-01-21T12:00:00Z");
  });
});
