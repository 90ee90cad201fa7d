import { describe, expect, it } from "vitest";
import { humanDate } from "../../src/render/dates";
import CLDR from "./dates-cldr.json";
import { DAYS, LANGUAGES, writtenDates } from "./dates-cldr";

describe("page dates in workerd, where pages are rendered", () => {
  it("are the dates Node writes (tests/render/dates-cldr.json): workerd's ICU has every language served", () => {
    expect(writtenDates()).toEqual(CLDR);
  });

  it("are in each language's own words, never ISO 8601 nor another language's", () => {
    for (const language of LANGUAGES) {
      const june = humanDate(DAYS[11]!, language);
      expect(june, language).not.toMatch(/^\d{4}-\d\d-\d\d$/);
      if (!language.startsWith("en")) expect(june, language).not.toContain("June");
    }
    expect(humanDate("2024-06-21T12:00:00Z", "pt")).toBe("21 de junho de 2024");
    expect(humanDate("2024-06-21T12:00:00Z", "ru")).toBe("21 июня 2024 г.");
    expect(humanDate("2024-06-21T12:00:00Z", "ja")).toBe("2024年6月21日");
    expect(humanDate("2024-06-21T12:00:00Z", "nb")).toBe("21. juni 2024");
  });
});
