import { describe, expect, it } from "vitest";
import { splitTrailers } from "../../../src/content/wire/trailers";

const STORY = "Officials said the talks would resume.";

describe("trailers after the story", () => {
  it("Reuters credits: reporters are authors, the rest contributors with their roles", () => {
    const t = splitTrailers([STORY, "(Reporting by Jane Doe in London and John Roe; Additional reporting by Ana Gil in Madrid; Writing by Max Muster; Editing by Kate Lee and Tom Hill)"]);
    expect(t.paragraphs).toEqual([STORY]);
    expect(t.authors).toEqual(["Jane Doe", "John Roe"]);
    expect(t.contributors).toEqual([
      { name: "Ana Gil", role: "additional reporting" },
      { name: "Max Muster", role: "writing" },
      { name: "Kate Lee", role: "editing" },
      { name: "Tom Hill", role: "editing" },
    ]);
  });

  it("Reuters `(Editing by …)` alone", () => {
    expect(splitTrailers([STORY, "(Editing by Kate Lee)"]).contributors).toEqual([{ name: "Kate Lee", role: "editing" }]);
  });

  it("AP: `___`, contributors, the copyright as rights", () => {
    const t = splitTrailers([
      STORY,
      "___",
      "Associated Press writers Jane Doe in Paris and John Roe in Berlin contributed to this report.",
      "Copyright 2026 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    ]);
    expect(t.paragraphs).toEqual([STORY]);
    expect(t.contributors).toEqual([
      { name: "Jane Doe", role: "contributed" },
      { name: "John Roe", role: "contributed" },
    ]);
    expect(t.rights).toMatch(/^Copyright 2026 The Associated Press/);
  });

  it("Bloomberg: the contact block gives the reporter (the editors' contacts are the desk's, dropped); ©2026 Bloomberg L.P. is the rights", () => {
    const t = splitTrailers([
      STORY,
      "To contact the reporter on this story: Jane Doe in London at jdoe@bloomberg.net",
      "To contact the editors responsible for this story: Kate Lee at klee@bloomberg.net",
      "©2026 Bloomberg L.P.",
    ]);
    expect(t.paragraphs).toEqual([STORY]);
    expect(t.authors).toEqual(["Jane Doe"]);
    expect(t.contributors).toEqual([]);
    expect(t.rights).toBe("©2026 Bloomberg L.P.");
  });

  it("Bloomberg's contacts on lines of their own", () => {
    const t = splitTrailers([STORY, "To contact the reporter on this story:", "Jane Doe in London at jdoe@bloomberg.net", "To contact the editors responsible for this story:", "Kate Lee at klee@bloomberg.net"]);
    expect([t.paragraphs, t.authors, t.contributors]).toEqual([[STORY], ["Jane Doe"], []]);
  });

  it("Bloomberg: `--With assistance from …` is a contributor", () => {
    expect(splitTrailers([STORY, "--With assistance from Erika Sato and Ben Holt."]).contributors).toEqual([
      { name: "Erika Sato", role: "assistance" },
      { name: "Ben Holt", role: "assistance" },
    ]);
  });

  it("Arabic Reuters credits: the reporter an author, preparation and editing contributors", () => {
    const t = splitTrailers([STORY, "(تغطية صحفية أحمد فهمي - إعداد سلمى نجم للنشرة العربية - تحرير مروة رشاد)"]);
    expect([t.paragraphs, t.authors, t.contributors]).toEqual([[STORY], ["أحمد فهمي"], [{ name: "سلمى نجم", role: "إعداد" }, { name: "مروة رشاد", role: "تحرير" }]]);
  });

  it("Xinhua in Japanese: the reporter closing the last sentence is an author", () => {
    const t = splitTrailers([STORY, "予定だという。（記者/王明）"]);
    expect([t.paragraphs, t.authors]).toEqual([[STORY, "予定だという。"], ["王明"]]);
  });

  it("UPI's copyright", () => {
    expect(splitTrailers([STORY, "Copyright 2026 United Press International, Inc. All Rights Reserved."]).rights).toMatch(/United Press International/);
  });

  it.each([
    [["Enditem"], undefined],
    [["(END)"], undefined],
    [["(完)"], undefined],
    [["==Kyodo"], "Kyodo"],
    [["--IANS", "ab/cd"], "IANS"],
    [["ABC // XYZ", "Lusa/Fim"], "Lusa"],
    [["More to follow"], undefined],
    [["-30-"], undefined],
    [["(ANSA)."], "ANSA"],
    [["（完）"], undefined],
    [["smpark@yna.co.kr", "(끝)"], undefined],
    [["--आईएएनएस", "एसकेपी/एबीएम"], "IANS"],
    [["भाषा आशीष मनीषा"], "PTI"],
    [["This report by The Canadian Press was first published Dec. 5, 2026."], "The Canadian Press"],
    [["Ce reportage de La Presse Canadienne a été publié pour la première fois le 5 décembre 2026."], "The Canadian Press"],
    [["Plus d'informations à suivre."], undefined],
    [["This is a developing story. Check back for updates."], undefined],
    [["Source text for Eikon: [ID:nBw5dk7Qa]"], undefined],
  ] as const)("end mark %j", (lines, agency) => {
    const t = splitTrailers([STORY, ...lines]);
    expect(t.paragraphs).toEqual([STORY]);
    expect(t.agency).toBe(agency);
  });

  it.each([
    ["burs-pdw/tym", "burs-pdw/tym"],
    ["dpa ab xy", "ab xy"],
    ["dpa/lnw ht yynw z2 ab", "ht yynw z2 ab"],
    ["COM-GU/", "COM-GU/"],
    ["Ihr/Int5", "Ihr/Int5"],
    ["dpa/lnw ab xy", "ab xy"],
    ["PTI ABC XYZ", "ABC XYZ"],
  ])("initials %s", (line, initials) => {
    const t = splitTrailers([STORY, line]);
    expect([t.paragraphs, t.initials]).toEqual([[STORY], initials]);
  });

  it("end marks closing the last sentence", () => {
    expect(splitTrailers(["First.", "The talks will resume. Enditem"]).paragraphs).toEqual(["First.", "The talks will resume."]);
    expect(splitTrailers(["First.", "The talks will resume. (END)"]).paragraphs).toEqual(["First.", "The talks will resume."]);
    expect(splitTrailers(["First.", "会谈将继续。(完)"]).paragraphs).toEqual(["First.", "会谈将继续。"]);
    expect(splitTrailers(["First.", "会谈将继续。（完）"]).paragraphs).toEqual(["First.", "会谈将继续。"]);
    expect(splitTrailers(["First.", "رغم التوترات التجارية. انتهى"]).paragraphs).toEqual(["First.", "رغم التوترات التجارية."]);
  });

  it.each([["Fin."], ["He said more to follow was unlikely."], ["(The talks will resume on Monday.)"], ["Reporters were told to leave."]])("keeps copy: %s", (line) => {
    expect(splitTrailers([STORY, line]).paragraphs).toEqual([STORY, line]);
  });

  it("never takes the only paragraph", () => {
    expect(splitTrailers(["Enditem"]).paragraphs).toEqual(["Enditem"]);
  });
});
