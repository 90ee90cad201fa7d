import { describe, expect, it } from "vitest";
import seed from "../../seeds/000_854574d7f70e4787.txt?raw";
import { article } from "../support/seeds";

// The seed as it came from the agency's site, read byte for byte at bundle time.
describe("the seed 000_854574d7f70e4787", () => {
  const story = article(seed, new Date("2026-11-29T23:59:59Z"), "000_854574d7f70e4787.txt");

  it("takes its id from the file name", () => {
    expect(story.id).toBe("000_854574d7f70e4787");
  });

  it("reads the section, the headline and the dateline", () => {
    expect(story.category).toBe("Politics");
    expect(story.title).toBe("US, Russia hold ‘frank’ talk but no breakthrough over Ukraine standoff");
    expect(story.place).toBe("Geneva");
    expect(story.agency).toBe("EFE");
    expect(story.authors).toEqual(["EFE"]);
  });

  it("dates it Friday 21 January 2022, the only recent year Jan 21 fell on a Friday", () => {
    expect(story.published).toBe("2022-01-21T12:00:00Z");
    expect(story.updated).toBe(story.published);
    expect(new Date(story.published).getUTCDay()).toBe(5);
  });

  it("keeps the editors' initials as metadata", () => {
    expect(story.initials).toBe("is/mp/ks");
    expect(story.paragraphs.join("\n")).not.toContain("is/mp/ks");
  });

  it("has the 12 body paragraphs, the first without its dateline", () => {
    expect(story.paragraphs).toHaveLength(12);
    expect(story.paragraphs[0]).toMatch(/^The United States and Russia on Friday held high-level talks/);
    expect(story.summary).toBe(story.paragraphs[0]);
    expect(story.paragraphs[1]).toMatch(/^“We didn’t expect any major breakthroughs/);
  });

  it("ends the body with the last sentence, without the EFE sign-off", () => {
    expect(story.paragraphs.at(-1)).toMatch(/^Blinken also told Lavrov .*rejecting them\.$/);
    expect(story.paragraphs.at(-1)).not.toMatch(/EFE\s*$/);
  });

  it("drops the page chrome the scrape left", () => {
    const everything = JSON.stringify(story);
    expect(everything).not.toContain("Related Articles");
    expect(everything).not.toContain("Back to top button");
  });

  it("is detected as English and gets the headline's slug", () => {
    expect(story.language).toBe("en");
    expect(story.slug).toBe("us-russia-hold-frank-talk-but-no-breakthrough-over-ukraine-standoff");
  });
});
