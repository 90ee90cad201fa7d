import { describe, expect, it } from "vitest";
import { compileSeeds } from "../../../src/content/compile";
import { parseSeed } from "../../../src/content/parse-seed";
import { article, problems, seedText, TODAY } from "../../support/seeds";

const day = (iso: string) => iso.slice(0, 10);
const DAY_MS = Date.parse(`${TODAY}T00:00:00Z`);

describe("wire copy as agencies file it, whole stories", () => {
  it("a byline, a note and an AP slug line before the dateline are taken out of the body", () => {
    const a = article(
      seedText({
        headline: "UPDATE 2-UK factory output falls",
        body: ["BC-UK--Economy, 2nd Ld-Writethru", "(Adds economist quote in paragraph 4)", "By Jane Doe and John Roe", "LONDON, Nov 27 (Reuters) - Output fell 0.8%.", "The pound slipped.", "(Editing by Kate Lee)"],
      }),
    );
    expect([a.title, a.slug, a.labels, a.note]).toEqual(["UK factory output falls", "uk-factory-output-falls", { version: "UPDATE 2" }, "Adds economist quote in paragraph 4"]);
    expect([a.authors, a.contributors, a.agency, a.place, day(a.published)]).toEqual([["Jane Doe", "John Roe"], [{ name: "Kate Lee", role: "editing" }], "Reuters", "London", "2026-11-27"]);
    expect(a.paragraphs).toEqual(["Output fell 0.8%.", "The pound slipped."]);
  });

  it("a byline hard-wrapped onto the dateline's paragraph", () => {
    const a = article(seedText({ body: ["By JOSH BOAK Associated Press\nWASHINGTON (AP) — The Senate voted.", "More votes are due."] }));
    expect([a.authors, a.paragraphs[0]]).toEqual([["Josh Boak"], "The Senate voted."]);
  });

  it("Reuters' reporters are the authors when no byline names them; with none, the agency", () => {
    expect(article(seedText({ body: ["LONDON, Nov 27 (Reuters) - Output fell.", "(Reporting by Jane Doe; Editing by Kate Lee)"] })).authors).toEqual(["Jane Doe"]);
    expect(article(seedText({ body: ["LONDON, Nov 27 (Reuters) - Output fell.", "More later."] })).authors).toEqual(["Reuters"]);
    expect(article(seedText({ frontMatter: ["author: Desk"], body: ["By Jane Doe", "LONDON, Nov 27 (Reuters) - Output fell.", "More."] })).authors).toEqual(["Desk"]);
  });

  it("bullets are the summary; the lede stays the first paragraph", () => {
    const a = article(seedText({ body: ["* Output falls 0.8%", "* Biggest drop since 2023", "LONDON, Nov 27 (Reuters) - Output fell.", "More."] }));
    expect([a.summary, a.paragraphs[0]]).toEqual(["Output falls 0.8%. Biggest drop since 2023.", "Output fell."]);
  });

  it("an embargo line holds the story until its instant (its published), not in the body", () => {
    const text = seedText({ body: ["EMBARGOED UNTIL 0001 GMT DEC 6", "LONDON, Nov 27 (Reuters) - Output fell.", "More."] });
    const result = parseSeed({ file: "seeds/story.txt", text, publishedOn: () => DAY_MS, today: DAY_MS });
    // Year-less: the nearest 6 December after the day it is recorded (29 November 2026).
    expect(result.seed?.embargo).toEqual({ text: "EMBARGOED UNTIL 0001 GMT DEC 6", line: 5, ms: Date.parse("2026-12-06T00:01:00Z") });
    expect(result.seed?.published).toEqual({ ms: Date.parse("2026-12-06T00:01:00Z"), dayOnly: false, line: 5 });
    expect(result.seed?.article.paragraphs).toEqual(["Output fell.", "More."]);
  });

  it("AP's trailer: contributors and rights out of the body", () => {
    const a = article(
      seedText({ body: ["WASHINGTON (AP) — The Senate voted.", "More votes are due.", "___", "Associated Press writer Ana Gil contributed to this report.", "Copyright 2026 The Associated Press. All rights reserved."] }),
    );
    expect([a.paragraphs, a.contributors, a.rights]).toEqual([["The Senate voted.", "More votes are due."], [{ name: "Ana Gil", role: "contributed" }], "Copyright 2026 The Associated Press. All rights reserved."]);
  });

  it("Europa Press: the dateline alone on its line, a day without a month, in the record day's month", () => {
    const a = article(seedText({ body: ["MADRID, 4 (EUROPA PRESS)", "El Gobierno aprobó la reforma.", "Habrá más medidas."] }));
    expect([a.place, a.agency, day(a.published), a.paragraphs[0]]).toEqual(["Madrid", "Europa Press", "2026-11-04", "El Gobierno aprobó la reforma."]);
  });

  it("the agency from the sign-off, then from front matter", () => {
    expect(article(seedText({ body: ["OTTAWA — The Bank of Canada held.", "More.", "==Kyodo"] })).agency).toBe("Kyodo");
    const cp = article(seedText({ frontMatter: ["agency: The Canadian Press"], body: ["OTTAWA — The Bank of Canada held.", "More."] }));
    expect([cp.agency, cp.authors, cp.place, day(cp.published)]).toEqual(["The Canadian Press", ["The Canadian Press"], "Ottawa", TODAY]);
  });

  it("the agency from the site's configuration (SITE_AGENCY) last of all: a publisher that carries only its own copy", () => {
    const build = (text: string) =>
      compileSeeds([{ dir: "seeds", seeds: [{ file: "seeds/story.txt", text }] }], { today: TODAY, siteAgency: "The Daily Ledger" }).articles[0]!;
    const own = build(seedText({ body: ["OTTAWA — The Bank of Canada held.", "More."] }));
    expect([own.agency, own.authors]).toEqual(["The Daily Ledger", ["The Daily Ledger"]]);
    // Copy that names its agency anywhere keeps it.
    expect(build(seedText({ body: ["LONDON, Nov 27 (Reuters) - Output fell.", "More."] })).agency).toBe("Reuters");
    expect(build(seedText({ body: ["OTTAWA — The Bank of Canada held.", "More.", "==Kyodo"] })).agency).toBe("Kyodo");
    expect(build(seedText({ frontMatter: ["agency: The Canadian Press"], body: ["OTTAWA — The Bank of Canada held.", "More."] })).agency).toBe("The Canadian Press");
  });

  it("a Turkish, a Russian and a Chinese dateline", () => {
    expect(day(article(seedText({ body: ["ANKARA, 4 Kasım (AA) - Hükümet açıkladı.", "Daha fazla."] })).published)).toBe("2026-11-04");
    expect(day(article(seedText({ body: ["МОСКВА, 4 ноября. /ТАСС/. Переговоры начались.", "Ещё."] })).published)).toBe("2026-11-04");
    expect(day(article(seedText({ body: ["北京, 11月4日 (新华社) - 中国表示。", "更多。", "(完)"] })).published)).toBe("2026-11-04");
  });
});

describe("messages a desk can act on", () => {
  it("no dateline after a byline names the line it was expected on, not the byline", () => {
    expect(problems(seedText({ body: ["By Jane Doe", "Officials met.", "More."] }))).toEqual([
      'seeds/story.txt:7: no dateline and no front matter date, expected a dateline such as "LONDON, Dec 4 (Reuters) - ", "Madrid, 4 dic (EFE).- ", "WASHINGTON (AP) — ", "(ANSA) - ROMA, 4 DIC - ", "SYDNEY, Dec 4 AAP - ", "MOSCOW, December 4. /TASS/. ", "OTTAWA — ", or front matter date: 2022-01-21T09:00:00+01:00',
    ]);
  });

  it("a month not understood names the word and the dateline's line", () => {
    const [message] = problems(seedText({ body: ["By Jane Doe", "LONDON, Dex 4 (Reuters) - Output fell.", "More."] }));
    expect(message).toMatch(/^seeds\/story\.txt:7: dateline "LONDON, Dex 4 \(Reuters\) -" with a date that is not understood: "Dex", expected a day and a month/);
    expect(message).toContain('"(ANSA) - ROMA, 4 DIC - "');
  });

  it("a kill notice is refused, saying how to withdraw a story", () => {
    const [message] = problems(seedText({ headline: "KILL: UK factory output falls", body: ["Please kill the story headlined \"UK factory output falls\".", "It was sent in error."] }));
    expect(message).toMatch(/^seeds\/story\.txt:3: a kill or withdrawal notice \("KILL: UK factory output falls"\), expected .*status: withdrawn.*replaces: <id/);
  });

  it("a headline that ends in an agency is a headline; a separated dateline there is not", () => {
    expect(article(seedText({ headline: "Oil jumps on supply fears (Reuters)" })).title).toBe("Oil jumps on supply fears (Reuters)");
    expect(problems(seedText({ headline: "LONDON (Reuters) - Oil jumps" }))[0]).toMatch(/:3: a dateline where the headline should be/);
  });
});
