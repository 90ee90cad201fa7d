import { describe, expect, it } from "vitest";
import { splitHeadline } from "../../../src/content/wire/headline";

describe("headline labels", () => {
  it.each([
    ["UPDATE 2-UK factory output falls", "UK factory output falls", { version: "UPDATE 2" }],
    ["CORRECTED-UK factory output falls", "UK factory output falls", { version: "CORRECTED" }],
    ["REFILE-UK factory output falls", "UK factory output falls", { version: "REFILE" }],
    ["RPT-UPDATE 1-Oil rises", "Oil rises", { version: "RPT" }],
    ["WRAPUP 1-Storm hits coast", "Storm hits coast", { kind: "WRAPUP 1" }],
    ["EXCLUSIVE-Bank weighs sale", "Bank weighs sale", { kind: "EXCLUSIVE" }],
    ["UPDATE 1-EXCLUSIVE-Bank weighs sale", "Bank weighs sale", { version: "UPDATE 1", kind: "EXCLUSIVE" }],
    ["ANALYSIS-Why rates stay high", "Why rates stay high", { kind: "ANALYSIS" }],
    ["FACTBOX-What is in the bill", "What is in the bill", { kind: "FACTBOX" }],
    ["INSIGHT-Inside the deal", "Inside the deal", { kind: "INSIGHT" }],
    ["BRIEF-Nordic lender raises dividend", "Nordic lender raises dividend", { kind: "BRIEF" }],
    ["BREAKING: Parliament dissolved", "Parliament dissolved", { priority: "BREAKING" }],
    ["URGENT Earthquake hits Japan", "Earthquake hits Japan", { priority: "URGENT" }],
    ["URGENTE: Terremoto en Chile", "Terremoto en Chile", { priority: "URGENTE" }],
    ["FLASH - Rates cut", "Rates cut", { priority: "FLASH" }],
    ["(LEAD) N. Korea fires missile", "N. Korea fires missile", { version: "LEAD" }],
    ["N. Korea fires missile (LEAD)", "N. Korea fires missile", { version: "LEAD" }],
    ["(2nd LD) N. Korea fires missile", "N. Korea fires missile", { version: "2nd LD" }],
    ["N. Korea fires missile (URGENT)", "N. Korea fires missile", { priority: "URGENT" }],
  ])("%s", (headline, title, labels) => {
    expect(splitHeadline(headline)).toEqual({ title, labels });
  });

  it.each(["Flash floods kill five", "FLASH FLOODS KILL FIVE", "Update on the talks", "Breaking the deadlock", "URGENT", "Talks (LEAD) nowhere"])("keeps %s as the headline", (headline) => {
    expect(splitHeadline(headline)).toEqual({ title: headline });
  });
});
