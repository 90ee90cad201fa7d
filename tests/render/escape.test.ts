import { describe, expect, it } from "vitest";
import { escapeMarkup, escapeText } from "../../src/render/escape";

describe("escaping", () => {
  it("text content: & < > escaped (so ]]> can't appear), quotes left as written", () => {
    expect(escapeText(`"AT&T" <b>'s</b> ]]> ]]>`)).toBe(`"AT&amp;T" &lt;b&gt;'s&lt;/b&gt; ]]&gt; ]]&gt;`);
  });

  it("anywhere (attributes too): quotes escaped as well", () => {
    expect(escapeMarkup(`"AT&T" 'x' <y>`)).toBe("&quot;AT&amp;T&quot; &#39;x&#39; &lt;y&gt;");
  });

  it("drops what XML 1.0 forbids, keeps emoji, right-to-left text and combining marks", () => {
    const kept = "🇪🇸 مرحبا e\u0301 ";
    for (const escape of [escapeText, escapeMarkup]) {
      expect(escape(`a\u0000b\u000Bc\u0007d\u0085e\uFFFEf\uD800g\uDC00h${kept}`)).toBe(`abcdefgh${kept}`);
      expect(escape(kept)).toBe(kept);
      expect(escape("tab\tnew\nline\r")).toBe("tab\tnew\nline\r");
    }
  });

  it("returns plain text unchanged", () => {
    const plain = "The United States and Russia on Friday held high-level talks’ “quoted”.";
    expect(escapeText(plain)).toBe(plain);
    expect(escapeMarkup(plain)).toBe(plain);
  });
});
