import { describe, expect, it } from "vitest";
import { article, compile, seedText } from "../support/seeds";

describe("normalisation of what CMS exports leave in files", () => {
  it("strips a byte order mark", () => {
    const a = article(`\uFEFF${seedText({ section: "Politics" })}`);
    expect(a.category).toBe("Politics");
  });

  it("reads CRLF and lone CR line endings like LF", () => {
    const text = seedText({ section: "Politics", headline: "Talks end" });
    for (const variant of [text.replace(/\n/g, "\r\n"), text.replace(/\n/g, "\r")]) {
      const a = article(variant);
      expect([a.category, a.title]).toEqual(["Politics", "Talks end"]);
      expect(a.paragraphs).toEqual(article(text).paragraphs);
      expect(JSON.stringify(a)).not.toContain("\\r");
    }
  });

  it("composes decomposed accents (NFC)", () => {
    const decomposed = "Bogota\u0301 y Me\u0301xico";
    const a = article(seedText({ headline: `Acuerdo entre ${decomposed}`, body: [`Bogota\u0301, 3 mar (EFE).- Firmaron en ${decomposed}.`, "Más."] }));
    expect(a.title).toBe("Acuerdo entre Bogotá y México");
    expect(a.place).toBe("Bogotá");
    expect(a.paragraphs[0]).toBe("Firmaron en Bogotá y México.");
    expect(a.slug).toBe("acuerdo-entre-bogota-y-mexico");
  });

  it("drops characters XML 1.0 forbids, warning with file:line for each", () => {
    const text = seedText({
      headline: "Talks\u000B end\u0007",
      body: ["Geneva, Jan 21 (EFE).- Diplomats \uD800met.", "More\u001F later."],
    });
    const { articles, problems, warnings } = compile({ "story.txt": text });
    expect(problems).toEqual([]);
    expect(articles[0]!.title).toBe("Talks end");
    expect(articles[0]!.paragraphs).toEqual(["Diplomats met.", "More later."]);
    expect(warnings).toEqual([
      "seeds/story.txt:3: character U+000B dropped, expected text without characters XML 1.0 forbids",
      "seeds/story.txt:3: character U+0007 dropped, expected text without characters XML 1.0 forbids",
      "seeds/story.txt:5: character U+D800 dropped, expected text without characters XML 1.0 forbids",
      "seeds/story.txt:7: character U+001F dropped, expected text without characters XML 1.0 forbids",
    ]);
  });

  it("keeps what XML allows: tabs, emoji (surrogate pairs), right-to-left text", () => {
    const a = article(seedText({ headline: "Cumbre 🇺🇦 en القدس\tהיום" }));
    expect(a.title).toBe("Cumbre 🇺🇦 en القدس\tהיום");
  });
});
