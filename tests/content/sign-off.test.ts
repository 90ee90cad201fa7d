import { describe, expect, it } from "vitest";
import { article, seedText } from "../support/seeds";

const LEDE = "Geneva, Jan 21 (EFE).- Diplomats met on Friday.";

/** The story's body after its lede, as the editor wrote it. */
function ending(...lines: string[]) {
  return article(seedText({ body: [LEDE, ...lines] }));
}

describe("the sign-off, the editors' initials and page chrome", () => {
  it("takes the agency off the end of the last sentence", () => {
    const a = ending("They were rejecting them. EFE");
    expect(a.paragraphs.at(-1)).toBe("They were rejecting them.");
  });

  it("takes the agency off its own line", () => {
    const a = ending("They were rejecting them.", "EFE");
    expect(a.paragraphs).toEqual(["Diplomats met on Friday.", "They were rejecting them."]);
  });

  it("reads initials before or after the agency line", () => {
    for (const a of [ending("Done.", "EFE", "is/mp/ks"), ending("Done.", "is/mp/ks", "EFE"), ending("Done. EFE", "is/mp/ks")]) {
      expect(a.paragraphs).toEqual(["Diplomats met on Friday.", "Done."]);
      expect(a.initials).toBe("is/mp/ks");
    }
  });

  it("reads `EFE is/mp` on one line", () => {
    const a = ending("Done.", "EFE is/mp");
    expect(a.paragraphs).toEqual(["Diplomats met on Friday.", "Done."]);
    expect(a.initials).toBe("is/mp");
  });

  it("signs off with an agency the dateline did not name, known or not", () => {
    expect(ending("Done. AFP").paragraphs.at(-1)).toBe("Done.");
    const latina = article(seedText({ body: ["LA HABANA, 5 mar (Prensa Latina) - Hubo acuerdo.", "Fin. Prensa Latina"] }));
    expect(latina.paragraphs).toEqual(["Hubo acuerdo.", "Fin."]);
  });

  it("drops page chrome after the story, whatever its order", () => {
    const a = ending("Done. EFE", "is/mp/ks", "Related Articles", "Share", "Back to top button");
    expect(a.paragraphs).toEqual(["Diplomats met on Friday.", "Done."]);
    expect(a.initials).toBe("is/mp/ks");
  });

  it("keeps a closing word that is not an agency", () => {
    expect(ending("The delegation left for Moscow").paragraphs.at(-1)).toBe("The delegation left for Moscow");
    expect(ending("Talks resume in spring. Moscow").paragraphs.at(-1)).toBe("Talks resume in spring. Moscow");
    expect(ending("Talks resume in spring.", "Kyiv").paragraphs.at(-1)).toBe("Kyiv");
  });

  it("keeps a one-paragraph story even if it looks like a sign-off", () => {
    expect(article(seedText({ body: ["Geneva, Jan 21 (EFE).- Share"] })).paragraphs).toEqual(["Share"]);
  });

  it("keeps chrome words inside the story", () => {
    const a = ending("Related articles were published by the ministry.", "Done.");
    expect(a.paragraphs).toContain("Related articles were published by the ministry.");
  });
});
