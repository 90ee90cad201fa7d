import { describe, expect, it } from "vitest";
import { EMBARGO_SHAPES, readEmbargo } from "../../src/content/wire/embargo";

/** Recorded Saturday 5 December 2026, 10:00 UTC. */
const RECORDED = Date.parse("2026-12-05T10:00:00Z");
const read = (line: string, reference = RECORDED) => {
  const result = readEmbargo(line, reference);
  return "ms" in result ? new Date(result.ms).toISOString().replace(".000Z", "Z") : result.unreadable;
};

describe("embargo lines as agencies and press offices write them", () => {
  it.each([
    // Reuters
    ["EMBARGOED UNTIL 0001 GMT DEC 6", "2026-12-06T00:01:00Z"],
    ["EMBARGOED UNTIL 2330 GMT ON THURSDAY, DEC 3", "2026-12-03T23:30:00Z"],
    ["EMBARGOED TO 2300 GMT TUESDAY, DEC. 8", "2026-12-08T23:00:00Z"],
    ["EMBARGOED UNTIL 0500 JST DEC 7", "2026-12-06T20:00:00Z"],
    // AP and US press releases
    ["EMBARGOED FOR RELEASE UNTIL 10 A.M. EST, DEC. 8, 2026", "2026-12-08T15:00:00Z"],
    ["EMBARGOED for release at 11 a.m. EST Friday, Dec. 4", "2026-12-04T16:00:00Z"],
    ["embargoed until 10:30 a.m. Washington time", "2026-12-05T15:30:00Z"],
    ["HOLD FOR RELEASE UNTIL 12:01 A.M. EDT, JUNE 9", "2027-06-09T04:01:00Z"],
    ["NOT FOR PUBLICATION BEFORE 1400 GMT JUNE 9", "2027-06-09T14:00:00Z"],
    // UK press offices
    ["Embargoed until 00:01 GMT on Tuesday 8 December 2026", "2026-12-08T00:01:00Z"],
    // EFE
    ["EMBARGADA HASTA LAS 17.00 GMT DEL 4 DE DICIEMBRE", "2026-12-04T17:00:00Z"],
    // dpa: Central European time by default, summer time by the EU rule
    ["SPERRFRIST 6. Dezember 2026, 00.01 Uhr MEZ", "2026-12-05T23:01:00Z"],
    ["SPERRFRIST: 4. Dezember 2026, 17.00 Uhr", "2026-12-04T16:00:00Z"],
    ["Sperrfrist: Dienstag, 24. Dezember 2019, 00.00 Uhr.", "2019-12-23T23:00:00Z"],
    ["Sperrfrist: 9. Juli 2026, 12.00 Uhr", "2026-07-09T10:00:00Z"],
    ["Sperrfrist: 22 Uhr", "2026-12-05T21:00:00Z"],
    // ANSA
    ["EMBARGO 6 DICEMBRE ORE 11", "2026-12-06T10:00:00Z"],
    // AFP
    ["SOUS EMBARGO JUSQU'AU 6 DÉCEMBRE 2026 À 00H01 GMT", "2026-12-06T00:01:00Z"],
    ["SOUS EMBARGO JUSQU'AU 6 DÉCEMBRE 2026 À 00H01 (HEURE DE PARIS)", "2026-12-05T23:01:00Z"],
    // Offsets
    ["EMBARGOED UNTIL 0900 GMT+1 DEC 7", "2026-12-07T08:00:00Z"],
  ])("%s → %s", (line, expected) => {
    expect(read(line)).toBe(expected);
  });

  it("a year-less date takes the nearest year after the day it is recorded, a week's grace back", () => {
    expect(read("EMBARGOED UNTIL 0001 GMT JAN 2")).toBe("2027-01-02T00:01:00Z");
    // Passed two days before it was recorded: that day, not next year.
    expect(read("EMBARGOED UNTIL 0001 GMT DEC 3")).toBe("2026-12-03T00:01:00Z");
  });

  it("every shape messages offer is read", () => {
    for (const shape of EMBARGO_SHAPES) expect(read(shape), shape).toMatch(/^\d{4}-/);
  });

  it.each([
    ["EMBARGOED UNTIL FURTHER NOTICE", '"FURTHER", which is no date, time or time zone'],
    ["EMBARGOED UNTIL 0001 DEC 6", "no time zone"],
    ["EMBARGOED UNTIL GMT DEC 6", "no time of day"],
    ["EMBARGOED UNTIL 0001 GMT 6", "a day and no month"],
    ["EMBARGOED UNTIL 0001 GMT FEB 30 2026", "2026-02-30, which is no calendar date"],
    ["EMBARGOED UNTIL 2561 GMT DEC 6", '"2561", which is no time of day'],
  ])("%s is unreadable: %s", (line, why) => {
    expect(read(line)).toBe(why);
  });
});
