import { describe, expect, it } from "vitest";
import { compileSeeds } from "../../src/content/compile";
import { formatProblem } from "../../src/content/problems";
import { article, compile, problems, seedText } from "../support/seeds";

/** Bytes of a string whose every character is below U+0100: one byte each, as a Latin-1 or Windows-1252 file holds it. */
function singleByte(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`not one byte: ${ch}`);
    return code;
  });
}

/** UTF-16 or UTF-32 bytes of `text`, with the byte order mark. */
function wide(text: string, encoding: "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be"): Uint8Array {
  const little = encoding.endsWith("le");
  const units = encoding.startsWith("utf-16") ? [0xfeff, ...Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))] : [0xfeff, ...Array.from(text, (ch) => ch.codePointAt(0)!)];
  const size = encoding.startsWith("utf-16") ? 2 : 4;
  const view = new DataView(new ArrayBuffer(units.length * size));
  units.forEach((unit, i) => (size === 2 ? view.setUint16(i * size, unit, little) : view.setUint32(i * size, unit, little)));
  return new Uint8Array(view.buffer);
}

const SPANISH = seedText({ section: "Economía", headline: "La economía crece en España", body: ["Madrid, 14 feb (EFE).- La economía española creció un 0,6 % según el INE.", "Más datos."] });

describe("seeds are read as written", () => {
  it("UTF-8, with or without a byte order mark", () => {
    const utf8 = new TextEncoder().encode(SPANISH);
    expect(article(utf8).title).toBe("La economía crece en España");
    expect(article(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).title).toBe("La economía crece en España");
  });

  it("UTF-16 and UTF-32, either byte order, by their byte order mark: the same article, no warnings", () => {
    const expected = article(SPANISH);
    for (const encoding of ["utf-16le", "utf-16be", "utf-32le", "utf-32be"] as const) {
      const result = compile({ "story.txt": wide(`${SPANISH}🇪🇸\n`, encoding) });
      expect(result.problems, encoding).toEqual([]);
      expect(result.warnings, encoding).toEqual([]);
      expect(result.articles[0]!.title, encoding).toBe(expected.title);
      expect(result.articles[0]!.slug, encoding).toBe("la-economia-crece-en-espana");
      expect(result.articles[0]!.paragraphs.at(-1), encoding).toBe("Más datos. 🇪🇸");
    }
  });

  it("bytes that are not UTF-8 are an error naming the line and the bytes, never U+FFFD", () => {
    expect(problems(singleByte(SPANISH))).toEqual([
      "seeds/story.txt:1: byte 0xED that is not UTF-8 (and 7 more on 3 other lines), expected UTF-8 text, or its encoding declared in front matter (encoding: windows-1252; one of utf-8, windows-1252, iso-8859-15)",
    ]);
    expect(problems(singleByte("World\n\nTalks end\n\nGeneva, Jan 21 (EFE).- Caf\xE9 \xAB talks \xBB.\n"))).toEqual([
      "seeds/story.txt:5: bytes 0xE9, 0xAB, 0xBB that are not UTF-8, expected UTF-8 text, or its encoding declared in front matter (encoding: windows-1252; one of utf-8, windows-1252, iso-8859-15)",
    ]);
  });

  it("Windows-1252 or Latin-1 copy is published once front matter declares it", () => {
    for (const label of ["windows-1252", "latin-1", "ISO-8859-1", "cp1252"]) {
      const a = article(singleByte(`---\nencoding: ${label}\n---\n${SPANISH.replace("0,6 %", "0,6 % \x93sostenido\x94 \x80")}`));
      expect(a.title, label).toBe("La economía crece en España");
      expect(a.slug, label).toBe("la-economia-crece-en-espana");
      expect(a.category, label).toBe("Economía");
      expect(a.paragraphs[0], label).toBe("La economía española creció un 0,6 % “sostenido” € según el INE.");
    }
    expect(article(singleByte(`---\nencoding: iso-8859-15\n---\n${SPANISH.replace("0,6 %", "\xA4")}`)).paragraphs[0]).toContain("€");
  });

  it("or the build's fallback for seeds that are not UTF-8 (`--encoding windows-1252`); UTF-8 seeds stay UTF-8", () => {
    const { articles, problems } = compileSeeds(
      [{ dir: "seeds", seeds: [{ file: "seeds/latin.txt", bytes: singleByte(SPANISH) }, { file: "seeds/utf8.txt", bytes: new TextEncoder().encode(SPANISH.replace("España", "España hoy")) }] }],
      { today: "2026-11-29", fallbackEncoding: "windows-1252" },
    );
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.title).sort()).toEqual(["La economía crece en España", "La economía crece en España hoy"]);
  });

  it("a declared encoding is checked too: unknown names, bytes it has no character for, a byte order mark saying otherwise", () => {
    expect(problems(singleByte(`---\nencoding: koi8-r\n---\n${SPANISH}`))).toEqual(['seeds/story.txt:2: encoding "koi8-r", expected one of utf-8, windows-1252, iso-8859-15']);
    expect(problems(singleByte(`---\nencoding: windows-1252\n---\nWorld\n\nTalks\n\nGeneva, Jan 21 (EFE).- A \x81 B.\n`))).toEqual([
      "seeds/story.txt:8: byte 0x81 that is not a character in windows-1252, expected text in windows-1252, as front matter or --encoding says, or the file's real encoding declared",
    ]);
    expect(problems(wide(`---\nencoding: windows-1252\n---\n${SPANISH}`, "utf-16le"))).toEqual([
      "seeds/story.txt:2: encoding windows-1252, but the file starts with a UTF-16LE byte order mark, expected the encoding the byte order mark says, or no encoding line",
    ]);
  });

  it("UTF-16 without a byte order mark, or with a lone surrogate, is an error, not 48 warnings", () => {
    const noBom = wide(SPANISH, "utf-16le").subarray(2);
    expect(problems(noBom)).toEqual(["seeds/story.txt:1: NUL bytes between the characters (UTF-16 without a byte order mark?), expected UTF-8 text, or UTF-16 starting with a byte order mark"]);
    expect(problems(wide("World\n\nTalks\n\nGeneva, Jan 21 (EFE).- A \uD800 B.\n", "utf-16be"))).toEqual([
      "seeds/story.txt:5: byte 0xD8 0x00 that is not UTF-16 big-endian, as its byte order mark says, expected well-formed UTF-16 big-endian text",
    ]);
  });

  it("every seed's decoding problem is reported together with the others'", () => {
    const { problems } = compileSeeds(
      [{ dir: "seeds", seeds: [{ file: "seeds/a.txt", bytes: singleByte(SPANISH) }, { file: "seeds/b.txt", text: "" }] }],
      { today: "2026-11-29" },
    );
    expect(problems.map(formatProblem).map((line) => line.slice(0, 22))).toEqual(["seeds/a.txt:1: byte 0x", "seeds/b.txt:1: an empt"]);
  });
});
