import { describe, expect, it } from "vitest";
import { recognisePreDateline } from "../../../src/content/wire/pre-dateline";

describe("lines before the dateline", () => {
  it.each([
    ["By Jane Doe", ["Jane Doe"]],
    ["By Jane Doe and John Roe", ["Jane Doe", "John Roe"]],
    ["By Jane Doe, John Roe and Ana Gil", ["Jane Doe", "John Roe", "Ana Gil"]],
    ["By JOSH BOAK and ZEKE MILLER Associated Press", ["Josh Boak", "Zeke Miller"]],
    ["By ZEKE MILLER, AP White House Correspondent", ["Zeke Miller"]],
    ["By Jane Doe, Associated Press", ["Jane Doe"]],
    ["By Jane Doe - Reuters", ["Jane Doe"]],
    ["BY JANE DOE", ["Jane Doe"]],
    ["Par Jean DUPONT", ["Jean Dupont"]],
    ["Por Ana de la Cruz y Luis Paz", ["Ana de la Cruz", "Luis Paz"]],
    ["Von Anna Müller und Jan Schmidt, dpa", ["Anna Müller", "Jan Schmidt"]],
    ["Di Marco Rossi", ["Marco Rossi"]],
    ["Door Pieter van der Berg", ["Pieter van der Berg"]],
    ["Av Erik Lund och Sara Berg", ["Erik Lund", "Sara Berg"]],
    ["Af Mette Holm og Lars Bo", ["Mette Holm", "Lars Bo"]],
    ["Przez Jan Kowalski", ["Jan Kowalski"]],
    ["Por Ana Lúcia Macuácua, da agência Lusa", ["Ana Lúcia Macuácua"]],
  ])("byline %s", (line, authors) => {
    expect(recognisePreDateline(line)).toEqual({ kind: "byline", authors });
  });

  it.each([
    ["Jordan Ellis, The Canadian Press", ["Jordan Ellis"], "The Canadian Press"],
    ["Marie-Ève Tremblay, La Presse Canadienne", ["Marie-Ève Tremblay"], "The Canadian Press"],
  ])("a credit line naming the agency: %s", (line, authors, agency) => {
    expect(recognisePreDateline(line)).toEqual({ kind: "byline", authors, agency });
  });

  it.each([
    ["(Corrects paragraph 3 to say March, not May)", "Corrects paragraph 3 to say March, not May"],
    ["(Adds quote from minister in paragraph 5)", "Adds quote from minister in paragraph 5"],
    ["UPDATES WITH MINISTER'S COMMENT, CHANGES HEADLINE", "UPDATES WITH MINISTER'S COMMENT, CHANGES HEADLINE"],
    ["(Recasts with vote result)", "Recasts with vote result"],
    ["(Corrige el párrafo 2)", "Corrige el párrafo 2"],
  ])("note %s", (line, text) => {
    expect(recognisePreDateline(line)).toEqual({ kind: "note", text });
  });

  it.each([
    ["* Output falls 0.8% in October", "Output falls 0.8% in October"],
    ["• Biggest drop since 2023", "Biggest drop since 2023"],
    ["- Pound weakens", "Pound weakens"],
  ])("bullet %s", (line, text) => {
    expect(recognisePreDateline(line)).toEqual({ kind: "bullet", text });
  });

  it.each(["BC-US--Congress-Spending, 2nd Ld-Writethru", "AP-EU-Italy-Election", "Eds: Updates with details.", "(ATTN: Adds byline)", "ATTENTION EDITORS: embargoed photos", "By Reuters Staff", "By The Associated Press"])(
    "desk routing %s",
    (line) => {
      expect(recognisePreDateline(line)).toEqual({ kind: "routing" });
    },
  );

  it.each([
    ["EMBARGOED UNTIL 0001 GMT DEC 6", "EMBARGOED UNTIL 0001 GMT DEC 6"],
    ["EMBARGADA HASTA LAS 00:01 GMT DEL 6 DE DICIEMBRE", "EMBARGADA HASTA LAS 00:01 GMT DEL 6 DE DICIEMBRE"],
    ["SPERRFRIST 6. Dezember, 00.01 Uhr", "SPERRFRIST 6. Dezember, 00.01 Uhr"],
    ["(EMBARGO 0600 GMT)", "EMBARGO 0600 GMT"],
  ])("embargo %s", (line, text) => {
    expect(recognisePreDateline(line)).toEqual({ kind: "embargo", text });
  });

  it.each([
    "LONDON, Dec 4 (Reuters) - Output fell.",
    "By the end of the year, prices had doubled.",
    "By Monday, officials said, the talks had failed.",
    "Officials met on Friday.",
    "(Reuters) - Shares rose.",
    "Diplomats said the deal was close.",
  ])("copy is none of them: %s", (line) => {
    expect(recognisePreDateline(line)).toBeUndefined();
  });
});
