/**
 * Every parser step is linear in its input: a hostile or broken 1 MB seed
 * builds (or fails) in well under a second. The bound is generous for a busy
 * CI machine; it guards against backtracking that took 30 s and more on
 * 200,000 spaces (tail.ts's sign-off pattern, dateline.ts's).
 *
 * In Node, not workerd: the Workers runtime stops its clock during synchronous
 * work, so a timing taken there reads zero.
 */
import { describe, expect, it } from "vitest";
import { compileSeeds } from "../../src/content/compile";

const MB = 1 << 20;
const HEAD = "World\n\nTalks end\n\n";
const LEDE = "Geneva, Jan 21 (EFE).- Talks.\n\n";
const BOUND_MS = 1000;

/** Each shape puts about 1 MB where a pattern once backtracked, or could. */
const SHAPES: Record<string, string> = {
  "a sign-off line of 200,000 spaces then a word": `${HEAD}${LEDE}EFE${" ".repeat(200_000)}x\n`,
  "spaces after the dateline's place": `${HEAD}Geneva${" ".repeat(MB)}x\n\nMore.\n`,
  "spaces between the place's comma and the agency": `${HEAD}Geneva,${" ".repeat(MB)}(EFE).\n\nMore.\n`,
  "a headline of spaces, read as a possible dateline": `World\n\nGeneva${" ".repeat(MB)}x\n\n${LEDE}`,
  "one long line": `${HEAD}Geneva, Jan 21 (EFE).- ${"a".repeat(MB)}\n`,
  "slashes, as initials have": `${HEAD}${LEDE}${"a/".repeat(MB / 2)}!\n`,
  "slashes and spaces after an agency": `${HEAD}${LEDE}EFE ${"a / ".repeat(MB / 4)}!\n`,
  "dashes where the separator goes": `${HEAD}Geneva, Jan 21 (EFE) ${"- ".repeat(MB / 2)}\n`,
  "sentence ends and spaces before a last word": `${HEAD}${LEDE}${". ".repeat(MB / 2)}x\n`,
  "parentheses after the place": `${HEAD}Geneva ${"(".repeat(MB)}\n`,
  "blank lines": `${HEAD}${LEDE}${"\n".repeat(MB)}More.\n`,
  "short lines": `${HEAD}${LEDE}${"line\n".repeat(MB / 5)}`,
  "a front matter list": `---\ntags: ${"a, ".repeat(MB / 3)}\n---\n${HEAD}${LEDE}`,
  "spaces in a front matter key": `---\ntags${" ".repeat(MB)}x\n---\n${HEAD}${LEDE}`,
  "quotes in front matter": `---\nsummary: "${'"'.repeat(MB)}\n---\n${HEAD}${LEDE}`,
};

function timeToCompile(bytes: Uint8Array): number {
  const started = performance.now();
  compileSeeds([{ dir: "seeds", seeds: [{ file: "seeds/story.txt", bytes }] }], { today: "2026-11-29" });
  return performance.now() - started;
}

describe("a 1 MB adversarial seed compiles in well under a second", () => {
  for (const [shape, text] of Object.entries(SHAPES)) {
    it(shape, () => {
      expect(text.length).toBeGreaterThan(190_000);
      expect(timeToCompile(new TextEncoder().encode(text))).toBeLessThan(BOUND_MS);
    });
  }

  it("a megabyte of bytes that are not UTF-8", () => {
    expect(timeToCompile(new Uint8Array(MB).fill(0xe9))).toBeLessThan(BOUND_MS);
    expect(timeToCompile(Uint8Array.from({ length: MB }, (_, i) => (i % 2 ? 0x0a : 0xe9)))).toBeLessThan(BOUND_MS);
  });
});
