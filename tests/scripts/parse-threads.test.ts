import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_THREADS, parseInThreads, splitSeeds, threadCount } from "../../scripts/parse-threads";
import { compileSeeds, parseSeeds, seedsInParseOrder, type CompileOptions, type SeedFolder } from "../../src/content/compile";
import { TODAY } from "../support/seeds";

const STORIES = resolve(import.meta.dirname, "../wire-corpus/stories");
const OPTIONS: CompileOptions = { today: TODAY, now: Date.parse(`${TODAY}T10:00:00Z`) };

/**
 * Agencies' copy in many languages (tests/wire-corpus) in two folders, with
 * a seed that has no dateline, an old dateline (a warning) and a next
 * version of a story in the other folder: the shares must say each of them
 * as a build on one thread does, in the same order.
 */
function desk(): SeedFolder[] {
  const stories = readdirSync(STORIES)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => ({ file: `wire/${name}`, bytes: readFileSync(join(STORIES, name)) }));
  const extra = [
    { file: "wire/zz-no-dateline.txt", text: "World\n\nA headline\n\nNo dateline here at all.\n" },
    { file: "wire/zz-old.txt", text: "World\n\nOld talks\n\nGeneva, Jan 21 (EFE).- Diplomats met.\n\nMore.\n" },
  ];
  const update = { file: "late/update.txt", text: `---\nreplaces: ${stories[3]!.file.slice(5, -4)}\n---\nWorld\n\nTalks resume\n\nGeneva, Nov 28 (EFE).- Diplomats met again.\n` };
  return [
    { dir: "wire", seeds: [...stories, ...extra] },
    { dir: "late", seeds: [update] },
  ];
}

/** The desk as a build a month later sees it: each folder with the record the first build wrote (a dateline's year is read from the recorded day). */
function recorded(folders: SeedFolder[]): SeedFolder[] {
  const first = compileSeeds(folders, { today: "2026-10-29" });
  return folders.map((folder, i) => ({ ...folder, record: first.records[i]!.text }));
}

describe("the build's parse in threads", () => {
  it("gives what one thread gives, problems, warnings and the compilation included, for any number of threads", { timeout: 60_000 }, async () => {
    for (const folders of [desk(), recorded(desk())]) {
      const alone = parseSeeds(folders, OPTIONS);
      expect(alone.some((result) => result.problems.length > 0)).toBe(true);
      expect(alone.some((result) => result.warnings.length > 0)).toBe(true);
      for (const threads of [2, 3]) {
        const shared = await parseInThreads(folders, OPTIONS, threads);
        expect(shared).toEqual(alone);
        expect(compileSeeds(folders, OPTIONS, shared)).toEqual(compileSeeds(folders, OPTIONS));
      }
    }
  });

  it("splits the seeds into runs that, in order, are every folder's seeds in parse order, each share with every folder's record", () => {
    const folder = fc.record({
      dir: fc.constantFrom("a", "b", "c"),
      seeds: fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,6}\.txt$/), { maxLength: 30 }).map((names) => names.map((name) => ({ file: name, text: name }))),
      record: fc.option(fc.string(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(folder, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 9 }), (folders, threads) => {
        const shares = splitSeeds(folders, threads);
        const total = folders.reduce((sum, f) => sum + f.seeds.length, 0);
        expect(shares.length).toBe(Math.max(1, Math.min(threads, total)));
        const sizes = shares.map((share) => share.reduce((sum, f) => sum + f.seeds.length, 0));
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        folders.forEach((f, i) => {
          expect(shares.flatMap((share) => share[i]!.seeds)).toEqual(seedsInParseOrder(f));
          for (const share of shares) expect([share[i]!.dir, share[i]!.record]).toEqual([f.dir, f.record]);
        });
      }),
    );
  });

  it("uses a thread per core when the seeds keep them busy, up to MAX_THREADS, and says what is wrong with a bad WIREFEED_BUILD_THREADS", () => {
    expect(threadCount(10, undefined, 8)).toBe(1);
    expect(threadCount(100_000, undefined, 2)).toBe(2);
    expect(threadCount(5_000, undefined, 8)).toBe(2);
    // Each thread holds its own parser: many cores get no more than MAX_THREADS unless asked.
    expect(threadCount(1_000_000, undefined, 64)).toBe(MAX_THREADS);
    expect(threadCount(1_000_000, "16", 64)).toBe(16);
    expect(threadCount(10, "3", 1)).toBe(3);
    expect(threadCount(10, "", 8)).toBe(1);
    for (const bad of ["0", "two", "-1", "1.5"]) expect(threadCount(10, bad)).toBe(`WIREFEED_BUILD_THREADS "${bad}" is not a number of threads, expected a whole number from 1 to 999`);
  });
});
