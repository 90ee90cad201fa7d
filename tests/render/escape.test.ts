import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balanceBidi, escapeAttribute, escapeText, escapeTextTwice, readsAsMarkup } from "../../src/render/escape";
import { openBidi } from "../support/bidi";
import { htmlText, parseHtml, parseXml } from "../support/documents";

describe("escaping", () => {
  it("text content: & < > escaped (so ]]> can't appear), quotes left as written", () => {
    expect(escapeText(`"AT&T" <b>'s</b> ]]> ]]>`)).toBe(`"AT&amp;T" &lt;b&gt;'s&lt;/b&gt; ]]&gt; ]]&gt;`);
  });

  it("double-quoted attributes: the double quote escaped too, never the apostrophe", () => {
    expect(escapeAttribute(`"AT&T" 'x' <y>`)).toBe("&quot;AT&amp;T&quot; 'x' &lt;y&gt;");
  });

  it("no character reference a reader without a full XML parser shows literally: no &#39;, no numeric references", () => {
    const copy = `Le musée d'Orsay "rouvre" & <b>l'aile</b>`;
    for (const escaped of [escapeText(copy), escapeAttribute(copy)]) {
      expect(escaped).not.toMatch(/&#/);
      expect(escaped.match(/&[a-z]+;/g)!.every((reference) => ["&amp;", "&lt;", "&gt;", "&quot;"].includes(reference))).toBe(true);
    }
    // Read back by real parsers: XML element text and attribute, HTML text.
    const xml = parseXml(`<r a="${escapeAttribute(copy)}">${escapeText(copy)}</r>`).documentElement!;
    expect([xml.textContent, xml.getAttribute("a")]).toEqual([copy, copy]);
    expect(htmlText(escapeText(copy))).toBe(copy);
    expect(parseHtml(`<!doctype html><p title="${escapeAttribute(copy)}">x</p>`).getElementsByTagName("p")[0]!.getAttribute("title")).toBe(copy);
  });

  it("drops what XML 1.0 forbids, keeps emoji, right-to-left text and combining marks", () => {
    const kept = "🇪🇸 مرحبا e\u0301 ";
    for (const escape of [escapeText, escapeAttribute]) {
      expect(escape(`a\u0000b\u000Bc\u0007d\u0085e\uFFFEf\uD800g\uDC00h${kept}`)).toBe(`abcdefgh${kept}`);
      expect(escape(kept)).toBe(kept);
      expect(escape("tab\tnew\nline\r")).toBe("tab\tnew\nline\r");
    }
  });

  it("returns plain text unchanged", () => {
    const plain = "The United States and Russia on Friday held high-level talks’ “quoted” 'single'.";
    expect(escapeText(plain)).toBe(plain);
    expect(escapeAttribute(plain)).toBe(plain);
  });

  it("HTML as XML text (escapeTextTwice) is escaping twice, whatever the text: a parser reads back the HTML, and an HTML parser the text", () => {
    const copy = `Le musée d'Orsay "rouvre" & <b>l'aile</b> \u202Eevil\u0007 ]]>`;
    expect(escapeTextTwice(copy)).toBe("Le musée d'Orsay \"rouvre\" &amp;amp; &amp;lt;b&amp;gt;l'aile&amp;lt;/b&amp;gt; \u202Eevil ]]&amp;gt;\u202C");
    const html = parseXml(`<r>${escapeTextTwice(copy)}</r>`).documentElement!.textContent!;
    expect(html).toBe(escapeText(copy));
    expect(htmlText(html)).toBe(escapeText(copy).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => escapeTextTwice(text) === escapeText(escapeText(text))), { numRuns: 2000 });
  });
});

describe("text that reads as markup", () => {
  // Each case as an HTML parser reads the text: markup exactly when it does not give the characters back.
  const cases: Array<[string, boolean]> = [
    ["AT&T and S&P 500 rise", false],
    ["Q&A: M&A & R&D", false],
    ["A < B and C > D", false],
    ["x<3 or 5 <= 6", false],
    ["talks' ]]> end ]]> early", false],
    ["Le musée d'Orsay « rouvre »", false],
    ["FTSE & <b>bold</b> calls", true],
    ["<script>alert(1)</script> found", true],
    ["tariffs & <quotas>", true],
    ["text such as &lt;b&gt; and AT&amp;T", true],
    ["a comment <!-- here -->", true],
    ["stray end tag </p> here", true],
    ["numeric &#169; reference", true],
    ["bonds&notes", true],
    ["&copy 2024", true],
  ];

  for (const [text, markup] of cases) {
    it(`${JSON.stringify(text)}: ${markup ? "markup" : "plain text"}`, () => {
      expect(readsAsMarkup(text)).toBe(markup);
      // Checked against an HTML parser (parse5, the WHATWG algorithm browsers use): text that is not markup reads back as written.
      expect(htmlText(text) === text, htmlText(text)).toBe(!markup);
    });
  }

  it("any text it calls plain reads the same as HTML", () => {
    // Text built from the pieces that matter: markup openers, references (real, legacy, bogus), words.
    const piece = fc.oneof(
      fc.constantFrom("<", ">", "&", "#", ";", "/", "!", "?", "x", "3", " ", "amp", "not", "copy", "lt", "b", "AT", "T", "x27", "é", "</", "<!--"),
      fc.string({ unit: "grapheme", maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join("").replace(/[\r\u0000]/g, "")), (text) => {
        if (!readsAsMarkup(text)) expect(htmlText(text)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("bidi controls in article text (balanceBidi)", () => {
  const RLO = "\u202E";
  const PDF = "\u202C";
  const RLI = "\u2067";
  const PDI = "\u2069";

  it("closes what a text leaves open, so nothing after it changes direction", () => {
    expect(balanceBidi(`Breaking ${RLO}news`)).toBe(`Breaking ${RLO}news${PDF}`);
    expect(balanceBidi(`${RLI}a${RLO}b`)).toBe(`${RLI}a${RLO}b${PDF}${PDI}`);
    expect(balanceBidi(`${RLI}a${RLO}b${PDI}c`)).toBe(`${RLI}a${RLO}b${PDF}${PDI}c`);
    expect(escapeText(`${RLO}<b>`)).toBe(`${RLO}&lt;b&gt;${PDF}`);
    expect(escapeAttribute(`x${RLI}`)).toBe(`x${RLI}${PDI}`);
  });

  it("drops closers with nothing to close, which would end an isolate around the text", () => {
    expect(balanceBidi(`a${PDF}b${PDI}c`)).toBe("abc");
    expect(balanceBidi(`${RLI}a${PDF}b${PDI}`)).toBe(`${RLI}ab${PDI}`);
  });

  it("leaves balanced text and text without controls as written", () => {
    for (const text of ["plain", "مرحبا بالعالم", `${RLO}a${PDF}`, `${RLI}a${PDI}`, `\u200Fmark\u200E`]) expect(balanceBidi(text)).toBe(text);
  });

  it("whatever the text, the result leaves nothing open and keeps every other character", () => {
    const controls = fc.constantFrom("\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "a", "ب", " ");
    fc.assert(
      fc.property(fc.array(controls, { maxLength: 40 }).map((chars) => chars.join("")), (text) => {
        const balanced = balanceBidi(text);
        expect(openBidi(balanced)).toBe(0);
        expect(balanced.replace(/[\u202A-\u202E\u2066-\u2069]/g, "")).toBe(text.replace(/[\u202A-\u202E\u2066-\u2069]/g, ""));
        expect(balanceBidi(balanced)).toBe(balanced);
      }),
      { numRuns: 2000 },
    );
  });
});
