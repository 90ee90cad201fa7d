import { describe, expect, it } from "vitest";
import { readDate } from "../../../src/content/wire/date-words";
import { asciiDigits, monthOf, MONTH_LOCALES } from "../../../src/content/wire/months";
import { expectSameMonthTable } from "./month-table";

describe("month names from CLDR, in workerd", () => {
  it("are the table Node makes at build time", expectSameMonthTable);

  it("cover every language served", () => {
    expect(MONTH_LOCALES.length).toBeGreaterThanOrEqual(22);
  });

  /** [word, month]: long, short, genitive, with and without periods, shouted, per language. */
  it.each([
    ["December", 12], ["Dec.", 12], ["Sept.", 9], ["diciembre", 12], ["dic.", 12], ["décembre", 12], ["févr.", 2], ["Dezember", 12], ["März", 3], ["Jänner", 1],
    ["dezembro", 12], ["out", 10], ["dicembre", 12], ["ott.", 10], ["december", 12], ["mrt", 3], ["desembre", 12], ["d’octubre", undefined], ["grudnia", 12], ["grudzień", 12],
    ["december", 12], ["desember", 12], ["joulukuuta", 12], ["decembrie", 12], ["prosince", 12], ["listopadu", 11], ["Aralık", 12], ["ARALIK", 12], ["декабря", 12], ["ДЕК.", 12],
    ["грудня", 12], ["Δεκεμβρίου", 12], ["ديسمبر", 12], ["دسامبر", 12], ["דצמבר", 12], ["दिसंबर", 12], ["Desember", 12],
  ] as const)("%s is month %s", (word, month) => {
    expect(monthOf(word)).toBe(month);
  });

  it.each([
    ["12月4日", { month: 12, day: 4 }],
    ["2026年12月4日", { month: 12, day: 4, year: 2026 }],
    ["12월 4일", { month: 12, day: 4 }],
    ["٣ ديسمبر", { month: 12, day: 3 }],
    ["۴ دسامبر", { month: 12, day: 4 }],
    ["4 de desembre", { month: 12, day: 4 }],
    ["21 de enero de 2022", { month: 1, day: 21, year: 2022 }],
    ["1er décembre", { month: 12, day: 1 }],
    ["4", { day: 4 }],
  ] as const)("reads the date %s", (text, parts) => {
    expect(readDate(text)).toEqual({ parts });
  });

  it("names the word it cannot read", () => {
    expect(readDate("4 Dexember")).toEqual({ unreadable: "Dexember" });
    expect(readDate("Geneva")).toBeUndefined();
  });

  it("reads Arabic-Indic, Persian, Devanagari and full-width digits", () => {
    expect(asciiDigits("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳ ०१२ ０１２")).toBe("0123456789 0123 012 012");
  });
});
